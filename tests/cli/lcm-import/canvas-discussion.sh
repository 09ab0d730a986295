# A full topic view (nested replies, a deleted entry) and a page of entries (string ids).
lcm-import --now 2026-12-01T00:00:00Z --course COMM101 "$DATA"/lcm-import/canvas-view.json "$DATA"/lcm-import/canvas-entries.json
lcm-import --now 2026-12-01T00:00:00Z --course COMM101 "$DATA"/lcm-import/canvas-view.json "$DATA"/lcm-import/canvas-entries.json
sqlite3 "$LCM_DB" "SELECT f.name, t.external_id, p.external_id, coalesce(p.parent_ext, '-'),
 coalesce(a.name, '-'), datetime(p.created, 'unixepoch'), p.deleted, p.is_question, coalesce(p.body, '')
 FROM post p JOIN thread t ON t.id = p.thread_id JOIN forum f ON f.id = t.forum_id
 LEFT JOIN person a ON a.id = p.author_id ORDER BY f.name, p.created;"
lcm-unanswered --now 2026-11-10T00:00:00Z -f csv
