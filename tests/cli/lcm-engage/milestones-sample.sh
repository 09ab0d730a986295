# Milestones of the sample course crossed in the week to 23 November: the
# first run lists and records them, the second lists nothing new (rc 1),
# --all lists them again; -q still records (as --once does).
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" \
	"$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv" \
	"$SAMPLE/logs.csv"
now=2026-11-23T09:00:00+01:00
lcm-engage --now $now --since 2026-11-16T09:00:00+01:00 --milestones -f csv
echo "rc=$?"
lcm-engage --now $now --since 2026-11-16T09:00:00+01:00 --milestones -f csv
echo "rc=$?"
lcm-engage --now $now --since 2026-11-16T09:00:00+01:00 --milestones --all -f tsv | cut -f1,4
echo "rc=$?"
# The first week: other crossings (first posts, the tenth poster), listed once too.
lcm-engage --now $now --since 2026-10-05T00:00:00+02:00 --until 2026-10-12T00:00:00+02:00 \
	--milestones -f tsv | cut -f1,3,4,6,8
echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT count(*) FROM milestone_seen"
# Whole history, everything listed already: nothing.
lcm-engage --now $now --milestones -f csv | wc -l
