/*
 * test_engage.c - per-person figures, levels, statuses, orders, groups
 * and the reply network on a small hand-built community whose every
 * value is worked out by hand below (the same community as
 * the CSV files of tests/data/lcm-engage, written here in SQL so that this test
 * does not depend on the importers).
 *
 * Now is Monday 2026-11-23 09:00 UTC. Trend windows: recent is from
 * 2026-11-09 09:00, before from 2026-10-26 09:00 (periods are [start, end)).
 *
 * Cohort A: x1 (expert), a1..a6; cohort B: b1, b2; t1 is staff.
 * Activity (posts + events): a1 2+3=5, a2 1+9=10, a3 0+5=5, a4 2+2=4,
 * a5 2+1=3, x1 2+0=2, a6 nothing. Sorted 2 3 4 5 5 10: Q1 = 3.25,
 * Q3 = 5, so levels x1 1, a5 1, a4 2, a1 3, a3 3, a2 3, a6 0.
 * Completions of the active: 3 2 0 1 2 3, Q1 = 1.25: a3, a4, a6 behind.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "engage.h"
#include "engage_groups.h"
#include "timefmt.h"

#define T(s) "CAST(strftime('%s', '" s "') AS INTEGER)"

static const char community[] =
	"INSERT INTO person(id, platform, external_id, name, role, cohort, manager) VALUES"
	" (1, 'lcm', 't1', 'Tess Trainer', 'staff', NULL, NULL),"
	" (2, 'lcm', 'x1', 'Xavier Expert', 'expert', 'A', 'boss@example.org'),"
	" (3, 'lcm', 'a1', 'Alice Martin', 'learner', 'A', 'boss@example.org'),"
	" (4, 'lcm', 'a2', 'Bob Durand', 'learner', 'A', 'boss@example.org'),"
	" (5, 'lcm', 'a3', 'Chloe Petit', 'learner', 'A', 'mgr2@example.org'),"
	" (6, 'lcm', 'a4', 'Dan Moreau', 'learner', 'A', 'mgr2@example.org'),"
	" (7, 'lcm', 'a5', 'Eve Laurent', 'learner', 'A', NULL),"
	" (8, 'lcm', 'a6', 'Fred Simon', 'learner', 'A', NULL),"
	" (9, 'lcm', 'b1', 'Gina Roux', 'learner', 'B', NULL),"
	" (10, 'lcm', 'b2', 'Hugo Blanc', 'learner', 'B', NULL);"
	"INSERT INTO course(id, platform, external_id, name) VALUES (1, 'lcm', 'C1', 'C1');"
	"INSERT INTO forum(id, course_id, platform, external_id, name) VALUES (1, 1, 'lcm', 'general', 'general'),"
	" (2, 1, 'lcm', 'projects', 'projects');"
	"INSERT INTO thread(id, forum_id, platform, external_id) VALUES"
	" (1, 1, 'lcm', 'T1'), (2, 1, 'lcm', 'T2'), (3, 1, 'lcm', 'T3'),"
	" (4, 2, 'lcm', 'T4'), (5, 2, 'lcm', 'T5'), (6, 1, 'lcm', 'T6');"
	"INSERT INTO post(id, thread_id, parent_id, parent_ext, author_id, platform,"
	" external_id, created, words, is_question, deleted, private, accepted) VALUES"
	" (1, 1, NULL, NULL, 3, 'lcm', 'p1', " T("2026-11-16 10:00") ", 6, 1, 0, 0, 0),"
	" (2, 1, 1, 'p1', 4, 'lcm', 'p2', " T("2026-11-16 12:00") ", 7, 0, 0, 0, 0),"
	" (3, 1, 2, 'p2', 3, 'lcm', 'p3', " T("2026-11-16 13:00") ", 3, 0, 0, 0, 0),"
	" (4, 1, 1, 'p1', 1, 'lcm', 'p4', " T("2026-11-17 09:00") ", 4, 0, 0, 0, 0),"
	" (5, 2, NULL, NULL, 1, 'lcm', 'p5', " T("2026-11-02 08:00") ", 4, 0, 0, 0, 0),"
	" (6, 2, 5, 'p5', 7, 'lcm', 'p6', " T("2026-11-02 09:00") ", 2, 0, 0, 0, 0),"
	" (7, 3, NULL, NULL, 6, 'lcm', 'p7', " T("2026-11-18 10:00") ", 4, 1, 0, 0, 0),"
	" (8, 4, NULL, NULL, 6, 'lcm', 'p8', " T("2026-11-19 10:00") ", 7, 0, 0, 0, 0),"
	" (9, 5, NULL, NULL, 2, 'lcm', 'p9', " T("2026-11-10 10:00") ", 6, 0, 0, 0, 0),"
	" (10, 5, 9, 'p9', 7, 'lcm', 'p10', " T("2026-11-10 15:00") ", 7, 1, 0, 0, 0),"
	" (11, 5, 10, 'p10', 2, 'lcm', 'p11', " T("2026-11-11 10:00") ", 3, 0, 0, 0, 1),"
	" (12, 5, 10, 'p10', 4, 'lcm', 'p12', " T("2026-11-11 11:00") ", 2, 0, 1, 0, 0),"
	" (13, 5, 9, 'p9', 3, 'lcm', 'p13', " T("2026-11-12 10:00") ", 4, 0, 0, 1, 0),"
	" (14, 6, NULL, NULL, 9, 'lcm', 'p14', " T("2026-10-01 10:00") ", 4, 1, 0, 0, 0),"
	" (15, 6, 14, 'p14', 10, 'lcm', 'p15', " T("2026-10-01 12:00") ", 3, 0, 0, 0, 0);"
	"";

/* Events and completions (a second string: C99 caps a literal's length). */
static const char activity[] =
	"INSERT INTO term(id, text) VALUES (1, 'viewed'), (2, 'page');"
	"CREATE TEMP TABLE ev(p, t);"
	"INSERT INTO ev VALUES (3, '2026-11-20 08:00'), (3, '2026-11-21 08:00'),"
	" (3, '2026-11-21 09:00'), (4, '2026-10-27 10:00'), (4, '2026-10-28 10:00'),"
	" (4, '2026-10-29 10:00'), (4, '2026-10-30 10:00'), (4, '2026-11-02 10:00'),"
	" (4, '2026-11-03 10:00'), (4, '2026-11-04 10:00'), (4, '2026-11-05 10:00'),"
	" (4, '2026-11-18 08:00'), (5, '2026-11-19 08:00'), (5, '2026-11-20 08:00'),"
	" (5, '2026-11-20 09:00'), (5, '2026-11-21 08:00'), (5, '2026-11-22 08:00'),"
	" (6, '2026-11-18 09:00'), (6, '2026-11-19 09:00'), (7, '2026-11-10 14:00'),"
	" (9, '2026-10-01 09:00');"
	"INSERT INTO event(person_id, course_id, ts, verb, object, platform, external_id)"
	" SELECT p, 1, CAST(strftime('%s', t) AS INTEGER), 1, 2, 'lcm', 'e' || rowid FROM ev;"
	"INSERT INTO item(id, platform, external_id) VALUES (1, 'lcm', 'm1'),"
	" (2, 'lcm', 'm2'), (3, 'lcm', 'm3');"
	"INSERT INTO completion(person_id, item_id, state, ts) VALUES"
	" (3, 1, 'completed', 0), (3, 2, 'completed', 0), (3, 3, 'completed', 0),"
	" (4, 1, 'completed', 0), (4, 2, 'Completed (achieved pass grade)', NULL),"
	" (4, 3, 'Not completed', NULL), (6, 1, 'completed', 0), (7, 1, 'completed', 0),"
	" (7, 2, 'completed', 0), (2, 1, 'completed', 0), (2, 2, 'completed', 0),"
	" (2, 3, 'completed', 0);";

