/*
 * test_input_stackexchange.c - the StackExchange data dump reader
 * (lib/input/stackexchange.c) on small hand-made dump files: questions
 * and answers, the accepted answer, comments, users, the site from the
 * directory, and the refusals (damaged XML, a root lcm does not read,
 * a bad attribute) with their line.
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
	char site[96];		/* DIR/site.meta: the site's name is its directory's */
	char path[160];
	struct lcm_import_opts opts;
	struct lcm_import_stats stats;
	struct lcm_err err;
};

static int
setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	snprintf(f->dir, sizeof(f->dir), "/tmp/lcm-se-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->site, sizeof(f->site), "%s/site.meta", f->dir);
	if (mkdir(f->site, 0700) < 0 ||
	    lcm_store_open(&f->st, ":memory:", LCM_STORE_CREATE, 0, NULL) < 0)
		return -1;
	f->opts.now = 1800000000;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	lcm_store_close(&f->st);
	if (f->path[0])
		unlink(f->path);
	rmdir(f->site);
	rmdir(f->dir);
	free(f);
	return 0;
}

/*
 * Writes text to DIR/site.meta/name and reads it with the reader inside
 * a transaction, committed when it succeeds (as the driver does).
 */
static int
import(struct fx *f, const char *name, const char *text)
{
	struct lcm_import im;
	FILE *fp;
	int rc;

	if (f->path[0])
		unlink(f->path);
	snprintf(f->path, sizeof(f->path), "%s/%s", f->site, name);
	fp = fopen(f->path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	memset(&im, 0, sizeof(im));
	memset(&f->stats, 0, sizeof(f->stats));
	lcm_err_init(&f->err);
	im.st = &f->st;
	im.opts = &f->opts;
	im.stats = &f->stats;
	im.file = f->path;
	lcm_strmap_init(&im.persons);
	lcm_strmap_init(&im.threads);
	assert_int_equal(lcm_store_begin(&f->st, NULL), 0);
	fp = fopen(f->path, "rb");
	assert_non_null(fp);
	rc = lcm_import_stackexchange(&im, fp, &f->err);
	fclose(fp);
	if (rc == 0 && lcm_store_link_parents(&f->st, &f->err) == 0)
		assert_int_equal(lcm_store_commit(&f->st, NULL), 0);
	else
		lcm_store_rollback(&f->st);
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

#define HEAD "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
#define POSTS HEAD "<posts>\n" \
	"  <row Id=\"1\" PostTypeId=\"1\" AcceptedAnswerId=\"3\" CreationDate=\"2018-02-06T20:19:50.957\"" \
	" Score=\"10\" Body=\"&lt;p&gt;Do we accept &lt;b&gt;conlang&lt;/b&gt; posts&lt;/p&gt;\"" \
	" OwnerUserId=\"14\" Title=\"Are conlang questions accepted\" Tags=\"&lt;discussion&gt;\" />\n" \
	"  <row Id=\"2\" PostTypeId=\"2\" ParentId=\"1\" CreationDate=\"2018-02-06T20:30:00.000\"" \
	" Body=\"&lt;p&gt;No.&lt;/p&gt;\" OwnerUserId=\"12\" />\n" \
	"  <row Id=\"3\" PostTypeId=\"2\" ParentId=\"1\" CreationDate=\"2018-02-06T21:00:00.000\"" \
	" Body=\"&lt;p&gt;Yes, in English too.&lt;/p&gt;\" OwnerDisplayName=\"user23\"" \
	" LastEditDate=\"2018-02-07T08:00:00.000\" />\n" \
	"  <row Id=\"4\" PostTypeId=\"5\" CreationDate=\"2018-02-06T21:00:00.000\" Body=\"wiki\" />\n" \
	"</posts>\n"

static void
test_stackexchange_posts_questions_and_answers(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "Posts.xml", POSTS), 0);
	assert_int_equal(f->stats.rows, 4);
	assert_int_equal(q(f, "SELECT count(*) FROM thread"), 1);
	/* the tag wiki (type 5) is left out */
	assert_int_equal(q(f, "SELECT count(*) FROM post"), 3);
	assert_string_equal(qs(f, "SELECT title FROM thread"), "Are conlang questions accepted");
	assert_string_equal(qs(f, "SELECT external_id FROM thread"), "site.meta/1");
	assert_string_equal(qs(f, "SELECT name FROM forum"), "site.meta");
	/* zone-less dump times are UTC */
	assert_int_equal(q(f, "SELECT created FROM post WHERE external_id = 'site.meta/1'"),
			 1517948390);
	assert_int_equal(q(f, "SELECT is_question FROM post WHERE external_id = 'site.meta/1'"), 1);
	assert_string_equal(qs(f, "SELECT body FROM post WHERE external_id = 'site.meta/1'"),
			    "Do we accept conlang posts");
}

