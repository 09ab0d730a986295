# A damaged forum statement after a good one: refused with file:line, the store unchanged.
lcm-import --now 2026-12-01T00:00:00Z "$FIXTURES"/xapi/forum_discussion_created_statements.json 2>/dev/null
before=$(sqlite3 "$LCM_DB" "SELECT count(*) FROM post")
{ jq -c '.[]' "$FIXTURES"/xapi/forum_post_created_statements.json
  jq -c '.[] | .object.id = "not an iri"' "$FIXTURES"/xapi/forum_post_created_statements.json
} >bad.ndjson
lcm-import --now 2026-12-01T00:00:00Z bad.ndjson; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT 'posts unchanged', count(*) = $before FROM post"
