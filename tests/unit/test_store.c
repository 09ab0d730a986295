/* test_store.c - the store: schema, upserts, outcomes, transactions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "store.h"
#include "store_write.h"
#include "support.h"

static int
setup(void **state)
{
	struct lcm_store *st = calloc(1, sizeof(*st));
	struct lcm_err err;

	lcm_err_init(&err);
	if (lcm_store_open(st, ":memory:", LCM_STORE_CREATE, 0, &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		free(st);
		return -1;
	}
	*state = st;
	return 0;
}

static int
teardown(void **state)
{
	lcm_store_close(*state);
	free(*state);
	return 0;
}

static int64_t
count(struct lcm_store *st, const char *sql)
{
	return test_query_int(st, sql);
}

static void
test_store_open_sets_schema_version(void **state)
{
	assert_int_equal(count(*state, "PRAGMA user_version"), LCM_SCHEMA_VERSION);
}

static void
test_store_person_new_then_same(void **state)
{
	struct lcm_person p = { "moodle", "58", "User 58", NULL, NULL, NULL, NULL, NULL };
	enum lcm_outcome o;
	int64_t id1, id2;

	assert_int_equal(lcm_store_person(*state, &p, &id1, &o, NULL), 0);
	assert_int_equal(o, LCM_NEW);
	assert_int_equal(lcm_store_person(*state, &p, &id2, &o, NULL), 0);
	assert_int_equal(o, LCM_SAME);
	assert_int_equal(id1, id2);
	assert_int_equal(count(*state, "SELECT count(*) FROM person"), 1);
}

static void
test_store_person_null_keeps_known_values(void **state)
{
	struct lcm_person full = { "moodle", "7", "Ana", "ana@example.org", "staff", "A", NULL, NULL };
	struct lcm_person bare = { "moodle", "7", NULL, NULL, NULL, NULL, NULL, NULL };
	enum lcm_outcome o;
	int64_t id;

	assert_int_equal(lcm_store_person(*state, &full, &id, &o, NULL), 0);
	assert_int_equal(lcm_store_person(*state, &bare, &id, &o, NULL), 0);
	assert_int_equal(o, LCM_SAME);
	assert_int_equal(count(*state,
		"SELECT count(*) FROM person WHERE role = 'staff' AND email = 'ana@example.org'"), 1);
}

static void
test_store_person_change_is_update(void **state)
{
	struct lcm_person p = { "moodle", "7", "Ana", NULL, NULL, NULL, NULL, NULL };
	enum lcm_outcome o;
	int64_t id;

	assert_int_equal(lcm_store_person(*state, &p, &id, &o, NULL), 0);
	p.name = "Ana Martin";
	assert_int_equal(lcm_store_person(*state, &p, &id, &o, NULL), 0);
	assert_int_equal(o, LCM_UPDATED);
}

static void
test_store_person_bad_role_fails(void **state)
{
	struct lcm_person p = { "lcm", "1", "X", NULL, "admin", NULL, NULL, NULL };
	struct lcm_err err;
	int64_t id;

	lcm_err_init(&err);
	assert_int_equal(lcm_store_person(*state, &p, &id, NULL, &err), -1);
	assert_non_null(strstr(err.msg, "CHECK constraint"));
}

static void
test_store_post_parent_linked_after_child(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_thread t = { "moodle", "1", 0, "T", 0, 100, 1 };
	struct lcm_post child = { 0 }, root = { 0 };
	enum lcm_outcome o;
	int64_t tid, id;

	assert_int_equal(lcm_store_thread(st, &t, &tid, &o, NULL), 0);
	child.platform = root.platform = "moodle";
	child.external_id = "11";
	child.parent_ext = "10";
	child.thread_id = root.thread_id = tid;
	child.created = 200;
	root.external_id = "10";
	root.created = 100;
	assert_int_equal(lcm_store_post(st, &child, &id, &o, NULL), 0);
	assert_int_equal(lcm_store_post(st, &root, &id, &o, NULL), 0);
	assert_int_equal(lcm_store_link_parents(st, NULL), 0);
	assert_int_equal(count(st, "SELECT count(*) FROM post c JOIN post p ON c.parent_id = p.id"
			       " WHERE c.external_id = '11' AND p.external_id = '10'"), 1);
}

static void
test_store_post_same_twice_is_same(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_thread t = { "moodle", "1", 0, "T", 0, 100, 1 };
	struct lcm_post p = { 0 };
	enum lcm_outcome o;
	int64_t tid, id;

	assert_int_equal(lcm_store_thread(st, &t, &tid, &o, NULL), 0);
	p.platform = "moodle";
	p.external_id = "5";
	p.thread_id = tid;
	p.created = 100;
	p.body = "Bonjour";
	assert_int_equal(lcm_store_post(st, &p, &id, &o, NULL), 0);
	assert_int_equal(o, LCM_NEW);
	assert_int_equal(lcm_store_post(st, &p, &id, &o, NULL), 0);
	assert_int_equal(o, LCM_SAME);
	p.body = "Bonjour à tous";
	assert_int_equal(lcm_store_post(st, &p, &id, &o, NULL), 0);
	assert_int_equal(o, LCM_UPDATED);
}

static void
test_store_event_outcomes(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_event e = { 0 };
	enum lcm_outcome o;
	int64_t verb;

	assert_int_equal(lcm_store_term(st, "Course viewed", &verb, NULL), 0);
	e.platform = "moodle";
	e.external_id = "abc-0";
	e.ts = 1000;
	e.verb = verb;
	assert_int_equal(lcm_store_event(st, &e, &o, NULL), 0);
	assert_int_equal(o, LCM_NEW);
	assert_int_equal(lcm_store_event(st, &e, &o, NULL), 0);
	assert_int_equal(o, LCM_SAME);
	e.ts = 2000;
	assert_int_equal(lcm_store_event(st, &e, &o, NULL), 0);
	assert_int_equal(o, LCM_UPDATED);
	assert_int_equal(count(st, "SELECT count(*) FROM event"), 1);
}

static void
test_store_term_is_cached_and_unique(void **state)
{
	int64_t a, b, c;

	assert_int_equal(lcm_store_term(*state, "x", &a, NULL), 0);
	assert_int_equal(lcm_store_term(*state, "y", &b, NULL), 0);
	assert_int_equal(lcm_store_term(*state, "x", &c, NULL), 0);
	assert_int_equal(a, c);
	assert_int_not_equal(a, b);
}

static void
test_store_rollback_forgets_terms(void **state)
{
	struct lcm_store *st = *state;
	int64_t a, b;

	assert_int_equal(lcm_store_begin(st, NULL), 0);
	assert_int_equal(lcm_store_term(st, "gone", &a, NULL), 0);
	lcm_store_rollback(st);
	assert_int_equal(count(st, "SELECT count(*) FROM term"), 0);
	assert_int_equal(lcm_store_term(st, "gone", &b, NULL), 0);
	assert_int_equal(count(st, "SELECT count(*) FROM term WHERE text = 'gone'"), 1);
}

static void
test_store_item_lists_replaced(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_item it = { 0 };
	enum lcm_outcome o;
	int64_t id;

	it.platform = "lcm";
	it.external_id = "B1";
	it.title = "Intro";
	assert_int_equal(lcm_store_item(st, &it, &id, &o, NULL), 0);
	assert_int_equal(lcm_store_item_skills(st, id, " scrum ; kanban;;", NULL), 0);
	assert_int_equal(count(st, "SELECT count(*) FROM item_skill"), 2);
	assert_int_equal(lcm_store_item_skills(st, id, "scrum", NULL), 0);
	assert_int_equal(count(st, "SELECT count(*) FROM item_skill WHERE skill = 'scrum'"), 1);
	assert_int_equal(count(st, "SELECT count(*) FROM item_skill"), 1);
}

static void
test_store_completion_latest_keeps_later(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_person p = { "xapi", "a", "A", NULL, NULL, NULL, NULL, NULL };
	struct lcm_item it = { 0 };
	enum lcm_outcome o;
	int64_t person, item;

	it.platform = "xapi";
	it.external_id = "m1";
	assert_int_equal(lcm_store_person(st, &p, &person, NULL, NULL), 0);
	assert_int_equal(lcm_store_item(st, &it, &item, NULL, NULL), 0);
	assert_int_equal(lcm_store_completion_latest(st, person, item, "passed", 200, 0.9, 1,
						     &o, NULL), 0);
	assert_int_equal(o, LCM_NEW);
	/* an older statement read after it changes nothing */
	assert_int_equal(lcm_store_completion_latest(st, person, item, "failed", 100, 0.2, 1,
						     &o, NULL), 0);
	assert_int_equal(o, LCM_SAME);
	assert_int_equal(count(st, "SELECT count(*) FROM completion WHERE state = 'passed'"), 1);
	assert_int_equal(lcm_store_completion_latest(st, person, item, "mastered", 300, 0, 0,
						     &o, NULL), 0);
	assert_int_equal(o, LCM_UPDATED);
}

