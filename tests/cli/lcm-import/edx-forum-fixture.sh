# The real forum dump (Comments only) and our own with CommentThreads; twice.
lcm-import --now 2026-12-01T00:00:00Z "$FIXTURES"/openedx/forum_comments.mongo "$DATA"/lcm-import/edx-forum.mongo
lcm-import --now 2026-12-01T00:00:00Z "$FIXTURES"/openedx/forum_comments.mongo "$DATA"/lcm-import/edx-forum.mongo
sqlite3 "$LCM_DB" "SELECT t.external_id, coalesce(t.title, '-'), p.external_id, coalesce(p.parent_ext, '-'),
 a.name, datetime(p.created, 'unixepoch'), p.is_question, p.accepted, p.words
 FROM post p JOIN thread t ON t.id = p.thread_id JOIN person a ON a.id = p.author_id
 ORDER BY p.created, p.external_id;"
# votes (votes.point, net of down votes) kept per post, once after two imports;
# beside them the points written in the files, counted with grep
sqlite3 "$LCM_DB" "SELECT p.external_id, r.kind, r.count, r.source FROM post_reaction r
 JOIN post p ON p.id = r.post_id ORDER BY p.external_id;"
echo "rows $(sqlite3 "$LCM_DB" 'SELECT count(*) FROM post_reaction'), net votes $(sqlite3 "$LCM_DB" 'SELECT sum(count) FROM post_reaction')"
cat "$FIXTURES"/openedx/forum_comments.mongo "$DATA"/lcm-import/edx-forum.mongo |
	grep -o '"point": *-\{0,1\}[0-9]*' | tr -dc '0-9-\n' |
	awk '{ n++; s += $1 } END { printf "in the files: %d posts with votes, net %d\n", n, s }'
