/*
 * discourse.c - Discourse forum data: the API's topic JSON (/t/ID.json,
 * its /t/ID/posts.json pages, /posts.json's latest_posts) and the admin
 * user list CSV export (Admin > Users > Export).
 *
 * A topic is a thread, its post 1 the opening post; a regular post
 * (post_type 1) is a reply to the post reply_to_post_number names, else
 * to the opening post. Moderator actions (2), small actions such as
 * "closed" (3) and whispers (4, staff only) are left out, and so are
 * hidden and deleted posts. Posts are keyed by topic and post number
 * ("57/14"): the key every page of a topic gives alike. An accepted
 * answer (discourse-solved's accepted_answer) is marked; likes are not
 * kept. The site is --course, else "discourse"; a category a forum.
 */
#include "input/chat.h"
#include "reaction.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

#define PLATFORM "discourse"

/* The topic being read: its id and what the page says of it. */
struct topic {
	const char *title;		/* NULL: keep */
	const json_t *category;		/* category_id, or NULL */
	int64_t course;
};

/* A whole-number member into *out; 0 when absent (or null), -1 on another type. */
static int
number(const json_t *o, const char *key, const struct lcm_json_at *at,
       json_int_t *out, int required, struct lcm_err *err)
{
	const json_t *j = json_object_get(o, key);

	*out = 0;
	if (!j || json_is_null(j))
		return required ? lcm_json_err(err, at, key, "missing") : 0;
	if (!json_is_integer(j))
		return lcm_json_err(err, at, key, "expected a whole number, found %s",
				    lcm_json_kind(j));
	*out = json_integer_value(j);
	return 0;
}

/* The site's course, made once. */
static int
course(struct lcm_import *im, int64_t *id, struct lcm_err *err)
{
	const char *name = im->opts->course ? im->opts->course : PLATFORM;

	return lcm_store_course(im->st, PLATFORM, name, name, id, err);
}

/* One post of a topic page: checked whole, then written. */
/*
 * The likes of post j: actions_summary's action 2 (like), else
 * like_count when the export has that; neither: nothing stored.
 */
static int
likes(struct lcm_import *im, int64_t id, const json_t *j, struct lcm_err *err)
{
	const json_t *a = json_object_get(j, "actions_summary"), *n = NULL;
	size_t i;

	for (i = 0; json_is_array(a) && i < json_array_size(a); i++) {
		const json_t *e = json_array_get(a, i);

		if (json_integer_value(json_object_get(e, "id")) == 2)
			n = json_object_get(e, "count");
	}
	if (!n)
		n = json_object_get(j, "like_count");
	if (!json_is_integer(n))
		return 0;
	return lcm_reaction_put(im->st, id, "like", json_integer_value(n), "discourse", err);
}

static int
post(struct lcm_import *im, json_t *j, const struct lcm_json_at *at,
     struct lcm_err *err)
{
	const struct topic *tp = im->state;
	struct lcm_person person = { 0 };
	struct lcm_thread t = { 0 };
	struct lcm_post p = { 0 };
	json_int_t topic, num, type, reply_to, cat = 0;
	const char *username, *title;
	struct lcm_buf ext, parent, thread, forum;
	enum lcm_outcome o;
	int64_t created, id, fid = 0;
	char *body = NULL;
	int rc = -1;

	lcm_buf_init(&ext);
	lcm_buf_init(&parent);
	lcm_buf_init(&thread);
	lcm_buf_init(&forum);
	if (!json_is_object(j)) {
		lcm_json_err(err, at, NULL, "a post must be an object, found %s",
			     lcm_json_kind(j));
		goto out;
	}
	if (number(j, "topic_id", at, &topic, 1, err) < 0 ||
	    number(j, "post_number", at, &num, 1, err) < 0 ||
	    number(j, "post_type", at, &type, 0, err) < 0 ||
	    number(j, "reply_to_post_number", at, &reply_to, 0, err) < 0 ||
	    lcm_json_time(im, j, "created_at", at, &created, err) < 0)
		goto out;
	if (!(username = lcm_json_str(j, "username"))) {
		lcm_json_err(err, at, "username", "missing");
		goto out;
	}
	/* only people's posts; post 1 opens the topic whatever it holds */
	if ((type && type != 1 && num != 1) || json_is_true(json_object_get(j, "hidden")) ||
	    (json_object_get(j, "deleted_at") && !json_is_null(json_object_get(j, "deleted_at")))) {
		rc = 0;
		goto out;
	}
	if (tp->category)
		cat = json_integer_value(tp->category);
	else if (number(j, "category_id", at, &cat, 0, err) < 0)
		goto out;
	title = tp->title ? tp->title : lcm_json_str(j, "topic_title");
	person.platform = PLATFORM;
	person.external_id = username;
	person.username = username;
	person.name = lcm_json_str(j, "name");
	if (lcm_in_person(im, &person, &p.author_id, err) < 0)
		goto out;
	if (cat) {
		lcm_buf_printf(&forum, "category %lld", (long long)cat);
		if (lcm_in_forum(im, PLATFORM, im->opts->course ? im->opts->course : PLATFORM,
				 tp->course, forum.data, &fid, err) < 0)
			goto out;
	}
	lcm_buf_printf(&thread, "%lld", (long long)topic);
	lcm_buf_printf(&ext, "%lld/%lld", (long long)topic, (long long)num);
	t.platform = PLATFORM;
	t.external_id = thread.data;
	t.forum_id = fid;
	t.title = title;
	if (num == 1) {
		t.author_id = p.author_id;
		t.created = created;
		t.has_created = 1;
	}
	if (lcm_in_thread(im, &t, num == 1 || title || fid, &p.thread_id, err) < 0)
		goto out;
	if (num != 1) {
		lcm_buf_printf(&parent, "%lld/%lld", (long long)topic,
			       (long long)(reply_to > 0 ? reply_to : 1));
		p.parent_ext = parent.data;
	}
	body = lcm_in_body(lcm_json_str(j, "cooked"), 1);
	p.platform = PLATFORM;
	p.external_id = ext.data;
	p.created = created;
	p.subject = num == 1 ? title : NULL;
	p.body = body;
	p.words = lcm_text_words(body);
	p.is_question = lcm_text_is_question(body) || (num == 1 && lcm_text_is_question(title));
	p.accepted = json_is_true(json_object_get(j, "accepted_answer"));
	if (lcm_store_post(im->st, &p, &id, &o, err) < 0 || likes(im, id, j, err) < 0)
		goto out;
	lcm_in_count(im, LCM_K_POST, o);
	rc = 0;
out:
	free(body);
	lcm_buf_release(&ext);
	lcm_buf_release(&parent);
	lcm_buf_release(&thread);
	lcm_buf_release(&forum);
	return rc;
}

