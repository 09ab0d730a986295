# The demo community over 30 days as a terminal summary: no colour into a
# pipe, colour on a terminal unless NO_COLOR is set.
for f in "Annonces:annonces" "Questions sur le cours:questions" "Café des apprenants:cafe"; do
	lcm-import -q --course AGILE-2026 --tz Europe/Paris --forum "${f%%:*}" \
		"$SAMPLE/forum_${f##*:}.csv"
done
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" "$SAMPLE/logs.csv"
lcm-report --now 2026-11-23T09:00:00+01:00 --period 30d
echo "rc=$?"
# every line fits 80 columns (wc -L counts characters, in a UTF-8 locale)
lcm-report --now 2026-11-23T09:00:00+01:00 --period 30d | LC_ALL=C.UTF-8 wc -L
# colour on a terminal (script(1) gives it one), none with NO_COLOR
esc=$(printf '\033')
script -q -c "lcm-report --now 2026-11-23T09:00:00+01:00 --period 30d" /dev/null </dev/null |
	grep -c "$esc" >/dev/null && echo "terminal: colour"
NO_COLOR=1 script -q -c "lcm-report --now 2026-11-23T09:00:00+01:00 --period 30d" /dev/null \
	</dev/null | grep -c "$esc"
echo "NO_COLOR: rc=$?"
