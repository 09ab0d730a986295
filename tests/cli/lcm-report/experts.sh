# Who knows what on the sample course: the section in Markdown, text and
# HTML; its rows are those of lcm-engage --expertise (the same map, rank
# for rank); the map is the store's, not the period's (a period before
# every post shows the same); pseudonyms are lcm-engage's.
for f in "Annonces:annonces" "Questions sur le cours:questions" "Café des apprenants:cafe"; do
	lcm-import -q --course AGILE-2026 --tz Europe/Paris --forum "${f%%:*}" \
		"$SAMPLE/forum_${f##*:}.csv"
done
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv"
now=2026-11-23T09:00:00+01:00
here=$(cd "$(dirname "$0")" && pwd)
lcm-report --now $now --period 30d -f md | sed -n '/^## Who knows what/,$p'
echo "rc=$?"
lcm-report --now $now --top 3 | sed -n '/^WHO KNOWS WHAT/,$p'
lcm-report --now $now -o r.html
python3 "$here/check-html.py" r.html | grep -e '^well' -e '^tables' -e '^sections'
sed -n '/<section id="experts"/,/<\/section>/p' r.html | grep -c '<th scope="rowgroup" rowspan="3">'
# the JSON's rows against lcm-engage --expertise's, and the map of a
# period before every post
lcm-report --now $now -f json > r.json
lcm-report --now 2020-01-01T00:00:00Z -f json > early.json
lcm-engage --now $now --expertise -f csv > e.csv
key=0123456789abcdef
LCM_PSEUDO_KEY=$key lcm-report --now $now --pseudonymize -f json > p.json
LCM_PSEUDO_KEY=$key lcm-engage --now $now --expertise --pseudonymize -f csv > pe.csv
python3 - <<'PY'
import csv, json

def rows(path):
    m = {}
    for r in csv.DictReader(open(path)):
        m.setdefault(r["theme"], []).append((int(r["rank"]), r["person"], int(r["answers"]),
                                             int(r["accepted"]), int(r["thanks"]), float(r["score"])))
    return m

def best(t):
    return [(p["rank"], p["person"], p["answers"], p["accepted"], p["thanks"], float(p["score"]))
            for p in t["best"]]

r = json.load(open("r.json"))["experts"]
e = rows("e.csv")
print("themes %d of %d; evidence %s" % (len(r["top"]), r["themes"],
      ", ".join("%s %g" % (t["theme"], t["evidence"]) for t in r["top"])))
print("rows as lcm-engage --expertise:", all(best(t) == e[t["theme"]] for t in r["top"]))
print("all the map's themes shown:", sorted(t["theme"] for t in r["top"]) == sorted(e))
print("same map for a period before every post:",
      json.load(open("early.json"))["experts"] == r)
p = json.load(open("p.json"))["experts"]
pe = rows("pe.csv")
print("pseudonyms as lcm-engage --expertise --pseudonymize:",
      all(best(t) == pe[t["theme"]] for t in p["top"]),
      "names:", sorted({q["name"] for t in p["top"] for q in t["best"]}, key=str))
PY
