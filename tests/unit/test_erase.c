/*
 * test_erase.c - forgetting a person (what goes, what stays, foreign
 * keys, the bytes on disk), purging before a date, finding a person,
 * and the pseudonymised persons.
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

#include "erase.h"
#include "pseudo.h"
#include "store.h"
#include "support.h"

/*
 * Ana (person 1: moodle:58 and xapi:mailto:ana@example.org) opened
 * threads 10 and 11 and replied in Bob's thread 12, where Bob answered
 * her (post 122) and Cleo (canvas:58) answered Bob. Events use the terms
 * 'viewed' (both), 'User: Ana' (Ana only) and 'page' (both).
 */
static const char fixture[] =
	"INSERT INTO person(id, platform, external_id, name, email) VALUES"
	" (1, 'moodle', '58', 'Ana Lopez', 'ana@example.org'),"
	" (2, 'moodle', '59', 'Bob Stone', 'bob@example.org'),"
	" (3, 'canvas', '58', 'Cleo Diaz', NULL);"
	"INSERT INTO person_link(platform, external_id, person_id, name, email) VALUES"
	" ('moodle', '58', 1, 'Ana Lopez', 'ana@example.org'),"
	" ('xapi', 'mailto:ana@example.org', 1, 'Ana', ' Ana@Example.org '),"
	" ('moodle', '59', 2, 'Bob Stone', 'bob@example.org'),"
	" ('canvas', '58', 3, 'Cleo Diaz', NULL);"
	"INSERT INTO forum(id, platform, external_id, name) VALUES (1, 'moodle', 'f', 'Q');"
	"INSERT INTO thread(id, forum_id, platform, external_id, title, author_id, created) VALUES"
	" (10, 1, 'moodle', 't10', 'Ana 1', 1, 100), (11, 1, 'moodle', 't11', 'Ana 2', 1, 200),"
	" (12, 1, 'moodle', 't12', 'Bob', 2, 300);"
	"INSERT INTO post(id, thread_id, parent_id, parent_ext, author_id, platform,"
	" external_id, created, body) VALUES"
	" (100, 10, NULL, NULL, 1, 'moodle', 'p100', 100, 'SECRET-BODY-0123456789'),"
	" (101, 10, 100, 'p100', 2, 'moodle', 'p101', 110, 'b'),"
	" (102, 10, 101, 'p101', 1, 'moodle', 'p102', 120, 'a'),"
	" (110, 11, NULL, NULL, 1, 'moodle', 'p110', 200, 'a'),"
	" (111, 11, 110, 'p110', 2, 'moodle', 'p111', 210, 'b'),"
	" (120, 12, NULL, NULL, 2, 'moodle', 'p120', 300, 'b'),"
	" (121, 12, 120, 'p120', 1, 'moodle', 'p121', 310, 'a'),"
	" (122, 12, 121, 'p121', 2, 'moodle', 'p122', 320, 'b'),"
	" (123, 12, 120, 'p120', 3, 'moodle', 'p123', 330, 'c');"
	"INSERT INTO term(id, text) VALUES (1, 'viewed'), (2, 'User: Ana'), (3, 'page');"
	"INSERT INTO event(person_id, ts, verb, object, platform, external_id) VALUES"
	" (1, 50, 1, 2, 'moodle', 'e1'), (1, 60, 1, 3, 'moodle', 'e2'),"
	" (1, 70, 1, NULL, 'moodle', 'e3'), (2, 80, 1, 3, 'moodle', 'e4');"
	"INSERT INTO item(id, platform, external_id) VALUES (1, 'lcm', 'i1');"
	"INSERT INTO completion(person_id, item_id, state) VALUES (1, 1, 'done'), (2, 1, 'done');"
	"INSERT INTO person_skill(person_id, skill, kind) VALUES (1, 'scrum', 'has');"
	"INSERT INTO notified(thread_id, channel, ts) VALUES (10, 'lcm', 1), (12, 'lcm', 1);";

static int
open_with_fixture(struct lcm_store *st, const char *path)
{
	if (lcm_store_open(st, path, LCM_STORE_CREATE, 0, NULL) < 0)
		return -1;
	return lcm_store_exec(st, fixture, NULL);
}

