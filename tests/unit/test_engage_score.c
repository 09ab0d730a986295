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
 * No completions: the mean of the places by days active and weeks
 * active (ties half: 0.5 for weeks, all 0 here) and the time unseen over --inactive-after, capped; never
 * seen counts 1.
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
	assert_true(fabs(s[0] - (0.0 + 0.5 + 1.0 / 14) / 3) < 1e-9);
	/* one above, one equal: (1 + 0.5) / 3 */
	assert_true(fabs(s[1] - (0.5 + 0.5 + 7.0 / 14) / 3) < 1e-9);
	assert_true(fabs(s[1] - s[2]) < 1e-12);
	assert_true(fabs(s[3] - (1.0 + 0.5 + 1) / 3) < 1e-9);
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

/* Runs sql on st, which must work. */
static void
exec(struct lcm_store *st, const char *sql)
{
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_store_exec(st, sql, &err), 0);
}

/* Four alike persons (1 day, seen a day ago) in a store with them. */
static void
alike(struct lcm_store *st, struct lcm_engage *e, struct lcm_engage_person *p)
{
	const int64_t days[] = { 1, 1, 1, 1 };
	const int64_t seen[] = { 99 * 86400, 99 * 86400, 99 * 86400, 99 * 86400 };
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	exec(st, "INSERT INTO person(id, platform, external_id) VALUES"
	     " (1, 't', '1'), (2, 't', '2'), (3, 't', '3'), (4, 't', '4');"
	     "INSERT INTO item(id, platform, external_id) VALUES (1, 't', 'a'), (2, 't', 'b');");
	people(e, p, 4, days, seen);
}

/* Their shared activity half: two ties (0.5) and a day unseen. */
#define ALIKE ((0.5 + 0.5 + 1.0 / 14) / 3)

/*
 * An item completed by half the cohort is due (item 1); one completed
 * by one of four is not (item 2: adds nothing). Credit is its score;
 * lateness is the days past the median time (the later of the two
 * middle ones: day 92), or, not done, from it to --now (8 days).
 */
static void
test_due_credit_and_lateness(void **state)
{
	struct lcm_engage_person p[4];
	struct lcm_store st = { 0 };
	struct lcm_engage e;
	struct lcm_err err;
	double s[4];

	(void)state;
	lcm_err_init(&err);
	alike(&st, &e, p);
	exec(&st, "INSERT INTO completion(person_id, item_id, state, ts, score) VALUES"
	     " (1, 1, 'passed', 90 * 86400, 0.8), (2, 1, 'failed', 92 * 86400, 0.4),"
	     " (1, 2, 'passed', 95 * 86400, 1);");
	assert_int_equal(lcm_engage_scores(&st, &e, s, &err), 0);
	/* credit: 0 above 1, 1 of 3 above 2, 3 and 4 tied below both */
	/* lateness: 1 and 2 tied at 0, 3 and 4 tied at 8 days */
	assert_true(fabs(s[0] - (ALIKE + (0.0 + 1.0 / 6) / 2) / 2) < 1e-9);
	assert_true(fabs(s[1] - (ALIKE + (1.0 / 3 + 1.0 / 6) / 2) / 2) < 1e-9);
	assert_true(fabs(s[2] - (ALIKE + (5.0 / 6 + 5.0 / 6) / 2) / 2) < 1e-9);
	assert_true(fabs(s[3] - s[2]) < 1e-12);
	lcm_store_close(&st);
}

/* Late is between on time and not done; nothing due: activity alone. */
static void
test_late_and_not_due(void **state)
{
	struct lcm_engage_person p[4];
	struct lcm_store st = { 0 };
	struct lcm_engage e;
	struct lcm_err err;
	double s[4];

	(void)state;
	lcm_err_init(&err);
	alike(&st, &e, p);
	exec(&st, "INSERT INTO completion(person_id, item_id, state, ts, score) VALUES"
	     " (1, 1, 'passed', 90 * 86400, 0.5), (2, 1, 'passed', 92 * 86400, 0.5),"
	     " (3, 1, 'passed', 97 * 86400, 0.5);");
	assert_int_equal(lcm_engage_scores(&st, &e, s, &err), 0);
	/* credit: 1-3 tied (1 of 3 equal twice: 1/3), 4 below (1) */
	/* lateness 0, 0, 5, 8 days: 1/6, 1/6, 2/3, 1 */
	assert_true(fabs(s[0] - (ALIKE + (1.0 / 3 + 1.0 / 6) / 2) / 2) < 1e-9);
	assert_true(fabs(s[2] - (ALIKE + (1.0 / 3 + 2.0 / 3) / 2) / 2) < 1e-9);
	assert_true(fabs(s[3] - (ALIKE + (1.0 + 1.0) / 2) / 2) < 1e-9);
	lcm_store_close(&st);

	alike(&st, &e, p);
	exec(&st, "INSERT INTO completion(person_id, item_id, state, ts, score) VALUES"
	     " (1, 1, 'passed', 90 * 86400, 0.5);");
	assert_int_equal(lcm_engage_scores(&st, &e, s, &err), 0);
	assert_true(fabs(s[0] - ALIKE) < 1e-9);
	assert_true(fabs(s[3] - ALIKE) < 1e-9);
	lcm_store_close(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_places_and_recency),
		cmocka_unit_test(test_no_score),
		cmocka_unit_test(test_due_credit_and_lateness),
		cmocka_unit_test(test_late_and_not_due),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
