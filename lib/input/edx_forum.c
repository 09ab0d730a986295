/*
 * edx_forum.c - Open edX discussion data: the "contents" collection of a
 * research data package (edX-ORG-COURSE-prod.mongo), one mongoexport
 * JSON document a line (openedx/cs_comments_service models/comment.rb,
 * comment_thread.rb; edx-documentation discussion_data.rst).
 *
 * A CommentThread is a thread and its opening post; a Comment is a
 * response to it (no parent_id) or a comment on a response (parent_id).
 * An endorsed comment is an accepted answer. Persons are keyed by their
 * username (author_username), the key the tracking logs share.
 */
#include "input/input.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "reaction.h"
#include "text.h"
#include "xalloc.h"

#define PLATFORM "openedx"

/* One document, checked; strings borrowed from it or from the bufs. */
struct doc {
	struct lcm_buf id, thread, parent, author, forum;
	int is_thread;
	const char *username, *course, *title, *body, *thread_type, *commentable;
	int64_t created, updated;
	int has_updated, endorsed;
	int has_votes;
	int64_t votes;		/* up less down (votes.point, else the counts) */
};

/* A string member (NULL when absent or null); other types are errors. */
static int
str(const json_t *o, const char *key, const struct lcm_json_at *at,
    const char **out, struct lcm_err *err)
{
	const json_t *j = json_object_get(o, key);

	*out = NULL;
	if (!j || json_is_null(j))
		return 0;
	if (!json_is_string(j))
		return lcm_json_err(err, at, key, "expected a string, found %s",
				    lcm_json_kind(j));
	*out = json_string_value(j);
	return 0;
}

/* An id member ({"$oid": ...}, a string or a number) into b. */
static int
id(const json_t *o, const char *key, int required, const struct lcm_json_at *at,
   struct lcm_buf *b, struct lcm_err *err)
{
	const json_t *j = json_object_get(o, key);

	if ((!j || json_is_null(j)) && !required)
		return 0;
	if (!j)
		return lcm_json_err(err, at, key, "missing");
	if (!lcm_json_id(j, b))
		return lcm_json_err(err, at, key, "expected an id (a string or a number),"
				    " found %s", lcm_json_kind(j));
	return 0;
}

/* An integer member of votes into *out (0 when absent). */
static int
vote_count(const json_t *v, const char *key, const struct lcm_json_at *at,
	   int64_t *out, struct lcm_err *err)
{
	const json_t *j = json_object_get(v, key);

	*out = 0;
	if (!j || json_is_null(j))
		return 0;
	if (!json_is_integer(j))
		return lcm_json_err(err, at, "votes", "%s: expected an integer, found %s", key,
				    lcm_json_kind(j));
	*out = json_integer_value(j);
	return 1;
}

/*
 * The votes of a thread or comment ("votes": {"up_count", "down_count",
 * "point"}, as cs_comments_service keeps them): point, the net votes,
 * else up less down.
 */
static int
votes(const json_t *j, struct doc *d, const struct lcm_json_at *at, struct lcm_err *err)
{
	const json_t *v = json_object_get(j, "votes");
	int64_t up, down;
	int has_up, has_down, has_point;

	if (!v || json_is_null(v))
		return 0;
	if (!json_is_object(v))
		return lcm_json_err(err, at, "votes", "expected an object, found %s",
				    lcm_json_kind(v));
	if ((has_point = vote_count(v, "point", at, &d->votes, err)) < 0 ||
	    (has_up = vote_count(v, "up_count", at, &up, err)) < 0 ||
	    (has_down = vote_count(v, "down_count", at, &down, err)) < 0)
		return -1;
	if (!has_point)
		d->votes = up - down;
	d->has_votes = has_point || has_up || has_down;
	return 0;
}

/* Reads and checks one document; writes nothing. */
static int
parse(struct lcm_import *im, const json_t *j, struct doc *d,
      const struct lcm_json_at *at, struct lcm_err *err)
{
	const char *type;
	const json_t *e;
	char q[64];

	if (!json_is_object(j))
		return lcm_json_err(err, at, NULL, "a document must be an object, found %s",
				    lcm_json_kind(j));
	if (str(j, "_type", at, &type, err) < 0)
		return -1;
	if (!type)
		return lcm_json_err(err, at, "_type", "missing");
	if (strcmp(type, "CommentThread") == 0)
		d->is_thread = 1;
	else if (strcmp(type, "Comment") != 0)
		return lcm_json_err(err, at, "_type", "not CommentThread or Comment: '%s'",
				    lcm_err_quote(type, q, sizeof(q)));
	if (id(j, "_id", 1, at, &d->id, err) < 0 ||
	    id(j, "author_id", 1, at, &d->author, err) < 0 ||
	    str(j, "author_username", at, &d->username, err) < 0 ||
	    str(j, "course_id", at, &d->course, err) < 0 ||
	    str(j, "body", at, &d->body, err) < 0 ||
	    lcm_json_time(im, j, "created_at", at, &d->created, err) < 0)
		return -1;
	if (!d->course)
		return lcm_json_err(err, at, "course_id", "missing");
	if (votes(j, d, at, err) < 0)
		return -1;
	if (json_object_get(j, "updated_at")) {
		if (lcm_json_time(im, j, "updated_at", at, &d->updated, err) < 0)
			return -1;
		d->has_updated = 1;
	}
	if (d->is_thread) {
		if (str(j, "title", at, &d->title, err) < 0 ||
		    str(j, "thread_type", at, &d->thread_type, err) < 0 ||
		    str(j, "commentable_id", at, &d->commentable, err) < 0)
			return -1;
		if (d->thread_type && strcmp(d->thread_type, "question") != 0 &&
		    strcmp(d->thread_type, "discussion") != 0)
			return lcm_json_err(err, at, "thread_type", "not question or"
					    " discussion: '%s'",
					    lcm_err_quote(d->thread_type, q, sizeof(q)));
		return 0;
	}
	if (id(j, "comment_thread_id", 1, at, &d->thread, err) < 0 ||
	    id(j, "parent_id", 0, at, &d->parent, err) < 0)
		return -1;
	e = json_object_get(j, "endorsed");
	if (e && !json_is_boolean(e) && !json_is_null(e))
		return lcm_json_err(err, at, "endorsed", "expected true or false, found %s",
				    lcm_json_kind(e));
	d->endorsed = json_is_true(e);
	return 0;
}