static int
setup(void **state)
{
	struct lcm_store *st = calloc(1, sizeof(*st));

	if (open_with_fixture(st, ":memory:") < 0)
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

/* Rows PRAGMA foreign_key_check reports (0: the store is consistent). */
static long long
fk_violations(struct lcm_store *st)
{
	sqlite3_stmt *s = lcm_store_prepare(st, "PRAGMA foreign_key_check", NULL);
	long long n = 0;

	assert_non_null(s);
	while (sqlite3_step(s) == SQLITE_ROW)
		n++;
	sqlite3_finalize(s);
	return n;
}

/* A fingerprint of every table the erasure touches. */
static long long
census(struct lcm_store *st)
{
	return q(st, "SELECT (SELECT count(*) FROM person) + 10 * (SELECT count(*) FROM"
		 " person_link) + 100 * (SELECT count(*) FROM post) + 1000 * (SELECT"
		 " count(*) FROM thread) + 10000 * (SELECT count(*) FROM event) + 100000 *"
		 " (SELECT count(*) FROM completion) + 1000000 * (SELECT count(*) FROM"
		 " term) + 10000000 * (SELECT count(*) FROM post WHERE parent_id IS NULL)");
}

static int
forget(struct lcm_store *st, int64_t id, struct lcm_erase_counts *c)
{
	struct lcm_err err;
	int rc;

	lcm_err_init(&err);
	assert_int_equal(lcm_store_begin(st, &err), 0);
	rc = lcm_erase_person(st, id, c, &err);
	if (rc == 0)
		assert_int_equal(lcm_store_commit(st, &err), 0);
	else
		lcm_store_rollback(st);
	return rc;
}

static void
test_lcm_erase_person_counts(void **state)
{
	struct lcm_erase_counts c;

	assert_int_equal(forget(*state, 1, &c), 0);
	assert_int_equal(c.persons, 1);
	assert_int_equal(c.accounts, 2);
	assert_int_equal(c.posts, 4);		/* 100 102 110 121 */
	assert_int_equal(c.threads, 2);		/* 10 11 */
	assert_int_equal(c.others, 2);		/* Bob's 101 111 */
	assert_int_equal(c.detached, 1);	/* Bob's 122 */
	assert_int_equal(c.events, 3);
	assert_int_equal(c.completions, 1);
	assert_int_equal(c.skills, 1);
	assert_int_equal(c.notified, 1);
}

static void
test_lcm_erase_person_keeps_the_others(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_erase_counts c;

	assert_int_equal(forget(st, 1, &c), 0);
	assert_int_equal(q(st, "SELECT count(*) FROM person"), 2);
	assert_int_equal(q(st, "SELECT count(*) FROM person_link WHERE person_id = 1"), 0);
	assert_int_equal(q(st, "SELECT group_concat(id) FROM (SELECT id FROM thread"
			   " ORDER BY id)"), 12);
	assert_int_equal(q(st, "SELECT count(*) FROM post"), 3);
	/* Bob's reply to Ana stays, detached; Cleo's reply keeps its parent */
	assert_int_equal(q(st, "SELECT parent_id IS NULL FROM post WHERE id = 122"), 1);
	assert_int_equal(q(st, "SELECT parent_ext = 'p121' FROM post WHERE id = 122"), 1);
	assert_int_equal(q(st, "SELECT parent_id FROM post WHERE id = 123"), 120);
	assert_int_equal(q(st, "SELECT count(*) FROM event WHERE person_id = 2"), 1);
	assert_int_equal(q(st, "SELECT count(*) FROM completion"), 1);
	assert_int_equal(q(st, "SELECT count(*) FROM notified WHERE thread_id = 12"), 1);
	/* a word only her events used goes; shared ones stay */
	assert_int_equal(q(st, "SELECT count(*) FROM term WHERE text = 'User: Ana'"), 0);
	assert_int_equal(q(st, "SELECT count(*) FROM term"), 2);
}

static void
test_lcm_erase_person_foreign_keys_hold(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_erase_counts c;

	assert_int_equal(q(st, "PRAGMA foreign_keys"), 1);
	assert_int_equal(forget(st, 1, &c), 0);
	assert_int_equal(fk_violations(st), 0);
	assert_int_equal(forget(st, 2, &c), 0);
	assert_int_equal(fk_violations(st), 0);
	assert_int_equal(c.threads, 1);
	assert_int_equal(c.others, 1);		/* Cleo's 123 went with thread 12 */
	assert_int_equal(q(st, "SELECT count(*) FROM post"), 0);
}

static void
test_lcm_erase_purge_keeps_active_threads_whole(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_purge_counts c;
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_store_begin(st, &err), 0);
	assert_int_equal(lcm_erase_purge(st, 305, &c, &err), 0);
	assert_int_equal(lcm_store_commit(st, &err), 0);
	assert_int_equal(c.threads, 2);
	assert_int_equal(c.posts, 5);
	assert_int_equal(c.events, 4);
	assert_int_equal(c.notified, 1);
	assert_int_equal(c.detached, 0);
	/* thread 12 is active after 305: its post of 300 stays */
	assert_int_equal(q(st, "SELECT count(*) FROM post WHERE thread_id = 12"), 4);
	assert_int_equal(q(st, "SELECT count(*) FROM person"), 3);
	assert_int_equal(q(st, "SELECT count(*) FROM completion"), 2);
	assert_int_equal(q(st, "SELECT count(*) FROM term"), 0);
	assert_int_equal(fk_violations(st), 0);
}

