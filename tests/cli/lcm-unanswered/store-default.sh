# The store after an import, default rule (peer), CSV because stdout is
# not a terminal; exit 0 when something is listed.
lcm-import -q "$DATA/lcm-unanswered/persons.csv" "$DATA/lcm-unanswered/posts.csv"
lcm-unanswered --now 2026-11-10T12:00:00Z; echo "rc=$?"