#define NOW 1795424400	/* 2026-11-23T09:00:00Z */

struct fixture {
	struct lcm_store st;
	struct lcm_engage e;
};

/* The reasons of the last reasons() call, freed by the teardown. */
static struct lcm_buf why;

/* The store with the community and the SQL of extra (NULL: none), loaded
 * for the period [since, until), its active weeks listed from weeks_from
 * (0: since). */
static struct fixture *
load_with(const char *extra, int64_t since, int64_t until, int64_t weeks_from)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct lcm_engage_opts o = { 0 };
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&f->st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	if (lcm_store_exec(&f->st, community, &err) < 0 ||
	    lcm_store_exec(&f->st, activity, &err) < 0 ||
	    (extra && lcm_store_exec(&f->st, extra, &err) < 0))
		fail_msg("%s", err.msg);
	o.since = since;
	o.until = until;
	o.inactive_after = 14 * LCM_DAY;
	o.weeks = 1;
	o.weeks_from = weeks_from;
	if (lcm_engage_load(&f->st, &o, &f->e, &err) < 0)
		fail_msg("%s", err.msg);
	return f;
}

static struct fixture *
load_weeks(int64_t since, int64_t weeks_from)
{
	return load_with(NULL, since, NOW, weeks_from);
}

static struct fixture *
load(int64_t since)
{
	return load_weeks(since, 0);
}

static int
setup(void **state)
{
	*state = load(INT64_MIN);
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	lcm_engage_release(&f->e);
	lcm_store_close(&f->st);
	free(f);
	lcm_buf_release(&why);
	return 0;
}

/* The person with printed id s. */
static const struct lcm_engage_person *
who(void **state, const char *s)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < f->e.npersons; i++)
		if (strcmp(f->e.persons[i].person, s) == 0)
			return &f->e.persons[i];
	fail_msg("no person '%s'", s);
	return NULL;
}

static const char *
reasons(void **state, const char *s)
{
	lcm_engage_reasons(who(state, s), &why);
	return why.data;
}

/* Posts with no parent are threads; deleted p12 and private p13 are out. */
static void
test_engage_load_threads_and_replies(void **state)
{
	assert_int_equal(who(state, "a1")->threads, 1);
	assert_int_equal(who(state, "a1")->replies, 1);
	assert_int_equal(who(state, "a2")->threads, 0);
	assert_int_equal(who(state, "a2")->replies, 1);
	assert_int_equal(who(state, "a4")->threads, 2);
	assert_int_equal(who(state, "t1")->threads, 1);
	assert_int_equal(who(state, "t1")->replies, 1);
}

