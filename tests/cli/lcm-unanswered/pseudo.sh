# --pseudonymize on the sample community: every author and every suggested
# person is shown as the pseudonym lcm-engage --pseudonymize gives the same
# person; subjects and excerpts stay as the learners wrote them.
o="--course AGILE-2026 --tz Europe/Paris"
lcm-import -q $o "$SAMPLE/users.csv" "$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv"
now="--now 2026-11-23T09:00:00+01:00"
LCM_PSEUDO_KEY=0123456789abcdef
export LCM_PSEUDO_KEY
lcm-unanswered $now --suggest 2 -f tsv | cut -f1,4,12 >plain.tsv
lcm-unanswered $now --suggest 2 --pseudonymize -f tsv >pseudo.tsv
cut -f1,4,5,12 pseudo.tsv

echo "== the same persons as lcm-engage --pseudonymize"
# engage lists persons by id, or by pseudonym: its other columns (role,
# cohort, counts, times, status) tell who is who, where they are unique
lcm-engage $now -f tsv | tail -n +2 | cut -f1,3- | sort -t "$(printf '\t')" -k2 >e-plain.tsv
lcm-engage $now --pseudonymize -f tsv | tail -n +2 | cut -f1,3- | sort -t "$(printf '\t')" -k2 >e-pseudo.tsv
cut -f2- e-plain.tsv | sort | uniq -u >unique.tsv
awk -F'\t' 'NR == FNR { u[$0] = 1; next } { k = $0; sub(/^[^\t]*\t/, "", k) }
	FILENAME == ARGV[2] && (k in u) { id[k] = $1 }
	FILENAME == ARGV[3] && (k in id) { print id[k] "\t" $1 }' \
	unique.tsv e-plain.tsv e-pseudo.tsv | sort >map.tsv
echo "persons told apart: $(wc -l <map.tsv | tr -d ' ') of $(wc -l <e-plain.tsv | tr -d ' ')"
# the plain listing with every id replaced by engage's pseudonym for it,
# and the names beside ids ("Name (id): score") dropped
awk -F'\t' -v OFS='\t' 'NR == FNR { p[$1] = $2; next }
	function ps(id) { return id in p ? p[id] : "NOT-IN-ENGAGE(" id ")" }
	FNR == 1 { print; next }
	{ $2 = ps($2); n = split($3, s, "; "); $3 = ""
	  for (i = 1; i <= n; i++) { j = index(s[i], ": "); who = substr(s[i], 1, j - 1)
	    if (match(who, /\([^()]*\)$/)) who = substr(who, RSTART + 1, RLENGTH - 2)
	    $3 = $3 (i > 1 ? "; " : "") ps(who) substr(s[i], j) }
	  print }' map.tsv plain.tsv >expected.tsv
cut -f1,4,12 pseudo.tsv | diff expected.tsv - && echo "authors and suggested = lcm-engage --pseudonymize"
# one of them as openssl computes it: HMAC-SHA-256 of "platform:id"
a=$(printf 'moodle:54' | openssl dgst -sha256 -hmac "$LCM_PSEUDO_KEY" | sed 's/.*= //' | cut -c1-16)
awk -F'\t' -v a="$a" '$1 == 230 && $4 == a { print "thread 230: moodle:54 is " a }' pseudo.tsv

echo "== who is hidden, what is not"
lcm-unanswered $now --suggest 2 -f tsv | cut -f10,11 >texts-plain.tsv
cut -f10,11 pseudo.tsv | cmp - texts-plain.tsv && echo "subjects and excerpts as written"
# every person column holds pseudonyms only, threads and posts alike
lcm-unanswered $now --older-than 0 --include-staff --posts --suggest 3 --pseudonymize -f tsv >all.tsv
echo "rows: $(tail -n +2 all.tsv | wc -l | tr -d ' ')"
tail -n +2 all.tsv | cut -f5 | grep -Ev '^[0-9a-f]{16}$' | sed 's/^/not a pseudonym: /'
tail -n +2 all.tsv | cut -f6 | grep -v '^$' | sed 's/^/a name under --pseudonymize: /'
tail -n +2 all.tsv | cut -f13 | tr ';' '\n' | sed 's/^ //; s/: [0-9.]*$//' | grep -v '^$' |
	grep -Ev '^[0-9a-f]{16}$' | sed 's/^/not a pseudonym: /'
# and no name of the store outside what the learners wrote
sqlite3 "$LCM_DB" "SELECT name FROM person WHERE name IS NOT NULL" >names.txt
cut -f1-10,13- all.tsv | grep -F -f names.txt | sed 's/^/a name: /'
echo "done"
