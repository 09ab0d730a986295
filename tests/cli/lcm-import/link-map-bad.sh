# A bad link map is refused with file:line before anything is imported
# (exit 2, the store unchanged): a missing column, an empty cell, a row of
# another length, a file that is not there.
d="$DATA"/lcm-import
printf 'platform,account\nteams,x\n' >no-person.csv
printf 'platform,account,person\nteams,x,moodle:3\nslack,,moodle:3\n' >empty.csv
printf 'platform,account,person\nteams,x,moodle:3,extra\n' >long.csv
for m in no-person.csv empty.csv long.csv missing.csv; do
	lcm-import --now 2026-12-01T00:00:00Z --link-map $m $d/teams-channel-delta.json; echo "rc=$?"
done
test -e "$LCM_DB" && sqlite3 "$LCM_DB" "SELECT 'posts ' || count(*) FROM post" || echo "no store made"
