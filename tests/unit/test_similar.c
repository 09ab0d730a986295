/*
 * test_similar.c - unit tests for lib/unanswered/similar.c: the ranking
 * of answered threads by BM25 and TF-IDF, ties, empty texts, duplicates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "similar.h"

/* Adds thread id (answered when answer is not NULL). */
static size_t
add(struct lcm_simindex *ix, int64_t id, const char *subject, const char *body,
    const char *answer)
{
	struct lcm_simdoc d = { 0 };
	char ext[16];

	snprintf(ext, sizeof(ext), "t%lld", (long long)id);
	d.thread_id = id;
	d.thread = ext;
	d.subject = subject;
	d.answer = answer;
	d.created = 1000 + id;
	return lcm_simindex_add(ix, &d, body);
}

static struct lcm_simindex *
corpus(void)
{
	struct lcm_err err;
	struct lcm_simindex *ix;

	lcm_err_init(&err);
	ix = lcm_simindex_new(&err);
	assert_non_null(ix);
	add(ix, 1, "Exam dates", "When is the exam of the course?", "p1");
	add(ix, 2, "Sourdough starter", "My sourdough starter smells of acetone", "p2");
	add(ix, 3, "Exam room", "Which room for the exam of the course?", "p3");
	add(ix, 4, "Unanswered", "sourdough starter acetone again", NULL);
	add(ix, 5, "Exam dates", "When is the exam of the course?", "p5");
	return ix;
}

static void
test_rare_terms_rank_first(void **state)
{
	struct lcm_simhit sim[3], dup[3];
	size_t ns, nd;
	int m;

	(void)state;
	for (m = LCM_SIMILAR_BM25; m <= LCM_SIMILAR_TFIDF; m++) {
		struct lcm_simindex *ix = corpus();

		lcm_simindex_build(ix);
		lcm_simindex_rank(ix, "Help", "The sourdough starter smells bad", m, 0, 3,
				  sim, &ns, dup, &nd);
		assert_int_equal(ns, 1);	/* only thread 2 shares a term */
		assert_string_equal(lcm_simindex_doc(ix, sim[0].doc)->thread, "t2");
		assert_true(sim[0].score > 0);
		/* thread 4 is not answered, and not marked open: neither list */
		assert_int_equal(nd, 0);
		lcm_simindex_free(ix);
	}
}

static void
test_ties_go_to_lower_id(void **state)
{
	struct lcm_simhit sim[3], dup[3];
	struct lcm_simindex *ix = corpus();
	size_t ns, nd;

	(void)state;
	lcm_simindex_build(ix);
	lcm_simindex_rank(ix, "Exam dates", "When is the exam?", LCM_SIMILAR_TFIDF, 0, 3,
			  sim, &ns, dup, &nd);
	assert_int_equal(ns, 3);
	/* 1 and 5 have the same text: the same score, the lower id first */
	assert_true(sim[0].score == sim[1].score);
	assert_string_equal(lcm_simindex_doc(ix, sim[0].doc)->thread, "t1");
	assert_string_equal(lcm_simindex_doc(ix, sim[1].doc)->thread, "t5");
	assert_string_equal(lcm_simindex_doc(ix, sim[2].doc)->thread, "t3");
	assert_true(sim[2].score < sim[1].score);
	/* its own thread is never proposed */
	lcm_simindex_rank(ix, "Exam dates", "When is the exam?", LCM_SIMILAR_TFIDF, 1, 3,
			  sim, &ns, dup, &nd);
	assert_string_equal(lcm_simindex_doc(ix, sim[0].doc)->thread, "t5");
	lcm_simindex_free(ix);
}

static void
test_empty_text_and_unknown_words(void **state)
{
	struct lcm_simhit sim[3], dup[3];
	struct lcm_simindex *ix = corpus();
	size_t ns = 9, nd = 9;

	(void)state;
	add(ix, 6, NULL, NULL, "p6");	/* a document with no text at all */
	lcm_simindex_build(ix);
	lcm_simindex_rank(ix, NULL, "", LCM_SIMILAR_BM25, 0, 3, sim, &ns, dup, &nd);
	assert_int_equal(ns, 0);
	assert_int_equal(nd, 0);
	lcm_simindex_rank(ix, "zyxwvut", "qwertyuiop", LCM_SIMILAR_TFIDF, 0, 3,
			  sim, &ns, dup, &nd);
	assert_int_equal(ns, 0);
	/* the baseline needs no words: newest answered first */
	lcm_simindex_rank(ix, NULL, NULL, LCM_SIMILAR_RECENT, 0, 2, sim, &ns, dup, &nd);
	assert_int_equal(ns, 2);
	assert_string_equal(lcm_simindex_doc(ix, sim[0].doc)->thread, "t6");
	assert_string_equal(lcm_simindex_doc(ix, sim[1].doc)->thread, "t5");
	lcm_simindex_free(ix);
}

static void
test_duplicates_above_threshold_only(void **state)
{
	struct lcm_simhit sim[3], dup[3];
	struct lcm_simindex *ix = corpus();
	size_t ns, nd;

	(void)state;
	lcm_simindex_mark_open(ix, 3);	/* thread 4 */
	lcm_simindex_build(ix);
	lcm_simindex_rank(ix, "Starter", "sourdough starter acetone", LCM_SIMILAR_BM25, 0, 3,
			  sim, &ns, dup, &nd);
	assert_int_equal(nd, 1);
	assert_string_equal(lcm_simindex_doc(ix, dup[0].doc)->thread, "t4");
	assert_true(dup[0].score >= LCM_SIMILAR_DUPLICATE && dup[0].score <= 1.0 + 1e-9);
	lcm_simindex_rank(ix, "Exam", "exam course", LCM_SIMILAR_BM25, 0, 3,
			  sim, &ns, dup, &nd);
	assert_int_equal(nd, 0);
	lcm_simindex_free(ix);
}

static void
test_method_parse(void **state)
{
	enum lcm_similar_method m;

	(void)state;
	assert_int_equal(lcm_similar_method_parse("bm25", &m), 0);
	assert_int_equal(m, LCM_SIMILAR_BM25);
	assert_int_equal(lcm_similar_method_parse("tfidf", &m), 0);
	assert_int_equal(m, LCM_SIMILAR_TFIDF);
	assert_int_equal(lcm_similar_method_parse("recent", &m), 0);
	assert_int_equal(lcm_similar_method_parse("BM25", &m), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rare_terms_rank_first),
		cmocka_unit_test(test_ties_go_to_lower_id),
		cmocka_unit_test(test_empty_text_and_unknown_words),
		cmocka_unit_test(test_duplicates_above_threshold_only),
		cmocka_unit_test(test_method_parse),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
