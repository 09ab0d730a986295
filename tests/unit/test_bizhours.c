/* test_bizhours.c - working time in closed form: same answers as a walk
 * day by day, and work that does not grow with the span. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <cmocka.h>

#include "bizhours.h"
#include "timefmt.h"

/*
 * The reference: every local day from the one of from on, its window
 * clipped to [from, to), as lcm_bizhours_between was written before it
 * counted whole weeks by multiplication.
 */
static int64_t
walk(const struct lcm_bizhours *bh, int64_t from, int64_t to)
{
	time_t t = (time_t)from;
	struct tm tm, day;
	int64_t total = 0, open, close, lo, hi, d;

	if (to <= from)
		return 0;
	localtime_r(&t, &tm);
	d = lcm_days_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1,
				(unsigned)tm.tm_mday);
	for (;; d++) {
		t = (time_t)(d * 86400);
		gmtime_r(&t, &day);
		open = lcm_time_from_local(day.tm_year + 1900, day.tm_mon + 1, day.tm_mday,
					   bh->start / 60, bh->start % 60, 0);
		if (open >= to)
			break;
		if (!(bh->days & (1u << ((day.tm_wday + 6) % 7))))
			continue;
		close = open + (int64_t)(bh->end - bh->start) * 60;
		lo = open > from ? open : from;
		hi = close < to ? close : to;
		if (hi > lo)
			total += hi - lo;
	}
	return total;
}

/* A fixed pseudo-random sequence (a test run can be made again). */
static uint64_t
next(uint64_t *s)
{
	*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
	return *s >> 33;
}

/* Random spans of 0 to 120 days over 2024-2027, against the walk. */
static void
same_as_walk(const char *zone)
{
	static const char *const specs[] = { "Mon-Fri 09:00-18:00", "Sat 10:00-12:00",
		"Mon,Wed,Fri 08:30-12:00", "Mon-Sun 00:00-24:00", "Sun-Tue 22:00-23:59" };
	struct lcm_bizhours bh;
	uint64_t seed = 42;
	int64_t base = lcm_time_from_utc(2024, 1, 1, 0, 0, 0), from, to;
	size_t i;
	int k;

	assert_int_equal(lcm_time_set_zone(zone, NULL), 0);
	for (i = 0; i < sizeof(specs) / sizeof(*specs); i++) {
		assert_int_equal(lcm_bizhours_parse(specs[i], &bh, NULL), 0);
		for (k = 0; k < 2000; k++) {
			from = base + (int64_t)(next(&seed) % (4 * 365 * 86400ULL));
			to = from + (int64_t)(next(&seed) % (120 * 86400ULL));
			assert_int_equal(lcm_bizhours_between(&bh, from, to), walk(&bh, from, to));
		}
	}
	assert_int_equal(lcm_time_set_zone("UTC", NULL), 0);
}

static void
test_bizhours_between_same_as_walk_utc(void **state)
{
	(void)state;
	same_as_walk("UTC");
}

static void
test_bizhours_between_same_as_walk_paris(void **state)
{
	(void)state;
	same_as_walk("Europe/Paris");
}

/* Around a whole number of weeks, where the middle and the ends meet. */
static void
test_bizhours_between_week_edges(void **state)
{
	struct lcm_bizhours bh;
	int64_t mon = lcm_time_from_utc(2026, 11, 2, 0, 0, 0), d;

	(void)state;
	assert_int_equal(lcm_time_set_zone("UTC", NULL), 0);
	assert_int_equal(lcm_bizhours_parse("Mon-Fri 09:00-18:00", &bh, NULL), 0);
	for (d = 0; d < 40; d++) {
		assert_int_equal(lcm_bizhours_between(&bh, mon, mon + d * 86400),
				 walk(&bh, mon, mon + d * 86400));
		assert_int_equal(lcm_bizhours_between(&bh, mon + 12 * 3600, mon + d * 86400 + 3600),
				 walk(&bh, mon + 12 * 3600, mon + d * 86400 + 3600));
	}
	/* four whole weeks from a Monday midnight: 4 x 5 x 9 hours */
	assert_int_equal(lcm_bizhours_between(&bh, mon, mon + 28 * 86400), 4 * 5 * 9 * 3600);
}

/*
 * Year 0 to 9999: the answer is whole weeks (from a Monday 00:00 UTC to
 * another) and at most 10 days are walked, where a walk took 3.65
 * million and minutes.
 */
static void
test_bizhours_between_work_bounded(void **state)
{
	struct lcm_bizhours bh;
	int64_t from = lcm_time_from_utc(0, 1, 3, 0, 0, 0);	/* a Monday */
	int64_t to = lcm_time_from_utc(9999, 12, 27, 0, 0, 0);	/* a Monday */
	int64_t walked = -1, weeks = (to - from) / (7 * 86400);

	(void)state;
	assert_int_equal(lcm_time_set_zone("UTC", NULL), 0);
	assert_int_equal(lcm_bizhours_parse("Mon-Fri 09:00-18:00", &bh, NULL), 0);
	assert_int_equal((to - from) % (7 * 86400), 0);
	assert_int_equal(lcm_bizhours_between_walked(&bh, from, to, &walked),
			 weeks * 5 * 9 * 3600);
	assert_in_range(walked, 1, 10);
	assert_int_equal(lcm_time_set_zone("Europe/Paris", NULL), 0);
	lcm_bizhours_between_walked(&bh, from + 1234, lcm_time_from_utc(9999, 12, 31, 23, 59, 59),
				    &walked);
	assert_in_range(walked, 1, 10);
	/* a short span walks its own days only */
	lcm_bizhours_between_walked(&bh, to, to + 3 * 86400, &walked);
	assert_in_range(walked, 1, 4);
	assert_int_equal(lcm_bizhours_between_walked(&bh, to, to, &walked), 0);
	assert_int_equal(walked, 0);
	assert_int_equal(lcm_time_set_zone("UTC", NULL), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bizhours_between_same_as_walk_utc),
		cmocka_unit_test(test_bizhours_between_same_as_walk_paris),
		cmocka_unit_test(test_bizhours_between_week_edges),
		cmocka_unit_test(test_bizhours_between_work_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
