# Old or odd times that lcm-import accepts must not break the readers.
# One event dated year 0 beside the community of tests/data/lcm-engage:
# --by week without --since still starts with the first activity of the
# last 5300 weeks (2026-W40), not 105,000 weeks earlier, and does not fail.
d=$DATA/lcm-engage
cat > old.csv <<'CSV'
person,time,verb,object,course
b1,0000-01-03T08:00:00Z,viewed,page,C1
CSV
lcm-import -q "$d/persons.csv" "$d/posts.csv" "$d/events.csv" old.csv
lcm-engage --now 2026-11-23T09:00:00Z --by week --min-group 1 -f csv > weeks.csv
echo "rc=$?"
cut -d, -f1-5 weeks.csv
# b1's year-0 day counts as an active day of a period without a start.
lcm-engage --now 2026-11-23T09:00:00Z -f tsv | awk -F '\t' '$1 == "b1" { print $1, $15, $16 }'
# A period that starts in year 0 is asked for: refused, with the count.
lcm-engage --now 2026-11-23T09:00:00Z --since 0000-01-01 --by week -f csv
echo "rc=$?"
# At the far end, --now 9999-12-31T23:59:59Z: nothing in the last 5300
# weeks, no week rows, and at once.
lcm-engage --now 9999-12-31T23:59:59Z --by week -f csv
echo "rc=$?"
# 300 threads dated year 0 in working hours up to year 9999: a walk day by
# day took minutes (3.65 million days a thread); whole weeks are now
# multiplied. The timeout (30 s) is far above the 0.01 s it takes.
{
	echo 'id,thread,parent,author,created,subject,body,course,forum'
	i=0
	while [ $i -lt 300 ]; do
		echo "q$i,Q$i,,a1,0000-01-0$((i % 9 + 1))T10:00:00Z,Old $i?,How $i?,C1,old"
		i=$((i + 1))
	done
} > old-threads.csv
lcm-import -q old-threads.csv
timeout 30 lcm-unanswered --now 9999-12-31T23:59:59Z --business-hours 'Mon-Fri 09:00-18:00' \
	--course C1 --forum old -f csv > open.csv
echo "rc=$?"
# 300 threads; Q0's age is 104355 weekdays a 400 years times 25, 9 h each
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "age_hours") c = i; next }
	{ n++ } $1 == "Q0" { a = $c } END { print n, "threads, Q0", a, "working hours" }' open.csv
