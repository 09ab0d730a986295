# Discourse API JSON (a topic, a page of its posts, the latest posts; a topic
# list refused), each twice, and the admin user list CSV; the store's counts
# beside counts made with awk from the JSON: only regular posts (post_type 1)
# are replies, a post keyed by topic and post number.
for f in topic topic_posts posts_latest latest; do
	lcm-import -f discourse --now 2026-12-01T00:00:00Z "$FIXTURES"/discourse/$f.json; echo "rc=$?"
	lcm-import -f discourse --now 2026-12-01T00:00:00Z "$FIXTURES"/discourse/$f.json; echo "rc=$?"
done
lcm-import --now 2026-12-01T00:00:00Z "$DATA"/lcm-import/discourse-users.csv; echo "rc=$?"
lcm-import "$DATA"/lcm-import/discourse-users-bad.csv; echo "rc=$?"
echo "== from the JSON"
# the fields of each post object (depth 1 in the posts array), strings
# removed before braces are counted ({size} in avatar URLs)
awk '
function val(s) { sub(/^[^:]*: */, "", s); gsub(/[",]/, "", s); return s }
/"(posts|latest_posts)": *\[/ { inposts = 1; depth = 0; next }
inposts {
	line = $0; gsub(/"([^"\\]|\\.)*"/, "\"\"", line)
	if (depth == 1 && /"post_number":/) num = val($0)
	if (depth == 1 && /"post_type":/) type = val($0)
	if (depth == 1 && /"topic_id":/) topic = val($0)
	if (depth == 1 && /"username":/) user = val($0)
	if (depth == 1 && /"reply_to_post_number":/) rep = val($0)
	opens = gsub(/[{[]/, "", line); closes = gsub(/[]}]/, "", line)
	if (depth == 0 && opens) { num = type = topic = user = rep = "" }
	depth += opens - closes
	if (depth == 0 && closes && num != "") {
		if (type == 1 || num == 1) {
			key = topic "/" num
			if (!(key in seen)) { seen[key] = 1; posts++; who[user] = 1; thr[topic] = 1; if (num != 1) replies++ }
		} else left++
		num = ""
	}
	if (depth < 0) inposts = 0
}
END { for (t in thr) threads++; for (u in who) persons++; printf "threads %d\nposts %d\nreplies %d\nleft out %d\npersons %d\n", threads, posts, replies, left, persons }' "$FIXTURES"/discourse/topic.json "$FIXTURES"/discourse/topic_posts.json "$FIXTURES"/discourse/posts_latest.json
echo "== from the store"
sqlite3 "$LCM_DB" "
SELECT 'threads ' || count(*) FROM thread WHERE platform = 'discourse';
SELECT 'posts ' || count(*) FROM post WHERE platform = 'discourse';
SELECT 'replies ' || count(*) FROM post WHERE platform = 'discourse' AND parent_id IS NOT NULL;
SELECT 'persons ' || count(DISTINCT author_id) FROM post WHERE platform = 'discourse';"
sqlite3 "$LCM_DB" "SELECT p.external_id, coalesce(p.parent_ext, '-'), coalesce(a.name, a.external_id), coalesce(a.email, '-'), a.role
 FROM post p JOIN person a ON a.id = p.author_id ORDER BY p.created, p.external_id;"
echo "== the readers of the store on it"
lcm-unanswered --now 2020-02-01T00:00:00Z | cut -d, -f1-9; echo "rc=$?"
lcm-engage --now 2020-02-01T00:00:00Z --by forum | cut -d, -f1-6; echo "rc=$?"
