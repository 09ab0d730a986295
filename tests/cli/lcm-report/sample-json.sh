# The demo community's last week (the default period) as JSON: every
# figure, for other tools.
for f in "Annonces:annonces" "Questions sur le cours:questions" "Café des apprenants:cafe"; do
	lcm-import -q --course AGILE-2026 --tz Europe/Paris --forum "${f%%:*}" \
		"$SAMPLE/forum_${f##*:}.csv"
done
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" "$SAMPLE/logs.csv"
lcm-report --now 2026-11-23T09:00:00+01:00 -f json
echo "rc=$?"
