# The Slack export as downloaded: a .zip (Slack's has no top folder; a
# re-zipped one has), imported in place; the same store as from the
# directory; re-import changes nothing. A cut-short zip and a member whose
# bytes changed (CRC) are refused, the store unchanged.
d="$FIXTURES"/slack/slackdump_export
here=$(pwd)
(cd "$d" && zip -q -0 -X -r "$here/Cohort 7 Slack export.zip" users.json channels.json dms.json groups.json mpims.json B75B4C7)
(cd "$d"/.. && zip -q -X -r "$here/refolded.zip" slackdump_export)
lcm-import --now 2026-12-01T00:00:00Z "Cohort 7 Slack export.zip"; echo "rc=$?"
lcm-import --now 2026-12-01T00:00:00Z "Cohort 7 Slack export.zip"; echo "rc=$?"
lcm-import --db dir.db --now 2026-12-01T00:00:00Z "$d"; echo "rc=$?"
lcm-import --db refolded.db --now 2026-12-01T00:00:00Z refolded.zip; echo "rc=$?"
q="SELECT p.external_id, coalesce(p.parent_ext, '-'), p.deleted, p.words, a.name FROM post p
 LEFT JOIN person a ON a.id = p.author_id ORDER BY p.external_id;"
sqlite3 "$LCM_DB" "$q" > zip.txt
sqlite3 dir.db "$q" > dir.txt
sqlite3 refolded.db "$q" > refolded.txt
echo "posts $(wc -l < zip.txt); as from the directory: $(cmp -s zip.txt dir.txt && cmp -s zip.txt refolded.txt && echo same || echo differs)"
sqlite3 "$LCM_DB" "SELECT 'course ' || name FROM course WHERE platform = 'slack'; SELECT 'source ' || format || ' ' || rows FROM source;"
echo "== damaged"
head -c 3000 "Cohort 7 Slack export.zip" > cut.zip
lcm-import cut.zip; echo "rc=$?"
cp "Cohort 7 Slack export.zip" crc.zip
off=$(grep -boa '2CmwhKHbqi1 rwd5' crc.zip | tail -n 1 | cut -d: -f1)
printf 'X' | dd of=crc.zip bs=1 seek="$off" conv=notrunc 2>/dev/null
lcm-import crc.zip; echo "rc=$?"
printf 'PK\003\004 not really a zip' > fake.zip
lcm-import fake.zip; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT 'posts ' || count(*) FROM post; SELECT 'sources ' || count(*) FROM source;"
