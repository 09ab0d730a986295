# Where an analysis program's data comes from (lcm(7)): the store when one
# is named or found, standard input only when named or when there is no
# store and it holds data; cron's empty pipe never hides ./lcm.db.
unset LCM_DB
f=$SAMPLE/forum_questions.csv
now="--now 2026-11-23T09:00:00+01:00"
echo "no store, the export on standard input:"
lcm-unanswered $now -f csv <"$f" | cut -d, -f1-3
echo "rc=$?"
echo "no store, an empty pipe:"
: | lcm-unanswered $now -f csv
echo "rc=$?"
echo "no store, /dev/null:"
lcm-unanswered $now -f csv </dev/null
echo "rc=$?"
lcm-import -q --course C --forum Q --tz Europe/Paris "$SAMPLE/forum_annonces.csv"
echo "./lcm.db and an empty pipe: the store"
for p in lcm-unanswered lcm-engage lcm-report; do
	: | $p $now -f json >out.json
	echo "$p rc=$? $(wc -c <out.json | tr -d ' ') bytes"
done
echo "./lcm.db and the export on standard input: still the store (name it: -)"
lcm-unanswered $now -f csv <"$f" | cut -d, -f3 | sort | uniq -c
lcm-unanswered $now -f csv - <"$f" | cut -d, -f3 | sort | uniq -c
echo "a pipe that is written to late is waited for"
(sleep 1; cat "$f") | lcm-unanswered $now -f csv - | wc -l
