# DiscordChatExporter JSON (a DM, a group DM, a server channel), each twice
# (the second changes nothing); the store's counts beside counts made with
# awk from the JSON: system and bot messages left out, a repeated id kept once,
# a reply in the thread of the message it answers.
for f in DM_2A_2M GC_3A_5M SV_5A_5M; do
	lcm-import -f discord --now 2026-12-01T00:00:00Z "$FIXTURES"/discord/$f.json; echo "rc=$?"
	lcm-import -f discord --now 2026-12-01T00:00:00Z "$FIXTURES"/discord/$f.json; echo "rc=$?"
done
echo "== from the JSON"
# pretty-printed: a message is "        {" ... "        }", its keys at 12 spaces
awk '
function val(s) { sub(/^[^:]*: *"?/, "", s); sub(/"?,?$/, "", s); return s }
FNR == 1 { chan = ""; inmsg = 0 }
/^    "channel": \{/ { inchan = 1 }
inchan && /^        "id":/ { chan = val($0); inchan = 0 }
/^        \{/ { inmsg = 1; id = type = ref = bot = author = ""; next }
inmsg && /^            "id":/ { id = val($0) }
inmsg && /^            "type":/ { type = val($0) }
inmsg && /^                "id":/ && author == "" { author = val($0) }
inmsg && /^                "isBot": true/ { bot = 1 }
inmsg && /^                "messageId":/ { ref = val($0) }
inmsg && /^                    "count":/ { reactions += val($0) }
/^        \}/ {
	inmsg = 0
	if (bot || (type != "Default" && type != "Reply")) { left++; next }
	if ((chan "/" id) in seen) { dup++; next }
	seen[chan "/" id] = 1; posts++; who[author] = 1
	if (ref != "" && (chan "/" ref) in seen) replies++; else threads++
}
END { for (a in who) persons++; printf "threads %d\nposts %d\nreplies %d\nleft out %d\nrepeated %d\nreactions %d\npersons %d\n", threads, posts, replies, left, dup, reactions, persons }' "$FIXTURES"/discord/*.json
echo "== from the store"
sqlite3 "$LCM_DB" "
SELECT 'threads ' || count(*) FROM thread WHERE platform = 'discord';
SELECT 'posts ' || count(*) FROM post WHERE platform = 'discord';
SELECT 'replies ' || count(*) FROM post WHERE platform = 'discord' AND parent_id IS NOT NULL;
SELECT 'persons ' || count(DISTINCT author_id) FROM post WHERE platform = 'discord';
SELECT 'forum ' || f.name || ' of ' || c.name FROM forum f JOIN course c ON c.id = f.course_id WHERE f.platform = 'discord' ORDER BY f.id;
SELECT 'name ' || name FROM person WHERE platform = 'discord' ORDER BY external_id;"
echo "== the readers of the store on it"
lcm-unanswered --now 2023-02-01T00:00:00Z | cut -d, -f1-9; echo "rc=$?"
lcm-engage --now 2023-02-01T00:00:00Z --by course | cut -d, -f1-6; echo "rc=$?"