static void
test_stackexchange_posts_accepted_answer_marked(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "Posts.xml", POSTS), 0);
	assert_string_equal(qs(f, "SELECT group_concat(external_id) FROM post WHERE accepted"),
			    "site.meta/3");
	assert_int_equal(q(f, "SELECT count(*) FROM post c JOIN post p ON p.id = c.parent_id"
			   " WHERE p.external_id = 'site.meta/1'"), 2);
	/* a deleted account keeps its display name */
	assert_string_equal(qs(f, "SELECT a.name FROM post p JOIN person a ON a.id = p.author_id"
			       " WHERE p.external_id = 'site.meta/3'"), "user23");
	assert_int_equal(q(f, "SELECT modified FROM post WHERE external_id = 'site.meta/3'"),
			 1517990400);
}

static void
test_stackexchange_posts_reimport_changes_nothing(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "Posts.xml", POSTS), 0);
	assert_int_equal(import(f, "Posts.xml", POSTS), 0);
	assert_int_equal(f->stats.count[LCM_K_POST][LCM_NEW], 0);
	assert_int_equal(f->stats.count[LCM_K_POST][LCM_UPDATED], 0);
	assert_int_equal(f->stats.count[LCM_K_THREAD][LCM_NEW], 0);
	assert_int_equal(f->stats.count[LCM_K_PERSON][LCM_NEW], 0);
	assert_int_equal(q(f, "SELECT count(*) FROM post"), 3);
	/* the score too: one row, not two */
	assert_int_equal(q(f, "SELECT count(*) FROM post_reaction"), 1);
}

static void
test_stackexchange_posts_score_stored(void **state)
{
	struct fx *f = *state;

	/* only post 1 has a Score; the answers have none in this dump */
	assert_int_equal(import(f, "Posts.xml", POSTS), 0);
	assert_string_equal(qs(f, "SELECT p.external_id || ' ' || r.kind || ' ' || r.count"
			       " || ' ' || r.source FROM post_reaction r JOIN post p"
			       " ON p.id = r.post_id"), "site.meta/1 score 10 stackexchange:Score");
}

/* A question's Tags are its thread's, replaced on a re-import. */
static void
test_stackexchange_posts_tags_stored(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "Posts.xml", POSTS), 0);
	assert_string_equal(qs(f, "SELECT t.external_id || ' ' || g.tag || ' ' || g.source"
			       " FROM thread_tag g JOIN thread t ON t.id = g.thread_id"),
			    "site.meta/1 discussion stackexchange:Tags");
	assert_int_equal(import(f, "Posts.xml", HEAD "<posts>\n"
				"  <row Id=\"1\" PostTypeId=\"1\" CreationDate=\"2018-02-06T20:19:50.957\""
				" Title=\"t\" Tags=\"|support|bug|\" />\n</posts>\n"), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM thread_tag"), 2);
	assert_int_equal(q(f, "SELECT count(*) FROM thread_tag WHERE tag = 'discussion'"), 0);
}

/*
 * PostLinks: a duplicate (3) and a link (1) between the questions'
 * threads, through an answer too; a link to a post the store lacks, one
 * inside a thread and another type are left out; a bad id is refused.
 */
