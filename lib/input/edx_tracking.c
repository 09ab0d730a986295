/*
 * edx_tracking.c - Open edX tracking logs: one JSON event a line
 * (username, event_type or name, time, context.course_id, event), read
 * as a stream; '#' and blank lines are skipped, x.log.gz is read
 * through zlib (json_input.c, import.c).
 *
 * Every line is an event: verb the event_type (else name), object the
 * event's "id" when it has one, course context.course_id (else the
 * event's course_id). The event is an object or a JSON-encoded string
 * (browser events). A line has no id of its own: the event's is the
 * SHA-256 of the line, so importing a log again changes nothing.
 *
 * The forum events also make threads and posts, in the ids the forum
 * data uses (edx_forum.c): edx.forum.thread.created opens a thread,
 * .response.created replies to its opening post, .comment.created to
 * its response. The forum data is the truth: a post already stored is
 * left as it is.
 */
#include "input/input.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

#define PLATFORM "openedx"

/* One line, checked; strings borrowed from the line's JSON. */
struct line {
	const char *username, *verb, *course, *object;
	const char *role;		/* from a forum event's roles, else NULL */
	const json_t *ev;		/* the event as an object, or NULL */
	json_t *decoded;		/* owned: the event decoded from a string */
	int64_t ts;
	char id[33];
};

/* The event's member key when it is a non-empty string. */
static const char *
ev_str(const struct line *l, const char *key)
{
	return l->ev ? lcm_json_str(l->ev, key) : NULL;
}

/* An id of a nested object of the event ("discussion": {"id": ...}). */
static const char *
ev_ref(const struct line *l, const char *key)
{
	return l->ev ? lcm_json_str(json_object_get(l->ev, key), "id") : NULL;
}

/* 1 when the JSON array holds one of the strings of names. */
static int
holds(const json_t *list, const char *const *names)
{
	const json_t *v;
	size_t i;
	int k;

	json_array_foreach((json_t *)list, i, v)
		for (k = 0; names[k]; k++)
			if (json_is_string(v) && strcmp(json_string_value(v), names[k]) == 0)
				return 1;
	return 0;
}

/*
 * The role a forum event tells: user_course_roles (instructor, staff)
 * or user_forums_roles (Administrator, Moderator, Community TA) make
 * staff; a forum event with neither, a learner; other events say nothing.
 */
static const char *
role_of(const json_t *ev)
{
	static const char *const course[] = { "instructor", "staff", NULL };
	static const char *const forums[] = {
		"Administrator", "Moderator", "Community TA", "Group Moderator", NULL
	};
	const json_t *cr = json_object_get(ev, "user_course_roles");
	const json_t *fr = json_object_get(ev, "user_forums_roles");

	if (!json_is_array(cr) && !json_is_array(fr))
		return NULL;
	if (holds(cr, course) || holds(fr, forums))
		return "staff";
	return "learner";
}