/*
 * Two opening posts on one thread (xAPI "asked" twice on one object):
 * the thread is the first asker's. Forgetting the second keeps the
 * thread and the first question, and hands the thread back to its opener.
 */
static const char second_asker[] =
	"INSERT INTO thread(id, forum_id, platform, external_id, title, author_id, created)"
	" VALUES (13, 1, 'xapi', 'quiz-1', 'Quiz', 2, 400);"
	"INSERT INTO post(id, thread_id, parent_id, parent_ext, author_id, platform,"
	" external_id, created, body) VALUES"
	" (130, 13, NULL, NULL, 1, 'xapi', 's130', 400, 'Ana asks'),"
	" (131, 13, NULL, NULL, 2, 'xapi', 's131', 410, 'Bob asks');";

static void
test_lcm_erase_person_second_asker_keeps_the_thread(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_erase_counts c;

	assert_int_equal(lcm_store_exec(st, second_asker, NULL), 0);
	assert_int_equal(forget(st, 2, &c), 0);
	assert_int_equal(q(st, "SELECT count(*) FROM post WHERE id = 130"), 1);
	assert_int_equal(q(st, "SELECT count(*) FROM post WHERE id = 131"), 0);
	assert_int_equal(q(st, "SELECT author_id FROM thread WHERE id = 13"), 1);
	assert_int_equal(fk_violations(st), 0);
}

static void
test_lcm_erase_person_first_asker_takes_the_thread(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_erase_counts c;

	assert_int_equal(lcm_store_exec(st, second_asker, NULL), 0);
	assert_int_equal(forget(st, 1, &c), 0);
	assert_int_equal(q(st, "SELECT count(*) FROM thread WHERE id = 13"), 0);
	assert_int_equal(c.threads, 3);		/* 10, 11 and 13 */
	assert_int_equal(fk_violations(st), 0);
}

/* A thread with neither posts nor a date is old whatever the date. */
static void
test_lcm_erase_purge_drops_an_undated_empty_thread(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_purge_counts c;
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_store_exec(st, "INSERT INTO thread(id, platform, external_id)"
					 " VALUES (14, 'moodle', 'empty')", NULL), 0);
	assert_int_equal(lcm_store_begin(st, &err), 0);
	assert_int_equal(lcm_erase_purge(st, 1, &c, &err), 0);
	assert_int_equal(lcm_store_commit(st, &err), 0);
	assert_int_equal(c.threads, 1);
	assert_int_equal(q(st, "SELECT count(*) FROM thread WHERE id = 14"), 0);
}

static void
test_lcm_erase_find_forms(void **state)
{
	static const char *const ana[] = {
		"moodle:58", "xapi:mailto:ana@example.org", "ana@example.org",
		"ANA@example.org", "mailto:ana@example.org"
	};
	struct lcm_erase_who who;
	struct lcm_err err;
	size_t i;

	for (i = 0; i < sizeof(ana) / sizeof(ana[0]); i++) {
		lcm_err_init(&err);
		assert_int_equal(lcm_erase_find(*state, ana[i], &who, &err), 0);
		assert_int_equal(who.id, 1);
		assert_string_equal(who.key, "moodle:58");
		assert_string_equal(who.name, "Ana Lopez");
		lcm_erase_who_release(&who);
	}
	assert_int_equal(lcm_erase_find(*state, "59", &who, &err), 0);
	assert_int_equal(who.id, 2);
	lcm_erase_who_release(&who);
	/* the store's own number, the first column of lcm-import --persons */
	assert_int_equal(lcm_erase_find(*state, "3", &who, &err), 0);
	assert_int_equal(who.id, 3);
	lcm_erase_who_release(&who);
}

