# What the fuzzers (tests/fuzz, inputs in $DATA/fuzz) found, through the
# programs. Under the sanitizer build (make check SANITIZE=...) each of
# these crashed or leaked before its fix. (One finding shows only in the
# fuzzer, which calls a program's main over and over: lcm-import's
# --forget list, held by a static, was lost each time main ran again;
# $DATA/fuzz/options-lcm-import/ keeps it, replayed by make fuzz.)
printf 'id,name,role,cohort\na,Ana,learner,A\n' >persons.csv
lcm-import -q persons.csv; echo "persons rc=$?"

echo "--- epoch times beyond the years 0-9999 are refused (fuzz_time, fuzz_import)"
# they made "now - created" overflow in lcm-unanswered and lcm-engage
for t in -9223372036854775807 9223372036854775807 253402300800 -62167219201; do
	printf 'id,thread,parent,author,created,subject,body\n1,t1,,a,%s,S,B?\n' "$t" >posts.csv
	lcm-import posts.csv; echo "rc=$?"
done
printf 'id,thread,parent,author,created,subject,body\n1,t1,,a,253402300799,Last,B?\n2,t2,,a,-62167219200,First,B?\n' >edges.csv
lcm-import -q edges.csv; echo "edges rc=$?"
# MongoDB dates in milliseconds: LLONG_MIN could not even be negated
for d in '-9223372036854775808' '{"$numberLong":"9223372036854775807"}' '253402300800000'; do
	printf '{"_id":{"$oid":"a1"},"_type":"CommentThread","author_id":"9","author_username":"u",'
	printf '"title":"t","body":"b","course_id":"c","commentable_id":"x","thread_type":"question",'
	printf '"created_at":{"$date":%s}}\n' "$d"
done >edx.mongo
lcm-import --skip-invalid --rejects rejects.csv edx.mongo; echo "rc=$?"
cut -d, -f1,2 rejects.csv
lcm-unanswered --now=-9223372036854775807; echo "rc=$?"
lcm-unanswered --now=2026-11-10T00:00:00Z -f csv; echo "rc=$?"
if command -v lcm-engage >/dev/null; then
	lcm-engage --now=2026-11-10T00:00:00Z -f csv >/dev/null; echo "engage rc=$?"
fi

echo "--- options: usage errors after list options (fuzz_options-lcm-unanswered)"
# the lists of --course, --forum, --cohort leaked on these paths
lcm-unanswered --course x -n; echo "rc=$?"
lcm-unanswered --forum x --cohort y --by nobody; echo "rc=$?"
lcm-unanswered --course x -f nope; echo "rc=$?"

echo "--- a remedial band opening with ':' (fuzz_catalogue)"
# the bounds before the ':' were searched from one byte before the field
lcm-pathway --catalogue "$DATA/fuzz/catalogue/remedial-colon-first.csv" --check; echo "rc=$?"
printf '[{"id":"A01","title":"Intro","duration_min":10,"remedial":["0-0.5:A02",":A02"]}]\n' >cat.json
lcm-pathway --catalogue cat.json --check; echo "rc=$?"

echo "--- a field opening with U+FEFF is written quoted (fuzz_csv)"
# else, first in a file, it reads back as a byte order mark and is lost
printf 'id,thread,parent,author,created,subject,body\nf1,tf,,a,2026-11-09T10:00:00Z,\357\273\277Bom,Body?\n' >bom.csv
lcm-import -q bom.csv; echo "rc=$?"
lcm-unanswered --now=2026-11-10T23:00:00Z --older-than 1h -f csv | grep '^tf,' | cat -v
