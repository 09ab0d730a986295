# --once: the second run lists nothing and exits 1; another channel still
# sees everything; --dry-run records nothing.
lcm-import -q "$DATA/lcm-unanswered/persons.csv" "$DATA/lcm-unanswered/posts.csv"
N=2026-11-10T12:00:00Z
lcm-unanswered --now $N --once lead --dry-run -f tsv | cut -f1; echo "rc=$?"
lcm-unanswered --now $N --once lcm -q; echo "rc=$?"
lcm-unanswered --now $N --once lcm; echo "rc=$?"
lcm-unanswered --now $N --older-than 8d --once lead -f tsv | cut -f1; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT channel, count(*) FROM notified GROUP BY 1 ORDER BY 1;"
