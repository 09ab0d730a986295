# --help on stdout with exit 0, --version, and misuse on stderr with exit 2.
lcm-import --help | head -n 3; echo "rc=$?"
lcm-import --version > version.txt; echo "rc=$?"
# the libraries' versions vary by machine: their names kept, numbers as N
sed -E '2s/[0-9]+(\.[0-9]+)*/N/g' version.txt
[ "$(sed -n 's/.*SQLite \([^,]*\),.*/\1/p' version.txt)" = "$(sqlite3 :memory: 'SELECT sqlite_version()')" ] &&
	echo "SQLite: the version it runs with"
lcm-import --bogus; echo "rc=$?"
lcm-import --date-order ymd x.csv; echo "rc=$?"
lcm-import --tz Mars/Olympus x.csv; echo "rc=$?"
lcm-import --rejects r.csv x.csv; echo "rc=$?"
lcm-import missing.csv; echo "rc=$?"
