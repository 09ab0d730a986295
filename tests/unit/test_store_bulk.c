/* test_store_bulk.c - bulk loads (indexes dropped and built again,
 * foreign keys unchecked) and the migration to schema version 2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "store.h"
#include "store_write.h"
#include "support.h"

struct fixture {
	struct lcm_store st;
	struct lcm_err err;
	char path[64];
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	int fd;

	snprintf(f->path, sizeof(f->path), "/tmp/lcm-bulk-XXXXXX");
	fd = mkstemp(f->path);
	if (fd < 0) {
		free(f);
		return -1;
	}
	close(fd);
	unlink(f->path);
	lcm_err_init(&f->err);
	if (lcm_store_open(&f->st, f->path, LCM_STORE_CREATE, 0, &f->err) < 0) {
		fprintf(stderr, "%s\n", f->err.msg);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

/* Removes the store file and its WAL companions. */
static void
remove_store(const char *path)
{
	char p[80];

	unlink(path);
	snprintf(p, sizeof(p), "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", path);
	unlink(p);
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	lcm_store_close(&f->st);
	remove_store(f->path);
	free(f);
	return 0;
}

static int64_t
count(struct lcm_store *st, const char *sql)
{
	return test_query_int(st, sql);
}

/* The CREATE statements of every index, one string, to compare. */
static char *
index_sql(struct lcm_store *st)
{
	sqlite3_stmt *s;
	char *all;

	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT group_concat(sql, ';') FROM"
		" (SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
		" ORDER BY name)", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	all = strdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return all;
}

static int
has_index(struct lcm_store *st, const char *name)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM sqlite_master WHERE name = '%s'", name);
	return count(st, sql) == 1;
}

static void
exec(struct lcm_store *st, const char *sql)
{
	struct lcm_err err;

	lcm_err_init(&err);
	if (lcm_store_exec(st, sql, &err) < 0)
		fail_msg("%s", err.msg);
}

static void
test_store_bulk_begin_drops_and_end_rebuilds_event_indexes(void **state)
{
	struct fixture *f = *state;
	char *before = index_sql(&f->st), *after;

	assert_int_equal(lcm_store_begin(&f->st, &f->err), 0);
	assert_int_equal(lcm_store_bulk_begin(&f->st, "event", 100000, &f->err), 0);
	assert_false(has_index(&f->st, "event_person"));
	assert_true(has_index(&f->st, "post_thread"));	/* another table's */
	assert_true(has_index(&f->st, "sqlite_autoindex_event_1"));	/* the UNIQUE */
	assert_int_equal(lcm_store_bulk_end(&f->st, &f->err), 0);
	assert_int_equal(lcm_store_commit(&f->st, &f->err), 0);
	after = index_sql(&f->st);
	assert_string_equal(after, before);
	free(before);
	free(after);
}

static void
test_store_bulk_begin_drops_post_indexes(void **state)
{
	struct fixture *f = *state;
	char *before = index_sql(&f->st), *after;

	assert_int_equal(lcm_store_begin(&f->st, &f->err), 0);
	assert_int_equal(lcm_store_bulk_begin(&f->st, "post", 50000, &f->err), 0);
	assert_false(has_index(&f->st, "post_thread"));
	assert_false(has_index(&f->st, "post_root"));
	assert_true(has_index(&f->st, "event_person"));
	assert_int_equal(lcm_store_bulk_end(&f->st, &f->err), 0);
	assert_int_equal(lcm_store_commit(&f->st, &f->err), 0);
	after = index_sql(&f->st);
	assert_string_equal(after, before);
	free(before);
	free(after);
}

static void
test_store_bulk_begin_small_file_changes_nothing(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(lcm_store_begin(&f->st, &f->err), 0);
	assert_int_equal(lcm_store_bulk_begin(&f->st, "event", 5000, &f->err), 0);
	assert_true(has_index(&f->st, "event_person"));
	assert_int_equal(count(&f->st, "PRAGMA foreign_keys"), 1);
	assert_int_equal(lcm_store_bulk_end(&f->st, &f->err), 0);
	assert_int_equal(lcm_store_commit(&f->st, &f->err), 0);
}

