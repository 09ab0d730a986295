# The period by its ends, fewer weeks and rows, a title with markup, a
# quiet run that only writes its file, a shorter --inactive-after.
d=$DATA/lcm-report
lcm-import -q "$d/persons.csv" "$d/posts.csv" "$d/events.csv"
now=2026-11-23T09:00:00Z
lcm-report --now $now --since 2026-11-02 --until 2026-11-16T00:00:00Z --weeks 4 --top 3 \
	--title 'Data & Python <cohort 3>'
echo "rc=$?"
lcm-report --now $now --period 14d -q -o quiet.html
echo "rc=$?"
grep -c '<svg' quiet.html
lcm-report --now $now --period 14d -q
echo "nothing printed: rc=$?"
python3 -c 'import json, sys
for f in sys.argv[1:]:
    r = json.load(open(f))
    print(f, r["at_risk"]["total"], [(p["person"], p["reasons"]) for p in r["at_risk"]["learners"]])' \
	/dev/stdin <<EOF2
$(lcm-report --now $now --period 14d --inactive-after 3d -f json)
EOF2
