/*
 * test_milestones.c - the ladder file, every milestone rule (crossed once,
 * at the right post, in half-open periods) and the record of what was
 * shown, on the community of recognition_community.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "milestones.h"
#include "recognition_community.h"

/* One rule per count, thresholds the community reaches. */
static const char ladder[] =
	"# every count once\n"
	"first   posts          1\n"
	"peer    peer_replies   1\n"
	"ans     answers        2   # the second answer\n"
	"acc     accepted       1\n"
	"streak  weeks_in_a_row 3\n"
	"\n"
	"back    days_away      30\n"
	"cp      course_posts   3\n"
	"posters course_posters 2\n";

struct fixture {
	struct lcm_store st;
	struct lcm_engage e;
	struct lcm_ladder l;
	struct lcm_milestones ms;
};

/* The community (and more_sql, may be NULL) under ladder l, found. */
static struct fixture *
find_with(int64_t since, int64_t until, const char *more_sql, const char *l)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct lcm_engage_opts o = { 0 };
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&f->st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	if (lcm_store_exec(&f->st, recognition_community, &err) < 0 ||
	    (more_sql && lcm_store_exec(&f->st, more_sql, &err) < 0) ||
	    lcm_ladder_parse(l, "ladder", &f->l, &err) < 0)
		fail_msg("%s", err.msg);
	o.since = since;
	o.until = until;
	o.inactive_after = 14 * LCM_DAY;
	if (lcm_engage_load(&f->st, &o, &f->e, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(lcm_milestones_find(&f->st, &f->e, &f->l, &f->ms, &err), 0);
	return f;
}

static struct fixture *
find(int64_t since, int64_t until)
{
	return find_with(since, until, NULL, ladder);
}

static void
done(struct fixture *f)
{
	free(f->ms.m);
	lcm_ladder_release(&f->l);
	lcm_engage_release(&f->e);
	lcm_store_close(&f->st);
	free(f);
}

/* "a:first@2" (person's external id, rule, post id) or "C1:cp@7". */
static const char *
say(const struct fixture *f, size_t i)
{
	static char out[64];
	const struct lcm_milestone *m = &f->ms.m[i];

	snprintf(out, sizeof(out), "%s:%s@%lld",
		 m->person == LCM_NONE ? "C1" : f->e.persons[m->person].key + 4,
		 f->l.r[m->rule].name, (long long)f->e.posts[m->post].id);
	return out;
}

static void
expect(const struct fixture *f, const char *const *want, size_t n)
{
	size_t i;

	for (i = 0; i < f->ms.n && i < n; i++)
		assert_string_equal(say(f, i), want[i]);
	assert_int_equal(f->ms.n, n);
}

static void
test_ladder_default_parses(void **state)
{
	struct lcm_ladder l;
	struct lcm_err err;

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_ladder_parse(lcm_ladder_default, "default", &l, &err), 0);
	assert_int_equal(l.n, 14);
	assert_int_equal(l.r[13].count, LCM_MC_COURSE_ANSWERED_WEEKS);
	assert_int_equal(l.r[6].count, LCM_MC_BRICKS_COMPLETED);
	assert_int_equal(l.r[8].count, LCM_MC_PATHWAY_COMPLETED);
	assert_string_equal(l.r[0].name, "first-post");
	assert_int_equal(l.r[3].count, LCM_MC_ANSWERS);
	assert_int_equal(l.r[3].threshold, 10);
	lcm_ladder_release(&l);
}

static void
test_ladder_bad_lines(void **state)
{
	static const char *const bad[][2] = {
		{ "a posts 1\nb nosuch 2\n", "f:2: not a count" },
		{ "a posts 0\n", "f:1: a threshold is a whole number from 1, found '0'" },
		{ "a posts 1x\n", "f:1: a threshold is a whole number from 1, found '1x'" },
		{ "\n# c\na posts\n", "f:3: a rule is: name count threshold, found 'a'" },
		{ "a posts 1 2\n", "f:1: a rule is: name count threshold, found more: '2'" },
		{ "a posts 1\na accepted 2\n", "f:2: milestone 'a' named twice" },
		{ "# only a comment\n", "f: no milestone in the ladder" },
	};
	struct lcm_ladder l;
	struct lcm_err err;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		lcm_err_init(&err);
		assert_int_equal(lcm_ladder_parse(bad[i][0], "f", &l, &err), -1);
		assert_int_equal(strncmp(err.msg, bad[i][1], strlen(bad[i][1])), 0);
		assert_null(l.r);
	}
}