static void
test_engage_load_words_of_live_posts(void **state)
{
	assert_int_equal(who(state, "a1")->words, 6 + 3);
	assert_int_equal(who(state, "a2")->words, 7);
}

/* a1 got p2 (a2) and p4 (t1); x1 got p10 only: p12, p13 do not count. */
static void
test_engage_load_replies_received(void **state)
{
	assert_int_equal(who(state, "a1")->replies_received, 2);
	assert_int_equal(who(state, "x1")->replies_received, 1);
	assert_int_equal(who(state, "a4")->replies_received, 0);
	assert_int_equal(who(state, "b1")->replies_received, 1);
}

static void
test_engage_load_peers_either_way(void **state)
{
	assert_int_equal(who(state, "a1")->peers, 2);	/* a2, t1 */
	assert_int_equal(who(state, "a5")->peers, 2);	/* t1, x1 */
	assert_int_equal(who(state, "t1")->peers, 2);	/* a1, a5 */
	assert_int_equal(who(state, "a4")->peers, 0);
}

static void
test_engage_load_questions(void **state)
{
	assert_int_equal(who(state, "a1")->questions, 1);
	assert_int_equal(who(state, "a5")->questions, 1);	/* a reply asking */
	assert_int_equal(who(state, "x1")->questions, 0);
}

/* Replies in a thread opened by someone else's question. */
static void
test_engage_load_answers_given(void **state)
{
	assert_int_equal(who(state, "a2")->answers_given, 1);
	assert_int_equal(who(state, "t1")->answers_given, 1);
	assert_int_equal(who(state, "a1")->answers_given, 0);	/* own thread */
	assert_int_equal(who(state, "a5")->answers_given, 0);	/* not a question */
	assert_int_equal(who(state, "b2")->answers_given, 1);
}

static void
test_engage_load_accepted(void **state)
{
	assert_int_equal(who(state, "x1")->accepted, 1);
	assert_int_equal(who(state, "a1")->accepted, 0);
}

static void
test_engage_load_first_last_post_and_last_seen(void **state)
{
	char t[32];

	assert_string_equal(lcm_time_format_utc(who(state, "a1")->first_post, t),
			    "2026-11-16T10:00:00Z");
	assert_string_equal(lcm_time_format_utc(who(state, "a1")->last_post, t),
			    "2026-11-16T13:00:00Z");
	/* the private p13 of 11-12 is not a post, the event of 11-21 is seen */
	assert_string_equal(lcm_time_format_utc(who(state, "a1")->last_seen, t),
			    "2026-11-21T09:00:00Z");
	assert_true(who(state, "a3")->first_post == INT64_MIN);
	assert_true(who(state, "a6")->last_seen == INT64_MIN);
}

/* a2: 8 days of views, 11-16 (p2) and 11-18: 10 days in weeks 44, 45, 47. */
static void
test_engage_load_active_days_and_weeks(void **state)
{
	assert_int_equal(who(state, "a2")->active_days, 10);
	assert_int_equal(who(state, "a2")->active_weeks, 3);
	assert_int_equal(who(state, "a1")->active_days, 3);	/* 16, 20, 21 */
	assert_int_equal(who(state, "a1")->active_weeks, 1);
	assert_int_equal(who(state, "a2")->events, 9);
}

static void
test_engage_load_levels_by_cohort_quartiles(void **state)
{
	assert_int_equal(who(state, "x1")->level, 1);
	assert_int_equal(who(state, "a5")->level, 1);
	assert_int_equal(who(state, "a4")->level, 2);
	assert_int_equal(who(state, "a1")->level, 3);
	assert_int_equal(who(state, "a3")->level, 3);
	assert_int_equal(who(state, "a6")->level, 0);
	assert_int_equal(who(state, "b1")->level, -1);	/* not enough data */
	assert_int_equal(who(state, "t1")->level, -1);	/* staff */
}

static void
test_engage_load_trend(void **state)
{
	assert_true(fabs(who(state, "a2")->trend - 0.25) < 1e-12);	/* 2 / 8 */
	assert_true(fabs(who(state, "a1")->trend - 5.0) < 1e-12);	/* 5 / (0 as 1) */
	assert_true(fabs(who(state, "a5")->trend - 2.0) < 1e-12);
	assert_true(isnan(who(state, "b1")->trend));
}

static void
test_engage_load_status_and_reasons(void **state)
{
	assert_int_equal(who(state, "a1")->status, LCM_STATUS_ACTIVE);
	assert_string_equal(reasons(state, "a1"), "");
	assert_int_equal(who(state, "a2")->status, LCM_STATUS_AT_RISK);
	assert_string_equal(reasons(state, "a2"), "declining");
	assert_string_equal(reasons(state, "a3"), "lurker;behind");
	assert_string_equal(reasons(state, "a4"), "isolated;unanswered;behind");
	assert_int_equal(who(state, "a6")->status, LCM_STATUS_NEVER);
	assert_int_equal(who(state, "t1")->status, LCM_STATUS_STAFF);
	assert_int_equal(who(state, "x1")->status, LCM_STATUS_ACTIVE);
}

