# Erasing a person removes their nudge records (which would otherwise
# hold the person's row by its foreign key: the erasure failed); the
# others' records stay.
d=$DATA/lcm-nudge
lcm-import -q "$d/persons.csv"
mkdir out
lcm-nudge -q --now 2026-11-23T09:00:00Z -t "$d/nudge.txt" --outbox out "$d/rows.csv"
lcm-import --forget lcm:u1 --forget lcm:u3
echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT p.external_id, m.channel FROM nudge_message m
	JOIN person p ON p.id = m.person_id ORDER BY m.id"
sqlite3 "$LCM_DB" "SELECT count(*) FROM nudge_message WHERE person_id NOT IN (SELECT id FROM person)"
echo "== a store lcm-nudge never wrote to erases as before"
rm "$LCM_DB"
lcm-import -q "$d/persons.csv"
lcm-import -q --forget lcm:u1
echo "rc=$?"
