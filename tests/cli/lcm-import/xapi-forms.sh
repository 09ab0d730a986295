# An array, an LRS page and NDJSON; posts, completions, a voided statement; --lang fr.
lcm-import --now 2026-12-01T00:00:00Z --lang fr "$DATA"/lcm-import/xapi-statements.json "$DATA"/lcm-import/xapi-page.json "$DATA"/lcm-import/xapi.ndjson
lcm-import --now 2026-12-01T00:00:00Z --lang fr "$DATA"/lcm-import/xapi-statements.json "$DATA"/lcm-import/xapi-page.json "$DATA"/lcm-import/xapi.ndjson
sqlite3 "$LCM_DB" "SELECT t.title, p.external_id, coalesce(p.parent_ext, '-'), a.name, p.is_question, p.body
 FROM post p JOIN thread t ON t.id = p.thread_id JOIN person a ON a.id = p.author_id ORDER BY p.created;
 SELECT a.name, i.title, c.state, datetime(c.ts, 'unixepoch'), c.score FROM completion c
 JOIN person a ON a.id = c.person_id JOIN item i ON i.id = c.item_id ORDER BY c.ts;
 SELECT e.external_id, v.label, coalesce(o.label, o.text) FROM event e JOIN term v ON v.id = e.verb
 LEFT JOIN term o ON o.id = e.object ORDER BY e.ts;
 SELECT * FROM voided;"
