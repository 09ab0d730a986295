/*
 * test_report_experts.c - "who knows what" in lcm-report: the rule of the
 * top themes (evidence, answers, text; skipped themes), the words of
 * names that are no theme, and the section made from a store: staff left
 * out, pseudonyms as lcm-engage --expertise --pseudonymize gives them,
 * nothing for a store without threads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "pseudo.h"
#include "report_experts.h"
#include "report_parts.h"
#include "store.h"
#include "support.h"

/* A row of a hand-made map. */
static struct lcm_expert
row(const char *theme, int rank, int answers, int accepted, int thanks)
{
	struct lcm_expert e;

	memset(&e, 0, sizeof(e));
	e.theme = (char *)theme;
	e.rank = rank;
	e.answers = answers;
	e.accepted = accepted;
	e.thanks = thanks;
	e.score = lcm_expertise_score(answers, accepted, thanks);
	return e;
}

/*
 * alpha: three persons of score 1 (evidence 3, 3 answers); beta: one of
 * score 5 (1 answer, 2 thanks); gamma: one of score 3 (an accepted
 * answer, 0 answers counted: a hand-made row). Sorted by theme, then
 * rank, as the map is.
 */
static void
sample_map(struct lcm_expertise *x, struct lcm_expert *v)
{
	v[0] = row("alpha", 1, 1, 0, 0);
	v[1] = row("alpha", 2, 1, 0, 0);
	v[2] = row("alpha", 3, 1, 0, 0);
	v[3] = row("beta", 1, 1, 0, 2);
	v[4] = row("gamma", 1, 0, 1, 0);
	x->e = v;
	x->n = 5;
}

static void
test_experts_pick_by_evidence_then_answers(void **state)
{
	struct lcm_expert v[5];
	struct lcm_expertise x;
	struct lcm_report_pick p[10];
	size_t themes = 0;

	(void)state;
	sample_map(&x, v);
	assert_int_equal(lcm_report_experts_pick(&x, NULL, 10, p, &themes), 3);
	assert_int_equal(themes, 3);
	/* beta 5; alpha and gamma 3 each, alpha with more answers */
	assert_int_equal(p[0].first, 3);
	assert_int_equal(p[0].n, 1);
	assert_true(p[0].evidence == 5.0);
	assert_int_equal(p[1].first, 0);
	assert_int_equal(p[1].n, 3);
	assert_true(p[1].evidence == 3.0);
	assert_int_equal(p[1].answers, 3);
	assert_int_equal(p[2].first, 4);
	assert_int_equal(p[2].answers, 0);
}

static void
test_experts_pick_ties_by_text(void **state)
{
	struct lcm_expert v[2];
	struct lcm_expertise x = { v, 2 };
	struct lcm_report_pick p[2];

	(void)state;
	v[0] = row("kanban", 1, 2, 0, 0);
	v[1] = row("agile", 1, 2, 0, 0);	/* not sorted: the rule's order is its own */
	assert_int_equal(lcm_report_experts_pick(&x, NULL, 2, p, NULL), 2);
	assert_int_equal(p[0].first, 1);	/* agile */
	assert_int_equal(p[1].first, 0);
}

static void
test_experts_pick_top_limits(void **state)
{
	struct lcm_expert v[5];
	struct lcm_expertise x;
	struct lcm_report_pick p[1];
	size_t themes = 0;

	(void)state;
	sample_map(&x, v);
	assert_int_equal(lcm_report_experts_pick(&x, NULL, 1, p, &themes), 1);
	assert_int_equal(themes, 3);	/* ranked, though one shown */
	assert_int_equal(p[0].first, 3);
}

static void
test_experts_pick_skips(void **state)
{
	struct lcm_expert v[5];
	struct lcm_expertise x;
	struct lcm_report_pick p[10];
	struct lcm_strmap skip;
	size_t themes = 0;

	(void)state;
	sample_map(&x, v);
	lcm_strmap_init(&skip);
	lcm_strmap_put(&skip, "beta", 1);
	assert_int_equal(lcm_report_experts_pick(&x, &skip, 10, p, &themes), 2);
	assert_int_equal(themes, 2);
	assert_int_equal(p[0].first, 0);	/* alpha */
	assert_int_equal(p[1].first, 4);	/* gamma */
	lcm_strmap_release(&skip);
}