static void
test_stackexchange_postlinks_kept_between_threads(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "Posts.xml", HEAD "<posts>\n"
				"  <row Id=\"1\" PostTypeId=\"1\" CreationDate=\"2018-02-06T20:00:00.000\" Title=\"a\" />\n"
				"  <row Id=\"2\" PostTypeId=\"1\" CreationDate=\"2018-02-07T20:00:00.000\" Title=\"b\" />\n"
				"  <row Id=\"3\" PostTypeId=\"2\" ParentId=\"2\" CreationDate=\"2018-02-07T21:00:00.000\" />\n"
				"</posts>\n"), 0);
	assert_int_equal(import(f, "PostLinks.xml", HEAD "<postlinks>\n"
				"  <row Id=\"1\" PostId=\"2\" RelatedPostId=\"1\" LinkTypeId=\"3\" />\n"
				"  <row Id=\"2\" PostId=\"3\" RelatedPostId=\"1\" LinkTypeId=\"1\" />\n"
				"  <row Id=\"3\" PostId=\"2\" RelatedPostId=\"99\" LinkTypeId=\"1\" />\n"
				"  <row Id=\"4\" PostId=\"3\" RelatedPostId=\"2\" LinkTypeId=\"1\" />\n"
				"  <row Id=\"5\" PostId=\"1\" RelatedPostId=\"2\" LinkTypeId=\"7\" />\n"
				"  <row Id=\"6\" PostId=\"2\" RelatedPostId=\"1\" LinkTypeId=\"3\" />\n"
				"</postlinks>\n"), 0);
	assert_int_equal(q(f, "SELECT count(*) FROM thread_related"), 2);
	assert_string_equal(qs(f, "SELECT group_concat(a.external_id || '>' || b.external_id"
			       " || ':' || r.kind, ' ') FROM (SELECT * FROM thread_related"
			       " ORDER BY kind) r JOIN thread a ON a.id = r.thread_id"
			       " JOIN thread b ON b.id = r.related_id"),
			    "site.meta/2>site.meta/1:duplicate site.meta/2>site.meta/1:linked");
	assert_int_equal(import(f, "PostLinks.xml", HEAD "<postlinks>\n"
				"  <row Id=\"1\" PostId=\"2\" RelatedPostId=\"x\" LinkTypeId=\"3\" />\n"
				"</postlinks>\n"), -1);
	assert_int_equal(f->err.line, 3);
	assert_non_null(strstr(f->err.msg, "RelatedPostId"));
}

static void
test_stackexchange_users_name_the_authors(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "Posts.xml", POSTS), 0);
	assert_int_equal(import(f, "Users.xml", HEAD "<users>\n"
				"  <row Id=\"-1\" DisplayName=\"Community\" />\n"
				"  <row Id=\"14\" Reputation=\"5\" DisplayName=\"Rand al'Thor\" AccountId=\"9\" />\n"
				"</users>\n"), 0);
	assert_int_equal(f->stats.rows, 2);
	assert_string_equal(qs(f, "SELECT a.name FROM thread t JOIN person a ON a.id = t.author_id"),
			    "Rand al'Thor");
	assert_string_equal(qs(f, "SELECT name FROM person WHERE name = 'Community'"), "Community");
}

static void
test_stackexchange_comments_reply_to_their_post(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "Posts.xml", POSTS), 0);
	assert_int_equal(import(f, "Comments.xml", HEAD "<comments>\n"
				"  <row Id=\"2\" PostId=\"2\" Score=\"0\" Text=\"Why not?\""
				" CreationDate=\"2018-02-06T20:31:00.000\" UserId=\"14\" />\n"
				"  <row Id=\"3\" PostId=\"99\" Text=\"on a deleted post\""
				" CreationDate=\"2018-02-06T20:32:00.000\" UserId=\"14\" />\n"
				"</comments>\n"), 0);
	assert_int_equal(f->stats.rows, 2);
	/* the comment on post 99 (not in the store) is left out */
	assert_int_equal(q(f, "SELECT count(*) FROM post"), 4);
	assert_string_equal(qs(f, "SELECT p.external_id FROM post c JOIN post p ON p.id = c.parent_id"
			       " WHERE c.external_id = 'site.meta/c2'"), "site.meta/2");
	assert_string_equal(qs(f, "SELECT t.external_id FROM post c JOIN thread t ON t.id = c.thread_id"
			       " WHERE c.external_id = 'site.meta/c2'"), "site.meta/1");
	assert_int_equal(q(f, "SELECT is_question FROM post WHERE external_id = 'site.meta/c2'"), 1);
}

static void
test_stackexchange_other_tables_read_and_left(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "Votes.xml", HEAD "<votes>\n"
				"  <row Id=\"1\" PostId=\"1\" VoteTypeId=\"2\" CreationDate=\"2018-02-06T00:00:00.000\" />\n"
				"</votes>\n"), 0);
	assert_int_equal(f->stats.rows, 1);
	assert_int_equal(q(f, "SELECT count(*) FROM post"), 0);
}