/* Cohort B has 2 active persons: facts (inactive) but no verdict. b1
 * was last seen 10-01 10:00, 52 days 23 hours before now. */
static void
test_engage_load_not_enough_data(void **state)
{
	assert_int_equal(who(state, "b1")->status, LCM_STATUS_INACTIVE);
	assert_string_equal(reasons(state, "b1"), "inactive:52d;not-enough-data");
	assert_string_equal(reasons(state, "b2"), "inactive:52d;not-enough-data");
}

/* Since 11-09: counts shrink, last_seen and statuses keep the past. */
static void
test_engage_load_since_limits_counts(void **state)
{
	struct fixture *f = load(1794214800);	/* 2026-11-09T09:00:00Z */
	void *st = f;

	(void)state;
	assert_int_equal(who(&st, "a2")->events, 1);
	assert_int_equal(who(&st, "a2")->active_days, 2);
	assert_int_equal(who(&st, "a5")->replies, 1);
	assert_true(who(&st, "b1")->last_seen != INT64_MIN);
	assert_int_equal(who(&st, "b1")->status, LCM_STATUS_INACTIVE);
	assert_int_equal(who(&st, "b1")->threads, 0);
	teardown(&st);
}

/* The weeks listed for person s, into w (at most 8); how many. */
static size_t
weeks_of(void **state, const char *s, int64_t *w)
{
	struct fixture *f = *state;
	size_t i, n = 0, p = (size_t)(who(state, s) - f->e.persons);

	for (i = 0; i < f->e.nweeks; i++)
		if (f->e.weeks[i].person == p && n < 8)
			w[n++] = f->e.weeks[i].week;
	return n;
}

/*
 * The report's series: weeks listed from weeks_from, while the period's
 * own figures stay the period's. a2 was active in the weeks of 26 Oct
 * (events), 2 Nov (events) and 16 Nov (p2, an event on the 18th).
 */
static void
test_engage_load_weeks_from_lists_earlier_weeks(void **state)
{
	struct fixture *f = load_weeks(1794787200, 1792972800);	/* 16 Nov, 26 Oct */
	struct fixture *g = load(1794787200);
	void *sf = f, *sg = g;
	int64_t w[8];
	int64_t oct26 = lcm_engage_week(lcm_engage_day(1792972800, 0));

	(void)state;
	assert_int_equal(weeks_of(&sf, "a2", w), 3);
	assert_int_equal(w[0], oct26);
	assert_int_equal(w[1], oct26 + 1);
	assert_int_equal(w[2], oct26 + 3);
	assert_int_equal(weeks_of(&sg, "a2", w), 1);
	assert_int_equal(w[0], oct26 + 3);
	assert_int_equal(who(&sf, "a2")->active_weeks, 1);
	assert_int_equal(who(&sf, "a2")->active_days, 2);
	assert_int_equal(who(&sf, "a2")->events, 1);
	assert_int_equal(who(&sf, "a2")->activity, who(&sg, "a2")->activity);
	teardown(&sf);
	teardown(&sg);
}

static void
test_engage_load_fails_without_event_table(void **state)
{
	struct lcm_store st;
	struct lcm_engage e;
	struct lcm_engage_opts o = { INT64_MIN, NOW, 14 * LCM_DAY, 0, 0, 0 };
	struct lcm_err err;

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	assert_int_equal(lcm_store_exec(&st, "DROP VIEW event_text; DROP TABLE event;", &err), 0);
	assert_int_equal(lcm_engage_load(&st, &o, &e, &err), -1);
	assert_non_null(strstr(err.msg, "event"));
	assert_null(e.persons);
	lcm_store_close(&st);
}

static void
test_engage_quantile_interpolates(void **state)
{
	static const double v[] = { 2, 3, 4, 5, 5, 10 };

	(void)state;
	assert_true(fabs(lcm_engage_quantile(v, 6, 0.25) - 3.25) < 1e-12);
	assert_true(fabs(lcm_engage_quantile(v, 6, 0.75) - 5.0) < 1e-12);
	assert_true(fabs(lcm_engage_quantile(v, 6, 0.5) - 4.5) < 1e-12);
	assert_true(lcm_engage_quantile(v, 6, 1.0) == 10);
	assert_true(lcm_engage_quantile(v, 6, 0.0) == 2);
}

static void
test_engage_quantile_one_value(void **state)
{
	static const double v[] = { 7 };

	(void)state;
	assert_true(lcm_engage_quantile(v, 1, 0.9) == 7);
}

static void
test_engage_week_label_iso_years(void **state)
{
	char out[24];

	(void)state;
	/* 2026-11-23 is a Monday of week 48 */
	assert_string_equal(lcm_engage_week_label(lcm_engage_week(
	    lcm_days_from_civil(2026, 11, 23)), out), "2026-W48");
	/* 2021-01-01 (a Friday) is in the last week of 2020 */
	assert_string_equal(lcm_engage_week_label(lcm_engage_week(
	    lcm_days_from_civil(2021, 1, 1)), out), "2020-W53");
	/* 2024-12-30 (a Monday) starts week 1 of 2025 */
	assert_string_equal(lcm_engage_week_label(lcm_engage_week(
	    lcm_days_from_civil(2024, 12, 30)), out), "2025-W01");
	/* Sunday 2026-11-22 is still in week 47 */
	assert_int_equal(lcm_engage_week(lcm_days_from_civil(2026, 11, 22)) + 1,
			 lcm_engage_week(lcm_days_from_civil(2026, 11, 23)));
}