/* Feeds the posts of array a (at "name[i]") to post(). */
static int
posts(struct lcm_import *im, const json_t *a, const char *name,
      const struct lcm_json_at *at, struct lcm_err *err)
{
	struct lcm_json_at sub = *at;
	struct lcm_buf path;
	json_t *e;
	size_t i;
	int rc = 0;

	lcm_buf_init(&path);
	json_array_foreach(a, i, e) {
		lcm_buf_reset(&path);
		lcm_buf_printf(&path, "%s%s%s[%zu]", at->path, *at->path ? "." : "", name, i);
		sub.path = path.data;
		sub.raw = NULL;
		if ((rc = lcm_json_feed(im, post, e, &sub, err)) < 0)
			break;
	}
	lcm_buf_release(&path);
	return rc;
}

/* A topic (post_stream.posts) or a list of latest posts (latest_posts). */
static int
top(struct lcm_import *im, json_t *doc, const struct lcm_json_at *at,
    struct lcm_err *err)
{
	struct topic tp = { 0 };
	const json_t *stream, *list;
	int rc;

	if (!json_is_object(doc))
		return lcm_json_err(err, at, NULL, "expected a Discourse topic or"
				    " posts list (an object), found %s", lcm_json_kind(doc));
	stream = json_object_get(json_object_get(doc, "post_stream"), "posts");
	list = json_object_get(doc, "latest_posts");
	if (!json_is_array(stream) && !json_is_array(list))
		return lcm_json_err(err, at, NULL, "no 'post_stream.posts' or"
				    " 'latest_posts': not a Discourse topic or posts"
				    " list (a topic list holds no posts)");
	if (course(im, &tp.course, err) < 0)
		return -1;
	tp.title = lcm_json_str(doc, "title");
	if (json_is_integer(json_object_get(doc, "category_id")))
		tp.category = json_object_get(doc, "category_id");
	im->state = &tp;
	rc = stream ? posts(im, stream, "post_stream.posts", at, err) :
		posts(im, list, "latest_posts", at, err);
	im->state = NULL;
	return rc;
}

const struct lcm_input_format lcm_fmt_discourse = {
	"discourse", PLATFORM, NULL, 0, NULL, NULL, top
};

/* The admin user list export: the columns read. */
enum { U_USERNAME, U_NAME, U_EMAIL, U_TRUST, U_ADMIN, U_MODERATOR };

static const struct lcm_column user_cols[] = {
	{ "username", 1 }, { "name", 0 }, { "email", 1 }, { "trust_level", 1 },
	{ "admin", 0 }, { "moderator", 0 },
};

/* One user: a person keyed by username, staff when admin or moderator. */
static int
user_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct lcm_person p = { 0 };
	int64_t trust, id;
	int admin, mod;

	if (lcm_in_need("username", v[U_USERNAME], err) < 0 ||
	    lcm_in_int("trust_level", v[U_TRUST], &trust, err) < 0 ||
	    lcm_in_bool("admin", lcm_in_opt(v[U_ADMIN]), &admin, err) < 0 ||
	    lcm_in_bool("moderator", lcm_in_opt(v[U_MODERATOR]), &mod, err) < 0)
		return -1;
	if (trust < 0 || trust > 4)
		return lcm_error(err, "column 'trust_level': not 0 to 4: '%lld'",
				 (long long)trust);
	p.platform = PLATFORM;
	p.external_id = v[U_USERNAME];
	p.username = v[U_USERNAME];
	p.name = lcm_in_opt(v[U_NAME]);
	p.email = lcm_in_opt(v[U_EMAIL]);
	/* the trust level is checked, not kept: the store has no place for it */
	p.role = admin || mod ? "staff" : NULL;
	return lcm_in_person(im, &p, &id, err);
}

const struct lcm_input_format lcm_fmt_discourse_users = {
	"discourse-users", PLATFORM, user_cols,
	(int)(sizeof(user_cols) / sizeof(user_cols[0])), user_row, NULL, NULL
};
