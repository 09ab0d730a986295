/*
 * slack.c - a Slack workspace export, unzipped: users.json (the
 * members, with e-mail when the export has it), channels.json (public
 * channels; groups.json and mpims.json the private ones and dms.json
 * the direct messages, when the export holds them), and one directory
 * per channel (named by the channel's name; a direct message's by its
 * id) with one JSON file per day: an array of messages.
 *
 * The .zip as downloaded is read in place (libzip), its members named
 * in messages as "export.zip:general/2025-01-10.json".
 *
 * A channel is a forum of the workspace (the course: --course, else the
 * export directory's name). A message with replies (thread_ts == ts) is
 * a thread, its replies (in the file of the day they were posted, which
 * may be a later one) its posts; a message without replies is a thread
 * of one post. Message ids are the channel's id and ts ("C123/1736478630.905399"),
 * ts being unique within a channel only. System messages (joins,
 * topics, pins ...) and bot messages are left out; a deleted parent kept
 * for its replies (subtype tombstone) is a deleted post. Mentions
 * (<@U123>) become "@Name" in the text.
 */
#include "input/chat.h"
#include "input/reactions.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zip.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

#define PLATFORM "slack"

/* One export's reading. */
struct slack {
	struct lcm_import *im;
	const char *dir;		/* the export, directory or .zip (borrowed) */
	zip_t *zip;			/* the .zip, or NULL for a directory */
	struct lcm_buf prefix;		/* the members' folder in the .zip ("" or "x/") */
	const char *top_file;		/* im->file as the driver set it */
	struct lcm_buf file;		/* the member being read, for messages */
	json_t *names;			/* user id -> name (owned) */
	char *course_name;		/* owned */
	int64_t course;
	const char *channel_id;		/* of the day file being read (borrowed) */
	int64_t forum;
};

/* The files of the export that list channels, and what names their directories. */
static const struct {
	const char *file;
	const char *dirkey;
} lists[] = {
	{ "channels.json", "name" }, { "groups.json", "name" },
	{ "mpims.json", "name" }, { "dms.json", "id" },
};

/* Subtypes whose messages people wrote; any other is left out. */
static const char *const kept_subtypes[] = {
	"thread_broadcast", "file_share", "me_message", "tombstone", "thread_reply",
	NULL
};

