# Every real xAPI sample: one statement each, counts match, a second import changes nothing.
lcm-import --now 2026-12-01T00:00:00Z "$FIXTURES"/xapi/*.json
lcm-import --now 2026-12-01T00:00:00Z "$FIXTURES"/xapi/*.json
sqlite3 "$LCM_DB" "SELECT 'events', count(*) FROM event; SELECT 'persons', count(*) FROM person;
 SELECT verb, object, ts FROM event_text ORDER BY ts, verb, object;
 SELECT text, label FROM term WHERE label IS NOT NULL ORDER BY text;
 SELECT external_id, name FROM course ORDER BY external_id;"
