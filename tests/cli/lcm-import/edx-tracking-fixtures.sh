# The real tracking logs (with '#' lines, string events), then one gzipped: nothing new.
lcm-import --now 2026-12-01T00:00:00Z "$FIXTURES"/openedx/tracking_event_export.log "$FIXTURES"/openedx/tracking_forum_activity.log
gzip -c "$FIXTURES"/openedx/tracking_forum_activity.log > forum.log.gz
lcm-import --now 2026-12-01T00:00:00Z forum.log.gz
sqlite3 "$LCM_DB" "SELECT 'events', count(*) FROM event; SELECT 'posts', count(*) FROM post;
 SELECT coalesce(p.external_id, '-'), verb, coalesce(object, '-'), datetime(ts, 'unixepoch')
 FROM event_text e LEFT JOIN person p ON p.id = e.person_id ORDER BY ts, e.external_id;
 SELECT external_id, role FROM person ORDER BY id;"
