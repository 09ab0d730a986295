/*
 * test_report.c - the figures of a report (report.c, report_talk.c,
 * report_terms.c) on a small community written in SQL, every value
 * worked out by hand below.
 *
 * Now is Monday 2026-11-23 09:00 UTC; the period is the 14 days before
 * (from 2026-11-09 09:00), the period before from 2026-10-26 09:00; each
 * is [start, end).
 * Cohort A (manager m1): l1, l2, l3; cohort B (m2): l4, l5, l6; t1 staff.
 *
 * Threads of the period:
 *   T1 l1 question 10 Nov 10:00, l2 replies 10:30    first reply 0.5 h
 *   T2 l4 question 12 Nov 10:00, t1 replies 13 Nov 12:00     26 h
 *   T3 t1 announcement 16 Nov 09:00, no reply        top-down, not waiting
 *   T4 l5 question 20 Nov 10:00, no reply            waiting
 *   T5 l2 exchange 21 Nov 10:00, l1 replies 14:00            4 h
 * Before: T6 l3 question 30 Oct 10:00, l6 replies 11:00 (1 h); T7 l6
 * question 1 Oct 10:00, no reply ever.
 * So now: 5 threads, 3 replies, response rate 3/5, unanswered 1/5,
 * first replies 0.5 4 26 h: median 4, p90 4 + 0.8 * 22 = 21.6.
 * Before: 1 thread, 1 reply, rate 1, first reply 1 h.
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

#include "report.h"
#include "timefmt.h"

#define T(s) "CAST(strftime('%s', '" s "') AS INTEGER)"
#define NOW 1795424400	/* 2026-11-23T09:00:00Z */
#define DAY 86400

