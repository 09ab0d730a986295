# A store in a directory the user cannot write (as on a read-only
# mount): SQLite cannot make the -shm file that WAL readers share, so
# readers open it immutable (lcm(7)); a -wal file left with commits
# would then be unseen, so they refuse and say what to do. Root writes
# anywhere: as root the programs run in a user namespace (unshare -U),
# where the directory's mode binds them as it binds its owner.
set -u
as=
[ "$(id -u)" = 0 ] && as="unshare -U"
mkdir ro stale
lcm-import -q --db ro/lcm.db --course c "$SAMPLE/forum_questions.csv"; echo "import rc=$?"
# a copy taken while a writer had commits in its WAL
sqlite3 ro/lcm.db "PRAGMA wal_autocheckpoint=0;" >/dev/null \
	"UPDATE thread SET title = 'new title' WHERE id = 1;" ".shell cp ro/lcm.db ro/lcm.db-wal stale/"
chmod 555 ro stale
$as sh -c 'touch ro/x' 2>/dev/null && echo "the directory can be written: this test proves nothing"
echo "--- readers"
$as lcm-import --persons --db ro/lcm.db >persons.txt; echo "rc=$?"
head -n 3 persons.txt
for p in lcm-unanswered lcm-report lcm-engage; do
	$as $p --db ro/lcm.db --now 2026-11-01T00:00Z >/dev/null; echo "$p rc=$?"
done
ls ro
echo "--- a -wal file with commits"
$as lcm-unanswered --db stale/lcm.db --now 2026-11-01T00:00Z; echo "rc=$?"
echo "--- a directory you cannot enter: the reason, not \"no store\""
mkdir shut && cp ro/lcm.db shut/ && chmod 600 shut
$as lcm-import --persons --db shut/lcm.db; echo "rc=$?"
chmod 755 shut
echo "--- a writer"
$as lcm-import -q --db ro/lcm.db --course c "$SAMPLE/forum_cafe.csv"; echo "rc=$?"
chmod 755 ro stale
