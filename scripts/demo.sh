#!/bin/sh
# demo.sh BINDIR - import the bundled sample community (scripts/sample:
# a bilingual Moodle course in Moodle's own export formats) into
# build/demo.db and show what a community manager would act on today.
set -eu
bin=$(cd "$1" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
sample=$root/scripts/sample
LCM_DB=$root/build/demo.db
export LCM_DB
PATH=$bin:$PATH
rm -f "$LCM_DB" "$LCM_DB-wal" "$LCM_DB-shm"

echo "== Importing the sample community into $LCM_DB"
opts="--course AGILE-2026 --tz Europe/Paris"
lcm-import $opts "$sample/users.csv"
lcm-import $opts --forum "Annonces" "$sample/forum_annonces.csv"
lcm-import $opts --forum "Questions sur le cours" "$sample/forum_questions.csv"
lcm-import $opts --forum "Café des apprenants" "$sample/forum_cafe.csv"
lcm-import $opts "$sample/logs.csv"

now=2026-11-23T09:00:00+01:00
echo
echo "== Threads nobody answered for a day, on Monday 23 November 2026 at 9:00 (Paris)"
lcm-unanswered --now $now --older-than 24h --suggest 2 -f table || true
if [ -x "$bin/lcm-engage" ]; then
	echo
	echo "== Learners to nudge"
	lcm-engage --now $now --at-risk -f table || true
fi
if [ -x "$bin/lcm-nudge" ]; then
	echo
	echo "== The first nudge lcm-nudge would send them (a dry run: --outbox or --send to act)"
	lcm-engage --now $now --at-risk -f json |
		lcm-nudge --now $now -q -t "$root/scripts/nudge/nudge.txt" - | awk '/^To: / && n++ { exit } { print }' || true
fi
if [ -x "$bin/lcm-report" ]; then
	report=$root/build/demo-report.html
	lcm-report --now $now --tz Europe/Paris --period 30d -f html -o "$report"
	echo
	echo "== The month's report for the training department: $report"
fi
echo
echo "The store is $LCM_DB: try LCM_DB=$LCM_DB $bin/lcm-unanswered --help"
