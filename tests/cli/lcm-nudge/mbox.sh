# --mbox appends mboxrd messages ("From " lines in bodies quoted), which
# Python's mailbox reads back.
d=$DATA/lcm-nudge
lcm-import -q "$d/persons.csv"
lcm-nudge -q --now 2026-11-23T09:00:00Z -t "$d/nudge.txt" --mbox box "$d/rows.csv"
echo "rc=$?"
lcm-nudge -q --now 2026-12-23T09:00:00Z -t "$d/nudge.txt" --mbox box "$d/rows.csv"
echo "rc=$?"
grep -c '^From ' box
grep '^>From' box
python3 -c '
import mailbox, sys
for m in mailbox.mbox(sys.argv[1]):
    print(m["Date"], m["Message-ID"], m.get_payload(decode=True).decode().splitlines()[-2])
' box
