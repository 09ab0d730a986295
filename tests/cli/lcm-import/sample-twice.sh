# Importing the whole sample community twice: the second time, nothing is
# new and nothing is updated.
o="--course AGILE-2026 --tz Europe/Paris"
for pass in 1 2; do
	lcm-import $o "$SAMPLE/users.csv" "$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" \
		"$SAMPLE/forum_cafe.csv" "$SAMPLE/logs.csv"
done
sqlite3 "$LCM_DB" "SELECT role, count(*) FROM person GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM post; SELECT count(*) FROM thread; SELECT count(*) FROM event;
SELECT cohort, count(*) FROM person WHERE role = 'learner' GROUP BY 1 ORDER BY 1;"
