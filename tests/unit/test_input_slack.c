/*
 * test_input_slack.c - the Slack workspace export reader
 * (lib/input/slack.c) on a small hand-made export: threads and their
 * replies across day files, mentions, the messages left out (joins,
 * bots), a deleted parent, e-mails, and a damaged day file refused
 * with its name and line.
 */
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

#include "import.h"
#include "input/chat.h"
#include "store.h"
#include "support.h"

struct fx {
	struct lcm_store st;
	char dir[64];		/* the temporary directory */
	char exp[96];		/* DIR/cohort-7: the export, the course's name */
	struct lcm_import_opts opts;
	struct lcm_import_stats stats;
	struct lcm_err err;
};

#define USERS "[{\"id\":\"U1\",\"name\":\"alice\",\"real_name\":\"Alice Martin\"," \
	"\"profile\":{\"email\":\"alice@example.org\"}}," \
	"{\"id\":\"U2\",\"name\":\"bruno\",\"profile\":{\"real_name\":\"Bruno P\",\"email\":\"scrambled\"}}," \
	"{\"id\":\"B1\",\"name\":\"bot\",\"is_bot\":true}]"
#define CHANNELS "[{\"id\":\"C9\",\"name\":\"general\",\"created\":1555493778}," \
	"{\"id\":\"C8\",\"name\":\"quiet\",\"created\":1555493778}]"
#define DAY1 "[\n" \
	"{\"type\":\"message\",\"user\":\"U1\",\"ts\":\"1736478514.897649\",\"text\":\"hello all\"},\n" \
	"{\"type\":\"message\",\"user\":\"U1\",\"ts\":\"1736478630.905399\",\"thread_ts\":\"1736478630.905399\"," \
	"\"reply_count\":2,\"text\":\"<@U2> how do I submit the quiz?\"}\n]"
#define DAY2 "[\n" \
	"{\"type\":\"message\",\"subtype\":\"channel_join\",\"user\":\"U2\",\"ts\":\"1736554636.807919\",\"text\":\"<@U2> has joined\"},\n" \
	"{\"type\":\"message\",\"user\":\"U2\",\"ts\":\"1736554746.482349\",\"thread_ts\":\"1736478630.905399\"," \
	"\"parent_user_id\":\"U1\",\"text\":\"Use the &lt;Submit&gt; button, see <https://x.org/q|the guide>\"},\n" \
	"{\"type\":\"message\",\"user\":\"U1\",\"ts\":\"1736554783.040199\",\"thread_ts\":\"1736478630.905399\",\"text\":\"thanks <@U2|bruno>\"," \
	"\"edited\":{\"user\":\"U1\",\"ts\":\"1736554790.000000\"}},\n" \
	"{\"type\":\"message\",\"subtype\":\"tombstone\",\"hidden\":true,\"user\":\"U1\",\"ts\":\"1736554828.343759\"," \
	"\"thread_ts\":\"1736554828.343759\",\"reply_count\":1,\"text\":\"This message was deleted.\"},\n" \
	"{\"type\":\"message\",\"user\":\"U2\",\"ts\":\"1736554838.911679\",\"thread_ts\":\"1736554828.343759\",\"text\":\"still here\"},\n" \
	"{\"type\":\"message\",\"user\":\"B1\",\"bot_id\":\"B1\",\"ts\":\"1736554900.000000\",\"text\":\"deploy done\"}\n]"