static const char community[] =
	"INSERT INTO person(id, platform, external_id, name, role, cohort, manager) VALUES"
	" (1, 'lcm', 't1', 'Tess Trainer', 'staff', NULL, NULL),"
	" (2, 'lcm', 'l1', 'Alice Martin', 'learner', 'A', 'm1'),"
	" (3, 'lcm', 'l2', 'Bruno Dupont', 'learner', 'A', 'm1'),"
	" (4, 'lcm', 'l3', 'Chloe Petit', 'learner', 'A', 'm1'),"
	" (5, 'lcm', 'l4', 'David Roux', 'learner', 'B', 'm2'),"
	" (6, 'lcm', 'l5', 'Elodie Blanc', 'learner', 'B', 'm2'),"
	" (7, 'lcm', 'l6', 'Farid Haddad', 'learner', 'B', 'm2');"
	"INSERT INTO course(id, platform, external_id, name) VALUES (1, 'lcm', 'C1', 'C1'),"
	" (2, 'lcm', 'C2', 'C2');"
	"INSERT INTO forum(id, course_id, platform, external_id, name) VALUES"
	" (1, 1, 'lcm', 'q', 'Questions'), (2, 2, 'lcm', 'c', 'Cafe');"
	"INSERT INTO thread(id, forum_id, platform, external_id, title) VALUES"
	" (1, 1, 'lcm', 'T1', 'Joins'), (2, 1, 'lcm', 'T2', 'Keys'), (3, 2, 'lcm', 'T3', 'News'),"
	" (4, 2, 'lcm', 'T4', 'Help'), (5, 2, 'lcm', 'T5', 'Chat'), (6, 1, 'lcm', 'T6', 'Old'),"
	" (7, 1, 'lcm', 'T7', 'Forgotten');"
	"INSERT INTO post(id, thread_id, parent_id, parent_ext, author_id, platform,"
	" external_id, created, subject, body, is_question, deleted, private) VALUES"
	" (1, 1, NULL, NULL, 2, 'lcm', 'p1', " T("2026-11-10 10:00") ", 'Joins',"
	"  'How do joins work in the course? Alice asks.', 1, 0, 0),"
	" (2, 1, 1, 'p1', 3, 'lcm', 'p2', " T("2026-11-10 10:30") ", 'Re: Joins',"
	"  'Joins match rows of the course tables, quelqu''un said. Alice knows.', 0, 0, 0),"
	" (3, 2, NULL, NULL, 5, 'lcm', 'p3', " T("2026-11-12 10:00") ", 'Keys',"
	"  'Which keys in the course window? quelqu''un?', 1, 0, 0),"
	" (4, 2, 3, 'p3', 1, 'lcm', 'p4', " T("2026-11-13 12:00") ", 'Re: Keys',"
	"  'Primary keys, see the course.', 0, 0, 0),"
	" (5, 3, NULL, NULL, 1, 'lcm', 'p5', " T("2026-11-16 09:00") ", 'News',"
	"  'The course quiz opens.', 0, 0, 0),"
	" (6, 4, NULL, NULL, 6, 'lcm', 'p6', " T("2026-11-20 10:00") ", 'Help',"
	"  'Where is the course quiz?', 1, 0, 0),"
	" (7, 5, NULL, NULL, 3, 'lcm', 'p7', " T("2026-11-21 10:00") ", 'Chat',"
	"  'Joins again, for the course.', 0, 0, 0),"
	" (8, 5, 7, 'p7', 2, 'lcm', 'p8', " T("2026-11-21 14:00") ", 'Re: Chat',"
	"  'Yes, joins and the course.', 0, 0, 0),"
	" (9, 6, NULL, NULL, 4, 'lcm', 'p9', " T("2026-10-30 10:00") ", 'Old',"
	"  'A course question about keys?', 1, 0, 0),"
	" (10, 6, 9, 'p9', 7, 'lcm', 'p10', " T("2026-10-30 11:00") ", 'Re: Old',"
	"  'The course answer.', 0, 0, 0),"
	" (11, 7, NULL, NULL, 7, 'lcm', 'p11', " T("2026-10-01 10:00") ", 'Forgotten',"
	"  'Anyone? The course.', 1, 0, 0),"
	" (12, 4, 6, 'p6', 5, 'lcm', 'p12', " T("2026-11-20 11:00") ", 'Re: Help',"
	"  'Deleted.', 0, 1, 0);"
	"INSERT INTO term(id, text) VALUES (1, 'viewed'), (2, 'Page: Intro'),"
	" (3, 'User: Alice Martin'), (4, 'Quiz: Q1');"
	"INSERT INTO event(person_id, course_id, ts, verb, object, platform, external_id) VALUES"
	" (2, 1, " T("2026-11-15 08:00") ", 1, 2, 'lcm', 'e1'),"
	" (2, 1, " T("2026-11-15 09:00") ", 1, 2, 'lcm', 'e2'),"
	" (5, 1, " T("2026-11-16 08:00") ", 1, 2, 'lcm', 'e3'),"
	" (5, 1, " T("2026-11-16 08:05") ", 1, 3, 'lcm', 'e4'),"
	" (1, 1, " T("2026-11-16 08:10") ", 1, 2, 'lcm', 'e5'),"
	" (7, 2, " T("2026-11-01 08:00") ", 1, 4, 'lcm', 'e6');";

struct fixture {
	struct lcm_store st;
	struct lcm_report_src src;
	struct lcm_report r;
	struct lcm_report_opts o;
};

static void
defaults(struct lcm_report_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->until = NOW;
	o->since = NOW - 14 * DAY;
	o->inactive_after = 14 * DAY;
	o->weeks = 12;
	o->top = 10;
	o->min_group = 0;
}