static void
test_experts_pick_empty(void **state)
{
	struct lcm_expertise x = { NULL, 0 };
	struct lcm_report_pick p[1];
	size_t themes = 7;

	(void)state;
	assert_int_equal(lcm_report_experts_pick(&x, NULL, 1, p, &themes), 0);
	assert_int_equal(themes, 0);
}

static void
test_report_name_words_words_and_stems(void **state)
{
	struct lcm_store st;
	struct lcm_strmap m;
	struct lcm_err err;
	int64_t v;

	(void)state;
	lcm_err_init(&err);
	test_store_memory(&st, "INSERT INTO person(id, platform, external_id, name, role) VALUES"
			  " (1, 'lcm', 'a', 'Camille Bernard', 'learner'),"
			  " (2, 'lcm', 'b', NULL, 'learner'), (3, 'lcm', 'c', 'Jo', 'learner');");
	lcm_strmap_init(&m);
	assert_int_equal(lcm_report_name_words(&st, &m, &err), 0);
	assert_true(lcm_strmap_get(&m, "camille", &v));	/* as a tag would be */
	assert_true(lcm_strmap_get(&m, "camill", &v));	/* as a subject's stem */
	assert_true(lcm_strmap_get(&m, "bernard", &v));
	assert_false(lcm_strmap_get(&m, "jo", &v));	/* under 3 letters: no theme either */
	lcm_strmap_release(&m);
	lcm_store_close(&st);
}

/*
 * Persons: 1 t (staff), 2 a, 3 b, 4 c ("Ben Cole" is b). Threads on
 * "printer": T1 by c (a answers, accepted, thanked by c; b answers; t
 * answers), T2 by b (a answers). Threads T3 and T4 by c, subjects
 * "Bens question", "Bens answer": their stem "ben" is b's name, answered by a.
 */
static const char community[] =
	"INSERT INTO person(id, platform, external_id, name, role) VALUES"
	" (1, 'lcm', 't', 'Tess', 'staff'), (2, 'lcm', 'a', 'Ana', 'learner'),"
	" (3, 'lcm', 'b', 'Ben Cole', 'learner'), (4, 'lcm', 'c', 'Cy', 'learner');"
	"INSERT INTO course(id, platform, external_id, name) VALUES (1, 'lcm', 'C1', 'C1');"
	"INSERT INTO forum(id, course_id, platform, external_id, name)"
	" VALUES (1, 1, 'lcm', 'f', 'f');"
	"INSERT INTO thread(id, forum_id, platform, external_id, author_id) VALUES"
	" (1, 1, 'lcm', 'T1', 4), (2, 1, 'lcm', 'T2', 3), (3, 1, 'lcm', 'T3', 4),"
	" (4, 1, 'lcm', 'T4', 4);"
	"INSERT INTO post(id, thread_id, parent_id, parent_ext, author_id, platform,"
	" external_id, created, subject, body, words, is_question, accepted) VALUES"
	" (1, 1, NULL, NULL, 4, 'lcm', 'p1', 100, 'Printer setup', 'How?', 1, 1, 0),"
	" (2, 1, 1, 'p1', 2, 'lcm', 'p2', 200, 'Re', 'Like so.', 2, 0, 1),"
	" (3, 1, 2, 'p2', 4, 'lcm', 'p3', 300, 'Re', 'Thank you!', 2, 0, 0),"
	" (4, 1, 1, 'p1', 3, 'lcm', 'p4', 400, 'Re', 'Or so.', 2, 0, 0),"
	" (5, 1, 1, 'p1', 1, 'lcm', 'p5', 450, 'Re', 'See the guide.', 3, 0, 0),"
	" (6, 2, NULL, NULL, 3, 'lcm', 'p6', 500, 'Printer drivers', 'Which?', 1, 1, 0),"
	" (7, 2, 6, 'p6', 2, 'lcm', 'p7', 600, 'Re', 'This one.', 2, 0, 0),"
	" (8, 3, NULL, NULL, 4, 'lcm', 'p8', 700, 'Bens question', 'Hm?', 1, 1, 0),"
	" (9, 3, 8, 'p8', 2, 'lcm', 'p9', 800, 'Re', 'Yes.', 1, 0, 0),"
	" (10, 4, NULL, NULL, 4, 'lcm', 'p10', 900, 'Bens answer', 'Hm?', 1, 1, 0),"
	" (11, 4, 10, 'p10', 2, 'lcm', 'p11', 1000, 'Re', 'No.', 1, 0, 0);";

