/*
 * test_reaction.c - the post_reaction table: made on the first write,
 * one row per post, kind and source, a second write replacing the first.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "reaction.h"
#include "support.h"

static int
setup(void **state)
{
	static struct lcm_store st;

	test_store_memory(&st, "INSERT INTO thread(id, platform, external_id)"
			  " VALUES (1, 'lcm', 'T');"
			  "INSERT INTO post(id, thread_id, platform, external_id, created)"
			  " VALUES (1, 1, 'lcm', 'p1', 0), (2, 1, 'lcm', 'p2', 0);");
	*state = &st;
	return 0;
}

static int
teardown(void **state)
{
	lcm_store_close(*state);
	return 0;
}

static void
test_reaction_table_made_on_first_write(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_reaction_present(st, &err), 0);
	assert_int_equal(lcm_reaction_put(st, 1, "like", 3, "discourse", &err), 0);
	assert_int_equal(lcm_reaction_present(st, &err), 1);
	assert_int_equal(test_query_int(st, "SELECT count FROM post_reaction"), 3);
}

static void
test_reaction_put_replaces(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_err err;

	lcm_err_init(&err);
	/* a re-import writes the same rows again: no double counts */
	assert_int_equal(lcm_reaction_put(st, 1, "like", 3, "discourse", &err), 0);
	assert_int_equal(lcm_reaction_put(st, 1, "like", 3, "discourse", &err), 0);
	assert_int_equal(test_query_int(st, "SELECT sum(count) FROM post_reaction"), 3);
	/* a later export's count replaces the earlier one */
	assert_int_equal(lcm_reaction_put(st, 1, "like", 5, "discourse", &err), 0);
	assert_int_equal(test_query_int(st, "SELECT sum(count) FROM post_reaction"), 5);
	/* another kind or source is another row; a score may be negative */
	assert_int_equal(lcm_reaction_put(st, 1, "+1", 2, "slack", &err), 0);
	assert_int_equal(lcm_reaction_put(st, 2, "score", -2, "stackexchange:Score", &err), 0);
	assert_int_equal(test_query_int(st, "SELECT count(*) FROM post_reaction"), 3);
	assert_int_equal(test_query_int(st, "SELECT count FROM post_reaction WHERE post_id = 2"),
			 -2);
}

static void
test_reaction_unknown_post_refused(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_err err;

	lcm_err_init(&err);
	/* the foreign key holds: post 99 does not exist */
	assert_int_equal(lcm_reaction_put(st, 99, "like", 1, "discourse", &err), -1);
	assert_non_null(strstr(err.msg, "reaction"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reaction_table_made_on_first_write),
		cmocka_unit_test(test_reaction_put_replaces),
		cmocka_unit_test(test_reaction_unknown_post_refused),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
