/*
 * test_input_json.c - the JSON inputs: detection, NDJSON lines, the
 * helpers, and each JSON format's mapping (canvas-discussion, edx-forum,
 * edx-tracking, xapi) through lcm_import_file on small files.
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
#include <zlib.h>

#include "import.h"
#include "input/input.h"
#include "store.h"
#include "support_import.h"

#define STMT(id, who, verb, obj, extra) \
	"{\"id\":\"" id "\",\"actor\":{\"mbox\":\"mailto:" who "\"},\"verb\":{\"id\":" \
	"\"http://adlnet.gov/expapi/verbs/" verb "\"},\"object\":{\"id\":\"" obj "\"}" \
	extra ",\"timestamp\":\"2026-11-06T10:00:00Z\"}"
#define U(n) "00000000-0000-4000-8000-00000000000" #n

/* helpers */

static void
test_lcm_json_time_iso_string(void **state)
{
	json_t *j = json_pack("{s:s}", "t", "2026-11-06T10:00:00+01:00");
	struct lcm_json_at at = { 0, "", NULL, 0 };
	int64_t t = 0;

	(void)state;
	assert_int_equal(lcm_json_time(NULL, j, "t", &at, &t, NULL), 0);
	assert_int_equal(t, 1793955600);
	json_decref(j);
}

static void
test_lcm_json_time_mongo_date_forms(void **state)
{
	json_t *ms = json_loads("{\"t\":{\"$date\":1358028106904}}", 0, NULL);
	json_t *iso = json_loads("{\"t\":{\"$date\":\"2013-01-12T22:01:46.904Z\"}}", 0, NULL);
	json_t *nl = json_loads("{\"t\":{\"$date\":{\"$numberLong\":\"1358028106904\"}}}", 0, NULL);
	struct lcm_json_at at = { 0, "", NULL, 0 };
	int64_t a = 0, b = 0, c = 0;

	(void)state;
	assert_int_equal(lcm_json_time(NULL, ms, "t", &at, &a, NULL), 0);
	assert_int_equal(lcm_json_time(NULL, iso, "t", &at, &b, NULL), 0);
	assert_int_equal(lcm_json_time(NULL, nl, "t", &at, &c, NULL), 0);
	assert_int_equal(a, 1358028106);
	assert_int_equal(b, a);
	assert_int_equal(c, a);
	json_decref(ms);
	json_decref(iso);
	json_decref(nl);
}

static void
test_lcm_json_time_missing_names_path(void **state)
{
	json_t *j = json_object();
	struct lcm_json_at at = { 0, "statements[3]", NULL, 0 };
	struct lcm_err err;
	int64_t t;

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_json_time(NULL, j, "timestamp", &at, &t, &err), -1);
	assert_string_equal(err.msg, "statements[3].timestamp: missing");
	json_decref(j);
}

static void
test_lcm_json_time_bad_string_fails(void **state)
{
	json_t *j = json_pack("{s:s}", "time", "13/12/2013");
	struct lcm_json_at at = { 0, "", NULL, 0 };
	struct lcm_err err;
	int64_t t;

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_json_time(NULL, j, "time", &at, &t, &err), -1);
	assert_string_equal(err.msg, "time: not an ISO 8601 time: '13/12/2013'");
	json_decref(j);
}

static void
test_lcm_json_id_forms(void **state)
{
	json_t *j = json_loads("[{\"$oid\":\"52a4887a\"}, 17, \"x9\", 1.5, null]", 0, NULL);
	struct lcm_buf b;

	(void)state;
	lcm_buf_init(&b);
	assert_string_equal(lcm_json_id(json_array_get(j, 0), &b), "52a4887a");
	assert_string_equal(lcm_json_id(json_array_get(j, 1), &b), "17");
	assert_string_equal(lcm_json_id(json_array_get(j, 2), &b), "x9");
	assert_null(lcm_json_id(json_array_get(j, 3), &b));
	assert_null(lcm_json_id(json_array_get(j, 4), &b));
	lcm_buf_release(&b);
	json_decref(j);
}

static void
test_lcm_json_hash_is_stable_hex(void **state)
{
	char a[33], b[33];

	(void)state;
	lcm_json_hash("abc", 3, a);
	lcm_json_hash("abc", 3, b);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 32);
	/* SHA-256("abc") begins ba7816bf */
	assert_memory_equal(a, "ba7816bf8f01cfea414140de5dae2223", 32);
}

