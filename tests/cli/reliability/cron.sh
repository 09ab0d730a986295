# The README's crontab, run line by line the way cron runs a job: /bin/sh -c
# with an empty pipe on standard input (closed at once), no terminal
# (setsid), and cron's minimal environment (env -i: HOME, LOGNAME, SHELL and
# the crontab's own PATH). Two substitutions only: /srv/lcm is a store of
# the bundled sample course made here, and /usr/local/bin (where make
# install puts lcm) is the programs under test, after a stub mail(1) that
# keeps each mail in ./mailbox. LCM_NOW fixes the clock, as --now would:
# tests never depend on the day they run.
readme=$SCRIPTS/../README.md
awk '/^```crontab$/ { on = 1; next } /^```$/ { on = 0 } on' "$readme" >crontab
echo "crontab: $(grep -c '^[0-9*]' crontab) jobs"

store=$PWD/srv/lcm
mkdir -p "$store" stub mailbox
opts="--course AGILE-2026 --tz Europe/Paris"
export LCM_DB="$store/lcm.db"
lcm-import -q $opts "$SAMPLE/users.csv"
lcm-import -q $opts --forum "Questions sur le cours" "$SAMPLE/forum_questions.csv"
lcm-import -q $opts --forum "Café des apprenants" "$SAMPLE/forum_cafe.csv"
lcm-import -q $opts "$SAMPLE/logs.csv"
lcm-import -q -f lcm-persons "$DATA/reliability/managers.csv"
unset LCM_DB

cp "$SCRIPTS/nudge/nudge.txt" "$store/nudge.txt"
# sendmail -t -oi < MESSAGE (lcm-nudge --send)
cat >stub/sendmail <<STUB
#!/bin/sh
n=\$(ls "$PWD/mailbox" | wc -l)
cat >"$PWD/mailbox/\$((n + 1))"
STUB
cat >stub/mail <<STUB
#!/bin/sh
# mail -s SUBJECT TO < BODY
n=\$(ls "$PWD/mailbox" | wc -l)
{ echo "To: \$3"; echo "Subject: \$2"; echo; cat; } >"$PWD/mailbox/\$((n + 1))"
STUB
chmod +x stub/mail stub/sendmail
bindir=$(dirname "$(command -v lcm-unanswered)")

cronpath=$(sed -n 's/^PATH=//p' crontab | sed "s|/usr/local/bin|$PWD/stub:$bindir|")
run_job() {
	: | setsid -w env -i HOME="$PWD" LOGNAME=lcm SHELL=/bin/sh PATH="$cronpath" \
		LCM_NOW=2026-11-23T09:00:00+01:00 /bin/sh -c "$1" >job.out 2>job.err
	echo "rc=$? stdout=$(wc -c <job.out) bytes"
	sed 's/^/  stderr: /' job.err
}
i=0
grep '^[0-9*]' crontab | sed -E 's/^([^[:space:]]+[[:space:]]+){5}//' |
	sed "s|/srv/lcm|$store|g" >jobs
while IFS= read -r job; do
	i=$((i + 1))
	printf 'job %d: ' "$i"
	run_job "$job" </dev/null
done <jobs
echo "again, job 1 (--once: nothing new)"
run_job "$(head -n 1 jobs)"

# each mail: its recipient and subject, the start of its body
for m in $(ls mailbox | sort -n); do
	echo "== mail $m"
	grep -m 1 '^To:' "mailbox/$m"
	grep -m 1 '^Subject:' "mailbox/$m"
	body=$(awk 'b { print } /^$/ { b = 1 }' "mailbox/$m")
	printf '%s\n' "$body" | head -n 4 | cut -c 1-100
	echo "($(printf '%s\n' "$body" | wc -l) lines)"
done
echo "nudges recorded: $(sqlite3 "$store/lcm.db" "SELECT count(*) FROM nudge_message WHERE channel = 'sendmail'")"
