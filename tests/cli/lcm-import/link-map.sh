# --link-map: a Teams user, a Slack login and a Moodle username (from a log
# table's login) made one with the Moodle accounts a map names (platform:id
# or e-mail), after the files; a row naming no one is counted; a second run
# changes nothing; lcm-import --persons shows the links.
d="$DATA"/lcm-import
lcm-import -q --now 2026-12-01T00:00:00Z $d/link-map-roster.csv
lcm-import --now 2026-12-01T00:00:00Z --link-map $d/link-map.csv $d/moodle-logstore.tsv \
	$d/teams-channel-delta.json "$FIXTURES"/slack/slackdump_export; echo "rc=$?"
lcm-import --link-map $d/link-map.csv; echo "rc=$?"
lcm-import --persons -f csv | grep -E ',".*,.*",'
sqlite3 "$LCM_DB" "SELECT 'posts of Robin Kline ' || count(*) FROM post p JOIN person u ON u.id = p.author_id WHERE u.name = 'Robin Kline';
SELECT 'events of Robin Kline ' || count(*) FROM event e JOIN person u ON u.id = e.person_id WHERE u.name = 'Robin Kline';"
