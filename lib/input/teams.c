/*
 * teams.c - Microsoft Teams messages as Microsoft Graph returns them
 * (chatMessage resources): a page of List channel messages, List
 * replies or List chat messages ({"@odata.context", "value": [...],
 * "@odata.nextLink"}), one message, an array of them, or NDJSON.
 *
 * The team (channelIdentity.teamId) is a course, the channel a forum
 * of it; a chat (chatId) is a forum of the course "chats". A message
 * without replyToId is a thread and its opening post; a reply (its
 * replyToId the root's id, from .../messages/{id}/replies or a message's
 * "replies" with $expand=replies) a post of that thread replying to its
 * root. Ids are kept per channel ("CHANNEL/ID"): a message id is the
 * time it was sent in milliseconds. Only messageType "message" is talk:
 * system events (systemEventMessage, or unknownFutureValue when the
 * request had no "Prefer: include-unknown-enum-members") and messages of
 * applications (bots) are left out; a deleted message (deletedDateTime)
 * is a deleted post. Teams gives no e-mail: persons are the Entra ID
 * (Azure AD) user ids, named by displayName.
 */
#include "input/chat.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "reaction.h"
#include "text.h"
#include "xalloc.h"

#define PLATFORM "teams"

/* A string member, or NULL; other types than string and null are errors. */
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
	*out = json_string_length(j) ? json_string_value(j) : NULL;
	return 0;
}

/*
 * The body as text: HTML (contentType "html") converted, and a mention
 * (<at id="0">Jane Smith</at>) read as "@Jane Smith". Owned.
 */
static char *
body_text(const char *content, int html)
{
	struct lcm_buf b;
	const char *p, *gt;
	char *text;

	if (!html || !content || !strstr(content, "<at"))
		return lcm_in_body(content, html);
	lcm_buf_init(&b);
	lcm_buf_adds(&b, "");
	for (p = content; *p; p++) {
		lcm_buf_addc(&b, *p);
		if (strncmp(p, "<at", 3) == 0 && (p[3] == ' ' || p[3] == '>') &&
		    (gt = strchr(p, '>'))) {
			lcm_buf_add(&b, p + 1, (size_t)(gt - p));
			lcm_buf_addc(&b, '@');
			p = gt;
		}
	}
	text = lcm_in_body(b.data, 1);
	lcm_buf_release(&b);
	return text;
}

/* The reactions (one per person) counted by type, stored on post. */
static int
reactions(struct lcm_import *im, int64_t post, const json_t *a, struct lcm_err *err)
{
	json_t *count = json_object(), *n;
	const char *type;
	size_t i;
	int rc = 0;

	for (i = 0; i < json_array_size(a); i++) {
		type = lcm_json_str(json_array_get(a, i), "reactionType");
		if (!type)
			continue;
		n = json_object_get(count, type);
		json_object_set_new(count, type, json_integer(n ? json_integer_value(n) + 1 : 1));
	}
	json_object_foreach(count, type, n)
		if ((rc = lcm_reaction_put(im->st, post, type, json_integer_value(n),
					   PLATFORM, err)) < 0)
			break;
	json_decref(count);
	return rc;
}

/* The course and forum of a message: its team and channel, or its chat. */
static int
place(struct lcm_import *im, const json_t *m, const struct lcm_json_at *at,
      const char **where, int64_t *forum, struct lcm_err *err)
{
	const json_t *ci = json_object_get(m, "channelIdentity");
	const char *team = NULL, *chan = NULL, *chat;
	int64_t course;
	struct lcm_buf ext;
	int rc;

	if (str(m, "chatId", at, &chat, err) < 0)
		return -1;
	if (json_is_object(ci) && (str(ci, "teamId", at, &team, err) < 0 ||
				   str(ci, "channelId", at, &chan, err) < 0))
		return -1;
	if (!(team && chan) && !chat)
		return lcm_json_err(err, at, "channelIdentity", "missing, and no chatId:"
				    " a message of neither a channel nor a chat");
	if (!(team && chan))
		team = "chats", chan = chat;
	*where = chan;
	if (lcm_store_course(im->st, PLATFORM, team, im->opts->course ? im->opts->course :
			     team, &course, err) < 0)
		return -1;
	lcm_buf_init(&ext);
	lcm_buf_printf(&ext, "%s/%s", team, chan);
	rc = lcm_store_forum(im->st, PLATFORM, ext.data, course, im->opts->forum ?
			     im->opts->forum : chan, forum, err);
	lcm_buf_release(&ext);
	return rc;
}

static int message(struct lcm_import *im, json_t *m, const struct lcm_json_at *at,
		   struct lcm_err *err);

/* The replies a message carries ($expand=replies), at "PATH.replies[i]". */
static int
expanded(struct lcm_import *im, const json_t *m, const struct lcm_json_at *at,
	 struct lcm_err *err)
{
	const json_t *list = json_object_get(m, "replies");
	struct lcm_json_at sub = *at;
	struct lcm_buf path;
	json_t *r;
	size_t i;
	int rc = 0;

	if (!json_is_array(list))
		return 0;
	lcm_buf_init(&path);
	json_array_foreach(list, i, r) {
		lcm_buf_reset(&path);
		lcm_buf_printf(&path, "%s%sreplies[%zu]", at->path, *at->path ? "." : "", i);
		sub.path = path.data;
		sub.raw = NULL;
		if ((rc = lcm_json_feed(im, message, r, &sub, err)) < 0)
			break;
	}
	lcm_buf_release(&path);
	return rc;
}

