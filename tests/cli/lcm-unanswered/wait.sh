# --once records in a transaction, which waits for another writer (an
# import) as long as --wait says: it gives up after 1 s with --wait 1s
# (the list printed, nothing recorded, exit 2), and with --wait 30s it
# records once the writer is done.
lcm-import -q "$DATA/lcm-unanswered/persons.csv" "$DATA/lcm-unanswered/posts.csv"
N=2026-11-10T12:00:00Z
# a writer that holds the store's write lock until the file 'go' exists
sqlite3 "$LCM_DB" >/dev/null <<'SQL' &
BEGIN IMMEDIATE;
DELETE FROM notified;
.shell touch locked
.shell while [ ! -e go ]; do sleep 0.05; done
COMMIT;
SQL
writer=$!
while [ ! -e locked ]; do sleep 0.05; done
lcm-unanswered --now $N --once c --wait 1s -f tsv | cut -f1
lcm-unanswered --now $N --once c --wait 1s -f tsv >/dev/null; echo "--wait 1s: rc=$?"
lcm-unanswered --now $N --once c --wait 30s -f tsv >waited.tsv &
reader=$!
sleep 1
touch go
wait $reader; echo "--wait 30s: rc=$?"
wait $writer
cut -f1 waited.tsv
sqlite3 "$LCM_DB" "SELECT channel, count(*) FROM notified GROUP BY 1;"
echo "== misuse"
lcm-unanswered --wait soon; echo "rc=$?"
lcm-unanswered --wait 2d; echo "rc=$?"
