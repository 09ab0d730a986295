# A self-reply does not count under peer and counts under any; staff
# needs a reply by staff or an expert; --explain says why.
lcm-import -q "$DATA/lcm-unanswered/persons.csv" "$DATA/lcm-unanswered/posts.csv"
for by in peer any staff; do
	echo "== $by"
	lcm-unanswered --now 2026-11-10T12:00:00Z --by $by --explain -f tsv | cut -f1,5,6,8,12
done
