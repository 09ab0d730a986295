/*
 * test_input_xapi.c - the time of an xAPI statement (lib/input/xapi.c):
 * "timestamp", else "stored", else the time of the import that first
 * stored it (what an LRS would have written as "stored" on receipt),
 * and the username a Moodle user list keeps for --link-by username
 * (lib/input/moodle_users.c), both through lcm_import_file.
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

#define NOW 1800000000		/* 2027-01-15T08:00:00Z */
#define STMT(extra) "{\"actor\":{\"mbox\":\"mailto:a@x.org\"},\"verb\":{\"id\":" \
	"\"http://x.org/v\"},\"object\":{\"id\":\"http://x.org/1\"}" extra "}\n"

static void
test_xapi_time_timestamp_first(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "s.ndjson", STMT(",\"timestamp\":\"2026-11-06T10:00:00Z\","
		"\"stored\":\"2026-11-07T10:00:00Z\"")), 0);
	assert_int_equal(test_import_q(f, "SELECT ts FROM event"), 1793959200);
}

static void
test_xapi_time_stored_without_timestamp(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "s.ndjson", STMT(",\"stored\":\"2026-11-07T10:00:00Z\"")), 0);
	assert_int_equal(test_import_q(f, "SELECT ts FROM event"), 1794045600);
}

static void
test_xapi_time_neither_is_import_time(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "s.ndjson", STMT("")), 0);
	assert_int_equal(test_import_q(f, "SELECT ts FROM event"), NOW);
}

static void
test_xapi_time_neither_kept_on_reimport(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "s.ndjson", STMT("")), 0);
	/* a day later: the statement is the same, so is its time */
	f->opts.now = NOW + 86400;
	assert_int_equal(test_import_text(f, "s2.ndjson", STMT("")), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM event"), 1);
	assert_int_equal(test_import_q(f, "SELECT ts FROM event"), NOW);
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_UPDATED], 0);
}

static void
test_xapi_time_neither_completion_at_import_time(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "c.ndjson", "{\"actor\":{\"mbox\":\"mailto:a@x.org\"},"
		"\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"},"
		"\"object\":{\"id\":\"http://x.org/m1\"}}\n"), 0);
	assert_int_equal(test_import_q(f, "SELECT ts FROM completion"), NOW);
}

static void
test_moodle_users_username_kept(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "u.csv", "id,username,firstname,lastname,email\n"
		"58,alice_m,Alice,Martin,alice@x.org\n59,,Bruno,Petit,\n"), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM person_link"
			   " WHERE external_id = '58' AND username = 'alice_m'"), 1);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM person WHERE username = 'alice_m'"), 1);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM person_link"
			   " WHERE external_id = '59' AND username IS NULL"), 1);
}

static void
test_moodle_users_link_by_username(void **state)
{
	struct test_import *f = *state;

	f->opts.link_by = LCM_LINK_USERNAME;
	assert_int_equal(test_import_text(f, "u.csv", "id,username,firstname,lastname\n"
		"58,alice_m,Alice,Martin\n"), 0);
	assert_int_equal(test_import_text(f, "s.ndjson", "{\"actor\":{\"account\":{\"homePage\":"
		"\"https://lxp.x.org\",\"name\":\"Alice_M\"}},\"verb\":{\"id\":\"http://x.org/v\"},"
		"\"object\":{\"id\":\"http://x.org/1\"}}\n"), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM person"), 1);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM person_link"), 2);
}

#define DONE(score) "{\"actor\":{\"mbox\":\"mailto:a@x.org\"}," \
	"\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\"}," \
	"\"object\":{\"id\":\"http://x.org/m1\"},\"result\":{\"score\":" score "}}\n"

static void
test_xapi_score_scaled_over_one_refused(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "s.ndjson", DONE("{\"scaled\":1e308}")), -1);
	assert_string_equal(f->err.msg, "result.score.scaled: score not from 0 to 1: 1e+308");
	assert_int_equal(f->err.line, 1);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM completion"), 0);
}

static void
test_xapi_score_scaled_negative_refused(void **state)
{
	struct test_import *f = *state;

	/* xAPI's scaled goes from -1; lcm's scores from 0 */
	assert_int_equal(test_import_text(f, "s.ndjson", DONE("{\"scaled\":-0.5}")), -1);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM completion"), 0);
}

static void
test_xapi_score_raw_over_max_refused(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "s.ndjson", DONE("{\"raw\":30,\"max\":20}")), -1);
	assert_string_equal(f->err.msg, "result.score: raw / max not from 0 to 1: 1.5");
}

static void
test_xapi_score_in_range_kept(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "s.ndjson", DONE("{\"raw\":15,\"max\":20}")), 0);
	assert_int_equal(test_import_q(f, "SELECT score * 100 FROM completion"), 75);
}

