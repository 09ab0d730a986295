# Markdown: a section per learner, ready for a wiki or a mail.
cp "$DATA"/lcm-pathway/catalogue.csv "$DATA"/lcm-pathway/learners.csv \
	"$DATA"/lcm-pathway/scores.csv .
lcm-pathway --catalogue catalogue.csv --learners learners.csv --scores scores.csv \
	--learner f02 --learner f07 -f md -q
