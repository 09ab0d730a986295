/*
 * canvas.c - Canvas discussions, as the REST API gives them
 * (instructure/canvas-lms app/controllers/discussion_topics_api_
 * controller.rb, lib/api/v1/discussion_topics.rb serialize_entry):
 *
 *  - the full topic, GET .../discussion_topics/:id/view: {"participants":
 *    [{id, display_name, ...}], "view": [entry, ...], "new_entries": [...]}
 *    where an entry is {id, user_id, parent_id, created_at, updated_at,
 *    message (HTML), deleted, editor_id, replies: [entry, ...]};
 *  - a page of entries, GET .../entries (top-level entries with
 *    user_name and recent_replies), .../entries/:id/replies or
 *    .../entry_list: a JSON array of entries.
 *
 * A topic is a forum (--forum, else the file's name), each top-level
 * entry a thread and its opening post, a reply a post under its
 * parent. A deleted entry has no author or message: it is kept, marked
 * deleted, for its replies. Ids are numbers or, with Canvas's string
 * ids, strings.
 */
#include "input/input.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

#define PLATFORM "canvas"
#define TITLE_MAX 60	/* characters of an entry's text used as a title */

/* One entry, checked; strings borrowed from the JSON or the bufs. */
struct entry {
	struct lcm_buf id, user, parent;
	const char *user_name, *message;
	int64_t created, updated;
	int has_updated, deleted;
};

/* The forum of this file's topic, made on first use. */
static int
forum_of(struct lcm_import *im, struct lcm_err *err)
{
	const char *base, *dot;
	int64_t course;
	char *name;
	int rc;

	if (im->forum_id)
		return 0;
	if (lcm_in_course(im, PLATFORM, NULL, &course, err) < 0)
		return -1;
	if (im->opts->forum) {
		name = lcm_xstrdup(im->opts->forum);
	} else {
		base = strrchr(im->file, '/');
		base = base ? base + 1 : im->file;
		dot = strrchr(base, '.');
		name = lcm_xstrndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
	}
	rc = lcm_store_forum(im->st, PLATFORM, name, course, name, &im->forum_id, err);
	free(name);
	return rc;
}

/* Reads and checks an entry; writes nothing. */
static int
parse(struct lcm_import *im, const json_t *j, struct entry *e,
      const struct lcm_json_at *at, struct lcm_err *err)
{
	const json_t *v;

	if (!json_is_object(j))
		return lcm_json_err(err, at, NULL, "an entry must be an object, found %s",
				    lcm_json_kind(j));
	if (!lcm_json_id(json_object_get(j, "id"), &e->id))
		return lcm_json_err(err, at, "id", json_object_get(j, "id") ?
				    "expected an id (a string or a number), found %s" :
				    "missing%.0s", lcm_json_kind(json_object_get(j, "id")));
	v = json_object_get(j, "deleted");
	if (v && !json_is_boolean(v) && !json_is_null(v))
		return lcm_json_err(err, at, "deleted", "expected true or false, found %s",
				    lcm_json_kind(v));
	e->deleted = json_is_true(v);
	v = json_object_get(j, "user_id");
	if (v && !json_is_null(v) && !lcm_json_id(v, &e->user))
		return lcm_json_err(err, at, "user_id", "expected an id (a string or a"
				    " number), found %s", lcm_json_kind(v));
	if (!e->user.len && !e->deleted)
		return lcm_json_err(err, at, "user_id", "missing");
	v = json_object_get(j, "parent_id");
	if (v && !json_is_null(v) && !lcm_json_id(v, &e->parent))
		return lcm_json_err(err, at, "parent_id", "expected an id (a string or a"
				    " number), found %s",
				    lcm_json_kind(v));
	v = json_object_get(j, "message");
	if (v && !json_is_string(v) && !json_is_null(v))
		return lcm_json_err(err, at, "message", "expected a string, found %s",
				    lcm_json_kind(v));
	e->message = json_string_value(v);
	e->user_name = lcm_json_str(j, "user_name");
	if (lcm_json_time(im, j, "created_at", at, &e->created, err) < 0)
		return -1;
	if (json_is_string(json_object_get(j, "updated_at"))) {
		if (lcm_json_time(im, j, "updated_at", at, &e->updated, err) < 0)
			return -1;
		e->has_updated = 1;
	}
	v = json_object_get(j, "replies");
	if (v && !json_is_array(v) && !json_is_null(v))
		return lcm_json_err(err, at, "replies", "expected an array, found %s",
				    lcm_json_kind(v));
	return 0;
}

