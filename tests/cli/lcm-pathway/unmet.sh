# A goal no brick teaches: a row 'unmet:SKILL' and a warning; with
# --strict, an error and nothing planned.
cp "$DATA"/lcm-pathway/catalogue.csv .
printf 'learner,goals\nu1,animation;blockchain\nu2,blockchain;ia\nu3,moodle\n' > l.csv
lcm-pathway --catalogue catalogue.csv --learners l.csv -f csv
echo "rc=$?"
lcm-pathway --catalogue catalogue.csv --learners l.csv -f csv --strict
echo "rc=$?"
