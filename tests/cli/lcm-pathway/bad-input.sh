# Bad input: the file, the line, what is wrong, what was found; exit 2.
cp "$DATA"/lcm-pathway/catalogue.csv .
H='id,title,format,duration_min,level,skills,prereqs,language,url,remedial'
printf '%s\nB1,a,video,30,1,s,,fr,,\nB2,b,video,une heure,1,s,,fr,,\n' "$H" > duration.csv
printf '%s\nB1,a,quiz,10,1,s,,fr,,0-0.5:B2;0.4-1:B3\n' "$H" > bands.csv
printf 'id,title,format\nB1,a,video\n' > columns.csv
printf '[\n  {"id": "B1", "title": "a", "duration_min": 5},\n  {"id": "B2", "title": "b"}\n]\n' > keys.json
printf '[{"id": "B1",]\n' > invalid.json
: > empty.csv
for f in duration.csv bands.csv columns.csv keys.json invalid.json empty.csv missing.csv; do
	lcm-pathway --check --catalogue $f; echo "rc=$?"
done
printf 'learner,budget\nu1,90\nu2,2h\n' > budget.csv
lcm-pathway --catalogue catalogue.csv --learners budget.csv --goal moodle; echo "rc=$?"
printf 'name,goals\nAna,moodle\n' > noid.csv
lcm-pathway --catalogue catalogue.csv --learners noid.csv; echo "rc=$?"
printf 'learner,goals\nu1,moodle\n' > l.csv
printf 'person,item,score\nu1,B07,0,35\n' > scores.csv
lcm-pathway --catalogue catalogue.csv --learners l.csv --scores scores.csv; echo "rc=$?"
printf 'person,item,score\nu1,B07,high\n' > scores.csv
lcm-pathway --catalogue catalogue.csv --learners l.csv --scores scores.csv; echo "rc=$?"
lcm-pathway --catalogue catalogue.csv --learners l.csv --learner u9; echo "rc=$?"
# no learners file and no store to take them from
lcm-pathway --catalogue catalogue.csv --goal moodle 2>&1 | sed "s|$LCM_DB|\$LCM_DB|"
