# Moodle's xAPI log store forum statements (a created discussion, a reply)
# become a thread and its posts, not events: the counts from the files by
# jq (statements on a .../discussion object open a thread; every forum
# statement is a post), and the reply answers the opening post.
f="$FIXTURES"/xapi/forum_discussion_created_statements.json
g="$FIXTURES"/xapi/forum_post_created_statements.json
lcm-import --now 2026-12-01T00:00:00Z "$f" "$g" 2>/dev/null; echo "rc=$?"
threads=$(jq -s '[.[][] | select(.object.definition.type | endswith("/discussion"))] | length' "$f" "$g")
posts=$(jq -s '[.[][] | select(.context.extensions[]?.event_name | test("mod_forum"))] | length' "$f" "$g")
persons=$(jq -s '[.[][] | .actor.account.name] | unique | length' "$f" "$g")
sqlite3 "$LCM_DB" "SELECT 'threads', count(*) = $threads FROM thread; SELECT 'posts', count(*) = $posts FROM post;
 SELECT 'persons', count(*) = $persons FROM person; SELECT 'events', count(*) FROM event;
 SELECT 'replies to the opening post', count(*) FROM post WHERE parent_id IN (SELECT id FROM post WHERE parent_id IS NULL);"
# the tools run on the store: the thread has its reply, so it is answered
lcm-unanswered --now 2026-12-02T00:00:00Z; echo "rc=$?"
lcm-engage --now 2026-12-02T00:00:00Z >/dev/null; echo "rc=$?"