static void
test_stackexchange_damaged_xml_refused_with_line(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "Posts.xml", HEAD "<posts>\n"
				"  <row Id=\"1\" PostTypeId=\"1\" CreationDate=\"2018-02-06T20:19:50.957\" Title=\"a\" />\n"
				"  <row Id=\"2\" PostTypeId=\"2\" ParentId=\"1\" CreationDate=\"2018-02-06T20:19:50.957\"\n"
				"</posts>\n"), -1);
	/* the unclosed tag is seen where '<' of </posts> comes */
	assert_int_equal(f->err.line, 5);
	assert_string_equal(f->err.msg, "invalid XML: not well-formed (invalid token) (column 1)");
	/* the store unchanged: the good row before it is rolled back */
	assert_int_equal(q(f, "SELECT count(*) FROM post"), 0);
}

static void
test_stackexchange_truncated_file_refused(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "Posts.xml", HEAD "<posts>\n"
				"  <row Id=\"1\" PostTypeId=\"1\" CreationDate=\"2018-02-06T20:19:50.957\" Title=\"a\" />\n"),
			 -1);
	assert_non_null(strstr(f->err.msg, "invalid XML: no element found"));
	assert_int_equal(q(f, "SELECT count(*) FROM post"), 0);
}

static void
test_stackexchange_unknown_root_refused(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "feed.xml", HEAD "<rss version=\"2.0\"><channel/></rss>\n"), -1);
	assert_int_equal(f->err.line, 2);
	assert_non_null(strstr(f->err.msg, "not a format lcm reads: XML with root element 'rss'"));
}

static void
test_stackexchange_bad_attribute_refused_with_line(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "Posts.xml", HEAD "<posts>\n"
				"  <row Id=\"1\" PostTypeId=\"1\" CreationDate=\"2018-02-06T20:19:50.957\" Title=\"a\" />\n"
				"  <row Id=\"2\" PostTypeId=\"2\" CreationDate=\"yesterday\" ParentId=\"1\" />\n"
				"</posts>\n"), -1);
	assert_int_equal(f->err.line, 4);
	assert_string_equal(f->err.msg, "attribute 'CreationDate': not a time: 'yesterday'");
	assert_int_equal(q(f, "SELECT count(*) FROM post"), 0);
}

static void
test_stackexchange_answer_without_parent_refused(void **state)
{
	struct fx *f = *state;

	assert_int_equal(import(f, "Posts.xml", HEAD "<posts>\n"
				"  <row Id=\"2\" PostTypeId=\"2\" CreationDate=\"2018-02-06T20:19:50.957\" />\n"
				"</posts>\n"), -1);
	assert_string_equal(f->err.msg, "attribute 'ParentId' missing");
	assert_int_equal(f->err.line, 3);
}

static void
test_stackexchange_course_option_names_the_site(void **state)
{
	struct fx *f = *state;

	f->opts.course = "Conlang Meta";
	assert_int_equal(import(f, "Posts.xml", POSTS), 0);
	assert_string_equal(qs(f, "SELECT external_id FROM thread"), "Conlang Meta/1");
	assert_string_equal(qs(f, "SELECT name FROM course"), "Conlang Meta");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(n) cmocka_unit_test_setup_teardown(n, setup, teardown)
		T(test_stackexchange_posts_questions_and_answers),
		T(test_stackexchange_posts_accepted_answer_marked),
		T(test_stackexchange_posts_score_stored),
		T(test_stackexchange_posts_tags_stored),
		T(test_stackexchange_postlinks_kept_between_threads),
		T(test_stackexchange_posts_reimport_changes_nothing),
		T(test_stackexchange_users_name_the_authors),
		T(test_stackexchange_comments_reply_to_their_post),
		T(test_stackexchange_other_tables_read_and_left),
		T(test_stackexchange_damaged_xml_refused_with_line),
		T(test_stackexchange_truncated_file_refused),
		T(test_stackexchange_unknown_root_refused),
		T(test_stackexchange_bad_attribute_refused_with_line),
		T(test_stackexchange_answer_without_parent_refused),
		T(test_stackexchange_course_option_names_the_site),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
