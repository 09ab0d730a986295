# The expertise map's bad options: each a message and status 2, or 1
# when the person answered nothing.
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" "$SAMPLE/forum_questions.csv"
now=2026-11-23T09:00:00+01:00
lcm-engage --now $now --expertise --person nobody-at-all; echo "rc=$?"
lcm-engage --now $now --expertise --top 0; echo "rc=$?"
lcm-engage --now $now --expertise --top x; echo "rc=$?"
lcm-engage --now $now --expertise --theme ''; echo "rc=$?"
lcm-engage --now $now --expertise --theme the; echo "rc=$?"
lcm-engage --now $now --theme agile; echo "rc=$?"
lcm-engage --now $now --expertise --theme zzyzzyva; echo "rc=$?"
