# Who knows what, edge cases: no section (in any format) for a store
# without threads, nor when only staff answered (the map with
# --include-staff has them), nor in a --split-by report; a theme made of
# a learner's name ("alic" of Alice) is in the map but not in the report.
lcm-import -q "$DATA/lcm-report/persons.csv"
now=2026-11-23T09:00:00Z
for f in text md html json; do
	lcm-report --now $now -f $f > empty.$f
	echo "$f: rc=$? experts: $(grep -c -i -e 'who knows what' -e '"experts"' empty.$f)"
done
cat > staff.csv <<'CSV'
id,thread,parent,author,created,subject,body,course,forum,deleted,private,accepted
s1,S1,,l1,2026-11-20T09:00:00Z,Index question,Which index?,C1,C1 Questions,0,0,0
s2,S1,s1,t1,2026-11-20T10:00:00Z,Re: Index question,This one.,C1,C1 Questions,0,0,1
s3,S2,,l2,2026-11-20T11:00:00Z,Index again,And now?,C1,C1 Questions,0,0,0
s4,S2,s3,t1,2026-11-20T12:00:00Z,Re: Index again,That one.,C1,C1 Questions,0,0,0
CSV
lcm-import -q staff.csv
for f in text json; do
	lcm-report --now $now -f $f > staff.$f
	echo "staff only, $f: rc=$? experts: $(grep -c -i -e 'who knows what' -e '"experts"' staff.$f)"
done
lcm-engage --now $now --expertise -f csv; echo "rc=$?"
lcm-engage --now $now --expertise --include-staff -f csv; echo "rc=$?"
cat > names.csv <<'CSV'
id,thread,parent,author,created,subject,body,course,forum,deleted,private,accepted
n1,N1,,l2,2026-11-21T09:00:00Z,Alice and joins,How do joins work?,C1,C1 Questions,0,0,0
n2,N1,n1,l3,2026-11-21T10:00:00Z,Re: Alice and joins,Like this.,C1,C1 Questions,0,0,0
n3,N2,,l4,2026-11-21T11:00:00Z,Alice on joins again,And outer joins?,C1,C1 Questions,0,0,0
n4,N2,n3,l3,2026-11-21T12:00:00Z,Re: Alice on joins again,Thanks to the chapter.,C1,C1 Questions,0,0,0
CSV
lcm-import -q names.csv
lcm-engage --now $now --expertise -f csv; echo "rc=$?"
lcm-report --now $now | sed -n '/^WHO KNOWS WHAT/,$p'
lcm-report --now $now --split-by cohort --out-dir by-cohort --min-group 0 >/dev/null
echo "split: rc=$? experts: $(cat by-cohort/* | grep -c -i 'who knows what')"
