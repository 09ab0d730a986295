# A header naming a column twice is refused (which one is meant cannot be
# told), at line 1; a repeated column no format reads is no matter.
printf 'person,time,verb,object,person\np1,2026-11-02T10:00:00Z,viewed,Course,p2\n' > dup.csv
lcm-import dup.csv; echo "rc=$?"
printf 'person,time,verb,object,note,note\np1,2026-11-02T10:00:00Z,viewed,Course,a,b\n' > extra.csv
lcm-import extra.csv; echo "rc=$?"
lcm-import -f lcm-events dup.csv; echo "rc=$?"
