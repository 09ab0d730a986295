# The report counts with lcm-engage's library: its figures per cohort are
# lcm-engage --by cohort's, and its learners to nudge lcm-engage --at-risk's.
for f in "Annonces:annonces" "Questions sur le cours:questions" "Café des apprenants:cafe"; do
	lcm-import -q --course AGILE-2026 --tz Europe/Paris --forum "${f%%:*}" \
		"$SAMPLE/forum_${f##*:}.csv"
done
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" "$SAMPLE/logs.csv"
now=2026-11-23T09:00:00+01:00
lcm-report --now $now --period 30d --split-by cohort --out-dir c -f json -q
lcm-engage --now $now --since 2026-10-24T08:00:00Z --by cohort --network -f json > engage.json
lcm-report --now $now --period 30d -f json --top 1000 > all.json
lcm-engage --now $now --since 2026-10-24T08:00:00Z --at-risk -f json > risk.json
python3 - <<'PY'
import json
engage = {g["cohort"]: g for g in json.load(open("engage.json"))}
for key, f in (("Groupe A", "c/groupe-a.json"), ("Groupe B", "c/groupe-b.json")):
    r, g = json.load(open(f)), engage[key]
    h, n = r["headline"], r["network"]
    pairs = [(r["learners"], g["members"]), (h["active_learners"]["now"], g["active"]),
             (h["new_threads"]["now"], g["threads"]),
             (h["posts"]["now"], g["threads"] + g["replies"]),
             (round(h["response_rate"]["now"], 4), g["response_rate"]),
             (round(h["unanswered_share"]["now"], 4), g["unanswered_share"]),
             (round(h["first_response_median"]["now"], 1), g["ttfr_median_h"]),
             (round(h["first_response_p90"]["now"], 1), g["ttfr_p90_h"]),
             (n["density"], g["density"]), (n["reciprocity"], g["reciprocity"]),
             (n["isolates"], g["isolates"]), (n["staff_share"], g["staff_share"])]
    print(key, "report = engage" if all(a == b for a, b in pairs) else pairs)
r = json.load(open("all.json"))
risk = json.load(open("risk.json"))
mine = [(p["person"], p["reasons"]) for p in r["at_risk"]["learners"]]
theirs = [(p["person"], p["reasons"]) for p in risk]
print(len(mine), "to nudge:", "report = engage" if mine == theirs else (mine, theirs))
PY
