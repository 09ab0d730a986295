/*
 * test_pathway.c - unit tests for lib/pathway*.c: choosing, ordering
 * and scheduling bricks, learners and scores files, the store, output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalogue.h"
#include "pathway.h"
#include "pseudo.h"
#include "store.h"
#include "value.h"
#include "xalloc.h"

#define HEAD "id,title,format,duration_min,level,skills,prereqs,language,url,remedial\n"

/* A catalogue, options, one learner and a plan per test. */
struct fx {
	struct lcm_catalogue c;
	struct lcm_plan_opts o;
	struct lcm_strlist goals, prefer;
	struct lcm_learners ls;
	struct lcm_learner *l;
	struct lcm_plan plan;
	struct lcm_err err;
};

static int
setup(void **state)
{
	struct fx *x = calloc(1, sizeof(*x));

	if (!x)
		return -1;
	lcm_catalogue_init(&x->c);
	lcm_learners_init(&x->ls);
	lcm_err_init(&x->err);
	x->o.budget = 120;
	x->o.goals = &x->goals;
	x->o.prefer = &x->prefer;
	x->l = lcm_learners_get(&x->ls, "u1");
	*state = x;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *x = *state;

	lcm_plan_release(&x->plan);
	lcm_learners_release(&x->ls);
	lcm_catalogue_release(&x->c);
	lcm_strlist_release(&x->goals);
	lcm_strlist_release(&x->prefer);
	free(x);
	return 0;
}

/* The catalogue from CSV rows (after HEAD). */
static void
cat(struct fx *x, const char *rows)
{
	char text[4096];

	snprintf(text, sizeof(text), "%s%s", HEAD, rows);
	assert_int_equal(lcm_catalogue_read_mem(&x->c, text, strlen(text), "t.csv",
						&x->err), 0);
}

/* Plans for learner l of x; must succeed. */
static void
plan(struct fx *x, const struct lcm_learner *l)
{
	struct lcm_planner *p = lcm_planner_new(&x->c, &x->o);

	assert_int_equal(lcm_planner_plan(p, l, &x->plan, &x->err), 0);
	lcm_planner_free(p);
}

/* The plan as "ID:reason:about ..." for compact comparisons. */
static const char *
steps(struct fx *x)
{
	static char out[1024];
	static const char *const r[] = { "goal", "pre", "rem", "unmet" };
	size_t i, n = 0;

	out[0] = '\0';
	for (i = 0; i < x->plan.n; i++) {
		const struct lcm_step *s = &x->plan.v[i];

		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s:%s:%s", i ? " " : "",
				      s->brick == LCM_CAT_NONE ? "-" : x->c.b[s->brick].id,
				      r[s->reason], s->about ? s->about : "");
	}
	return out;
}

static void
test_planner_plan_diamond(void **state)
{
	struct fx *x = *state;

	cat(x, "D,d,v,10,3,top,B;C,,,\nC,c,v,10,2,,A,,,\nB,b,v,10,2,,A,,,\n"
	    "A,a,v,10,1,,,,,\n");
	lcm_strlist_split(&x->l->goals, "top", ';');
	plan(x, x->l);
	/* A once, before B and C; B before C by id; A for the first needing it */
	assert_string_equal(steps(x), "A:pre:B B:pre:D C:pre:D D:goal:top");
}

static void
test_planner_plan_completed_prereq_not_walked(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,v,10,1,,,,,\nB,b,v,10,1,,A,,,\nC,c,v,10,2,top,B,,,\n");
	lcm_strlist_split(&x->l->goals, "top", ';');
	lcm_strlist_split(&x->l->completed, "B", ';');
	plan(x, x->l);
	/* B done: neither B nor its own prerequisite A */
	assert_string_equal(steps(x), "C:goal:top");
}

static void
test_planner_plan_completed_goal_brick_dropped(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,v,10,1,s,,,,\nB,b,v,10,1,s,,,,\n");
	lcm_strlist_split(&x->l->goals, "s", ';');
	lcm_strlist_split(&x->l->completed, "A", ';');
	plan(x, x->l);
	/* level 1 of s is done and nothing is above: the goal is met */
	assert_string_equal(steps(x), "");
}

