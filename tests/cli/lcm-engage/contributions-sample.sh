# The posts worth showing from the sample course (scripts/sample), learners
# only, then with staff, then as JSON with a link per post.
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" \
	"$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv" \
	"$SAMPLE/logs.csv"
now=2026-11-23T09:00:00+01:00
lcm-engage --now $now --contributions --top 5 -f csv
echo "rc=$?"
lcm-engage --now $now --contributions --include-staff --top 3 -f tsv | cut -f1,3,6,7
lcm-engage --now $now --since 2026-11-16 --contributions --top 2 -f json \
	--url 'https://moodle.example/mod/forum/discuss.php?d={thread}#p{post}'
# A period with no post: nothing listed, rc 1.
lcm-engage --now $now --since 2020-01-01 --until 2020-02-01 --contributions -f csv
echo "rc=$?"