/* detection and reading */

static void
test_lcm_import_json_detects_xapi_page(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "p.json", "{\"statements\": [" STMT(U(1), "a@x.org",
		"experienced", "http://x.org/1", "") "], \"more\": \"\"}"), 0);
	assert_string_equal(f->stats.format, "xapi");
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM event"), 1);
}

static void
test_lcm_import_json_ndjson_error_names_line(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "s.ndjson",
		STMT(U(1), "a@x.org", "experienced", "http://x.org/1", "") "\n\n"
		STMT(U(2), "a@x.org", "experienced", "http://x.org/1", "") "\n"
		"{\"id\":\"" U(3) "\",\"actor\":{},\"verb\":{\"id\":\"http://x.org/v\"},"
		"\"object\":{\"id\":\"http://x.org/1\"}}\n"), -1);
	assert_int_equal(f->err.line, 4);
	assert_string_equal(f->err.msg, "actor: no 'mbox', 'mbox_sha1sum', 'account' or 'openid'");
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM event"), 0);
}

static void
test_lcm_import_json_leading_blank_lines_counted(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "b.ndjson", "\n\n" STMT(U(1), "a@x.org", "experienced",
		"no iri", "") "\n"), -1);
	assert_int_equal(f->err.line, 3);
}

static void
test_lcm_import_json_array_error_names_path(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "a.json", "[\n" STMT(U(1), "a@x.org", "experienced",
		"http://x.org/1", "") ",\n" STMT(U(2), "a@x.org", "experienced", "nope", "")
		"\n]\n"), -1);
	assert_int_equal(f->err.line, 0);
	assert_string_equal(f->err.msg, "[1].object.id: not an IRI: 'nope'");
}

static void
test_lcm_import_json_trailing_comma_is_hinted(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "c.json", "[\n" STMT(U(1), "a@x.org", "experienced",
		"http://x.org/1", "") ",\n]\n"), -1);
	assert_int_equal(f->err.line, 3);
	assert_non_null(strstr(f->err.msg, "(a trailing comma?)"));
}

static void
test_lcm_import_json_unknown_keys_fail(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "u.json", "{\"kind\": 1, \"answers\": []}\n"), -1);
	assert_string_equal(f->err.msg, "not a format lcm reads: looks like an object"
			    " (keys: 'kind', 'answers'); lcm reads JSON of xapi,"
			    " canvas-discussion, edx-forum, edx-tracking, moodle-forum,"
			    " discord and discourse, Slack exports (their directory or .zip),"
			    " and the CSV formats of lcm-import(1) (or give --format)");
}

static void
test_lcm_import_json_empty_array_fails(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "e.json", "[]\n"), -1);
	assert_string_equal(f->err.msg, "empty JSON array: nothing to import");
}

static void
test_lcm_import_json_skip_invalid_keeps_good_lines(void **state)
{
	struct test_import *f = *state;

	f->opts.skip_invalid = 1;
	assert_int_equal(test_import_text(f, "s.ndjson",
		STMT(U(1), "a@x.org", "experienced", "http://x.org/1", "") "\n"
		"{not json\n"
		STMT(U(2), "a@x.org", "experienced", "bad iri", "") "\n"
		STMT(U(3), "a@x.org", "experienced", "http://x.org/1", "") "\n"), 0);
	assert_int_equal(f->stats.rows, 4);
	assert_int_equal(f->stats.rejected, 2);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM event"), 2);
}

/* xapi */

static void
test_lcm_import_json_xapi_reimport_is_same(void **state)
{
	struct test_import *f = *state;
	const char *text = "[" STMT(U(1), "a@x.org", "completed", "http://x.org/m1", "")
		"," STMT(U(2), "b@x.org", "experienced", "http://x.org/v1", "") "]";

	assert_int_equal(test_import_text(f, "r.json", text), 0);
	assert_int_equal(test_import_text(f, "r.json", text), 0);
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_NEW], 0);
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_UPDATED], 0);
	assert_int_equal(f->stats.count[LCM_K_EVENT][LCM_SAME], 2);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM completion WHERE state = 'completed'"), 1);
}