static void
test_milestones_whole_history(void **state)
{
	/* staff t has none; b's reply to t's p7 is not to a peer */
	static const char *const want[] = {
		"b:first@1", "a:first@2", "a:peer@2", "a:acc@2", "C1:posters@2",
		"C1:cp@7", "b:peer@4", "a:ans@5", "a:streak@5", "a:back@6"
	};
	struct fixture *f = find(INT64_MIN, R_END);

	(void)state;
	expect(f, want, sizeof(want) / sizeof(*want));
	/* the count at the crossing */
	assert_int_equal(f->ms.m[9].value, 33);
	done(f);
}

static void
test_milestones_half_open(void **state)
{
	/* [p2, p5): p2's crossings at since are in, p5's at until are not */
	static const char *const before[] = {
		"a:first@2", "a:peer@2", "a:acc@2", "C1:posters@2", "C1:cp@7", "b:peer@4"
	};
	static const char *const after[] = { "a:ans@5", "a:streak@5", "a:back@6" };
	struct fixture *f = find(R_P2, R_P5);

	(void)state;
	expect(f, before, sizeof(before) / sizeof(*before));
	done(f);
	f = find(R_P5, R_END);
	expect(f, after, sizeof(after) / sizeof(*after));
	done(f);
}

#define MON_9_NOV 1794182400	/* 2026-11-09T00:00:00Z: the week of p1 ends */

/* The weeks every question was answered within: ladder of two thresholds. */
static struct fixture *
find_weeks(int64_t since, int64_t until, const char *more_sql)
{
	return find_with(since, until, more_sql,
			 "aw course_answered_weeks 1\naw2 course_answered_weeks 2\n");
}

/*
 * Week of 2 Nov: b's question p1 answered by a (p2) the next day, the
 * only learner question (t's p7 is staff's): the course's first such
 * week, crossed when the week ends, Monday 9 Nov 00:00, at p2. No second
 * week: the others have no question.
 */
static void
test_milestones_answered_week(void **state)
{
	static const char *const want[] = { "C1:aw@2" };
	struct fixture *f = find_weeks(INT64_MIN, R_END, NULL);

	(void)state;
	expect(f, want, 1);
	assert_int_equal(f->ms.m[0].at, MON_9_NOV);
	assert_int_equal(f->ms.m[0].value, 1);
	assert_int_equal(f->ms.m[0].person, LCM_NONE);
	done(f);
}

/* Half-open: the week's end at until belongs to the next period. */
static void
test_milestones_answered_week_half_open(void **state)
{
	static const char *const want[] = { "C1:aw@2" };
	struct fixture *f = find_weeks(INT64_MIN, MON_9_NOV, NULL);

	(void)state;
	expect(f, want, 0);		/* the week is not over before until */
	done(f);
	f = find_weeks(MON_9_NOV, R_END, NULL);
	expect(f, want, 1);
	done(f);
	f = find_weeks(MON_9_NOV + 1, R_END, NULL);
	expect(f, want, 0);		/* crossed before since */
	done(f);
}

/*
 * A question answered only the week after leaves its week out; one with
 * no answer too; the next good week is the second (aw2).
 */
