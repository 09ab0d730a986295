/*
 * test_expertise.c - the expertise map: who answered whom on which theme,
 * scored from the evidence, staff apart, ranks and ties.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "expertise.h"
#include "store.h"

/*
 * Persons: 1 t (staff), 2 a, 3 b, 4 c. Threads: T1 "Printer setup" by c,
 * T2 "Printer drivers" by b, T3 "Lunch menu" by a (a theme of one thread,
 * so no theme). On "printer": a answers T1 (accepted, thanked by c) and
 * T2; b answers T1; c's reply in c's own thread is no answer; t answers T2.
 */
static const char community[] =
	"INSERT INTO person(id, platform, external_id, name, role) VALUES"
	" (1, 'lcm', 't', 'Tess', 'staff'), (2, 'lcm', 'a', 'Ana', 'learner'),"
	" (3, 'lcm', 'b', 'Ben', 'learner'), (4, 'lcm', 'c', 'Cy', 'learner');"
	"INSERT INTO course(id, platform, external_id, name) VALUES (1, 'lcm', 'C1', 'C1');"
	"INSERT INTO forum(id, course_id, platform, external_id, name)"
	" VALUES (1, 1, 'lcm', 'f', 'f');"
	"INSERT INTO thread(id, forum_id, platform, external_id, author_id) VALUES"
	" (1, 1, 'lcm', 'T1', 4), (2, 1, 'lcm', 'T2', 3), (3, 1, 'lcm', 'T3', 2);"
	"INSERT INTO post(id, thread_id, parent_id, parent_ext, author_id, platform,"
	" external_id, created, subject, body, words, is_question, accepted) VALUES"
	" (1, 1, NULL, NULL, 4, 'lcm', 'p1', 100, 'Printer setup', 'How?', 1, 1, 0),"
	" (2, 1, 1, 'p1', 2, 'lcm', 'p2', 200, 'Re', 'Like so.', 2, 0, 1),"
	" (3, 1, 2, 'p2', 4, 'lcm', 'p3', 300, 'Re', 'Thank you!', 2, 0, 0),"
	" (4, 1, 1, 'p1', 3, 'lcm', 'p4', 400, 'Re', 'Or so.', 2, 0, 0),"
	" (5, 2, NULL, NULL, 3, 'lcm', 'p5', 500, 'Printer drivers', 'Which?', 1, 1, 0),"
	" (6, 2, 5, 'p5', 2, 'lcm', 'p6', 600, 'Re', 'This one.', 2, 0, 0),"
	" (7, 2, 5, 'p5', 1, 'lcm', 'p7', 700, 'Re', 'See the guide.', 3, 0, 0),"
	" (8, 3, NULL, NULL, 2, 'lcm', 'p8', 800, 'Lunch menu', 'When?', 1, 1, 0),"
	" (9, 3, 8, 'p8', 3, 'lcm', 'p9', 900, 'Re', 'Noon.', 1, 0, 0);";

/* The map of the community, with more_sql (may be NULL) run first. */
static void
build_with(const char *more_sql, int include_staff, int top, const char *theme,
	   struct lcm_expertise *x)
{
	struct lcm_store st;
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	if (lcm_store_exec(&st, community, &err) < 0 ||
	    (more_sql && lcm_store_exec(&st, more_sql, &err) < 0) ||
	    lcm_expertise_build(&st, include_staff, top, theme, x, &err) < 0)
		fail_msg("%s", err.msg);
	lcm_store_close(&st);
}

static void
build(int include_staff, int top, const char *theme, struct lcm_expertise *x)
{
	build_with(NULL, include_staff, top, theme, x);
}

static void
test_score_formula(void **state)
{
	(void)state;
	assert_true(lcm_expertise_score(0, 0, 0) == 0);
	assert_true(lcm_expertise_score(2, 1, 1) == 7);
	assert_true(lcm_expertise_score(1, 0, 0) < lcm_expertise_score(0, 1, 0));
}