/* The section of a store made by sql, under pseudonym key (NULL: none). */
static void
section(const char *sql, const char *key, struct lcm_report *r)
{
	struct lcm_report_opts o;
	struct lcm_store st;
	struct lcm_err err;

	lcm_err_init(&err);
	memset(&o, 0, sizeof(o));
	memset(r, 0, sizeof(*r));
	o.top = 10;
	o.pseudo_key = key;
	test_store_memory(&st, sql);
	if (lcm_report_experts(&st, &o, &r->known, &r->nknown, &r->known_themes, &err) < 0)
		fail_msg("%s", err.msg);
	lcm_store_close(&st);
}

/* Does the map of community (learners) have theme? */
static int
map_has(const char *theme)
{
	struct lcm_expertise x;
	struct lcm_store st;
	struct lcm_err err;
	size_t i;
	int found = 0;

	lcm_err_init(&err);
	test_store_memory(&st, community);
	assert_int_equal(lcm_expertise_build(&st, 0, 0, NULL, &x, &err), 0);
	for (i = 0; i < x.n; i++)
		found |= strcmp(x.e[i].theme, theme) == 0;
	lcm_expertise_free(&x);
	lcm_store_close(&st);
	return found;
}

static void
test_report_experts_learners_only(void **state)
{
	struct lcm_report r;
	const struct lcm_report_known *k;

	(void)state;
	assert_true(map_has("ben"));
	section(community, NULL, &r);
	/* "ben" is b's name: no theme, though the map has it */
	assert_int_equal(r.nknown, 1);
	assert_int_equal(r.known_themes, 1);
	k = &r.known[0];
	assert_string_equal(k->theme, "printer");
	assert_int_equal(k->threads, 2);
	assert_int_equal(k->people, 2);	/* t is staff */
	assert_int_equal(k->nexperts, 2);
	assert_string_equal(k->experts[0].person, "a");
	assert_string_equal(k->experts[0].name, "Ana");
	assert_int_equal(k->experts[0].rank, 1);
	assert_int_equal(k->experts[0].answers, 2);
	assert_int_equal(k->experts[0].accepted, 1);
	assert_int_equal(k->experts[0].thanks, 1);
	assert_true(k->experts[0].score == lcm_expertise_score(2, 1, 1));
	assert_string_equal(k->experts[1].person, "b");
	assert_true(k->evidence == k->experts[0].score + k->experts[1].score);
	lcm_report_known_free(r.known, r.nknown);
}

static void
test_report_known_dup_copies(void **state)
{
	struct lcm_report r;
	struct lcm_report_known *c;

	(void)state;
	section(community, NULL, &r);
	c = lcm_report_known_dup(r.known, r.nknown);
	lcm_report_known_free(r.known, r.nknown);	/* the copy owns its strings */
	assert_string_equal(c[0].theme, "printer");
	assert_int_equal(c[0].nexperts, 2);
	assert_string_equal(c[0].experts[1].name, "Ben Cole");
	lcm_report_known_free(c, 1);
}

static void
test_report_experts_pseudonyms(void **state)
{
	static const char key[] = "0123456789abcdef";
	struct lcm_report r;
	char *a;

	(void)state;
	section(community, key, &r);
	assert_int_equal(r.nknown, 1);
	/* the pseudonym of "platform:external_id", as lcm-engage gives it */
	a = lcm_pseudonym_dup(key, "lcm:a");
	assert_string_equal(r.known[0].experts[0].person, a);
	assert_null(r.known[0].experts[0].name);
	free(a);
	lcm_report_known_free(r.known, r.nknown);
}

static void
test_report_experts_no_thread(void **state)
{
	struct lcm_report r;

	(void)state;
	section("INSERT INTO person(id, platform, external_id, name, role) VALUES"
		" (1, 'lcm', 'a', 'Ana', 'learner');", NULL, &r);
	assert_int_equal(r.nknown, 0);
	assert_int_equal(r.known_themes, 0);
	lcm_report_known_free(r.known, r.nknown);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_experts_pick_by_evidence_then_answers),
		cmocka_unit_test(test_experts_pick_ties_by_text),
		cmocka_unit_test(test_experts_pick_top_limits),
		cmocka_unit_test(test_experts_pick_skips),
		cmocka_unit_test(test_experts_pick_empty),
		cmocka_unit_test(test_report_name_words_words_and_stems),
		cmocka_unit_test(test_report_experts_learners_only),
		cmocka_unit_test(test_report_known_dup_copies),
		cmocka_unit_test(test_report_experts_pseudonyms),
		cmocka_unit_test(test_report_experts_no_thread),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
