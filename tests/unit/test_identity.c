/*
 * test_identity.c - one person across platforms: accounts, merges by
 * e-mail or username, the derived person, the identity table.
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

#include "identity.h"
#include "store.h"
#include "store_write.h"
#include "support.h"

static int
setup(void **state)
{
	struct lcm_store *st = calloc(1, sizeof(*st));

	if (lcm_store_open(st, ":memory:", LCM_STORE_CREATE, 0, NULL) < 0)
		return -1;
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

static long long
q(struct lcm_store *st, const char *sql)
{
	return test_query_int(st, sql);
}

/* Stores an account; returns the person id. */
static int64_t
account(struct lcm_store *st, const char *platform, const char *ext,
	const char *name, const char *email, const char *role, const char *username)
{
	struct lcm_person p = { platform, ext, name, email, role, NULL, NULL, username };
	int64_t id = 0;

	assert_int_equal(lcm_store_person(st, &p, &id, NULL, NULL), 0);
	return id;
}

static void
test_lcm_link_by_parse_names(void **state)
{
	enum lcm_link_by by;

	(void)state;
	assert_int_equal(lcm_link_by_parse("email", &by), 0);
	assert_int_equal(by, LCM_LINK_EMAIL);
	assert_int_equal(lcm_link_by_parse("username", &by), 0);
	assert_int_equal(by, LCM_LINK_USERNAME);
	assert_int_equal(lcm_link_by_parse("none", &by), 0);
	assert_int_equal(by, LCM_LINK_NONE);
	assert_int_equal(lcm_link_by_parse("Email", &by), -1);
}

static void
test_lcm_identity_link_email_ignores_case_and_spaces(void **state)
{
	struct lcm_store *st = *state;
	long merged = 0;

	account(st, "moodle", "58", "Ana Martin", " Ana.Martin@Example.org ", NULL, NULL);
	account(st, "xapi", "mailto:ana.martin@example.org", "ana", "ana.martin@example.org",
		NULL, NULL);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_EMAIL, &merged, NULL), 0);
	assert_int_equal(merged, 1);
	assert_int_equal(q(st, "SELECT count(*) FROM person"), 1);
	assert_int_equal(q(st, "SELECT count(*) FROM person_link"), 2);
}

static void
test_lcm_identity_link_none_keeps_persons_apart(void **state)
{
	struct lcm_store *st = *state;
	long merged = 9;

	account(st, "moodle", "58", "Ana", "ana@example.org", NULL, NULL);
	account(st, "xapi", "mailto:ana@example.org", "Ana", "ana@example.org", NULL, NULL);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_NONE, &merged, NULL), 0);
	assert_int_equal(merged, 0);
	assert_int_equal(q(st, "SELECT count(*) FROM person"), 2);
}

static void
test_lcm_identity_link_username_not_email(void **state)
{
	struct lcm_store *st = *state;

	account(st, "openedx", "ana_m", "ana_m", NULL, NULL, "ana_m");
	account(st, "xapi", "account:ANA_M@https://lxp", "Ana", "x@example.org", NULL, "ANA_M");
	account(st, "moodle", "3", "Bob", "x@example.org", NULL, NULL);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_USERNAME, NULL, NULL), 0);
	assert_int_equal(q(st, "SELECT count(*) FROM person"), 2);
	assert_int_equal(q(st, "SELECT count(*) FROM person_link WHERE person_id = 1"), 2);
}