/* Reads and checks a line; writes nothing. */
static int
parse(struct lcm_import *im, json_t *j, struct line *l,
      const struct lcm_json_at *at, struct lcm_err *err)
{
	const json_t *ev, *ctx, *u;
	char *dump;

	if (!json_is_object(j))
		return lcm_json_err(err, at, NULL, "an event must be an object, found %s",
				    lcm_json_kind(j));
	u = json_object_get(j, "username");
	if (u && !json_is_string(u) && !json_is_null(u))
		return lcm_json_err(err, at, "username", "expected a string, found %s",
				    lcm_json_kind(u));
	l->username = lcm_json_str(j, "username");
	if (!(l->verb = lcm_json_str(j, "event_type")) && !(l->verb = lcm_json_str(j, "name")))
		return lcm_json_err(err, at, "event_type", "missing (and no 'name')");
	if (lcm_json_time(im, j, "time", at, &l->ts, err) < 0)
		return -1;
	ctx = json_object_get(j, "context");
	if (ctx && !json_is_object(ctx))
		return lcm_json_err(err, at, "context", "expected an object, found %s",
				    lcm_json_kind(ctx));
	ev = json_object_get(j, "event");
	if (json_is_string(ev)) {
		/* browser events carry their event JSON-encoded: decode if it is */
		l->decoded = json_loads(json_string_value(ev), 0, NULL);
		ev = l->decoded;
	}
	l->ev = json_is_object(ev) ? ev : NULL;
	if (!(l->course = lcm_json_str(ctx, "course_id")))
		l->course = ev_str(l, "course_id");
	l->object = ev_str(l, "id");
	l->role = role_of(l->ev);
	if (at->raw) {
		lcm_json_hash(at->raw, at->rawlen, l->id);
	} else {
		dump = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
		lcm_json_hash(dump ? dump : "", dump ? strlen(dump) : 0, l->id);
		free(dump);
	}
	if (strncmp(l->verb, "edx.forum.", 10) != 0 || !strstr(l->verb, ".created"))
		return 0;
	/* a forum post must say where it goes before anything is written */
	if (!l->object)
		return lcm_json_err(err, at, "event.id", "missing in a forum event");
	if (strcmp(l->verb, "edx.forum.thread.created") != 0 && !ev_ref(l, "discussion"))
		return lcm_json_err(err, at, "event.discussion.id", "missing");
	if (strcmp(l->verb, "edx.forum.comment.created") == 0 && !ev_ref(l, "response"))
		return lcm_json_err(err, at, "event.response.id", "missing");
	return 0;
}

/* A forum event's thread and post, unless the post is known already. */
static int
forum_post(struct lcm_import *im, const struct line *l, int64_t person,
	   int64_t course, struct lcm_err *err)
{
	int opens = strcmp(l->verb, "edx.forum.thread.created") == 0;
	const char *type = ev_str(l, "thread_type"), *cat = ev_str(l, "commentable_id");
	struct lcm_thread t = { 0 };
	struct lcm_post p = { 0 };
	struct lcm_buf forum;
	enum lcm_outcome o;
	int64_t id;
	char *body = NULL;
	int found, rc = -1;

	if (strcmp(l->verb, "edx.forum.response.created") != 0 &&
	    strcmp(l->verb, "edx.forum.comment.created") != 0 && !opens)
		return 0;
	if ((found = lcm_store_post_find(im->st, PLATFORM, l->object, NULL, NULL, err))) {
		if (found > 0)
			lcm_in_count(im, LCM_K_POST, LCM_SAME);
		return found < 0 ? -1 : 0;
	}
	lcm_buf_init(&forum);
	t.platform = PLATFORM;
	t.external_id = opens ? l->object : ev_ref(l, "discussion");
	if (opens) {
		if (cat && l->course) {
			lcm_buf_printf(&forum, "%s/%s", l->course, cat);
			if (lcm_store_forum(im->st, PLATFORM, forum.data, course,
					    ev_str(l, "category_name") ? ev_str(l, "category_name")
					    : cat, &t.forum_id, err) < 0)
				goto out;
		}
		t.title = ev_str(l, "title") ? ev_str(l, "title") : "";
		t.author_id = person;
		t.created = l->ts;
		t.has_created = 1;
	}
	/* a thread known to the store keeps what the forum data said */
	if (!lcm_strmap_get(&im->threads, t.external_id, &p.thread_id)) {
		found = lcm_store_thread_find(im->st, PLATFORM, t.external_id,
					      &p.thread_id, err);
		if (found < 0 || (!found && lcm_in_thread(im, &t, opens, &p.thread_id, err) < 0))
			goto out;
		if (found) {
			lcm_in_count(im, LCM_K_THREAD, LCM_SAME);
			lcm_strmap_put(&im->threads, t.external_id, p.thread_id);
		}
	}
	body = lcm_in_body(ev_str(l, "body"), 0);
	p.platform = PLATFORM;
	p.external_id = l->object;
	p.parent_ext = opens ? NULL : strcmp(l->verb, "edx.forum.comment.created") == 0
		? ev_ref(l, "response") : ev_ref(l, "discussion");
	p.author_id = person;
	p.created = l->ts;
	p.subject = opens ? ev_str(l, "title") : NULL;
	p.body = body;
	p.words = lcm_text_words(body);
	p.is_question = (type && strcmp(type, "question") == 0) ||
		lcm_text_is_question(body) || lcm_text_is_question(p.subject);
	if (lcm_store_post(im->st, &p, &id, &o, err) < 0)
		goto out;
	lcm_in_count(im, LCM_K_POST, o);
	rc = 0;
out:
	free(body);
	lcm_buf_release(&forum);
	return rc;
}

