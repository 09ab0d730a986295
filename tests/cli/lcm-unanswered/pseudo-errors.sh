# --pseudonymize without a key, or with one under 16 characters: refused
# (exit 2, nothing printed) before the store is even looked at.
lcm-import -q "$DATA/lcm-unanswered/persons.csv" "$DATA/lcm-unanswered/posts.csv"
now="--now 2026-11-10T12:00:00Z --older-than 0"
env -u LCM_PSEUDO_KEY lcm-unanswered $now --pseudonymize; echo "rc=$?"
LCM_PSEUDO_KEY= lcm-unanswered $now --pseudonymize; echo "rc=$?"
LCM_PSEUDO_KEY=0123456789abcde lcm-unanswered $now --pseudonymize; echo "rc=$?"
env -u LCM_PSEUDO_KEY lcm-unanswered $now --pseudonymize --db nothing-here.db; echo "rc=$?"
# 16 characters are enough; the key alone does nothing without the option
LCM_PSEUDO_KEY=0123456789abcdef lcm-unanswered $now --pseudonymize -f tsv | cut -f1,4,5; echo "rc=$?"
LCM_PSEUDO_KEY=0123456789abcdef lcm-unanswered $now -f tsv | cut -f1,4,5; echo "rc=$?"
lcm-unanswered --help | grep -A1 -e --pseudonymize
