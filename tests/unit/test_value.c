/*
 * test_value.c - the one check of each value (lib/base/value.c): scores,
 * durations and levels, as every reader applies them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <math.h>
#include <cmocka.h>

#include "value.h"

static void
test_value_score_decimal(void **state)
{
	struct lcm_err err;
	double s = -1;

	(void)state;
	assert_int_equal(lcm_value_score("score", "0.75", &s, &err), 0);
	assert_true(s == 0.75);
	assert_int_equal(lcm_value_score("score", ".5", &s, &err), 0);
	assert_true(s == 0.5);
	assert_int_equal(lcm_value_score("score", "1", &s, &err), 0);
	assert_true(s == 1);
	assert_int_equal(lcm_value_score("score", "0", &s, &err), 0);
	assert_true(s == 0);
	assert_int_equal(lcm_value_score("score", "5e-1", &s, &err), 0);
	assert_true(s == 0.5);
}

static void
test_value_score_not_finite_or_hex(void **state)
{
	static const char *const bad[] = {
		"nan", "NaN", "inf", "-inf", "0x1p-1", "0x0", "1e308", "1e-400",
		"-0.5", "1.0000001", "+0.5", " 0.5", "0.5 ", "", ".", "e1", "1e",
		"0,5", NULL
	};
	struct lcm_err err;
	double s = 0.25;
	int i;

	(void)state;
	for (i = 0; bad[i]; i++) {
		assert_int_equal(lcm_value_score("score", bad[i], &s, &err), -1);
		assert_true(s == 0.25);	/* untouched */
	}
	assert_int_equal(lcm_value_score("score", "0x1p-1", &s, &err), -1);
	assert_string_equal(err.msg, "column 'score': not a number from 0 to 1: '0x1p-1'");
	assert_int_equal(lcm_value_score("score", "", &s, &err), -1);
	assert_string_equal(err.msg, "column 'score' is empty");
}

static void
test_value_score_ok_range(void **state)
{
	(void)state;
	assert_true(lcm_value_score_ok(0));
	assert_true(lcm_value_score_ok(1));
	assert_true(lcm_value_score_ok(0.3));
	assert_false(lcm_value_score_ok(1e308));
	assert_false(lcm_value_score_ok(-0.1));
	assert_false(lcm_value_score_ok(NAN));
	assert_false(lcm_value_score_ok(INFINITY));
}

static void
test_value_duration_range(void **state)
{
	struct lcm_err err;
	int64_t n = -1;

	(void)state;
	assert_int_equal(lcm_value_duration("duration_min", "0", &n, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(lcm_value_duration("duration_min", "1000000", &n, &err), 0);
	assert_int_equal(n, LCM_DURATION_MAX);
	assert_int_equal(lcm_value_duration("duration_min", "1000001", &n, &err), -1);
	assert_string_equal(err.msg,
			    "column 'duration_min': not from 0 to 1000000: '1000001'");
	assert_int_equal(lcm_value_duration("duration_min", "9223372036854775807", &n,
					    &err), -1);
	assert_string_equal(err.msg, "column 'duration_min': not from 0 to 1000000:"
			    " '9223372036854775807'");
	/* an overflow of int64 is out of range too, not "not a number" */
	assert_int_equal(lcm_value_duration("duration_min", "99999999999999999999999", &n,
					    &err), -1);
	assert_string_equal(err.msg, "column 'duration_min': not from 0 to 1000000:"
			    " '99999999999999999999999'");
	assert_int_equal(lcm_value_duration("duration_min", "-5", &n, &err), -1);
	assert_string_equal(err.msg, "column 'duration_min': not from 0 to 1000000: '-5'");
	assert_int_equal(n, LCM_DURATION_MAX);
}

static void
test_value_count_not_a_number(void **state)
{
	static const char *const bad[] = { "3O", "+3", " 3", "3 ", "1.5", "-", "0x10", NULL };
	struct lcm_err err;
	int64_t n = 7;
	int i;

	(void)state;
	for (i = 0; bad[i]; i++) {
		assert_int_equal(lcm_value_level("level", bad[i], &n, &err), -1);
		assert_int_equal(n, 7);
	}
	assert_int_equal(lcm_value_level("level", "3O", &n, &err), -1);
	assert_string_equal(err.msg, "column 'level': not a number: '3O'");
	assert_int_equal(lcm_value_level("level", NULL, &n, &err), -1);
	assert_string_equal(err.msg, "column 'level' is empty");
}

static void
test_value_level_range(void **state)
{
	struct lcm_err err;
	int64_t n = 0;

	(void)state;
	assert_int_equal(lcm_value_level("level", "1000", &n, &err), 0);
	assert_int_equal(n, 1000);
	assert_int_equal(lcm_value_level("level", "1001", &n, &err), -1);
	assert_string_equal(err.msg, "column 'level': not from 0 to 1000: '1001'");
	assert_true(lcm_value_count_ok(1000, LCM_LEVEL_MAX));
	assert_false(lcm_value_count_ok(1001, LCM_LEVEL_MAX));
	assert_false(lcm_value_count_ok(INT64_MAX, LCM_DURATION_MAX));
	assert_false(lcm_value_count_ok(-1, LCM_DURATION_MAX));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_value_score_decimal),
		cmocka_unit_test(test_value_score_not_finite_or_hex),
		cmocka_unit_test(test_value_score_ok_range),
		cmocka_unit_test(test_value_duration_range),
		cmocka_unit_test(test_value_count_not_a_number),
		cmocka_unit_test(test_value_level_range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
