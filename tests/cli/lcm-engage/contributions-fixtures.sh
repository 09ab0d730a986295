# Real Q&A and forum exports: StackExchange (alcohol.meta: accepted
# answers, scores from Posts.xml's Score) and Discourse (likes from
# actions_summary), imported with lcm-import; the votes are stored in
# post_reaction, and a second import does not add them up.
lcm-import -q "$FIXTURES/stackexchange/alcohol.meta"
sqlite3 "$LCM_DB" "SELECT count(*), sum(count) FROM post_reaction"
lcm-import -q "$FIXTURES/stackexchange/alcohol.meta"
sqlite3 "$LCM_DB" "SELECT count(*), sum(count) FROM post_reaction"
lcm-engage --now 2020-01-01 --contributions --top 5 -f tsv | cut -f1,3,6,7
lcm-engage --now 2020-01-01 --since 2016-01-01 --contributions --top 3 -f csv \
	--url 'https://alcohol.meta.stackexchange.com/a/{post}'
lcm-engage --now 2021-01-01 --db d.db --contributions --include-staff -f csv \
	"$FIXTURES/discourse/topic_posts.json"
