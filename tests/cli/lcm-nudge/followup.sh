# --followup on a store where later activity is imported: came-back
# figures equal a hand count, beside the comparison group (the rows not
# written to: no e-mail, a bad address).
# By hand, sent 2026-11-23T09:00Z, window 7d: written to u1 u2 u5; u1
# back on 11-25 09:00 (2 days), u2 never, u5 on 12-03 (10 days: too
# late): 1 of 3, median 2. Not written to u3 u4: u3 back on 11-24 09:00
# (1 day), u4 never: 1 of 2, median 1.
d=$DATA/lcm-nudge
lcm-import -q "$d/persons.csv"
mkdir out
lcm-nudge -q --now 2026-11-23T09:00:00Z -t "$d/nudge.txt" --outbox out "$d/rows.csv"
lcm-import -q "$d/later-events.csv"
lcm-nudge --followup --since 2026-11-01 --now 2026-12-10T00:00:00Z -f csv
echo "rc=$?"
lcm-nudge --followup --by template --min-group 3 --since 2026-11-01 --now 2026-12-10T00:00:00Z -f csv
echo "rc=$?"
echo "== within the window: pending rows count in no rate"
lcm-nudge --followup --by template --now 2026-11-24T12:00:00Z -f csv
LCM_PSEUDO_KEY=0123456789abcdef0123 lcm-nudge --followup --pseudonymize \
	--now 2026-12-10T00:00:00Z -f csv | cut -d, -f1-4
echo "== nothing since"
lcm-nudge --followup --since 2026-12-01 --now 2026-12-10T00:00:00Z -f csv
echo "rc=$?"