static void
test_milestones_answered_week_late_answer(void **state)
{
	static const char *const want[] = { "C1:aw@2", "C1:aw2@12" };
	struct fixture *f = find_weeks(INT64_MIN, R_END,
		"INSERT INTO thread(id, forum_id, platform, external_id) VALUES"
		" (4, 1, 'lcm', 'T4'), (5, 1, 'lcm', 'T5'), (6, 1, 'lcm', 'T6');"
		"INSERT INTO post(id, thread_id, parent_id, parent_ext, author_id, platform,"
		" external_id, created, body, words, is_question, accepted) VALUES"
		" (9, 4, NULL, NULL, 2, 'lcm', 'p9', " RT("2026-11-12 10:00") ", 'Q?', 1, 1, 0),"
		" (10, 4, 9, 'p9', 3, 'lcm', 'p10', " RT("2026-11-16 08:00") ", 'A', 1, 0, 0),"
		" (11, 5, NULL, NULL, 3, 'lcm', 'p11', " RT("2026-11-24 10:00") ", 'Q?', 1, 1, 0),"
		" (12, 5, 11, 'p11', 2, 'lcm', 'p12', " RT("2026-11-25 10:00") ", 'A', 1, 0, 0),"
		" (13, 6, NULL, NULL, 2, 'lcm', 'p13', " RT("2026-12-02 10:00") ", 'Q?', 1, 1, 0);");

	(void)state;
	expect(f, want, 2);
	assert_int_equal(f->ms.m[1].at, MON_9_NOV + 21 * LCM_DAY);
	done(f);
}

static void
test_milestones_crossed_once(void **state)
{
	/* until the end of November: p6 is not loaded, a is not back yet; the
	 * counts go on rising after their threshold and cross nothing again */
	struct fixture *f = find(INT64_MIN, R_P5 + 14 * LCM_DAY);
	size_t i, first = 0;

	(void)state;
	assert_int_equal(f->ms.n, 9);
	for (i = 0; i < f->ms.n; i++)
		first += strcmp(say(f, i), "a:first@2") == 0;
	assert_int_equal(first, 1);
	done(f);
}

static void
test_milestones_recorded_once(void **state)
{
	struct fixture *f = find(INT64_MIN, R_END);
	struct lcm_milestones again = { 0 };
	struct lcm_err err;

	(void)state;
	lcm_err_init(&err);
	/* a store without the table has seen nothing */
	assert_int_equal(lcm_milestones_drop_seen(&f->st, &f->e, &f->l, &f->ms, &err), 0);
	assert_int_equal(f->ms.n, 10);
	f->ms.n = 4;	/* shown: the first four */
	assert_int_equal(lcm_milestones_record(&f->st, &f->e, &f->l, &f->ms, R_END, &err), 0);
	/* recording twice adds nothing */
	assert_int_equal(lcm_milestones_record(&f->st, &f->e, &f->l, &f->ms, R_END, &err), 0);
	assert_int_equal(lcm_milestones_find(&f->st, &f->e, &f->l, &again, &err), 0);
	assert_int_equal(lcm_milestones_drop_seen(&f->st, &f->e, &f->l, &again, &err), 0);
	assert_int_equal(again.n, 6);
	free(again.m);
	done(f);
}

/*
 * Bricks: i1 (level 1) and i2 (level 2) teach sql, i3 teaches git. Ana
 * (a) wants sql and git; Ben (b) wants sql and holds git; Tess (staff)
 * completes too. Times: 1, 5, 9 and 12 November.
 */
static const char bricks_sql[] =
	"INSERT INTO item(id, platform, external_id, title, level) VALUES"
	" (1, 'lcm', 'i1', 'SQL 1', 1), (2, 'lcm', 'i2', 'SQL 2', 2),"
	" (3, 'lcm', 'i3', 'Git', NULL), (4, 'lcm', 'i4', 'Other', 0);"
	"INSERT INTO item_skill(item_id, skill) VALUES (1, 'sql'), (2, 'sql'), (3, 'git');"
	"INSERT INTO person_skill(person_id, skill, kind) VALUES (2, 'sql', 'goal'),"
	" (2, 'git', 'goal'), (3, 'sql', 'goal'), (3, 'git', 'goal'), (3, 'git', 'has');"
	"INSERT INTO completion(person_id, item_id, state, ts) VALUES"
	" (2, 1, 'completed', " RT("2026-11-01 10:00") "),"
	" (2, 3, 'Completed (achieved pass grade)', " RT("2026-11-05 10:00") "),"
	" (2, 2, 'passed', " RT("2026-11-09 10:00") "),"
	" (2, 4, 'done', NULL),"
	" (3, 1, 'failed', " RT("2026-11-02 10:00") "),"
	" (3, 2, 'completed', " RT("2026-11-12 10:00") "),"
	" (1, 1, 'completed', " RT("2026-11-01 11:00") ");";

