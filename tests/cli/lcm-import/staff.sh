# --staff and --staff-file say who is staff when the export has no roles
# (a Moodle forum export): the persons named, by the same import or
# already in the store, are marked staff, and lcm-engage --at-risk no
# longer lists the course's trainers among the learners to nudge. A
# name that matches no one is a warning (a trainer who has not posted
# yet is not in a forum export): the others are marked, exit 0.
set -u
risk() {
	lcm-engage --at-risk --now 2026-11-20T00:00Z -f csv | cut -d, -f2,3 |
		grep -e Karim -e Claire -e Sophie || echo "no trainer at risk"
}
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/forum_questions.csv"
echo "--- without roles"
risk
lcm-import --persons -f csv | grep -c learner
echo "--- marked by the import that creates them"
rm -f "$LCM_DB"*
lcm-import --course AGILE-2026 --tz Europe/Paris --staff 'Claire Dumont, karim benhamou' \
	"$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv"; echo "rc=$?"
risk
lcm-import --persons -f csv | grep staff
echo "--- on the store, from a file; unknown names"
printf '# trainers of AGILE-2026\n\nSophie Marchand\nmoodle:15\nJane Nobody\n' >staff.txt
lcm-import --staff-file staff.txt --staff 'ghost@example.org'; echo "rc=$?"
lcm-import --persons -f csv | grep -c staff
echo "--- the next import (as cron runs it) marks who came, keeps the others"
lcm-import -q --course AGILE-2026 --tz Europe/Paris --staff-file staff.txt \
	"$SAMPLE/forum_annonces.csv"; echo "rc=$?"
lcm-import --persons -f csv | grep staff
echo "--- dry run"
lcm-import -n --staff 'Emma Johnson'; echo "rc=$?"
lcm-import --persons -f csv | grep -c staff
echo "--- errors"
lcm-import --staff ' , '; echo "rc=$?"
lcm-import --staff-file missing.txt; echo "rc=$?"
lcm-import --staff 'Claire Dumont' --forget moodle:12; echo "rc=$?"
lcm-import --persons --staff 'Claire Dumont'; echo "rc=$?"
rm -f "$LCM_DB"*
lcm-import --staff 'Claire Dumont'; echo "rc=$?"
