# json and ndjson nest the steps in one object per learner; an unmet goal
# is a step without a brick.
cp "$DATA"/lcm-pathway/catalogue.csv "$DATA"/lcm-pathway/learners.csv .
lcm-pathway --catalogue catalogue.csv --learners learners.csv --learner f04 \
	--learner f07 -f json
lcm-pathway --catalogue catalogue.csv --learners learners.csv --learner f04 \
	--learner f07 -f ndjson -q