static void
test_planner_plan_next_level_above_done(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,v,10,1,s,,,,\nB,b,v,10,2,s,A,,,\nC,c,v,5,3,s,B,,,\nD,d,v,1,1,s,,,,\n");
	lcm_strlist_split(&x->l->goals, "s", ';');
	lcm_strlist_split(&x->l->completed, "A", ';');
	plan(x, x->l);
	/* level 2 is next; D, shorter, is at level 1, already done */
	assert_string_equal(steps(x), "B:goal:s");
}

static void
test_planner_plan_language_before_format(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,video,10,1,s,,en,,\nB,b,article,10,1,s,,fr-FR,,\n");
	lcm_strlist_split(&x->l->goals, "s", ';');
	lcm_strlist_split(&x->l->formats, "video", ';');
	x->l->language = lcm_xstrdup("fr");
	plan(x, x->l);
	assert_string_equal(steps(x), "B:goal:s");
}

static void
test_planner_plan_format_before_level(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,article,10,1,s,,,,\nB,b,Video,10,2,s,,,,\n");
	lcm_strlist_split(&x->l->goals, "s", ';');
	lcm_strlist_split(&x->l->formats, "video;article", ';');
	plan(x, x->l);
	assert_string_equal(steps(x), "B:goal:s");
}

static void
test_planner_plan_level_before_duration(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,v,90,1,s,,,,\nB,b,v,10,2,s,,,,\n");
	lcm_strlist_split(&x->l->goals, "s", ';');
	plan(x, x->l);
	assert_string_equal(steps(x), "A:goal:s");
}

static void
test_planner_plan_duration_then_id(void **state)
{
	struct fx *x = *state;

	cat(x, "C,c,v,20,1,s,,,,\nB,b,v,10,1,s,,,,\nA,a,v,10,1,s,,,,\n");
	lcm_strlist_split(&x->l->goals, "s", ';');
	plan(x, x->l);
	assert_string_equal(steps(x), "A:goal:s");
}

static void
test_planner_plan_defaults_from_options(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,article,10,1,s,,,,\nB,b,video,10,1,s,,,,\nC,c,v,10,1,t,,,,\n");
	lcm_strlist_split(&x->goals, "s", ';');
	lcm_strlist_split(&x->prefer, "video", ';');
	plan(x, x->l);
	assert_string_equal(steps(x), "B:goal:s");
	/* a learner's own goals win over the option's */
	lcm_strlist_split(&x->l->goals, "t", ';');
	plan(x, x->l);
	assert_string_equal(steps(x), "C:goal:t");
}

static void
test_planner_plan_order_ties(void **state)
{
	struct fx *x = *state;

	cat(x, "L2,a,v,5,2,a,,,,\nI,b,v,50,1,b,,,,\nS,c,v,10,1,c,,,,\nT,d,v,10,1,d,,,,\n");
	lcm_strlist_split(&x->l->goals, "a;b;c;d", ';');
	lcm_strlist_split(&x->l->interests, "b", ';');
	plan(x, x->l);
	/* level first, then interest (I), then duration, then id */
	assert_string_equal(steps(x), "I:goal:b S:goal:c T:goal:d L2:goal:a");
}

static void
test_planner_plan_one_brick_two_goals(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,v,5,1,s;t,,,,\n");
	lcm_strlist_split(&x->l->goals, "s;t", ';');
	x->o.explain = 1;
	plan(x, x->l);
	assert_string_equal(steps(x), "A:goal:s");
	assert_string_equal(x->plan.v[0].why, "teaches 's'; also teaches 't'");
}

static void
test_planner_plan_held_skill(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,v,5,1,s,,,,\n");
	lcm_strlist_split(&x->l->goals, "s", ';');
	lcm_strlist_split(&x->l->has, "s", ';');
	plan(x, x->l);
	assert_int_equal(x->plan.n, 0);
}

static void
test_planner_plan_unmet_last(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,v,5,1,s,,,,\n");
	lcm_strlist_split(&x->l->goals, "nope;s", ';');
	plan(x, x->l);
	assert_string_equal(steps(x), "A:goal:s -:unmet:nope");
	assert_int_equal(x->plan.v[1].step, 0);
	assert_int_equal(x->plan.v[1].week, 0);
}

