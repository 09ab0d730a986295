# The demo community (scripts/sample) as a community manager imports it,
# reported over 30 days in Paris time as Markdown, threads linked.
for f in "Annonces:annonces" "Questions sur le cours:questions" "Café des apprenants:cafe"; do
	lcm-import -q --course AGILE-2026 --tz Europe/Paris --forum "${f%%:*}" \
		"$SAMPLE/forum_${f##*:}.csv"
done
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" "$SAMPLE/logs.csv"
lcm-report --now 2026-11-23T09:00:00+01:00 --tz Europe/Paris --period 30d -f md \
	--title "AGILE-2026: weekly community report" \
	--url 'https://moodle.example.org/mod/forum/discuss.php?d={thread}#p{post}'
echo "rc=$?"
