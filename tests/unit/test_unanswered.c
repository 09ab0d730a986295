/* test_unanswered.c - the response rules, filters, --once, working hours. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "bizhours.h"
#include "import.h"
#include "pseudo.h"
#include "suggest.h"
#include "timefmt.h"
#include "unanswered.h"

/*
 * A small community, every thread built for one rule. Times are UTC;
 * "now" in the tests is 2026-11-10T12:00:00Z.
 *   t1 no reply at all                       (learner a, question)
 *   t2 only the author's own reply           (learner a)
 *   t3 a deleted reply by b, a private one by c
 *   t4 answered by learner b                 (learner c, question)
 *   t5 opened by staff s, no reply           (announcement)
 *   t6 too recent (1 hour old)               (learner b)
 *   t7 answered by staff s                   (learner b, cohort B)
 *   t8 answered by b; inside it, a's follow-up question nobody answered
 */
static const char persons[] =
	"id,name,role,cohort\n"
	"a,Ana,learner,A\nb,Bob,learner,A\nc,Chloé,learner,B\ns,Sam,staff,\n";
static const char posts[] =
	"id,thread,parent,author,created,subject,body,course,forum,deleted,private\n"
	"1,t1,,a,2026-11-01T10:00:00Z,Devoir,Comment rendre le devoir ?,C1,Q,0,0\n"
	"2,t2,,a,2026-11-02T10:00:00Z,Note,Ma note est fausse.,C1,Q,0,0\n"
	"3,t2,2,a,2026-11-02T11:00:00Z,Re: Note,Quelqu'un ?,C1,Q,0,0\n"
	"4,t3,,a,2026-11-03T10:00:00Z,Accès,Je n'ai pas accès.,C1,Q,0,0\n"
	"5,t3,4,b,2026-11-03T11:00:00Z,Re: Accès,Moi non plus.,C1,Q,1,0\n"
	"6,t3,4,c,2026-11-03T12:00:00Z,Re: Accès,Essaie ceci.,C1,Q,0,1\n"
	"7,t4,,c,2026-11-04T10:00:00Z,Scrum,What is a sprint?,C1,Q,0,0\n"
	"8,t4,7,b,2026-11-04T11:00:00Z,Re: Scrum,Two weeks of work.,C1,Q,0,0\n"
	"9,t5,,s,2026-11-05T10:00:00Z,Bienvenue,Bienvenue à tous.,C1,News,0,0\n"
	"10,t6,,b,2026-11-10T11:00:00Z,Vite,Une question rapide ?,C1,Q,0,0\n"
	"11,t7,,c,2026-11-06T10:00:00Z,Kanban,How do WIP limits work?,C2,Q,0,0\n"
	"12,t7,11,s,2026-11-06T11:00:00Z,Re: Kanban,They cap work in progress.,C2,Q,0,0\n"
	"13,t8,,b,2026-11-07T10:00:00Z,Rétro,Retrospective formats.,C1,Q,0,0\n"
	"14,t8,13,a,2026-11-07T11:00:00Z,Re: Rétro,Try the starfish.,C1,Q,0,0\n"
	"15,t8,14,b,2026-11-07T12:00:00Z,Re: Rétro,Comment on fait le starfish ?,C1,Q,0,0\n";

#define NOW 1794312000	/* 2026-11-10T12:00:00Z */

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static int
setup(void **state)
{
	struct lcm_store *st = calloc(1, sizeof(*st));
	struct lcm_import_opts opts;
	struct lcm_import_stats stats;
	struct lcm_err err;
	char pp[] = "/tmp/lcm-un-p-XXXXXX", tp[] = "/tmp/lcm-un-t-XXXXXX";
	int fd1 = mkstemp(pp), fd2 = mkstemp(tp), rc = 0;

	close(fd1);
	close(fd2);
	write_file(pp, persons);
	write_file(tp, posts);
	memset(&opts, 0, sizeof(opts));
	lcm_err_init(&err);
	if (lcm_time_set_zone("UTC", &err) < 0 ||
	    lcm_store_open(st, ":memory:", LCM_STORE_CREATE, 0, &err) < 0 ||
	    lcm_import_file(st, pp, &opts, &stats, &err) < 0 ||
	    lcm_import_file(st, tp, &opts, &stats, &err) < 0) {
		fprintf(stderr, "setup: %s:%ld: %s\n", err.file, err.line, err.msg);
		rc = -1;
	}
	unlink(pp);
	unlink(tp);
	*state = st;
	return rc;
}