static void
test_engage_day_local_zone(void **state)
{
	struct lcm_err err;
	int64_t t = 1795383000;	/* 2026-11-22T21:30:00Z */

	(void)state;
	assert_int_equal(lcm_time_set_zone("Pacific/Auckland", &err), 0);	/* +13 */
	assert_int_equal(lcm_engage_day(t, 1), lcm_days_from_civil(2026, 11, 23));
	assert_int_equal(lcm_engage_day(t, 0), lcm_days_from_civil(2026, 11, 22));
	assert_int_equal(lcm_time_set_zone("UTC", &err), 0);
}

static void
test_engage_idcmp_natural_order(void **state)
{
	(void)state;
	assert_true(lcm_engage_idcmp("7", "58") < 0);
	assert_true(lcm_engage_idcmp("58", "58") == 0);
	assert_true(lcm_engage_idcmp("moodle:7", "moodle:58") < 0);
	assert_true(lcm_engage_idcmp("a9", "a10") < 0);
	assert_true(lcm_engage_idcmp("a10", "b1") < 0);
	assert_true(lcm_engage_idcmp("", "1") < 0);
	assert_true(lcm_engage_idcmp("a1", "a1b") < 0);
}

/* Equal as numbers is not equal: bytes decide, so the order is total. */
static void
test_engage_idcmp_leading_zeros_total(void **state)
{
	(void)state;
	assert_true(lcm_engage_idcmp("007", "7") < 0);
	assert_true(lcm_engage_idcmp("7", "007") > 0);
	/* 1a < 9 < 10, and so 1a < 10: transitive where "numbers first" is not */
	assert_true(lcm_engage_idcmp("1a", "9") < 0 && lcm_engage_idcmp("9", "10") < 0 &&
		    lcm_engage_idcmp("1a", "10") < 0);
}

/* Printed ids of the rows view v keeps, joined by spaces. */
static const char *
view(void **state, enum lcm_engage_view v, size_t top)
{
	static char out[256];
	struct fixture *f = *state;
	size_t idx[64], i, n, len = 0;

	for (i = 0; i < f->e.npersons; i++)
		idx[i] = i;
	n = lcm_engage_select(&f->e, v, idx, f->e.npersons, top);
	out[0] = '\0';
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, sizeof(out) - len, "%s%s", i ? " " : "",
					f->e.persons[idx[i]].person);
	return out;
}

static void
test_engage_select_all_by_id(void **state)
{
	assert_string_equal(view(state, LCM_VIEW_ALL, 0),
			    "a1 a2 a3 a4 a5 a6 b1 b2 t1 x1");
}

/* never, then inactive, then at-risk; oldest last_seen first within. */
static void
test_engage_select_at_risk_order(void **state)
{
	assert_string_equal(view(state, LCM_VIEW_AT_RISK, 0), "a6 b1 b2 a2 a4 a3");
}

/* The report's period before: posts gone, persons, figures and order kept. */
static void
test_engage_keep_persons_keeps_what_select_reads(void **state)
{
	struct fixture *f = *state;
	int64_t id = f->e.persons[2].id;

	lcm_engage_keep_persons(&f->e);
	assert_null(f->e.posts);
	assert_int_equal(f->e.nposts, 0);
	assert_int_equal(f->e.nthreads, 0);
	assert_int_equal(f->e.nweeks, 0);
	assert_int_equal(lcm_engage_find(&f->e, id), 2);
	assert_string_equal(view(state, LCM_VIEW_AT_RISK, 0), "a6 b1 b2 a2 a4 a3");
}

static void
test_engage_select_praise_order_and_top(void **state)
{
	assert_string_equal(view(state, LCM_VIEW_PRAISE, 0), "a2 b2 x1 a1 a5 b1");
	assert_string_equal(view(state, LCM_VIEW_PRAISE, 2), "a2 b2");
}

/* The HMAC of "lcm:a1" under the key, as openssl dgst -hmac computes it. */
static void
test_engage_pseudonymize_hmac(void **state)
{
	struct fixture *f = *state;
	const struct lcm_engage_person *p;

	lcm_engage_pseudonymize(&f->e, "0123456789abcdef");
	p = &f->e.persons[2];	/* a1 */
	assert_string_equal(p->person, "89cd8a2298910532");
	assert_null(p->name);
	assert_string_equal(p->key, "lcm:a1");
	assert_int_equal(strlen(f->e.persons[1].manager), 16);
	/* rows follow the pseudonyms byte by byte, not as numbers */
	assert_int_equal(strncmp(view(state, LCM_VIEW_ALL, 0),
				 "1ae0074c25ea99a2 2710050fd059e842 6328fbac27e49598 66e0", 55), 0);
}

