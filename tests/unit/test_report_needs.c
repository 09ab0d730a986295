/*
 * test_report_needs.c - the rising rule of "what learners ask about" and
 * the matching of a theme's stem to a brick's title and skills.
 */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "needs.h"

static void
rising_needs_min_count(void **state)
{
	int64_t before[] = { 0, 0, 0, 0 };
	double mean;

	(void)state;
	/* never asked before, but under the minimum: not rising */
	assert_int_equal(lcm_needs_rising(LCM_NEEDS_MIN_COUNT - 1, before, 4, &mean), 0);
	assert_true(mean == 0.0);
	assert_int_equal(lcm_needs_rising(LCM_NEEDS_MIN_COUNT, before, 4, &mean), 1);
}

static void
rising_needs_twice_the_mean(void **state)
{
	int64_t before[] = { 2, 4, 2, 4 };	/* mean 3 */
	double mean;

	(void)state;
	assert_int_equal(lcm_needs_rising(5, before, 4, &mean), 0);
	assert_true(fabs(mean - 3.0) < 1e-9);
	assert_int_equal(lcm_needs_rising(6, before, 4, &mean), 1);
	/* only the periods given count: the first two, mean 3 as well */
	assert_int_equal(lcm_needs_rising(6, before, 2, &mean), 1);
	assert_int_equal(lcm_needs_rising(5, before, 1, &mean), 1);	/* mean 2 */
}

static void
rising_needs_history(void **state)
{
	double mean;

	(void)state;
	/* no period before with history: no rising, no mean */
	assert_int_equal(lcm_needs_rising(100, NULL, 0, &mean), 0);
	assert_true(isnan(mean));
}

static void
teaches_by_stem(void **state)
{
	struct lcm_err err;
	struct lcm_stemmer *s;
	size_t len;
	char fr[64], en[64];

	(void)state;
	lcm_err_init(&err);
	s = lcm_stemmer_new(&err);
	assert_non_null(s);
	snprintf(fr, sizeof(fr), "%s", lcm_stem(s, LCM_LANG_FR, "livrables", 9, &len));
	snprintf(en, sizeof(en), "%s", lcm_stem(s, LCM_LANG_EN, "estimates", 9, &len));
	/* the title's word stems the same in its language */
	assert_int_equal(lcm_needs_teaches(s, "Rendre son livrable final", fr), 1);
	assert_int_equal(lcm_needs_teaches(s, "Estimating user stories", en), 1);
	/* skills are words too */
	assert_int_equal(lcm_needs_teaches(s, "Atelier agile livrable;scrum", fr), 1);
	/* another word, a stop word, nothing */
	assert_int_equal(lcm_needs_teaches(s, "Découvrir Moodle", fr), 0);
	assert_int_equal(lcm_needs_teaches(s, "les des", fr), 0);
	assert_int_equal(lcm_needs_teaches(s, "", fr), 0);
	assert_int_equal(lcm_needs_teaches(s, NULL, fr), 0);
	lcm_stemmer_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rising_needs_min_count),
		cmocka_unit_test(rising_needs_twice_the_mean),
		cmocka_unit_test(rising_needs_history),
		cmocka_unit_test(teaches_by_stem),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
