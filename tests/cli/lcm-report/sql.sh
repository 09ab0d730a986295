# Independent SQL over the store agrees with the report: posts and new
# threads of the period and per forum, and the events of learners.
for f in "Annonces:annonces" "Questions sur le cours:questions" "Café des apprenants:cafe"; do
	lcm-import -q --course AGILE-2026 --tz Europe/Paris --forum "${f%%:*}" \
		"$SAMPLE/forum_${f##*:}.csv"
done
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" "$SAMPLE/logs.csv"
now=2026-11-23T09:00:00+01:00
lcm-report --now $now --period 30d -f json > r.json
python3 -c 'import json
r = json.load(open("r.json"))
h = r["headline"]
print("%d|%d|%d" % (h["posts"]["now"], h["new_threads"]["now"], r["resources"]["events"]))
for f in r["forums"]:
    print("%s|%d|%d|%d" % (f["name"], f["posts"], f["new_threads"], f["people"]))' > report.txt
sqlite3 "$LCM_DB" "
 SELECT count(*), sum(parent_ext IS NULL),
  (SELECT count(*) FROM event e JOIN person a ON a.id = e.person_id WHERE a.role <> 'staff'
   AND e.ts BETWEEN strftime('%s', '2026-10-24T08:00:00') AND strftime('%s', '2026-11-23T08:00:00'))
 FROM post WHERE deleted = 0 AND private = 0
  AND created BETWEEN strftime('%s', '2026-10-24T08:00:00') AND strftime('%s', '2026-11-23T08:00:00');
 SELECT f.name, count(*), sum(p.parent_ext IS NULL), count(DISTINCT p.author_id)
 FROM post p JOIN thread t ON t.id = p.thread_id JOIN forum f ON f.id = t.forum_id
 WHERE p.deleted = 0 AND p.private = 0 AND p.created >= strftime('%s', '2026-10-24T08:00:00')
 GROUP BY f.id ORDER BY 2 DESC;" > sql.txt
cat report.txt
cmp report.txt sql.txt && echo "report = sql"
