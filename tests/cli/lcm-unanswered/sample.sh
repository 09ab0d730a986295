# The sample community on Monday 23 November 2026 at 9:00 in Paris: the
# threads with no reply by another person are those its README lists
# (230 237 242 246 252 253 older than 24h, 255 younger), checked with an
# independent query; announcements by staff are left out.
o="--course AGILE-2026 --tz Europe/Paris"
lcm-import -q $o "$SAMPLE/users.csv" "$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv"
now=2026-11-23T09:00:00+01:00
lcm-unanswered --now $now --explain -f tsv | cut -f1,3,4,5,7,8,9,12
lcm-unanswered --now $now --older-than 0 -f tsv | tail -n +2 | cut -f1 > listed.txt
sqlite3 "$LCM_DB" "SELECT t.external_id FROM thread t JOIN post r ON r.thread_id = t.id AND r.parent_ext IS NULL
 JOIN person a ON a.id = r.author_id WHERE a.role <> 'staff' AND NOT EXISTS (SELECT 1 FROM post x
 WHERE x.thread_id = t.id AND x.author_id <> r.author_id AND x.deleted = 0 AND x.private = 0)
 ORDER BY r.created;" > query.txt
cmp listed.txt query.txt && echo "listed = independent query: $(tr '\n' ' ' < listed.txt)"
echo "== with staff threads, questions only, over 48 working hours"
lcm-unanswered --now $now --include-staff --older-than 0 -f tsv | tail -n +2 | cut -f1 | tr '\n' ' '; echo
lcm-unanswered --now $now --questions --tz Europe/Paris --business-hours 'Mon-Fri 09:00-18:00' --older-than 48h -f tsv | cut -f1,7
