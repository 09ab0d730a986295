# Forgetting a person takes their votes (post_reaction, through their
# posts and threads), the tags of their threads (thread_tag) and their
# recorded milestones (milestone_seen) too.
lcm-import -q "$FIXTURES/stackexchange/alcohol.meta"
lcm-engage --now 2020-01-01 --since 2014-01-21 --until 2014-01-22 --milestones -f csv > /dev/null
echo "rc=$?"
rows() {
	sqlite3 "$LCM_DB" "SELECT (SELECT count(*) FROM post_reaction r JOIN post p ON p.id = r.post_id
	 JOIN person a ON a.id = p.author_id WHERE a.external_id = 'alcohol.meta/13'),
	 (SELECT count(*) FROM post_reaction),
	 (SELECT count(*) FROM milestone_seen m JOIN person a ON a.id = m.person_id
	 WHERE a.external_id = 'alcohol.meta/13'), (SELECT count(*) FROM milestone_seen),
	 (SELECT count(*) FROM thread_tag g JOIN thread t ON t.id = g.thread_id
	 JOIN person a ON a.id = t.author_id WHERE a.external_id = 'alcohol.meta/13'),
	 (SELECT count(*) FROM thread_tag)"
}
rows
lcm-import -q --forget stackexchange:alcohol.meta/13
echo "rc=$?"
rows
sqlite3 "$LCM_DB" "PRAGMA foreign_key_check"