static void
test_planner_plan_remedial_band(void **state)
{
	struct fx *x = *state;

	cat(x, "Q,q,quiz,5,1,s,,,,\"0-0.4:R1,R2;0.4-0.7:R3\"\nR1,r,v,5,1,,P,,,\n"
	    "R2,r,v,5,1,,,,,\nR3,r,v,5,1,,,,,\nP,p,v,5,0,,,,,\n");
	lcm_strlist_split(&x->l->completed, "Q;R2", ';');
	lcm_learner_score(x->l, "Q", 0.3);
	plan(x, x->l);
	/* R2 is done; R1 brings its prerequisite */
	assert_string_equal(steps(x), "P:pre:R1 R1:rem:Q");
}

static void
test_planner_plan_remedial_other_band(void **state)
{
	struct fx *x = *state;

	cat(x, "Q,q,quiz,5,1,s,,,,\"0-0.4:R1;0.4-0.7:R3\"\nR1,r,v,5,1,,,,,\nR3,r,v,5,1,,,,,\n");
	lcm_learner_score(x->l, "Q", 0.9);
	lcm_learner_score(x->l, "Q", 0.4);	/* a later score replaces */
	lcm_learner_score(x->l, "Z", 0.1);	/* no such brick */
	plan(x, x->l);
	assert_string_equal(steps(x), "R3:rem:Q");
}

static void
test_planner_plan_no_band(void **state)
{
	struct fx *x = *state;

	cat(x, "Q,q,quiz,5,1,s,,,,0-0.4:R1\nR1,r,v,5,1,,,,,\n");
	lcm_learner_score(x->l, "Q", 0.8);
	plan(x, x->l);
	assert_int_equal(x->plan.n, 0);
}

static void
test_planner_plan_cycle_fails(void **state)
{
	struct fx *x = *state;
	struct lcm_planner *p;

	cat(x, "A,a,v,5,1,s,B,,,\nB,b,v,5,1,,A,,,\n");
	lcm_strlist_split(&x->l->goals, "s", ';');
	p = lcm_planner_new(&x->c, &x->o);
	assert_int_equal(lcm_planner_plan(p, x->l, &x->plan, &x->err), -1);
	assert_string_equal(x->err.msg,
			    "learner 'u1': the prerequisites of the pathway make a cycle");
	lcm_planner_free(p);
}

static void
test_planner_plan_learners_do_not_leak(void **state)
{
	struct fx *x = *state;
	struct lcm_learner *b;
	struct lcm_planner *p;

	cat(x, "A,a,v,5,1,,,,,\nB,b,v,5,2,s,A,,,\n");
	b = lcm_learners_get(&x->ls, "u2");
	x->l = &x->ls.v[0];	/* get may have moved the array */
	lcm_strlist_split(&x->l->goals, "s", ';');
	lcm_strlist_split(&x->l->completed, "A", ';');
	lcm_strlist_split(&b->goals, "s", ';');
	p = lcm_planner_new(&x->c, &x->o);
	assert_int_equal(lcm_planner_plan(p, x->l, &x->plan, &x->err), 0);
	assert_string_equal(steps(x), "B:goal:s");
	assert_int_equal(lcm_planner_plan(p, b, &x->plan, &x->err), 0);
	assert_string_equal(steps(x), "A:pre:B B:goal:s");
	assert_int_equal(lcm_planner_plan(p, x->l, &x->plan, &x->err), 0);
	assert_string_equal(steps(x), "B:goal:s");
	lcm_planner_free(p);
}

static void
test_planner_plan_deterministic(void **state)
{
	struct fx *x = *state;
	char first[1024];

	cat(x, "A,a,v,5,1,x,,,,\nB,b,v,5,1,y,,,,\nC,c,v,5,1,z,A;B,,,\nD,d,v,5,1,w,A,,,\n");
	lcm_strlist_split(&x->l->goals, "z;w", ';');
	plan(x, x->l);
	snprintf(first, sizeof(first), "%s", steps(x));
	plan(x, x->l);
	assert_string_equal(steps(x), first);
	assert_string_equal(first, "A:pre:C B:pre:C C:goal:z D:goal:w");
}