/* Writes text to EXPORT/rel. */
static void
put(struct fx *f, const char *rel, const char *text)
{
	char p[256];
	FILE *fp;

	snprintf(p, sizeof(p), "%s/%s", f->exp, rel);
	fp = fopen(p, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	char p[160];

	snprintf(f->dir, sizeof(f->dir), "/tmp/lcm-slack-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->exp, sizeof(f->exp), "%s/cohort-7", f->dir);
	snprintf(p, sizeof(p), "%s/general", f->exp);
	if (mkdir(f->exp, 0700) < 0 || mkdir(p, 0700) < 0 ||
	    lcm_store_open(&f->st, ":memory:", LCM_STORE_CREATE, 0, NULL) < 0)
		return -1;
	put(f, "users.json", USERS);
	put(f, "channels.json", CHANNELS);
	put(f, "general/2025-01-10.json", DAY1);
	put(f, "general/2025-01-11.json", DAY2);
	f->opts.now = 1800000000;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;
	const char *const files[] = { "users.json", "channels.json",
		"general/2025-01-10.json", "general/2025-01-11.json", "general", NULL };
	char p[256];
	int i;

	lcm_store_close(&f->st);
	for (i = 0; files[i]; i++) {
		snprintf(p, sizeof(p), "%s/%s", f->exp, files[i]);
		remove(p);
	}
	rmdir(f->exp);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Reads the export inside a transaction, committed when it succeeds. */
static int
import(struct fx *f)
{
	struct lcm_import im;
	int rc;

	memset(&im, 0, sizeof(im));
	memset(&f->stats, 0, sizeof(f->stats));
	lcm_err_init(&f->err);
	im.st = &f->st;
	im.opts = &f->opts;
	im.stats = &f->stats;
	im.file = f->exp;
	lcm_strmap_init(&im.persons);
	lcm_strmap_init(&im.threads);
	assert_int_equal(lcm_store_begin(&f->st, NULL), 0);
	rc = lcm_import_slack(&im, f->exp, &f->err);
	if (rc == 0 && lcm_store_link_parents(&f->st, &f->err) == 0)
		assert_int_equal(lcm_store_commit(&f->st, NULL), 0);
	else
		lcm_store_rollback(&f->st);
	/* the driver's own name for the file is given back */
	assert_ptr_equal(im.file, f->exp);
	lcm_strmap_release(&im.persons);
	lcm_strmap_release(&im.threads);
	free(im.persons_counted.bits);
	free(im.threads_counted.bits);
	return rc;
}

static long long
q(struct fx *f, const char *sql)
{
	return test_query_int(&f->st, sql);
}

static const char *
qs(struct fx *f, const char *sql)
{
	return test_query_text(&f->st, sql);
}

static void
test_slack_is_export_needs_users_and_channels(void **state)
{
	struct fx *f = *state;
	char p[160];

	assert_int_equal(lcm_slack_is_export(f->exp), 1);
	snprintf(p, sizeof(p), "%s/general", f->exp);
	assert_int_equal(lcm_slack_is_export(p), 0);
}

static void
test_slack_threads_and_replies_across_days(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f), 0);
	/* hello, the quiz question, the deleted parent: three threads */
	assert_int_equal(q(f, "SELECT count(*) FROM thread"), 3);
	assert_int_equal(q(f, "SELECT count(*) FROM post"), 6);
	assert_int_equal(q(f, "SELECT count(*) FROM post c JOIN post p ON p.id = c.parent_id"
			   " WHERE p.external_id = 'C9/1736478630.905399'"), 2);
	assert_string_equal(qs(f, "SELECT f.name || ' ' || c.name FROM forum f JOIN course c"
			       " ON c.id = f.course_id"), "general cohort-7");
	assert_int_equal(q(f, "SELECT created FROM post WHERE external_id = 'C9/1736554783.040199'"),
			 1736554783);
	assert_int_equal(q(f, "SELECT modified FROM post WHERE external_id = 'C9/1736554783.040199'"),
			 1736554790);
}

static void
test_slack_mentions_and_markup_as_text(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f), 0);
	assert_string_equal(qs(f, "SELECT body FROM post WHERE external_id = 'C9/1736478630.905399'"),
			    "@Bruno P how do I submit the quiz?");
	assert_string_equal(qs(f, "SELECT title FROM thread WHERE external_id = 'C9/1736478630.905399'"),
			    "@Bruno P how do I submit the quiz?");
	assert_string_equal(qs(f, "SELECT body FROM post WHERE external_id = 'C9/1736554746.482349'"),
			    "Use the <Submit> button, see the guide");
	assert_string_equal(qs(f, "SELECT body FROM post WHERE external_id = 'C9/1736554783.040199'"),
			    "thanks @Bruno P");
	assert_int_equal(q(f, "SELECT is_question FROM post WHERE external_id = 'C9/1736478630.905399'"), 1);
}

static void
test_slack_system_and_bot_messages_left_out(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM post WHERE external_id IN"
			   " ('C9/1736554636.807919', 'C9/1736554900.000000')"), 0);
	/* 3 users and 8 messages read */
	assert_int_equal(f->stats.rows, 11);
}

