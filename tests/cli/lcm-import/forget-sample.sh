# Forgetting a learner of the sample community (right to erasure): a dry
# run first, then for real. Sarah (moodle:51) opened two threads, which go
# with the replies in them; a reply by another to one of her posts
# elsewhere stays, detached. No byte of her is left in the store's files.
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" \
	"$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv" \
	"$SAMPLE/logs.csv"
count() {
	sqlite3 "$LCM_DB" "SELECT (SELECT count(*) FROM person), (SELECT count(*) FROM post),
	 (SELECT count(*) FROM thread), (SELECT count(*) FROM event), (SELECT count(*) FROM term),
	 (SELECT count(*) FROM post WHERE parent_id IS NULL AND parent_ext IS NOT NULL)"
}
count
lcm-import --dry-run --forget sarah.benali@example.org; echo "rc=$?"
count
lcm-import --forget moodle:51; echo "rc=$?"
count
sqlite3 "$LCM_DB" "PRAGMA foreign_key_check; PRAGMA integrity_check;"
# nothing of her in the files: name, e-mail, the log's 'User: Sarah Benali'
ls "$LCM_DB"*
grep -c -a -e 'Sarah Benali' -e 'sarah.benali' "$LCM_DB"
# two at once, one named twice (by id and by e-mail); -q says nothing
lcm-import --forget 45 --forget julien.moreau@example.org --forget moodle:46; echo "rc=$?"
lcm-import -q --forget moodle:47; echo "rc=$?"
count
lcm-import --persons -f csv | cut -d, -f1,2 | grep -c -e Julien -e 'Léa' -e Hugo -e Sarah
# the analyses still run on what is left
lcm-unanswered --now 2026-11-23T09:00:00+01:00 -f csv | cut -d, -f1-3 | head -n 3
