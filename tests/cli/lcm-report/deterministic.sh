# The same store and --now give the same bytes, in every format, run
# after run; the format follows the -o file's extension.
d=$DATA/lcm-report
lcm-import -q "$d/persons.csv" "$d/posts.csv" "$d/events.csv"
for f in text md html json; do
	lcm-report --now 2026-11-23T09:00:00Z --period 21d -f $f > a.$f
	lcm-report --now 2026-11-23T09:00:00Z --period 21d -f $f > b.$f
	cmp a.$f b.$f && echo "$f: same bytes"
done
for ext in html md json txt; do
	lcm-report --now 2026-11-23T09:00:00Z --period 21d -o "r.$ext"
done
cmp r.html a.html && cmp r.md a.md && cmp r.json a.json && cmp r.txt a.text && echo "-o: format from the name"
lcm-report --now 2026-11-23T09:00:00Z --period 21d -o report -f md && cmp report a.md && echo "-f wins"
lcm-report --now 2026-11-23T09:00:00Z --period 21d -o - | cmp - a.text && echo "-o -: standard output"
# files read directly, with no store, give the same report
env -u LCM_DB lcm-report --now 2026-11-23T09:00:00Z --period 21d -f json \
	"$d/persons.csv" "$d/posts.csv" "$d/events.csv" | cmp - a.json && echo "files = store"
