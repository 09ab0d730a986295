# An empty file and a header-only file: exit 2, a message, nothing stored.
: > empty.csv
printf 'person,time,verb\n' > header.csv
lcm-import empty.csv; echo "rc=$?"
lcm-import header.csv; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT count(*) FROM event; SELECT count(*) FROM source;"