static void
test_lcm_erase_find_unknown_and_ambiguous_error(void **state)
{
	struct lcm_erase_who who;
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_erase_find(*state, "moodle:99", &who, &err), -1);
	assert_non_null(strstr(err.msg, "no person 'moodle:99' in the store"));
	assert_null(who.key);
	lcm_err_init(&err);
	assert_int_equal(lcm_erase_find(*state, "58", &who, &err), -1);
	assert_string_equal(err.msg, "'58' is ambiguous: 2 persons match: moodle:58"
			    " (Ana Lopez), canvas:58 (Cleo Diaz); give one as platform:id");
	/* "1": Dan's external id, and Ana's number in the store */
	assert_int_equal(lcm_store_exec(*state, "INSERT INTO person(id, platform, external_id,"
					 " name) VALUES (4, 'lcm', '1', 'Dan')", NULL), 0);
	lcm_err_init(&err);
	assert_int_equal(lcm_erase_find(*state, "1", &who, &err), -1);
	assert_non_null(strstr(err.msg, "'1' is ambiguous: 2 persons match"));
}

static int nfail;

static void
count_fail(void *arg, const struct lcm_err *err)
{
	(void)arg;
	(void)err;
	nfail++;
}

static void
test_lcm_erase_run_dry_run_changes_nothing(void **state)
{
	const char *who[] = { "moodle:58" };
	struct lcm_erase_req req = { who, 1, 1, 305, 1, NULL, NULL, NULL };
	struct lcm_store *st = *state;
	long long before = census(st);
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_erase_run(st, &req, &err), 0);
	assert_int_equal(census(st), before);
}

static void
test_lcm_erase_run_unknown_person_changes_nothing(void **state)
{
	const char *who[] = { "moodle:58", "nobody@example.org", "58" };
	struct lcm_erase_req req = { who, 3, 0, 0, 0, NULL, count_fail, NULL };
	struct lcm_store *st = *state;
	long long before = census(st);
	struct lcm_err err;

	nfail = 0;
	lcm_err_init(&err);
	assert_int_equal(lcm_erase_run(st, &req, &err), -1);
	assert_string_equal(err.msg, "nothing erased: the store is unchanged");
	assert_int_equal(nfail, 2);
	assert_int_equal(census(st), before);
}

/* 1 when the bytes of s are anywhere in the file at path. */
static int
file_has(const char *path, const char *s)
{
	FILE *fp = fopen(path, "rb");
	size_t n = strlen(s), len, i;
	char *buf;
	int found = 0;

	if (!fp)
		return 0;
	buf = malloc(1 << 22);
	len = fread(buf, 1, 1 << 22, fp);
	fclose(fp);
	for (i = 0; i + n <= len && !found; i++)
		found = memcmp(buf + i, s, n) == 0;
	free(buf);
	return found;
}

static void
test_lcm_erase_run_overwrites_the_bytes(void **state)
{
	const char *who[] = { "ana@example.org" };
	struct lcm_erase_req req = { who, 1, 0, 0, 0, NULL, NULL, NULL };
	char dir[] = "/tmp/test_erase.XXXXXX", db[64], wal[80];
	struct lcm_store st = { 0 };
	struct lcm_err err;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/lcm.db", dir);
	snprintf(wal, sizeof(wal), "%s-wal", db);
	assert_int_equal(open_with_fixture(&st, db), 0);
	assert_int_equal(lcm_store_exec(&st, "PRAGMA wal_checkpoint(TRUNCATE)", NULL), 0);
	assert_true(file_has(db, "SECRET-BODY-0123456789"));
	lcm_err_init(&err);
	assert_int_equal(lcm_erase_run(&st, &req, &err), 0);
	assert_int_equal(q(&st, "PRAGMA secure_delete"), 1);
	/* the WAL is empty while the store is still open */
	assert_false(file_has(wal, "SECRET"));
	assert_false(file_has(db, "SECRET-BODY-0123456789"));
	assert_false(file_has(db, "Ana Lopez"));
	assert_false(file_has(db, "User: Ana"));
	assert_true(file_has(db, "Bob Stone"));
	lcm_store_close(&st);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s-shm", db);
	unlink(wal);
	unlink(db);
	rmdir(dir);
}

/* The text of the first row of sql, copied into out. */
static const char *
text(struct lcm_store *st, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *s = lcm_store_prepare(st, sql, NULL);

	assert_non_null(s);
	out[0] = '\0';
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return out;
}

