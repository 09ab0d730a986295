/* test_import.c - the import driver: detection, all-or-nothing, skipping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "import.h"
#include "store_write.h"
#include "store.h"
#include "support.h"

struct fixture {
	struct lcm_store st;
	struct lcm_import_opts opts;
	struct lcm_import_stats stats;
	struct lcm_err err;
	char path[64];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	lcm_err_init(&f->err);
	if (lcm_time_set_zone("UTC", &f->err) < 0 ||
	    lcm_store_open(&f->st, ":memory:", LCM_STORE_CREATE, 0, &f->err) < 0) {
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof(f->path), "/tmp/lcm-import-XXXXXX");
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	lcm_store_close(&f->st);
	unlink(f->path);
	free(f);
	return 0;
}

/* Writes text to the fixture's temporary file and imports it. */
static int
import_text(struct fixture *f, const char *text)
{
	int fd = mkstemp(f->path);
	FILE *fp;

	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	lcm_err_init(&f->err);
	return lcm_import_file(&f->st, f->path, &f->opts, &f->stats, &f->err);
}

static int64_t
count(struct fixture *f, const char *sql)
{
	return test_query_int(&f->st, sql);
}

static const char forum_csv[] =
	"id,discussion,parent,userid,userfullname,created,modified,mailed,subject,"
	"message,messageformat,messagetrust,attachment,totalscore,mailnow,deleted,"
	"privatereplyto,privatereplytofullname,wordcount,charcount\n"
	"10,1,0,5,Ana Martin,1700000000,1700000000,1,Question,"
	"\"<p>Comment rendre le devoir ?</p>\",1,0,,0,0,0,0,,4,25\n"
	"11,1,10,6,Bob Li,1700003600,1700003600,1,Re: Question,"
	"\"<p>Dans l'onglet Devoirs.</p>\",1,0,,0,0,0,0,,3,22\n";

static void
test_import_file_detects_moodle_forum(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, forum_csv), 0);
	assert_string_equal(f->stats.format, "moodle-forum");
	assert_int_equal(f->stats.count[LCM_K_POST][LCM_NEW], 2);
	assert_int_equal(count(f, "SELECT count(*) FROM thread WHERE title = 'Question'"), 1);
	assert_int_equal(count(f, "SELECT is_question FROM post WHERE external_id = '10'"), 1);
	assert_int_equal(count(f, "SELECT count(*) FROM post c JOIN post p ON p.id = c.parent_id"), 1);
}

static void
test_import_file_twice_changes_nothing(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, forum_csv), 0);
	unlink(f->path);
	snprintf(f->path, sizeof(f->path), "/tmp/lcm-import-XXXXXX");
	assert_int_equal(import_text(f, forum_csv), 0);
	assert_int_equal(f->stats.count[LCM_K_POST][LCM_NEW], 0);
	assert_int_equal(f->stats.count[LCM_K_POST][LCM_UPDATED], 0);
	assert_int_equal(f->stats.count[LCM_K_POST][LCM_SAME], 2);
	assert_int_equal(count(f, "SELECT count(*) FROM post"), 2);
}

static void
test_import_file_bad_row_rolls_back_everything(void **state)
{
	struct fixture *f = *state;
	char text[2048];

	snprintf(text, sizeof(text), "%s12,1,10,7,Cy,yesterday,,1,Re,x,1,0,,0,0,0,0,,1,1\n",
		 forum_csv);
	assert_int_equal(import_text(f, text), -1);
	assert_int_equal(f->err.line, 4);
	assert_non_null(strstr(f->err.msg, "column 'created'"));
	assert_int_equal(count(f, "SELECT count(*) FROM post"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM person"), 0);
}

static void
test_import_file_skip_invalid_keeps_good_rows(void **state)
{
	struct fixture *f = *state;
	char text[2048];

	snprintf(text, sizeof(text), "%sabc,1,10,7,Cy,1700000000,,1,Re,x,1,0,,0,0,0,0,,1,1\n",
		 forum_csv);
	f->opts.skip_invalid = 1;
	assert_int_equal(import_text(f, text), 0);
	assert_int_equal(f->stats.rejected, 1);
	assert_int_equal(count(f, "SELECT count(*) FROM post"), 2);
	assert_int_equal(count(f, "SELECT count(*) FROM person"), 2);
}

static void
test_import_file_wrong_field_count_is_an_error(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "person,time,verb\n1,2026-01-01,viewed,extra\n"), -1);
	assert_non_null(strstr(f->err.msg, "expected 3 fields"));
	assert_int_equal(f->err.line, 2);
}

