# --check: a sound catalogue passes; every fault of a broken one is listed
# (unknown ids, duplicates, each cycle as a path, bricks a cycle makes
# unreachable, goals no brick teaches); planning stops on the same faults.
cp "$DATA"/lcm-pathway/catalogue.csv "$DATA"/lcm-pathway/broken.csv \
	"$DATA"/lcm-pathway/broken.json "$DATA"/lcm-pathway/learners.csv .
lcm-pathway --check --catalogue catalogue.csv
echo "rc=$?"
lcm-pathway --check --catalogue catalogue.csv --learners learners.csv
echo "rc=$?"
lcm-pathway --check --catalogue broken.csv --goal onboarding --goal blockchain
echo "rc=$?"
lcm-pathway --check --catalogue broken.json
echo "rc=$?"
lcm-pathway --catalogue broken.csv --learners learners.csv -f csv
echo "rc=$?"
