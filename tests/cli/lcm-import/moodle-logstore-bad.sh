# Bad rows of a log table dump are refused with file:line, the store
# unchanged: a user id that is no number, a timecreated that is a date, an
# `other` cut short (its string shorter than its length says).
lcm-import -q --now 2026-12-01T00:00:00Z "$DATA"/lcm-import/moodle-logstore.tsv
before=$(sqlite3 "$LCM_DB" "SELECT count(*) FROM event")
t="$DATA"/lcm-import/moodle-logstore.tsv
awk -F'\t' -v OFS='\t' 'NR == 4 { $1 = 900; $13 = "abc" } { print }' "$t" >bad-user.tsv
awk -F'\t' -v OFS='\t' 'NR == 6 { $1 = 901; $18 = "2016-01-19 12:00:00" } { print }' "$t" >bad-time.tsv
awk -F'\t' -v OFS='\t' 'NR == 2 { $1 = 902; sub(/demouser/, "demo", $17) } { print }' "$t" >bad-other.tsv
for f in bad-user.tsv bad-time.tsv bad-other.tsv; do
	lcm-import --now 2026-12-01T00:00:00Z $f; echo "rc=$?"
done
sqlite3 "$LCM_DB" "SELECT 'events unchanged', count(*) = $before FROM event; SELECT 'sources', count(*) FROM source"
# with --skip-invalid the bad row goes to the rejects, the others in
lcm-import --now 2026-12-01T00:00:00Z --skip-invalid --rejects rej.csv bad-time.tsv; echo "rc=$?"
cut -c1-60 rej.csv