static void
test_engage_network_degrees_and_betweenness(void **state)
{
	struct fixture *f = *state;

	lcm_engage_network(&f->e);
	assert_int_equal(who(state, "a1")->in_degree, 2);
	assert_int_equal(who(state, "a1")->out_degree, 1);
	assert_int_equal(who(state, "a5")->out_degree, 2);
	assert_int_equal(who(state, "b2")->in_degree, 0);
	/* 7 persons with an edge: normalised by 6 * 5 */
	assert_true(fabs(who(state, "t1")->betweenness - 4.0 / 30) < 1e-12);
	assert_true(fabs(who(state, "a1")->betweenness - 3.0 / 30) < 1e-12);
	assert_true(fabs(who(state, "a5")->betweenness - 3.0 / 30) < 1e-12);
	assert_true(who(state, "a2")->betweenness == 0);
}

static const struct lcm_engage_group *
group(const struct lcm_engage_groups *gs, const char *key)
{
	size_t i;

	for (i = 0; i < gs->n; i++)
		if ((!key && !gs->g[i].key) || (key && gs->g[i].key &&
		    strcmp(gs->g[i].key, key) == 0))
			return &gs->g[i];
	fail_msg("no group '%s'", key ? key : "(none)");
	return NULL;
}

static void
test_engage_groups_cohort_figures(void **state)
{
	struct fixture *f = *state;
	struct lcm_engage_groups gs;
	const struct lcm_engage_group *a;
	struct lcm_err err;

	assert_int_equal(lcm_engage_groups(&f->st, &f->e, LCM_ENGAGE_BY_COHORT, 1, 5,
					   &gs, &err), 0);
	assert_int_equal(gs.n, 3);
	assert_string_equal(gs.g[0].key, "A");
	assert_null(gs.g[2].key);	/* none last */
	a = group(&gs, "A");
	assert_int_equal(a->nmembers, 7);
	assert_int_equal(a->active, 6);
	assert_int_equal(a->threads, 4);	/* T1 T3 T4 T5 */
	assert_int_equal(a->replies, 5);	/* p2 p3 p6 p10 p11 */
	assert_int_equal(a->questions, 3);
	assert_int_equal(a->answered, 2);
	assert_int_equal(a->unanswered, 2);
	assert_int_equal(a->questions_open, 2);
	assert_int_equal(a->exchange, 2);
	assert_int_equal(a->topdown, 0);
	assert_true(fabs(a->ttfr_median_h - 3.5) < 1e-12);	/* 2h and 5h */
	assert_true(fabs(a->ttfr_p90_h - 4.7) < 1e-12);
	assert_true(fabs(a->response_rate - 0.5) < 1e-12);
	/* network: 6 edges touch A, 8 nodes (7 members and t1) */
	assert_true(fabs(a->density - 6.0 / 56) < 1e-12);
	assert_true(fabs(a->reciprocity - 4.0 / 6) < 1e-12);
	assert_true(fabs(a->centralisation - 8.0 / 42) < 1e-12);
	assert_int_equal(a->isolates, 3);	/* a3 a4 a6 */
	assert_true(fabs(a->staff_share - 2.0 / 6) < 1e-12);
	assert_false(a->suppressed);
	assert_int_equal(group(&gs, NULL)->topdown, 1);
	lcm_engage_groups_release(&gs);
}

/* k-anonymity: B has 2 members, under --min-group 5. */
static void
test_engage_groups_min_group_suppresses(void **state)
{
	struct fixture *f = *state;
	struct lcm_engage_groups gs;
	struct lcm_err err;

	assert_int_equal(lcm_engage_groups(&f->st, &f->e, LCM_ENGAGE_BY_COHORT, 0, 5,
					   &gs, &err), 0);
	assert_true(group(&gs, "B")->suppressed);
	assert_false(group(&gs, "A")->suppressed);
	lcm_engage_groups_release(&gs);
	assert_int_equal(lcm_engage_groups(&f->st, &f->e, LCM_ENGAGE_BY_COHORT, 0, 2,
					   &gs, &err), 0);
	assert_false(group(&gs, "B")->suppressed);
	lcm_engage_groups_release(&gs);
}

/* Forum members are those who posted there (live posts). */
static void
test_engage_groups_forum_members(void **state)
{
	struct fixture *f = *state;
	struct lcm_engage_groups gs;
	struct lcm_err err;

	assert_int_equal(lcm_engage_groups(&f->st, &f->e, LCM_ENGAGE_BY_FORUM, 0, 5,
					   &gs, &err), 0);
	assert_int_equal(gs.n, 2);
	assert_int_equal(group(&gs, "general")->nmembers, 6);	/* a1 a2 a4 a5 b1 b2 */
	assert_int_equal(group(&gs, "projects")->nmembers, 3);	/* a4 x1 a5 */
	assert_int_equal(group(&gs, "general")->threads, 4);
	assert_int_equal(group(&gs, "general")->topdown, 1);
	lcm_engage_groups_release(&gs);
}

/* Course members: posts or events there; a6 did neither. */
static void
test_engage_groups_course_members(void **state)
{
	struct fixture *f = *state;
	struct lcm_engage_groups gs;
	struct lcm_err err;

	assert_int_equal(lcm_engage_groups(&f->st, &f->e, LCM_ENGAGE_BY_COURSE, 0, 5,
					   &gs, &err), 0);
	assert_int_equal(gs.n, 1);
	assert_int_equal(gs.g[0].nmembers, 8);
	assert_int_equal(gs.g[0].threads, 6);
	lcm_engage_groups_release(&gs);
}

