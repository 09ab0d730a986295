# Two whole StackExchange dumps, each a directory, imported twice (the second
# changes nothing); the store's counts beside counts made with awk from the XML.
for site in conlang.meta alcohol.meta; do
	d="$FIXTURES"/stackexchange/$site
	lcm-import --now 2026-12-01T00:00:00Z "$d"; echo "rc=$?"
	lcm-import --now 2026-12-01T00:00:00Z "$d"; echo "rc=$?"
	echo "== $site: from the XML"
	# attribute value of a row: attr(line, "Name")
	awk '
	function attr(s, n,   m) { if (match(s, " " n "=\"[^\"]*\"")) { m = substr(s, RSTART + length(n) + 3, RLENGTH - length(n) - 4); return m } return "" }
	FILENAME ~ /Users.xml$/ && /<row / { users++ }
	FILENAME ~ /Posts.xml$/ && /<row / {
		t = attr($0, "PostTypeId"); id = attr($0, "Id")
		if (t == 1) th[id] = id; if (t == 2) th[id] = attr($0, "ParentId")
		if (t == 1) { q++; kept[id] = 1; v = attr($0, "Tags"); tags += gsub(/&lt;/, "", v); if (attr($0, "AcceptedAnswerId") != "") acc[attr($0, "AcceptedAnswerId")] = 1 }
		if (t == 2) { a++; kept[id] = 1; ans[id] = 1 }
		if ((t == 1 || t == 2) && attr($0, "OwnerUserId") == "" && attr($0, "OwnerDisplayName") != "") gone[attr($0, "OwnerDisplayName")] = 1
	}
	FILENAME ~ /Comments.xml$/ && /<row / && (attr($0, "PostId") in kept) {
		c++
		if (attr($0, "UserId") == "" && attr($0, "UserDisplayName") != "") gone[attr($0, "UserDisplayName")] = 1
	}
	FILENAME ~ /PostLinks.xml$/ && /<row / {
		k = attr($0, "LinkTypeId"); x = attr($0, "PostId"); y = attr($0, "RelatedPostId")
		if ((k == 1 || k == 3) && (x in th) && (y in th) && th[x] != th[y]) link[th[x] " " th[y] " " k] = 1
	}
	END {
		for (l in link) { split(l, f, " "); links[f[3]]++ }
		for (i in acc) if (i in ans) accepted++
		for (n in gone) deleted++
		printf "threads %d\nposts %d\nreplies %d (answers %d, comments %d)\naccepted %d\npersons %d\ntags %d\nlinks %d (duplicates %d)\n", q, q + a + c, a + c, a, c, accepted, users + deleted, tags, links[1] + links[3], links[3]
	}' "$d"/Users.xml "$d"/Posts.xml "$d"/Comments.xml "$d"/PostLinks.xml
	echo "== $site: from the store"
	sqlite3 "$LCM_DB" "
	SELECT 'threads ' || count(*) FROM thread WHERE external_id LIKE '$site/%';
	SELECT 'posts ' || count(*) FROM post WHERE external_id LIKE '$site/%';
	SELECT 'replies ' || count(*) || ' (answers ' || sum(external_id NOT LIKE '$site/c%') || ', comments ' || sum(external_id LIKE '$site/c%') || ')' FROM post WHERE external_id LIKE '$site/%' AND parent_id IS NOT NULL;
	SELECT 'accepted ' || count(*) FROM post WHERE external_id LIKE '$site/%' AND accepted;
	SELECT 'persons ' || count(*) FROM person_link WHERE platform = 'stackexchange' AND external_id LIKE '$site/%';
	SELECT 'tags ' || count(*) FROM thread_tag g JOIN thread t ON t.id = g.thread_id WHERE t.external_id LIKE '$site/%';
	SELECT 'links ' || count(*) || ' (duplicates ' || sum(kind = 'duplicate') || ')' FROM thread_related r JOIN thread t ON t.id = r.thread_id WHERE t.external_id LIKE '$site/%';"
done
echo "== every reply linked to its parent, in its parent's thread"
sqlite3 "$LCM_DB" "SELECT count(*) FROM post c LEFT JOIN post p ON p.id = c.parent_id
 WHERE c.parent_ext IS NOT NULL AND (p.id IS NULL OR p.thread_id <> c.thread_id);"
echo "== the readers of the store on it"
lcm-unanswered --now 2026-12-01T00:00:00Z --course conlang.meta | head -n 4; echo "rc=$?"
lcm-engage --now 2026-12-01T00:00:00Z --by course; echo "rc=$?"
lcm-engage --now 2026-12-01T00:00:00Z --praise --top 3 | cut -d, -f1-8; echo "rc=$?"