static void
test_store_void_removes_event_and_remembers(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_event e = { 0 };
	int found = 0;

	e.platform = "xapi";
	e.external_id = "s1";
	e.ts = 1000;
	assert_int_equal(lcm_store_term(st, "viewed", &e.verb, NULL), 0);
	assert_int_equal(lcm_store_event(st, &e, NULL, NULL), 0);
	assert_int_equal(lcm_store_is_voided(st, "xapi", "s1", NULL), 0);
	assert_int_equal(lcm_store_void(st, "xapi", "s1", &found, NULL), 0);
	assert_int_equal(found, 1);
	assert_int_equal(count(st, "SELECT count(*) FROM event"), 0);
	assert_int_equal(lcm_store_is_voided(st, "xapi", "s1", NULL), 1);
	/* voiding what is not there yet is remembered too */
	assert_int_equal(lcm_store_void(st, "xapi", "s2", &found, NULL), 0);
	assert_int_equal(found, 0);
	assert_int_equal(lcm_store_is_voided(st, "xapi", "s2", NULL), 1);
}

static void
test_store_term_label_set_and_same(void **state)
{
	struct lcm_store *st = *state;
	int64_t id;

	assert_int_equal(lcm_store_term(st, "http://x.org/v", &id, NULL), 0);
	assert_int_equal(lcm_store_term_label(st, id, "viewed", NULL), 0);
	assert_int_equal(count(st, "SELECT count(*) FROM term WHERE label = 'viewed'"), 1);
	assert_int_equal(lcm_store_term_label(st, id, "viewed", NULL), 0);
	assert_int_equal(sqlite3_changes(st->db), 0);
}

