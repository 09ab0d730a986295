# A catalogue in JSON: lists as arrays or ';'-strings; remedial bands too.
cp "$DATA"/lcm-pathway/catalogue.json .
printf 'person,item,score\nu2,V4,0.4\n' > scores.csv
printf 'learner,goals,completed\nu1,tutorat;bilan,\nu2,bilan,V1;V2;V3;V4\n' > l.csv
lcm-pathway --catalogue catalogue.json --learners l.csv --scores scores.csv -f csv
echo "rc=$?"
