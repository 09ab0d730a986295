# One rule per value (lib/base/value.c), the one lcm-pathway reads back:
# durations 0 to 1000000 minutes, levels 0 to 1000, scores decimal, finite,
# 0 to 1 (no nan, inf, hex, or a value too small to tell from 0), in the
# lcm CSVs and in xAPI alike. Each refused with file:line, exit 2, nothing
# stored; --skip-invalid keeps the good rows.
lcm-import "$DATA"/lcm-import/catalogue-huge-duration.csv; echo "rc=$?"
lcm-import "$DATA"/lcm-import/catalogue-bad-level.csv; echo "rc=$?"
lcm-import "$DATA"/lcm-import/completions-bad-scores.csv; echo "rc=$?"
lcm-import --skip-invalid --rejects rejects.csv "$DATA"/lcm-import/completions-bad-scores.csv; echo "rc=$?"
cat rejects.csv
lcm-import "$DATA"/lcm-import/xapi-score-huge.json; echo "rc=$?"
lcm-import "$DATA"/lcm-import/xapi-score-negative.json; echo "rc=$?"
lcm-import "$DATA"/lcm-import/xapi-score-raw-over-max.json; echo "rc=$?"
# JSON's parser reads 1e-400 as 0: stored as 0
lcm-import "$DATA"/lcm-import/xapi-score-underflow.json; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT i.external_id, c.score FROM completion c JOIN item i ON i.id = c.item_id ORDER BY 1;
 SELECT count(*) FROM item WHERE duration_min IS NOT NULL;"
