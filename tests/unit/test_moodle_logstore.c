/*
 * test_moodle_logstore.c - mdl_logstore_standard_log exported from the
 * database (lib/input/moodle_logstore.c): the table's rows become
 * events of Moodle user ids, the escaped (mysql -B) and unescaped (CSV)
 * dumps read alike, NULL in its three spellings, `other` PHP-serialised
 * or JSON (a login's username kept), and bad rows refused whole.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "import.h"
#include "store.h"
#include "store_write.h"
#include "support_import.h"

#define TSV_HEADER "id\teventname\tcomponent\taction\ttarget\tobjecttable\tobjectid\t" \
	"crud\tedulevel\tcontextid\tcontextlevel\tcontextinstanceid\tuserid\tcourseid\t" \
	"relateduserid\tanonymous\tother\ttimecreated\torigin\tip\trealuserid\n"
#define CSV_HEADER "id,eventname,component,action,target,objecttable,objectid,crud," \
	"edulevel,contextid,contextlevel,contextinstanceid,userid,courseid," \
	"relateduserid,anonymous,other,timecreated,origin,ip,realuserid\n"
/* ds10/vle-xapi-conversions moodle/route1.md, A1 and A2, as mysql -B writes them */
#define A1 "1\t\\\\core\\\\event\\\\user_loggedin\tcore\tloggedin\tuser\tuser\t3\tr\t0\t1" \
	"\t10\t0\t3\t0\tNULL\t0\ta:1:{s:8:\"username\";s:8:\"demouser\";}\t1453204740\tweb" \
	"\t86.156.130.212\tNULL\n"
#define A2 "2\t\\\\core\\\\event\\\\course_viewed\tcore\tviewed\tcourse\tNULL\tNULL\tr\t2" \
	"\t26\t50\t3\t3\t3\tNULL\t0\tN;\t1453204748\tweb\t86.156.130.212\tNULL\n"

static void
test_logstore_tsv_rows_become_events(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "logstore", TSV_HEADER A1 A2), 0);
	assert_string_equal(f->stats.format, "moodle-logstore");
	assert_int_equal(test_query_int(&f->st, "SELECT count(*) FROM event"), 2);
	/* the escaped name read back with single backslashes */
	assert_string_equal(test_query_text(&f->st, "SELECT verb FROM event_text"
					    " WHERE external_id = 'log:2'"),
			    "\\core\\event\\course_viewed");
	assert_string_equal(test_query_text(&f->st, "SELECT object FROM event_text"
					    " WHERE external_id = 'log:2'"), "course:3");
	assert_int_equal(test_query_int(&f->st, "SELECT ts FROM event"
					" WHERE external_id = 'log:1'"), 1453204740);
	/* one person, user 3, whose login gave the username */
	assert_string_equal(test_query_text(&f->st, "SELECT external_id || ' ' || username"
					    " FROM person_link"), "3 demouser");
	/* the login is on the site (course 0), the view in course 3 */
	assert_int_equal(test_query_int(&f->st, "SELECT count(*) FROM event"
					" WHERE course_id IS NULL"), 1);
	assert_string_equal(test_query_text(&f->st, "SELECT c.external_id FROM event e"
					    " JOIN course c ON c.id = e.course_id"), "3");
}

static void
test_logstore_csv_same_as_tsv(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "logstore", TSV_HEADER A1 A2), 0);
	/* psql's CSV: empty for NULL, JSON other, no escapes */
	assert_int_equal(test_import_text(f, "logstore", CSV_HEADER
		"1,\\core\\event\\user_loggedin,core,loggedin,user,user,3,r,0,1,10,0,3,0,,0,"
		"\"{\"\"username\"\": \"\"demouser\"\"}\",1453204740,web,86.156.130.212,\n"
		"2,\\core\\event\\course_viewed,core,viewed,course,,,r,2,26,50,3,3,3,,0,null,"
		"1453204748,web,86.156.130.212,\n"), 0);
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_NEW], 0);
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_SAME], 2);
	assert_int_equal(test_query_int(&f->st, "SELECT count(*) FROM event"), 2);
}

