# Cron beside an import: readers see the last committed store while an
# import is in the middle of its transaction (its rows already spilling
# into the WAL), never "database is locked"; a second import fails with
# exit 2 and a message naming the lock, or with --wait waits for the first
# and goes in. The first import reads a FIFO that this script feeds, so it
# holds its transaction exactly as long as the test needs: nothing here
# depends on timing (the polling loop only waits for the lock to be
# taken, and gives up loudly after a minute).
set -u
D=$DATA/lcm-unanswered
now=--now=2026-11-10T00:00:00Z
lcm-import -q "$D/persons.csv" "$D/posts.csv"; echo "base import rc=$?"
# 200,000 posts in threads of three, all answered, then one left open
# (11,000 under valgrind, make check-valgrind; a multiple of 3, less 1)
n1=150000
n=200000
[ "${LCM_VALGRIND:-}" = 1 ] && n1=8000 n=11000
awk -v n1=$n1 'BEGIN { print "id,thread,parent,author,created,subject,body"
	for (i = 1; i <= n1; i++) { t = int((i - 1) / 3); p = (i - 1) % 3 ? "b" (t * 3 + 1) : ""
		printf "b%d,bt%d,%s,%s,2026-11-02T10:00:00Z,Subject %d,Body of post %d and some words\n",
			i, t, p, (i % 3 == 1 ? "a" : "b"), i, i } }' >part1.csv
awk -v n1=$n1 -v n=$n 'BEGIN { for (i = n1 + 1; i <= n; i++) { t = int((i - 1) / 3); p = (i - 1) % 3 ? "b" (t * 3 + 1) : ""
		printf "b%d,bt%d,%s,%s,2026-11-02T10:00:00Z,Subject %d,Body of post %d and some words\n",
			i, t, p, (i % 3 == 1 ? "a" : "b"), i, i }
	print "z1,zt1,,c,2026-11-03T10:00:00Z,Still open,Anyone?" }' >part2.csv
printf 'id,thread,parent,author,created,subject,body\nw1,wt1,,a,2026-11-04T10:00:00Z,Second import,Is this waiting?\n' >other.csv
engage=0
command -v lcm-engage >/dev/null && engage=1
lcm-unanswered $now -f csv >before.txt; echo "unanswered before rc=$?"
[ $engage = 1 ] && lcm-engage $now -f csv >engage-before.txt

echo "--- an import holds its transaction open"
mkfifo feed
# read-write, so that opening does not wait for the reader; every other
# process must not keep it (3>&-), or the import would never see the end
exec 3<>feed
lcm-import -q --format lcm-posts feed 2>import.err 3>&- & ipid=$!
timeout 600 cat part1.csv >&3 || echo "could not feed the import"
i=0
until ! lcm-import -q -n --wait 0 other.csv 2>probe.err 3>&-; do
	i=$((i + 1))
	[ $i -lt 600 ] || { echo "the import never took the lock"; break; }
	sleep 0.1
done
cat probe.err

echo "--- readers meanwhile"
lcm-unanswered $now -f csv >during.txt 2>during.err 3>&-; echo "unanswered rc=$?"
cmp before.txt during.txt && echo "unanswered: the same as before the import"
if [ $engage = 1 ]; then
	lcm-engage $now -f csv >engage-during.txt 2>>during.err 3>&-
	echo "engage rc=$?"
	cmp engage-before.txt engage-during.txt && echo "engage: the same as before the import"
else
	echo "engage: not built"
fi
cat during.err

echo "--- a second import"
lcm-import --wait 1 other.csv 3>&-; echo "rc=$?"
lcm-import -q --wait 600 other.csv 2>wait.err 3>&- & wpid=$!

echo "--- the first import ends"
timeout 600 cat part2.csv >&3 || echo "could not feed the import"
exec 3>&-
wait $ipid; echo "first import rc=$?"
wait $wpid; echo "waiting import rc=$?"
cat import.err wait.err
lcm-unanswered $now -f csv | diff before.txt -
sqlite3 "$LCM_DB" "PRAGMA integrity_check"
echo "posts: the fed ones and $(($(sqlite3 "$LCM_DB" "SELECT count(*) FROM post") - n)) more"