/* Moodle's forum statements, the log store's newer shape (the fixtures). */
#define ACTOR "\"actor\":{\"account\":{\"homePage\":\"http://m.org\",\"name\":\"7\"}}"
#define DISC "{\"id\":\"http://m.org/mod/forum/discuss.php?d=1\",\"definition\":{" \
	"\"name\":{\"en\":\"Help\"},\"type\":\"http://id.tincanapi.com/activitytype/discussion\"}}"
#define CREATED "{" ACTOR ",\"verb\":{\"id\":\"http://activitystrea.ms/create\"}," \
	"\"object\":" DISC "}\n"
#define REPLY(p, text) "{" ACTOR ",\"verb\":{\"id\":\"http://id.tincanapi.com/verb/replied\"}," \
	"\"object\":{\"id\":\"http://m.org/mod/forum/discuss.php?d=1#p" p "\",\"definition\":{" \
	"\"description\":{\"en\":\"" text "\"},\"type\":" \
	"\"http://id.tincanapi.com/activitytype/forum-reply\"}},\"context\":{" \
	"\"contextActivities\":{\"parent\":[" DISC "]}}}\n"

static void
test_xapi_moodle_forum_thread_and_replies(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "s.ndjson", CREATED REPLY("2", "Try this") REPLY("3", "Why?")), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM thread"), 1);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post"), 3);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM event"), 0);
	/* both replies answer the opening post, in the discussion's thread */
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post WHERE parent_id ="
			   " (SELECT id FROM post WHERE parent_id IS NULL)"), 2);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM thread WHERE title = 'Help'"), 1);
}

static void
test_xapi_moodle_forum_reply_alone_makes_the_thread(void **state)
{
	struct test_import *f = *state;

	/* the discussion's statement not (yet) imported: its title from the context */
	assert_int_equal(test_import_text(f, "s.ndjson", REPLY("2", "Try this")), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM thread WHERE title = 'Help'"), 1);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post WHERE parent_id IS NULL"), 1);
}

/* Replies before their discussion's statement, in the file: still replies. */
static void
test_xapi_moodle_forum_replies_before_the_discussion(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "s.ndjson", REPLY("2", "Try this") REPLY("3", "Why?") CREATED), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM thread"), 1);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post WHERE parent_ext IS NULL"), 1);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post WHERE parent_id ="
			   " (SELECT id FROM post WHERE parent_ext IS NULL)"), 2);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post WHERE parent_ext IS NULL"
			   " AND body = ''"), 1);
	/* again: nothing changes */
	assert_int_equal(test_import_text(f, "s.ndjson", REPLY("2", "Try this") REPLY("3", "Why?") CREATED), 0);
	assert_int_equal(f->stats.count[LCM_K_POST][LCM_NEW] + f->stats.count[LCM_K_POST][LCM_UPDATED], 0);
}

/* The older shape (post_created.php): replied on the discussion, result.response. */
static void
test_xapi_moodle_forum_older_shape(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "s.ndjson", "{" ACTOR ",\"verb\":{\"id\":"
		"\"http://activitystrea.ms/schema/1.0/create\"},\"object\":" DISC
		",\"timestamp\":\"2026-11-06T10:00:00Z\"}\n"
		"{" ACTOR ",\"verb\":{\"id\":\"http://id.tincanapi.com/verb/replied\"},"
		"\"object\":" DISC ",\"result\":{\"response\":\"Ok\"},"
		"\"timestamp\":\"2026-11-06T11:00:00Z\"}\n"), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM thread"), 1);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post WHERE parent_id IS NOT NULL"), 1);
	assert_int_equal(test_import_q(f, "SELECT created FROM thread"), 1793959200);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(t) cmocka_unit_test_setup_teardown(t, test_import_setup, test_import_teardown)
		T(test_xapi_score_scaled_over_one_refused),
		T(test_xapi_score_scaled_negative_refused),
		T(test_xapi_score_raw_over_max_refused),
		T(test_xapi_score_in_range_kept),
		T(test_xapi_time_timestamp_first),
		T(test_xapi_time_stored_without_timestamp),
		T(test_xapi_time_neither_is_import_time),
		T(test_xapi_time_neither_kept_on_reimport),
		T(test_xapi_time_neither_completion_at_import_time),
		T(test_moodle_users_username_kept),
		T(test_moodle_users_link_by_username),
		T(test_xapi_moodle_forum_thread_and_replies),
		T(test_xapi_moodle_forum_reply_alone_makes_the_thread),
		T(test_xapi_moodle_forum_older_shape),
		T(test_xapi_moodle_forum_replies_before_the_discussion),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
