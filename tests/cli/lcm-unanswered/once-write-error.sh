# --once records a thread only once the list reached standard output:
# written to a full disk it exits 2 and records nothing, so the next run
# lists the same threads. -q silences messages, never the list: with
# --once the threads recorded are the threads printed.
lcm-import -q "$DATA/lcm-unanswered/persons.csv" "$DATA/lcm-unanswered/posts.csv"
N=2026-11-10T12:00:00Z
for f in csv table json; do
	lcm-unanswered --now $N --once c -f $f >/dev/full; echo "$f to /dev/full: rc=$?"
done
# more than stdio's buffer: the write fails while the list is written
lcm-unanswered --now $N --older-than 0 --posts --include-staff --by staff --once c --explain \
	--url "https://x/$(printf '%04096d' 0)/{thread}" -f tsv >/dev/full; echo "a long list to /dev/full: rc=$?"
sqlite3 "$LCM_DB" "SELECT 'recorded: ' || count(*) FROM notified;"
lcm-unanswered --now $N --once c -f tsv >out.tsv; echo "rc=$?"
cut -f1 out.tsv
echo "== -q --once"
lcm-unanswered --now $N --once q -q -f tsv >out.tsv; echo "rc=$?"
cut -f1 out.tsv
lcm-unanswered --now $N --once q -q -f tsv; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT channel, count(*) FROM notified GROUP BY 1 ORDER BY 1;"