static void
test_planner_plan_explain(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,video,30,2,s,P,fr,,\nB,b,video,30,2,s,,en,,\nC,c,article,30,2,s,,fr,,\n"
	    "D,d,video,60,2,s,,fr,,\nE,e,video,30,3,s,,fr,,\nF,f,video,30,1,s,,fr,,\n"
	    "G,g,video,30,1,s,,fr,,\nP,p,v,5,0,,,,,\n");
	lcm_strlist_split(&x->l->goals, "s", ';');
	lcm_strlist_split(&x->l->formats, "video", ';');
	lcm_strlist_split(&x->l->completed, "F", ';');
	x->l->language = lcm_xstrdup("fr");
	x->o.explain = 1;
	plan(x, x->l);
	assert_string_equal(steps(x), "P:pre:A A:goal:s");
	assert_string_equal(x->plan.v[0].why, "required by A");
	assert_string_equal(x->plan.v[1].why, "teaches 's' (level 1 done); passed over: "
			    "B (language en, not fr), C (format article, less preferred), "
			    "D (60 min, longer), E (level 3, further up), "
			    "F (completed), G (level 1, not above the level done)");
}

static void
test_plan_schedule_weeks(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,v,60,1,a,,,,\nB,b,v,50,1,b,,,,\nC,c,v,30,1,c,,,,\nD,d,v,0,1,d,,,,\n"
	    "E,e,v,200,2,e,,,,\nF,f,v,10,3,f,,,,\n");
	lcm_strlist_split(&x->l->goals, "a;b;c;d;e;f", ';');
	x->l->budget = 100;
	plan(x, x->l);
	/* order: D(0) C(30) B(50) A(60) E(200) F(10) */
	assert_string_equal(steps(x), "D:goal:d C:goal:c B:goal:b A:goal:a E:goal:e F:goal:f");
	assert_int_equal(x->plan.v[0].week, 1);
	assert_int_equal(x->plan.v[1].week, 1);
	assert_int_equal(x->plan.v[2].week, 1);
	assert_int_equal(x->plan.v[3].week, 2);
	/* too long for a week: one of its own, flagged; the next starts anew */
	assert_int_equal(x->plan.v[4].week, 3);
	assert_true(x->plan.v[4].over_budget);
	assert_false(x->plan.v[3].over_budget);
	assert_int_equal(x->plan.v[5].week, 4);
	assert_int_equal(x->plan.v[5].step, 6);
	assert_int_equal(x->plan.weeks, 4);
	assert_int_equal(x->plan.minutes, 350);
	assert_int_equal(x->plan.budget, 100);
}

static void
test_plan_schedule_over_budget_first(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,v,150,1,a,,,,\nB,b,v,10,2,b,,,,\n");
	lcm_strlist_split(&x->l->goals, "a;b", ';');
	plan(x, x->l);
	assert_int_equal(x->plan.v[0].week, 1);
	assert_int_equal(x->plan.v[1].week, 2);
}

static void
test_plan_schedule_weeks_limit(void **state)
{
	struct fx *x = *state;

	cat(x, "A,a,v,60,1,a,,,,\nB,b,v,60,2,b,,,,\nC,c,v,60,3,c,,,,\n");
	lcm_strlist_split(&x->l->goals, "a;b;c;zz", ';');
	x->o.budget = 60;
	x->o.weeks = 2;
	x->o.explain = 1;
	plan(x, x->l);
	/* C is left out; the unmet goal stays */
	assert_string_equal(steps(x), "A:goal:a B:goal:b -:unmet:zz");
	assert_int_equal(x->plan.left_out, 1);
	assert_int_equal(x->plan.weeks, 2);
	assert_int_equal(x->plan.minutes, 120);
}

