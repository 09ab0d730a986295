# --send pipes each message to 'sendmail -t -oi' (here a fake one first
# on PATH), or $LCM_SENDMAIL, which receives exactly the messages; a
# sendmail that fails records nothing for its message and exits 2, after
# the messages it took were recorded.
d=$DATA/lcm-nudge
lcm-import -q "$d/persons.csv"
mkdir ok bad bin
printf '#!/bin/sh\nexec sh "%s" "$@"\n' "$d/fake-sendmail" >bin/sendmail
chmod +x bin/sendmail
cd ok
PATH=$PWD/../bin:$PATH lcm-nudge --now 2026-11-23T09:00:00Z -t "$d/nudge.txt" \
	--send --skipped ../skipped.csv "$d/rows.csv"
echo "rc=$?"
ls
cat args.1
grep -h '^To:' sent.*
cat ../skipped.csv
sqlite3 "$LCM_DB" "SELECT p.external_id, m.channel, m.skipped FROM nudge_message m
	JOIN person p ON p.id = m.person_id ORDER BY m.id"
cd ../bad
rm "$LCM_DB"
lcm-import -q "$d/persons.csv"
FAKE_STATUS=75 FAKE_AFTER=2 LCM_SENDMAIL="sh $d/fake-sendmail" lcm-nudge -q --now 2026-11-23T09:00:00Z \
	-t "$d/nudge.txt" --send "$d/rows.csv"
echo "rc=$?"
ls
sqlite3 "$LCM_DB" "SELECT p.external_id, m.channel FROM nudge_message m
	JOIN person p ON p.id = m.person_id WHERE m.channel <> 'none' ORDER BY m.id"
echo "== a sendmail that is not there"
LCM_SENDMAIL=/nonexistent/sendmail lcm-nudge -q --now 2026-11-24T09:00:00Z \
	-t "$d/nudge.txt" --send "$d/rows.csv" 2>&1 | sed 's/: .*not found/: not found/'
