# JSON limits: --max-json-size bounds a whole document and each NDJSON
# line; over it the file is refused (store unchanged), raised it goes in.
st='{"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://x.org/v"},"object":{"id":"http://x.org/o%s"},"timestamp":"2026-11-01T10:00:00Z","id":"%s"}'
{ echo '['; for i in 1 2 3 4 5 6 7 8 9 10; do printf "$st,\n" "$i" "00000000-0000-0000-0000-0000000000$((i + 10))"; done; printf "$st]\n" 0 00000000-0000-0000-0000-000000000000; } >doc.json
for i in 1 2; do printf "$st\n" "$i" "00000000-0000-0000-0000-00000000010$i"; done >lines.ndjson
printf "$st\n" "3$(head -c 1200 /dev/zero | tr '\0' x)" 00000000-0000-0000-0000-000000000103 >>lines.ndjson
wc -c <doc.json
lcm-import --max-json-size 1k doc.json; echo "rc=$?"
lcm-import --max-json-size 1k lines.ndjson; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT count(*) FROM event"
lcm-import --max-json-size 3k doc.json lines.ndjson; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT count(*) FROM event"
lcm-import --max-json-size 5G doc.json; echo "rc=$?"