/* 1 when path is a regular file. */
static int
is_file(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

int
lcm_slack_is_export(const char *dir)
{
	struct lcm_buf p;
	int yes;

	lcm_buf_init(&p);
	lcm_buf_printf(&p, "%s/users.json", dir);
	yes = is_file(p.data);
	lcm_buf_reset(&p);
	lcm_buf_printf(&p, "%s/channels.json", dir);
	yes = yes && is_file(p.data);
	lcm_buf_release(&p);
	return yes;
}

static const char *zmsg(const char *m, char *out, size_t size);
static int load_member(struct slack *s, const char *rel, int optional, size_t max,
		       json_t **out, struct lcm_err *err);

/*
 * Loads the member rel of the export ("users.json", "general/2025-01-10.json")
 * into *out (owned) and makes it the file messages name. 0 (*out NULL
 * when the member is absent and optional), or -1 with err filled.
 */
static int
load(struct slack *s, const char *rel, int optional, json_t **out,
     struct lcm_err *err)
{
	json_error_t jerr;
	struct stat sb;
	size_t max = s->im->opts->max_json ? s->im->opts->max_json : LCM_JSON_DOC_MAX;

	*out = NULL;
	lcm_buf_reset(&s->file);
	lcm_buf_printf(&s->file, "%s%s%s", s->dir, s->zip ? ":" : "/", rel);
	s->im->file = s->file.data;
	if (s->zip)
		return load_member(s, rel, optional, max, out, err);
	if (stat(s->file.data, &sb) < 0) {
		if (optional && errno == ENOENT)
			return 0;
		return lcm_error_at(err, s->file.data, 0, "cannot open: %s", strerror(errno));
	}
	if ((size_t)sb.st_size > max)
		return lcm_error_at(err, s->file.data, 0, "JSON document over the limit"
				    " (raise it with --max-json-size)");
	if (!(*out = json_load_file(s->file.data, JSON_REJECT_DUPLICATES, &jerr)))
		return lcm_error_at(err, s->file.data, jerr.line > 0 ? jerr.line : 0,
				    "invalid JSON: %s at column %d", jerr.text, jerr.column);
	if (!json_is_array(*out)) {
		lcm_error_at(err, s->file.data, 0, "expected an array, found %s",
			     lcm_json_kind(*out));
		json_decref(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

/* load() from the .zip: the member prefix + rel, read whole. */
static int
load_member(struct slack *s, const char *rel, int optional, size_t max,
	    json_t **out, struct lcm_err *err)
{
	struct lcm_buf name, data;
	json_error_t jerr;
	zip_stat_t zs;
	zip_file_t *zf = NULL;
	zip_int64_t idx, n;
	char zm[128];
	int rc = -1;

	lcm_buf_init(&name);
	lcm_buf_init(&data);
	lcm_buf_printf(&name, "%s%s", s->prefix.data, rel);
	idx = zip_name_locate(s->zip, name.data, 0);
	if (idx < 0) {
		rc = optional ? 0 : lcm_error_at(err, s->file.data, 0, "not in the archive");
		goto out;
	}
	zip_stat_init(&zs);
	if (zip_stat_index(s->zip, (zip_uint64_t)idx, 0, &zs) < 0 || !(zs.valid & ZIP_STAT_SIZE)) {
		lcm_error_at(err, s->file.data, 0, "damaged zip: %s",
			     zmsg(zip_strerror(s->zip), zm, sizeof(zm)));
		goto out;
	}
	if (zs.size > max) {
		lcm_error_at(err, s->file.data, 0, "JSON document over the limit"
			     " (raise it with --max-json-size)");
		goto out;
	}
	if (!(zf = zip_fopen_index(s->zip, (zip_uint64_t)idx, 0))) {
		lcm_error_at(err, s->file.data, 0, "damaged zip: %s",
			     zmsg(zip_strerror(s->zip), zm, sizeof(zm)));
		goto out;
	}
	lcm_buf_grow(&data, (size_t)zs.size + 1);
	n = zip_fread(zf, data.data, zs.size + 1);
	/* the CRC is checked by the read that meets the end */
	if (n >= 0 && (zip_uint64_t)n == zs.size && zip_fread(zf, data.data + n, 1) < 0)
		n = -1;
	if (n < 0 || (zip_uint64_t)n != zs.size) {
		lcm_error_at(err, s->file.data, 0, "damaged zip: %s",
			     n < 0 ? zmsg(zip_file_strerror(zf), zm, sizeof(zm)) :
			     "member not of its size");
		goto out;
	}
	if (!(*out = json_loadb(data.data, (size_t)n, JSON_REJECT_DUPLICATES, &jerr))) {
		lcm_error_at(err, s->file.data, jerr.line > 0 ? jerr.line : 0,
			     "invalid JSON: %s at column %d", jerr.text, jerr.column);
		goto out;
	}
	if (!json_is_array(*out)) {
		lcm_error_at(err, s->file.data, 0, "expected an array, found %s",
			     lcm_json_kind(*out));
		json_decref(*out);
		*out = NULL;
		goto out;
	}
	rc = 0;
out:
	if (zf && zip_fclose(zf) != 0 && rc == 0) {
		json_decref(*out);
		*out = NULL;
		rc = lcm_error_at(err, s->file.data, 0, "damaged zip: CRC error");
	}
	lcm_buf_release(&name);
	lcm_buf_release(&data);
	return rc;
}

/* libzip's message in lcm's style (lower case first) into out. */
static const char *
zmsg(const char *m, char *out, size_t size)
{
	snprintf(out, size, "%s", m ? m : "unknown error");
	if (out[0] >= 'A' && out[0] <= 'Z' && !(out[1] >= 'A' && out[1] <= 'Z'))
		out[0] = (char)(out[0] - 'A' + 'a');
	return out;
}

/* The name a user goes by: real name, else display name, else login. */
static const char *
user_name(const json_t *u)
{
	const json_t *prof = json_object_get(u, "profile");
	const char *n;

	if ((n = lcm_json_str(u, "real_name")) || (n = lcm_json_str(prof, "real_name")) ||
	    (n = lcm_json_str(prof, "display_name")) || (n = lcm_json_str(u, "name")))
		return n;
	return NULL;
}

/* One entry of users.json: a person. */
static int
user(struct lcm_import *im, json_t *u, const struct lcm_json_at *at,
     struct lcm_err *err)
{
	struct slack *s = im->state;
	struct lcm_person p = { 0 };
	const char *email;
	int64_t id;

	if (!json_is_object(u))
		return lcm_json_err(err, at, NULL, "a user must be an object, found %s",
				    lcm_json_kind(u));
	if (!(p.external_id = lcm_json_str(u, "id")))
		return lcm_json_err(err, at, "id", "missing");
	email = lcm_json_str(json_object_get(u, "profile"), "email");
	p.platform = PLATFORM;
	p.name = user_name(u);
	p.username = lcm_json_str(u, "name");
	/* scrambled or partial exports hold other text there */
	p.email = email && strchr(email, '@') ? email : NULL;
	if (p.name)
		json_object_set_new(s->names, p.external_id, json_string(p.name));
	return lcm_in_person(im, &p, &id, err);
}

/*
 * Slack's markup as text: <@U123> and <@U123|name> as "@Name",
 * <#C123|general> as "#general", <!here> as "@here", <url|label> as
 * label, <url> as url; &lt; &gt; &amp; decoded. Owned by the caller.
 */
static char *
plain(const struct slack *s, const char *t)
{
	struct lcm_buf b;
	const char *end, *bar, *name;
	char id[64];

	lcm_buf_init(&b);
	lcm_buf_adds(&b, "");
	for (; t && *t; t++) {
		if (*t == '&') {
			if (strncmp(t, "&lt;", 4) == 0 && (t += 3))
				lcm_buf_addc(&b, '<');
			else if (strncmp(t, "&gt;", 4) == 0 && (t += 3))
				lcm_buf_addc(&b, '>');
			else if (strncmp(t, "&amp;", 5) == 0 && (t += 4))
				lcm_buf_addc(&b, '&');
			else
				lcm_buf_addc(&b, '&');
			continue;
		}
		if (*t != '<' || !(end = strchr(t, '>'))) {
			lcm_buf_addc(&b, *t);
			continue;
		}
		bar = memchr(t, '|', (size_t)(end - t));
		if (t[1] == '@') {
			snprintf(id, sizeof(id), "%.*s", (int)((bar ? bar : end) - t - 2), t + 2);
			name = json_string_value(json_object_get(s->names, id));
			if (name)
				lcm_buf_printf(&b, "@%s", name);
			else if (bar)
				lcm_buf_printf(&b, "@%.*s", (int)(end - bar - 1), bar + 1);
			else
				lcm_buf_printf(&b, "@%s", id);
		} else if (t[1] == '#' || t[1] == '!') {
			if (bar)
				lcm_buf_printf(&b, "%s%.*s", bar[1] == '@' || bar[1] == '#' ? "" :
					       t[1] == '#' ? "#" : "@", (int)(end - bar - 1), bar + 1);
			else
				lcm_buf_printf(&b, "%s%.*s", t[1] == '#' ? "#" : "@",
					       (int)(end - t - 2), t + 2);
		} else if (bar) {
			lcm_buf_add(&b, bar + 1, (size_t)(end - bar - 1));
		} else {
			lcm_buf_add(&b, t + 1, (size_t)(end - t - 1));
		}
		t = end;
	}
	return lcm_buf_detach(&b);
}

/* A ts string ("1736478630.905399") as a time. */
static int
ts_time(const json_t *m, const char *key, const struct lcm_json_at *at,
	int64_t *out, struct lcm_err *err)
{
	const json_t *j = json_object_get(m, key);
	struct lcm_err e;
	char q[64];

	if (!j)
		return lcm_json_err(err, at, key, "missing");
	if (!json_is_string(j))
		return lcm_json_err(err, at, key, "expected a string, found %s",
				    lcm_json_kind(j));
	lcm_err_init(&e);
	if (lcm_time_parse_epoch(json_string_value(j), out, &e) < 0)
		return lcm_json_err(err, at, key, "not a Slack ts: '%s'",
				    lcm_err_quote(json_string_value(j), q, sizeof(q)));
	return 0;
}

/* 1 when a message is one people wrote (see kept_subtypes). */
static int
kept(const json_t *m)
{
	const char *sub = lcm_json_str(m, "subtype");
	int i;

	if (json_object_get(m, "bot_id"))
		return 0;
	if (!sub)
		return 1;
	for (i = 0; kept_subtypes[i]; i++)
		if (strcmp(sub, kept_subtypes[i]) == 0)
			return 1;
	return 0;
}

/* One message of a day file: checked whole, then written. */
static int
message(struct lcm_import *im, json_t *m, const struct lcm_json_at *at,
	struct lcm_err *err)
{
	struct slack *s = im->state;
	struct lcm_person person = { 0 };
	struct lcm_thread t = { 0 };
	struct lcm_post p = { 0 };
	const char *ts, *tts, *type, *uid, *sub;
	const json_t *edited;
	struct lcm_buf ext, text, thread;
	enum lcm_outcome o;
	int64_t created, modified = 0, post;
	char *body = NULL, *title = NULL;
	int rc = -1, root, tomb;

	lcm_buf_init(&ext);
	lcm_buf_init(&text);
	lcm_buf_init(&thread);
	if (!json_is_object(m)) {
		lcm_json_err(err, at, NULL, "a message must be an object, found %s",
			     lcm_json_kind(m));
		goto out;
	}
	if (ts_time(m, "ts", at, &created, err) < 0)
		goto out;
	type = lcm_json_str(m, "type");
	if ((type && strcmp(type, "message") != 0) || !kept(m)) {
		rc = 0;
		goto out;
	}
	ts = lcm_json_str(m, "ts");
	tts = lcm_json_str(m, "thread_ts");
	uid = lcm_json_str(m, "user");
	sub = lcm_json_str(m, "subtype");
	tomb = sub && strcmp(sub, "tombstone") == 0;
	edited = json_object_get(m, "edited");
	if (json_is_object(edited) && json_object_get(edited, "ts") &&
	    ts_time(edited, "ts", at, &modified, err) < 0)
		goto out;
	if (tts) {
		int64_t tt;

		if (ts_time(m, "thread_ts", at, &tt, err) < 0)
			goto out;
	}
	root = !tts || strcmp(tts, ts) == 0;
	if (uid) {
		person.platform = PLATFORM;
		person.external_id = uid;
		/* a member missing from users.json: the profile the message carries */
		if (!json_object_get(s->names, uid))
			person.name = lcm_json_str(json_object_get(m, "user_profile"), "real_name");
		if (lcm_in_person(im, &person, &p.author_id, err) < 0)
			goto out;
	}
	lcm_buf_printf(&ext, "%s/%s", s->channel_id, ts);
	lcm_buf_printf(&thread, "%s/%s", s->channel_id, root ? ts : tts);
	body = tomb ? lcm_xstrdup("") : plain(s, lcm_json_str(m, "text"));
	t.platform = PLATFORM;
	t.external_id = thread.data;
	if (root) {
		/* a message has no subject: the thread is named by its start */
		title = lcm_text_excerpt(body, 60);
		t.forum_id = s->forum;
		t.title = title;
		t.author_id = p.author_id;
		t.created = created;
		t.has_created = 1;
	}
	if (lcm_in_thread(im, &t, root, &p.thread_id, err) < 0)
		goto out;
	p.platform = PLATFORM;
	p.external_id = ext.data;
	p.parent_ext = root ? NULL : thread.data;
	p.created = created;
	p.modified = modified;
	p.has_modified = modified != 0;
	p.body = body;
	p.words = lcm_text_words(body);
	p.is_question = lcm_text_is_question(body);
	p.deleted = tomb;
	if (lcm_store_post(im->st, &p, &post, &o, err) < 0 ||
	    lcm_in_reactions(im, post, json_object_get(m, "reactions"), "slack", err) < 0)
		goto out;
	lcm_in_count(im, LCM_K_POST, o);
	rc = 0;
out:
	free(body);
	free(title);
	lcm_buf_release(&ext);
	lcm_buf_release(&text);
	lcm_buf_release(&thread);
	return rc;
}

/* Feeds each element of array a to fn, at "[i]". */
static int
each(struct slack *s, json_t *a,
     int (*fn)(struct lcm_import *, json_t *, const struct lcm_json_at *, struct lcm_err *),
     struct lcm_err *err)
{
	struct lcm_json_at at = { 0, "", NULL, 0 }, top = { 0, "", NULL, 0 };
	struct lcm_buf path;
	json_t *e;
	size_t i;
	int rc = 0;

	lcm_buf_init(&path);
	json_array_foreach(a, i, e) {
		at.path = lcm_json_path(&path, &top, NULL, (long)i);
		if ((rc = lcm_json_feed(s->im, fn, e, &at, err)) < 0)
			break;
	}
	lcm_buf_release(&path);
	return rc;
}

/* 1 when a file name is a day file's (NAME.json, not hidden). */
static int
is_day(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && name[0] != '.' && !strchr(name, '/') &&
	    strcmp(name + n - 5, ".json") == 0;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The day files of channel folder sub into *names (owned, each and the
 * array), in date order; *n 0 when there is no such folder (a channel
 * nobody wrote in has none). 0 or -1.
 */
static int
days_of(struct slack *s, const char *sub, char ***names, size_t *n,
	struct lcm_err *err)
{
	struct lcm_buf p;
	struct dirent *d;
	const char *m;
	size_t cap = 0;
	zip_int64_t i, k;
	DIR *dp;
	int rc = 0;

	*names = NULL;
	*n = 0;
	lcm_buf_init(&p);
	if (s->zip) {
		lcm_buf_printf(&p, "%s%s/", s->prefix.data, sub);
		k = zip_get_num_entries(s->zip, 0);
		for (i = 0; i < k; i++)
			if ((m = zip_get_name(s->zip, (zip_uint64_t)i, 0)) &&
			    strncmp(m, p.data, p.len) == 0 && is_day(m + p.len)) {
				if (*n == cap)
					*names = lcm_xreallocarray(*names, cap = cap ? cap * 2 : 16,
								   sizeof(**names));
				(*names)[(*n)++] = lcm_xstrdup(m + p.len);
			}
	} else {
		lcm_buf_printf(&p, "%s/%s", s->dir, sub);
		if (!(dp = opendir(p.data))) {
			if (errno != ENOENT)
				rc = lcm_error_at(err, p.data, 0, "cannot read: %s", strerror(errno));
			goto out;
		}
		while ((d = readdir(dp)))
			if (is_day(d->d_name)) {
				if (*n == cap)
					*names = lcm_xreallocarray(*names, cap = cap ? cap * 2 : 16,
								   sizeof(**names));
				(*names)[(*n)++] = lcm_xstrdup(d->d_name);
			}
		closedir(dp);
	}
	if (*n)
		qsort(*names, *n, sizeof(**names), cmp_names);
out:
	lcm_buf_release(&p);
	return rc;
}

/* The day files of channel folder sub, in date order. */
static int
channel(struct slack *s, const char *sub, const char *id, struct lcm_err *err)
{
	struct lcm_buf p;
	char **days = NULL;
	size_t n = 0, i;
	json_t *j;
	int rc;

	lcm_buf_init(&p);
	if ((rc = days_of(s, sub, &days, &n, err)) < 0 || n == 0)
		goto out;
	if ((rc = lcm_in_forum(s->im, PLATFORM, s->course_name, s->course, sub,
			       &s->forum, err)) < 0)
		goto out;
	s->channel_id = id;
	for (i = 0; i < n && rc == 0; i++) {
		lcm_buf_reset(&p);
		lcm_buf_printf(&p, "%s/%s", sub, days[i]);
		if ((rc = load(s, p.data, 0, &j, err)) == 0)
			rc = each(s, j, message, err);
		json_decref(j);
	}
out:
	for (i = 0; i < n; i++)
		free(days[i]);
	free(days);
	lcm_buf_release(&p);
	return rc;
}

/* The course: --course, else the export's name (directory or .zip). */
static char *
course_name(const struct lcm_import *im, const char *dir)
{
	const char *end = dir + strlen(dir), *start;

	if (im->opts->course)
		return lcm_xstrdup(im->opts->course);
	while (end > dir + 1 && end[-1] == '/')
		end--;
	for (start = end; start > dir && start[-1] != '/'; start--)
		;
	if (end == start || (end - start == 1 && *start == '.'))
		return lcm_xstrdup("slack");
	/* the .zip as downloaded: "Cohort 7 Slack export Jan 1 2025 - Jan 2 2025.zip" */
	if (end - start > 4 && strncmp(end - 4, ".zip", 4) == 0)
		end -= 4;
	return lcm_xstrndup(start, (size_t)(end - start));
}

int
lcm_slack_is_zip(const char *path)
{
	unsigned char m[4];
	FILE *fp;
	int yes;

	if (!is_file(path) || !(fp = fopen(path, "rb")))
		return 0;
	yes = fread(m, 1, 4, fp) == 4 && memcmp(m, "PK\3\4", 4) == 0;
	fclose(fp);
	return yes;
}

/*
 * Opens the .zip path into s->zip and finds the folder its users.json
 * is in (Slack's own archive has none; a re-zipped export one). 0 or -1.
 */
static int
open_zip(struct slack *s, const char *path, struct lcm_err *err)
{
	zip_error_t ze;
	zip_int64_t i, k;
	const char *m, *slash;
	char zm[128];
	int code;

	if (!(s->zip = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code))) {
		zip_error_init_with_code(&ze, code);
		lcm_error_at(err, path, 0, "damaged zip: %s",
			     zmsg(zip_error_strerror(&ze), zm, sizeof(zm)));
		zip_error_fini(&ze);
		return -1;
	}
	if (zip_name_locate(s->zip, "users.json", 0) >= 0)
		return 0;
	k = zip_get_num_entries(s->zip, 0);
	for (i = 0; i < k; i++)
		if ((m = zip_get_name(s->zip, (zip_uint64_t)i, 0)) &&
		    (slash = strchr(m, '/')) && strcmp(slash, "/users.json") == 0) {
			lcm_buf_add(&s->prefix, m, (size_t)(slash - m) + 1);
			return 0;
		}
	return lcm_error_at(err, path, 0, "a zip archive without users.json: not a"
			    " Slack workspace export");
}

int
lcm_import_slack(struct lcm_import *im, const char *dir, struct lcm_err *err)
{
	struct slack s;
	json_t *j = NULL, *c;
	const char *sub, *id;
	size_t i, k;
	int rc = -1;

	memset(&s, 0, sizeof(s));
	s.im = im;
	s.dir = dir;
	s.top_file = im->file;
	lcm_buf_init(&s.file);
	lcm_buf_init(&s.prefix);
	lcm_buf_adds(&s.prefix, "");
	s.names = json_object();
	s.course_name = course_name(im, dir);
	im->state = &s;
	im->stats->format = lcm_fmt_slack.name;
	if (is_file(dir) && open_zip(&s, dir, err) < 0)
		goto out;
	if (load(&s, "users.json", 0, &j, err) < 0 || each(&s, j, user, err) < 0)
		goto out;
	if (lcm_store_course(im->st, PLATFORM, s.course_name, s.course_name, &s.course,
			     err) < 0)
		goto out;
	for (k = 0; k < sizeof(lists) / sizeof(lists[0]); k++) {
		json_decref(j);
		if (load(&s, lists[k].file, k > 0, &j, err) < 0)
			goto out;
		json_array_foreach(j, i, c) {
			sub = lcm_json_str(c, lists[k].dirkey);
			id = lcm_json_str(c, "id");
			if (!sub || !id || strchr(sub, '/') || strcmp(sub, "..") == 0) {
				lcm_error_at(err, s.file.data, 0, "[%zu].%s: missing or not a"
					     " channel name", i, sub ? lists[k].dirkey : "id");
				goto out;
			}
			if (channel(&s, sub, id, err) < 0)
				goto out;
		}
	}
	rc = 0;
out:
	/* the driver's messages after this name the export again */
	if (rc < 0)
		lcm_err_locate(err, s.file.len ? s.file.data : dir, 0);
	im->file = s.top_file;
	json_decref(j);
	json_decref(s.names);
	free(s.course_name);
	lcm_buf_release(&s.file);
	lcm_buf_release(&s.prefix);
	if (s.zip)
		zip_discard(s.zip);
	im->state = NULL;
	return rc;
}

const struct lcm_input_format lcm_fmt_slack = {
	"slack", PLATFORM, NULL, 0, NULL, NULL, NULL
};
