# --link-by name: Teams gives no e-mail, so its user joins the Moodle account
# of the same full name (case and spaces aside); the default (email) keeps
# them apart.
d="$DATA"/lcm-import
lcm-import -q --now 2026-12-01T00:00:00Z $d/link-map-roster.csv
lcm-import -q --now 2026-12-01T00:00:00Z $d/teams-channel-delta.json
sqlite3 "$LCM_DB" "SELECT 'persons by email ' || count(*) FROM person"
lcm-import -q --now 2026-12-01T00:00:00Z --link-by name $d/teams-channel-replies.json; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT 'persons by name ' || count(*) FROM person"
lcm-import --persons -f csv
lcm-import --link-by fullname $d/teams-channel-replies.json; echo "rc=$?"