static void
test_evidence_and_ranks(void **state)
{
	struct lcm_expertise x;

	(void)state;
	build(0, 0, NULL, &x);
	/* one theme (printer: two threads), staff and own-thread replies out */
	assert_int_equal(x.n, 2);
	assert_string_equal(x.e[0].theme, "printer");
	assert_string_equal(x.e[0].person, "a");
	assert_int_equal(x.e[0].rank, 1);
	assert_int_equal(x.e[0].threads, 2);
	assert_int_equal(x.e[0].answers, 2);
	assert_int_equal(x.e[0].accepted, 1);
	assert_int_equal(x.e[0].thanks, 1);
	assert_true(x.e[0].score == 7);
	assert_string_equal(x.e[1].person, "b");
	assert_int_equal(x.e[1].rank, 2);
	assert_int_equal(x.e[1].answers, 1);
	assert_int_equal(x.e[1].thanks, 0);
	lcm_expertise_free(&x);
}

static void
test_staff_ties_and_top(void **state)
{
	struct lcm_expertise x;

	(void)state;
	build(1, 0, NULL, &x);
	/* t and b both score 1: by the platform's id, in byte order */
	assert_int_equal(x.n, 3);
	assert_string_equal(x.e[1].person, "b");
	assert_string_equal(x.e[2].person, "t");
	assert_int_equal(x.e[2].staff, 1);
	assert_int_equal(x.e[2].rank, 3);
	lcm_expertise_free(&x);

	build(1, 1, NULL, &x);
	assert_int_equal(x.n, 1);
	assert_string_equal(x.e[0].person, "a");
	lcm_expertise_free(&x);
}

static void
test_theme_word(void **state)
{
	struct lcm_expertise x;
	struct lcm_err err;
	char stem[64];

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_expertise_theme("Printers", stem, sizeof(stem), &err), 0);
	assert_string_equal(stem, "printer");
	assert_int_equal(lcm_expertise_theme("the", stem, sizeof(stem), &err), -1);
	build(0, 0, stem[0] ? "printer" : "", &x);
	assert_int_equal(x.n, 2);
	lcm_expertise_free(&x);
	build(0, 0, "lunch", &x);	/* one thread only: no theme */
	assert_int_equal(x.n, 0);
	lcm_expertise_free(&x);
}

/*
 * A thread with the platform's tags has them as its themes, not its
 * subject's stems: T1 and T3 tagged "Hardware" (lower-cased) and T2
 * untagged, so "printer" holds T2 alone (no theme) and "hardware" T1 and
 * T3; --theme finds a tag as written.
 */
static void
test_tags_are_themes(void **state)
{
	static const char tags[] =
		"CREATE TABLE thread_tag(thread_id INTEGER NOT NULL, tag TEXT NOT NULL,"
		" source TEXT NOT NULL, PRIMARY KEY(thread_id, tag));"
		"INSERT INTO thread_tag VALUES (1, 'Hardware', 't'), (3, 'Hardware', 't');";
	struct lcm_expertise x;
	size_t i;

	(void)state;
	build_with(tags, 0, 0, NULL, &x);
	assert_true(x.n > 0);
	for (i = 0; i < x.n; i++) {
		assert_string_equal(x.e[i].theme, "hardware");
		assert_int_equal(x.e[i].threads, 2);
	}
	/* a answered T1 (accepted, thanked), b T1 and T3 */
	assert_int_equal(x.n, 2);
	assert_string_equal(x.e[0].person, "a");
	assert_true(x.e[0].score == 6);
	assert_string_equal(x.e[1].person, "b");
	assert_int_equal(x.e[1].answers, 2);
	lcm_expertise_free(&x);
	build_with(tags, 0, 0, "HARDWARE", &x);
	assert_int_equal(x.n, 2);
	lcm_expertise_free(&x);
	build_with(tags, 0, 0, "printer", &x);
	assert_int_equal(x.n, 0);
	lcm_expertise_free(&x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_score_formula),
		cmocka_unit_test(test_evidence_and_ranks),
		cmocka_unit_test(test_staff_ties_and_top),
		cmocka_unit_test(test_theme_word),
		cmocka_unit_test(test_tags_are_themes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