static void
test_lcm_identity_link_moves_posts_and_events(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_thread t = { "xapi", "t1", 0, "T", 0, 0, 0 };
	struct lcm_post p = { 0 };
	struct lcm_event e = { 0 };
	int64_t keep, drop, tid, pid;

	keep = account(st, "moodle", "58", "Ana", "ana@example.org", NULL, NULL);
	drop = account(st, "xapi", "mailto:ana@example.org", "Ana", "ana@example.org", NULL, NULL);
	t.author_id = drop;
	assert_int_equal(lcm_store_thread(st, &t, &tid, NULL, NULL), 0);
	p.platform = "xapi";
	p.external_id = "s1";
	p.thread_id = tid;
	p.author_id = drop;
	assert_int_equal(lcm_store_post(st, &p, &pid, NULL, NULL), 0);
	e.platform = "xapi";
	e.external_id = "s2";
	e.person_id = drop;
	assert_int_equal(lcm_store_term(st, "viewed", &e.verb, NULL), 0);
	assert_int_equal(lcm_store_event(st, &e, NULL, NULL), 0);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_EMAIL, NULL, NULL), 0);
	assert_int_equal(q(st, "SELECT author_id FROM post"), keep);
	assert_int_equal(q(st, "SELECT author_id FROM thread"), keep);
	assert_int_equal(q(st, "SELECT person_id FROM event"), keep);
}

static void
test_lcm_identity_link_keeps_first_completion(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_item it = { "lcm", "m1", "M1", NULL, NULL, NULL, 0, 0, 0, 0 };
	int64_t keep, drop, item;

	keep = account(st, "moodle", "58", "Ana", "ana@example.org", NULL, NULL);
	drop = account(st, "xapi", "a", "Ana", "ana@example.org", NULL, NULL);
	assert_int_equal(lcm_store_item(st, &it, &item, NULL, NULL), 0);
	assert_int_equal(lcm_store_completion(st, keep, item, "completed", 10, 1, 0, 0,
					      NULL, NULL), 0);
	assert_int_equal(lcm_store_completion(st, drop, item, "failed", 20, 1, 0, 0,
					      NULL, NULL), 0);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_EMAIL, NULL, NULL), 0);
	assert_int_equal(q(st, "SELECT count(*) FROM completion"), 1);
	assert_int_equal(q(st, "SELECT ts FROM completion"), 10);
}

static void
test_lcm_identity_link_is_transitive(void **state)
{
	struct lcm_store *st = *state;
	int64_t p2, p4;
	long merged = 0;

	/* person 2 holds two addresses: one links it to 1, the other 3 to it */
	account(st, "moodle", "1", "Ana", "a@example.org", NULL, NULL);
	p2 = account(st, "canvas", "2", "Ana", "b@example.org", NULL, NULL);
	account(st, "xapi", "3", "Ana", "B@example.org", NULL, NULL);
	p4 = account(st, "lcm", "4", "Ana", "a@example.org", NULL, NULL);
	assert_int_equal(lcm_identity_merge(st, p2, p4, NULL), 0);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_EMAIL, &merged, NULL), 0);
	assert_int_equal(merged, 2);
	assert_int_equal(q(st, "SELECT count(*) FROM person"), 1);
	assert_int_equal(q(st, "SELECT count(*) FROM person_link WHERE person_id = 1"), 4);
}

static void
test_lcm_identity_link_again_changes_nothing(void **state)
{
	struct lcm_store *st = *state;
	long merged = 0;

	account(st, "moodle", "58", "Ana", "ana@example.org", NULL, NULL);
	account(st, "xapi", "x", "Ana", "ana@example.org", NULL, NULL);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_EMAIL, &merged, NULL), 0);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_EMAIL, &merged, NULL), 0);
	assert_int_equal(merged, 0);
}

static void
test_lcm_store_person_account_found_after_merge(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_person p = { "xapi", "x", "Ana", "ana@example.org", NULL, NULL, NULL, NULL };
	enum lcm_outcome o;
	int64_t keep, id;

	keep = account(st, "moodle", "58", "Ana", "ana@example.org", NULL, NULL);
	account(st, "xapi", "x", "Ana", "ana@example.org", NULL, NULL);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_EMAIL, NULL, NULL), 0);
	assert_int_equal(lcm_store_person(st, &p, &id, &o, NULL), 0);
	assert_int_equal(id, keep);
	assert_int_equal(o, LCM_SAME);
}

