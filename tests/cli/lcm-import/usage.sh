# --help on stdout with exit 0, --version, and misuse on stderr with exit 2.
lcm-import --help | head -n 3; echo "rc=$?"
lcm-import --version; echo "rc=$?"
lcm-import --bogus; echo "rc=$?"
lcm-import --date-order ymd x.csv; echo "rc=$?"
lcm-import --tz Mars/Olympus x.csv; echo "rc=$?"
lcm-import --rejects r.csv x.csv; echo "rc=$?"
lcm-import missing.csv; echo "rc=$?"
