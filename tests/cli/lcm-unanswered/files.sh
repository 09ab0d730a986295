# Files instead of the store: read into memory, nothing written; JSON out,
# filters, --posts and a URL template.
cat "$DATA/lcm-unanswered/posts.csv" | env -u LCM_DB lcm-unanswered --now 2026-11-10T12:00:00Z --questions -f json \
	--url 'https://lms.example.org/mod/forum/discuss.php?d={thread}#p{post}'
echo "rc=$?"
lcm-unanswered --now 2026-11-10T12:00:00Z --posts --older-than 0 -f csv "$DATA/lcm-unanswered/posts.csv" | cut -d, -f1,2,5,6,7,8
lcm-unanswered --now 2026-11-10T12:00:00Z --course C2 "$DATA/lcm-unanswered/posts.csv"; echo "rc=$?"
test -e "$LCM_DB" && echo "store written" || echo "no store written"
