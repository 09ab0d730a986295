# Detection by the bytes first: a UTF-8 BOM before JSON is JSON (file or
# stdin); gzip data (1f 8b) is decompressed whatever its name, stdin too;
# a truncated or a corrupt .gz says so; a directory is no file (no line).
printf '\357\273\277' > bom.json
cat "$FIXTURES"/xapi/lrs_moodle_statement_A1.json >> bom.json
lcm-import bom.json; echo "rc=$?"
lcm-import - < bom.json; echo "rc=$?"
gzip -c < "$DATA"/lcm-import/events.csv > events.csv.gz
gzip -c < "$DATA"/lcm-import/events.csv | lcm-import -; echo "rc=$?"
cp events.csv.gz events-no-suffix.csv
lcm-import events-no-suffix.csv; echo "rc=$?"
gzip -c < bom.json | lcm-import -; echo "rc=$?"
head -c 40 events.csv.gz > truncated.csv.gz
lcm-import truncated.csv.gz; echo "rc=$?"
head -c 40 events.csv.gz | lcm-import -; echo "rc=$?"
printf '\037\213\010\000\000\000\000\000\000\003garbage' > corrupt.gz
lcm-import corrupt.gz; echo "rc=$?"
mkdir dir
lcm-import dir; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT format, path FROM source ORDER BY id;"