static void
test_lcm_import_json_xapi_voiding_removes_target(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "v.json", "[" STMT(U(1), "a@x.org", "passed",
		"http://x.org/m1", "") "," "{\"id\":\"" U(2) "\",\"actor\":{\"mbox\":"
		"\"mailto:admin@x.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
		"\"object\":{\"objectType\":\"StatementRef\",\"id\":\"" U(1) "\"}}]"), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM event"), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM completion"), 0);
	/* imported again later, the voided statement stays out */
	assert_int_equal(test_import_text(f, "again.json", "[" STMT(U(1), "a@x.org", "passed",
		"http://x.org/m1", "") "]"), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM event"), 0);
}

static void
test_lcm_import_json_xapi_response_makes_posts(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "p.ndjson",
		STMT(U(1), "a@x.org", "asked", "http://x.org/q1",
		     ",\"result\":{\"response\":\"How do I start?\"}") "\n"
		STMT(U(2), "b@x.org", "answered", "http://x.org/q1",
		     ",\"result\":{\"response\":\"Click start.\"}") "\n"
		STMT(U(3), "b@x.org", "commented", "http://x.org/q1", "") "\n"), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post"), 2);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM event"), 1);
	assert_string_equal(test_import_qs(f, "SELECT parent_ext FROM post WHERE external_id = '" U(2) "'"),
			    U(1));
	assert_int_equal(test_import_q(f, "SELECT is_question FROM post WHERE external_id = '" U(1) "'"), 1);
}

static void
test_lcm_import_json_xapi_lang_prefers_option(void **state)
{
	struct test_import *f = *state;

	f->opts.lang = "fr";
	assert_int_equal(test_import_text(f, "l.json", "{\"id\":\"" U(1) "\",\"actor\":{\"mbox\":"
		"\"mailto:a@x.org\"},\"verb\":{\"id\":\"http://x.org/v\",\"display\":{\"en-US\":"
		"\"saw\",\"fr-FR\":\"a vu\"}},\"object\":{\"id\":\"http://x.org/1\",\"definition\":"
		"{\"name\":{\"de\":\"Eins\",\"fr-FR\":\"Un\"}}},\"timestamp\":\"2026-11-06T10:00:00Z\"}"), 0);
	assert_string_equal(test_import_qs(f, "SELECT label FROM term WHERE text = 'http://x.org/v'"), "a vu");
	assert_string_equal(test_import_qs(f, "SELECT label FROM term WHERE text = 'http://x.org/1'"), "Un");
}

static void
test_lcm_import_json_xapi_without_id_hashes_statement(void **state)
{
	struct test_import *f = *state;
	const char *text = "{\"actor\":{\"mbox\":\"mailto:a@x.org\"},\"verb\":{\"id\":"
		"\"http://x.org/v\"},\"object\":{\"id\":\"http://x.org/1\"}}";

	assert_int_equal(test_import_text(f, "h.json", text), 0);
	assert_int_equal(test_import_text(f, "h2.json", text), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM event"), 1);
	assert_int_equal(test_import_q(f, "SELECT ts FROM event"), 1800000000);
}

/* edx */

static void
test_lcm_import_json_edx_endorsed_is_accepted(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "f.mongo",
		"{\"_id\":{\"$oid\":\"t1\"},\"_type\":\"CommentThread\",\"author_id\":\"1\","
		"\"author_username\":\"ana\",\"course_id\":\"c/1\",\"title\":\"Q\",\"body\":\"Why?\","
		"\"thread_type\":\"question\",\"commentable_id\":\"course\","
		"\"created_at\":{\"$date\":1358028106904}}\n"
		"{\"_id\":{\"$oid\":\"c1\"},\"_type\":\"Comment\",\"author_id\":\"2\","
		"\"author_username\":\"bob\",\"course_id\":\"c/1\",\"body\":\"Because.\","
		"\"comment_thread_id\":{\"$oid\":\"t1\"},\"endorsed\":true,"
		"\"created_at\":{\"$date\":\"2013-01-13T00:00:00Z\"}}\n"), 0);
	assert_string_equal(f->stats.format, "edx-forum");
	assert_int_equal(test_import_q(f, "SELECT accepted FROM post WHERE external_id = 'c1'"), 1);
	assert_string_equal(test_import_qs(f, "SELECT parent_ext FROM post WHERE external_id = 'c1'"), "t1");
	assert_int_equal(test_import_q(f, "SELECT is_question FROM post WHERE external_id = 't1'"), 1);
}

