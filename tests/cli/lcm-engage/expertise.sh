# Who knows what: the expertise map on the sample course, then on a real
# StackExchange meta site, with its accepted answers.
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" \
	"$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv" \
	"$SAMPLE/logs.csv"
now=2026-11-23T09:00:00+01:00
lcm-engage --now $now --expertise --top 2 -f csv
echo "rc=$?"
lcm-engage --now $now --expertise --include-staff --top 1 -f csv | head -n 6
echo "rc=$?"
db2=se.db
lcm-import -q --db "$db2" --now 2026-12-01T00:00:00Z "$FIXTURES"/stackexchange/conlang.meta
echo "rc=$?"
# who knows about tags: the site's own tag "tags" (a StackExchange thread's
# themes are its tags)
lcm-engage --db "$db2" --now 2026-12-01T00:00:00Z --expertise --theme Tags -f csv
echo "rc=$?"
lcm-engage --db "$db2" --now 2026-12-01T00:00:00Z --expertise --person conlang.meta/12 -f tsv | head -n 5
echo "rc=$?"
LCM_PSEUDO_KEY=0123456789abcdef lcm-engage --db "$db2" --now 2026-12-01T00:00:00Z --expertise --theme tags --pseudonymize -f json | head -c 300
echo
echo "rc=$?"
