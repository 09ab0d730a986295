/*
 * test_contributions.c - the score and the choice of the posts worth
 * highlighting, on the community of recognition_community.h.
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

#include "contributions.h"
#include "reaction.h"
#include "recognition_community.h"

struct fixture {
	struct lcm_store st;
	struct lcm_engage e;
	struct lcm_contribution *c;
	size_t n;
};

/* Loads [since, until) (reactions: p3's 3 likes stored) and picks. */
static struct fixture *
pick(int64_t since, int64_t until, int reactions, int staff)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct lcm_engage_opts o = { 0 };
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&f->st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	if (lcm_store_exec(&f->st, recognition_community, &err) < 0 ||
	    (reactions && lcm_reaction_put(&f->st, 3, "like", 3, "test", &err) < 0))
		fail_msg("%s", err.msg);
	o.since = since;
	o.until = until;
	o.inactive_after = 14 * LCM_DAY;
	if (lcm_engage_load(&f->st, &o, &f->e, &err) < 0 ||
	    lcm_contributions(&f->st, &f->e, staff, 0, &f->c, &f->n, &err) < 0)
		fail_msg("%s", err.msg);
	return f;
}

static void
done(struct fixture *f)
{
	free(f->c);
	lcm_engage_release(&f->e);
	lcm_store_close(&f->st);
	free(f);
}

static int64_t
id(const struct fixture *f, size_t i)
{
	return f->e.posts[f->c[i].post].id;
}

static void
test_score_weights(void **state)
{
	(void)state;
	assert_true(lcm_contribution_score(0, 0, 0, 0) == 0);
	assert_true(lcm_contribution_score(LCM_CONTRIB_R_ACCEPTED, 0, 0, 0) == 4);
	assert_true(lcm_contribution_score(LCM_CONTRIB_R_ANSWERED, 0, 0, 0) == 2);
	assert_true(lcm_contribution_score(LCM_CONTRIB_R_LONG, 0, 0, 0) == 0.5);
	assert_true(lcm_contribution_score(LCM_CONTRIB_R_LINK, 0, 0, 0) == 0.25);
	assert_true(lcm_contribution_score(0, 2, 1, 0) == 3);
	/* log2(1 + 3) = 2 */
	assert_true(lcm_contribution_score(0, 0, 0, 3) == 2);
}

static void
test_score_caps(void **state)
{
	(void)state;
	/* replies, repliers and reactions count 5 at most each */
	assert_true(lcm_contribution_score(0, 40, 12, 1000000) == 15);
	/* negative net votes take nothing away */
	assert_true(lcm_contribution_score(0, 1, 1, -7) == 2);
}

static void
test_contributions_ranked(void **state)
{
	struct fixture *f = pick(INT64_MIN, R_END, 1, 0);
	struct lcm_buf b;

	(void)state;
	lcm_buf_init(&b);
	/* p2 6 (accepted, first peer answer), p3 4 (a reply, 3 likes), p1 3,
	 * p4 2 (a's reply p6) */
	assert_int_equal(f->n, 4);
	assert_int_equal(id(f, 0), 2);
	assert_true(f->c[0].score == 6);
	lcm_contribution_reasons(&f->c[0], &b);
	assert_string_equal(b.data, "accepted;answered-peer");
	assert_int_equal(id(f, 1), 3);
	assert_true(f->c[1].score == 4);
	lcm_contribution_reasons(&f->c[1], &b);
	assert_string_equal(b.data, "replies:1;repliers:1;reactions:3");
	assert_int_equal(id(f, 2), 1);
	lcm_contribution_reasons(&f->c[2], &b);
	assert_string_equal(b.data, "replies:2;repliers:1");
	assert_int_equal(id(f, 3), 4);
	lcm_buf_release(&b);
	done(f);
}

/*
 * A link is a weak signal (+0.25): p1 holds an https link (3 -> 3.25),
 * p4 an http one (2 -> 2.25); p8's "www." without a scheme does not
 * count, and p8 stays out (no reply drawn: under the minimum).
 */
static void
test_contributions_links(void **state)
{
	struct fixture *f;
	struct lcm_err err;
	struct lcm_engage_opts o = { 0 };
	struct lcm_buf b;
	size_t i;

	(void)state;
	f = calloc(1, sizeof(*f));
	lcm_err_init(&err);
	lcm_buf_init(&b);
	assert_int_equal(lcm_store_open(&f->st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	if (lcm_store_exec(&f->st, recognition_community, &err) < 0 ||
	    lcm_store_exec(&f->st, "UPDATE post SET body = 'See https://x.org/a' WHERE id = 1;"
			   "UPDATE post SET body = 'Great: http://x.org' WHERE id = 4;"
			   "UPDATE post SET body = 'www.x.org thanks' WHERE id = 8;", &err) < 0)
		fail_msg("%s", err.msg);
	o.since = INT64_MIN;
	o.until = R_END;
	o.inactive_after = 14 * LCM_DAY;
	if (lcm_engage_load(&f->st, &o, &f->e, &err) < 0 ||
	    lcm_contributions(&f->st, &f->e, 0, 0, &f->c, &f->n, &err) < 0)
		fail_msg("%s", err.msg);
	assert_int_equal(f->n, 4);
	for (i = 0; i < f->n; i++) {
		lcm_contribution_reasons(&f->c[i], &b);
		if (id(f, i) == 1) {
			assert_true(f->c[i].score == 3.25);
			assert_string_equal(b.data, "replies:2;repliers:1;link");
		} else if (id(f, i) == 4) {
			assert_true(f->c[i].score == 2.25);
		} else {
			assert_null(strstr(b.data ? b.data : "", "link"));
		}
	}
	lcm_buf_release(&b);
	done(f);
}

static void
test_contributions_without_reaction_table(void **state)
{
	struct fixture *f = pick(INT64_MIN, R_END, 0, 0);

	(void)state;
	/* no post_reaction: p3 scores 2, after p1, before p4 (2, later) */
	assert_int_equal(f->n, 4);
	assert_int_equal(id(f, 1), 1);
	assert_int_equal(id(f, 2), 3);
	assert_int_equal(id(f, 3), 4);
	done(f);
}

static void
test_contributions_staff_apart(void **state)
{
	struct fixture *f = pick(INT64_MIN, R_END, 1, 1);
	size_t i;
	int seen = 0;

	(void)state;
	/* with staff: p7 (one reply, one replier: 2) is listed too */
	assert_int_equal(f->n, 5);
	for (i = 0; i < f->n; i++)
		seen |= id(f, i) == 7;
	assert_true(seen);
	done(f);
}

static void
test_contributions_half_open(void **state)
{
	/* [p2, p5): p2 at since is in, p1 before and p5 at until are out;
	 * p4's reply p6 comes after the end and counts for nothing */
	struct fixture *f = pick(R_P2, R_P5, 1, 0);

	(void)state;
	assert_int_equal(f->n, 2);
	assert_int_equal(id(f, 0), 2);
	assert_int_equal(id(f, 1), 3);
	done(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_score_weights),
		cmocka_unit_test(test_score_caps),
		cmocka_unit_test(test_contributions_ranked),
		cmocka_unit_test(test_contributions_links),
		cmocka_unit_test(test_contributions_without_reaction_table),
		cmocka_unit_test(test_contributions_staff_apart),
		cmocka_unit_test(test_contributions_half_open),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
