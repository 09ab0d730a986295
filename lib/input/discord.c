/*
 * discord.c - a Discord channel as DiscordChatExporter writes it in JSON:
 * one document per channel, {"guild", "channel", "messages": [...]}.
 *
 * The guild (server) is a course, the channel a forum of it (a thread
 * exported as its own channel file is a forum too). Discord has no
 * threads in a channel: a message is a thread of one post, and a reply
 * (its "reference" names an earlier message of the channel) a post in
 * the thread of the message it answers. Message ids are kept per
 * channel ("CHANNEL/ID"): exports with redacted ids repeat them from
 * channel to channel. System messages (calls, pins, joins, renames) and
 * bot messages are left out; a message id met twice is kept once.
 */
#include "input/chat.h"
#include "input/reactions.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

#define PLATFORM "discord"

/* The channel being read. */
struct discord {
	const char *channel;		/* its id (borrowed from the document) */
	int64_t course, forum;
};

/* Message types people write; any other is a system message. */
static int
written(const char *type)
{
	return !type || strcmp(type, "Default") == 0 || strcmp(type, "Reply") == 0;
}

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
	*out = json_string_value(j);
	return 0;
}

/* One message: checked whole, then written. */
static int
message(struct lcm_import *im, json_t *m, const struct lcm_json_at *at,
	struct lcm_err *err)
{
	struct discord *d = im->state;
	struct lcm_person person = { 0 };
	struct lcm_thread t = { 0 };
	struct lcm_post p = { 0 };
	const json_t *author, *ref;
	const char *id, *type, *content, *aid, *refid = NULL;
	struct lcm_buf ext, parent, thread;
	enum lcm_outcome o;
	int64_t created, modified = 0, post, tid = 0;
	char *body = NULL, *title = NULL;
	int rc = -1, found = 0;

	lcm_buf_init(&ext);
	lcm_buf_init(&parent);
	lcm_buf_init(&thread);
	if (!json_is_object(m)) {
		lcm_json_err(err, at, NULL, "a message must be an object, found %s",
			     lcm_json_kind(m));
		goto out;
	}
	if (str(m, "id", at, &id, err) < 0 || str(m, "type", at, &type, err) < 0 ||
	    str(m, "content", at, &content, err) < 0)
		goto out;
	if (!id) {
		lcm_json_err(err, at, "id", "missing");
		goto out;
	}
	if (lcm_json_time(im, m, "timestamp", at, &created, err) < 0)
		goto out;
	if (json_is_string(json_object_get(m, "timestampEdited")) &&
	    lcm_json_time(im, m, "timestampEdited", at, &modified, err) < 0)
		goto out;
	author = json_object_get(m, "author");
	if (!json_is_object(author) || !(aid = lcm_json_str(author, "id"))) {
		lcm_json_err(err, at, "author", "missing, or without an id");
		goto out;
	}
	if (!written(type) || json_is_true(json_object_get(author, "isBot"))) {
		rc = 0;
		goto out;
	}
	ref = json_object_get(m, "reference");
	if (json_is_object(ref))
		refid = lcm_json_str(ref, "messageId");
	lcm_buf_printf(&ext, "%s/%s", d->channel, id);
	/* a reply goes in the thread of the message it answers, when known */
	if (refid) {
		lcm_buf_printf(&parent, "%s/%s", d->channel, refid);
		found = lcm_store_post_find(im->st, PLATFORM, parent.data, NULL, &tid, err);
		if (found < 0)
			goto out;
	}
	person.platform = PLATFORM;
	person.external_id = aid;
	/* the name the server shows: the nickname, else the account's */
	person.name = lcm_json_str(author, "nickname") ? lcm_json_str(author, "nickname") :
		lcm_json_str(author, "name");
	person.username = lcm_json_str(author, "name");
	if (lcm_in_person(im, &person, &p.author_id, err) < 0)
		goto out;
	body = lcm_in_body(content, 0);
	if (found) {
		p.thread_id = tid;
		p.parent_ext = parent.data;
	} else {
		title = lcm_text_excerpt(body, 60);
		t.platform = PLATFORM;
		t.external_id = ext.data;
		t.forum_id = d->forum;
		t.title = title;
		t.author_id = p.author_id;
		t.created = created;
		t.has_created = 1;
		if (lcm_in_thread(im, &t, 1, &p.thread_id, err) < 0)
			goto out;
	}
	p.platform = PLATFORM;
	p.external_id = ext.data;
	p.created = created;
	p.modified = modified;
	p.has_modified = modified != 0;
	p.body = body;
	p.words = lcm_text_words(body);
	p.is_question = lcm_text_is_question(body);
	if (lcm_store_post(im->st, &p, &post, &o, err) < 0 ||
	    lcm_in_reactions(im, post, json_object_get(m, "reactions"), "discord", err) < 0)
		goto out;
	lcm_in_count(im, LCM_K_POST, o);
	rc = 0;
out:
	free(body);
	free(title);
	lcm_buf_release(&ext);
	lcm_buf_release(&parent);
	lcm_buf_release(&thread);
	return rc;
}

/* The document: guild and channel, then each message. */
static int
top(struct lcm_import *im, json_t *doc, const struct lcm_json_at *at,
    struct lcm_err *err)
{
	struct discord d = { 0 };
	struct lcm_json_at sub = *at;
	const json_t *guild, *chan, *msgs;
	const char *gid, *gname, *cname;
	struct lcm_buf path, fext;
	json_t *m;
	size_t i;
	int rc = -1;

	lcm_buf_init(&path);
	lcm_buf_init(&fext);
	guild = json_object_get(doc, "guild");
	chan = json_object_get(doc, "channel");
	msgs = json_object_get(doc, "messages");
	if (!json_is_object(doc) || !json_is_object(guild) || !json_is_object(chan)) {
		rc = lcm_json_err(err, at, NULL, "a DiscordChatExporter document needs"
				  " 'guild', 'channel' and 'messages'");
		goto out;
	}
	if (!json_is_array(msgs)) {
		rc = lcm_json_err(err, at, "messages", "expected an array, found %s",
				  lcm_json_kind(msgs));
		goto out;
	}
	if (!(gid = lcm_json_str(guild, "id")) || !(d.channel = lcm_json_str(chan, "id"))) {
		rc = lcm_json_err(err, at, gid ? "channel.id" : "guild.id", "missing");
		goto out;
	}
	gname = lcm_json_str(guild, "name");
	cname = lcm_json_str(chan, "name");
	if (lcm_store_course(im->st, PLATFORM, gid, im->opts->course ? im->opts->course :
			     gname ? gname : gid, &d.course, err) < 0)
		goto out;
	lcm_buf_printf(&fext, "%s/%s", gid, d.channel);
	if (lcm_store_forum(im->st, PLATFORM, fext.data, d.course,
			    cname ? cname : d.channel, &d.forum, err) < 0)
		goto out;
	im->state = &d;
	rc = 0;
	json_array_foreach(msgs, i, m) {
		lcm_buf_reset(&path);
		lcm_buf_printf(&path, "%s%smessages[%zu]", at->path, *at->path ? "." : "", i);
		sub.path = path.data;
		sub.raw = NULL;
		if ((rc = lcm_json_feed(im, message, m, &sub, err)) < 0)
			break;
	}
	im->state = NULL;
out:
	lcm_buf_release(&path);
	lcm_buf_release(&fext);
	return rc;
}

const struct lcm_input_format lcm_fmt_discord = {
	"discord", PLATFORM, NULL, 0, NULL, NULL, top
};
