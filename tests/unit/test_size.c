/*
 * test_size.c - sizes in bytes as the limits' options read them and
 * their messages say them (lib/base/size.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>

#include "size.h"

static void
test_size_units(void **state)
{
	struct lcm_err err;
	size_t n = 0;

	(void)state;
	assert_int_equal(lcm_size_parse("1000", (size_t)1 << 30, &n, &err), 0);
	assert_int_equal(n, 1000);
	assert_int_equal(lcm_size_parse("64k", (size_t)1 << 30, &n, &err), 0);
	assert_int_equal(n, 64 << 10);
	assert_int_equal(lcm_size_parse("64KiB", (size_t)1 << 30, &n, &err), 0);
	assert_int_equal(n, 64 << 10);
	assert_int_equal(lcm_size_parse("64M", (size_t)1 << 30, &n, &err), 0);
	assert_int_equal(n, 64 << 20);
	assert_int_equal(lcm_size_parse("1GB", (size_t)1 << 30, &n, &err), 0);
	assert_int_equal(n, (size_t)1 << 30);
}

static void
test_size_refused(void **state)
{
	static const char *const bad[] = {
		"", "M", "-1", "+5", " 5", "5 ", "5X", "5MiBs", "0", "0k", "2G", NULL
	};
	struct lcm_err err;
	size_t n = 7;

	(void)state;
	for (int i = 0; bad[i]; i++) {
		assert_int_equal(lcm_size_parse(bad[i], (size_t)1 << 30, &n, &err), -1);
		assert_int_equal(n, 7);
	}
	assert_int_equal(lcm_size_parse("2G", (size_t)1 << 30, &n, &err), -1);
	assert_non_null(strstr(err.msg, "over 1 GiB"));
}

static void
test_size_said(void **state)
{
	char out[32];

	(void)state;
	assert_string_equal(lcm_size_format((size_t)1 << 30, out, sizeof(out)), "1 GiB");
	assert_string_equal(lcm_size_format(64 << 20, out, sizeof(out)), "64 MiB");
	assert_string_equal(lcm_size_format(2048, out, sizeof(out)), "2 KiB");
	assert_string_equal(lcm_size_format(1000, out, sizeof(out)), "1000 bytes");
	assert_string_equal(lcm_size_format(1, out, sizeof(out)), "1 byte");
	assert_string_equal(lcm_size_format(0, out, sizeof(out)), "0 bytes");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_size_units),
		cmocka_unit_test(test_size_refused),
		cmocka_unit_test(test_size_said),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
