# --at-risk and --praise select and order rows; exit 1 when nobody.
d=$DATA/lcm-engage
lcm-import -q "$d/persons.csv" "$d/posts.csv" "$d/events.csv" "$d/completions.csv"
lcm-engage --now 2026-11-23T09:00:00Z --at-risk -f tsv | cut -f1,15,21,22
echo "rc=$?"
lcm-engage --now 2026-11-23T09:00:00Z --at-risk --top 2 -f tsv | cut -f1,21
lcm-engage --now 2026-11-23T09:00:00Z --praise -f tsv | cut -f1,8,9,11,12
echo "rc=$?"
lcm-engage --now 2026-11-23T09:00:00Z --praise --top 1 -q
echo "rc=$?"
# by manager: each manager's team in turn (a cron mails each its part)
lcm-engage --now 2026-11-23T09:00:00Z --by manager --at-risk -f tsv | cut -f1,2,22,23
lcm-engage --now 2026-11-23T09:00:00Z --by cohort --praise --top 1 -f tsv | cut -f1,4
# nobody at risk in a community of one trainer: exit 1, header only
printf 'id,name,role\nt9,Tom,staff\n' > staff.csv
lcm-engage --now 2026-11-23T09:00:00Z --at-risk staff.csv
echo "rc=$?"
lcm-engage --now 2026-11-23T09:00:00Z --praise -q staff.csv
echo "rc=$?"
# The cron example of lcm-engage(1) and the README: one file per manager.
lcm-engage --now 2026-11-23T09:00:00Z --by manager --at-risk -f tsv | awk -F '\t' \
	'NR > 1 && $1 != "" { print > ("team-" $1 ".tsv") }'
for f in team-*.tsv; do
	m=${f#team-}; m=${m%.tsv}
	echo "to $m:"; cut -f2,22,23 "$f"
done
