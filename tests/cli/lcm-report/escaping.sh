# Learner text is shown, never run: a thread titled <script>alert(1)</script>
# and one full of Markdown and table syntax, in every format.
d=$DATA/lcm-report
lcm-import -q "$d/persons.csv" "$d/posts.csv" "$d/events.csv"
here=$(cd "$(dirname "$0")" && pwd)
now=2026-11-23T09:00:00Z
lcm-report --now $now --period 14d -f html -o page.html
python3 "$here/check-html.py" page.html '<script>alert(1)</script>' \
	'Joins & "outer" | pipes *stars* [x](javascript:alert(2))' | grep -e '^well' -e '^script' -e '^shown'
grep -c '&lt;script&gt;alert(1)&lt;/script&gt;' page.html
lcm-report --now $now --period 14d -f md | grep -e 'script' -e 'pipes'
lcm-report --now $now --period 14d -f json | grep -e '"title": "<script' -e 'pipes'
lcm-report --now $now --period 14d -f text | grep -e 'script' -e 'pipes'
