# The milestones feed lcm-nudge: a congratulation per person (dry run: the
# messages on stdout, nothing recorded by lcm-nudge). A person who crossed
# two milestones at once gets the first (lcm-nudge writes once per person
# and run); a course's milestone names no person and is skipped.
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" \
	"$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv" \
	"$SAMPLE/logs.csv"
now=2026-11-23T09:00:00+01:00
lcm-engage --now $now --since 2026-10-07T00:00:00Z --until 2026-10-09T08:00:00Z \
	--milestones -f json | lcm-nudge --now $now -t "$SCRIPTS/nudge/congrats.txt" -
echo "rc=$?"