/* The store, loaded with o, and the report of group i made. */
static struct fixture *
build(const struct lcm_report_opts *o, size_t i)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct lcm_err err;

	lcm_err_init(&err);
	f->o = *o;
	assert_int_equal(lcm_store_open(&f->st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	if (lcm_store_exec(&f->st, community, &err) < 0)
		fail_msg("%s", err.msg);
	if (lcm_report_load(&f->st, &f->o, &f->src, &err) < 0)
		fail_msg("%s", err.msg);
	if (lcm_report_make(&f->st, &f->src, i, &f->r, &err) < 0)
		fail_msg("%s", err.msg);
	return f;
}

static int
setup(void **state)
{
	struct lcm_report_opts o;

	defaults(&o);
	*state = build(&o, 0);
	return 0;
}

static void
destroy(struct fixture *f)
{
	lcm_report_release(&f->r);
	lcm_report_src_release(&f->src);
	lcm_store_close(&f->st);
	free(f);
}

static int
teardown(void **state)
{
	destroy(*state);
	return 0;
}

static struct lcm_report *
rep(void **state)
{
	return &((struct fixture *)*state)->r;
}

static void
test_report_make_headline_counts(void **state)
{
	struct lcm_report *r = rep(state);

	assert_int_equal(r->members, 6);
	assert_true(r->new_threads.now == 5 && r->new_threads.before == 1);
	assert_true(r->posts.now == 8 && r->posts.before == 2);
	/* l1 l2 l4 l5 posted or had events in the period; l3 and l6 not */
	assert_true(r->active.now == 4);
	assert_null(r->split);
	assert_null(r->group);
}

static void
test_report_make_headline_rates(void **state)
{
	struct lcm_report *r = rep(state);

	assert_float_equal(r->response_rate.now, 0.6, 1e-9);
	assert_float_equal(r->response_rate.before, 1.0, 1e-9);
	assert_float_equal(r->unanswered_share.now, 0.2, 1e-9);
	assert_float_equal(r->ttfr_median_h.now, 4.0, 1e-9);
	assert_float_equal(r->ttfr_p90_h.now, 21.6, 1e-9);
	assert_float_equal(r->ttfr_median_h.before, 1.0, 1e-9);
}

static void
test_report_make_periods(void **state)
{
	struct lcm_report *r = rep(state);

	assert_int_equal(r->since, NOW - 14 * DAY);
	assert_int_equal(r->until, NOW);
	assert_int_equal(r->prev_until, NOW - 14 * DAY);	/* [since, until) */
	assert_int_equal(r->prev_since, NOW - 28 * DAY);
}

/*
 * Two consecutive 7-day periods meeting at T3's post (16 Nov 09:00): it
 * is in the later one only, and the two together count what the 14 days
 * count. The later one's "before" is the earlier one.
 */
static void
test_report_make_boundary_in_one_period(void **state)
{
	struct lcm_report_opts o;
	struct fixture *a, *b;

	(void)state;
	defaults(&o);
	o.until = NOW - 7 * DAY;
	o.since = o.until - 7 * DAY;
	a = build(&o, 0);
	o.since = o.until;
	o.until = NOW;
	b = build(&o, 0);
	assert_int_equal(a->r.posts.now, 4);	/* p1 to p4 */
	assert_int_equal(a->r.new_threads.now, 2);	/* T1 T2 */
	assert_int_equal(b->r.posts.now, 4);	/* p5 to p8 */
	assert_int_equal(b->r.new_threads.now, 3);	/* T3 T4 T5 */
	assert_int_equal(a->r.posts.now + b->r.posts.now, 8);
	assert_int_equal(b->r.posts.before, a->r.posts.now);
	assert_int_equal(b->r.new_threads.before, a->r.new_threads.now);
	destroy(a);
	destroy(b);
}

/* Bins: 0.5 h, 4 h (4 h is not under 4 h) and 26 h; T4 waits. */
static void
test_report_make_first_reply_bins(void **state)
{
	struct lcm_report *r = rep(state);
	int64_t want[LCM_REPORT_BINS] = { 1, 0, 1, 0, 1, 0, 0 };
	size_t i;

	for (i = 0; i < LCM_REPORT_BINS; i++)
		assert_int_equal(r->bins[i], want[i]);
	assert_int_equal(r->waiting, 1);
}

/* Weeks from that of the first activity (T7, 1 Oct: W40) to W48. */
static void
test_report_make_weeks(void **state)
{
	struct lcm_report *r = rep(state);
	char label[24];
	size_t i;

	assert_int_equal(r->nweeks, 9);
	assert_string_equal(lcm_engage_week_label(r->weeks[0].week, label), "2026-W40");
	assert_int_equal(r->weeks[0].monday, lcm_days_from_civil(2026, 9, 28));
	for (i = 0; i < r->nweeks; i++)
		if (r->weeks[i].week == r->weeks[0].week + 6)	/* W46: 9-15 Nov */
			break;
	assert_int_equal(r->weeks[i].threads, 2);	/* T1, T2 */
	assert_int_equal(r->weeks[i].posts, 4);
	assert_int_equal(r->weeks[i].questions, 2);
	assert_int_equal(r->weeks[i + 1].topdown, 1);	/* T3 */
	assert_int_equal(r->weeks[i + 1].exchange, 1);	/* T5 */
	assert_true(r->weeks[r->nweeks - 1].partial);
	assert_false(r->weeks[r->nweeks - 2].partial);
}

static void
test_report_make_at_risk_and_praise(void **state)
{
	struct lcm_report *r = rep(state);

	/* l3 (last seen 30 Oct) and l6 (1 Nov) went inactive */
	assert_true(r->at_risk.now == 2);
	assert_int_equal(r->nat_risk, 2);
	assert_string_equal(r->at_risk_list[0].person, "l3");
	assert_string_equal(r->at_risk_list[0].status, "inactive");
	assert_string_equal(r->at_risk_list[1].person, "l6");
	assert_non_null(strstr(r->at_risk_list[1].reasons, "inactive:22d"));
	/* l2 answered a question; l1 and l4 got replies */
	assert_int_equal(r->npraise, 3);
	assert_string_equal(r->praise[0].person, "l2");
	assert_int_equal(r->praise[0].answers, 1);
	assert_string_equal(r->praise[1].person, "l1");
	assert_string_equal(r->praise[2].name, "David Roux");
}

static void
test_report_make_network(void **state)
{
	struct lcm_report *r = rep(state);

	assert_true(r->has_network);
	/* edges l2->l1, t1->l4, l1->l2: l3, l5, l6 exchanged with nobody */
	assert_int_equal(r->isolates, 3);
	assert_float_equal(r->reciprocity, 2.0 / 3.0, 1e-9);
	assert_float_equal(r->staff_share, 1.0 / 3.0, 1e-9);
}

static void
test_report_make_forums_and_threads(void **state)
{
	struct lcm_report *r = rep(state);

	/* 4 posts each: Cafe first for its 3 new threads (Questions: 2) */
	assert_int_equal(r->nforums, 2);
	assert_string_equal(r->forums[0].name, "Cafe");
	assert_int_equal(r->forums[0].posts, 4);
	assert_int_equal(r->forums[0].threads, 3);
	assert_int_equal(r->forums[0].people, 4);
	assert_string_equal(r->forums[1].name, "Questions");
	assert_int_equal(r->forums[1].posts, 4);
	assert_int_equal(r->nthreads, 5);
	/* two posts each: T1 (10 Nov), T2, T5 (21 Nov, latest first on ties) */
	assert_string_equal(r->threads[0].title, "Chat");
	assert_string_equal(r->threads[0].forum, "Cafe");
	assert_int_equal(r->threads[0].people, 2);
	assert_null(r->threads[0].url);
}

static void
test_report_make_open_threads(void **state)
{
	struct lcm_report *r = rep(state);

	assert_int_equal(r->open_total, 2);	/* T7 and T4; T3 is staff's */
	assert_string_equal(r->open[0].subject, "Forgotten");
	assert_string_equal(r->open[0].author, "Farid Haddad");
	assert_string_equal(r->open[1].subject, "Help");
	assert_float_equal(r->open[1].age_hours, 71.0, 1e-9);
}

/* l1 twice and l4 once opened "Page: Intro"; the user profile l4 opened
 * is no resource, t1 is staff, Q1 was before the period. */
static void
test_report_make_resources(void **state)
{
	struct lcm_report *r = rep(state);

	assert_int_equal(r->events, 4);
	assert_int_equal(r->nresources, 1);
	assert_string_equal(r->resources[0].name, "Page: Intro");
	assert_int_equal(r->resources[0].events, 3);
	assert_int_equal(r->resources[0].people, 2);
}

/* "course" is in every post: no weight; "alice" is a name, "quelqu" a
 * stub, "window" in one post only; "joins" is the theme. */
static void
test_report_make_themes(void **state)
{
	struct lcm_report *r = rep(state);
	size_t i;

	assert_true(r->nthemes >= 1);
	assert_string_equal(r->themes[0].term, "joins");
	assert_int_equal(r->themes[0].count, 5);
	assert_int_equal(r->themes[0].posts, 4);
	for (i = 0; i < r->nthemes; i++) {
		assert_string_not_equal(r->themes[i].term, "course");
		assert_string_not_equal(r->themes[i].term, "alice");
		assert_string_not_equal(r->themes[i].term, "quelqu");
		assert_string_not_equal(r->themes[i].term, "window");
	}
}

/* Threads and themes are capped by top; the totals are not. */
static void
test_report_make_top_limits_lists(void **state)
{
	struct lcm_report_opts o;
	struct fixture *f;

	(void)state;
	defaults(&o);
	o.top = 1;
	f = build(&o, 0);
	assert_int_equal(f->r.nthreads, 1);
	assert_int_equal(f->r.nopen, 1);
	assert_int_equal(f->r.open_total, 2);
	assert_int_equal(f->r.nat_risk, 1);
	assert_true(f->r.at_risk.now == 2);
	destroy(f);
}

/* By manager: the report of m2 has l4 l5 l6 and their threads only, and
 * agrees with lcm_engage_groups by manager. */
static void
test_report_make_split_by_manager(void **state)
{
	struct lcm_report_opts o;
	struct fixture *f;
	const struct lcm_engage_group *g;
	struct lcm_err err;

	(void)state;
	defaults(&o);
	o.split = LCM_SPLIT_MANAGER;
	f = build(&o, 1);
	g = &f->src.groups.g[1];
	assert_string_equal(g->key, "m2");
	assert_string_equal(f->r.group, "m2");
	assert_string_equal(f->r.split, "manager");
	assert_int_equal(f->r.members, 3);
	assert_true(f->r.new_threads.now == (double)g->threads);
	assert_true(f->r.new_threads.now == 2);	/* T2, T4 */
	assert_float_equal(f->r.response_rate.now, g->response_rate, 1e-12);
	assert_int_equal(f->r.open_total, 2);	/* T7 and T4, both by m2's people */
	assert_int_equal(f->r.nforums, 2);	/* T2 in Questions, T4 in Cafe */
	lcm_report_release(&f->r);
	lcm_err_init(&err);
	assert_int_equal(lcm_report_make(&f->st, &f->src, 0, &f->r, &err), 0);
	assert_int_equal(f->r.open_total, 0);	/* m1's people: all answered */
	assert_int_equal(f->r.events, 2);	/* l1's two views */
	destroy(f);
}

static void
test_report_make_split_by_course(void **state)
{
	struct lcm_report_opts o;
	struct fixture *f;

	(void)state;
	defaults(&o);
	o.split = LCM_SPLIT_COURSE;
	f = build(&o, 1);	/* C2: the Cafe forum */
	assert_string_equal(f->r.group, "C2");
	assert_true(f->r.new_threads.now == 3);	/* T3, T4, T5 */
	assert_int_equal(f->r.nforums, 1);
	assert_string_equal(f->r.forums[0].name, "Cafe");
	assert_int_equal(f->r.open_total, 1);	/* T4 */
	assert_int_equal(f->r.events, 0);
	destroy(f);
}

static void
test_report_make_pseudonymizes(void **state)
{
	struct lcm_report_opts o;
	struct fixture *f;
	size_t i;

	(void)state;
	defaults(&o);
	o.pseudo_key = "0123456789abcdef";
	f = build(&o, 0);
	for (i = 0; i < f->r.nat_risk; i++) {
		assert_null(f->r.at_risk_list[i].name);
		assert_int_equal(strlen(f->r.at_risk_list[i].person), 16);
	}
	for (i = 0; i < f->r.nopen; i++)
		assert_int_equal(strlen(f->r.open[i].author), 16);
	destroy(f);
}

/*
 * Recognition: learners' posts of the period by lcm-engage's score (staff
 * left out): p1 drew l2's reply (replies 1, repliers 1: 2), p2 answered
 * l1's question (answered-peer: 2), p7 drew l1's reply (2); p3's reply is
 * by staff (still a reply: 2); p6's reply is deleted and p8 answers no
 * question (0, under the minimum). Ties go to the earlier post.
 * Milestones crossed in the period: the first posts of l1, l2, l4, l5
 * (l3 and l6 posted before), the first replies to a peer of l2 (p2) and
 * l1 (p8): six, in time order.
 */
static void
test_report_make_recognition(void **state)
{
	struct lcm_report *r = rep(state);
	static const char *const who[] = {
		"Alice Martin", "Bruno Dupont", "Bruno Dupont", "David Roux", "Elodie Blanc",
		"Alice Martin"
	};
	static const char *const what[] = {
		"first-post", "first-post", "first-reply-to-peer", "first-post", "first-post",
		"first-reply-to-peer"
	};
	size_t i;

	assert_true(r->has_recognition);
	assert_int_equal(r->ncontributions, 4);
	assert_string_equal(r->contributions[0].name, "Alice Martin");
	assert_string_equal(r->contributions[0].reasons, "replies:1;repliers:1");
	assert_string_equal(r->contributions[0].subject, "Joins");
	assert_string_equal(r->contributions[1].name, "Bruno Dupont");
	assert_string_equal(r->contributions[1].reasons, "answered-peer");
	assert_string_equal(r->contributions[2].name, "David Roux");
	assert_string_equal(r->contributions[3].name, "Bruno Dupont");
	for (i = 0; i < r->ncontributions; i++)
		assert_true(r->contributions[i].score == 2.0);
	assert_int_equal(r->nmilestones, 6);
	for (i = 0; i < r->nmilestones; i++) {
		assert_string_equal(r->milestones[i].name, who[i]);
		assert_string_equal(r->milestones[i].milestone, what[i]);
		assert_int_equal(r->milestones[i].value, 1);
		assert_string_equal(r->milestones[i].course, i >= 4 ? "C2" : "C1");
	}
}

/* A report split by cohort has no recognition section (whole community only). */
static void
test_report_make_recognition_whole_only(void **state)
{
	struct lcm_report_opts o;
	struct fixture *f;

	(void)state;
	defaults(&o);
	o.split = LCM_SPLIT_COHORT;
	f = build(&o, 0);
	assert_false(f->r.has_recognition);
	assert_int_equal(f->r.ncontributions, 0);
	assert_int_equal(f->r.nmilestones, 0);
	destroy(f);
}

static void
test_report_make_links_threads(void **state)
{
	struct lcm_report_opts o;
	struct fixture *f;

	(void)state;
	defaults(&o);
	o.url = "https://lms.example.org/t/{thread}?p={post}&c={course}&f={forum}";
	f = build(&o, 0);
	assert_string_equal(f->r.open[0].url, "https://lms.example.org/t/T7?p=p11&c=C1&f=Questions");
	assert_string_equal(f->r.threads[0].url, "https://lms.example.org/t/T5?p=p7&c=C2&f=Cafe");
	destroy(f);
}

static void
test_report_make_unknown_group(void **state)
{
	struct fixture *f = *state;
	struct lcm_report r;
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_report_make(&f->st, &f->src, 7, &r, &err), -1);
	assert_string_equal(err.msg, "no group 7 in the report");
	lcm_report_release(&r);
}