static void
test_lcm_store_person_merged_takes_strongest_role(void **state)
{
	struct lcm_store *st = *state;

	account(st, "moodle", "58", "Ana", "ana@example.org", "learner", NULL);
	account(st, "openedx", "ana", "ana", "ana@example.org", "staff", NULL);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_EMAIL, NULL, NULL), 0);
	assert_int_equal(q(st, "SELECT count(*) FROM person WHERE role = 'staff'"), 1);
	/* the learner account again: the person stays staff */
	account(st, "moodle", "58", "Ana", "ana@example.org", "learner", NULL);
	assert_int_equal(q(st, "SELECT count(*) FROM person WHERE role = 'staff'"), 1);
}

static void
test_lcm_store_person_by_name_finds_merged_account(void **state)
{
	struct lcm_store *st = *state;
	int64_t keep, id = 0;

	keep = account(st, "xapi", "x", "ana", "ana@example.org", NULL, NULL);
	account(st, "moodle", "58", "Ana Martin", "ana@example.org", NULL, NULL);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_EMAIL, NULL, NULL), 0);
	assert_int_equal(lcm_store_person_by_name(st, "moodle", "Ana Martin", &id, NULL), 1);
	assert_int_equal(id, keep);
}

static void
test_lcm_identity_merge_into_itself_fails(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_err err;
	int64_t id = account(st, "moodle", "58", "Ana", NULL, NULL, NULL);

	lcm_err_init(&err);
	assert_int_equal(lcm_identity_merge(st, id, id, &err), -1);
	assert_non_null(strstr(err.msg, "into itself"));
}

struct seen {
	int n;
	char platforms[64], accounts[256];
};

static int
collect(void *arg, const struct lcm_identity *id)
{
	struct seen *s = arg;

	s->n++;
	snprintf(s->platforms, sizeof(s->platforms), "%s", id->platforms);
	snprintf(s->accounts, sizeof(s->accounts), "%s", id->accounts);
	return 0;
}

static void
test_lcm_identity_each_lists_accounts(void **state)
{
	struct lcm_store *st = *state;
	struct seen s = { 0, "", "" };

	account(st, "xapi", "mailto:ana@example.org", "ana", "ana@example.org", NULL, NULL);
	account(st, "moodle", "58", "Ana", "ana@example.org", NULL, NULL);
	account(st, "moodle", "59", "Bob", NULL, NULL, NULL);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_EMAIL, NULL, NULL), 0);
	assert_int_equal(lcm_identity_each(st, 1, collect, &s, NULL), 0);
	assert_int_equal(s.n, 1);
	assert_string_equal(s.platforms, "moodle,xapi");
	assert_string_equal(s.accounts, "moodle:58 xapi:mailto:ana@example.org");
	s.n = 0;
	assert_int_equal(lcm_identity_each(st, 0, collect, &s, NULL), 0);
	assert_int_equal(s.n, 2);
}

static int
stop_at_first(void *arg, const struct lcm_identity *id)
{
	(void)id;
	(*(int *)arg)++;
	return -1;
}

static void
test_lcm_identity_each_stops_when_asked(void **state)
{
	struct lcm_store *st = *state;
	int n = 0;

	account(st, "moodle", "58", "Ana", NULL, NULL, NULL);
	account(st, "moodle", "59", "Bob", NULL, NULL, NULL);
	assert_int_equal(lcm_identity_each(st, 0, stop_at_first, &n, NULL), -1);
	assert_int_equal(n, 1);
}

/* Names lcm_identity_mark_staff reported unknown, ';'-joined. */
struct unknowns {
	char s[128];
};

static void
note_unknown(void *arg, const char *name)
{
	struct unknowns *u = arg;
	size_t n = strlen(u->s);

	snprintf(u->s + n, sizeof(u->s) - n, "%s;", name);
}

