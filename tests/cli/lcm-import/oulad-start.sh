# --start moves a presentation's day 0: the same clicks, four days later
# with AAA-2013J=2013-10-05 than with the default (the 1st of October).
o=$FIXTURES/oulad
for t in courses assessments studentInfo studentRegistration studentVle; do
	lcm-import -q --start AAA-2013J=2013-10-05 "$o/$t.csv" || echo "rc=$?"
done
sqlite3 "$LCM_DB" "SELECT datetime(min(ts), 'unixepoch'), datetime(max(ts), 'unixepoch') FROM event"
LCM_DB=default.db lcm-import -q "$o/courses.csv" "$o/studentInfo.csv" "$o/studentVle.csv"
sqlite3 default.db "SELECT datetime(min(ts), 'unixepoch'), datetime(max(ts), 'unixepoch') FROM event"
lcm-import --start AAA-2013J "$o/courses.csv"
echo "rc=$?"
lcm-import --start AAA-2013J=2013-13-45 "$o/courses.csv"
echo "rc=$?"
