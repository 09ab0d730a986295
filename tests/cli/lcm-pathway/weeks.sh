# Weeks of 60 minutes: a 90-minute workshop gets a week of its own, and
# --weeks 2 leaves out what does not fit.
cp "$DATA"/lcm-pathway/catalogue.csv "$DATA"/lcm-pathway/learners.csv .
lcm-pathway --catalogue catalogue.csv --learners learners.csv --learner f01 \
	--learner f03 --budget 60 -f csv
echo "rc=$?"
lcm-pathway --catalogue catalogue.csv --learners learners.csv --learner f01 \
	--learner f03 --budget 60 --weeks 2 -f csv
echo "rc=$?"
