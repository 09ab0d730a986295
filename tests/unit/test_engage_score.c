/* test_engage_score.c - the risk score of lcm-engage --score. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include <cmocka.h>

#include "engage_score.h"
#include "store.h"

/* Persons of cohort "c" with these days active, seen at these times. */
static void
people(struct lcm_engage *e, struct lcm_engage_person *p, size_t n,
       const int64_t *days, const int64_t *seen)
{
	static char cohort[] = "c";
	size_t i;

	memset(e, 0, sizeof(*e));
	memset(p, 0, n * sizeof(*p));
	for (i = 0; i < n; i++) {
		p[i].id = (int64_t)i + 1;
		p[i].cohort = cohort;
		p[i].active_days = days[i];
		p[i].last_seen = seen[i];
	}
	e->persons = p;
	e->npersons = n;
	e->o.until = 100 * 86400;
	e->o.inactive_after = 14 * 86400;
}

/*
 * No completions: the mean of the place by days active (ties half) and
 * the time unseen over --inactive-after, capped; never seen counts 1.
 */
static void
test_places_and_recency(void **state)
{
	const int64_t days[] = { 4, 2, 2, 0 };
	const int64_t seen[] = { 99 * 86400, 93 * 86400, 93 * 86400, INT64_MIN };
	struct lcm_engage_person p[4];
	struct lcm_store st = { 0 };
	struct lcm_engage e;
	struct lcm_err err;
	double s[4];

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	people(&e, p, 4, days, seen);
	assert_int_equal(lcm_engage_scores(&st, &e, s, &err), 0);
	assert_true(fabs(s[0] - (0.0 + 1.0 / 14) / 2) < 1e-9);
	/* one above, one equal: (1 + 0.5) / 3 */
	assert_true(fabs(s[1] - (0.5 + 7.0 / 14) / 2) < 1e-9);
	assert_true(fabs(s[1] - s[2]) < 1e-12);
	assert_true(fabs(s[3] - 1.0) < 1e-9);
	lcm_store_close(&st);
}

/* Staff and cohorts without enough data get no score. */
static void
test_no_score(void **state)
{
	const int64_t days[] = { 4, 2 };
	const int64_t seen[] = { 99 * 86400, 99 * 86400 };
	struct lcm_engage_person p[2];
	struct lcm_store st = { 0 };
	struct lcm_engage e;
	struct lcm_err err;
	double s[2];

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	people(&e, p, 2, days, seen);
	p[0].staff = 1;
	p[1].reasons = LCM_REASON_NOT_ENOUGH_DATA;
	assert_int_equal(lcm_engage_scores(&st, &e, s, &err), 0);
	assert_true(isnan(s[0]));
	assert_true(isnan(s[1]));
	lcm_store_close(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_places_and_recency),
		cmocka_unit_test(test_no_score),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
