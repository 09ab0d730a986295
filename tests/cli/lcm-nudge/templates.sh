# A malformed template is refused with template:line before anything is
# written or recorded.
d=$DATA/lcm-nudge
lcm-import -q "$d/persons.csv"
mkdir out
for t in bad-field bad-open bad-close bad-reason bad-header bad-blank bad-tag bad-number; do
	lcm-nudge --now 2026-11-23T09:00:00Z -t "$d/$t.txt" --outbox out "$d/rows.csv"
	echo "$t: rc=$?"
done
lcm-nudge -t nosuch.txt --outbox out "$d/rows.csv"
echo "missing: rc=$?"
ls out
sqlite3 "$LCM_DB" "SELECT count(*) FROM sqlite_master WHERE name = 'nudge_message'"
echo "== a bad variant is found before anything is sent"
cp "$d/nudge.txt" nudge.txt
printf 'Subject: Salut\n\n{{#reasons.inactive}}\n' >nudge.fr.txt
lcm-nudge --now 2026-11-23T09:00:00Z -t nudge.txt --outbox out "$d/rows.csv"
echo "variant: rc=$?"
ls out
echo "== a To that merges to no address skips the row"
lcm-nudge --now 2026-11-23T09:00:00Z -t "$d/manager.txt" "$d/rows.csv"
echo "manager: rc=$?"
