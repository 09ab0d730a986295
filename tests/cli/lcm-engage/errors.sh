# Misuse, a missing store and bad files: exit 2 with a message.
lcm-engage --by team; echo "rc=$?"
lcm-engage --since yesterday; echo "rc=$?"
lcm-engage --since 2026-11-10 --until 2026-11-01; echo "rc=$?"
lcm-engage --inactive-after soon; echo "rc=$?"
lcm-engage --top 0 --praise; echo "rc=$?"
lcm-engage --top 3; echo "rc=$?"
lcm-engage --at-risk --praise; echo "rc=$?"
lcm-engage --min-group -1; echo "rc=$?"
lcm-engage --graph svg; echo "rc=$?"
lcm-engage --graph dot --by cohort; echo "rc=$?"
lcm-engage --by week --at-risk; echo "rc=$?"
lcm-engage -f xml; echo "rc=$?"
lcm-engage --bogus; echo "rc=$?"
lcm-engage --now 2026-11-23T09:00:00Z --db nothing-here.db; echo "rc=$?"
printf 'a,b\n1,2\n' > bad.csv
lcm-engage --now 2026-11-23T09:00:00Z bad.csv; echo "rc=$?"
printf 'id,name,role\nx,X,boss\n' > badrole.csv
lcm-engage --now 2026-11-23T09:00:00Z badrole.csv; echo "rc=$?"
lcm-engage --help | head -n 5; echo "rc=$?"
lcm-engage --version > version.txt; echo "rc=$?"
# the libraries' versions vary by machine: their names kept, numbers as N
sed -E '2s/[0-9]+(\.[0-9]+)*/N/g' version.txt
