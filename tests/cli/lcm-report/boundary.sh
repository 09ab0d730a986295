# Periods are [start, end): two consecutive 7-day reports meet at
# 2016-01-13T00:00Z, where a post (p2) and an event (l3) are stamped; each
# is counted once in all, in the later report, whose "before" is the
# earlier one. The weeks of the first end with W01: W02 has not begun.
cat > posts.csv <<'CSV'
id,thread,parent,author,created,subject,body,course,forum
p1,T1,,l1,2016-01-08T10:00:00Z,Before,Inside the first week,C1,F1
p2,T2,,l2,2016-01-13T00:00:00Z,Boundary,Exactly at the boundary,C1,F1
p3,T2,p2,l1,2016-01-15T10:00:00Z,Re: Boundary,Inside the second week,C1,F1
CSV
cat > events.csv <<'CSV'
person,time,verb,object,course
l3,2016-01-13T00:00:00Z,viewed,page,C1
CSV
lcm-import -q posts.csv events.csv
for now in 2016-01-13T00:00Z 2016-01-20T00:00Z; do
	lcm-report --now $now --period 7d --weeks 3 -f json > r.json
	echo "rc=$?"
	python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))
p, h = r["period"], r["headline"]
print(p["since"], "to", p["until"], "before", p["previous_since"], "to", p["previous_until"])
for k in ("posts", "new_threads", "active_learners"):
    print(" ", k, h[k]["now"], "before", h[k]["before"])
print("  weeks", [(w["week"], w["posts"], w["partial"]) for w in r["weeks"]])
print("  resources", r["resources"]["events"])' r.json
done