static void
test_learners_read_csv(void **state)
{
	struct fx *x = *state;
	const char *csv = "Person,name,goals,completed,budget,formats,language,posts\n"
		"u9,Ana,a;b,B1,90,video;quiz,fr,12\nu8,,,,,,,3\nu9,,c,B2,,,,1\n";
	FILE *fp = fmemopen((void *)csv, strlen(csv), "r");
	struct lcm_learner *l;

	assert_int_equal(lcm_learners_read_csv(&x->ls, fp, "l.csv", &x->err), 0);
	fclose(fp);
	assert_int_equal(x->ls.n, 3);	/* u1 of setup, u9, u8 */
	l = lcm_learners_find(&x->ls, "u9");
	assert_non_null(l);
	assert_string_equal(l->name, "Ana");
	assert_int_equal(l->goals.n, 3);	/* rows of one learner add up */
	assert_int_equal(l->completed.n, 2);
	assert_int_equal(l->budget, 90);
	assert_string_equal(l->formats.v[1], "quiz");
	assert_string_equal(l->language, "fr");
	assert_int_equal(l->line, 2);
	assert_true(l->given & LCM_L_GOALS);
	l = lcm_learners_find(&x->ls, "u8");
	assert_null(l->name);
	assert_false(l->given & LCM_L_GOALS);
}

static void
test_learners_read_csv_no_id_column(void **state)
{
	struct fx *x = *state;
	const char *csv = "name,goals\nAna,a\n";
	FILE *fp = fmemopen((void *)csv, strlen(csv), "r");

	assert_int_equal(lcm_learners_read_csv(&x->ls, fp, "l.csv", &x->err), -1);
	fclose(fp);
	assert_string_equal(x->err.msg, "no column 'learner' in the header");
	assert_int_equal(x->err.line, 1);
}

static void
test_learners_read_csv_bad_budget(void **state)
{
	struct fx *x = *state;
	const char *csv = "learner,budget\nu2,60\nu3,2h\n";
	FILE *fp = fmemopen((void *)csv, strlen(csv), "r");

	assert_int_equal(lcm_learners_read_csv(&x->ls, fp, "l.csv", &x->err), -1);
	fclose(fp);
	assert_string_equal(x->err.msg, "column 'budget': not minutes from 1 to 10080: '2h'");
	assert_string_equal(x->err.file, "l.csv");
	assert_int_equal(x->err.line, 3);
}

static void
test_scores_read_csv(void **state)
{
	struct fx *x = *state;
	const char *csv = "person,item,state,score\nu1,Q,completed,0.25\nu7,Q,completed,0.1\n"
		"u1,R,started,\nu1,Q,completed,0.5\n";
	FILE *fp = fmemopen((void *)csv, strlen(csv), "r");

	assert_int_equal(lcm_scores_read_csv(&x->ls, fp, "s.csv", &x->err), 0);
	fclose(fp);
	/* u7 is not planned for; R has no score; the later Q wins */
	assert_int_equal(x->l->nscores, 1);
	assert_string_equal(x->l->scores[0].item, "Q");
	assert_true(x->l->scores[0].score == 0.5);
	assert_null(lcm_learners_find(&x->ls, "u7"));
}

static void
test_scores_read_csv_bad_score(void **state)
{
	struct fx *x = *state;
	const char *csv = "learner,item,score\nu1,Q,1.2\n";
	FILE *fp = fmemopen((void *)csv, strlen(csv), "r");

	assert_int_equal(lcm_scores_read_csv(&x->ls, fp, "s.csv", &x->err), -1);
	fclose(fp);
	assert_string_equal(x->err.msg, "column 'score': not a number from 0 to 1: '1.2'");
	assert_int_equal(x->err.line, 2);
}

static void
test_state_is_done(void **state)
{
	(void)state;
	assert_true(lcm_state_is_done("completed"));
	assert_true(lcm_state_is_done("Completed (achieved pass grade)"));
	assert_true(lcm_state_is_done("passed"));
	assert_false(lcm_state_is_done("Not completed"));
	assert_false(lcm_state_is_done("failed"));
	assert_false(lcm_state_is_done(NULL));
}