/* One chatMessage: checked whole, then written. */
static int
message(struct lcm_import *im, json_t *m, const struct lcm_json_at *at,
	struct lcm_err *err)
{
	struct lcm_person person = { 0 };
	struct lcm_thread t = { 0 };
	struct lcm_post p = { 0 };
	const json_t *from, *user, *body;
	const char *id, *reply, *type, *subject, *uid, *ctype, *content, *where = NULL;
	struct lcm_buf ext, thread;
	enum lcm_outcome o;
	int64_t created, edited = 0, deleted = 0, post, forum;
	char *text = NULL, *title = NULL;
	int rc = -1;

	lcm_buf_init(&ext);
	lcm_buf_init(&thread);
	if (!json_is_object(m)) {
		lcm_json_err(err, at, NULL, "a message must be an object, found %s",
			     lcm_json_kind(m));
		goto out;
	}
	if (str(m, "id", at, &id, err) < 0 || str(m, "replyToId", at, &reply, err) < 0 ||
	    str(m, "messageType", at, &type, err) < 0 || str(m, "subject", at, &subject, err) < 0)
		goto out;
	if (!id) {
		lcm_json_err(err, at, "id", "missing");
		goto out;
	}
	if (lcm_json_time(im, m, "createdDateTime", at, &created, err) < 0 ||
	    (json_is_string(json_object_get(m, "lastEditedDateTime")) &&
	     lcm_json_time(im, m, "lastEditedDateTime", at, &edited, err) < 0) ||
	    (json_is_string(json_object_get(m, "deletedDateTime")) &&
	     lcm_json_time(im, m, "deletedDateTime", at, &deleted, err) < 0))
		goto out;
	from = json_object_get(m, "from");
	user = json_object_get(from, "user");
	/* system events, and what applications post */
	if ((type && strcmp(type, "message") != 0) || !json_is_object(user)) {
		rc = expanded(im, m, at, err);
		goto out;
	}
	if (str(user, "id", at, &uid, err) < 0)
		goto out;
	if (!uid) {
		lcm_json_err(err, at, "from.user.id", "missing");
		goto out;
	}
	body = json_object_get(m, "body");
	if ((body && !json_is_object(body)) || str(body, "contentType", at, &ctype, err) < 0 ||
	    str(body, "content", at, &content, err) < 0) {
		if (!err->msg[0])
			lcm_json_err(err, at, "body", "expected an object, found %s",
				     lcm_json_kind(body));
		goto out;
	}
	if (place(im, m, at, &where, &forum, err) < 0)
		goto out;
	person.platform = PLATFORM;
	person.external_id = uid;
	person.name = lcm_json_str(user, "displayName");
	if (lcm_in_person(im, &person, &p.author_id, err) < 0)
		goto out;
	lcm_buf_printf(&ext, "%s/%s", where, id);
	lcm_buf_printf(&thread, "%s/%s", where, reply ? reply : id);
	text = deleted ? lcm_xstrdup("") :
		body_text(content, !ctype || strcmp(ctype, "text") != 0);
	t.platform = PLATFORM;
	t.external_id = thread.data;
	t.forum_id = forum;
	if (!reply) {
		title = subject ? lcm_xstrdup(subject) : lcm_text_excerpt(text, 60);
		t.title = title;
		t.author_id = p.author_id;
		t.created = created;
		t.has_created = 1;
	}
	if (lcm_in_thread(im, &t, !reply, &p.thread_id, err) < 0)
		goto out;
	p.platform = PLATFORM;
	p.external_id = ext.data;
	p.parent_ext = reply ? thread.data : NULL;
	p.created = created;
	p.modified = edited;
	p.has_modified = edited != 0;
	p.subject = reply ? NULL : subject;
	p.body = text;
	p.words = lcm_text_words(text);
	p.is_question = lcm_text_is_question(subject && !reply ? subject : text) ||
		lcm_text_is_question(text);
	p.deleted = deleted != 0;
	if (lcm_store_post(im->st, &p, &post, &o, err) < 0 ||
	    reactions(im, post, json_object_get(m, "reactions"), err) < 0)
		goto out;
	lcm_in_count(im, LCM_K_POST, o);
	rc = expanded(im, m, at, err);
out:
	free(text);
	free(title);
	lcm_buf_release(&ext);
	lcm_buf_release(&thread);
	return rc;
}

/* A top-level value: a Graph page, an array of messages, or one. */
static int
doc(struct lcm_import *im, json_t *v, const struct lcm_json_at *at,
    struct lcm_err *err)
{
	json_t *list = json_is_object(v) ? json_object_get(v, "value") : v, *m;
	struct lcm_json_at sub = *at;
	struct lcm_buf path;
	size_t i;
	int rc = 0;

	if (json_is_object(v) && !list)
		return lcm_json_feed(im, message, v, at, err);
	if (!json_is_array(list)) {
		lcm_json_err(err, at, "value", "expected an array, found %s",
			     lcm_json_kind(list));
		lcm_err_locate(err, im->file, at->line);
		return -1;
	}
	lcm_buf_init(&path);
	json_array_foreach(list, i, m) {
		lcm_buf_reset(&path);
		lcm_buf_printf(&path, "%s%s[%zu]", at->path, list == v ? "" :
			       *at->path ? ".value" : "value", i);
		sub.path = path.data;
		sub.raw = NULL;
		if ((rc = lcm_json_feed(im, message, m, &sub, err)) < 0)
			break;
	}
	lcm_buf_release(&path);
	return rc;
}

const struct lcm_input_format lcm_fmt_teams = {
	"teams", PLATFORM, NULL, 0, NULL, NULL, doc
};