static int
teardown(void **state)
{
	lcm_store_close(*state);
	free(*state);
	return 0;
}

static void
defaults(struct lcm_unanswered_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->now = NOW;
	o->older_than = 24 * 3600;
	o->by = LCM_BY_PEER;
}

/* The listed thread (or thread/post) ids, joined by spaces. */
static void
listed(struct lcm_store *st, const struct lcm_unanswered_opts *o, char *out, size_t size)
{
	struct lcm_unanswered_list list;
	struct lcm_err err;
	size_t i, n = 0;

	lcm_err_init(&err);
	assert_int_equal(lcm_unanswered_find(st, o, &list, &err), 0);
	out[0] = '\0';
	for (i = 0; i < list.n; i++)
		n += (size_t)snprintf(out + n, size - n, "%s%s%s%s", i ? " " : "",
				      list.rows[i].thread, list.rows[i].is_post ? "/" : "",
				      list.rows[i].is_post ? list.rows[i].post : "");
	lcm_unanswered_list_free(&list);
}

static void
test_unanswered_find_peer_rule(void **state)
{
	struct lcm_unanswered_opts o;
	char got[256];

	defaults(&o);
	listed(*state, &o, got, sizeof(got));
	/* t2: self-reply only; t3: deleted and private replies do not count */
	assert_string_equal(got, "t1 t2 t3");
}

static void
test_unanswered_find_any_rule_counts_self_reply(void **state)
{
	struct lcm_unanswered_opts o;
	char got[256];

	defaults(&o);
	o.by = LCM_BY_ANY;
	listed(*state, &o, got, sizeof(got));
	/* t3's private reply is a live reply: under "any" it counts */
	assert_string_equal(got, "t1");
}

static void
test_unanswered_find_staff_rule(void **state)
{
	struct lcm_unanswered_opts o;
	char got[256];

	defaults(&o);
	o.by = LCM_BY_STAFF;
	listed(*state, &o, got, sizeof(got));
	/* t4 and t8 were answered by learners only; t7 by staff */
	assert_string_equal(got, "t1 t2 t3 t4 t8");
}

static void
test_unanswered_find_include_staff(void **state)
{
	struct lcm_unanswered_opts o;
	char got[256];

	defaults(&o);
	o.include_staff = 1;
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "t1 t2 t3 t5");
}

static void
test_unanswered_find_older_than(void **state)
{
	struct lcm_unanswered_opts o;
	char got[256];

	defaults(&o);
	o.older_than = 0;
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "t1 t2 t3 t6");
	o.older_than = 8 * 24 * 3600;	/* only t1 (9 days) and t2 (8 days) */
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "t1 t2");
}

/*
 * Half-open, as a report's periods: [now - older_than, now) is too
 * young, so a thread exactly older_than old is not listed yet, and one
 * stamped at now is not listed with --older-than 0.
 */
static void
test_unanswered_find_older_than_half_open(void **state)
{
	struct lcm_unanswered_opts o;
	int64_t t1 = NOW - (9 * 24 + 2) * 3600;	/* 2026-11-01T10:00:00Z */
	char got[256];

	defaults(&o);
	o.older_than = NOW - t1;
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "");
	o.older_than = NOW - t1 - 1;
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "t1");
	/* t6 was posted at 11:00: at now = 11:00 it is not yet in the list */
	o.older_than = 0;
	o.now = NOW - 3600;
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "t1 t2 t3");
	o.now = NOW - 3600 + 1;
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "t1 t2 t3 t6");
}

/*
 * A reply after now did not exist yet: t4, answered at 11:00, is still
 * waiting at 10:30 (a replay, or a report ending in the past).
 */
static void
test_unanswered_find_ignores_replies_after_now(void **state)
{
	struct lcm_unanswered_opts o;
	char got[256];

	defaults(&o);
	o.older_than = 0;
	o.now = NOW - (6 * 24 + 2) * 3600 + 1800;	/* 2026-11-04T10:30:00Z */
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "t1 t2 t3 t4");
}

