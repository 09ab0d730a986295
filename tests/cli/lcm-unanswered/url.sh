# --url: every value put in a link is percent-encoded (RFC 3986's
# unreserved characters kept), so a thread id cannot close the link,
# add a parameter or open a tag; the template itself is kept as given.
cat > posts.csv <<'CSV'
id,thread,parent,author,created,subject,body,course,forum,deleted,private
1,"t""><script>alert(1)</script>",,a,2026-11-01T10:00:00Z,Hi,Help?,Agile 2026/é,Q&A,0,0
2,A-z_0.9~,,a,2026-11-02T10:00:00Z,Hi,Help?,C1,Q,0,0
CSV
lcm-unanswered --now 2026-11-10T12:00:00Z --url 'https://x/d.php?d={thread}&c={course}&f={forum}#p{post}' \
	-f tsv posts.csv | cut -f12
lcm-unanswered --now 2026-11-10T12:00:00Z --url '{thread}' -f json posts.csv | grep -o '"url":"[^"]*"'