static void
test_import_file_unknown_header(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "a,b,c\n1,2,3\n"), -1);
	assert_non_null(strstr(f->err.msg, "unknown format"));
}

static void
test_import_file_header_only(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "person,skill,kind\n"), -1);
	assert_non_null(strstr(f->err.msg, "no data rows"));
}

static void
test_import_file_empty(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, ""), -1);
	assert_non_null(strstr(f->err.msg, "empty file"));
}

static void
test_import_file_forced_format_missing_column(void **state)
{
	struct fixture *f = *state;

	f->opts.format = "lcm-events";
	assert_int_equal(import_text(f, "person,skill,kind\n1,x,goal\n"), -1);
	assert_non_null(strstr(f->err.msg, "no column 'time'"));
}

static void
test_import_file_moodle_json_sheets(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f,
		"[\n    [\n        {\"id\": \"3\", \"discussion\": \"2\", \"parent\": \"0\","
		" \"userid\": \"9\", \"userfullname\": \"Zoé\", \"created\": \"1700000000\","
		" \"modified\": \"1700000000\", \"subject\": \"Salut\", \"message\": \"<p>Hello</p>\","
		" \"messageformat\": \"1\", \"deleted\": \"0\", \"privatereplyto\": \"0\"}\n"
		"    ]\n]\n"), 0);
	assert_string_equal(f->stats.format, "moodle-forum");
	assert_int_equal(count(f, "SELECT count(*) FROM post WHERE body = 'Hello'"), 1);
}

static void
test_import_file_invalid_json(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "[[{\"id\": 1,}]]"), -1);
	assert_non_null(strstr(f->err.msg, "invalid JSON"));
}

static void
test_import_file_lcm_persons_roles(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "id,name,email,role,cohort,manager\n"
		"u1,Ana,ana@example.org,staff,A,\nu2,Bob,,learner,B,u1\n"), 0);
	assert_string_equal(f->stats.format, "lcm-persons");
	assert_int_equal(count(f, "SELECT count(*) FROM person WHERE platform = 'lcm'"
			       " AND role = 'staff' AND external_id = 'u1'"), 1);
}

static void
test_import_file_lcm_persons_bad_role(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "id,name,role\nu1,Ana,boss\n"), -1);
	assert_non_null(strstr(f->err.msg, "not learner, staff or expert: 'boss'"));
}

static void
test_import_file_moodle_log_user_from_description(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f,
		"Time,User full name,Affected user,Event context,Component,Event name,"
		"Description,Origin,IP address\n"
		"\"23/01/23, 12:09\",User 58,-,Front page,Logs,Log report viewed,"
		"The user with id '58' viewed the log report.,web,0.0.0.0\n"
		"\"23/01/23, 12:09\",User 58,-,Front page,Logs,Log report viewed,"
		"The user with id '58' viewed the log report.,web,0.0.0.0\n"), 0);
	assert_string_equal(f->stats.format, "moodle-log");
	/* two identical rows in the same minute are two events */
	assert_int_equal(count(f, "SELECT count(*) FROM event"), 2);
	assert_int_equal(count(f, "SELECT count(*) FROM person WHERE external_id = '58'"), 1);
	assert_int_equal(count(f, "SELECT ts FROM event LIMIT 1"), 1674475740);
}

