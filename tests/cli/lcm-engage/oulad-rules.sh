# A store with clicks and assessments but no post at all (as OULAD): nobody
# is a lurker, since nobody can post; --score orders the cohort by activity
# (days, weeks, time unseen) and due items (credit, lateness); --cohort keeps one cohort.
cat > persons.csv <<'CSV'
id,name,role,cohort
a,Ann,learner,AAA-2013J
b,Bob,learner,AAA-2013J
c,Cat,learner,AAA-2013J
d,Dan,learner,AAA-2013J
e,Eve,learner,AAA-2013J
f,Fay,learner,AAA-2013J
g,Gus,learner,BBB-2013J
CSV
cat > events.csv <<'CSV'
person,time,verb,object
a,2013-10-01,viewed,1
a,2013-10-02,viewed,1
a,2013-10-03,viewed,1
a,2013-10-04,viewed,1
b,2013-10-01,viewed,1
b,2013-10-02,viewed,1
b,2013-10-03,viewed,1
c,2013-10-01,viewed,1
c,2013-10-02,viewed,1
d,2013-10-01,viewed,1
e,2013-10-01,viewed,1
g,2013-10-01,viewed,1
CSV
cat > completions.csv <<'CSV'
person,item,state,time,score
a,tma1,passed,2013-10-03,0.9
b,tma1,failed,2013-10-03,0.3
c,tma1,passed,2013-10-03,0.5
d,tma1,passed,2013-10-03,0.6
e,tma1,passed,2013-10-06,0.7
CSV
files="persons.csv events.csv completions.csv"
lcm-engage --now 2013-10-05 --score -f tsv $files | cut -f1,4,16,21,22,23
echo "rc=$?"
# e's assessment is after --now: not known yet, no credit
lcm-engage --now 2013-10-05 --score --at-risk --cohort AAA-2013J -f tsv $files | cut -f1,21,22,23
echo "rc=$?"
lcm-engage --now 2013-10-05 --cohort CCC-2013J -f tsv $files | wc -l
# with a post in the store, the others are lurkers again
printf 'id,thread,author,created,body\np1,t1,a,2013-10-02,Hello?\n' > posts.csv
lcm-engage --now 2013-10-05 -f tsv $files posts.csv | cut -f1,22
# --course: those active in the course, still ranked within their cohort
printf 'person,time,verb,course\nb,2013-10-04,viewed,AAA\ng,2013-10-04,viewed,AAA\n' > course.csv
lcm-engage --now 2013-10-05 --course AAA --score -f tsv $files course.csv | cut -f1,4,16,23
lcm-engage --now 2013-10-05 --course AAA --by cohort $files
echo "rc=$?"
