# The nudges section: the store of lcm-nudge's followup case (by hand, sent
# 2026-11-23T09:00Z, window 7d: written to u1 u2 u5, u1 back on 11-25
# (2 days), u2 never, u5 on 12-03 (too late): 1 of 3, median 2; not
# written to u3 u4: u3 back on 11-24 (1 day), u4 never: 1 of 2, median 1).
# The report's figures equal lcm-nudge --followup --by template's: one
# computation (lcm_nudge_followup_group) serves both.
d=$DATA/lcm-nudge
lcm-import -q "$d/persons.csv"
echo "== no table nudge_message yet: no section"
lcm-report --since 2026-11-01 --until 2026-12-10 | grep -c NUDGES
mkdir out
lcm-nudge -q --now 2026-11-23T09:00:00Z -t "$d/nudge.txt" --outbox out "$d/rows.csv"
lcm-import -q "$d/later-events.csv"
lcm-nudge --followup --by template --since 2026-11-01 --now 2026-12-10T00:00:00Z -f csv
p="--since 2026-11-01 --until 2026-12-10"
echo "== text"
lcm-report $p | sed -n '/^NUDGES/,$p'
echo "== md"
lcm-report $p -f md | sed -n '/^## Nudges/,$p'
echo "== json"
lcm-report $p -f json | python3 -c 'import json,sys; print(json.dumps(json.load(sys.stdin)["nudges"], indent=1, sort_keys=True))'
echo "== html"
lcm-report $p -f html | sed -n '/<section id="nudges"/,/<\/section>/p'
echo "== a period with no message: the section says so"
lcm-report --since 2026-12-01 --until 2026-12-10 | sed -n '/^NUDGES/,$p'
echo "== --split-by: of the whole community only"
lcm-report $p --split-by cohort --out-dir split --min-group 0 -q
echo "split reports with the section: $(cat split/* | grep -c NUDGES)"