static void
test_unanswered_find_questions_only(void **state)
{
	struct lcm_unanswered_opts o;
	char got[256];

	defaults(&o);
	o.questions_only = 1;
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "t1");
}

static void
test_unanswered_find_posts_inside_threads(void **state)
{
	struct lcm_unanswered_opts o;
	char got[256];

	defaults(&o);
	o.posts = 1;
	listed(*state, &o, got, sizeof(got));
	/* t2's post 3 is the author's own: nobody else answered it either */
	assert_string_equal(got, "t1 t2 t2/3 t3 t8/15");
}

static void
test_unanswered_find_filters(void **state)
{
	struct lcm_unanswered_opts o;
	const char *cohort[] = { "B" }, *course[] = { "C2" };
	char got[256];

	defaults(&o);
	o.by = LCM_BY_STAFF;
	o.cohorts.v = cohort;
	o.cohorts.n = 1;
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "t4");
	o.cohorts.n = 0;
	o.courses.v = course;
	o.courses.n = 1;
	o.include_staff = 1;
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "");
}

static void
test_unanswered_mark_once_per_channel(void **state)
{
	struct lcm_unanswered_opts o;
	struct lcm_unanswered_list list;
	struct lcm_err err;
	char got[256];

	defaults(&o);
	o.once = "lcm";
	lcm_err_init(&err);
	assert_int_equal(lcm_unanswered_find(*state, &o, &list, &err), 0);
	assert_int_equal(list.n, 3);
	assert_int_equal(lcm_unanswered_mark(*state, &list, "lcm", NOW, &err), 0);
	lcm_unanswered_list_free(&list);
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "");
	o.once = "lead";
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "t1 t2 t3");
}

static void
test_unanswered_find_explain_counts(void **state)
{
	struct lcm_unanswered_opts o;
	struct lcm_unanswered_list list;
	struct lcm_err err;

	defaults(&o);
	lcm_err_init(&err);
	/* counted only when asked: four lookups a row */
	assert_int_equal(lcm_unanswered_find(*state, &o, &list, &err), 0);
	assert_int_equal(list.n, 3);
	assert_int_equal(list.rows[1].own, 0);
	lcm_unanswered_list_free(&list);
	o.explain = 1;
	assert_int_equal(lcm_unanswered_find(*state, &o, &list, &err), 0);
	assert_int_equal(list.n, 3);
	assert_int_equal(list.rows[1].own, 1);		/* t2 */
	assert_int_equal(list.rows[2].deleted, 1);	/* t3 */
	assert_int_equal(list.rows[2].private_, 1);
	assert_int_equal(list.rows[2].replies, 2);
	assert_true(list.rows[0].age_hours > 217.99 && list.rows[0].age_hours < 218.01);
	lcm_unanswered_list_free(&list);
}

static void
test_unanswered_find_business_hours(void **state)
{
	struct lcm_unanswered_opts o;
	struct lcm_bizhours bh;
	char got[256];

	defaults(&o);
	assert_int_equal(lcm_bizhours_parse("Mon-Fri 09:00-18:00", &bh, NULL), 0);
	o.bizhours = &bh;
	/* working hours to Tue 10 Nov 12:00: t1 (Sun 1 Nov) 57, t2 (Mon 2
	 * Nov 10:00) 56, t3 (Tue 3 Nov 10:00) 47, t4 (Wed 4 Nov) answered */
	o.older_than = 47 * 3600 - 1;
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "t1 t2 t3");
	/* half-open: t3, exactly 47 working hours old, is not older than 47h */
	o.older_than = 47 * 3600;
	listed(*state, &o, got, sizeof(got));
	assert_string_equal(got, "t1 t2");
}

static void
test_bizhours_parse_errors(void **state)
{
	struct lcm_bizhours bh;
	struct lcm_err err;

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_bizhours_parse("Mon-Fri 9-18", &bh, &err), -1);
	assert_non_null(strstr(err.msg, "not working hours"));
	assert_int_equal(lcm_bizhours_parse("Mon-Fri 18:00-09:00", &bh, &err), -1);
	assert_non_null(strstr(err.msg, "end before they start"));
	assert_int_equal(lcm_bizhours_parse("Xyz 09:00-18:00", &bh, &err), -1);
	assert_int_equal(lcm_bizhours_parse("lun,mer,ven 08:30-12:00", &bh, &err), 0);
	assert_int_equal(bh.days, 1u | 4u | 16u);
	assert_int_equal(bh.start, 510);
}

