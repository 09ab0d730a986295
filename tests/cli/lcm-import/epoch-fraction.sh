# Epoch seconds with a fraction, as Slack and many APIs write them: the
# fraction is dropped, as for ISO times (the second the time falls in:
# -1.5 is -2). "12." and "1.2.3" are not times.
lcm-import "$DATA"/lcm-import/events-epoch-fraction.csv; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT p.external_id, e.ts, datetime(e.ts, 'unixepoch') FROM event e JOIN person p ON p.id = e.person_id ORDER BY 1;"
printf 'person,time,verb,object\np1,12.,viewed,Course\n' > dot.csv
lcm-import dot.csv; echo "rc=$?"
printf 'person,time,verb,object\np1,1.2.3,viewed,Course\n' > dots.csv
lcm-import dots.csv; echo "rc=$?"