/* Bob's posts in thread 12 (which stays) that name Ana. */
static const char mentions[] =
	"INSERT INTO post(id, thread_id, parent_ext, author_id, platform, external_id,"
	" created, subject, body, words) VALUES"
	" (130, 12, 'p120', 2, 'moodle', 'p130', 340, 'Re: Ana', 'Merci Ana Lopez, et @ana aussi', 6),"
	" (131, 12, 'p120', 2, 'moodle', 'p131', 341, NULL, 'Anabel écrit à ANA@example.org.', 4),"
	" (132, 12, 'p120', 2, 'moodle', 'p132', 342, NULL, 'ana lopez, lopez et Lopez’s idée', 6),"
	" (133, 12, 'p120', 2, 'moodle', 'p133', 343, NULL, 'Bob et Cleo, sans elle', 4),"
	" (134, 12, 'p120', 2, 'moodle', 'p134', 344, NULL, '«Ana» (@Ana_x) mail:ana@example.org', 5);"
	"UPDATE thread SET title = 'Pour Ana' WHERE id = 12;";

/*
 * Her full names (case ignored), long name parts (as written), e-mail
 * addresses and @mentions become [erased] in others' words, whole words
 * only; the word count follows; others' texts stay as they were.
 */
static void
test_lcm_erase_person_replaces_names_in_others_text(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_erase_counts c;
	char t[256];

	assert_int_equal(lcm_store_exec(st, mentions, NULL), 0);
	assert_int_equal(forget(st, 1, &c), 0);
	assert_string_equal(text(st, "SELECT body FROM post WHERE id = 130", t, sizeof(t)),
			    "Merci [erased], et [erased] aussi");
	assert_string_equal(text(st, "SELECT subject FROM post WHERE id = 130", t, sizeof(t)),
			    "Re: [erased]");
	assert_int_equal(q(st, "SELECT words FROM post WHERE id = 130"), 5);
	assert_string_equal(text(st, "SELECT body FROM post WHERE id = 131", t, sizeof(t)),
			    "Anabel écrit à [erased].");
	assert_string_equal(text(st, "SELECT body FROM post WHERE id = 132", t, sizeof(t)),
			    "[erased], lopez et [erased]’s idée");
	assert_string_equal(text(st, "SELECT body FROM post WHERE id = 133", t, sizeof(t)),
			    "Bob et Cleo, sans elle");
	assert_string_equal(text(st, "SELECT body FROM post WHERE id = 134", t, sizeof(t)),
			    "«[erased]» (@Ana_x) mail:[erased]");
	assert_string_equal(text(st, "SELECT title FROM thread WHERE id = 12", t, sizeof(t)),
			    "Pour [erased]");
	assert_int_equal(c.scrubbed_posts, 4);
	assert_int_equal(c.scrubbed_threads, 1);
	assert_int_equal(q(st, "SELECT count(*) FROM post WHERE instr(body, 'Lopez')"
			   " OR instr(lower(body), 'example.org')"), 0);
}

/* A name part shorter than LCM_ERASE_MIN_PART stays, but not its @mention. */
static void
test_lcm_erase_person_short_part_only_as_mention(void **state)
{
	struct lcm_store *st = *state;
	struct lcm_erase_counts c;
	char t[256];

	assert_int_equal(lcm_store_exec(st,
		"INSERT INTO person(id, platform, external_id, name, username) VALUES"
		" (4, 'moodle', '60', 'Li Wu', 'lwu');"
		"INSERT INTO person_link(platform, external_id, person_id, name, username)"
		" VALUES ('moodle', '60', 4, 'Li Wu', 'lwu');"
		"INSERT INTO post(id, thread_id, parent_ext, author_id, platform, external_id,"
		" created, body) VALUES (135, 12, 'p120', 2, 'moodle', 'p135', 345,"
		" 'Li et Wu ont dit, @Li, @LWU, li wu, lwu');", NULL), 0);
	assert_int_equal(forget(st, 4, &c), 0);
	assert_string_equal(text(st, "SELECT body FROM post WHERE id = 135", t, sizeof(t)),
			    "Li et Wu ont dit, [erased], [erased], [erased], [erased]");
	assert_int_equal(c.scrubbed_posts, 1);
	assert_int_equal(c.scrubbed_threads, 0);
}

/*
 * A reader whose snapshot is older than the erasure keeps the checkpoint
 * from copying it into the file: the message says the old copies are in
 * the store file itself, which is true, until the checkpoint runs.
 */