static void
test_store_thread_root_and_post_find(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_thread t = { "xapi", "t1", 0, "T", 0, 0, 0 };
	struct lcm_post p = { 0 };
	struct lcm_buf ext;
	int64_t tid, pid, found_thread = 0;

	lcm_buf_init(&ext);
	assert_int_equal(lcm_store_thread(st, &t, &tid, NULL, NULL), 0);
	assert_int_equal(lcm_store_thread_root(st, tid, &ext, NULL), 0);
	p.platform = "xapi";
	p.thread_id = tid;
	p.external_id = "late";
	p.created = 200;
	assert_int_equal(lcm_store_post(st, &p, &pid, NULL, NULL), 0);
	p.external_id = "early";
	p.created = 100;
	assert_int_equal(lcm_store_post(st, &p, &pid, NULL, NULL), 0);
	assert_int_equal(lcm_store_thread_root(st, tid, &ext, NULL), 1);
	assert_string_equal(ext.data, "early");
	assert_int_equal(lcm_store_post_find(st, "xapi", "late", NULL, &found_thread, NULL), 1);
	assert_int_equal(found_thread, tid);
	assert_int_equal(lcm_store_post_find(st, "xapi", "none", NULL, NULL, NULL), 0);
	assert_int_equal(lcm_store_thread_find(st, "xapi", "t1", &found_thread, NULL), 1);
	lcm_buf_release(&ext);
}

