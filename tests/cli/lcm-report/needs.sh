# "What learners ask about" on the sample course: the themes of learners'
# questions (thread-opening posts) of 30 days against the 4 periods of 30
# days before, with the bricks of a catalogue that teach them.
for f in "Annonces:annonces" "Questions sur le cours:questions" "Café des apprenants:cafe"; do
	lcm-import -q --course AGILE-2026 --tz Europe/Paris --forum "${f%%:*}" \
		"$SAMPLE/forum_${f##*:}.csv"
done
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" "$SAMPLE/logs.csv"
now="--now 2026-11-23T09:00:00+01:00 --period 30d"
echo "== no catalogue: no bricks column"
lcm-report $now --needs -f csv
echo "rc=$?"
cp "$DATA/lcm-pathway/catalogue.csv" .
lcm-import -q catalogue.csv
echo "== with the catalogue: a theme no brick teaches is flagged"
lcm-report $now --needs -f csv
echo "== tsv, json (first row), one period before"
lcm-report $now --needs -f tsv --needs-periods 1 | head -3
lcm-report $now --needs -f json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0])'
echo "== the section in the report's formats"
lcm-report $now | sed -n '/^WHAT LEARNERS ASK ABOUT/,$p'
lcm-report $now -f md | sed -n '/^## What learners ask about/,$p'
lcm-report $now -f json | python3 -c 'import json,sys; d=json.load(sys.stdin)["needs"]; print(d["questions"], d["periods_before"], d["catalogue"], [t["theme"] for t in d["themes"]])'
lcm-report $now -f html | sed -n '/<section id="needs"/,/<\/section>/p' | grep -c '<tr><th scope="row">'
echo "== --pseudonymize: the same rows (themes hold no names)"
lcm-report $now --needs -f csv >plain.csv
LCM_PSEUDO_KEY=0123456789abcdef0123 lcm-report $now --needs -f csv --pseudonymize | cmp - plain.csv && echo same
echo "== deterministic"
lcm-report $now --needs -f csv | cmp - plain.csv && echo same
echo "== a period with no question: rc 1, no section in the report"
lcm-report --now 2027-06-01T00:00:00Z --needs -f csv
echo "rc=$?"
lcm-report --now 2027-06-01T00:00:00Z | grep -c "WHAT LEARNERS"
