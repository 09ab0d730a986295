# The hand-built community of tests/data/lcm-engage (every value worked out
# in tests/unit/test_engage.c): one row per person, by person id.
d=$DATA/lcm-engage
lcm-import -q "$d/persons.csv" "$d/posts.csv" "$d/events.csv" "$d/completions.csv"
lcm-engage --now 2026-11-23T09:00:00Z -f csv
echo "rc=$?"
# The same files read directly, without a store: the same rows.
env -u LCM_DB lcm-engage --now 2026-11-23T09:00:00Z -f csv "$d/persons.csv" "$d/posts.csv" \
	"$d/events.csv" "$d/completions.csv" > files.csv
lcm-engage --now 2026-11-23T09:00:00Z -f csv | cmp - files.csv && echo "files = store"
# The period: since 9 November, counts shrink; last_seen keeps the past.
lcm-engage --now 2026-11-23T09:00:00Z --since 2026-11-09T09:00:00Z -f tsv | cut -f1,5,6,15,16,18,21,22
# --until moves "now" back: on 2 November nobody had left yet.
lcm-engage --now 2026-11-23T09:00:00Z --until 2026-11-02T10:00:00Z -f tsv | cut -f1,15,20-22
# --inactive-after 5d makes a5 and x1 inactive too.
lcm-engage --now 2026-11-23T09:00:00Z --inactive-after 5d -f tsv | cut -f1,21,22
