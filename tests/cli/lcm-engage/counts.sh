# Independent SQL over the store confirms threads, replies and events per
# person, on the sample community and on the hand-built one.
check() {
	lcm-engage --now 2026-11-23T09:00:00+01:00 -f tsv | tail -n +2 | cut -f1,5,6,18 | sort > engage.txt
	sqlite3 -separator '	' "$LCM_DB" "SELECT p.external_id,
	 (SELECT count(*) FROM post x WHERE x.author_id = p.id AND x.parent_ext IS NULL
	  AND x.deleted = 0 AND x.private = 0),
	 (SELECT count(*) FROM post x WHERE x.author_id = p.id AND x.parent_ext IS NOT NULL
	  AND x.deleted = 0 AND x.private = 0),
	 (SELECT count(*) FROM event e WHERE e.person_id = p.id)
	 FROM person p;" | sort > sql.txt
	wc -l < sql.txt
	cmp engage.txt sql.txt && echo "engage = sql"
}
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" \
	"$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv" \
	"$SAMPLE/logs.csv"
check
rm -f "$LCM_DB"
d=$DATA/lcm-engage
lcm-import -q "$d/persons.csv" "$d/posts.csv" "$d/events.csv" "$d/completions.csv"
check
