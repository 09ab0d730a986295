# Milestones of learning bricks. The pathway case of tests/data: a
# pathway is completed when lcm-pathway has nothing left for the person
# (each goal held, or its highest-level brick done), at that completion.
d=$DATA/lcm-pathway
lcm-import -q "$d/persons.csv" "$d/catalogue.csv" "$d/skills.csv" "$d/completions.csv"
# f02 (goal evaluation) does B03 then B24, the level-2 evaluation brick;
# f03 (goal moodle) B06, level 2; f01 (goal animation) only B15, level 1
# of 3. f04's second completion is a failure.
printf '%s\n' 'person,item,state,time' \
	'f02,B03,completed,2026-10-06T10:00:00+02:00' \
	'f02,B24,completed,2026-10-08T10:00:00+02:00' \
	'f03,B06,passed,2026-10-09T10:00:00+02:00' \
	'f01,B15,completed,2026-10-09T11:00:00+02:00' \
	'f04,B04,failed,2026-10-10T10:00:00+02:00' > more.csv
lcm-import -q more.csv
lcm-pathway --now 2026-10-15 -f tsv | cut -f1,4,8
echo "rc=$?"
lcm-engage --now 2026-10-15 --since 2026-10-05 --milestones -f csv
echo "rc=$?"
# The default ladder's brick rules over the whole history, by count.
lcm-engage --now 2026-10-15 --milestones --all -f tsv | cut -f4,5 | sort | uniq -c
