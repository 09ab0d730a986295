/* test_moodle_log.c - Moodle log rows: their ids (stable, time first,
 * ranked among equals, the first form kept in stores that have it) and
 * the bulk load of a large download. */
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
#include "timefmt.h"
#include "support.h"

struct fixture {
	struct lcm_store st;
	struct lcm_import_opts opts;
	struct lcm_import_stats stats;
	struct lcm_err err;
	char path[64];
};

static const char header[] = "Time,User full name,Affected user,Event context,"
	"Component,Event name,Description,Origin,IP address\n";

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
	snprintf(f->path, sizeof(f->path), "/tmp/lcm-log-XXXXXX");
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
	lcm_time_set_zone("UTC", NULL);
	return 0;
}

/* Imports the file at f->path (written by write_file). */
static int
import(struct fixture *f)
{
	lcm_err_init(&f->err);
	return lcm_import_file(&f->st, f->path, &f->opts, &f->stats, &f->err);
}

/* Opens a new temporary file for f, with the log header written. */
static FILE *
new_file(struct fixture *f)
{
	int fd;
	FILE *fp;

	if (f->path[strlen(f->path) - 1] != 'X')
		unlink(f->path);
	snprintf(f->path, sizeof(f->path), "/tmp/lcm-log-XXXXXX");
	fd = mkstemp(f->path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs(header, fp);
	return fp;
}

static void
write_file(struct fixture *f, const char *rows)
{
	FILE *fp = new_file(f);

	fputs(rows, fp);
	fclose(fp);
}

static int64_t
count(struct fixture *f, const char *sql)
{
	return test_query_int(&f->st, sql);
}

/* The external id of the event of rowid id, into out. */
static void
event_id(struct fixture *f, int id, char *out, size_t size)
{
	sqlite3_stmt *s;

	assert_int_equal(sqlite3_prepare_v2(f->st.db, "SELECT external_id FROM event"
					    " WHERE id = ?1", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_int(s, 1, id);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
}

static const char rows[] =
	"\"9/03/26, 14:05:07\",Ana Lima,-,Forum: Q,Forum,Discussion viewed,"
	"The user with id '58' has viewed the discussion with id '3'.,web,192.0.2.1\n"
	"\"9/03/26, 14:05:07\",Ana Lima,-,Forum: Q,Forum,Discussion viewed,"
	"The user with id '58' has viewed the discussion with id '4'.,web,192.0.2.1\n"
	"\"9/03/26, 14:05:07\",Ana Lima,-,Forum: Q,Forum,Discussion viewed,"
	"The user with id '58' has viewed the discussion with id '4'.,web,192.0.2.1\n";

static void
test_moodle_log_row_id_is_time_hash_rank(void **state)
{
	struct fixture *f = *state;
	char id[80];

	write_file(f, rows);
	assert_int_equal(import(f), 0);
	/*
	 * pinned (and computed again apart from lcm): a store's ids must
	 * never change from one version to the next
	 */
	event_id(f, 1, id, sizeof(id));
	assert_string_equal(id, "t090326140507-2cfaa047564ad59d-0");
	event_id(f, 2, id, sizeof(id));
	assert_non_null(strstr(id, "-0"));
	/* the same row twice at the same time: ranked */
	event_id(f, 3, id, sizeof(id));
	assert_int_equal(strncmp(id, "t090326140507-", 14), 0);
	assert_string_equal(id + strlen(id) - 2, "-1");
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_NEW], 3);
}

static void
test_moodle_log_reimport_other_zone_updates_in_place(void **state)
{
	struct fixture *f = *state;

	write_file(f, rows);
	assert_int_equal(import(f), 0);
	assert_int_equal(lcm_time_set_zone("Europe/Paris", &f->err), 0);
	assert_int_equal(import(f), 0);
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_NEW], 0);
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_UPDATED], 3);
	assert_int_equal(count(f, "SELECT count(*) FROM event"), 3);
	assert_int_equal(count(f, "SELECT min(ts) FROM event"), 1773061507);	/* 13:05:07Z */
}