/*
 * A name (case and spaces ignored), an e-mail address, a username or
 * platform:id each make a person staff; unknown names are reported and
 * the others still marked.
 */
static void
test_lcm_identity_mark_staff_by_every_form(void **state)
{
	struct lcm_store *st = *state;
	const char *names[] = { " jane DOE ", "BOB@x.org", "cleo", "moodle:4", "Nobody" };
	struct unknowns u = { "" };
	long persons = -1, newly = -1;

	account(st, "moodle", "1", "Jane Doe", NULL, NULL, NULL);
	account(st, "lcm", "bob", "Bob Stone", "bob@x.org", "learner", NULL);
	account(st, "lcm", "c", "Cleo Diaz", NULL, NULL, "cleo");
	account(st, "moodle", "4", "Dan Ray", NULL, NULL, NULL);
	account(st, "moodle", "5", "Eve Learner", NULL, NULL, NULL);
	assert_int_equal(lcm_identity_mark_staff(st, names, 5, note_unknown, &u, &persons,
						 &newly, NULL), 0);
	assert_int_equal(persons, 4);
	assert_int_equal(newly, 4);
	assert_string_equal(u.s, "Nobody;");
	assert_int_equal(q(st, "SELECT count(*) FROM person WHERE role = 'staff'"), 4);
	assert_int_equal(q(st, "SELECT role = 'learner' FROM person WHERE name = 'Eve Learner'"), 1);
	/* again: the same persons, none newly */
	assert_int_equal(lcm_identity_mark_staff(st, names, 4, NULL, NULL, &persons, &newly,
						 NULL), 0);
	assert_int_equal(persons, 4);
	assert_int_equal(newly, 0);
}

/*
 * The role goes on every account, so an import that says nothing of
 * roles (a forum export) keeps it, and so does a merge.
 */
static void
test_lcm_identity_mark_staff_survives_import_and_merge(void **state)
{
	struct lcm_store *st = *state;
	const char *names[] = { "Jane Doe" };
	long persons, newly, merged;
	int64_t id;

	id = account(st, "moodle", "1", "Jane Doe", "jane@x.org", NULL, NULL);
	assert_int_equal(lcm_identity_mark_staff(st, names, 1, NULL, NULL, &persons, &newly,
						 NULL), 0);
	assert_int_equal(account(st, "moodle", "1", "Jane Doe", NULL, NULL, NULL), id);
	assert_int_equal(q(st, "SELECT role = 'staff' FROM person WHERE id = 1"), 1);
	account(st, "xapi", "mailto:jane@x.org", "Jane", "jane@x.org", "learner", NULL);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_EMAIL, &merged, NULL), 0);
	assert_int_equal(merged, 1);
	assert_int_equal(q(st, "SELECT count(*) FROM person"), 1);
	assert_int_equal(q(st, "SELECT role = 'staff' FROM person"), 1);
}

static void
test_lcm_identity_link_name_ignores_case_and_spaces(void **state)
{
	struct lcm_store *st = *state;
	long merged = 0;

	account(st, "moodle", "3", "Robin Kline", "robin@x.org", NULL, NULL);
	account(st, "teams", "8ea0", " robin KLINE", NULL, NULL, NULL);
	account(st, "teams", "9fb1", "Robin Klein", NULL, NULL, NULL);
	assert_int_equal(lcm_link_by_parse("name", &(enum lcm_link_by){ 0 }), 0);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_EMAIL, &merged, NULL), 0);
	assert_int_equal(merged, 0);
	assert_int_equal(lcm_identity_link(st, LCM_LINK_NAME, &merged, NULL), 0);
	assert_int_equal(merged, 1);
	assert_int_equal(q(st, "SELECT count(*) FROM person"), 2);
	assert_int_equal(q(st, "SELECT person_id FROM person_link WHERE external_id = '8ea0'"), 1);
}

