# A store of schema version 2 (made by lcm-import at 43675ea, see
# tests/data/lcm-import/store-v2.README) is upgraded to 3 by the first
# import: nothing of the same files is new again, and every analysis
# gives the same bytes as on a store made at version 3 from the same files.
gzip -dc "$DATA/lcm-import/store-v2.db.gz" > old.db
o="--now 2026-12-01T00:00:00Z"
sample="--course AGILE-2026 --tz Europe/Paris $SAMPLE/users.csv $SAMPLE/forum_annonces.csv
	$SAMPLE/forum_questions.csv $SAMPLE/forum_cafe.csv $SAMPLE/logs.csv"
more="$FIXTURES/moodle/log_report_resaved.csv $FIXTURES/xapi/lrs_moodle_statement_A1.json
	$FIXTURES/xapi/lrs_moodle_statement_A2.json $FIXTURES/xapi/lrs_moodle_statement_A3.json
	$FIXTURES/xapi/lrs_moodle_statement_A4.json $FIXTURES/xapi/lrs_moodle_statement_A5.json
	$FIXTURES/xapi/lrs_moodle_statement_A6.json $FIXTURES/xapi/lrs_moodle_statement_A7.json
	$FIXTURES/xapi/forum_discussion_created_statements.json
	$FIXTURES/xapi/forum_post_created_statements.json"
sqlite3 old.db "PRAGMA user_version; SELECT count(*) FROM event"
# an analysis refuses the old store until an import upgrades it
LCM_DB=old.db lcm-unanswered $o; echo "rc=$?"
LCM_DB=old.db lcm-import $o $sample 2>&1 | sed 's/ in [0-9.]* s/ in X s/'
LCM_DB=old.db lcm-import $o $more 2>&1 | sed 's/ in [0-9.]* s/ in X s/'
sqlite3 old.db "PRAGMA user_version; SELECT count(*), count(origin) FROM event;
SELECT count(*) FROM event_away; SELECT count(*) FROM sqlite_master WHERE name = 'event_v2';
PRAGMA foreign_key_check; PRAGMA integrity_check"
LCM_DB=new.db lcm-import -q $o $sample
LCM_DB=new.db lcm-import -q $o $more
for cmd in "lcm-unanswered -f csv" "lcm-engage -f csv" "lcm-engage --at-risk -f csv" \
	"lcm-report -f md" "lcm-report --period 7d -f md"; do
	LCM_DB=old.db $cmd $o > old.out 2>&1; a=$?
	LCM_DB=new.db $cmd $o > new.out 2>&1; b=$?
	if cmp -s old.out new.out && [ "$a" = "$b" ]; then
		echo "$cmd: same ($(wc -l < new.out) lines, rc=$a)"
	else
		echo "$cmd: differs"; diff old.out new.out | head -5
	fi
done
