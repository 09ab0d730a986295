/* test_oulad.c - the OULAD reader: presentation start, each table's rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "import.h"
#include "input/oulad.h"
#include "store.h"
#include "store_write.h"
#include "support.h"

#define START_2013J 1380585600	/* 2013-10-01T00:00:00Z */
#define DAY 86400

struct fixture {
	struct lcm_store st;
	struct lcm_import_opts opts;
	struct lcm_import_stats stats;
	struct lcm_import im;
	struct lcm_err err;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	lcm_err_init(&f->err);
	if (lcm_store_open(&f->st, ":memory:", LCM_STORE_CREATE, 0, &f->err) < 0) {
		free(f);
		return -1;
	}
	f->im.st = &f->st;
	f->im.opts = &f->opts;
	f->im.stats = &f->stats;
	f->im.file = "t.csv";
	lcm_strmap_init(&f->im.persons);
	lcm_strmap_init(&f->im.threads);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	lcm_strmap_release(&f->im.persons);
	lcm_strmap_release(&f->im.threads);
	free(f->im.persons_counted.bits);
	free(f->im.threads_counted.bits);
	lcm_store_close(&f->st);
	free(f);
	return 0;
}

/* Feeds one row of format fmt (values in its column order). */
static int
row(struct fixture *f, const struct lcm_input_format *fmt, const char *const *v)
{
	int rc;

	lcm_err_init(&f->err);
	rc = fmt->row(&f->im, v, &f->err);
	if (fmt->finish && fmt->finish(&f->im, rc == 0, &f->err) < 0)
		rc = -1;
	return rc;
}

static int64_t
query_int(struct fixture *f, const char *sql)
{
	return test_query_int(&f->st, sql);
}

/* The one text an SQL query gives, into out. */
static void
query_text(struct fixture *f, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *s;

	out[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(f->st.db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
}

/* B starts on 1 February, J on 1 October; anything else is refused. */
static void
test_start(void **state)
{
	struct lcm_err err;
	int64_t t = 0;

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_oulad_start("2013J", &t, &err), 0);
	assert_int_equal(t, START_2013J);
	assert_int_equal(lcm_oulad_start("2014B", &t, &err), 0);
	assert_int_equal(t, 1391212800);	/* 2014-02-01 */
	assert_int_equal(lcm_oulad_start("2013K", &t, &err), -1);
	assert_string_equal(err.msg, "column 'code_presentation': not a year and B or J"
			    " (2013J): '2013K'");
	assert_int_equal(lcm_oulad_start("13J", &t, &err), -1);
	assert_int_equal(lcm_oulad_start("2013J ", &t, &err), -1);
}

/* --start dates: by cohort or by presentation, the first that names it. */
static void
test_start_of(void **state)
{
	const char *starts[] = { "BBB-2013J=2013-10-12", "2013J=2013-10-05", NULL };
	const char *bad[] = { "AAA-2013J=5 Oct", NULL };
	struct lcm_err err;
	int64_t t = 0;

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_oulad_start_of(NULL, "AAA-2013J", "2013J", &t, &err), 0);
	assert_int_equal(t, START_2013J);
	assert_int_equal(lcm_oulad_start_of(starts, "BBB-2013J", "2013J", &t, &err), 0);
	assert_int_equal(t, START_2013J + 11 * DAY);
	assert_int_equal(lcm_oulad_start_of(starts, "AAA-2013J", "2013J", &t, &err), 0);
	assert_int_equal(t, START_2013J + 4 * DAY);
	assert_int_equal(lcm_oulad_start_of(starts, "AAA-2014B", "2014B", &t, &err), 0);
	assert_int_equal(t, 1391212800);
	assert_int_equal(lcm_oulad_start_of(bad, "AAA-2013J", "2013J", &t, &err), -1);
	assert_string_equal(err.msg, "--start: not PRESENTATION=YYYY-MM-DD: 'AAA-2013J=5 Oct'");
}

/* A student: learner of cohort AAA-2013J, the final result kept apart. */
static void
test_student_info(void **state)
{
	struct fixture *f = *state;
	const char *ok[] = { "AAA", "2013J", "11391", "Pass" };
	const char *bad[] = { "AAA", "2013J", "11392", "Passed" };
	char text[64];

	assert_int_equal(row(f, &lcm_fmt_oulad_student_info, ok), 0);
	query_text(f, "SELECT cohort FROM person WHERE external_id = '11391'"
		   " AND platform = 'oulad' AND role = 'learner'", text, sizeof(text));
	assert_string_equal(text, "AAA-2013J");
	query_text(f, "SELECT state FROM completion c JOIN item i ON i.id = c.item_id"
		   " WHERE i.external_id = 'AAA-2013J/final_result' AND c.ts IS NULL",
		   text, sizeof(text));
	assert_string_equal(text, "Pass");
	assert_int_equal(row(f, &lcm_fmt_oulad_student_info, bad), -1);
	assert_string_equal(f->err.msg, "column 'final_result': not Pass, Fail, Withdrawn"
			    " or Distinction: 'Passed'");
}

