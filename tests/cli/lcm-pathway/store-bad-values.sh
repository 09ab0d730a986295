# A store written by an older lcm (or by hand) with values out of the
# ranges lcm-import checks now: such a value is read as not given
# (duration 0, no level, no score) and the run goes on.
cd "$DATA/lcm-pathway"
lcm-import -q catalogue.csv persons.csv skills.csv completions.csv
sqlite3 "$LCM_DB" "UPDATE item SET duration_min = 9223372036854775807 WHERE external_id = 'B03';
 UPDATE item SET level = -4 WHERE external_id = 'B24';
 UPDATE completion SET score = 1e308 WHERE score IS NOT NULL;"
lcm-pathway -f csv --learner f04 --goal moodle
echo "rc=$?"
lcm-pathway --check
echo "rc=$?"