static void
test_store_open_refuses_foreign_database(void **state)
{
	char path[] = "/tmp/lcm-test-XXXXXX";
	struct lcm_store st;
	struct lcm_err err;
	sqlite3 *db;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&st, path, LCM_STORE_CREATE, 0, &err), -1);
	assert_non_null(strstr(err.msg, "is not an lcm store"));
	unlink(path);
}

static void
test_store_open_readonly_missing_file_fails(void **state)
{
	struct lcm_store st;
	struct lcm_err err;

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&st, "/nonexistent/dir/lcm.db", LCM_STORE_READONLY,
					0, &err), -1);
	assert_non_null(strstr(err.msg, "cannot open store"));
}

/*
 * An analysis sees one state of the store however many statements it
 * runs: rows an import commits meanwhile are not half seen.
 */
static void
test_store_reader_keeps_one_snapshot(void **state)
{
	char path[] = "/tmp/lcm-test-XXXXXX", side[sizeof(path) + 4];
	struct lcm_person p1 = { "moodle", "1", "One", NULL, NULL, NULL, NULL, NULL };
	struct lcm_person p2 = { "moodle", "2", "Two", NULL, NULL, NULL, NULL, NULL };
	struct lcm_store w, r;
	struct lcm_err err;
	enum lcm_outcome o;
	int64_t id;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&w, path, LCM_STORE_CREATE, 0, &err), 0);
	assert_int_equal(lcm_store_person(&w, &p1, &id, &o, &err), 0);
	assert_int_equal(lcm_store_open(&r, path, LCM_STORE_READONLY, 0, &err), 0);
	assert_int_equal(count(&r, "SELECT count(*) FROM person"), 1);
	assert_int_equal(lcm_store_person(&w, &p2, &id, &o, &err), 0);
	assert_int_equal(count(&w, "SELECT count(*) FROM person"), 2);
	assert_int_equal(count(&r, "SELECT count(*) FROM person"), 1);
	lcm_store_close(&r);
	assert_int_equal(lcm_store_open(&r, path, LCM_STORE_READONLY, 0, &err), 0);
	assert_int_equal(count(&r, "SELECT count(*) FROM person"), 2);
	lcm_store_close(&r);
	lcm_store_close(&w);
	unlink(path);
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
}

/* A store in a fresh directory under /tmp; path gets "<dir>/lcm.db". */
static void
store_in_dir(char *dir, char *path, size_t size, int persons)
{
	struct lcm_person p = { "moodle", "1", "One", NULL, NULL, NULL, NULL, NULL };
	struct lcm_store w;
	struct lcm_err err;
	enum lcm_outcome o;
	int64_t id;

	assert_non_null(mkdtemp(dir));
	snprintf(path, size, "%s/lcm.db", dir);
	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&w, path, LCM_STORE_CREATE, 0, &err), 0);
	for (; persons > 0; persons--)
		assert_int_equal(lcm_store_person(&w, &p, &id, &o, &err), 0);
	lcm_store_close(&w);
}

/* Removes what store_in_dir and the tests made. */
static void
remove_dir(const char *dir)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/*
 * Where the -wal and -shm files cannot be made (here directories of
 * their names, since root can write in any directory), a reader falls
 * back to immutable=1 and reads.
 */
