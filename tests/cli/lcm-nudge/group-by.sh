# --group-by manager: one message per manager listing their rows (a
# learner without an address is listed all the same: the message goes to
# the manager); a row without a manager, or whose manager is no address,
# is skipped; each row's person is recorded, so a second run is in the
# cooldown; --max counts messages; an unknown field is refused.
d=$DATA/lcm-nudge
lcm-import -q "$d/team.csv"
lcm-nudge --now 2026-11-23T09:00:00Z -t "$d/digest.txt" --group-by manager "$d/team-rows.csv"
echo "dry: rc=$?"
mkdir out
lcm-nudge --now 2026-11-23T09:00:00Z -t "$d/digest.txt" --group-by manager --max 1 \
	--outbox out "$d/team-rows.csv"
echo "max: rc=$?"
lcm-nudge --now 2026-11-23T10:00:00Z -t "$d/digest.txt" --group-by manager \
	--outbox out "$d/team-rows.csv"
echo "rest: rc=$?"
ls out
python3 "$d/readback.py" out/*.eml
sqlite3 "$LCM_DB" "SELECT p.external_id, m.channel, m.skipped, m.message_id FROM nudge_message m
	JOIN person p ON p.id = m.person_id ORDER BY m.id"
lcm-nudge -t "$d/digest.txt" --group-by nosuch "$d/team-rows.csv"
echo "unknown: rc=$?"
