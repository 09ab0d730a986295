# CSV limits: a row of 1025 bytes (line end included) is refused under
# --max-field-size 1k and goes in when raised; 1024 bytes is within it.
# A header of 11 columns is over --max-fields 10. Refused files leave
# the store unchanged; the messages name the option to raise.
printf 'id,name\na,Ana\n' >persons.csv
lcm-import -q persons.csv
head='id,thread,parent,author,created,subject,body,course,forum,deleted,private'
row() {	# row ID BYTES: a post whose line is BYTES long with its line end
	printf '%s,t%s,,a,2026-11-01T10:00:00Z,Hi,' "$1" "$1"
	awk -v n="$(($2 - 42))" 'BEGIN { while (n-- > 0) printf "w" }'
	printf ',C1,Q,0,0\n'
}
{ echo "$head"; row 1 1024; } >at.csv
{ echo "$head"; row 2 1024; row 3 1025; } >over.csv
wc -c <at.csv
lcm-import --max-field-size 1k at.csv; echo "rc=$?"
lcm-import --max-field-size 1k over.csv; echo "rc=$?"
lcm-import --max-field-size 1KiB --skip-invalid over.csv; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT external_id, length(body) FROM post ORDER BY 1"
lcm-import --max-field-size 2k over.csv; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT external_id, length(body) FROM post ORDER BY 1"
{ echo "$head,extra"; row 4 100 | sed 's/$/,x/'; } >wide.csv
lcm-import --max-fields 11 wide.csv; echo "rc=$?"
lcm-import --max-fields 12 wide.csv; echo "rc=$?"
# bad values
lcm-import --max-field-size 0 x.csv; echo "rc=$?"
lcm-import --max-field-size 12x x.csv; echo "rc=$?"
lcm-import --max-field-size 2G x.csv; echo "rc=$?"
lcm-import --max-field-size -1 x.csv; echo "rc=$?"
lcm-import --max-fields 0 x.csv; echo "rc=$?"
lcm-import --max-fields 10k x.csv; echo "rc=$?"
