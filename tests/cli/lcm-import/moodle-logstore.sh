# mdl_logstore_standard_log dumped by mysql -B (TSV, escaped) and by psql
# (CSV, JSON other): the same events, the second import changing nothing; the
# store's counts beside counts made with awk from the TSV (user 0 is nobody,
# course 0 and 1, the site, are none); the readers of the store run on it.
lcm-import --now 2026-12-01T00:00:00Z "$DATA"/lcm-import/moodle-logstore.tsv; echo "rc=$?"
lcm-import --now 2026-12-01T00:00:00Z "$DATA"/lcm-import/moodle-logstore.csv; echo "rc=$?"
echo "== from the TSV"
awk -F'\t' 'NR > 1 { rows++; if ($13 > 0 && $16 == 0) who[$13] = 1; else nobody++
	if ($14 > 1) courses[$14] = 1; if ($2 ~ /user_loggedin/) logins++ }
END { for (u in who) persons++; for (c in courses) nc++
	printf "events %d\npersons %d\nnobody %d\ncourses %d\nlogins %d\n", rows, persons, nobody, nc, logins }' \
	"$DATA"/lcm-import/moodle-logstore.tsv
echo "== from the store"
sqlite3 "$LCM_DB" "
SELECT 'events ' || count(*) FROM event WHERE platform = 'moodle';
SELECT 'persons ' || count(*) FROM person_link WHERE platform = 'moodle';
SELECT 'nobody ' || count(*) FROM event WHERE person_id IS NULL;
SELECT 'courses ' || count(*) FROM course;
SELECT 'logins ' || count(*) FROM event_text WHERE verb = '\core\event\user_loggedin';
SELECT 'username ' || external_id || ' ' || coalesce(username, '-') FROM person_link ORDER BY external_id;"
echo "== by verb and object"
sqlite3 "$LCM_DB" "SELECT verb, object, count(*) FROM event_text GROUP BY 1, 2 ORDER BY 1, 2;"
lcm-engage --now 2016-02-01T00:00:00Z --by course | cut -d, -f1-3; echo "rc=$?"
