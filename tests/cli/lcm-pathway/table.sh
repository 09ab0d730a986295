# The table for people, on one learner.
cp "$DATA"/lcm-pathway/catalogue.csv "$DATA"/lcm-pathway/learners.csv .
lcm-pathway --catalogue catalogue.csv --learners learners.csv --learner f05 -f table
