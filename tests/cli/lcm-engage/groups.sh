# Groups: cohorts, courses, forums, managers, ISO weeks. Cohort B and the
# "none" groups have fewer than --min-group members: figures blanked.
d=$DATA/lcm-engage
lcm-import -q "$d/persons.csv" "$d/posts.csv" "$d/events.csv" "$d/completions.csv"
lcm-engage --now 2026-11-23T09:00:00Z --by cohort -f csv
lcm-engage --now 2026-11-23T09:00:00Z --by cohort --min-group 2 -f csv
lcm-engage --now 2026-11-23T09:00:00Z --by course -f csv
lcm-engage --now 2026-11-23T09:00:00Z --by forum --min-group 3 -f csv
lcm-engage --now 2026-11-23T09:00:00Z --by manager --min-group 0 -f csv
lcm-engage --now 2026-11-23T09:00:00Z --by week --since 2026-10-26 -f csv
lcm-engage --now 2026-11-23T09:00:00Z --by cohort --min-group 2 -f json
