# --rejects FILE is written and flushed before the commit: when it cannot
# be written (a full disk) the import fails, exit 2, and the store is as
# it was (no event of the file).
lcm-import --skip-invalid --rejects /dev/full "$DATA"/lcm-import/events-one-bad.csv; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT count(*) FROM event; SELECT count(*) FROM source;" 2>&1
lcm-import --skip-invalid --rejects rejects.csv "$DATA"/lcm-import/events-one-bad.csv; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT count(*) FROM event;"