/* Writes text to a temporary file, its name in path (64 bytes). */
static void
temp_file(char *path, const char *text)
{
	FILE *fp;
	int fd;

	snprintf(path, 64, "/tmp/lcm-linkmap-XXXXXX");
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void
test_lcm_link_map_merges_by_id_username_and_email(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_link_map *m = NULL;
	char path[64];
	long merged = -1, unknown = -1;

	account(st, "moodle", "3", "Robin Kline", "robin@x.org", NULL, NULL);
	account(st, "moodle", "287", "Jane Smith", "jane@x.org", NULL, NULL);
	account(st, "teams", "8ea0", "R. K.", NULL, NULL, NULL);
	account(st, "slack", "U1", "js", NULL, NULL, "jsmith");
	account(st, "discord", "D1", "Jane", "Jane.S@home.example", NULL, NULL);
	/* columns in any order, a map row by account id, username, e-mail */
	temp_file(path, "person,platform,account\nmoodle:3,teams,8ea0\n"
		  "JANE@x.org,slack,JSmith\nmoodle:287,discord,jane.s@home.example\n"
		  "moodle:999,teams,8ea0\nmoodle:3,teams,nobody\n");
	assert_int_equal(lcm_link_map_load(path, &m, NULL), 0);
	unlink(path);
	assert_int_equal(lcm_link_map_apply(st, m, &merged, &unknown, NULL), 0);
	assert_int_equal(merged, 3);
	assert_int_equal(unknown, 2);
	assert_int_equal(q(st, "SELECT count(*) FROM person"), 2);
	assert_int_equal(q(st, "SELECT count(*) FROM person_link WHERE person_id = 2"), 3);
	/* again: nothing more */
	assert_int_equal(lcm_link_map_apply(st, m, &merged, &unknown, NULL), 0);
	assert_int_equal(merged, 0);
	lcm_link_map_free(m);
}

static void
test_lcm_link_map_bad_files(void **state)
{
	struct lcm_link_map *m = NULL;
	struct lcm_err err;
	char path[64];

	(void)state;
	lcm_err_init(&err);
	temp_file(path, "platform,account\n");
	assert_int_equal(lcm_link_map_load(path, &m, &err), -1);
	unlink(path);
	assert_null(m);
	assert_int_equal(err.line, 1);
	assert_string_equal(err.msg, "no column 'person' in the header (platform,account,person)");
	temp_file(path, "platform,account,person\nteams,x,\n");
	assert_int_equal(lcm_link_map_load(path, &m, &err), -1);
	unlink(path);
	assert_int_equal(err.line, 2);
	assert_string_equal(err.msg, "column 'person' is empty");
	temp_file(path, "");
	assert_int_equal(lcm_link_map_load(path, &m, &err), -1);
	unlink(path);
	assert_non_null(strstr(err.msg, "empty file"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lcm_identity_link_name_ignores_case_and_spaces, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lcm_link_map_merges_by_id_username_and_email, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lcm_link_map_bad_files, setup, teardown),
		cmocka_unit_test(test_lcm_link_by_parse_names),
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_lcm_identity_link_email_ignores_case_and_spaces),
		T(test_lcm_identity_link_none_keeps_persons_apart),
		T(test_lcm_identity_link_username_not_email),
		T(test_lcm_identity_link_moves_posts_and_events),
		T(test_lcm_identity_link_keeps_first_completion),
		T(test_lcm_identity_link_is_transitive),
		T(test_lcm_identity_link_again_changes_nothing),
		T(test_lcm_store_person_account_found_after_merge),
		T(test_lcm_store_person_merged_takes_strongest_role),
		T(test_lcm_store_person_by_name_finds_merged_account),
		T(test_lcm_identity_merge_into_itself_fails),
		T(test_lcm_identity_each_lists_accounts),
		T(test_lcm_identity_each_stops_when_asked),
		T(test_lcm_identity_mark_staff_by_every_form),
		T(test_lcm_identity_mark_staff_survives_import_and_merge),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
