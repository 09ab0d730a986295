/*
 * test_input_discord.c - the DiscordChatExporter reader
 * (lib/input/discord.c) on small documents: replies in the thread of
 * the message they answer, system and bot messages left out, a repeated
 * id kept once, the nickname, and a bad message refused with its path.
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

#define DOC(msgs) "{\"guild\":{\"id\":\"G1\",\"name\":\"MOOC\"},\"channel\":{\"id\":\"C1\"," \
	"\"type\":\"GuildTextChat\",\"name\":\"help\"},\"messages\":[" msgs "]}"
#define MSG(id, type, author, extra) "{\"id\":\"" id "\",\"type\":\"" type "\"," \
	"\"timestamp\":\"2023-01-17T19:33:07.489+00:00\",\"content\":\"text of " id "?\"," \
	"\"author\":{\"id\":\"" author "\",\"name\":\"user" author "\",\"nickname\":\"Nick " author "\"" \
	extra "}"

static void
test_discord_reply_joins_the_thread_it_answers(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_json(f, &lcm_fmt_discord, DOC(MSG("1", "Default", "7", "}") ","
				       MSG("2", "Reply", "8", "}, \"reference\":{\"messageId\":\"1\"}") ","
				       MSG("3", "Reply", "7", "}, \"reference\":{\"messageId\":\"2\"}"))), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM thread"), 1);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post WHERE parent_id IS NOT NULL"), 2);
	assert_string_equal(test_import_qs(f, "SELECT parent_ext FROM post WHERE external_id = 'C1/3'"), "C1/2");
	assert_string_equal(test_import_qs(f, "SELECT name FROM forum"), "help");
	assert_string_equal(test_import_qs(f, "SELECT name FROM course"), "MOOC");
}

static void
test_discord_system_and_bot_messages_left_out(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_json(f, &lcm_fmt_discord, DOC(MSG("1", "ChannelPinnedMessage", "7", "}") ","
				       MSG("2", "Call", "7", "}") ","
				       MSG("3", "Default", "9", ",\"isBot\":true}") ","
				       MSG("4", "Default", "7", "}"))), 0);
	assert_int_equal(f->stats.rows, 4);
	assert_string_equal(test_import_qs(f, "SELECT group_concat(external_id) FROM post"), "C1/4");
}

static void
test_discord_repeated_id_kept_once_and_nickname(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_json(f, &lcm_fmt_discord, DOC(MSG("1", "Default", "7", "}") "," MSG("1", "Default", "7", "}"))), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post"), 1);
	assert_string_equal(test_import_qs(f, "SELECT name || ' ' || username FROM person"), "Nick 7 user7");
	assert_int_equal(test_import_q(f, "SELECT is_question FROM post"), 1);
}

static void
test_discord_message_without_id_refused_with_path(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_json(f, &lcm_fmt_discord, DOC(MSG("1", "Default", "7", "}") ","
				       "{\"type\":\"Default\",\"timestamp\":\"2023-01-17T19:33:07Z\"}")), -1);
	assert_string_equal(f->err.msg, "messages[1].id: missing");
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post"), 0);
}

static void
test_discord_not_an_export_refused(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_json(f, &lcm_fmt_discord, "{\"messages\":[]}"), -1);
	assert_non_null(strstr(f->err.msg, "needs 'guild', 'channel' and 'messages'"));
}

static void
test_discord_reactions_stored_once(void **state)
{
	struct test_import *f = *state;
	const char *doc = DOC(MSG("1", "Default", "7", "}, \"reactions\":[{\"emoji\":"
				  "{\"name\":\"thumbsup\"},\"count\":4},{\"emoji\":{\"name\":\"\"},"
				  "\"count\":1},{\"emoji\":{\"name\":\"x\"},\"count\":\"2\"}]"));

	/* a nameless emoji and a count that is no number are left; a second
	 * import of the same export replaces the count, never adds to it */
	assert_int_equal(test_import_json(f, &lcm_fmt_discord, doc), 0);
	assert_int_equal(test_import_json(f, &lcm_fmt_discord, doc), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post_reaction"), 1);
	assert_string_equal(test_import_qs(f, "SELECT kind || ' ' || count || ' ' || source"
			       " FROM post_reaction"), "thumbsup 4 discord");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(n) cmocka_unit_test_setup_teardown(n, test_import_setup, test_import_teardown)
		T(test_discord_reply_joins_the_thread_it_answers),
		T(test_discord_system_and_bot_messages_left_out),
		T(test_discord_repeated_id_kept_once_and_nickname),
		T(test_discord_message_without_id_refused_with_path),
		T(test_discord_not_an_export_refused),
		T(test_discord_reactions_stored_once),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