/* Weeks 2026-W40 (10-01) to W48 (11-23), empty weeks included. */
static void
test_engage_groups_weeks(void **state)
{
	struct fixture *f = *state;
	struct lcm_engage_groups gs;
	struct lcm_err err;

	assert_int_equal(lcm_engage_groups(&f->st, &f->e, LCM_ENGAGE_BY_WEEK, 0, 5,
					   &gs, &err), 0);
	assert_int_equal(gs.n, 9);
	assert_string_equal(gs.g[0].key, "2026-W40");
	assert_string_equal(gs.g[8].key, "2026-W48");
	assert_int_equal(gs.g[0].active, 2);	/* b1 b2 */
	assert_int_equal(gs.g[1].active, 0);
	assert_int_equal(gs.g[0].threads, 1);
	assert_int_equal(gs.g[0].nmembers, 9);
	assert_int_equal(gs.g[6].active, 2);	/* W46: a5 x1 */
	assert_int_equal(gs.g[7].active, 4);	/* W47: a1 a2 a3 a4 */
	lcm_engage_groups_release(&gs);
}

/* Without o.weeks (lcm-engage per person): no week list, and no groups by week. */
static void
test_engage_weeks_listed_only_when_asked(void **state)
{
	struct fixture *f = *state;
	struct lcm_engage e;
	struct lcm_engage_groups gs;
	struct lcm_engage_opts o = f->e.o;
	struct lcm_err err;
	size_t i;

	assert_true(f->e.nweeks > 0);
	o.weeks = 0;
	lcm_err_init(&err);
	assert_int_equal(lcm_engage_load(&f->st, &o, &e, &err), 0);
	assert_int_equal(e.nweeks, 0);
	assert_null(e.weeks);
	for (i = 0; i < e.npersons; i++)	/* the figures do not change */
		assert_int_equal(e.persons[i].active_weeks, f->e.persons[i].active_weeks);
	assert_int_equal(lcm_engage_groups(&f->st, &e, LCM_ENGAGE_BY_WEEK, 0, 5, &gs, &err), -1);
	assert_non_null(strstr(err.msg, "need the active weeks"));
	lcm_engage_release(&e);
}

static void
test_engage_by_parse_unknown(void **state)
{
	enum lcm_engage_by by;

	(void)state;
	assert_int_equal(lcm_engage_by_parse("manager", &by), 0);
	assert_int_equal(by, LCM_ENGAGE_BY_MANAGER);
	assert_int_equal(lcm_engage_by_parse("team", &by), -1);
}

static void
test_engage_status_names(void **state)
{
	(void)state;
	assert_string_equal(lcm_engage_status_name(LCM_STATUS_AT_RISK), "at-risk");
	assert_string_equal(lcm_engage_status_name(LCM_STATUS_NEVER), "never");
}

/*
 * A period is [since, until): p2 (a2, 16 Nov 12:00) opens it and counts,
 * p4 (t1, 17 Nov 09:00) ends it and does not, nor is t1 seen then; the
 * period that ends at p2 does not count p2.
 */
static void
test_engage_load_period_half_open(void **state)
{
	int64_t p2 = lcm_time_from_utc(2026, 11, 16, 12, 0, 0);
	int64_t p4 = lcm_time_from_utc(2026, 11, 17, 9, 0, 0);
	struct fixture *f = load_with(NULL, p2, p4, 0);

	*state = f;
	assert_int_equal(who(state, "a2")->replies, 1);
	assert_int_equal(who(state, "a1")->replies, 1);	/* p3, 13:00 */
	assert_int_equal(who(state, "t1")->replies, 0);
	assert_int_equal(who(state, "t1")->last_seen, lcm_time_from_utc(2026, 11, 2, 8, 0, 0));
	teardown(state);
	f = load_with(NULL, INT64_MIN, p2, 0);
	*state = f;
	assert_int_equal(who(state, "a2")->replies, 0);
	assert_int_equal(who(state, "a1")->threads, 1);	/* p1, 10:00 */
	teardown(state);
}

/*
 * a5 was last seen on 10 Nov 15:00 (p10): 14 days later to the second
 * that post is still inside the window of --inactive-after and of the
 * recent trend, [until - 14 d, until); one second later it is not.
 */
static void
test_engage_load_windows_half_open(void **state)
{
	int64_t p10 = lcm_time_from_utc(2026, 11, 10, 15, 0, 0);
	struct fixture *f = load_with(NULL, INT64_MIN, p10 + 14 * LCM_DAY, 0);

	*state = f;
	assert_int_equal(who(state, "a5")->last_seen, p10);
	assert_false(who(state, "a5")->reasons & LCM_REASON_INACTIVE);
	assert_int_equal(who(state, "a5")->recent, 1);	/* p10 */
	assert_int_equal(who(state, "a5")->before, 2);	/* p6, the event of 14:00 */
	teardown(state);
	f = load_with(NULL, INT64_MIN, p10 + 14 * LCM_DAY + 1, 0);
	*state = f;
	assert_true(who(state, "a5")->reasons & LCM_REASON_INACTIVE);
	assert_int_equal(who(state, "a5")->inactive_days, 14);
	assert_int_equal(who(state, "a5")->recent, 0);
	teardown(state);
}

