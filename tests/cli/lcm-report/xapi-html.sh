# xAPI responses are stored as written, markup and all: the themes come
# from their words, never from their tags (span, strong) or entities
# (nbsp). Two learners ask on one activity: the thread stays the first
# asker's, whatever comes after.
lcm-import -q --now 2026-11-20T00:00:00Z "$DATA/lcm-report/xapi-html.json"; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT t.external_id, p.name FROM thread t JOIN person p ON p.id = t.author_id ORDER BY t.external_id"
lcm-report --now 2026-11-20T00:00:00Z --period 7d -f md > r.md; echo "rc=$?"
grep -i "theme" -A3 r.md
echo "markup words in the report: $(grep -ciE "span|strong|nbsp|style" r.md)"