static void
test_learners_load_store(void **state)
{
	struct fx *x = *state;
	struct lcm_store st;
	struct lcm_learner *l;

	assert_int_equal(lcm_store_open(&st, ":memory:", LCM_STORE_CREATE, 0, &x->err), 0);
	assert_int_equal(lcm_store_exec(&st,
		"INSERT INTO person(id, platform, external_id, name, role) VALUES"
		" (1,'lcm','u2','Marc','learner'),(2,'lcm','u3','Thi','learner'),"
		" (3,'lcm','u4','Zoé','staff'),(4,'lcm','u1','Ana','learner');"
		"INSERT INTO item(id, platform, external_id) VALUES (1,'lcm','B1'),(2,'lcm','B2');"
		"INSERT INTO person_skill VALUES (1,'retro','goal'),(1,'kanban','interest'),"
		" (1,'scrum','has'),(3,'x','goal'),(4,'y','goal');"
		"INSERT INTO completion VALUES (1,1,'completed',1,0.9),(1,2,'failed',2,0.3);",
		&x->err), 0);
	/* u1 came from a file with goals of its own: the store's are not added */
	lcm_strlist_split(&x->l->goals, "mine", ';');
	x->l->given |= LCM_L_GOALS;
	assert_int_equal(lcm_learners_load_store(&x->ls, &st, LCM_LOAD_ADD, NULL, &x->err), 0);
	lcm_store_close(&st);
	/* u2 has a goal; u3 has none; u4 is staff */
	assert_int_equal(x->ls.n, 2);
	l = lcm_learners_find(&x->ls, "u2");
	assert_non_null(l);
	assert_string_equal(l->name, "Marc");
	assert_string_equal(l->goals.v[0], "retro");
	assert_string_equal(l->interests.v[0], "kanban");
	assert_string_equal(l->has.v[0], "scrum");
	assert_int_equal(l->completed.n, 1);	/* failed is not done */
	assert_int_equal(l->nscores, 2);
	l = lcm_learners_find(&x->ls, "u1");
	assert_string_equal(l->name, "Ana");
	assert_int_equal(l->goals.n, 1);
	assert_string_equal(l->goals.v[0], "mine");
}

/* A store of two platforms: u2 on lcm and on moodle, u5 on moodle. */
static void
two_platforms(struct fx *x, struct lcm_store *st)
{
	assert_int_equal(lcm_store_open(st, ":memory:", LCM_STORE_CREATE, 0, &x->err), 0);
	assert_int_equal(lcm_store_exec(st,
		"INSERT INTO person(id, platform, external_id, name, role) VALUES"
		" (1,'moodle','u2','Marc M','learner'),(2,'lcm','u2','Marc L','learner'),"
		" (3,'moodle','u5','Léa','learner');"
		"INSERT INTO person_skill VALUES (1,'m','goal'),(2,'l','goal'),(3,'x','goal');",
		&x->err), 0);
}

static void
test_learners_load_store_several_platforms_named_as_engage(void **state)
{
	struct fx *x = *state;
	struct lcm_store st;
	struct lcm_learner *l;

	two_platforms(x, &st);
	assert_int_equal(lcm_learners_load_store(&x->ls, &st, LCM_LOAD_ADD, NULL, &x->err), 0);
	lcm_store_close(&st);
	/* u1 of the fixture, then the store's as lcm-engage prints them */
	assert_int_equal(x->ls.n, 4);
	l = lcm_learners_find(&x->ls, "lcm:u2");
	assert_non_null(l);
	assert_int_equal(l->person, 2);
	assert_string_equal(l->key, "lcm:u2");
	assert_string_equal(l->goals.v[0], "l");
	assert_non_null(lcm_learners_find(&x->ls, "moodle:u2"));
	assert_null(lcm_learners_find(&x->ls, "u2"));
	assert_int_equal(x->l->person, 0);
	assert_null(x->l->key);
}

static void
test_learners_load_store_key_before_external_id(void **state)
{
	struct fx *x = *state;
	struct lcm_store st;
	struct lcm_learner *bare, *keyed;

	lcm_learners_get(&x->ls, "u2");
	lcm_learners_get(&x->ls, "lcm:u2");
	two_platforms(x, &st);
	assert_int_equal(lcm_learners_load_store(&x->ls, &st, 0, NULL, &x->err), 0);
	lcm_store_close(&st);
	bare = lcm_learners_find(&x->ls, "u2");
	keyed = lcm_learners_find(&x->ls, "lcm:u2");
	/* a bare id is the first stored person with it */
	assert_int_equal(bare->person, 1);
	assert_string_equal(bare->name, "Marc M");
	assert_string_equal(bare->goals.v[0], "m");
	assert_int_equal(keyed->person, 2);
	assert_string_equal(keyed->name, "Marc L");
	assert_int_equal(keyed->goals.n, 1);
	assert_string_equal(keyed->goals.v[0], "l");
}

