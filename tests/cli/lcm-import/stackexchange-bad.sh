# Damaged StackExchange XML is refused with file:line, the store unchanged:
# a tag left open, a date in another form, a file cut short, XML that is not
# a dump, a directory that is neither export.
lcm-import -q "$FIXTURES"/stackexchange/conlang.meta/Posts.xml; echo "rc=$?"
before=$(sqlite3 "$LCM_DB" "SELECT count(*) FROM post; SELECT count(*) FROM source;" | tr '\n' ' ')
lcm-import "$DATA"/lcm-import/se-damaged.meta; echo "rc=$?"
lcm-import "$DATA"/lcm-import/se-damaged.meta/Posts.xml; echo "rc=$?"
lcm-import "$DATA"/lcm-import/se-bad-date.xml; echo "rc=$?"
lcm-import "$DATA"/lcm-import/se-truncated.xml; echo "rc=$?"
lcm-import "$DATA"/lcm-import/not-stackexchange.xml; echo "rc=$?"
mkdir empty-dir
lcm-import empty-dir; echo "rc=$?"
lcm-import -f slack "$DATA"/lcm-import/se-bad-date.xml; echo "rc=$?"
after=$(sqlite3 "$LCM_DB" "SELECT count(*) FROM post; SELECT count(*) FROM source;" | tr '\n' ' ')
echo "posts and sources before: $before after: $after"
