# Hostile shapes and sizes: NUL bytes, 1 MB of text, 10,000 levels of
# JSON, 100,000 columns, a 100 MB line. Each is read (and shown escaped)
# or refused with exit 2 and a message saying what and where; a refused
# file leaves the store as it was. With /usr/bin/time (GNU) and a build
# without sanitizers or valgrind, the peak memory of the 100 MB cases is
# checked too (a line over the limits must not be held whole).
head='id,thread,parent,author,created,subject,body,course,forum,deleted,private'
printf 'id,name,role,cohort\na,Ana,learner,A\n' >persons.csv
{ echo "$head"; echo '1,t1,,a,2026-11-01T10:00:00Z,Hello,First post,C1,Q,0,0'; } >good.csv
lcm-import -q persons.csv good.csv; echo "base import rc=$?"
now=--now=2026-11-10T00:00:00Z
state() { lcm-unanswered $now -f tsv | cut -f1,10 | tr '\t\n' ' ;'; echo; }
before=$(state)
echo "store: $before"

echo "--- NUL bytes"
{ echo "$head"; printf '2,t2,,a,2026-11-01T10:00:00Z,Hi,"a\000b",C1,Q,0,0\n'; } >nul.csv
lcm-import nul.csv; echo "rc=$?"
printf '{"_id":{"$oid":"1"},"_type":"CommentThread","author_id":"9","title":"x\\u0000y","body":"b","course_id":"c","created_at":{"$date":1762160400000}}\n' >nul.mongo
lcm-import nul.mongo; echo "rc=$?"
printf '{"_id":{"$oid":"1"},"_type":"CommentThread","author_id":"9","title":"x\000y","body":"b","course_id":"c","created_at":{"$date":1762160400000}}\n' >nul2.mongo
lcm-import nul2.mongo; echo "rc=$?"

echo "--- 1 MB of text in a post, 5 MB refused"
{ echo "$head"; printf '3,t3,,a,2026-11-01T10:00:00Z,Big,"'; head -c 1048576 /dev/zero | tr '\0' 'w'; echo '?",C1,Q,0,0'; } >big.csv
lcm-import -q big.csv; echo "rc=$?"
lcm-unanswered $now -f csv | cut -d, -f1,10,11 | cut -c1-60
{ echo "$head"; printf '4,t4,,a,2026-11-01T10:00:00Z,Huge,"'; head -c 5000000 /dev/zero | tr '\0' 'w'; echo '",C1,Q,0,0'; } >huge.csv
lcm-import huge.csv; echo "rc=$?"

echo "--- 10,000 levels of JSON"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "["; for (i = 0; i < 10000; i++) printf "]"; print "" }' >deep.json
lcm-import deep.json; echo "rc=$?"
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "{\"a\":"; printf "1"; for (i = 0; i < 10000; i++) printf "}"; print "" }' >deep.ndjson
lcm-import deep.ndjson; echo "rc=$?"
lcm-pathway --catalogue deep.json --check; echo "rc=$?"

echo "--- 100,000 columns refused, 10,000 read"
awk -v h="$head" 'BEGIN { printf "%s", h; for (i = 11; i < 100000; i++) printf ",x%d", i; print "" }' >wide.csv
lcm-import wide.csv; echo "rc=$?"
awk -v h="$head" 'BEGIN { printf "%s", h; for (i = 11; i < 10000; i++) printf ",x%d", i; print "";
	printf "5,t5,,a,2026-11-01T10:00:00Z,Wide,w,C1,Q,0,0"; for (i = 11; i < 10000; i++) printf ","; print "" }' >wide10k.csv
lcm-import wide10k.csv; echo "rc=$?"

echo "--- a 100 MB line"
{ echo "$head"; printf '6,t6,,a,2026-11-01T10:00:00Z,Long,'; head -c 100000000 /dev/zero | tr '\0' 'x'; echo ',C1,Q,0,0'; } >long.csv
{ printf '{"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://x.org/v"},"object":{"id":"http://x.org/o"},"timestamp":"2026-11-01T10:00:00Z"}\n{"a":"'
  head -c 100000000 /dev/zero | tr '\0' 'x'; echo '"}'; } >long.ndjson
head -c 100000000 /dev/zero | tr '\0' '[' >long.json
# peak memory in KB of a run, when it can be measured honestly
bin=$(command -v lcm-import)
measure=0
if [ -x /usr/bin/time ] && /usr/bin/time -v true 2>/dev/null &&
	head -c 4 "$bin" | grep -q ELF && ! ldd "$bin" 2>/dev/null | grep -q 'libasan\|libubsan'; then
	measure=1
fi
for f in long.csv long.ndjson long.json; do
	if [ $measure = 1 ]; then
		/usr/bin/time -v -o time.txt lcm-import "$f"; echo "rc=$?"
		kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' time.txt)
		# the limits are 4 MiB a CSV record, 64 MiB a JSON line or document
		[ "$kb" -lt 150000 ] || echo "$f: peak memory $kb KB: not bounded"
	else
		lcm-import "$f"; echo "rc=$?"
	fi
done
rm -f long.csv long.ndjson long.json

# only big.csv went in
echo "store: $(state)"