static void
test_lcm_erase_run_reader_message_names_the_file(void **state)
{
	const char *who[] = { "ana@example.org" };
	struct lcm_erase_req req = { who, 1, 0, 0, 0, NULL, NULL, NULL };
	char dir[] = "/tmp/test_erase.XXXXXX", db[64], side[128];
	struct lcm_store st = { 0 }, r = { 0 };
	struct lcm_err err;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(db, sizeof(db), "%s/lcm.db", dir);
	assert_int_equal(open_with_fixture(&st, db), 0);
	assert_int_equal(lcm_store_exec(&st, "PRAGMA wal_checkpoint(TRUNCATE)", NULL), 0);
	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(&r, db, LCM_STORE_READONLY, 0, &err), 0);
	assert_int_equal(lcm_erase_run(&st, &req, &err), -1);
	assert_non_null(strstr(err.msg, "erased, but a program still reading it"));
	snprintf(side, sizeof(side), "the old copies are in '%s' itself", db);
	assert_non_null(strstr(err.msg, side));
	assert_true(file_has(db, "SECRET-BODY-0123456789"));
	/* the reader is done: the checkpoint the message asks for clears the file */
	lcm_store_close(&r);
	assert_int_equal(lcm_store_exec(&st, "PRAGMA wal_checkpoint(TRUNCATE)", NULL), 0);
	assert_false(file_has(db, "SECRET-BODY-0123456789"));
	assert_false(file_has(db, "Ana Lopez"));
	lcm_store_close(&st);
	snprintf(side, sizeof(side), "%s-wal", db);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", db);
	unlink(side);
	unlink(db);
	rmdir(dir);
}

/* The pseudonymised listing as "person role platforms n;" rows. */
struct listing {
	char s[256];
};

static int
pseudo_row(void *arg, const struct lcm_pseudo_person *p)
{
	struct listing *out = arg;
	size_t n = strlen(out->s);

	snprintf(out->s + n, sizeof(out->s) - n, "%s %s %s %d;", p->person, p->role,
		 p->platforms, p->naccounts);
	return 0;
}

static void
test_lcm_erase_persons_pseudo_hides_and_sorts(void **state)
{
	const char *key = "0123456789abcdef";
	char a[LCM_PSEUDO_LEN + 1], b[LCM_PSEUDO_LEN + 1], c[LCM_PSEUDO_LEN + 1];
	struct listing out = { "" };
	char want[256];
	const char *rows[3];
	struct lcm_err err;
	size_t i, j;

	lcm_pseudonym(key, "moodle:58", a);
	lcm_pseudonym(key, "moodle:59", b);
	lcm_pseudonym(key, "canvas:58", c);
	snprintf(want, sizeof(want), "%s learner moodle,xapi 2;", a);
	rows[0] = want;
	lcm_err_init(&err);
	assert_int_equal(lcm_erase_persons_pseudo(*state, key, pseudo_row, &out, &err), 0);
	assert_null(strstr(out.s, "Ana"));
	assert_non_null(strstr(out.s, want));
	/* in the pseudonyms' order */
	rows[0] = a;
	rows[1] = b;
	rows[2] = c;
	for (i = 0; i < 3; i++)
		for (j = 0; j < 3; j++)
			if (strcmp(rows[i], rows[j]) < 0)
				assert_true(strstr(out.s, rows[i]) < strstr(out.s, rows[j]));
}

int
main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_lcm_erase_person_counts),
		T(test_lcm_erase_person_keeps_the_others),
		T(test_lcm_erase_person_foreign_keys_hold),
		T(test_lcm_erase_purge_keeps_active_threads_whole),
		T(test_lcm_erase_person_second_asker_keeps_the_thread),
		T(test_lcm_erase_person_first_asker_takes_the_thread),
		T(test_lcm_erase_purge_drops_an_undated_empty_thread),
		T(test_lcm_erase_find_forms),
		T(test_lcm_erase_find_unknown_and_ambiguous_error),
		T(test_lcm_erase_run_dry_run_changes_nothing),
		T(test_lcm_erase_run_unknown_person_changes_nothing),
		cmocka_unit_test(test_lcm_erase_run_overwrites_the_bytes),
		T(test_lcm_erase_persons_pseudo_hides_and_sorts),
		T(test_lcm_erase_person_replaces_names_in_others_text),
		T(test_lcm_erase_person_short_part_only_as_mention),
		cmocka_unit_test(test_lcm_erase_run_reader_message_names_the_file),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
