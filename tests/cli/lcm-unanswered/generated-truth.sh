# A generated community of 3,000 posts whose unanswered threads are known:
# lcm-unanswered lists exactly those, and an independent SQL query over
# the store agrees.
"$SCRIPTS/gen-data" --posts 3000 --seed 7 gen
lcm-import -q --tz UTC gen/users.csv
lcm-import -q --tz UTC --course GEN --forum Questions gen/forum.csv
now=$(cat gen/truth/now.txt)
lcm-unanswered --now "$now" -f tsv | tail -n +2 | cut -f1 | sort > listed.txt
sort gen/truth/unanswered.txt > truth.txt
sqlite3 "$LCM_DB" "SELECT t.external_id FROM thread t JOIN post r ON r.thread_id = t.id
 AND r.parent_ext IS NULL JOIN person a ON a.id = r.author_id
 WHERE a.role <> 'staff' AND r.created < strftime('%s', '$now') - 86400
 AND (SELECT count(*) FROM post x WHERE x.thread_id = t.id AND x.author_id <> r.author_id
      AND x.deleted = 0 AND x.private = 0) = 0;" | sort > query.txt
wc -l < truth.txt
cmp truth.txt listed.txt && echo "listed = truth"
cmp query.txt listed.txt && echo "listed = independent query"