/*
 * The thread of an entry: its own for a top-level entry, the enclosing
 * one (*thread) in a nested view, else its parent's, known from this
 * file or the store. 0, or -1 when the parent is not there.
 */
static int
thread_of(struct lcm_import *im, const struct entry *e, int64_t *thread,
	  int *opens, const struct lcm_json_at *at, struct lcm_err *err)
{
	int found;

	*opens = 0;
	if (*thread)
		return 0;
	if (!e->parent.len) {
		*opens = 1;
		return 0;
	}
	found = lcm_store_post_find(im->st, PLATFORM, e->parent.data, NULL, thread, err);
	if (found < 0)
		return -1;
	if (!found)
		return lcm_json_err(err, at, "parent_id", "entry %s is not imported: import"
				    " the topic's entries (or its full view) first",
				    e->parent.data);
	return 0;
}

/* Writes a checked entry; *thread is set to its thread. */
static int
write_entry(struct lcm_import *im, struct entry *e, int opens, int64_t *thread,
	    const char *parent, struct lcm_err *err)
{
	struct lcm_person person = { 0 };
	struct lcm_thread t = { 0 };
	struct lcm_post p = { 0 };
	enum lcm_outcome o;
	char *body = NULL, *title = NULL;
	int64_t id;
	int rc = -1;

	if (forum_of(im, err) < 0)
		return -1;
	if (e->user.len) {
		person.platform = PLATFORM;
		person.external_id = e->user.data;
		person.name = e->user_name;
		if (lcm_in_person(im, &person, &p.author_id, err) < 0)
			return -1;
	}
	body = e->deleted ? NULL : lcm_in_body(e->message, 1);
	if (opens) {
		/* entries have no subject: the opening of the text names the thread */
		title = body ? lcm_text_excerpt(body, TITLE_MAX) : NULL;
		t.platform = PLATFORM;
		t.external_id = e->id.data;
		t.forum_id = im->forum_id;
		t.title = title ? title : "";
		t.author_id = p.author_id;
		t.created = e->created;
		t.has_created = 1;
		if (lcm_in_thread(im, &t, 1, thread, err) < 0)
			goto out;
	}
	p.platform = PLATFORM;
	p.external_id = e->id.data;
	p.thread_id = *thread;
	p.parent_ext = opens ? NULL : e->parent.len ? e->parent.data : parent;
	p.created = e->created;
	p.modified = e->updated;
	p.has_modified = e->has_updated;
	p.body = body;
	p.words = lcm_text_words(body);
	p.is_question = lcm_text_is_question(body);
	p.deleted = e->deleted;
	if (lcm_store_post(im->st, &p, &id, &o, err) < 0)
		goto out;
	lcm_in_count(im, LCM_K_POST, o);
	rc = 0;
out:
	free(title);
	free(body);
	return rc;
}

/*
 * Where the entries being read sit: im->state points to it while a list
 * is read (replies get their own, on the stack, for their turn).
 */
struct ctx {
	int64_t thread;		/* the enclosing thread, 0 at the top */
	const char *parent;	/* the enclosing entry's id, NULL at the top */
};

static int entries(struct lcm_import *im, const json_t *list, const char *key,
		   const struct lcm_json_at *at, struct lcm_err *err);

/*
 * One entry (the record: checked, then written), then its replies
 * ("replies" in the view, "recent_replies" in a page of entries), each
 * a record of its own: a bad reply is rejected alone.
 */
static int
entry(struct lcm_import *im, json_t *j, const struct lcm_json_at *at,
      struct lcm_err *err)
{
	struct ctx *c = im->state, sub = { c->thread, NULL };
	struct entry e;
	int opens, rc;

	memset(&e, 0, sizeof(e));
	lcm_buf_init(&e.id);
	lcm_buf_init(&e.user);
	lcm_buf_init(&e.parent);
	rc = parse(im, j, &e, at, err);
	if (rc == 0)
		rc = thread_of(im, &e, &sub.thread, &opens, at, err);
	if (rc == 0)
		rc = write_entry(im, &e, opens, &sub.thread, c->parent, err);
	if (rc == 0) {
		sub.parent = e.id.data;
		im->state = &sub;
		rc = entries(im, json_object_get(j, "replies"), "replies", at, err);
		if (rc == 0)
			rc = entries(im, json_object_get(j, "recent_replies"),
				     "recent_replies", at, err);
		im->state = c;
	}
	lcm_buf_release(&e.id);
	lcm_buf_release(&e.user);
	lcm_buf_release(&e.parent);
	return rc;
}

