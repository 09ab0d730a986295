# Moodle's forum statements out of order: the reply (post_created) before its
# discussion's created statement, in one NDJSON file and across two files.
# Either way the reply is a reply to the discussion's opening post, not a
# thread of its own, and a re-import changes nothing.
f="$FIXTURES"/xapi/forum_discussion_created_statements.json
g="$FIXTURES"/xapi/forum_post_created_statements.json
{ jq -c '.[]' "$g"; jq -c '.[]' "$f"; } >reply-first.ndjson
check() {
	sqlite3 "$LCM_DB" "SELECT 'threads', count(*) FROM thread; SELECT 'posts', count(*) FROM post;
	 SELECT 'opening posts', count(*) FROM post WHERE parent_ext IS NULL;
	 SELECT 'replies to the opening post', count(*) FROM post r JOIN post o ON o.id = r.parent_id
	  WHERE o.parent_ext IS NULL AND o.thread_id = r.thread_id;
	 SELECT 'thread', title FROM thread;"
}
echo "== one file"
lcm-import --now 2026-12-01T00:00:00Z reply-first.ndjson; echo "rc=$?"
check
lcm-import --now 2026-12-01T00:00:00Z reply-first.ndjson; echo "rc=$?"
rm -f "$LCM_DB"
echo "== two files"
lcm-import --now 2026-12-01T00:00:00Z "$g"; echo "rc=$?"
lcm-import --now 2026-12-01T00:00:00Z "$f"; echo "rc=$?"
check
lcm-import --now 2026-12-01T00:00:00Z "$g" "$f"; echo "rc=$?"