static void
test_import_file_french_accented_header(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f,
		"Heure,Nom complet de l'utilisateur,Utilisateur concern\xc3\xa9,"
		"Contexte de l'\xc3\xa9v\xc3\xa9nement,Composant,\xc3\x89V\xc3\x89NEMENT,"
		"Description,Origine,Adresse IP\n"
		"\"5/10/26, 09:03:00\",Ana,-,Cours,Syst\xc3\xa8me,Cours consult\xc3\xa9,"
		"The user with id '7' viewed the course with id '4'.,web,192.0.2.1\n"), 0);
	assert_string_equal(f->stats.format, "moodle-log");
	assert_int_equal(count(f, "SELECT count(*) FROM event_text WHERE verb = 'Cours consult\xc3\xa9'"), 1);
}

/* Writes n bytes of gzip data of text to the fixture's file (no .gz). */
static void
write_gzip(struct fixture *f, const char *text, size_t keep)
{
	unsigned char out[4096];
	z_stream z;
	int fd = mkstemp(f->path);
	size_t n;

	assert_true(fd >= 0);
	memset(&z, 0, sizeof(z));
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
				      Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (unsigned char *)text;
	z.avail_in = (unsigned)strlen(text);
	z.next_out = out;
	z.avail_out = sizeof(out);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	n = sizeof(out) - z.avail_out;
	deflateEnd(&z);
	assert_true(write(fd, out, keep && keep < n ? keep : n) > 0);
	close(fd);
}

static const char events_csv[] =
	"person,time,verb,object\n"
	"p1,2026-11-02T10:00:00Z,viewed,Course\n"
	"p2,yesterday,viewed,Course\n";

static void
test_import_file_rejects_unwritable_rolls_back(void **state)
{
	struct fixture *f = *state;
	FILE *full = fopen("/dev/full", "w");

	if (!full)
		skip();
	f->opts.skip_invalid = 1;
	f->opts.rejects = full;
	f->opts.rejects_name = "/dev/full";
	assert_int_equal(import_text(f, events_csv), -1);
	assert_string_equal(f->err.file, "/dev/full");
	assert_non_null(strstr(f->err.msg, "cannot write: "));
	/* nothing of the file was kept */
	assert_int_equal(count(f, "SELECT count(*) FROM event"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM source"), 0);
	fclose(full);
}

static void
test_import_file_rejects_written_commits(void **state)
{
	struct fixture *f = *state;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);

	f->opts.skip_invalid = 1;
	f->opts.rejects = mem;
	assert_int_equal(import_text(f, events_csv), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM event"), 1);
	fclose(mem);
	assert_non_null(strstr(buf, "p2,yesterday"));
	free(buf);
}

static void
test_import_file_duplicate_column_refused(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "person,time,verb,object,Person\n"
				     "p1,2026-11-02T10:00:00Z,viewed,Course,p2\n"), -1);
	assert_string_equal(f->err.msg, "duplicate column 'Person' (fields 1 and 5):"
			    " rename or remove one");
	assert_int_equal(f->err.line, 1);
	assert_int_equal(count(f, "SELECT count(*) FROM event"), 0);
}

static void
test_import_file_duplicate_unread_column_is_no_matter(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "person,time,verb,object,x,x\n"
				     "p1,2026-11-02T10:00:00Z,viewed,Course,a,b\n"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM event"), 1);
}

static void
test_import_file_directory_has_no_line(void **state)
{
	struct fixture *f = *state;

	lcm_err_init(&f->err);
	assert_int_equal(lcm_import_file(&f->st, "/tmp", &f->opts, &f->stats, &f->err), -1);
	assert_string_equal(f->err.msg, "is a directory, not a file");
	assert_int_equal(f->err.line, 0);
}

static void
test_import_file_gzip_by_its_bytes(void **state)
{
	struct fixture *f = *state;

	write_gzip(f, "person,time,verb,object\np1,2026-11-02T10:00:00Z,viewed,Course\n", 0);
	lcm_err_init(&f->err);
	assert_int_equal(lcm_import_file(&f->st, f->path, &f->opts, &f->stats, &f->err), 0);
	assert_string_equal(f->stats.format, "lcm-events");
	assert_int_equal(count(f, "SELECT count(*) FROM event"), 1);
}