#define EDX_COMMENT(id, votes) "{\"_id\":{\"$oid\":\"" id "\"},\"_type\":\"Comment\"," \
	"\"author_id\":\"2\",\"course_id\":\"c/1\",\"body\":\"Yes.\"," \
	"\"comment_thread_id\":{\"$oid\":\"t1\"}," votes \
	"\"created_at\":{\"$date\":\"2013-01-13T00:00:00Z\"}}\n"

/* Votes: point when given, else up less down; none, no row; re-import, same. */
static void
test_lcm_import_json_edx_votes(void **state)
{
	struct test_import *f = *state;
	const char *doc = EDX_COMMENT("c1", "\"votes\":{\"point\":3,\"up_count\":4,\"down_count\":1},")
		EDX_COMMENT("c2", "\"votes\":{\"up_count\":2,\"down_count\":5},")
		EDX_COMMENT("c3", "");
	int i;

	for (i = 0; i < 2; i++)
		assert_int_equal(test_import_text(f, "v.mongo", doc), 0);
	assert_int_equal(test_import_q(f, "SELECT count FROM post_reaction r JOIN post p"
				       " ON p.id = r.post_id WHERE p.external_id = 'c1'"), 3);
	assert_int_equal(test_import_q(f, "SELECT count FROM post_reaction r JOIN post p"
				       " ON p.id = r.post_id WHERE p.external_id = 'c2'"), -3);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post_reaction"), 2);
	assert_string_equal(test_import_qs(f, "SELECT DISTINCT source FROM post_reaction"),
			    "openedx:votes");
}

/* A votes member of the wrong type is refused with its path, nothing stored. */
static void
test_lcm_import_json_edx_votes_bad(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "v.mongo", EDX_COMMENT("c1", "\"votes\":3,")), -1);
	assert_non_null(strstr(f->err.msg, "votes: expected an object, found a number"));
	assert_int_equal(test_import_text(f, "v.mongo",
					  EDX_COMMENT("c1", "\"votes\":{\"up_count\":\"2\"},")), -1);
	assert_non_null(strstr(f->err.msg, "up_count: expected an integer"));
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post"), 0);
}

static void
test_lcm_import_json_tracking_forum_events_make_posts(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "t.log", "# comment\n\n"
		"{\"username\":\"ana\",\"event_type\":\"edx.forum.thread.created\",\"time\":"
		"\"2015-09-14T07:39:55.481713+00:00\",\"context\":{\"course_id\":\"c/1\"},"
		"\"event\":{\"id\":\"t1\",\"title\":\"Help\",\"body\":\"How?\",\"thread_type\":"
		"\"question\",\"commentable_id\":\"course\"}}\n"
		"{\"username\":\"bob\",\"event_type\":\"play_video\",\"time\":"
		"\"2015-09-14T07:40:00+00:00\",\"context\":{\"course_id\":\"c/1\"},"
		"\"event\":\"{\\\"id\\\": \\\"v1\\\"}\"}\n"), 0);
	assert_string_equal(f->stats.format, "edx-tracking");
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM event"), 2);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM post WHERE parent_ext IS NULL"), 1);
	assert_string_equal(test_import_qs(f, "SELECT object FROM event_text WHERE verb = 'play_video'"), "v1");
}

static void
test_lcm_import_json_tracking_gzip(void **state)
{
	struct test_import *f = *state;
	const char *line = "{\"username\":\"ana\",\"event_type\":\"seek_video\",\"time\":"
		"\"2015-09-14T07:40:00+00:00\",\"event\":{}}\n";
	gzFile z;

	snprintf(f->path, sizeof(f->path), "%s/t.log.gz", f->dir);
	z = gzopen(f->path, "wb");
	assert_non_null(z);
	gzputs(z, line);
	gzclose(z);
	assert_int_equal(lcm_import_file(&f->st, f->path, &f->opts, &f->stats, &f->err), 0);
	assert_int_equal(test_import_q(f, "SELECT count(*) FROM event"), 1);
}

/* canvas */

