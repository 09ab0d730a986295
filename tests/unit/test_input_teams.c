/*
 * test_input_teams.c - the Microsoft Graph chatMessage reader
 * (lib/input/teams.c) on small pages: a reply in its root's thread,
 * $expand=replies, system events and application messages left out,
 * a deleted message, reactions counted by type, a mention as "@Name",
 * a chat's messages, and a bad message refused with its path.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "import.h"
#include "input/chat.h"
#include "store.h"
#include "support_import.h"

#define PAGE(msgs) "{\"@odata.context\":\"x\",\"value\":[" msgs "]}"
#define CHAN "\"channelIdentity\":{\"teamId\":\"T1\",\"channelId\":\"19:c1@thread.tacv2\"}"
#define FROM(u) "\"from\":{\"application\":null,\"user\":{\"id\":\"" u "\",\"displayName\":\"User " u "\"}}"
#define MSG(id, reply, type, extra) "{\"id\":\"" id "\",\"replyToId\":" reply "," \
	"\"messageType\":\"" type "\",\"createdDateTime\":\"2021-03-29T03:45:10.408Z\"," \
	"\"body\":{\"contentType\":\"text\",\"content\":\"text of " id "\"}," CHAN extra "}"

static void
test_teams_reply_in_its_root_thread(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_json(f, &lcm_fmt_teams, PAGE(MSG("2", "\"1\"", "message", "," FROM("7")) ","
					MSG("1", "null", "message", "," FROM("8")))), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM thread"), 1);
	assert_string_equal(test_import_qs(f, "SELECT parent_ext FROM post WHERE external_id ="
			       " '19:c1@thread.tacv2/2'"), "19:c1@thread.tacv2/1");
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post WHERE parent_id IS NOT NULL"), 1);
	assert_string_equal(test_import_qs(f, "SELECT title FROM thread"), "text of 1");
	assert_string_equal(test_import_qs(f, "SELECT name FROM course"), "T1");
}

static void
test_teams_expanded_replies(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_json(f, &lcm_fmt_teams, PAGE(MSG("1", "null", "message", "," FROM("8")
		",\"replies\":[" MSG("2", "\"1\"", "message", "," FROM("7")) ","
		MSG("3", "\"1\"", "message", "," FROM("9")) "]"))), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post WHERE parent_id IS NOT NULL"), 2);
	assert_int_equal(f->stats.rows, 3);
}

static void
test_teams_system_and_application_left_out(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_json(f, &lcm_fmt_teams, PAGE(MSG("1", "null", "systemEventMessage", ",\"from\":null") ","
		MSG("2", "null", "unknownFutureValue", "," FROM("7")) ","
		MSG("3", "null", "message", ",\"from\":{\"application\":{\"id\":\"bot\"},\"user\":null}") ","
		MSG("4", "null", "message", "," FROM("7")))), 0);
	assert_string_equal(test_import_qs(f, "SELECT group_concat(external_id) FROM post"),
			    "19:c1@thread.tacv2/4");
}

static void
test_teams_deleted_and_reactions(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_json(f, &lcm_fmt_teams, PAGE(MSG("1", "null", "message", "," FROM("7")
		",\"deletedDateTime\":\"2021-03-30T00:00:00Z\"") ","
		MSG("2", "null", "message", "," FROM("7") ",\"reactions\":["
		"{\"reactionType\":\"like\",\"user\":{\"user\":{\"id\":\"a\"}}},"
		"{\"reactionType\":\"like\",\"user\":{\"user\":{\"id\":\"b\"}}},"
		"{\"reactionType\":\"heart\",\"user\":{\"user\":{\"id\":\"a\"}}}]"))), 0);
	assert_int_equal(test_import_q(f, "SELECT deleted FROM post WHERE external_id = '19:c1@thread.tacv2/1'"), 1);
	assert_string_equal(test_import_qs(f, "SELECT body FROM post WHERE external_id = '19:c1@thread.tacv2/1'"), "");
	assert_int_equal(test_import_q(f, "SELECT count FROM post_reaction WHERE kind = 'like'"), 2);
	assert_int_equal(test_import_q(f, "SELECT count FROM post_reaction WHERE kind = 'heart'"), 1);
}

static void
test_teams_html_mention_and_subject(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_json(f, &lcm_fmt_teams, "{\"id\":\"5\",\"replyToId\":null,\"messageType\":\"message\","
		"\"createdDateTime\":\"2021-03-29T03:45:10Z\",\"subject\":\"Week 2 help?\","
		"\"body\":{\"contentType\":\"html\",\"content\":\"<p>Thanks <at id=\\\"0\\\">Jane"
		" Smith</at></p>\"}," CHAN "," FROM("7") "}"), 0);
	assert_string_equal(test_import_qs(f, "SELECT body FROM post"), "Thanks @Jane Smith");
	assert_string_equal(test_import_qs(f, "SELECT title FROM thread"), "Week 2 help?");
	assert_int_equal(test_import_q(f, "SELECT is_question FROM post"), 1);
}

static void
test_teams_chat_messages(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_json(f, &lcm_fmt_teams, "[{\"id\":\"9\",\"replyToId\":null,\"messageType\":\"message\","
		"\"createdDateTime\":\"2021-03-29T03:45:10Z\",\"chatId\":\"19:chat@thread.v2\","
		"\"body\":{\"contentType\":\"text\",\"content\":\"hi\"}," FROM("7") "}]"), 0);
	assert_string_equal(test_import_qs(f, "SELECT name FROM course"), "chats");
	assert_string_equal(test_import_qs(f, "SELECT external_id FROM post"), "19:chat@thread.v2/9");
}

static void
test_teams_bad_message_refused(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_json(f, &lcm_fmt_teams, PAGE(MSG("1", "null", "message", "," FROM("7")) ","
		"{\"id\":\"2\",\"replyToId\":null,\"messageType\":\"message\","
		"\"createdDateTime\":\"2021-03-29T03:45:10Z\"," FROM("7") ",\"body\":{}}")), -1);
	assert_string_equal(f->err.msg, "value[1].channelIdentity: missing, and no chatId:"
			    " a message of neither a channel nor a chat");
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_teams_reply_in_its_root_thread, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_teams_expanded_replies, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_teams_system_and_application_left_out, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_teams_deleted_and_reactions, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_teams_html_mention_and_subject, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_teams_chat_messages, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_teams_bad_message_refused, test_import_setup, test_import_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