static void
test_learners_load_store_finds_pseudonyms(void **state)
{
	struct fx *x = *state;
	struct lcm_store st;
	struct lcm_learner *l;
	char p[LCM_PSEUDO_LEN + 1];
	const char *key = "0123456789abcdef";

	lcm_pseudonym(key, "moodle:u5", p);
	lcm_learners_get(&x->ls, p);
	two_platforms(x, &st);
	assert_int_equal(lcm_learners_load_store(&x->ls, &st, 0, key, &x->err), 0);
	lcm_store_close(&st);
	l = lcm_learners_find(&x->ls, p);
	assert_int_equal(l->person, 3);
	assert_string_equal(l->key, "moodle:u5");
	assert_string_equal(l->goals.v[0], "x");
	/* without the key, a pseudonym is nobody */
	lcm_learners_release(&x->ls);
	lcm_learners_get(&x->ls, p);
	two_platforms(x, &st);
	assert_int_equal(lcm_learners_load_store(&x->ls, &st, 0, NULL, &x->err), 0);
	lcm_store_close(&st);
	assert_int_equal(lcm_learners_find(&x->ls, p)->person, 0);
}

static void
test_learners_pseudonymize(void **state)
{
	struct fx *x = *state;
	struct lcm_learner *known = lcm_learners_get(&x->ls, "u2");
	char want[LCM_PSEUDO_LEN + 1], other[LCM_PSEUDO_LEN + 1];
	const char *key = "0123456789abcdef";

	known->key = lcm_xstrdup("moodle:u2");
	known->name = lcm_xstrdup("Marc");
	lcm_learners_get(&x->ls, "0123456789abcdef");	/* unknown, pseudonym-like */
	assert_int_equal(lcm_learners_pseudonymize(&x->ls, key), 1);
	/* known: the pseudonym of its key, as lcm-engage; unknown: of its id */
	lcm_pseudonym(key, "moodle:u2", want);
	assert_string_equal(x->ls.v[1].id, want);
	assert_null(x->ls.v[1].name);
	lcm_pseudonym(key, "u1", other);
	assert_string_equal(x->ls.v[0].id, other);
	lcm_pseudonym(key, "0123456789abcdef", other);
	assert_string_equal(x->ls.v[2].id, other);
	/* both ids find the learner */
	assert_ptr_equal(lcm_learners_find(&x->ls, "u2"), &x->ls.v[1]);
	assert_ptr_equal(lcm_learners_find(&x->ls, want), &x->ls.v[1]);
}

static void
test_is_pseudonym(void **state)
{
	(void)state;
	assert_true(lcm_is_pseudonym("0123456789abcdef"));
	assert_false(lcm_is_pseudonym("0123456789ABCDEF"));
	assert_false(lcm_is_pseudonym("0123456789abcde"));
	assert_false(lcm_is_pseudonym("0123456789abcdefa"));
	assert_false(lcm_is_pseudonym("lcm:f02"));
}

/* The output of one learner's plan in format f, into out. */
static void
render(struct fx *x, enum lcm_pathway_format f, int explain, char *out, size_t size)
{
	FILE *fp = fmemopen(out, size, "w");
	struct lcm_pathway_out *o = lcm_pathway_out_new(fp, f, explain, 0);

	lcm_pathway_out_learner(o, &x->c, x->l, &x->plan);
	lcm_pathway_out_end(o);
	lcm_pathway_out_free(o);
	fclose(fp);
}

static void
test_pathway_out_json_nests_steps(void **state)
{
	struct fx *x = *state;
	char out[2048];

	cat(x, "A,\"Un \"\"titre\"\"\",video,30,1,s,,,https://x/a,\n");
	lcm_strlist_split(&x->l->goals, "s;zz", ';');
	plan(x, x->l);
	render(x, LCM_PW_JSON, 0, out, sizeof(out));
	assert_string_equal(out, "[\n{\"learner\":\"u1\",\"name\":null,\"budget\":120,"
		"\"weeks\":1,\"minutes\":30,\"left_out\":0,\"steps\":[{\"step\":1,\"week\":1,"
		"\"item\":\"A\",\"title\":\"Un \\\"titre\\\"\",\"format\":\"video\","
		"\"duration_min\":30,\"reason\":\"goal:s\",\"url\":\"https://x/a\","
		"\"over_budget\":false},{\"step\":null,\"week\":null,\"item\":null,"
		"\"title\":null,\"format\":null,\"duration_min\":null,\"reason\":\"unmet:zz\","
		"\"url\":null,\"over_budget\":false}]}\n]\n");
}

