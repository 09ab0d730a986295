/*
 * moodle_forum.c - Moodle's forum export (mod/forum/export.php, Moodle
 * 3.8+), CSV or JSON, with epoch or "human-readable" dates.
 *
 * A row is a post; parent 0 starts a discussion, whose subject is the
 * thread's title. The export names neither course nor forum: they come
 * from --course and --forum (default: the file's base name).
 */
#include "input/input.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "xalloc.h"

enum { ID, DISCUSSION, PARENT, USERID, USERFULLNAME, CREATED, MODIFIED,
	SUBJECT, MESSAGE, MESSAGEFORMAT, DELETED, PRIVATEREPLYTO, NCOLS };

static const struct lcm_column cols[NCOLS] = {
	[ID] = { "id", 1 },
	[DISCUSSION] = { "discussion", 1 },
	[PARENT] = { "parent", 1 },
	[USERID] = { "userid", 1 },
	[USERFULLNAME] = { "userfullname", 0 },
	[CREATED] = { "created", 1 },
	[MODIFIED] = { "modified", 0 },
	[SUBJECT] = { "subject", 1 },
	[MESSAGE] = { "message", 1 },
	[MESSAGEFORMAT] = { "messageformat", 0 },
	[DELETED] = { "deleted", 0 },
	[PRIVATEREPLYTO] = { "privatereplyto", 0 },
};

/* Moodle's FORMAT_PLAIN is 2; FORMAT_MOODLE 0, HTML 1 and MARKDOWN 4 are
 * rendered to HTML by Moodle, so they are read as HTML. */
#define FORMAT_PLAIN 2

/* The forum every row of this file goes to, created on first use. */
static int
forum_of(struct lcm_import *im, struct lcm_err *err)
{
	const char *base, *dot;
	char *name;
	int64_t course;
	int rc;

	if (im->forum_id)
		return 0;
	if (lcm_in_course(im, "moodle", NULL, &course, err) < 0)
		return -1;
	if (im->opts->forum) {
		name = lcm_xstrdup(im->opts->forum);
	} else {
		base = strrchr(im->file, '/');
		base = base ? base + 1 : im->file;
		dot = strrchr(base, '.');
		name = lcm_xstrndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
	}
	rc = lcm_in_forum(im, "moodle", im->opts->course, course, name, &im->forum_id, err);
	free(name);
	return rc;
}

static int
row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	int64_t id, discussion, parent, userid, created, modified = 0, fmt = 1;
	int64_t priv = 0, person_id, thread_id, post_id;
	int deleted = 0, rc = -1;
	struct lcm_person person = { 0 };
	struct lcm_thread thread = { 0 };
	struct lcm_post post = { 0 };
	enum lcm_outcome o;
	char *body = NULL;

	/* Check the whole row before writing anything. */
	if (lcm_in_int("id", v[ID], &id, err) < 0 ||
	    lcm_in_int("discussion", v[DISCUSSION], &discussion, err) < 0 ||
	    lcm_in_int("parent", v[PARENT], &parent, err) < 0 ||
	    lcm_in_int("userid", v[USERID], &userid, err) < 0 ||
	    lcm_in_time(im, "created", v[CREATED], &created, err) < 0)
		return -1;
	if (lcm_in_opt(v[MODIFIED]) &&
	    lcm_in_time(im, "modified", v[MODIFIED], &modified, err) < 0)
		return -1;
	if (lcm_in_opt(v[MESSAGEFORMAT]) &&
	    lcm_in_int("messageformat", v[MESSAGEFORMAT], &fmt, err) < 0)
		return -1;
	if (lcm_in_bool("deleted", lcm_in_opt(v[DELETED]), &deleted, err) < 0)
		return -1;
	if (lcm_in_opt(v[PRIVATEREPLYTO]) &&
	    lcm_in_int("privatereplyto", v[PRIVATEREPLYTO], &priv, err) < 0)
		return -1;
	if (forum_of(im, err) < 0)
		return -1;

	person.platform = "moodle";
	person.external_id = v[USERID];
	person.name = lcm_in_opt(v[USERFULLNAME]);
	if (lcm_in_person(im, &person, &person_id, err) < 0)
		return -1;

	thread.platform = "moodle";
	thread.external_id = v[DISCUSSION];
	thread.forum_id = im->forum_id;
	if (parent == 0) {
		thread.title = v[SUBJECT];
		thread.author_id = person_id;
		thread.created = created;
		thread.has_created = 1;
	}
	if (lcm_in_thread(im, &thread, parent == 0, &thread_id, err) < 0)
		return -1;

	body = lcm_in_body(v[MESSAGE], fmt != FORMAT_PLAIN);
	post.platform = "moodle";
	post.external_id = v[ID];
	post.thread_id = thread_id;
	post.parent_ext = parent ? v[PARENT] : NULL;
	post.author_id = person_id;
	post.created = created;
	post.modified = modified;
	post.has_modified = lcm_in_opt(v[MODIFIED]) != NULL;
	post.subject = v[SUBJECT];
	post.body = body;
	post.words = lcm_text_words(body);
	post.is_question = lcm_text_is_question(body) ||
		(parent == 0 && lcm_text_is_question(v[SUBJECT]));
	post.deleted = deleted;
	post.private_ = priv != 0;
	if (lcm_store_post(im->st, &post, &post_id, &o, err) < 0)
		goto out;
	lcm_in_count(im, LCM_K_POST, o);
	rc = 0;
out:
	free(body);
	return rc;
}

const struct lcm_input_format lcm_fmt_moodle_forum = {
	.name = "moodle-forum", .platform = "moodle",
	.cols = cols, .ncols = NCOLS, .row = row, .finish = NULL
};