static void
test_import_file_truncated_gzip_says_so(void **state)
{
	struct fixture *f = *state;

	write_gzip(f, events_csv, 30);
	lcm_err_init(&f->err);
	assert_int_equal(lcm_import_file(&f->st, f->path, &f->opts, &f->stats, &f->err), -1);
	assert_string_equal(f->err.msg, "truncated gzip: the file ends inside the"
			    " compressed data (an incomplete copy?)");
	assert_int_equal(f->err.line, 0);
	assert_int_equal(count(f, "SELECT count(*) FROM event"), 0);
}

static void
test_import_file_bom_json_is_json(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "\xEF\xBB\xBF[{\"actor\": {\"mbox\": \"mailto:a@x.org\"},"
				     " \"verb\": {\"id\": \"http://x.org/v/viewed\"},"
				     " \"object\": {\"id\": \"http://x.org/c\"},"
				     " \"timestamp\": \"2026-11-02T10:00:00Z\"}]\n"), 0);
	assert_string_equal(f->stats.format, "xapi");
	assert_int_equal(count(f, "SELECT count(*) FROM event"), 1);
}

static void
test_import_file_bom_csv_still_csv(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "\xEF\xBB\xBFperson,time,verb,object\n"
				     "p1,2026-11-02T10:00:00Z,viewed,Course\n"), 0);
	assert_string_equal(f->stats.format, "lcm-events");
}

static void
test_import_file_catalogue_duration_out_of_range(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "id,title,duration_min\nB1,T,9223372036854775807\n"),
			 -1);
	assert_string_equal(f->err.msg, "column 'duration_min': not from 0 to 1000000:"
			    " '9223372036854775807'");
	assert_int_equal(f->err.line, 2);
	assert_int_equal(count(f, "SELECT count(*) FROM item"), 0);
}

static void
test_import_file_completion_score_not_decimal(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "person,item,state,score\np,B1,completed,0x1p-1\n"), -1);
	assert_string_equal(f->err.msg, "column 'score': not a number from 0 to 1: '0x1p-1'");
	unlink(f->path);
	snprintf(f->path, sizeof(f->path), "/tmp/lcm-import-XXXXXX");
	assert_int_equal(import_text(f, "person,item,state,score\np,B1,completed,nan\n"), -1);
	unlink(f->path);
	snprintf(f->path, sizeof(f->path), "/tmp/lcm-import-XXXXXX");
	assert_int_equal(import_text(f, "person,item,state,score\np,B1,completed,1e-400\n"), -1);
	assert_int_equal(count(f, "SELECT count(*) FROM completion"), 0);
}

static void
test_import_file_epoch_fraction(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, "person,time,verb,object\n"
				     "p1,1452837318.000002,viewed,Course\n"), 0);
	assert_int_equal(count(f, "SELECT ts FROM event"), 1452837318);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_import_file_detects_moodle_forum),
		T(test_import_file_twice_changes_nothing),
		T(test_import_file_bad_row_rolls_back_everything),
		T(test_import_file_skip_invalid_keeps_good_rows),
		T(test_import_file_wrong_field_count_is_an_error),
		T(test_import_file_unknown_header),
		T(test_import_file_header_only),
		T(test_import_file_empty),
		T(test_import_file_forced_format_missing_column),
		T(test_import_file_moodle_json_sheets),
		T(test_import_file_invalid_json),
		T(test_import_file_lcm_persons_roles),
		T(test_import_file_lcm_persons_bad_role),
		T(test_import_file_moodle_log_user_from_description),
		T(test_import_file_french_accented_header),
		T(test_import_file_rejects_unwritable_rolls_back),
		T(test_import_file_rejects_written_commits),
		T(test_import_file_duplicate_column_refused),
		T(test_import_file_duplicate_unread_column_is_no_matter),
		T(test_import_file_directory_has_no_line),
		T(test_import_file_gzip_by_its_bytes),
		T(test_import_file_truncated_gzip_says_so),
		T(test_import_file_bom_json_is_json),
		T(test_import_file_bom_csv_still_csv),
		T(test_import_file_catalogue_duration_out_of_range),
		T(test_import_file_completion_score_not_decimal),
		T(test_import_file_epoch_fraction),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
