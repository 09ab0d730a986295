# Microsoft Graph's example responses for a Teams channel (its messages, a
# delta page with a root, that root's replies), the replies imported before
# their root, each file twice (the second changes nothing); the store's
# counts beside counts made with jq from the JSON: system events left out,
# every reply in its root's thread, a mention read as "@Name".
d="$DATA"/lcm-import
for f in teams-channel-replies teams-channel-messages teams-channel-delta; do
	lcm-import --now 2026-12-01T00:00:00Z $d/$f.json; echo "rc=$?"
	lcm-import --now 2026-12-01T00:00:00Z $d/$f.json; echo "rc=$?"
done
echo "== from the JSON"
jq -s -r '[.[].value[]] as $m | [$m[] | select(.messageType == "message")] as $talk |
	"threads \([$talk[] | .replyToId // .id] | unique | length)",
	"posts \($talk | length)",
	"replies \([$talk[] | select(.replyToId != null)] | length)",
	"left out \([$m[] | select(.messageType != "message")] | length)",
	"persons \([$talk[] | .from.user.id] | unique | length)"' \
	$d/teams-channel-replies.json $d/teams-channel-messages.json $d/teams-channel-delta.json
echo "== from the store"
sqlite3 "$LCM_DB" "
SELECT 'threads ' || count(*) FROM thread WHERE platform = 'teams';
SELECT 'posts ' || count(*) FROM post WHERE platform = 'teams';
SELECT 'replies ' || count(*) FROM post WHERE platform = 'teams' AND parent_id IS NOT NULL;
SELECT 'persons ' || count(*) FROM person_link WHERE platform = 'teams';
SELECT 'replies to their root ' || count(*) FROM post r JOIN post p ON p.id = r.parent_id
 WHERE p.parent_ext IS NULL AND p.thread_id = r.thread_id;
SELECT 'thread ' || title FROM thread ORDER BY created;
SELECT 'mention ' || body FROM post WHERE body LIKE '%@%';"
echo "== the readers of the store on it"
lcm-unanswered --now 2021-04-01T00:00:00Z | cut -d, -f1,4,5,8; echo "rc=$?"
lcm-engage --now 2021-04-01T00:00:00Z --by forum | cut -d, -f1-6; echo "rc=$?"
