# One report per manager, cohort or course, for a loop that mails each
# their page: files named after the group, listed with the group on
# standard output; groups under --min-group get none (Léo has no manager).
d=$DATA/lcm-report
lcm-import -q "$d/persons.csv" "$d/posts.csv" "$d/events.csv"
now=2026-11-23T09:00:00Z
lcm-report --now $now --period 14d --split-by manager --out-dir managers
echo "rc=$?"
ls managers
head -n 5 managers/bob-example-org.txt
lcm-report --now $now --period 14d --split-by cohort --out-dir cohorts -f md --min-group 2
ls cohorts
sed -n '1,4p' cohorts/south.md
lcm-report --now $now --period 14d --split-by course --out-dir courses -f json --min-group 0
python3 -c 'import json, sys
for f in sys.argv[1:]:
    r = json.load(open(f))
    print(f, r["split"], r["group"], r["learners"], r["headline"]["new_threads"]["now"], [x["name"] for x in r["forums"]])' courses/*.json
# a mail loop, as lcm-report(1) shows it
lcm-report --now $now --period 14d --split-by manager --out-dir out -f html -q
echo "quiet: rc=$?"
lcm-report --now $now --period 14d --split-by manager --out-dir out -f html |
while IFS="$(printf '\t')" read -r who file; do
	echo "mail -s 'Your team this fortnight' $who < $file ($(grep -c '<svg' "$file") charts)"
done
