# The installed examples (scripts/examples) cannot rot: the crontab's jobs
# are the README's (which cron.sh runs as cron would), each systemd
# service runs one of them (its ExecStart, unquoted as systemd does), each
# timer names its service and a calendar; systemd-analyze checks the units
# where it is installed (silent when they are right).
ex=$SCRIPTS/examples
readme=$SCRIPTS/../README.md
awk '/^```crontab$/ { on = 1; next } /^```$/ { on = 0 } on' "$readme" | grep -v '^#' >readme.cron
grep -v '^#' "$ex/crontab" >example.cron
cmp -s readme.cron example.cron && echo "crontab: the README's $(grep -c '^[0-9*]' example.cron) jobs"
grep '^[0-9*]' readme.cron | sed -E 's/^([^[:space:]]+[[:space:]]+){5}//' >jobs
for u in "$ex"/*.service; do
	name=${u##*/}
	cmd=$(sed -n 's/^ExecStart=\/bin\/sh -c "\(.*\)"$/\1/p' "$u" | sed 's/\\"/"/g')
	if grep -qxF -- "$cmd" jobs; then
		echo "$name: README job $(grep -nxF -- "$cmd" jobs | cut -d: -f1)"
	else
		echo "$name: runs no README job: $cmd"
	fi
	t=${u%.service}.timer
	[ -f "$t" ] && grep -q "^Unit=$name\$" "$t" && grep -q '^OnCalendar=' "$t" &&
		echo "  ${t##*/}: $(sed -n 's/^OnCalendar=//p' "$t")"
done
if command -v systemd-analyze >/dev/null; then
	systemd-analyze verify --man=no "$ex"/*.service "$ex"/*.timer 2>&1 |
		grep -v "Failed to resolve unit user 'lcm'\|^$" | sed 's/^/systemd-analyze: /'
fi
# what make install puts under share/doc/lcm/examples
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$SCRIPTS/.." install-examples DESTDIR="$PWD/root" PREFIX=/usr >/dev/null &&
	(cd root/usr/share/doc/lcm/examples && find . -type f | sort)
