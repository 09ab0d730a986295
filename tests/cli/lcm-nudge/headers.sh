# Accented names give RFC 2047 headers, a name holding "\r\nBcc: x@y"
# adds no header, a person without an address (or with one that would
# add a recipient) is skipped and listed; the row's language picks the
# .fr variant; a row naming nobody known is skipped too.
d=$DATA/lcm-nudge
lcm-import -q "$d/persons.csv"
mkdir out
lcm-nudge --now 2026-11-23T09:00:00Z -t "$d/nudge.txt" --outbox out "$d/rows.csv"
echo "rc=$?"
ls out
cat out/*-lcm-u1-*.eml out/*-lcm-u2-*.eml
python3 "$d/readback.py" out/*.eml
for f in out/*.eml; do sed '/^$/q' "$f" | grep -c '^Bcc'; done
