# The sample's forum exports in Moodle's three forms: CSV with epoch dates,
# CSV with human-readable dates re-saved by Excel (Windows-1252, CRLF), and
# JSON (array of sheets). The same posts in two forms are stored once.
o="--course AGILE-2026 --tz Europe/Paris"
lcm-import $o "$SAMPLE/users.csv" 2>/dev/null
lcm-import $o --forum "Café des apprenants" "$SAMPLE/forum_cafe.csv"
lcm-import $o --forum "Café des apprenants" "$SAMPLE/forum_cafe_human.csv"
lcm-import $o --forum "Questions sur le cours" "$SAMPLE/forum_questions.json"
lcm-import $o --forum "Questions sur le cours" "$SAMPLE/forum_questions.csv"
sqlite3 "$LCM_DB" "SELECT f.name, count(DISTINCT t.id), count(p.id), sum(p.deleted), sum(p.private)
 FROM post p JOIN thread t ON t.id = p.thread_id JOIN forum f ON f.id = t.forum_id GROUP BY f.id ORDER BY 1;
SELECT count(*) FROM post WHERE parent_ext IS NOT NULL AND parent_id IS NULL;
SELECT count(*) FROM (SELECT platform, external_id FROM post GROUP BY 1, 2 HAVING count(*) > 1);"