/* Writes a checked document: person, course, forum, thread, post. */
static int
write_doc(struct lcm_import *im, struct doc *d, struct lcm_err *err)
{
	struct lcm_person person = { 0 };
	struct lcm_thread t = { 0 };
	struct lcm_post p = { 0 };
	struct lcm_buf ext;
	enum lcm_outcome o;
	int64_t course, forum = 0, post;
	char *body = NULL;
	int rc = -1;

	lcm_buf_init(&ext);
	/* the username, shared with the tracking logs; else the user id */
	if (d->username)
		lcm_buf_adds(&ext, d->username);
	else
		lcm_buf_printf(&ext, "id:%s", d->author.data);
	person.platform = PLATFORM;
	person.external_id = ext.data;
	person.name = d->username;
	person.username = d->username;
	if (lcm_in_person(im, &person, &p.author_id, err) < 0 ||
	    lcm_store_course(im->st, PLATFORM, d->course, d->course, &course, err) < 0)
		goto out;
	t.platform = PLATFORM;
	if (d->is_thread) {
		if (d->commentable) {
			lcm_buf_reset(&d->forum);
			lcm_buf_printf(&d->forum, "%s/%s", d->course, d->commentable);
			if (lcm_store_forum(im->st, PLATFORM, d->forum.data, course,
					    d->commentable, &forum, err) < 0)
				goto out;
		}
		t.external_id = d->id.data;
		t.forum_id = forum;
		t.title = d->title ? d->title : "";
		t.author_id = p.author_id;
		t.created = d->created;
		t.has_created = 1;
	} else {
		t.external_id = d->thread.data;
	}
	if (lcm_in_thread(im, &t, d->is_thread, &p.thread_id, err) < 0)
		goto out;
	/* Markdown is read as plain text */
	body = lcm_in_body(d->body, 0);
	p.platform = PLATFORM;
	p.external_id = d->id.data;
	/* a response answers the thread's opening post (same id as the thread) */
	p.parent_ext = d->is_thread ? NULL : d->parent.len ? d->parent.data : d->thread.data;
	p.created = d->created;
	p.modified = d->updated;
	p.has_modified = d->has_updated;
	p.subject = d->title;
	p.body = body;
	p.words = lcm_text_words(body);
	p.is_question = (d->thread_type && strcmp(d->thread_type, "question") == 0) ||
		lcm_text_is_question(body) || lcm_text_is_question(d->title);
	p.accepted = d->endorsed;
	if (lcm_store_post(im->st, &p, &post, &o, err) < 0)
		goto out;
	if (d->has_votes &&
	    lcm_reaction_put(im->st, post, "votes", d->votes, "openedx:votes", err) < 0)
		goto out;
	lcm_in_count(im, LCM_K_POST, o);
	rc = 0;
out:
	free(body);
	lcm_buf_release(&ext);
	return rc;
}

/* One document: checked whole, then written. */
static int
document(struct lcm_import *im, json_t *j, const struct lcm_json_at *at,
	 struct lcm_err *err)
{
	struct doc d;
	int rc;

	memset(&d, 0, sizeof(d));
	lcm_buf_init(&d.id);
	lcm_buf_init(&d.thread);
	lcm_buf_init(&d.parent);
	lcm_buf_init(&d.author);
	lcm_buf_init(&d.forum);
	rc = parse(im, j, &d, at, err);
	if (rc == 0)
		rc = write_doc(im, &d, err);
	lcm_buf_release(&d.id);
	lcm_buf_release(&d.thread);
	lcm_buf_release(&d.parent);
	lcm_buf_release(&d.author);
	lcm_buf_release(&d.forum);
	return rc;
}

/* A line of mongoexport, or an array of documents (mongoexport --jsonArray). */
static int
top(struct lcm_import *im, json_t *v, const struct lcm_json_at *at,
    struct lcm_err *err)
{
	struct lcm_json_at sub = *at;
	struct lcm_buf path;
	json_t *e;
	size_t i;
	int rc = 0;

	if (!json_is_array(v))
		return lcm_json_feed(im, document, v, at, err);
	lcm_buf_init(&path);
	json_array_foreach(v, i, e) {
		sub.path = lcm_json_path(&path, at, NULL, (long)i);
		sub.raw = NULL;
		if ((rc = lcm_json_feed(im, document, e, &sub, err)) < 0)
			break;
	}
	lcm_buf_release(&path);
	return rc;
}

const struct lcm_input_format lcm_fmt_edx_forum = {
	"edx-forum", PLATFORM, NULL, 0, NULL, NULL, top
};
