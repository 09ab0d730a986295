# Help, version and misuse: usage on stdout, errors on stderr, exit 2.
lcm-pathway --help | head -n 8
lcm-pathway -V > version.txt
# the libraries' versions vary by machine: their names kept, numbers as N
sed -E '2s/[0-9]+(\.[0-9]+)*/N/g' version.txt
lcm-pathway --bogus; echo "rc=$?"
lcm-pathway -f html --catalogue c.csv; echo "rc=$?"
lcm-pathway --budget 0 --catalogue c.csv; echo "rc=$?"
lcm-pathway --weeks 2w --catalogue c.csv; echo "rc=$?"
lcm-pathway --catalogue - --learners - < /dev/null; echo "rc=$?"
lcm-pathway --catalogue c.csv extra; echo "rc=$?"
