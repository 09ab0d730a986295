# The project's own CSVs: persons, posts, events, completions, catalogue
# and skills, read from standard input too; a dry run changes nothing.
lcm-import "$DATA/lcm-import/persons.csv" "$DATA/lcm-import/good-posts.csv"
lcm-import -f lcm-events - < "$DATA/lcm-import/events.csv"
lcm-import -n "$DATA/lcm-import/catalogue.csv"
lcm-import "$DATA/lcm-import/catalogue.csv" "$DATA/lcm-import/completions.csv" "$DATA/lcm-import/skills.csv"
sqlite3 "$LCM_DB" "SELECT external_id, name, role, cohort, manager FROM person ORDER BY external_id;
SELECT t.external_id, t.title, count(p.id), sum(p.is_question) FROM thread t JOIN post p ON p.thread_id = t.id GROUP BY t.id ORDER BY 1;
SELECT count(*) FROM post WHERE parent_ext IS NOT NULL AND parent_id IS NULL;
SELECT verb, count(*) FROM event_text GROUP BY 1 ORDER BY 1;
SELECT i.external_id, i.duration_min, group_concat(s.skill, ';') FROM item i LEFT JOIN item_skill s ON s.item_id = i.id GROUP BY i.id ORDER BY 1;
SELECT requires FROM item_prereq ORDER BY 1;
SELECT state, score FROM completion ORDER BY 1;
SELECT skill, kind FROM person_skill ORDER BY 1, 2;"
