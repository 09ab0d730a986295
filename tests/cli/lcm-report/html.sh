# The HTML page, checked for its structure (check-html.py parses it as
# XML): three charts, each with its title, axis labels and a data table
# beside it; captions on every table; nothing that runs or is fetched;
# "http" only in the thread links asked for with --url.
for f in "Annonces:annonces" "Questions sur le cours:questions" "Café des apprenants:cafe"; do
	lcm-import -q --course AGILE-2026 --tz Europe/Paris --forum "${f%%:*}" \
		"$SAMPLE/forum_${f##*:}.csv"
done
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" "$SAMPLE/logs.csv"
here=$(cd "$(dirname "$0")" && pwd)
lcm-report --now 2026-11-23T09:00:00+01:00 --period 30d -o report.html
echo "rc=$?"
python3 "$here/check-html.py" report.html "Différence entre vélocité et capacité ?"
lcm-report --now 2026-11-23T09:00:00+01:00 --period 30d -f html \
	--url 'https://moodle.example.org/mod/forum/discuss.php?d={thread}#p{post}' >linked.html
python3 "$here/check-html.py" linked.html | grep -e '^links' -e '^well'
# a link template that is not http(s) makes no link
lcm-report --now 2026-11-23T09:00:00+01:00 --period 30d -f html --url 'javascript:x({thread})' |
	grep -c 'href='
echo "links: rc=$?"
