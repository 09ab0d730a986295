# Every real forum sample: the threads listed are exactly those with no
# reply from another person, checked by an independent query over the
# same store. Open edX tracking log (threads, responses, comments; staff
# posts left out by default, kept with --include-staff) and forum dump
# (three comments whose threads are not in the sample: nothing listed).
now=2015-09-20T00:00:00Z
lcm-import -q "$FIXTURES/openedx/tracking_forum_activity.log" "$FIXTURES/openedx/forum_comments.mongo"
for staff in "" --include-staff; do
	lcm-unanswered --now $now --older-than 0 $staff -f tsv | tail -n +2 | cut -f1 | sort > listed.txt
	sqlite3 "$LCM_DB" "SELECT t.external_id FROM thread t JOIN post r ON r.thread_id = t.id
	 AND r.parent_ext IS NULL LEFT JOIN person a ON a.id = r.author_id
	 WHERE r.deleted = 0 AND r.private = 0 AND ('$staff' <> '' OR coalesce(a.role, 'learner') <> 'staff')
	 AND NOT EXISTS (SELECT 1 FROM post x WHERE x.thread_id = t.id AND x.id <> r.id
	  AND x.deleted = 0 AND x.private = 0 AND x.author_id IS NOT r.author_id)
	ORDER BY 1;" > query.txt
	echo "${staff:-default}: $(wc -l < listed.txt) listed of $(sqlite3 "$LCM_DB" 'SELECT count(*) FROM thread') threads"
	cmp listed.txt query.txt && echo "listed = independent query"
done
lcm-unanswered --now $now "$FIXTURES/openedx/forum_comments.mongo"; echo "rc=$?"
