# Bad rows anywhere in a file leave the store as it was: wrong column
# count, non-numeric id, impossible date, truncated quoted field.
lcm-import -q "$DATA/lcm-import/good-posts.csv"
H='id,discussion,parent,userid,userfullname,created,modified,mailed,subject,message,messageformat,messagetrust,attachment,totalscore,mailnow,deleted,privatereplyto,privatereplytofullname,wordcount,charcount'
R='1,1,0,5,Ana,1700000000,1700000000,0,Hi,<p>Hi</p>,1,0,,0,0,0,0,,1,2'
printf '%s\n%s\n2,1,1,6,Bo,1700000100\n' "$H" "$R" > fields.csv
printf '%s\n%s\nx2,1,1,6,Bo,1700000100,1700000100,0,Re,ok,1,0,,0,0,0,0,,1,2\n' "$H" "$R" > id.csv
printf '%s\n%s\n2,1,1,6,Bo,"31/02/24, 10:00",,0,Re,ok,1,0,,0,0,0,0,,1,2\n' "$H" "$R" > date.csv
printf '%s\n%s\n2,1,1,6,Bo,1700000100,1700000100,0,Re,"ok,1,0,,0,0,0,0,,1,2\n' "$H" "$R" > quote.csv
for f in fields id date quote; do lcm-import $f.csv; echo "rc=$?"; done
sqlite3 "$LCM_DB" "SELECT count(*) FROM post; SELECT count(*) FROM person; SELECT count(*) FROM source;"
