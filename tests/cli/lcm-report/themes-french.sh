# The sample course's themes, week by week and over the whole course: the
# posts are mostly French, some English. No theme is a function word, a
# greeting or politeness (issue 16, item 11: "vers", "bonsoir", "juste"
# were themes), nor a word of a participant's name.
for f in "Annonces:annonces" "Questions sur le cours:questions" "Café des apprenants:cafe"; do
	lcm-import -q --course AGILE-2026 --tz Europe/Paris --forum "${f%%:*}" \
		"$SAMPLE/forum_${f##*:}.csv"
done
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv"
# the words no theme may be: names (first and last, lower case) and stop words
awk -F, 'NR > 1 { print tolower($3); print tolower($4) }' "$SAMPLE/users.csv" >never
for w in vers bonsoir juste bonjour bonne merci salut coucou hello thanks great \
	everyone welcome suis vais fait faire déjà après surtout sinon non one; do
	echo "$w"
done >>never
themes() {
	lcm-report --now "$1" --period "$2" --top 20 -f json |
		sed -n 's/^ *"term": "\(.*\)",$/\1/p' >terms
	echo "$1 $2: $(tr '\n' ' ' <terms)"
	grep -Fxf never terms | sed 's/^/  never a theme: /'
}
for d in 12 19 26; do
	themes 2026-10-${d}T00:00:00+02:00 7d
done
for d in 02 09 16 23; do
	themes 2026-11-${d}T00:00:00+01:00 7d
done
themes 2026-11-23T09:00:00+01:00 60d