/* Clicks: one event per student, site and day, at the day's start. */
static void
test_student_vle(void **state)
{
	struct fixture *f = *state;
	const char *a[] = { "AAA", "2013J", "28400", "546652", "-10", "4" };
	const char *b[] = { "AAA", "2013J", "28400", "546652", "-10", "1" };
	const char *c[] = { "AAA", "2013J", "28400", "546652", "3", "2" };
	const char *neg[] = { "AAA", "2013J", "28400", "546652", "3", "-2" };
	const char *far[] = { "AAA", "2013J", "28400", "546652", "99999", "2" };

	assert_int_equal(row(f, &lcm_fmt_oulad_student_vle, a), 0);
	assert_int_equal(row(f, &lcm_fmt_oulad_student_vle, b), 0);
	assert_int_equal(row(f, &lcm_fmt_oulad_student_vle, c), 0);
	assert_int_equal(query_int(f, "SELECT count(*) FROM event"), 2);
	assert_int_equal(query_int(f, "SELECT min(ts) FROM event"), START_2013J - 10 * DAY);
	assert_int_equal(query_int(f, "SELECT max(ts) FROM event"), START_2013J + 3 * DAY);
	assert_int_equal(query_int(f, "SELECT count(*) FROM event_text WHERE verb = 'viewed'"
				   " AND object = '546652'"), 2);
	assert_int_equal(query_int(f, "SELECT count(*) FROM course WHERE platform = 'oulad'"), 1);
	assert_int_equal(row(f, &lcm_fmt_oulad_student_vle, neg), -1);
	assert_string_equal(f->err.msg, "column 'sum_click': below 0: '-2'");
	assert_int_equal(row(f, &lcm_fmt_oulad_student_vle, far), -1);
	assert_string_equal(f->err.msg, "column 'date': not a day of a presentation: '99999'");
}

/* Results: dated from their assessment's presentation, passed from 40. */
static void
test_student_assessment(void **state)
{
	struct fixture *f = *state;
	const char *tma[] = { "AAA", "2013J", "1752", "TMA", "19", "10" };
	const char *pass[] = { "1752", "11391", "18", "0", "78" };
	const char *fail[] = { "1752", "28400", "22", "0", "39" };
	const char *none[] = { "1752", "31604", "17", "0", "?" };
	const char *unknown[] = { "9999", "11391", "18", "0", "78" };
	const char *over[] = { "1752", "11391", "18", "0", "101" };
	char text[64];

	assert_int_equal(row(f, &lcm_fmt_oulad_student_assessment, pass), -1);
	assert_string_equal(f->err.msg, "column 'id_assessment': no such assessment: '1752'"
			    " (import assessments.csv first)");
	assert_int_equal(row(f, &lcm_fmt_oulad_assessments, tma), 0);
	assert_int_equal(row(f, &lcm_fmt_oulad_student_assessment, pass), 0);
	assert_int_equal(row(f, &lcm_fmt_oulad_student_assessment, fail), 0);
	assert_int_equal(row(f, &lcm_fmt_oulad_student_assessment, none), 0);
	assert_int_equal(query_int(f, "SELECT ts FROM completion c JOIN person p"
				   " ON p.id = c.person_id WHERE p.external_id = '11391'"),
			 START_2013J + 18 * DAY);
	query_text(f, "SELECT state || ' ' || score FROM completion c JOIN person p"
		   " ON p.id = c.person_id WHERE p.external_id = '11391'", text, sizeof(text));
	assert_string_equal(text, "passed 0.78");
	query_text(f, "SELECT state || ' ' || score FROM completion c JOIN person p"
		   " ON p.id = c.person_id WHERE p.external_id = '28400'", text, sizeof(text));
	assert_string_equal(text, "failed 0.39");
	query_text(f, "SELECT state || ' ' || coalesce(score, 'none') FROM completion c"
		   " JOIN person p ON p.id = c.person_id WHERE p.external_id = '31604'",
		   text, sizeof(text));
	assert_string_equal(text, "submitted none");
	assert_int_equal(row(f, &lcm_fmt_oulad_student_assessment, unknown), -1);
	assert_int_equal(row(f, &lcm_fmt_oulad_student_assessment, over), -1);
	assert_string_equal(f->err.msg, "column 'score': not from 0 to 100: '101'");
}

/* Registration: the learner, and the day they registered or left. */
static void
test_registration(void **state)
{
	struct fixture *f = *state;
	const char *stay[] = { "AAA", "2013J", "11391", "-159", "" };
	const char *left[] = { "AAA", "2013J", "30268", "-92", "12" };
	char text[64];

	assert_int_equal(row(f, &lcm_fmt_oulad_registration, stay), 0);
	assert_int_equal(row(f, &lcm_fmt_oulad_registration, left), 0);
	query_text(f, "SELECT state FROM completion c JOIN person p ON p.id = c.person_id"
		   " WHERE p.external_id = '30268'", text, sizeof(text));
	assert_string_equal(text, "unregistered");
	assert_int_equal(query_int(f, "SELECT ts FROM completion c JOIN person p"
				   " ON p.id = c.person_id WHERE p.external_id = '30268'"),
			 START_2013J + 12 * DAY);
	assert_int_equal(query_int(f, "SELECT count(*) FROM person WHERE cohort = 'AAA-2013J'"), 2);
	/* registration is no activity: no event */
	assert_int_equal(query_int(f, "SELECT count(*) FROM event"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_start),
		cmocka_unit_test(test_start_of),
		cmocka_unit_test_setup_teardown(test_student_info, setup, teardown),
		cmocka_unit_test_setup_teardown(test_student_vle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_student_assessment, setup, teardown),
		cmocka_unit_test_setup_teardown(test_registration, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
