# The real forum dump (Comments only) and our own with CommentThreads; twice.
lcm-import --now 2026-12-01T00:00:00Z "$FIXTURES"/openedx/forum_comments.mongo "$DATA"/lcm-import/edx-forum.mongo
lcm-import --now 2026-12-01T00:00:00Z "$FIXTURES"/openedx/forum_comments.mongo "$DATA"/lcm-import/edx-forum.mongo
sqlite3 "$LCM_DB" "SELECT t.external_id, coalesce(t.title, '-'), p.external_id, coalesce(p.parent_ext, '-'),
 a.name, datetime(p.created, 'unixepoch'), p.is_question, p.accepted, p.words
 FROM post p JOIN thread t ON t.id = p.thread_id JOIN person a ON a.id = p.author_id
 ORDER BY p.created, p.external_id;"
