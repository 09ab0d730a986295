# --similar on a real Q&A forum (alcohol.meta's StackExchange dump): at
# 2015-05-28T22:58:11Z, one second after question 92 (closed on the site
# as a duplicate of 79), 92 is open and 79, answered before, is proposed
# first by TF-IDF (the default) and BM25, not by recency (the baseline).
lcm-import -q "$FIXTURES/stackexchange/alcohol.meta"
lcm-unanswered --now 2015-05-28T22:58:11Z --older-than 0 --include-staff --similar 3 -f tsv |
	awk -F '\t' 'NR == 1 || $1 == "alcohol.meta/92"' | cut -f1,12,13
for m in tfidf bm25 recent; do
	printf '%s: ' $m
	lcm-unanswered --now 2015-05-28T22:58:11Z --older-than 0 --include-staff --similar 3 \
		--similar-by $m -f tsv | awk -F '\t' '$1 == "alcohol.meta/92" { print $12 }'
done
