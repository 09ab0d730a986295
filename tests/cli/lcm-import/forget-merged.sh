# A person known on two platforms (merged by e-mail) is forgotten whole,
# from either account: both accounts, completions, skills, and the mark
# lcm-unanswered left on her thread; the others' rows stay.
printf 'id,name,email,role\nana,Ana Lopez,ANA@example.org,learner\nbob,Bob Stone,bob@example.org,staff\n' >lxp.csv
printf 'id,name,email,role,platform\n58,Ana L.,ana@example.org,learner,moodle\n' >moodle.csv
printf 'id,thread,parent,author,created,subject,body,course,forum\n1,t1,,ana,2026-11-01T10:00:00Z,Help?,How do I start?,C1,Q\n2,t1,1,bob,2026-11-01T11:00:00Z,Re,Like this,C1,Q\n3,t2,,bob,2026-11-02T10:00:00Z,News,Welcome,C1,Q\n4,t2,3,ana,2026-11-02T11:00:00Z,Re,Thanks,C1,Q\n5,t2,4,bob,2026-11-02T12:00:00Z,Re,You are welcome,C1,Q\n6,t3,,ana,2026-11-03T10:00:00Z,Anyone?,Is there a quiz?,C1,Q\n' >posts.csv
printf 'id,title,duration_min\nscrum-1,Scrum basics,30\n' >catalogue.csv
printf 'person,item,state,time\nana,scrum-1,completed,2026-11-03T10:00:00Z\nbob,scrum-1,started,2026-11-03T10:00:00Z\n' >completions.csv
printf 'person,skill,kind\nana,scrum,goal\nana,kanban,has\nbob,scrum,has\n' >skills.csv
lcm-import -q --platform lxp lxp.csv posts.csv catalogue.csv completions.csv skills.csv
lcm-import -q moodle.csv
lcm-unanswered --now 2026-11-10T00:00:00Z --once lcm -f csv | cut -d, -f1-3
sqlite3 "$LCM_DB" "SELECT count(*) FROM notified"
lcm-import --persons -f csv
lcm-import --forget moodle:58; echo "rc=$?"
lcm-import --persons -f csv
sqlite3 "$LCM_DB" "SELECT id, parent_id, parent_ext, author_id FROM post ORDER BY id;
SELECT count(*) FROM completion; SELECT count(*) FROM person_skill; SELECT count(*) FROM notified;
PRAGMA foreign_key_check;"
