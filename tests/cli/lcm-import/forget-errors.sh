# --forget refused, with exit 2 and the store unchanged: no store yet, an
# unknown person, an id two persons share (the candidates are listed), a
# file given too, with --persons, an empty name; one bad name among good
# ones erases nothing.
lcm-import --forget moodle:51; echo "rc=$?"
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" "$SAMPLE/forum_questions.csv"
printf 'id,name,email\n51,Sam Other,sam@example.org\n' >others.csv
lcm-import -q others.csv
sum() { sqlite3 "$LCM_DB" .dump | cksum; }
before=$(sum)
lcm-import --forget moodle:999; echo "rc=$?"
lcm-import --forget nobody@example.org; echo "rc=$?"
lcm-import --forget 51; echo "rc=$?"
# a number is also the store's own (the first column of --persons)
lcm-import -n --forget 1; echo "rc=$?"
lcm-import --forget moodle:40 --forget 51 --forget ghost; echo "rc=$?"
lcm-import --forget moodle:51 others.csv; echo "rc=$?"
lcm-import --purge-before 2026-10-01 others.csv; echo "rc=$?"
lcm-import --persons --forget moodle:51; echo "rc=$?"
lcm-import --forget ''; echo "rc=$?"
[ "$(sum)" = "$before" ] && echo "store unchanged"
# the candidates' ids work
lcm-import -n --forget lcm:51; echo "rc=$?"
