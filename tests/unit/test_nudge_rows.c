/*
 * test_nudge_rows.c - lcm-nudge's input: the three formats told apart by
 * their first byte, values as lcm's CSV writes them, and the rows of
 * lcm-unanswered --suggest made one per suggested person.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nudge/rows.h"

/* Reads text into t; the return of lcm_nudge_table_read. */
static int
read_text(const char *text, struct lcm_nudge_table *t, struct lcm_err *err)
{
	FILE *fp = fmemopen((void *)text, strlen(text), "r");
	int rc;

	assert_non_null(fp);
	lcm_err_init(err);
	rc = lcm_nudge_table_read(fp, "rows", t, err);
	fclose(fp);
	return rc;
}

/* The value of column c in row i, or NULL. */
static const char *
val(const struct lcm_nudge_table *t, size_t i, const char *c)
{
	long k = lcm_nudge_table_col(t, c);

	return k < 0 ? NULL : t->rows[i][k];
}

static void
test_rows_json_array(void **state)
{
	struct lcm_nudge_table t;
	struct lcm_err err;

	(void)state;
	assert_int_equal(read_text("\xEF\xBB\xBF [\n{\"person\":\"45\",\"level\":2,\"trend\":null,"
				   "\"question\":true,\"age\":817.2},\n{\"person\":\"46\",\"x\":\"y\"}\n]\n",
				   &t, &err), 0);
	assert_int_equal(t.n, 2);
	assert_string_equal(val(&t, 0, "person"), "45");
	assert_string_equal(val(&t, 0, "level"), "2");
	assert_null(val(&t, 0, "trend"));
	assert_string_equal(val(&t, 0, "question"), "1");
	assert_string_equal(val(&t, 0, "age"), "817.2");
	assert_null(val(&t, 0, "x"));
	assert_string_equal(val(&t, 1, "x"), "y");
	assert_int_equal(t.lines[1], 3);
	lcm_nudge_table_release(&t);
}

static void
test_rows_ndjson_and_its_lines(void **state)
{
	struct lcm_nudge_table t;
	struct lcm_err err;

	(void)state;
	assert_int_equal(read_text("{\"person\":\"1\"}\n\n{\"person\":\"2\"}\n", &t, &err), 0);
	assert_int_equal(t.n, 2);
	assert_int_equal(t.lines[1], 3);
	lcm_nudge_table_release(&t);
	assert_int_equal(read_text("{\"person\":\"1\"}\n{\"person\":{}}\n", &t, &err), -1);
	assert_int_equal(err.line, 2);
}

static void
test_rows_csv(void **state)
{
	struct lcm_nudge_table t;
	struct lcm_err err;

	(void)state;
	assert_int_equal(read_text("person,reasons\r\n45,inactive:39d\r\n46,\r\n", &t, &err), 0);
	assert_int_equal(t.n, 2);
	assert_string_equal(val(&t, 0, "reasons"), "inactive:39d");
	assert_null(val(&t, 1, "reasons"));
	lcm_nudge_table_release(&t);
	assert_int_equal(read_text("a,b\n1,2,3\n", &t, &err), -1);
	assert_int_equal(err.line, 2);
}

static void
test_rows_empty_input_has_no_rows(void **state)
{
	struct lcm_nudge_table t;
	struct lcm_err err;

	(void)state;
	assert_int_equal(read_text("", &t, &err), 0);
	assert_int_equal(t.n, 0);
	lcm_nudge_table_release(&t);
	assert_int_equal(read_text("[]", &t, &err), 0);
	assert_int_equal(t.n, 0);
	lcm_nudge_table_release(&t);
}

static void
test_rows_suggested_one_per_person(void **state)
{
	struct lcm_nudge_table t;
	struct lcm_err err;

	(void)state;
	assert_int_equal(read_text("thread,suggested\n230,Karim (Kay) Benhamou (15): 0.01; Thomas Petit (43): 0.2\n"
				   "231,\n232,0123abcd: 0.5\n", &t, &err), 0);
	assert_int_equal(lcm_nudge_table_expand_suggested(&t), 3);
	assert_string_equal(val(&t, 0, "person"), "15");
	assert_string_equal(val(&t, 0, "score"), "0.01");
	assert_string_equal(val(&t, 1, "person"), "43");
	assert_string_equal(val(&t, 1, "thread"), "230");
	assert_string_equal(val(&t, 2, "person"), "0123abcd");
	assert_string_equal(val(&t, 2, "thread"), "232");
	lcm_nudge_table_release(&t);
}

static void
test_rows_with_person_not_expanded(void **state)
{
	struct lcm_nudge_table t;
	struct lcm_err err;

	(void)state;
	assert_int_equal(read_text("person,suggested\n1,A (2): 0.1\n", &t, &err), 0);
	assert_int_equal(lcm_nudge_table_expand_suggested(&t), 0);
	assert_int_equal(t.n, 1);
	lcm_nudge_table_release(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_json_array),
		cmocka_unit_test(test_rows_ndjson_and_its_lines),
		cmocka_unit_test(test_rows_csv),
		cmocka_unit_test(test_rows_empty_input_has_no_rows),
		cmocka_unit_test(test_rows_suggested_one_per_person),
		cmocka_unit_test(test_rows_with_person_not_expanded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