/*
 * Records the role a forum event tells, once per person and role in a
 * file (lcm_in_person writes a person once, at its first line).
 */
static int
set_role(struct lcm_import *im, struct lcm_person *p, const char *role,
	 struct lcm_err *err)
{
	struct lcm_strmap *roles = im->state;
	struct lcm_buf key;
	int64_t id;
	int rc = 0;

	if (!roles) {
		roles = lcm_xmalloc(sizeof(*roles));
		lcm_strmap_init(roles);
		im->state = roles;
	}
	lcm_buf_init(&key);
	lcm_buf_printf(&key, "%s\x1f%s", role, p->external_id);
	if (!lcm_strmap_get(roles, key.data, &id)) {
		p->role = role;
		rc = lcm_store_person(im->st, p, &id, NULL, err);
		p->role = NULL;
		if (rc == 0)
			lcm_strmap_put(roles, key.data, id);
	}
	lcm_buf_release(&key);
	return rc;
}

/* Frees the roles recorded in this file. */
static int
finish(struct lcm_import *im, int ok, struct lcm_err *err)
{
	(void)ok;
	(void)err;
	if (im->state) {
		lcm_strmap_release(im->state);
		free(im->state);
		im->state = NULL;
	}
	return 0;
}

/* Writes a checked line. */
static int
write_line(struct lcm_import *im, const struct line *l, struct lcm_err *err)
{
	struct lcm_person person = { 0 };
	struct lcm_event e = { 0 };
	enum lcm_outcome o;

	e.platform = PLATFORM;
	e.external_id = l->id;
	e.ts = l->ts;
	if (l->username) {
		person.platform = PLATFORM;
		person.external_id = l->username;
		person.name = l->username;
		person.username = l->username;
		if (lcm_in_person(im, &person, &e.person_id, err) < 0 ||
		    (l->role && set_role(im, &person, l->role, err) < 0))
			return -1;
	}
	if (l->course && lcm_store_course(im->st, PLATFORM, l->course, l->course,
					  &e.course_id, err) < 0)
		return -1;
	if (!l->course && lcm_in_course(im, PLATFORM, NULL, &e.course_id, err) < 0)
		return -1;
	if (lcm_store_term(im->st, l->verb, &e.verb, err) < 0 ||
	    (l->object && lcm_store_term(im->st, l->object, &e.object, err) < 0) ||
	    lcm_store_event(im->st, &e, &o, err) < 0)
		return -1;
	lcm_in_count(im, LCM_K_EVENT, o);
	return forum_post(im, l, e.person_id, e.course_id, err);
}

/* One line: checked whole, then written. */
static int
event(struct lcm_import *im, json_t *j, const struct lcm_json_at *at,
      struct lcm_err *err)
{
	struct line l;
	int rc;

	memset(&l, 0, sizeof(l));
	rc = parse(im, j, &l, at, err);
	if (rc == 0)
		rc = write_line(im, &l, err);
	json_decref(l.decoded);
	return rc;
}

/* A line, or an array of events. */
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
		return lcm_json_feed(im, event, v, at, err);
	lcm_buf_init(&path);
	json_array_foreach(v, i, e) {
		sub.path = lcm_json_path(&path, at, NULL, (long)i);
		sub.raw = NULL;
		if ((rc = lcm_json_feed(im, event, e, &sub, err)) < 0)
			break;
	}
	lcm_buf_release(&path);
	return rc;
}

const struct lcm_input_format lcm_fmt_edx_tracking = {
	"edx-tracking", PLATFORM, NULL, 0, NULL, finish, top
};
