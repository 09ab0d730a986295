/*
 * similar.h - the answered threads most like an open one, and the open
 * threads that probably ask the same thing (lcm-unanswered --similar).
 *
 * A thread's text is its opening post's subject and body: content words
 * (terms.h), each stemmed in the post's language (French or English,
 * guessed from its stop words). An in-memory inverted index over every
 * thread of the store answers each open thread in one pass over the
 * postings of its terms, scoring two ways at once:
 *
 *   BM25      sum over shared terms of idf * tf (k1 + 1) /
 *             (tf + k1 (1 - b + b len / avglen)), k1 1.2, b 0.75,
 *             idf ln(1 + (N - df + 0.5) / (df + 0.5))
 *   TF-IDF    the cosine of (1 + ln tf) ln((N + 1) / df) vectors, 0 to 1
 *
 * Answered threads are ranked by the method asked (TF-IDF by default:
 * better than BM25 on StackExchange's duplicate and related links,
 * scripts/eval-similar);
 * probable duplicates are the other open threads whose TF-IDF cosine is
 * at least LCM_SIMILAR_DUPLICATE, a bounded score a threshold can mean.
 * Ties go to the lower store id: the same store gives the same list.
 */
#ifndef LCM_SIMILAR_H
#define LCM_SIMILAR_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "unanswered.h"

/* TF-IDF cosine from which two open threads are called duplicates. */
#define LCM_SIMILAR_DUPLICATE 0.5

enum lcm_similar_method {
	LCM_SIMILAR_BM25,
	LCM_SIMILAR_TFIDF,
	LCM_SIMILAR_RECENT	/* baseline: the most recently answered-able, newest first */
};

/* The methods' names: tfidf, bm25, recent. */
extern const struct lcm_choice lcm_similar_methods[];

/* Parses "bm25", "tfidf", "recent". -1 when unknown. */
int lcm_similar_method_parse(const char *s, enum lcm_similar_method *out);

/* The index: opaque. */
struct lcm_simindex;

/* What a document is, besides its text. Strings borrowed by the call. */
struct lcm_simdoc {
	int64_t thread_id;		/* store id: the tie-break */
	const char *thread;		/* the platform's id */
	const char *subject;
	const char *answer;		/* the answer's post id, NULL: not answered */
	const char *course, *forum;	/* for the answer's --url */
	int64_t created;
};

/* One ranked document. */
struct lcm_simhit {
	size_t doc;			/* index in the order of lcm_simindex_add */
	double score;
};

/* A new empty index, owned (lcm_simindex_free); NULL with err filled
 * when the stemmers are missing. */
struct lcm_simindex *lcm_simindex_new(struct lcm_err *err);

/* Adds a document (copies what it keeps); returns its index. Only
 * before lcm_simindex_build. */
size_t lcm_simindex_add(struct lcm_simindex *ix, const struct lcm_simdoc *d,
			const char *body);

/* Marks document doc as an open thread: a candidate duplicate. */
void lcm_simindex_mark_open(struct lcm_simindex *ix, size_t doc);

/* Builds postings and weights once every document is in. */
void lcm_simindex_build(struct lcm_simindex *ix);

/*
 * Ranks for the text subject + body (either may be NULL): at most n
 * answered documents by method into sim (*nsim set), and at most n open
 * documents of cosine >= LCM_SIMILAR_DUPLICATE into dup (*ndup set),
 * leaving out every document of thread exclude (0: none). sim and dup
 * have room for n hits each; no shared term, no hit (but for RECENT).
 */
void lcm_simindex_rank(struct lcm_simindex *ix, const char *subject, const char *body,
		       enum lcm_similar_method method, int64_t exclude, size_t n,
		       struct lcm_simhit *sim, size_t *nsim,
		       struct lcm_simhit *dup, size_t *ndup);

/* Document doc as added (its strings owned by the index). */
const struct lcm_simdoc *lcm_simindex_doc(const struct lcm_simindex *ix, size_t doc);

void lcm_simindex_free(struct lcm_simindex *ix);

/* For each row i of a list: its similar answered threads and duplicates. */
struct lcm_similars {
	struct lcm_simindex *ix;	/* owns the documents the hits name */
	struct lcm_simhit *sim, *dup;	/* rows * n each */
	size_t *nsim, *ndup;
	size_t rows, n;
};

/*
 * Fills out for every row of list from the store as it was at now: the
 * threads opened before now, answered when a live public reply by
 * someone else came before now (the answer: the accepted reply, else
 * the first). 0, or -1 with err filled.
 */
int lcm_similar(struct lcm_store *st, const struct lcm_unanswered_list *list,
		int n, enum lcm_similar_method method, int64_t now,
		struct lcm_similars *out, struct lcm_err *err);

/*
 * The columns of row i, into b (emptied first): what ("similar": "id:
 * score; ..." as --suggest's; "subjects": subjects joined by " | ";
 * "urls": the answers' links from tpl, space-separated; "duplicates":
 * "id: cosine; ...").
 */
void lcm_similars_format(const struct lcm_similars *s, size_t i, const char *what,
			 const char *tpl, struct lcm_buf *b);

void lcm_similars_free(struct lcm_similars *s);

#endif
