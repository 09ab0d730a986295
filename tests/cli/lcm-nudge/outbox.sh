# The sample course's at-risk list into --outbox: the exact files, each
# read back as a mail reader would (headers, charset, decoded body with
# the learner's name and reasons), one record per file; a second run
# within the cooldown writes nothing and says why, and exits 1.
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" \
	"$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv" \
	"$SAMPLE/logs.csv"
now=2026-11-23T09:00:00+01:00
lcm-engage --now $now --at-risk -f json >risk.json
mkdir out
lcm-nudge --now $now -t "$SCRIPTS/nudge/nudge.txt" --from 'Équipe AGILE <team@example.org>' \
	--outbox out risk.json
echo "rc=$?"
ls out
cat out/20261123T080000Z-nudge-moodle-48-*.eml
python3 "$DATA/lcm-nudge/readback.py" out/*.eml
sqlite3 "$LCM_DB" "SELECT p.external_id, m.template, m.channel, m.reasons, m.message_id, m.ts
	FROM nudge_message m JOIN person p ON p.id = m.person_id ORDER BY m.id"
echo "== again, an hour later"
lcm-nudge --now 2026-11-23T10:00:00+01:00 -t "$SCRIPTS/nudge/nudge.txt" --outbox out - <risk.json
echo "rc=$?"
ls out | wc -l
sqlite3 "$LCM_DB" "SELECT count(*) FROM nudge_message"
echo "== a week later, the cooldown is over"
lcm-nudge -q --now 2026-11-30T09:00:00+01:00 -t "$SCRIPTS/nudge/nudge.txt" --outbox out risk.json
echo "rc=$?"
ls out | wc -l