static void
test_bizhours_between_weekend(void **state)
{
	struct lcm_bizhours bh;
	int64_t fri, mon;

	(void)state;
	assert_int_equal(lcm_time_set_zone("UTC", NULL), 0);
	assert_int_equal(lcm_bizhours_parse("Mon-Fri 09:00-18:00", &bh, NULL), 0);
	fri = lcm_time_from_utc(2026, 11, 6, 17, 0, 0);	/* Friday 17:00 */
	mon = lcm_time_from_utc(2026, 11, 9, 10, 0, 0);	/* Monday 10:00 */
	assert_int_equal(lcm_bizhours_between(&bh, fri, mon), 2 * 3600);
}

static void
test_bizhours_between_across_midnight(void **state)
{
	struct lcm_bizhours bh;

	(void)state;
	assert_int_equal(lcm_time_set_zone("UTC", NULL), 0);
	assert_int_equal(lcm_bizhours_parse("Mon-Sun 22:00-23:59", &bh, NULL), 0);
	/* Tue 23:00 to Wed 22:30: 59 min on Tuesday, 30 on Wednesday */
	assert_int_equal(lcm_bizhours_between(&bh, lcm_time_from_utc(2026, 11, 3, 23, 0, 0),
					      lcm_time_from_utc(2026, 11, 4, 22, 30, 0)),
			 89 * 60);
}

static void
test_bizhours_between_dst_paris(void **state)
{
	struct lcm_bizhours bh;
	int64_t sat, mon;

	(void)state;
	assert_int_equal(lcm_time_set_zone("Europe/Paris", NULL), 0);
	assert_int_equal(lcm_bizhours_parse("Mon-Fri 09:00-18:00", &bh, NULL), 0);
	/* The night of 25 to 26 October 2026 the clocks go back: Friday
	 * 17:00 to Monday 10:00 local is still 2 working hours. */
	sat = lcm_time_from_local(2026, 10, 23, 17, 0, 0);
	mon = lcm_time_from_local(2026, 10, 26, 10, 0, 0);
	assert_int_equal(lcm_bizhours_between(&bh, sat, mon), 2 * 3600);
	assert_int_equal(lcm_time_set_zone("UTC", NULL), 0);
}

static void
test_suggest_finds_the_expert(void **state)
{
	struct lcm_unanswered_opts o;
	struct lcm_unanswered_list list;
	struct lcm_suggestions sug;
	struct lcm_err err;
	struct lcm_buf b;

	/* t1 asks about "devoir"; nobody answered a "devoir" thread yet, so
	 * the Kanban thread t7 is the one with a known expert: s. */
	defaults(&o);
	o.by = LCM_BY_STAFF;
	o.questions_only = 1;
	o.older_than = 0;
	lcm_err_init(&err);
	assert_int_equal(lcm_unanswered_find(*state, &o, &list, &err), 0);
	assert_int_equal(lcm_suggest(*state, &list, 2, 3, NOW, &sug, &err), 0);
	lcm_buf_init(&b);
	assert_int_equal(sug.rows, list.n);
	/* t4 "What is a sprint?" was answered by b: b knows about sprints */
	assert_string_equal(list.rows[1].thread, "t4");
	assert_true(sug.n[1] >= 1);
	assert_string_equal(sug.s[1][0].person, "b");
	lcm_suggestions_format(&sug, 1, &b);
	/* the name beside the id, then the score */
	assert_string_equal(sug.s[1][0].name, "Bob");
	assert_int_equal(strncmp(b.data, "Bob (b): 0.", 11), 0);
	lcm_buf_release(&b);
	lcm_suggestions_free(&sug);
	lcm_unanswered_list_free(&list);
}

#define KEY "0123456789abcdef"

