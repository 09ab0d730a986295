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
#include "support.h"

struct fx {
	struct lcm_store st;
	struct lcm_import_opts opts;
	struct lcm_import_stats stats;
	struct lcm_err err;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	if (lcm_store_open(&f->st, ":memory:", LCM_STORE_CREATE, 0, NULL) < 0)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	lcm_store_close(&f->st);
	free(f);
	return 0;
}

#define DOC(msgs) "{\"guild\":{\"id\":\"G1\",\"name\":\"MOOC\"},\"channel\":{\"id\":\"C1\"," \
	"\"type\":\"GuildTextChat\",\"name\":\"help\"},\"messages\":[" msgs "]}"
#define MSG(id, type, author, extra) "{\"id\":\"" id "\",\"type\":\"" type "\"," \
	"\"timestamp\":\"2023-01-17T19:33:07.489+00:00\",\"content\":\"text of " id "?\"," \
	"\"author\":{\"id\":\"" author "\",\"name\":\"user" author "\",\"nickname\":\"Nick " author "\"" \
	extra "}"

/* Reads the JSON text through the format, in a transaction committed on success. */
static int
import(struct fx *f, const char *text)
{
	struct lcm_json_at at = { 0, "", NULL, 0 };
	struct lcm_import im;
	json_t *doc = json_loads(text, 0, NULL);
	int rc;

	assert_non_null(doc);
	memset(&im, 0, sizeof(im));
	memset(&f->stats, 0, sizeof(f->stats));
	lcm_err_init(&f->err);
	im.st = &f->st;
	im.opts = &f->opts;
	im.stats = &f->stats;
	im.file = "help.json";
	lcm_strmap_init(&im.persons);
	lcm_strmap_init(&im.threads);
	assert_int_equal(lcm_store_begin(&f->st, NULL), 0);
	rc = lcm_fmt_discord.json(&im, doc, &at, &f->err);
	if (rc == 0 && lcm_store_link_parents(&f->st, &f->err) == 0)
		assert_int_equal(lcm_store_commit(&f->st, NULL), 0);
	else
		lcm_store_rollback(&f->st);
	json_decref(doc);
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
test_discord_reply_joins_the_thread_it_answers(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, DOC(MSG("1", "Default", "7", "}") ","
				       MSG("2", "Reply", "8", "}, \"reference\":{\"messageId\":\"1\"}") ","
				       MSG("3", "Reply", "7", "}, \"reference\":{\"messageId\":\"2\"}"))), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM thread"), 1);
	assert_int_equal(q(f, "SELECT count(*) FROM post WHERE parent_id IS NOT NULL"), 2);
	assert_string_equal(qs(f, "SELECT parent_ext FROM post WHERE external_id = 'C1/3'"), "C1/2");
	assert_string_equal(qs(f, "SELECT name FROM forum"), "help");
	assert_string_equal(qs(f, "SELECT name FROM course"), "MOOC");
}

static void
test_discord_system_and_bot_messages_left_out(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, DOC(MSG("1", "ChannelPinnedMessage", "7", "}") ","
				       MSG("2", "Call", "7", "}") ","
				       MSG("3", "Default", "9", ",\"isBot\":true}") ","
				       MSG("4", "Default", "7", "}"))), 0);
	assert_int_equal(f->stats.rows, 4);
	assert_string_equal(qs(f, "SELECT group_concat(external_id) FROM post"), "C1/4");
}

static void
test_discord_repeated_id_kept_once_and_nickname(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, DOC(MSG("1", "Default", "7", "}") "," MSG("1", "Default", "7", "}"))), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM post"), 1);
	assert_string_equal(qs(f, "SELECT name || ' ' || username FROM person"), "Nick 7 user7");
	assert_int_equal(q(f, "SELECT is_question FROM post"), 1);
}

static void
test_discord_message_without_id_refused_with_path(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, DOC(MSG("1", "Default", "7", "}") ","
				       "{\"type\":\"Default\",\"timestamp\":\"2023-01-17T19:33:07Z\"}")), -1);
	assert_string_equal(f->err.msg, "messages[1].id: missing");
	assert_int_equal(q(f, "SELECT count(*) FROM post"), 0);
}

static void
test_discord_not_an_export_refused(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "{\"messages\":[]}"), -1);
	assert_non_null(strstr(f->err.msg, "needs 'guild', 'channel' and 'messages'"));
}

static void
test_discord_reactions_stored_once(void **state)
{
	struct fx *f = *state;
	const char *doc = DOC(MSG("1", "Default", "7", "}, \"reactions\":[{\"emoji\":"
				  "{\"name\":\"thumbsup\"},\"count\":4},{\"emoji\":{\"name\":\"\"},"
				  "\"count\":1},{\"emoji\":{\"name\":\"x\"},\"count\":\"2\"}]"));

	/* a nameless emoji and a count that is no number are left; a second
	 * import of the same export replaces the count, never adds to it */
	assert_int_equal(import(f, doc), 0);
	assert_int_equal(import(f, doc), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM post_reaction"), 1);
	assert_string_equal(qs(f, "SELECT kind || ' ' || count || ' ' || source"
			       " FROM post_reaction"), "thumbsup 4 discord");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(n) cmocka_unit_test_setup_teardown(n, setup, teardown)
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