/*
 * One event dated year 0, which lcm-import accepts, neither fails the
 * weeks of a period without a start nor adds 105,000 empty ones: they
 * begin with the first activity of the last 5300 weeks (2026-W40).
 */
static void
test_engage_groups_weeks_ignore_year_0(void **state)
{
	static const char year0[] =
		"INSERT INTO event(person_id, course_id, ts, verb, object, platform, external_id)"
		" VALUES (9, 1, -62167219200, 1, 2, 'lcm', 'e-year-0');";
	struct fixture *f = load_with(year0, INT64_MIN, NOW, 0);
	struct lcm_engage_groups gs;
	struct lcm_err err;

	*state = f;
	lcm_err_init(&err);
	assert_int_equal(who(state, "b1")->last_seen, lcm_time_from_utc(2026, 10, 1, 10, 0, 0));
	assert_int_equal(who(state, "b1")->active_days, 2);	/* year 0 and 1 Oct */
	if (lcm_engage_groups(&f->st, &f->e, LCM_ENGAGE_BY_WEEK, 0, 5, &gs, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(gs.n, 9);
	assert_string_equal(gs.g[0].key, "2026-W40");
	assert_string_equal(gs.g[8].key, "2026-W48");
	lcm_engage_groups_release(&gs);
	teardown(state);
}

/*
 * The weeks of a period end with the week of its last second: up to
 * Monday 23 Nov 00:00, W47 is the last; one second more and W48 is in.
 */
static void
test_engage_groups_weeks_end_before_until(void **state)
{
	int64_t monday = lcm_time_from_utc(2026, 11, 23, 0, 0, 0);
	int64_t since = lcm_time_from_utc(2026, 11, 2, 0, 0, 0);
	struct fixture *f = load_with(NULL, since, monday, 0);
	struct lcm_engage_groups gs;
	struct lcm_err err;

	*state = f;
	lcm_err_init(&err);
	assert_int_equal(lcm_engage_groups(&f->st, &f->e, LCM_ENGAGE_BY_WEEK, 0, 5, &gs, &err), 0);
	assert_int_equal(gs.n, 3);
	assert_string_equal(gs.g[2].key, "2026-W47");
	lcm_engage_groups_release(&gs);
	teardown(state);
	f = load_with(NULL, since, monday + 1, 0);
	*state = f;
	assert_int_equal(lcm_engage_groups(&f->st, &f->e, LCM_ENGAGE_BY_WEEK, 0, 5, &gs, &err), 0);
	assert_int_equal(gs.n, 4);
	assert_string_equal(gs.g[3].key, "2026-W48");
	lcm_engage_groups_release(&gs);
	teardown(state);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define F(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
		F(test_engage_load_threads_and_replies),
		F(test_engage_load_words_of_live_posts),
		F(test_engage_load_replies_received),
		F(test_engage_load_peers_either_way),
		F(test_engage_load_questions),
		F(test_engage_load_answers_given),
		F(test_engage_load_accepted),
		F(test_engage_load_first_last_post_and_last_seen),
		F(test_engage_load_active_days_and_weeks),
		F(test_engage_load_levels_by_cohort_quartiles),
		F(test_engage_load_trend),
		F(test_engage_load_status_and_reasons),
		F(test_engage_load_not_enough_data),
		cmocka_unit_test(test_engage_load_since_limits_counts),
		cmocka_unit_test(test_engage_load_weeks_from_lists_earlier_weeks),
		cmocka_unit_test(test_engage_load_fails_without_event_table),
		cmocka_unit_test(test_engage_quantile_interpolates),
		cmocka_unit_test(test_engage_quantile_one_value),
		cmocka_unit_test(test_engage_week_label_iso_years),
		cmocka_unit_test(test_engage_day_local_zone),
		cmocka_unit_test(test_engage_idcmp_natural_order),
		cmocka_unit_test(test_engage_idcmp_leading_zeros_total),
		F(test_engage_select_all_by_id),
		F(test_engage_select_at_risk_order),
		F(test_engage_keep_persons_keeps_what_select_reads),
		F(test_engage_select_praise_order_and_top),
		F(test_engage_pseudonymize_hmac),
		F(test_engage_network_degrees_and_betweenness),
		F(test_engage_groups_cohort_figures),
		F(test_engage_groups_min_group_suppresses),
		F(test_engage_groups_forum_members),
		F(test_engage_groups_course_members),
		F(test_engage_weeks_listed_only_when_asked),
		F(test_engage_groups_weeks),
		cmocka_unit_test(test_engage_by_parse_unknown),
		cmocka_unit_test(test_engage_status_names),
		cmocka_unit_test(test_engage_load_period_half_open),
		cmocka_unit_test(test_engage_load_windows_half_open),
		cmocka_unit_test(test_engage_groups_weeks_ignore_year_0),
		cmocka_unit_test(test_engage_groups_weeks_end_before_until),
#undef F
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
