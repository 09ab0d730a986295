# Without --outbox, --mbox or --send: the messages on stdout, readable,
# nothing recorded (the store is opened read-only); --max caps the run.
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" \
	"$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv" \
	"$SAMPLE/logs.csv"
now=2026-11-23T09:00:00+01:00
lcm-engage --now $now --at-risk -f csv | lcm-nudge --now $now -t "$SCRIPTS/nudge/nudge.txt" --max 3 -
echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT count(*) FROM sqlite_master WHERE name = 'nudge_message'"
