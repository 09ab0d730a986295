/*
 * test_tag.c - the thread_tag table: made on the first write, a second
 * write replacing the first, erasure; StackExchange's two Tags forms.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "tag.h"
#include "support.h"

static int
setup(void **state)
{
	static struct lcm_store st;

	test_store_memory(&st, "INSERT INTO thread(id, platform, external_id)"
			  " VALUES (1, 'lcm', 'T1'), (2, 'lcm', 'T2');");
	*state = &st;
	return 0;
}

static int
teardown(void **state)
{
	lcm_store_close(*state);
	return 0;
}

/* "<a><b>" until 2024, "|a|b|" after; empty tags and a tail left out. */
static void
test_tags_split_se(void **state)
{
	static const struct {
		const char *v, *want;
	} cases[] = {
		{ "<discussion><scope><homebrew>", "discussion,scope,homebrew" },
		{ "|discussion|scope|", "discussion,scope" },
		{ "<a><><b>", "a,b" },
		{ "||a||", "a" },
		{ "<a><b", "a" },
		{ "|a|b", "a" },
		{ "", "" },
		{ "plain", "" },
		{ NULL, "" },
	};
	const char *tags[4];
	size_t i, j, n;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *buf, got[128] = "";

		n = lcm_tags_split_se(cases[i].v, &buf, tags, 4);
		for (j = 0; j < n; j++) {
			if (j)
				strcat(got, ",");
			strcat(got, tags[j]);
		}
		assert_string_equal(got, cases[i].want);
		free(buf);
	}
	/* at most max */
	{
		char *buf;

		assert_int_equal(lcm_tags_split_se("<a><b><c><d><e>", &buf, tags, 4), 4);
		free(buf);
	}
}

static void
test_tags_put_replaces(void **state)
{
	struct lcm_store *st = *state;
	const char *first[] = { "sql", "joins", "sql", "" };
	const char *second[] = { "sql" };
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_tags_present(st, &err), 0);
	/* no tags and no table: nothing made */
	assert_int_equal(lcm_tags_put(st, 1, NULL, 0, "test", &err), 0);
	assert_int_equal(lcm_tags_present(st, &err), 0);
	assert_int_equal(lcm_tags_put(st, 1, first, 4, "test", &err), 0);
	assert_int_equal(lcm_tags_present(st, &err), 1);
	assert_int_equal(test_query_int(st, "SELECT count(*) FROM thread_tag"), 2);
	assert_int_equal(lcm_tags_put(st, 2, second, 1, "test", &err), 0);
	assert_int_equal(lcm_tags_put(st, 1, second, 1, "test", &err), 0);
	assert_int_equal(test_query_int(st, "SELECT count(*) FROM thread_tag"), 2);
	assert_int_equal(test_query_int(st, "SELECT count(*) FROM thread_tag"
					" WHERE thread_id = 1 AND tag = 'joins'"), 0);
	assert_int_equal(lcm_tags_put(st, 1, NULL, 0, "test", &err), 0);
	assert_int_equal(test_query_int(st, "SELECT count(*) FROM thread_tag"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tags_split_se),
		cmocka_unit_test_setup_teardown(test_tags_put_replaces, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
