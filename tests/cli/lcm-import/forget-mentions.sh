# --forget also replaces the person's name, e-mail address and @mentions
# in the words of others (post bodies, subjects, thread titles) with
# [erased]; the summary says in how many. While another program reads
# the store from before the erasure, the message says where the old
# copies are: in lcm.db itself (and its -wal) until the checkpoint.
set -u
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" "$SAMPLE/forum_questions.csv"
names() { sqlite3 "$LCM_DB" "SELECT count(*) FROM post WHERE instr(body, 'Lucas') OR instr(body, 'lucas.martin')"; }
echo "posts naming Lucas: $(names)"
lcm-import -n --forget lucas.martin@example.org; echo "rc=$?"
echo "posts naming Lucas: $(names)"
lcm-import --forget lucas.martin@example.org; echo "rc=$?"
echo "posts naming Lucas: $(names)"
sqlite3 "$LCM_DB" "SELECT id, substr(body, 1, 40) FROM post WHERE instr(body, '[erased]') ORDER BY id"
echo "--- a reader holds the store"
# (the reader's query prints nothing: it only takes its snapshot)
sqlite3 "$LCM_DB" "BEGIN;" "SELECT id FROM post WHERE id < 0;" \
	".shell lcm-import --wait 1s --forget camille.bernard@example.org; echo rc=\$?" \
	".shell grep -c 'Camille Bernard' '$LCM_DB'" "COMMIT;"
echo "the reader is done"
sqlite3 "$LCM_DB" "PRAGMA wal_checkpoint(TRUNCATE);"
grep -c "Camille Bernard" "$LCM_DB"
