# Rows of lcm-unanswered --suggest: one message per suggested answerer,
# carrying the thread, its asker and its link (--url).
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" \
	"$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv" \
	"$SAMPLE/logs.csv"
now=2026-11-23T09:00:00+01:00
lcm-unanswered --now $now --older-than 200h --suggest 2 -f json |
	lcm-nudge --now $now -t "$SCRIPTS/nudge/ask-expert.txt" \
		--url 'https://moodle.example.org/mod/forum/discuss.php?d={thread}' -
echo "rc=$?"
