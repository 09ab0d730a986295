# Statements with neither "timestamp" nor "stored" (Moodle's xAPI log
# store's, before an LRS stores them) take the time of the import that
# first stores them, as an LRS sets "stored" on receipt and "timestamp"
# defaults to it: --now here. A later import keeps that time; another
# statement keeps its own "timestamp".
lcm-import --now 2026-12-01T08:00:00Z "$FIXTURES"/xapi/forum_discussion_created_statements.json \
	"$FIXTURES"/xapi/lrs_moodle_statement_A1.json
lcm-import --now 2026-12-03T08:00:00Z "$FIXTURES"/xapi/forum_discussion_created_statements.json \
	"$FIXTURES"/xapi/forum_post_created_statements.json
sqlite3 "$LCM_DB" "SELECT verb, strftime('%Y-%m-%dT%H:%M:%SZ', ts, 'unixepoch') FROM event_text ORDER BY ts, verb;"
sqlite3 "$LCM_DB" "SELECT subject, strftime('%Y-%m-%dT%H:%M:%SZ', created, 'unixepoch') FROM post ORDER BY created, id;"
