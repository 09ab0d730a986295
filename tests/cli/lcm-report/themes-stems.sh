# Themes are stems, shown as their most used word, in each post's guessed
# language; stop words of French and English (function words, greetings,
# politeness) and people's names are never themes (issue 16, item 11).
# Without stems "livrables" (one post) is no theme and "livrable" counts 2;
# "paul" and "ann" (signatures in two posts each) are names.
# p7, at the period's end, is of the next period: not of the history either.
cat >persons.csv <<'CSV'
id,name,email,role,cohort,manager
l1,Rose Garnier,rose@example.org,learner,,
l2,Paul Lambert,paul@example.org,learner,,
l3,Ann Lee,ann@example.org,learner,,
CSV
cat >posts.csv <<'CSV'
id,thread,parent,author,created,subject,body,course,forum,deleted,private,accepted
p1,T1,,l1,2026-11-10T18:00:00Z,Livrables du projet,"Bonsoir à tous, vers quelle date faut-il rendre les livrables ? Juste pour savoir. Merci !",C1,Questions,0,0,0
p2,T1,p1,l2,2026-11-10T19:00:00Z,Re: Livrables du projet,"Bonsoir, le livrable est à rendre vers le 20, juste avant la soutenance. Bonne soirée, Paul",C1,Questions,0,0,0
p3,T1,p1,l3,2026-11-11T08:00:00Z,Re: Livrables du projet,"Bonjour ! Merci Paul, mon livrable sera prêt. Ann",C1,Questions,0,0,0
p4,T2,,l3,2026-11-12T09:00:00Z,Exercises for week 2,"Hello everyone, thanks for the great exercises! Just one question: are the exercise answers online? Rose",C1,Questions,0,0,0
p5,T2,p4,l1,2026-11-12T10:00:00Z,Re: Exercises for week 2,"Thanks Ann, the answers are online now. Cheers",C1,Questions,0,0,0
p6,T2,p4,l2,2026-11-12T11:00:00Z,Re: Exercises for week 2,"Great, thank you! The exercise on joins was hard.",C1,Questions,0,0,0
p7,T2,p4,l3,2026-11-23T09:00:00Z,Re: Exercises for week 2,"Online answers, online exercises.",C1,Questions,0,0,0
CSV
lcm-import -q persons.csv posts.csv
lcm-report --now 2026-11-23T09:00:00Z --period 30d -f json | grep -A3 '"term"'
echo "rc=$?"
