# Any CSV with a person column will do, so lcm-engage's learners at risk
# (here as lcm-engage writes them) get an onboarding pathway in one pipe;
# the flags stand in for what the CSV does not say.
cp "$DATA"/lcm-pathway/catalogue.csv "$DATA"/lcm-pathway/at-risk.csv .
cat at-risk.csv | lcm-pathway --catalogue catalogue.csv --learners - \
	--goal onboarding --goal moodle --prefer video,article --lang fr --budget 45 -f csv