static struct fixture *
find_bricks(int64_t since, int64_t until)
{
	return find_with(since, until, bricks_sql, "one bricks_completed 1\n"
			 "two bricks_completed 2\npath pathway_completed 1\n");
}

/* "a:two@i3": person, rule, the store id of the brick (no post). */
static const char *
say_brick(const struct fixture *f, size_t i)
{
	static char out[64];
	const struct lcm_milestone *m = &f->ms.m[i];

	assert_int_equal(m->post, LCM_NONE);
	snprintf(out, sizeof(out), "%s:%s@i%lld", f->e.persons[m->person].key + 4,
		 f->l.r[m->rule].name, (long long)m->item_id);
	return out;
}

/*
 * Ana: first brick 1 Nov (i1), second 5 Nov (i3, Moodle's state); her
 * pathway when the highest sql brick is done, 9 Nov (i2): i1 alone did
 * not reach sql. Ben: his failed i1 counts nothing; his pathway (git held)
 * on 12 Nov with i2. The completion without a time and staff's: none.
 */
static void
test_milestones_bricks(void **state)
{
	static const char *const want[] = {
		"a:one@i1", "a:two@i3", "a:path@i2", "b:one@i2", "b:path@i2"
	};
	struct fixture *f = find_bricks(INT64_MIN, R_END);
	size_t i;

	(void)state;
	assert_int_equal(f->ms.n, 5);
	for (i = 0; i < f->ms.n; i++)
		assert_string_equal(say_brick(f, i), want[i]);
	assert_int_equal(f->ms.m[2].at, 1794218400);	/* 2026-11-09T10:00Z */
	assert_int_equal(f->ms.m[4].value, 1);
	done(f);
}

/* Half-open: a completion at until is the next period's; counts use the
 * history before since. */
static void
test_milestones_bricks_half_open(void **state)
{
	static const char *const want[] = { "a:path@i2", "b:one@i2", "b:path@i2" };
	struct fixture *f = find_bricks(INT64_MIN, 1794218400);
	size_t i;

	(void)state;
	assert_int_equal(f->ms.n, 2);		/* Ana's two bricks, no pathway yet */
	done(f);
	f = find_bricks(1794218400, R_END);
	assert_int_equal(f->ms.n, 3);
	for (i = 0; i < f->ms.n; i++)
		assert_string_equal(say_brick(f, i), want[i]);
	done(f);
}

/* A goal no brick teaches is never reached: no pathway. */
static void
test_milestones_pathway_unteachable_goal(void **state)
{
	struct fixture *f;
	struct lcm_err err;
	size_t i;

	(void)state;
	lcm_err_init(&err);
	f = find_bricks(INT64_MIN, R_END);
	assert_int_equal(lcm_store_exec(&f->st, "INSERT INTO person_skill VALUES"
					" (2, 'docker', 'goal');", &err), 0);
	free(f->ms.m);
	assert_int_equal(lcm_milestones_find(&f->st, &f->e, &f->l, &f->ms, &err), 0);
	assert_int_equal(f->ms.n, 4);
	for (i = 0; i < f->ms.n; i++)
		assert_string_not_equal(say_brick(f, i), "a:path@i2");
	done(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ladder_default_parses),
		cmocka_unit_test(test_ladder_bad_lines),
		cmocka_unit_test(test_milestones_answered_week),
		cmocka_unit_test(test_milestones_answered_week_half_open),
		cmocka_unit_test(test_milestones_answered_week_late_answer),
		cmocka_unit_test(test_milestones_whole_history),
		cmocka_unit_test(test_milestones_half_open),
		cmocka_unit_test(test_milestones_crossed_once),
		cmocka_unit_test(test_milestones_recorded_once),
		cmocka_unit_test(test_milestones_bricks),
		cmocka_unit_test(test_milestones_bricks_half_open),
		cmocka_unit_test(test_milestones_pathway_unteachable_goal),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
