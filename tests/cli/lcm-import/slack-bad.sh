# A damaged Slack export (a trailing comma in its second day file) is refused
# with that file and line, and the first day's messages are not kept; a
# single day file is not an export.
lcm-import "$DATA"/lcm-import/slack-damaged; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT 'posts ' || count(*) FROM post; SELECT 'sources ' || count(*) FROM source;"
lcm-import "$DATA"/lcm-import/slack-damaged/general/2025-01-10.json; echo "rc=$?"
lcm-import -f stackexchange "$DATA"/lcm-import/slack-damaged; echo "rc=$?"