/* The path of item i of list key under at ("view[0].replies[2]"). */
static const char *
item_path(struct lcm_buf *b, const struct lcm_json_at *at, const char *key, size_t i)
{
	lcm_buf_reset(b);
	lcm_buf_adds(b, at->path ? at->path : "");
	if (key)
		lcm_buf_printf(b, "%s%s", b->len ? "." : "", key);
	lcm_buf_printf(b, "[%zu]", i);
	return b->data;
}

/* Each record of a list (absent or null: none) through fn. */
static int
each(struct lcm_import *im, const json_t *list, const char *key,
     const struct lcm_json_at *at,
     int (*fn)(struct lcm_import *, json_t *, const struct lcm_json_at *,
	       struct lcm_err *), struct lcm_err *err)
{
	struct lcm_json_at sub = { at->line, NULL, NULL, 0 };
	struct lcm_buf path;
	json_t *v;
	size_t i;
	int rc = 0;

	if (!list || json_is_null(list))
		return 0;
	if (!json_is_array(list)) {
		lcm_json_err(err, at, key, "expected an array, found %s", lcm_json_kind(list));
		lcm_err_locate(err, im->file, at->line);
		return -1;
	}
	lcm_buf_init(&path);
	json_array_foreach(list, i, v) {
		sub.path = item_path(&path, at, key, i);
		if ((rc = lcm_json_feed(im, fn, v, &sub, err)) < 0)
			break;
	}
	lcm_buf_release(&path);
	return rc;
}

/* The entries of a list, each a record. */
static int
entries(struct lcm_import *im, const json_t *list, const char *key,
	const struct lcm_json_at *at, struct lcm_err *err)
{
	return each(im, list, key, at, entry, err);
}

/* A participant of the full view: a person and their display name. */
static int
participant(struct lcm_import *im, json_t *j, const struct lcm_json_at *at,
	    struct lcm_err *err)
{
	struct lcm_person p = { 0 };
	struct lcm_buf ext;
	int64_t id;
	int rc;

	if (!json_is_object(j))
		return lcm_json_err(err, at, NULL, "a participant must be an object, found %s",
				    lcm_json_kind(j));
	lcm_buf_init(&ext);
	if (!lcm_json_id(json_object_get(j, "id"), &ext)) {
		lcm_buf_release(&ext);
		return lcm_json_err(err, at, "id", json_object_get(j, "id") ?
				    "expected an id (a string or a number), found %s" :
				    "missing%.0s", lcm_json_kind(json_object_get(j, "id")));
	}
	p.platform = PLATFORM;
	p.external_id = ext.data;
	p.name = lcm_json_str(j, "display_name");
	rc = lcm_in_person(im, &p, &id, err);
	lcm_buf_release(&ext);
	return rc;
}

/* The full view ({"participants", "view", "new_entries"}) or a page. */
static int
top(struct lcm_import *im, json_t *v, const struct lcm_json_at *at,
    struct lcm_err *err)
{
	struct ctx root = { 0, NULL };
	void *saved = im->state;
	int rc;

	im->state = &root;
	if (json_is_array(v)) {
		rc = entries(im, v, NULL, at, err);
	} else if (json_is_object(v) && (json_object_get(v, "view") ||
					 json_object_get(v, "participants"))) {
		/* the participants first: the entries name only their ids */
		rc = each(im, json_object_get(v, "participants"), "participants", at,
			  participant, err);
		if (rc == 0)
			rc = entries(im, json_object_get(v, "view"), "view", at, err);
		if (rc == 0)
			rc = entries(im, json_object_get(v, "new_entries"), "new_entries", at, err);
	} else {
		rc = lcm_json_err(err, at, NULL, "not a Canvas discussion: expected the full"
				  " view ({\"participants\", \"view\"}) or a list of entries,"
				  " found %s", lcm_json_kind(v));
		lcm_err_locate(err, im->file, at->line);
	}
	im->state = saved;
	return rc;
}

const struct lcm_input_format lcm_fmt_canvas_discussion = {
	"canvas-discussion", PLATFORM, NULL, 0, NULL, NULL, top
};
