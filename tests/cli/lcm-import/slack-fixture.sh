# A Slack workspace export (a directory), imported twice (the second changes
# nothing); the store's counts beside counts made with awk from the JSON:
# system (channel_join ...) and bot messages left out, replies in later day files.
d="$FIXTURES"/slack/slackdump_export
lcm-import --now 2026-12-01T00:00:00Z "$d"; echo "rc=$?"
lcm-import --now 2026-12-01T00:00:00Z "$d"; echo "rc=$?"
echo "== from the JSON"
# the export is pretty-printed: a message is "  {" ... "  }", its keys at 4 spaces
awk '
function val(s) { sub(/^[^:]*: *"?/, "", s); sub(/"?,?$/, "", s); return s }
FILENAME ~ /users.json$/ { if (/^    "id":/) users++; next }
/^  {/ { ts = tts = sub_ = bot = ""; next }
/^    "ts":/ { ts = val($0) }
/^    "thread_ts":/ { tts = val($0) }
/^    "subtype":/ { sub_ = val($0) }
/^    "bot_id":/ { bot = 1 }
/"reactions":/ { reactions++ }
/^  }/ {
	if (bot || (sub_ != "" && sub_ !~ /^(thread_broadcast|file_share|me_message|tombstone|thread_reply)$/)) { left++; next }
	posts++
	if (tts == "" || tts == ts) threads++; else replies++
	if (sub_ == "tombstone") deleted++
}
END { printf "threads %d\nposts %d\nreplies %d\ndeleted %d\nleft out %d\nreactions %d\npersons %d\n", threads, posts, replies, deleted, left, reactions, users }' "$d"/users.json "$d"/*/*.json
echo "== from the store"
sqlite3 "$LCM_DB" "
SELECT 'threads ' || count(*) FROM thread WHERE platform = 'slack';
SELECT 'posts ' || count(*) FROM post WHERE platform = 'slack';
SELECT 'replies ' || count(*) FROM post WHERE platform = 'slack' AND parent_id IS NOT NULL;
SELECT 'deleted ' || count(*) FROM post WHERE platform = 'slack' AND deleted;
SELECT 'persons ' || count(*) FROM person_link WHERE platform = 'slack';
SELECT 'forum ' || f.name || ' of ' || c.name FROM forum f JOIN course c ON c.id = f.course_id WHERE f.platform = 'slack';"
echo "== a thread across two day files"
sqlite3 "$LCM_DB" "SELECT p.external_id, coalesce(p.parent_ext, '-'), datetime(p.created, 'unixepoch'), p.words
 FROM post p JOIN thread t ON t.id = p.thread_id WHERE t.external_id = 'CO69735E8A/1736478630.905399' ORDER BY p.created;"
echo "== the readers of the store on it"
lcm-unanswered --now 2025-02-01T00:00:00Z | cut -d, -f1-9; echo "rc=$?"
lcm-engage --now 2025-02-01T00:00:00Z --by forum | cut -d, -f1-8; echo "rc=$?"