static void
test_store_open_readonly_without_shm_is_immutable(void **state)
{
	char dir[] = "/tmp/lcm-test-XXXXXX", path[64], side[80];
	struct lcm_store r;
	struct lcm_err err;

	(void)state;
	store_in_dir(dir, path, sizeof(path), 1);
	snprintf(side, sizeof(side), "%s-wal", path);
	assert_int_equal(mkdir(side, 0700), 0);
	snprintf(side, sizeof(side), "%s-shm", path);
	assert_int_equal(mkdir(side, 0700), 0);
	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&r, path, LCM_STORE_READONLY, 0, &err), 0);
	assert_int_equal(r.immutable, 1);
	assert_int_equal(count(&r, "SELECT count(*) FROM person"), 1);
	lcm_store_close(&r);
	remove_dir(dir);
}

/* An ordinary store is not opened immutable: writers may run beside it. */
static void
test_store_open_readonly_is_not_immutable(void **state)
{
	char dir[] = "/tmp/lcm-test-XXXXXX", path[64];
	struct lcm_store r;
	struct lcm_err err;

	(void)state;
	store_in_dir(dir, path, sizeof(path), 1);
	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&r, path, LCM_STORE_READONLY, 0, &err), 0);
	assert_int_equal(r.immutable, 0);
	lcm_store_close(&r);
	remove_dir(dir);
}

/* A file that exists but cannot be read is not said to be missing. */
static void
test_store_open_readonly_unreadable_says_why(void **state)
{
	char dir[] = "/tmp/lcm-test-XXXXXX", path[64];
	struct lcm_store r;
	struct lcm_err err;

	(void)state;
	store_in_dir(dir, path, sizeof(path), 0);
	lcm_err_init(&err);
	/* a directory of the name: unreadable as a file, even by root */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(lcm_store_open(&r, path, LCM_STORE_READONLY, 0, &err), -1);
	assert_null(strstr(err.msg, "No such file"));
	remove_dir(dir);
}

/* Paths with URI characters ('?', '#', '%', ' ') are opened as they are. */
static void
test_store_open_readonly_uri_characters(void **state)
{
	char dir[] = "/tmp/lcm-test-XXXXXX", path[64], odd[96];
	struct lcm_store r;
	struct lcm_err err;

	(void)state;
	store_in_dir(dir, path, sizeof(path), 1);
	snprintf(odd, sizeof(odd), "%s/a ?b#c%%41.db", dir);
	assert_int_equal(rename(path, odd), 0);
	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&r, odd, LCM_STORE_READONLY, 0, &err), 0);
	assert_int_equal(count(&r, "SELECT count(*) FROM person"), 1);
	lcm_store_close(&r);
	remove_dir(dir);
}

static void
test_store_default_path_order(void **state)
{
	(void)state;
	setenv("LCM_DB", "/tmp/env.db", 1);
	assert_string_equal(lcm_store_default_path("x.db"), "x.db");
	assert_string_equal(lcm_store_default_path(NULL), "/tmp/env.db");
	unsetenv("LCM_DB");
	assert_string_equal(lcm_store_default_path(NULL), "lcm.db");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_store_open_sets_schema_version, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_person_new_then_same, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_person_null_keeps_known_values, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_person_change_is_update, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_person_bad_role_fails, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_post_parent_linked_after_child, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_post_same_twice_is_same, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_event_outcomes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_term_is_cached_and_unique, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_rollback_forgets_terms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_item_lists_replaced, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_completion_latest_keeps_later, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_void_removes_event_and_remembers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_term_label_set_and_same, setup, teardown),
		cmocka_unit_test_setup_teardown(test_store_thread_root_and_post_find, setup, teardown),
		cmocka_unit_test(test_store_open_refuses_foreign_database),
		cmocka_unit_test(test_store_open_readonly_missing_file_fails),
		cmocka_unit_test(test_store_reader_keeps_one_snapshot),
		cmocka_unit_test(test_store_default_path_order),
		cmocka_unit_test(test_store_open_readonly_without_shm_is_immutable),
		cmocka_unit_test(test_store_open_readonly_is_not_immutable),
		cmocka_unit_test(test_store_open_readonly_unreadable_says_why),
		cmocka_unit_test(test_store_open_readonly_uri_characters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
