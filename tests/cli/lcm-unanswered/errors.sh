# Misuse and a missing store: exit 2 with a message.
lcm-unanswered --older-than soon; echo "rc=$?"
lcm-unanswered --by everyone; echo "rc=$?"
lcm-unanswered --business-hours 'weekdays'; echo "rc=$?"
lcm-unanswered --suggest 0; echo "rc=$?"
lcm-unanswered --dry-run; echo "rc=$?"
lcm-unanswered -f xml; echo "rc=$?"
lcm-unanswered --now 2026-11-10T12:00:00Z --db nothing-here.db; echo "rc=$?"
printf 'a,b\n1,2\n' > bad.csv
lcm-unanswered --now 2026-11-10T12:00:00Z bad.csv; echo "rc=$?"
lcm-unanswered --help | head -n 1; echo "rc=$?"