static void
test_logstore_nobody_and_anonymous(void **state)
{
	struct test_import *f = *state;

	/* user 0 (not logged in) and an anonymous event name no one */
	assert_int_equal(test_import_text(f, "logstore", CSV_HEADER
		"5,\\core\\event\\course_viewed,core,viewed,course,\\N,\\N,r,2,2,50,1,0,1,"
		"\\N,0,N;,1674475020,web,0.0.0.0,\\N\n"
		"6,\\mod_feedback\\event\\response_submitted,mod_feedback,submitted,response,"
		"feedback_completed,4,c,2,40,70,9,12,36,\\N,1,a:0:{},1674475030,web,0.0.0.0,\\N\n"), 0);
	assert_int_equal(test_query_int(&f->st, "SELECT count(*) FROM event"
					" WHERE person_id IS NULL"), 2);
	assert_int_equal(test_query_int(&f->st, "SELECT count(*) FROM person"), 0);
}

static void
test_logstore_bad_row_changes_nothing(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "logstore", TSV_HEADER A1), 0);
	assert_int_equal(test_import_text(f, "logstore", TSV_HEADER A2
		"9\t\\\\core\\\\event\\\\course_viewed\tcore\tviewed\tcourse\tNULL\tNULL\tr\t2"
		"\t26\t50\t3\tabc\t3\tNULL\t0\tN;\t1453204748\tweb\t86.156.130.212\tNULL\n"), -1);
	assert_int_equal(f->err.line, 3);
	assert_string_equal(f->err.msg, "column 'userid': not a number: 'abc'");
	assert_int_equal(test_query_int(&f->st, "SELECT count(*) FROM event"), 1);
}

static void
test_logstore_bad_time(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "logstore", CSV_HEADER
		"2,\\core\\event\\course_viewed,core,viewed,course,,,r,2,26,50,3,3,3,,0,N;,"
		"2016-01-19 12:00,web,,\n"), -1);
	assert_int_equal(f->err.line, 2);
	assert_string_equal(f->err.msg, "column 'timecreated': not epoch seconds:"
			    " '2016-01-19 12:00'");
}

static void
test_logstore_other_cut_short(void **state)
{
	struct test_import *f = *state;

	/* a string of 8 bytes said, 5 given: a cell cut by a spreadsheet */
	assert_int_equal(test_import_text(f, "logstore", CSV_HEADER
		"1,\\core\\event\\user_loggedin,core,loggedin,user,user,3,r,0,1,10,0,3,0,,0,"
		"\"a:1:{s:8:\"\"username\"\";s:8:\"\"demo\"\";}\",1453204740,web,,\n"), -1);
	assert_non_null(strstr(f->err.msg, "column 'other': not PHP-serialised data"));
	assert_int_equal(test_import_text(f, "logstore", CSV_HEADER
		"1,\\core\\event\\user_loggedin,core,loggedin,user,user,3,r,0,1,10,0,3,0,,0,"
		"\"{\"\"username\"\": \",1453204740,web,,\n"), -1);
	assert_non_null(strstr(f->err.msg, "column 'other': neither PHP-serialised nor JSON"));
	assert_int_equal(test_query_int(&f->st, "SELECT count(*) FROM event"), 0);
}

static void
test_logstore_php_values(void **state)
{
	struct test_import *f = *state;

	/* nested arrays, objects, floats, booleans, negative integers */
	assert_int_equal(test_import_text(f, "logstore", CSV_HEADER
		"3,\\core\\event\\user_loggedin,core,loggedin,user,user,3,r,0,1,10,0,7,0,,0,"
		"\"a:4:{i:0;d:1.5E+25;s:1:\"\"o\"\";O:8:\"\"stdClass\"\":1:{s:1:\"\"b\"\";b:1;}"
		"s:1:\"\"a\"\";a:1:{i:-2;N;}s:8:\"\"username\"\";s:3:\"\"ana\"\";}\","
		"1453204740,cli,,\n"), 0);
	assert_string_equal(test_query_text(&f->st, "SELECT username FROM person_link"), "ana");
}

static void
test_logstore_not_an_event_class(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "logstore", CSV_HEADER
		"2,course_viewed,core,viewed,course,,,r,2,26,50,3,3,3,,0,N;,1453204748,web,,\n"),
		-1);
	assert_non_null(strstr(f->err.msg, "column 'eventname': not a Moodle event class"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_logstore_tsv_rows_become_events, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_logstore_csv_same_as_tsv, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_logstore_nobody_and_anonymous, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_logstore_bad_row_changes_nothing, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_logstore_bad_time, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_logstore_other_cut_short, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_logstore_php_values, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_logstore_not_an_event_class, test_import_setup, test_import_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