static void
test_lcm_import_json_canvas_view_nests_replies(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "topic.json", "{\"participants\":[{\"id\":10,"
		"\"display_name\":\"Ana\"}],\"view\":[{\"id\":1,\"user_id\":10,\"parent_id\":null,"
		"\"created_at\":\"2026-11-02T09:15:00Z\",\"message\":\"<p>Why?</p>\",\"replies\":"
		"[{\"id\":2,\"parent_id\":1,\"deleted\":true,\"created_at\":\"2026-11-02T09:20:00Z\","
		"\"replies\":[{\"id\":3,\"user_id\":10,\"parent_id\":2,\"created_at\":"
		"\"2026-11-02T09:30:00Z\",\"message\":\"<p>ok</p>\"}]}]}]}"), 0);
	assert_string_equal(f->stats.format, "canvas-discussion");
	assert_int_equal(test_import_q(f, "SELECT count(DISTINCT thread_id) FROM post"), 1);
	assert_int_equal(test_import_q(f, "SELECT deleted FROM post WHERE external_id = '2'"), 1);
	assert_string_equal(test_import_qs(f, "SELECT p.name FROM post JOIN person p ON p.id = author_id"
			       " WHERE post.external_id = '3'"), "Ana");
	assert_string_equal(test_import_qs(f, "SELECT body FROM post WHERE external_id = '1'"), "Why?");
}

static void
test_lcm_import_json_canvas_reply_needs_parent(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "r.json", "[{\"id\":5,\"user_id\":1,\"parent_id\":4,"
		"\"created_at\":\"2026-11-02T09:15:00Z\",\"message\":\"x\"}]"), -1);
	assert_non_null(strstr(f->err.msg, "[0].parent_id: entry 4 is not imported"));
}

static void
test_lcm_import_json_slack_users_not_a_format(void **state)
{
	struct test_import *f = *state;

	/* "id" and "deleted", as a Canvas entry: not taken for one */
	assert_int_equal(test_import_text(f, "users.json", "[{\"id\": \"U1\", \"team_id\": \"T1\","
		" \"name\": \"ana\", \"deleted\": false, \"real_name\": \"Ana\"}]\n"), -1);
	assert_string_equal(f->err.msg, "not a format lcm reads: looks like a Slack users"
			    " list (users.json) (keys: 'id', 'team_id', 'name', 'deleted',"
			    " 'real_name'); lcm reads JSON of xapi, canvas-discussion, edx-forum,"
			    " edx-tracking, moodle-forum, discord and discourse, Slack exports"
			    " (their directory or .zip), and the CSV formats of"
			    " lcm-import(1) (or give --format)");
}

static void
test_lcm_import_json_array_of_numbers(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "n.json", "[1, 2]\n"), -1);
	assert_non_null(strstr(f->err.msg, "not a format lcm reads: looks like an array of"
			       " numbers; lcm reads JSON of "));
}

static void
test_lcm_import_json_key_of_wrong_type(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "m.json", "[[{\"id\": [1], \"discussion\": 1,"
				" \"userid\": 2}]]\n"), -1);
	assert_string_equal(f->err.msg, "sheet 1, record 1: key 'id': expected a string"
			    " or a number, found an array");
}

static void
test_lcm_import_json_empty_sheets_no_csv_header(void **state)
{
	struct test_import *f = *state;

	assert_int_equal(test_import_text(f, "e.json", "[[]]\n"), -1);
	assert_string_equal(f->err.msg, "no records in the JSON: nothing to import");
	assert_null(strstr(f->err.msg, "header"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lcm_json_time_iso_string),
		cmocka_unit_test(test_lcm_json_time_mongo_date_forms),
		cmocka_unit_test(test_lcm_json_time_missing_names_path),
		cmocka_unit_test(test_lcm_json_time_bad_string_fails),
		cmocka_unit_test(test_lcm_json_id_forms),
		cmocka_unit_test(test_lcm_json_hash_is_stable_hex),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_detects_xapi_page, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_ndjson_error_names_line, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_leading_blank_lines_counted, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_array_error_names_path, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_trailing_comma_is_hinted, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_unknown_keys_fail, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_empty_array_fails, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_skip_invalid_keeps_good_lines, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_xapi_reimport_is_same, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_xapi_voiding_removes_target, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_xapi_response_makes_posts, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_xapi_lang_prefers_option, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_xapi_without_id_hashes_statement, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_edx_endorsed_is_accepted, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_edx_votes, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_edx_votes_bad, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_tracking_forum_events_make_posts, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_tracking_gzip, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_canvas_view_nests_replies, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_canvas_reply_needs_parent, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_slack_users_not_a_format, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_array_of_numbers, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_key_of_wrong_type, test_import_setup, test_import_teardown),
		cmocka_unit_test_setup_teardown(test_lcm_import_json_empty_sheets_no_csv_header, test_import_setup, test_import_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