static void
test_unanswered_pseudonymize_hides_authors(void **state)
{
	struct lcm_unanswered_opts o;
	struct lcm_unanswered_list list;
	struct lcm_err err;
	char want[LCM_PSEUDO_LEN + 1];

	defaults(&o);
	lcm_err_init(&err);
	assert_int_equal(lcm_unanswered_find(*state, &o, &list, &err), 0);
	assert_string_equal(list.rows[0].thread, "t1");
	/* what lcm-engage hashes: the person row's platform and id */
	assert_string_equal(list.rows[0].author_key, "lcm:a");
	assert_string_equal(list.rows[0].author_name, "Ana");
	lcm_unanswered_pseudonymize(&list, KEY);
	assert_string_equal(list.rows[0].author, lcm_pseudonym(KEY, "lcm:a", want));
	assert_null(list.rows[0].author_name);
	/* the learner's words stay */
	assert_string_equal(list.rows[0].subject, "Devoir");
	assert_string_equal(list.rows[0].body, "Comment rendre le devoir ?");
	lcm_unanswered_list_free(&list);
}

static void
test_unanswered_pseudonymize_unknown_author(void **state)
{
	struct lcm_unanswered row;
	struct lcm_unanswered_list list;

	(void)state;
	memset(&row, 0, sizeof(row));
	row.author = strdup("ghost");
	row.author_name = strdup("Ghost");
	list.rows = malloc(sizeof(row));
	list.rows[0] = row;
	list.n = 1;
	/* no person row, nothing to hash: no author rather than a guess */
	lcm_unanswered_pseudonymize(&list, KEY);
	assert_null(list.rows[0].author);
	assert_null(list.rows[0].author_name);
	lcm_unanswered_list_free(&list);
}

static void
test_suggestions_pseudonymize(void **state)
{
	struct lcm_unanswered_opts o;
	struct lcm_unanswered_list list;
	struct lcm_suggestions sug;
	struct lcm_err err;
	struct lcm_buf b;
	char want[LCM_PSEUDO_LEN + 1];

	defaults(&o);
	o.by = LCM_BY_STAFF;
	o.questions_only = 1;
	o.older_than = 0;
	lcm_err_init(&err);
	assert_int_equal(lcm_unanswered_find(*state, &o, &list, &err), 0);
	assert_int_equal(lcm_suggest(*state, &list, 2, 3, NOW, &sug, &err), 0);
	assert_string_equal(list.rows[1].thread, "t4");
	assert_string_equal(sug.s[1][0].key, "lcm:b");
	lcm_suggestions_pseudonymize(&sug, KEY);
	lcm_pseudonym(KEY, "lcm:b", want);
	assert_string_equal(sug.s[1][0].person, want);
	lcm_buf_init(&b);
	lcm_suggestions_format(&sug, 1, &b);
	assert_memory_equal(b.data, want, LCM_PSEUDO_LEN);
	assert_int_equal(b.data[LCM_PSEUDO_LEN], ':');	/* no name, no id */
	assert_null(sug.s[1][0].name);
	assert_null(strstr(b.data, "Bob"));
	assert_null(strstr(b.data, "b ("));
	lcm_buf_release(&b);
	lcm_suggestions_free(&sug);
	lcm_unanswered_list_free(&list);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_unanswered_find_peer_rule),
		T(test_unanswered_find_any_rule_counts_self_reply),
		T(test_unanswered_find_staff_rule),
		T(test_unanswered_find_include_staff),
		T(test_unanswered_find_older_than),
		T(test_unanswered_find_older_than_half_open),
		T(test_unanswered_find_ignores_replies_after_now),
		T(test_unanswered_find_questions_only),
		T(test_unanswered_find_posts_inside_threads),
		T(test_unanswered_find_filters),
		T(test_unanswered_mark_once_per_channel),
		T(test_unanswered_find_explain_counts),
		T(test_unanswered_find_business_hours),
		T(test_suggest_finds_the_expert),
		T(test_unanswered_pseudonymize_hides_authors),
		T(test_suggestions_pseudonymize),
#undef T
		cmocka_unit_test(test_unanswered_pseudonymize_unknown_author),
		cmocka_unit_test(test_bizhours_parse_errors),
		cmocka_unit_test(test_bizhours_between_weekend),
		cmocka_unit_test(test_bizhours_between_across_midnight),
		cmocka_unit_test(test_bizhours_between_dst_paris),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
