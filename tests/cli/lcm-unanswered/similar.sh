# --similar on the sample course: each open thread with the answered
# threads most like it (TF-IDF cosine, and BM25), their subjects, the
# answers' links, and the probable duplicates among the open ones.
o="--course AGILE-2026 --tz Europe/Paris"
lcm-import -q $o "$SAMPLE/users.csv" "$SAMPLE/forum_annonces.csv" "$SAMPLE/forum_questions.csv" "$SAMPLE/forum_cafe.csv"
now=2026-11-23T09:00:00+01:00
lcm-unanswered --now $now --similar 2 --url 'https://lms.example/t/{thread}#{post}' -f tsv | cut -f1,11,13-
echo "rc=$?"
lcm-unanswered --now $now --similar 2 --similar-by bm25 -f tsv | cut -f1,13,15
echo "== json, one open thread"
lcm-unanswered --now $now --similar 1 -f json | head -20
echo "== without --similar: no new column"
lcm-unanswered --now $now -f csv | head -1
