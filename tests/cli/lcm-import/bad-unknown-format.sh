# A header no format knows, and a forced format whose columns are missing.
printf 'a,b,c\n1,2,3\n' > x.csv
lcm-import x.csv; echo "rc=$?"
lcm-import -f moodle-forum x.csv; echo "rc=$?"
lcm-import -f nonsense x.csv; echo "rc=$?"