static void
test_slack_tombstone_is_a_deleted_parent(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f), 0);
	assert_int_equal(q(f, "SELECT deleted FROM post WHERE external_id = 'C9/1736554828.343759'"), 1);
	assert_string_equal(qs(f, "SELECT body FROM post WHERE external_id = 'C9/1736554828.343759'"), "");
	assert_int_equal(q(f, "SELECT count(*) FROM post c JOIN post p ON p.id = c.parent_id"
			   " WHERE p.external_id = 'C9/1736554828.343759'"), 1);
}

static void
test_slack_persons_with_email_only_when_one(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM person"), 3);
	assert_string_equal(qs(f, "SELECT email FROM person WHERE name = 'Alice Martin'"),
			    "alice@example.org");
	assert_int_equal(q(f, "SELECT email IS NULL FROM person WHERE name = 'Bruno P'"), 1);
	assert_string_equal(qs(f, "SELECT username FROM person WHERE name = 'Bruno P'"), "bruno");
}

static void
test_slack_reimport_changes_nothing(void **state)
{
	struct fx *f = *state;
	int k;

	assert_int_equal(import(f), 0);
	assert_int_equal(import(f), 0);
	for (k = 0; k < LCM_K_MAX; k++) {
		assert_int_equal(f->stats.count[k][LCM_NEW], 0);
		assert_int_equal(f->stats.count[k][LCM_UPDATED], 0);
	}
	assert_int_equal(q(f, "SELECT count(*) FROM post"), 6);
}

static void
test_slack_damaged_day_file_refused_with_its_line(void **state)
{
	struct fx *f = *state;
	char want[160];

	put(f, "general/2025-01-11.json", "[\n{\"type\":\"message\",\"ts\":\"1.0\"},\n{\"ts\": }\n]");
	assert_int_equal(import(f), -1);
	snprintf(want, sizeof(want), "%s/general/2025-01-11.json", f->exp);
	assert_string_equal(f->err.file, want);
	assert_int_equal(f->err.line, 3);
	assert_non_null(strstr(f->err.msg, "invalid JSON"));
	/* the store unchanged: the first day's messages are rolled back */
	assert_int_equal(q(f, "SELECT count(*) FROM post"), 0);
}

static void
test_slack_bad_ts_refused_with_path(void **state)
{
	struct fx *f = *state;

	put(f, "general/2025-01-11.json", "[{\"type\":\"message\",\"user\":\"U1\",\"ts\":\"yesterday\"}]");
	assert_int_equal(import(f), -1);
	assert_string_equal(f->err.msg, "[0].ts: not a Slack ts: 'yesterday'");
	assert_non_null(strstr(f->err.file, "general/2025-01-11.json"));
}

static void
test_slack_reactions_stored_once(void **state)
{
	struct fx *f = *state;

	put(f, "general/2025-01-11.json", "[{\"type\":\"message\",\"user\":\"U2\","
	    "\"ts\":\"1736554746.482349\",\"text\":\"see the guide\",\"reactions\":"
	    "[{\"name\":\"+1\",\"users\":[\"U1\",\"U3\"],\"count\":2},"
	    "{\"name\":\"tada\",\"users\":[\"U1\"],\"count\":1}]}]");
	/* one row per emoji; importing the export again replaces, not adds */
	assert_int_equal(import(f), 0);
	assert_int_equal(import(f), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM post_reaction WHERE source = 'slack'"), 2);
	assert_string_equal(qs(f, "SELECT group_concat(kind || ':' || count, ' ') FROM"
			       " (SELECT * FROM post_reaction ORDER BY kind)"), "+1:2 tada:1");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(n) cmocka_unit_test_setup_teardown(n, setup, teardown)
		T(test_slack_is_export_needs_users_and_channels),
		T(test_slack_threads_and_replies_across_days),
		T(test_slack_mentions_and_markup_as_text),
		T(test_slack_system_and_bot_messages_left_out),
		T(test_slack_tombstone_is_a_deleted_parent),
		T(test_slack_persons_with_email_only_when_one),
		T(test_slack_reimport_changes_nothing),
		T(test_slack_damaged_day_file_refused_with_its_line),
		T(test_slack_bad_ts_refused_with_path),
		T(test_slack_reactions_stored_once),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
