# Invalid UTF-8 after valid UTF-8 is an error naming the line; a field
# over 4 MiB is refused; neither changes the store.
printf 'person,skill,kind\np1,caf\303\251,goal\np2,caf\351,goal\n' > mixed.csv
lcm-import mixed.csv; echo "rc=$?"
{ printf 'person,skill,kind\np1,'; head -c 10485760 /dev/zero | tr '\0' a; printf ',goal\n'; } > big.csv
lcm-import big.csv; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT count(*) FROM person_skill;"
