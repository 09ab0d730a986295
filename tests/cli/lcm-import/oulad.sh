# The OULAD tables as distributed (one presentation, AAA-2013J), in the
# order they depend on each other; counts checked against awk's.
o=$FIXTURES/oulad
for t in courses assessments studentInfo studentRegistration studentVle studentAssessment; do
	lcm-import "$o/$t.csv"
	echo "rc=$?"
done
q() { sqlite3 "$LCM_DB" "$1"; }
echo "learners: $(q "SELECT count(*) FROM person WHERE platform = 'oulad' AND cohort = 'AAA-2013J'")" \
	"(awk: $(awk -F, 'NR > 1' "$o/studentInfo.csv" | wc -l))"
echo "events: $(q 'SELECT count(*) FROM event')" \
	"(awk: $(awk -F, 'NR > 1 { gsub(/"/, ""); k[$3 " " $4 " " $5] = 1 } END { print length(k) }' "$o/studentVle.csv"))"
echo "results: $(q "SELECT count(*) FROM completion c JOIN item i ON i.id = c.item_id WHERE i.format IS NOT NULL")" \
	"(awk: $(awk 'NR > 1' "$o/studentAssessment.csv" | wc -l))"
q "SELECT state, count(*) FROM completion c JOIN item i ON i.id = c.item_id
   WHERE i.external_id = 'AAA-2013J/final_result' GROUP BY state ORDER BY state"
awk -F, 'NR > 1 { gsub(/"/, ""); sub(/\r$/, ""); n[$12]++ } END { for (k in n) print k "|" n[k] }' \
	"$o/studentInfo.csv" | sort
q "SELECT min(ts), max(ts) FROM event"
# a second import changes nothing
lcm-import "$o/studentAssessment.csv"