static void
test_pathway_out_md(void **state)
{
	struct fx *x = *state;
	char out[2048];

	cat(x, "A,Un | titre,video,30,1,s,,,https://x/a b,\n");
	lcm_strlist_split(&x->l->goals, "s", ';');
	x->l->name = lcm_xstrdup("Ana");
	plan(x, x->l);
	render(x, LCM_PW_MD, 0, out, sizeof(out));
	assert_string_equal(out, "## u1 \xe2\x80\x94 Ana\n\n1 brick, 30 min in 1 week of 120 min.\n\n"
		"| step | week | brick | format | min | reason |\n"
		"| ---: | ---: | --- | --- | ---: | --- |\n"
		"| 1 | 1 | [A Un \\| titre](<https://x/a%20b>) | video | 30 | goal:s |\n");
}

static void
test_pathway_out_csv_rows(void **state)
{
	struct fx *x = *state;
	char out[2048];

	cat(x, "P,p,v,5,0,,,,,\nA,a,video,30,1,s,P,,,\n");
	lcm_strlist_split(&x->l->goals, "s", ';');
	x->o.explain = 1;
	plan(x, x->l);
	render(x, LCM_PW_CSV, 1, out, sizeof(out));
	assert_string_equal(out,
		"learner,step,week,item,title,format,duration_min,reason,url,why\n"
		"u1,1,1,P,p,v,5,prerequisite-of:A,,required by A\n"
		"u1,2,1,A,a,video,30,goal:s,,teaches 's'\n");
}

static void
test_pathway_format_parse(void **state)
{
	enum lcm_pathway_format f;

	(void)state;
	assert_int_equal(lcm_pathway_format_parse("md", &f), 0);
	assert_int_equal(f, LCM_PW_MD);
	assert_int_equal(lcm_pathway_format_parse("ndjson", &f), 0);
	assert_int_equal(f, LCM_PW_NDJSON);
	assert_int_equal(lcm_pathway_format_parse("html", &f), -1);
	assert_int_equal(lcm_pathway_format_parse(NULL, &f), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_planner_plan_diamond),
		T(test_planner_plan_completed_prereq_not_walked),
		T(test_planner_plan_completed_goal_brick_dropped),
		T(test_planner_plan_next_level_above_done),
		T(test_planner_plan_language_before_format),
		T(test_planner_plan_format_before_level),
		T(test_planner_plan_level_before_duration),
		T(test_planner_plan_duration_then_id),
		T(test_planner_plan_defaults_from_options),
		T(test_planner_plan_order_ties),
		T(test_planner_plan_one_brick_two_goals),
		T(test_planner_plan_held_skill),
		T(test_planner_plan_unmet_last),
		T(test_planner_plan_remedial_band),
		T(test_planner_plan_remedial_other_band),
		T(test_planner_plan_no_band),
		T(test_planner_plan_cycle_fails),
		T(test_planner_plan_learners_do_not_leak),
		T(test_planner_plan_deterministic),
		T(test_planner_plan_explain),
		T(test_plan_schedule_weeks),
		T(test_plan_schedule_over_budget_first),
		T(test_plan_schedule_weeks_limit),
		T(test_learners_read_csv),
		T(test_learners_read_csv_no_id_column),
		T(test_learners_read_csv_bad_budget),
		T(test_scores_read_csv),
		T(test_scores_read_csv_bad_score),
		T(test_learners_load_store),
		T(test_learners_load_store_several_platforms_named_as_engage),
		T(test_learners_load_store_key_before_external_id),
		T(test_learners_load_store_finds_pseudonyms),
		T(test_learners_pseudonymize),
		T(test_pathway_out_json_nests_steps),
		T(test_pathway_out_md),
		T(test_pathway_out_csv_rows),
#undef T
		cmocka_unit_test(test_state_is_done),
		cmocka_unit_test(test_pathway_format_parse),
		cmocka_unit_test(test_is_pseudonym),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