static void
test_moodle_log_legacy_store_keeps_first_form(void **state)
{
	struct fixture *f = *state;
	char id[80];

	/* a store with a log row imported by a version before the time prefix */
	assert_int_equal(lcm_store_exec(&f->st, "INSERT INTO term(id, text) VALUES(1, 'x');"
		"INSERT INTO event(ts, verb, platform, external_id)"
		" VALUES(0, 1, 'moodle', '0123456789abcdef-0')", &f->err), 0);
	write_file(f, rows);
	assert_int_equal(import(f), 0);
	event_id(f, 2, id, sizeof(id));
	assert_int_equal(strlen(id), 18);
	assert_string_equal(id + 16, "-0");
	assert_int_equal(import(f), 0);
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_NEW], 0);
}

static void
test_moodle_log_other_ids_do_not_make_a_store_legacy(void **state)
{
	struct fixture *f = *state;
	char id[80];

	/* an lcm-events row of platform moodle whose id is not a bare hash */
	assert_int_equal(lcm_store_exec(&f->st, "INSERT INTO term(id, text) VALUES(1, 'x');"
		"INSERT INTO event(ts, verb, platform, external_id)"
		" VALUES(0, 1, 'moodle', 'e1')", &f->err), 0);
	write_file(f, rows);
	assert_int_equal(import(f), 0);
	event_id(f, 2, id, sizeof(id));
	assert_int_equal(id[0], 't');
}

static void
test_moodle_log_large_file_loads_in_bulk(void **state)
{
	struct fixture *f = *state;
	FILE *fp = new_file(f);
	int i;

	/* 30,000 rows, some 6 MB: the indexes are built at the end */
	for (i = 0; i < 30000; i++)
		fprintf(fp, "\"%d/03/26, %02d:%02d:%02d\",User %d,-,Forum: Questions,Forum,"
			"Discussion viewed,The user with id '%d' has viewed the discussion with"
			" id '%d' in the forum with course module id '7'.,web,192.0.2.%d\n",
			1 + i / 3600 % 28, i / 3600 % 24, i / 60 % 60, i % 60, i % 500, i % 500,
			i % 977, i % 250);
	fclose(fp);
	assert_int_equal(import(f), 0);
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_NEW], 30000);
	assert_int_equal(count(f, "SELECT count(*) FROM sqlite_master WHERE name = 'event_person'"), 1);
	assert_int_equal(count(f, "PRAGMA foreign_keys"), 1);
	assert_int_equal(count(f, "PRAGMA foreign_key_check"), -1);	/* no row: all valid */
	/* user 0 is nobody */
	assert_int_equal(count(f, "SELECT count(DISTINCT person_id) FROM event"), 499);
	assert_int_equal(import(f), 0);
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_NEW], 0);
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_SAME], 30000);
}

static void
test_moodle_log_bad_row_in_bulk_rolls_back(void **state)
{
	struct fixture *f = *state;
	FILE *fp = new_file(f);
	int i;

	for (i = 0; i < 30000; i++)
		fprintf(fp, "\"1/03/26, 10:%02d:%02d\",User %d,-,Forum: Questions,Forum,"
			"Discussion viewed,The user with id '%d' has viewed the discussion with"
			" id '%d' in the forum with course module id '7'.,web,192.0.2.1\n",
			i / 60 % 60, i % 60, i % 50, i % 50, i);
	fputs("\"not a time\",User 1,-,Forum: Q,Forum,Discussion viewed,x,web,192.0.2.1\n", fp);
	fclose(fp);
	assert_int_equal(import(f), -1);
	assert_non_null(strstr(f->err.msg, "column 'time'"));
	assert_int_equal(count(f, "SELECT count(*) FROM event"), 0);
	assert_int_equal(count(f, "SELECT count(*) FROM sqlite_master WHERE name = 'event_person'"), 1);
	assert_int_equal(count(f, "PRAGMA foreign_keys"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_moodle_log_row_id_is_time_hash_rank, setup, teardown),
		cmocka_unit_test_setup_teardown(test_moodle_log_reimport_other_zone_updates_in_place,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_moodle_log_legacy_store_keeps_first_form,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_moodle_log_other_ids_do_not_make_a_store_legacy,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_moodle_log_large_file_loads_in_bulk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_moodle_log_bad_row_in_bulk_rolls_back,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
