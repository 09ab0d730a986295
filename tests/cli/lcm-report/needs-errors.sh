# --needs and --needs-periods: bad values are refused, exit 2.
lcm-import -q "$SAMPLE/users.csv"
lcm-report --needs -f html --now 2026-11-23T09:00:00Z
echo "rc=$?"
lcm-report --needs -f xml --now 2026-11-23T09:00:00Z
echo "rc=$?"
lcm-report --needs-periods 0 --now 2026-11-23T09:00:00Z
echo "rc=$?"
lcm-report --needs-periods 53 --now 2026-11-23T09:00:00Z
echo "rc=$?"
lcm-report --needs-periods x --now 2026-11-23T09:00:00Z
echo "rc=$?"
lcm-report --needs --split-by cohort --out-dir d --now 2026-11-23T09:00:00Z
echo "rc=$?"
lcm-report --needs -o x.csv --now 2026-11-23T09:00:00Z
echo "rc=$?"
