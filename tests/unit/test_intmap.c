/*
 * test_intmap.c - the int64 map (lib/base/intmap.c): values found,
 * replaced, absent, kept across growth, negative and extreme keys.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "intmap.h"

static void
test_intmap_put_get(void **state)
{
	struct lcm_intmap m;
	int64_t v = 0, k;

	(void)state;
	lcm_intmap_init(&m);
	assert_int_equal(lcm_intmap_get(&m, 7, &v), 0);
	lcm_intmap_put(&m, 7, 70);
	lcm_intmap_put(&m, -3, 30);
	lcm_intmap_put(&m, INT64_MIN, 1);
	lcm_intmap_put(&m, INT64_MAX, 2);
	assert_int_equal(lcm_intmap_get(&m, 7, &v), 1);
	assert_int_equal(v, 70);
	lcm_intmap_put(&m, 7, 71);
	assert_int_equal(lcm_intmap_get(&m, 7, &v), 1);
	assert_int_equal(v, 71);
	assert_int_equal(lcm_intmap_get(&m, -3, &v), 1);
	assert_int_equal(v, 30);
	assert_int_equal(lcm_intmap_get(&m, INT64_MIN, &v), 1);
	assert_int_equal(v, 1);
	assert_int_equal(lcm_intmap_get(&m, INT64_MAX, &v), 1);
	assert_int_equal(v, 2);
	assert_int_equal(lcm_intmap_get(&m, 0, &v), 0);
	assert_int_equal(m.len, 4);
	/* many keys, a stride that collides in a power-of-two table */
	for (k = 0; k < 100000; k++)
		lcm_intmap_put(&m, k << 20, k);
	for (k = 0; k < 100000; k++) {
		assert_int_equal(lcm_intmap_get(&m, k << 20, &v), 1);
		assert_int_equal(v, k);
	}
	assert_int_equal(lcm_intmap_get(&m, 7, &v), 1);
	assert_int_equal(v, 71);
	assert_int_equal(lcm_intmap_get(&m, 5, &v), 0);
	lcm_intmap_release(&m);
	assert_int_equal(lcm_intmap_get(&m, 7, &v), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_intmap_put_get),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
