/* test_origin.c - integer origin keys of events (schema 3): the key's
 * packing, collisions (forced through the hash hook), and the migration
 * from version 2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "origin.h"
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

	snprintf(f->path, sizeof(f->path), "/tmp/lcm-origin-XXXXXX");
	if ((fd = mkstemp(f->path)) < 0) {
		free(f);
		return -1;
	}
	close(fd);
	unlink(f->path);
	lcm_err_init(&f->err);
	if (lcm_store_open(&f->st, f->path, LCM_STORE_CREATE, 0, &f->err) < 0) {
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char p[80];

	lcm_origin_set_hash(NULL);
	lcm_store_close(&f->st);
	unlink(f->path);
	snprintf(p, sizeof(p), "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", f->path);
	unlink(p);
	free(f);
	return 0;
}

/* Every id collides. */
static uint64_t
same_hash(const char *platform, const char *ext)
{
	(void)platform;
	(void)ext;
	return 42;
}

static int64_t
q(struct lcm_store *st, const char *sql)
{
	return test_query_int(st, sql);
}

/* Writes event ext (ts, verb 1) in its own transaction; the outcome. */
static int
put(struct fixture *f, const char *ext, int64_t ts, enum lcm_outcome *o)
{
	struct lcm_event e = { "moodle", ext, 0, 0, ts, 0, 0 };
	int rc;

	if (lcm_store_begin(&f->st, &f->err) < 0 ||
	    lcm_store_term(&f->st, "viewed", &e.verb, &f->err) < 0)
		return -1;
	rc = lcm_store_event(&f->st, &e, o, &f->err);
	if (rc < 0) {
		lcm_store_rollback(&f->st);
		return -1;
	}
	return lcm_store_commit(&f->st, &f->err);
}

static void
test_origin_key_packs_time_digits_in_order(void **state)
{
	(void)state;
	/* the twelve digits after 't' above 22 bits of hash */
	assert_int_equal(lcm_origin_key("moodle", "t050126101112abcdef-0") >> 22,
			 INT64_C(50126101112));
	assert_true(lcm_origin_key("moodle", "t0501261011120000-0") <
		    lcm_origin_key("moodle", "t0501261011130000-0"));
	/* fewer digits are padded: "t05" sorts before "t0600" */
	assert_int_equal(lcm_origin_key("moodle", "t05x") >> 22, INT64_C(50000000000));
	assert_true(lcm_origin_key("moodle", "t05x") < lcm_origin_key("moodle", "t0600"));
}

static void
test_origin_key_hashes_other_ids_with_platform(void **state)
{
	int64_t a = lcm_origin_key("xapi", "6690e6c9-3ef0-4ed3-8b37-7f3964730bee");

	(void)state;
	assert_true(a >= 0 && a < (INT64_C(1) << 62));
	assert_int_not_equal(a, lcm_origin_key("moodle", "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"));
	assert_int_equal(a, lcm_origin_key("xapi", "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"));
}

static void
test_store_event_collision_keeps_both_rows(void **state)
{
	struct fixture *f = *state;
	enum lcm_outcome o;

	lcm_origin_set_hash(same_hash);
	assert_int_equal(put(f, "a", 10, &o), 0);
	assert_int_equal(o, LCM_NEW);
	assert_int_equal(put(f, "b", 20, &o), 0);
	assert_int_equal(o, LCM_NEW);
	/* never merged: two rows, each with its own time */
	assert_int_equal(q(&f->st, "SELECT count(*) FROM event"), 2);
	assert_int_equal(q(&f->st, "SELECT ts FROM event WHERE external_id = 'b'"), 20);
	assert_int_equal(q(&f->st, "SELECT count(*) FROM event_away"), 1);
	/* the same ids again: found, not stored twice */
	assert_int_equal(put(f, "b", 20, &o), 0);
	assert_int_equal(o, LCM_SAME);
	assert_int_equal(put(f, "a", 11, &o), 0);
	assert_int_equal(o, LCM_UPDATED);
	assert_int_equal(q(&f->st, "SELECT count(*) FROM event"), 2);
}

static void
test_store_event_delete_brings_away_row_home(void **state)
{
	struct fixture *f = *state;
	enum lcm_outcome o;
	int found = 0;

	lcm_origin_set_hash(same_hash);
	assert_int_equal(put(f, "a", 10, &o), 0);
	assert_int_equal(put(f, "b", 20, &o), 0);
	assert_int_equal(lcm_store_void(&f->st, "moodle", "a", &found, &f->err), 0);
	assert_int_equal(found, 1);
	/* b, stored away from its home key, is home now: not written twice */
	assert_int_equal(q(&f->st, "SELECT count(*) FROM event_away"), 0);
	assert_int_equal(q(&f->st, "SELECT origin FROM event WHERE external_id = 'b'"),
			 lcm_origin_key("moodle", "b"));
	assert_int_equal(put(f, "b", 20, &o), 0);
	assert_int_equal(o, LCM_SAME);
	assert_int_equal(q(&f->st, "SELECT count(*) FROM event"), 1);
}

