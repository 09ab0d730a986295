# A damaged Teams page is refused with its file and the message's path, the
# store unchanged: a createdDateTime that is no time, a message without
# from.user.id, a page whose value is no array.
d="$DATA"/lcm-import
lcm-import -q --now 2026-12-01T00:00:00Z $d/teams-channel-delta.json
before=$(sqlite3 "$LCM_DB" "SELECT count(*) FROM post")
jq '.value[1].createdDateTime = "yesterday"' $d/teams-channel-replies.json >bad-time.json
jq 'del(.value[2].from.user.id)' $d/teams-channel-replies.json >bad-user.json
jq '.value = {}' $d/teams-channel-replies.json >bad-page.json
for f in bad-time.json bad-user.json; do
	lcm-import --now 2026-12-01T00:00:00Z $f; echo "rc=$?"
done
lcm-import -f teams --now 2026-12-01T00:00:00Z bad-page.json; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT 'posts unchanged', count(*) = $before FROM post"
# one message a line (jq -c): the bad one is named by its line
jq -c '.value[]' bad-time.json >bad-time.ndjson
lcm-import --now 2026-12-01T00:00:00Z bad-time.ndjson; echo "rc=$?"