static void
test_store_bulk_begin_large_table_keeps_indexes(void **state)
{
	struct fixture *f = *state;

	exec(&f->st, "INSERT INTO term(id, text) VALUES(1, 'viewed');"
	     "INSERT INTO event(id, ts, verb, platform, external_id)"
	     " VALUES(500000, 0, 1, 'x', 'e1');");
	assert_int_equal(lcm_store_begin(&f->st, &f->err), 0);
	assert_int_equal(lcm_store_bulk_begin(&f->st, "event", 100000, &f->err), 0);
	assert_true(has_index(&f->st, "event_person"));
	/* the checks go all the same: they cost per row, whatever the size */
	assert_int_equal(count(&f->st, "PRAGMA foreign_keys"), 0);
	assert_int_equal(lcm_store_bulk_end(&f->st, &f->err), 0);
	assert_int_equal(lcm_store_commit(&f->st, &f->err), 0);
	assert_int_equal(count(&f->st, "PRAGMA foreign_keys"), 1);
}

static void
test_store_bulk_rollback_brings_indexes_and_checks_back(void **state)
{
	struct fixture *f = *state;
	char *before = index_sql(&f->st), *after;

	assert_int_equal(lcm_store_begin(&f->st, &f->err), 0);
	assert_int_equal(lcm_store_bulk_begin(&f->st, "event", 100000, &f->err), 0);
	assert_int_equal(count(&f->st, "PRAGMA foreign_keys"), 0);
	lcm_store_rollback(&f->st);
	assert_int_equal(count(&f->st, "PRAGMA foreign_keys"), 1);
	assert_null(f->st.bulk);
	after = index_sql(&f->st);
	assert_string_equal(after, before);
	free(before);
	free(after);
}

static void
test_store_bulk_begin_after_a_write_keeps_foreign_keys(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(lcm_store_begin(&f->st, &f->err), 0);
	exec(&f->st, "INSERT INTO term(text) VALUES('written first')");
	assert_int_equal(lcm_store_bulk_begin(&f->st, "event", 100000, &f->err), 0);
	/* the transaction must stay one: no commit to turn the checks off */
	assert_int_equal(count(&f->st, "PRAGMA foreign_keys"), 1);
	assert_int_equal(sqlite3_get_autocommit(f->st.db), 0);
	lcm_store_rollback(&f->st);
	assert_int_equal(count(&f->st, "SELECT count(*) FROM term"), 0);
}

static void
test_store_bulk_begin_unknown_table_fails(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(lcm_store_begin(&f->st, &f->err), 0);
	assert_int_equal(lcm_store_bulk_begin(&f->st, "person", 100000, &f->err), -1);
	assert_string_equal(f->err.msg, "no bulk load into table 'person'");
	lcm_store_rollback(&f->st);
}

static void
test_store_bulk_end_without_begin_does_nothing(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(lcm_store_bulk_end(&f->st, &f->err), 0);
	assert_true(has_index(&f->st, "event_person"));
}

static void
test_store_open_new_store_has_large_pages(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(count(&f->st, "PRAGMA page_size"), 8192);
	assert_int_equal(count(&f->st, "PRAGMA temp_store"), 0);
}

static void
test_store_open_migrates_version_1(void **state)
{
	struct fixture *f = *state;
	char *fresh = index_sql(&f->st), *migrated;

	/* the indexes and the event table as version 1 had them */
	exec(&f->st, "DROP INDEX post_thread; CREATE INDEX post_thread ON post(thread_id, created);"
	     "DROP INDEX post_root; CREATE INDEX post_root ON post(created)"
	     " WHERE parent_ext IS NULL;" TEST_V2_EVENT "PRAGMA user_version = 1;");
	lcm_store_close(&f->st);
	assert_int_equal(lcm_store_open(&f->st, f->path, LCM_STORE_READONLY, 0, &f->err), -1);
	assert_non_null(strstr(f->err.msg, "schema version 1: run lcm-import once"));
	assert_int_equal(lcm_store_open(&f->st, f->path, 0, 0, &f->err), 0);
	assert_int_equal(count(&f->st, "PRAGMA user_version"), 3);
	migrated = index_sql(&f->st);
	assert_string_equal(migrated, fresh);
	free(fresh);
	free(migrated);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_store_bulk_begin_drops_and_end_rebuilds_event_indexes,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_bulk_begin_drops_post_indexes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_bulk_begin_small_file_changes_nothing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_bulk_begin_large_table_keeps_indexes,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_bulk_rollback_brings_indexes_and_checks_back,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_bulk_begin_after_a_write_keeps_foreign_keys,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_bulk_begin_unknown_table_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_bulk_end_without_begin_does_nothing,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_open_new_store_has_large_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_open_migrates_version_1, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