static void
test_store_event_full_probe_range_fails(void **state)
{
	struct fixture *f = *state;
	enum lcm_outcome o;
	char ext[8];
	int i;

	lcm_origin_set_hash(same_hash);
	for (i = 0; i < LCM_ORIGIN_PROBES; i++) {
		snprintf(ext, sizeof(ext), "e%d", i);
		assert_int_equal(put(f, ext, i, &o), 0);
	}
	assert_int_equal(put(f, "one-more", 99, &o), -1);
	assert_non_null(strstr(f->err.msg, "other ids share its origin key"));
	assert_int_equal(q(&f->st, "SELECT count(*) FROM event"), LCM_ORIGIN_PROBES);
}

/* The fixture's store made again as version 2 with n events. */
static void
make_v2(struct fixture *f, int n)
{
	char sql[256];
	int i;

	assert_int_equal(sqlite3_exec(f->st.db, TEST_V2_EVENT
		"INSERT INTO term(id, text) VALUES (1, 'viewed'); PRAGMA user_version = 2;",
		NULL, NULL, NULL), SQLITE_OK);
	for (i = 0; i < n; i++) {
		snprintf(sql, sizeof(sql), "INSERT INTO event(ts, verb, platform, external_id)"
			 " VALUES (%d, 1, 'moodle', 'e%d')", 100 + i, i);
		assert_int_equal(sqlite3_exec(f->st.db, sql, NULL, NULL, NULL), SQLITE_OK);
	}
	lcm_store_close(&f->st);
}

static void
test_store_open_migrates_version_2_events(void **state)
{
	struct fixture *f = *state;
	enum lcm_outcome o;

	make_v2(f, 3);
	lcm_origin_set_hash(same_hash);	/* the copy meets collisions too */
	assert_int_equal(lcm_store_open(&f->st, f->path, 0, 0, &f->err), 0);
	assert_int_equal(q(&f->st, "PRAGMA user_version"), 3);
	assert_int_equal(q(&f->st, "SELECT count(*) FROM event WHERE origin IS NOT NULL"), 3);
	assert_int_equal(q(&f->st, "SELECT count(*) FROM event_away"), 2);
	assert_int_equal(q(&f->st, "SELECT ts FROM event WHERE id = 3 AND external_id = 'e2'"), 102);
	assert_int_equal(q(&f->st, "SELECT count(*) FROM event_text"), 3);
	/* re-imported after the migration: found, not added */
	assert_int_equal(put(f, "e2", 102, &o), 0);
	assert_int_equal(o, LCM_SAME);
	assert_int_equal(q(&f->st, "SELECT count(*) FROM event"), 3);
}

static void
test_store_open_failed_migration_leaves_version_2(void **state)
{
	struct fixture *f = *state;

	make_v2(f, LCM_ORIGIN_PROBES + 1);
	lcm_origin_set_hash(same_hash);	/* one event too many for one key */
	assert_int_equal(lcm_store_open(&f->st, f->path, 0, 0, &f->err), -1);
	assert_non_null(strstr(f->err.msg, "share its origin key"));
	lcm_origin_set_hash(NULL);
	assert_int_equal(lcm_store_open(&f->st, f->path, LCM_STORE_READONLY, 0, &f->err), -1);
	assert_non_null(strstr(f->err.msg, "schema version 2"));
	assert_int_equal(sqlite3_open(f->path, &f->st.db), SQLITE_OK);
	f->st.path = strdup(f->path);
	assert_int_equal(q(&f->st, "PRAGMA user_version"), 2);
	assert_int_equal(q(&f->st, "SELECT count(*) FROM event"), LCM_ORIGIN_PROBES + 1);
	assert_int_equal(q(&f->st, "SELECT count(*) FROM sqlite_master WHERE name = 'event_v2'"), 0);
	/* with the real hash it migrates */
	lcm_store_close(&f->st);
	assert_int_equal(lcm_store_open(&f->st, f->path, 0, 0, &f->err), 0);
	assert_int_equal(q(&f->st, "SELECT count(*) FROM event WHERE origin IS NOT NULL"),
			 LCM_ORIGIN_PROBES + 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_origin_key_packs_time_digits_in_order),
		cmocka_unit_test(test_origin_key_hashes_other_ids_with_platform),
		cmocka_unit_test_setup_teardown(test_store_event_collision_keeps_both_rows,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_event_delete_brings_away_row_home,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_event_full_probe_range_fails,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_open_migrates_version_2_events,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_open_failed_migration_leaves_version_2,
						setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
