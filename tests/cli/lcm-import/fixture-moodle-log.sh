# The real Moodle log sample (re-saved, index column first), twice: the
# second import changes nothing. Counts checked with an independent query.
lcm-import --tz Europe/Paris "$FIXTURES/moodle/log_report_resaved.csv" 2>&1 | sed 's|.*/fixtures/|fixtures/|'
lcm-import --tz Europe/Paris "$FIXTURES/moodle/log_report_resaved.csv" 2>&1 | sed 's|.*/fixtures/|fixtures/|'
sqlite3 "$LCM_DB" "SELECT count(*) FROM event;
SELECT p.external_id, p.name, count(*) FROM event e JOIN person p ON p.id = e.person_id GROUP BY p.id ORDER BY p.external_id;
SELECT count(*) FROM event WHERE person_id IS NULL;
SELECT datetime(min(ts), 'unixepoch'), datetime(max(ts), 'unixepoch') FROM event;
SELECT verb, count(*) FROM event_text GROUP BY verb ORDER BY 2 DESC, 1 LIMIT 3;"
