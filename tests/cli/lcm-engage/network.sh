# The reply network: per person, per group, and written for Gephi and
# Graphviz (times in the zone given).
d=$DATA/lcm-engage
lcm-import -q "$d/persons.csv" "$d/posts.csv" "$d/events.csv" "$d/completions.csv"
lcm-engage --now 2026-11-23T09:00:00Z --network -f tsv | cut -f1,8,9,23-25
lcm-engage --now 2026-11-23T09:00:00Z --network --by cohort --min-group 2 -f tsv | cut -f1,2,15-19
lcm-engage --now 2026-11-23T09:00:00Z --graph dot
lcm-engage --now 2026-11-23T09:00:00Z --graph gexf --since 2026-11-10
lcm-engage --now 2026-11-23T09:00:00Z --graph graphml --tz Europe/Paris --since 2026-11-15
