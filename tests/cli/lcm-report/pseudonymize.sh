# --pseudonymize: persons as HMAC pseudonyms in every list, no name
# anywhere (nor as a theme), managers' files named by pseudonym.
d=$DATA/lcm-report
lcm-import -q "$d/persons.csv" "$d/posts.csv" "$d/events.csv"
now=2026-11-23T09:00:00Z
LCM_PSEUDO_KEY=0123456789abcdef lcm-report --now $now --period 14d --pseudonymize -f json > p.json
echo "rc=$?"
python3 -c 'import json
r = json.load(open("p.json"))
print([p["person"] for p in r["at_risk"]["learners"]], [p["name"] for p in r["praise"]])
print([t["author"] for t in r["unanswered"]["oldest"]])'
# no name of the persons file in any format
for f in text md html json; do
	LCM_PSEUDO_KEY=0123456789abcdef lcm-report --now $now --period 14d --pseudonymize -f $f > out.$f
	cut -d, -f2 "$d/persons.csv" | tail -n +2 | while read -r name; do
		first=${name%% *}
		grep -i -q -- "$first" out.$f && echo "$f: $first shown"
	done
	echo "$f: checked"
done
LCM_PSEUDO_KEY=0123456789abcdef lcm-report --now $now --period 14d --pseudonymize \
	--split-by manager --out-dir m
env -u LCM_PSEUDO_KEY lcm-report --now $now --pseudonymize
echo "rc=$?"
