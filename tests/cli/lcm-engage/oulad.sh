# The OULAD presentation at week 4 (--now = start + 28 days): no forum,
# so no lurker; who is flagged and why, with the score, and the --course
# view of the same learners.
o=$FIXTURES/oulad
for t in courses assessments studentInfo studentRegistration studentVle studentAssessment; do
	lcm-import -q "$o/$t.csv" || echo "import $t: rc=$?"
done
lcm-engage --now 2013-10-29 --cohort AAA-2013J --at-risk --score -f tsv > risk.tsv
echo "rc=$?"
cut -f21,22 risk.tsv | sed 's/inactive:[0-9]*d/inactive:Nd/' | sort | uniq -c | sort -k1,1nr -k2
head -6 risk.tsv | cut -f1,15,16,21,22,23
lcm-engage --now 2013-10-29 --course AAA --score -f tsv | awk -F '\t' 'NR > 1 { n++ }
	NR > 1 && $23 != "" { s += $23 } END { printf "%d learners, mean score %.4f\n", n, s / n }'
