# NDJSON: the bad line is named, and the good lines before it are not kept.
lcm-import "$DATA"/lcm-import/xapi-bad-actor.ndjson; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT 'events', count(*) FROM event;"
