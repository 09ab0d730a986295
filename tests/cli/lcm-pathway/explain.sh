# --explain says why each brick is there and what was passed over.
cp "$DATA"/lcm-pathway/catalogue.csv "$DATA"/lcm-pathway/learners.csv \
	"$DATA"/lcm-pathway/scores.csv .
lcm-pathway --catalogue catalogue.csv --learners learners.csv --scores scores.csv \
	--learner f02 --learner f03 --explain -f tsv