static void
test_report_load_refuses_reversed_period(void **state)
{
	struct lcm_report_opts o;
	struct lcm_report_src src;
	struct lcm_store st;
	struct lcm_err err;

	(void)state;
	lcm_err_init(&err);
	defaults(&o);
	o.since = NOW + 1;
	assert_int_equal(lcm_store_open(&st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	assert_int_equal(lcm_report_load(&st, &o, &src, &err), -1);
	assert_string_equal(err.msg, "the period starts after it ends");
	lcm_report_src_release(&src);
	defaults(&o);
	o.weeks = 0;
	assert_int_equal(lcm_report_load(&st, &o, &src, &err), -1);
	lcm_report_src_release(&src);
	lcm_store_close(&st);
}

/* An empty store: one report of nobody, every rate undefined. */
static void
test_report_make_empty_store(void **state)
{
	struct lcm_report_opts o;
	struct lcm_report_src src;
	struct lcm_report r;
	struct lcm_store st;
	struct lcm_err err;

	(void)state;
	lcm_err_init(&err);
	defaults(&o);
	assert_int_equal(lcm_store_open(&st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	assert_int_equal(lcm_report_load(&st, &o, &src, &err), 0);
	assert_int_equal(lcm_report_make(&st, &src, 0, &r, &err), 0);
	assert_int_equal(r.members, 0);
	assert_true(isnan(r.response_rate.now));
	assert_int_equal(r.nweeks, 12);
	assert_int_equal(r.nthemes, 0);
	lcm_report_release(&r);
	lcm_report_src_release(&src);
	lcm_store_close(&st);
}

static void
test_report_slug_of_keys(void **state)
{
	static const char *const cases[][2] = {
		{ "Groupe A", "groupe-a" },
		{ "ann.lee@example.org", "ann-lee-example-org" },
		{ "\xc3\x89quipe  \xc3\xa9t\xc3\xa9 -- 2026", "equipe-ete-2026" },
		{ "---", "none" },
		{ "\xe6\x97\xa5\xe6\x9c\xac", "none" },
	};
	char *s;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		s = lcm_report_slug(cases[i][0]);
		assert_string_equal(s, cases[i][1]);
		free(s);
	}
	s = lcm_report_slug(NULL);
	assert_string_equal(s, "none");
	free(s);
}

static void
test_report_slug_cut_at_60(void **state)
{
	char key[200], *s;

	(void)state;
	memset(key, 'x', sizeof(key) - 1);
	key[sizeof(key) - 1] = '\0';
	s = lcm_report_slug(key);
	assert_int_equal(strlen(s), 60);
	free(s);
}

static void
test_report_parse_names(void **state)
{
	enum lcm_report_split sp;
	enum lcm_report_format f;

	(void)state;
	assert_int_equal(lcm_report_split_parse("manager", &sp), 0);
	assert_int_equal(sp, LCM_SPLIT_MANAGER);
	assert_int_equal(lcm_report_split_parse("team", &sp), -1);
	assert_int_equal(lcm_report_format_parse("md", &f), 0);
	assert_int_equal(f, LCM_REPORT_MD);
	assert_int_equal(lcm_report_format_parse("pdf", &f), -1);
	assert_int_equal(lcm_report_format_of_path("out/week.html", &f), 0);
	assert_int_equal(f, LCM_REPORT_HTML);
	assert_int_equal(lcm_report_format_of_path("x.json", &f), 0);
	assert_int_equal(f, LCM_REPORT_JSON);
	assert_int_equal(lcm_report_format_of_path("report", &f), -1);
	assert_int_equal(lcm_report_format_of_path(".md", &f), -1);
	assert_string_equal(lcm_report_format_ext(LCM_REPORT_TEXT), "txt");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define F(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
		F(test_report_make_headline_counts),
		F(test_report_make_headline_rates),
		F(test_report_make_periods),
		F(test_report_make_first_reply_bins),
		F(test_report_make_weeks),
		F(test_report_make_at_risk_and_praise),
		F(test_report_make_network),
		F(test_report_make_forums_and_threads),
		F(test_report_make_open_threads),
		F(test_report_make_resources),
		F(test_report_make_themes),
		F(test_report_make_unknown_group),
		cmocka_unit_test(test_report_make_top_limits_lists),
		cmocka_unit_test(test_report_make_split_by_manager),
		cmocka_unit_test(test_report_make_split_by_course),
		cmocka_unit_test(test_report_make_pseudonymizes),
		F(test_report_make_recognition),
		cmocka_unit_test(test_report_make_recognition_whole_only),
		cmocka_unit_test(test_report_make_links_threads),
		cmocka_unit_test(test_report_load_refuses_reversed_period),
		cmocka_unit_test(test_report_make_empty_store),
		cmocka_unit_test(test_report_make_boundary_in_one_period),
		cmocka_unit_test(test_report_slug_of_keys),
		cmocka_unit_test(test_report_slug_cut_at_60),
		cmocka_unit_test(test_report_parse_names),
#undef F
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
