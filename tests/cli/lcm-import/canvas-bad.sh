# A reply without a date (path in the view), a reply to an entry never imported.
lcm-import "$DATA"/lcm-import/canvas-bad-entry.json; echo "rc=$?"
lcm-import "$DATA"/lcm-import/canvas-orphan-replies.json; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT 'posts', count(*) FROM post;"
