# A retention period on the sample community: events before 18 October
# (Paris time) go, and the threads whose newest post is before it, whole;
# the thread of 16-19 October, still active after that date, keeps its
# posts of the 16th and 17th (the last column).
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" \
	"$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv" \
	"$SAMPLE/logs.csv"
d=1792274400	# 2026-10-18T00:00:00+02:00
state() {
	sqlite3 "$LCM_DB" "SELECT (SELECT count(*) FROM post), (SELECT count(*) FROM thread),
	 (SELECT count(*) FROM event), (SELECT count(*) FROM event WHERE ts < $d),
	 (SELECT count(*) FROM thread t WHERE (SELECT max(created) FROM post WHERE thread_id = t.id) < $d),
	 (SELECT count(*) FROM post WHERE created < $d)"
}
state
lcm-import -n --tz Europe/Paris --purge-before 2026-10-18T00:00:00; echo "rc=$?"
state
lcm-import --tz Europe/Paris --purge-before 2026-10-18T00:00:00; echo "rc=$?"
state
sqlite3 "$LCM_DB" "PRAGMA foreign_key_check;"
# again: nothing left to purge
lcm-import --purge-before 2026-10-17T22:00:00Z; echo "rc=$?"
# with --forget, in the same transaction
lcm-import --forget moodle:41 --purge-before 2026-11-01T00:00:00Z; echo "rc=$?"
# a bad date changes nothing
lcm-import --purge-before yesterday; echo "rc=$?"
lcm-import --purge-before 2026-13-01; echo "rc=$?"
# a date after now ("1 year" meant "1 year ago") would empty the store
lcm-import --now 2026-11-23T00:00:00Z --purge-before 2027-11-23; echo "rc=$?"
state
