# Who knows what on two real StackExchange meta sites (every question a
# thread, its Tags the themes): the section as text, and its rows equal
# to lcm-engage --expertise's.
for site in conlang.meta alcohol.meta; do
	lcm-import -q --db $site.db "$FIXTURES/stackexchange/$site"
	lcm-report --db $site.db --now 2026-12-01T00:00:00Z --top 5 | sed -n '/^WHO KNOWS WHAT/,$p'
	echo "rc=$?"
	lcm-report --db $site.db --now 2026-12-01T00:00:00Z -f json > $site.json
	lcm-engage --db $site.db --now 2026-12-01T00:00:00Z --expertise -f csv > $site.csv
	python3 - $site <<'PY'
import csv, json, sys
site = sys.argv[1]
e = {}
for r in csv.DictReader(open(site + ".csv")):
    e.setdefault(r["theme"], []).append((int(r["rank"]), r["person"], int(r["answers"]),
                                         int(r["accepted"]), int(r["thanks"]), float(r["score"])))
x = json.load(open(site + ".json"))["experts"]
same = all([(p["rank"], p["person"], p["answers"], p["accepted"], p["thanks"], float(p["score"]))
            for p in t["best"]] == e[t["theme"]] for t in x["top"])
print("%s: %d themes of %d shown, rows as lcm-engage --expertise: %s" % (site, len(x["top"]),
      x["themes"], same))
PY
done
