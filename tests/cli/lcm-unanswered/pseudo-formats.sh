# --pseudonymize in every output format: the author and suggested persons
# are pseudonyms whatever the format; the texts are as written.
o="--course AGILE-2026 --tz Europe/Paris"
lcm-import -q $o "$SAMPLE/users.csv" "$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv"
LCM_PSEUDO_KEY=0123456789abcdef
export LCM_PSEUDO_KEY
for f in table csv tsv json ndjson; do
	echo "== $f"
	lcm-unanswered --now 2026-11-23T09:00:00+01:00 --older-than 500h \
		--suggest 2 --pseudonymize -f $f
	echo "rc=$?"
done
