# The project's sample community (scripts/sample: Moodle forum exports,
# the log report and the participants) as a community manager imports it.
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" \
	"$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv" \
	"$SAMPLE/logs.csv"
now=2026-11-23T09:00:00+01:00
lcm-engage --now $now -f csv
echo "rc=$?"
# Who needs a nudge: Julien went inactive, Maxime is isolated, four lurkers,
# the questions of Zoe, Olivia, Jade and Manon had no peer reply in 48 h.
lcm-engage --now $now --at-risk -f tsv | cut -f1,2,15,21,22
echo "rc=$?"
lcm-engage --now $now --praise --top 5 --network -f tsv | cut -f1,2,8,9,11,23-25
lcm-engage --now $now --by cohort --network -f csv
lcm-engage --now $now --by forum -f csv
lcm-engage --now $now --tz Europe/Paris --by week -f csv
