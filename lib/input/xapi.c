/*
 * xapi.c - xAPI statements (adlnet/xAPI-Spec, xAPI-Data.md part 2): a
 * JSON array of statements, an LRS page {"statements": [...], "more":
 * ...}, one statement, or NDJSON (one statement a line, streamed).
 *
 * A statement becomes a post when its verb is commented, replied,
 * posted, asked or answered (the IRI's last segment) and it carries a
 * result.response; otherwise an event, and for completed, passed,
 * failed and mastered also a completion of the object (an item). A
 * statement voiding another (verb .../voided, object a StatementRef)
 * removes it, now and when it is imported later. Everything is checked
 * before the first write, so a rejected statement leaves nothing.
 *
 * Moodle's xAPI log store (xAPI-vle/moodle-logstore_xapi, its
 * transformer/events/mod_forum) writes a forum in two shapes. Older:
 * discussion_created is verb activitystrea.ms/schema/1.0/create on the
 * discussion, post_created verb replied on the discussion with the text in
 * result.response. Newer (the fixtures): create on the discussion, and
 * replied on a forum-reply object ("discuss.php?d=1#p1") whose text is
 * object.definition.description, the discussion a context parent. A
 * "create(d)" on an activity of type .../discussion opens a thread (its
 * text the description, else empty); a reply goes to the thread of the
 * discussion in its context (else its object) and answers its opening post,
 * as Moodle's statements do not say which post it answers. Replies met
 * before their discussion stand for its opening post until it comes.
 */
#include "input/input.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "origin.h"
#include "text.h"
#include "value.h"
#include "xalloc.h"

#define PLATFORM "xapi"
#define VOIDED "http://adlnet.gov/expapi/verbs/voided"
#define CACHE_MAX 100000	/* entries per cache before it starts again */

/* What one import remembers between statements. */
struct xstate {
	struct lcm_strmap labelled;	/* "term id\x1flabel" already written */
	struct lcm_strmap items;	/* activity id -> item id */
	struct lcm_strmap places;	/* "c\x1fid" course, "f\x1fid" forum -> id */
	int voided_known, any_voided;	/* does the store void anything? */
	sqlite3_stmt *ts_of;		/* the time an earlier import gave */
};

/* One statement, checked; strings point into the record or the bufs. */
struct stmt {
	struct lcm_buf id, ext, email, obj, key, ref;
	struct lcm_person actor;
	const char *verb, *verb_label, *obj_label, *response, *ref_id, *target;
	const char *course, *course_name, *forum, *forum_name;
	const char *obj_type, *obj_text;	/* definition.type, .description */
	const char *thread, *thread_title;	/* a Moodle discussion in context */
	int opens;			/* creates a discussion: a thread */
	const char *state;		/* completion state, or NULL */
	int post, asked, activity;
	int64_t ts;
	int has_ts, has_score;
	double score;
};

static const char *const post_verbs[] = {
	"commented", "replied", "posted", "asked", "answered", NULL
};
static const char *const done_verbs[] = {
	"completed", "passed", "failed", "mastered", NULL
};

/* The verb keyword of an IRI: its last path segment ("completed"). */
static const char *
verb_word(const char *iri, const char *const *words)
{
	size_t n = strlen(iri), len;
	const char *end, *p;
	int i;

	while (n && iri[n - 1] == '/')
		n--;
	end = iri + n;
	for (p = end; p > iri && p[-1] != '/' && p[-1] != '#' && p[-1] != ':'; p--)
		;
	len = (size_t)(end - p);
	for (i = 0; words[i]; i++)
		if (strlen(words[i]) == len && strncasecmp(p, words[i], len) == 0)
			return words[i];
	return NULL;
}

/* Whether s ends with tail (case aside); NULL ends with nothing. */
static int
ends_with(const char *s, const char *tail)
{
	size_t n = s ? strlen(s) : 0, t = strlen(tail);

	return s && n >= t && strcasecmp(s + n - t, tail) == 0;
}

/* An absolute IRI: a scheme, ':', something, no white space. */
static int
is_iri(const char *s)
{
	const char *p = s;

	if (!isalpha((unsigned char)*p))
		return 0;
	while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
		p++;
	if (*p != ':' || !p[1])
		return 0;
	return strpbrk(s, " \t\r\n") == NULL;
}

/* A UUID (8-4-4-4-12 hex digits), copied lower-cased into b. */
static int
uuid(const char *s, struct lcm_buf *b)
{
	size_t i;

	if (strlen(s) != 36)
		return 0;
	for (i = 0; i < 36; i++)
		if ((i == 8 || i == 13 || i == 18 || i == 23) ? s[i] != '-'
		    : !isxdigit((unsigned char)s[i]))
			return 0;
	lcm_buf_reset(b);
	for (i = 0; i < 36; i++)
		lcm_buf_addc(b, (char)tolower((unsigned char)s[i]));
	return 1;
}

/*
 * The text of a language map: --lang exactly, then the same primary
 * language ("fr" for "fr-FR"), then "en", then any "en-*", then the
 * first entry. NULL when there is none.
 */
static const char *
lang_pick(const json_t *map, const char *lang)
{
	const char *want[2], *key;
	json_t *v;
	size_t n;
	int i;

	if (!json_is_object(map))
		return NULL;
	want[0] = lang;
	want[1] = "en";
	for (i = 0; i < 2; i++) {
		if (!want[i])
			continue;
		n = strcspn(want[i], "-_");
		json_object_foreach((json_t *)map, key, v)
			if (json_is_string(v) && strcasecmp(key, want[i]) == 0)
				return json_string_value(v);
		json_object_foreach((json_t *)map, key, v)
			if (json_is_string(v) && strncasecmp(key, want[i], n) == 0 &&
			    (key[n] == '-' || key[n] == '\0'))
				return json_string_value(v);
	}
	json_object_foreach((json_t *)map, key, v)
		if (json_is_string(v))
			return json_string_value(v);
	return NULL;
}

/* The statement's key as an object, or an error naming what was found. */
static const json_t *
need_object(const json_t *parent, const char *key, const char *path,
	    const struct lcm_json_at *at, int required, struct lcm_err *err)
{
	const json_t *j = json_object_get(parent, key);

	if (!j && !required)
		return NULL;
	if (!j)
		lcm_json_err(err, at, path, "missing");
	else if (!json_is_object(j))
		lcm_json_err(err, at, path, "expected an object, found %s", lcm_json_kind(j));
	return json_is_object(j) ? j : NULL;
}

/* A string member (NULL when absent); wrong types are errors. */
static int
opt_string(const json_t *obj, const char *key, const char *path,
	   const struct lcm_json_at *at, const char **out, struct lcm_err *err)
{
	const json_t *j = json_object_get(obj, key);

	*out = NULL;
	if (!j || json_is_null(j))
		return 0;
	if (!json_is_string(j))
		return lcm_json_err(err, at, path, "expected a string, found %s",
				    lcm_json_kind(j));
	*out = json_string_value(j);
	return 0;
}

/* The actor: an account per identifier, e-mail and username kept. */
static int
actor(struct stmt *s, const json_t *a, const struct lcm_json_at *at,
      struct lcm_err *err)
{
	const char *mbox, *sha, *openid, *home = NULL, *name = NULL;
	const json_t *acc;
	char q[64];
	size_t i;

	if (opt_string(a, "mbox", "actor.mbox", at, &mbox, err) < 0 ||
	    opt_string(a, "mbox_sha1sum", "actor.mbox_sha1sum", at, &sha, err) < 0 ||
	    opt_string(a, "openid", "actor.openid", at, &openid, err) < 0 ||
	    opt_string(a, "name", "actor.name", at, &s->actor.name, err) < 0)
		return -1;
	if ((acc = json_object_get(a, "account"))) {
		if (!json_is_object(acc) ||
		    opt_string(acc, "homePage", "actor.account.homePage", at, &home, err) < 0 ||
		    opt_string(acc, "name", "actor.account.name", at, &name, err) < 0)
			return err->msg[0] ? -1 : lcm_json_err(err, at, "actor.account",
				"expected an object, found %s", lcm_json_kind(acc));
		if (!home || !name)
			return lcm_json_err(err, at, "actor.account", "no '%s'",
					    home ? "name" : "homePage");
	}
	lcm_buf_reset(&s->ext);
	lcm_buf_reset(&s->email);
	if (mbox) {
		if (strncasecmp(mbox, "mailto:", 7) != 0 || !strchr(mbox + 7, '@'))
			return lcm_json_err(err, at, "actor.mbox", "not a mailto: address: '%s'",
					    lcm_err_quote(mbox, q, sizeof(q)));
		/* the account is the address, whatever its case in a statement */
		for (i = 7; mbox[i]; i++)
			lcm_buf_addc(&s->email, (char)tolower((unsigned char)mbox[i]));
		lcm_buf_printf(&s->ext, "mailto:%s", s->email.data);
	}
	if (sha) {
		if (strlen(sha) != 40 || strspn(sha, "0123456789abcdefABCDEF") != 40)
			return lcm_json_err(err, at, "actor.mbox_sha1sum",
					    "not 40 hex digits: '%s'", lcm_err_quote(sha, q, sizeof(q)));
		if (!s->ext.len)
			lcm_buf_printf(&s->ext, "sha1:%s", sha);
	}
	if (openid && !s->ext.len)
		lcm_buf_adds(&s->ext, openid);
	if (name && !s->ext.len)
		lcm_buf_printf(&s->ext, "account:%s@%s", name, home);
	if (!s->ext.len)
		return lcm_json_err(err, at, "actor", "no 'mbox', 'mbox_sha1sum', 'account'"
				    " or 'openid'%s", json_object_get(a, "member") ?
				    " (an anonymous group)" : "");
	s->actor.platform = PLATFORM;
	s->actor.external_id = s->ext.data;
	s->actor.email = s->email.len ? s->email.data : NULL;
	s->actor.username = name;
	return 0;
}

/* The object: an activity (its id and name), a statement, an agent. */
static int
object(struct stmt *s, const json_t *o, const char *lang,
       const struct lcm_json_at *at, struct lcm_err *err)
{
	const char *type, *id, *v;
	const json_t *def;
	char q[64];

	if (opt_string(o, "objectType", "object.objectType", at, &type, err) < 0 ||
	    opt_string(o, "id", "object.id", at, &id, err) < 0)
		return -1;
	lcm_buf_reset(&s->obj);
	if (!type || strcmp(type, "Activity") == 0) {
		if (!id)
			return lcm_json_err(err, at, "object.id", "missing");
		if (!is_iri(id))
			return lcm_json_err(err, at, "object.id", "not an IRI: '%s'",
					    lcm_err_quote(id, q, sizeof(q)));
		lcm_buf_adds(&s->obj, id);
		def = json_object_get(o, "definition");
		s->obj_label = lang_pick(json_object_get(def, "name"), lang);
		s->obj_type = lcm_json_str(def, "type");
		s->obj_text = lang_pick(json_object_get(def, "description"), lang);
		s->activity = 1;
	} else if (strcmp(type, "StatementRef") == 0) {
		if (!id || !uuid(id, &s->key))
			return lcm_json_err(err, at, "object.id", "not a statement id (UUID): '%s'",
					    lcm_err_quote(id ? id : "", q, sizeof(q)));
		lcm_buf_printf(&s->obj, "statement:%s", s->key.data);
		s->target = s->obj.data + strlen("statement:");
	} else if (strcmp(type, "Agent") == 0 || strcmp(type, "Group") == 0) {
		v = lcm_json_str(o, "mbox");
		if (!v)
			v = lcm_json_str(o, "openid");
		if (!v)
			v = lcm_json_str(json_object_get(o, "account"), "name");
		lcm_buf_printf(&s->obj, "%s:%s", strcmp(type, "Agent") == 0 ? "agent" : "group",
			       v ? v : "anonymous");
	} else if (strcmp(type, "SubStatement") == 0) {
		v = lcm_json_str(json_object_get(o, "object"), "id");
		lcm_buf_printf(&s->obj, "substatement:%s", v ? v : "");
	} else {
		return lcm_json_err(err, at, "object.objectType", "not Activity, Agent, Group,"
				    " StatementRef or SubStatement: '%s'",
				    lcm_err_quote(type, q, sizeof(q)));
	}
	return 0;
}

/* A contextActivities list (an array, or one object in xAPI 0.95). */
static const json_t *
activity_of(const json_t *list, size_t i)
{
	if (json_is_object(list))
		return i == 0 ? list : NULL;
	return json_array_get(list, i);
}

/*
 * The course and forum from context.contextActivities: the parent (then
 * grouping) activity whose type ends with "course" (the last such in
 * grouping, the most specific in Moodle's statements), else the first
 * parent; the forum, a parent whose type ends with "forum".
 */
static void
context_places(struct stmt *s, const json_t *ca, const char *lang)
{
	static const char *const lists[] = { "parent", "grouping" };
	const json_t *list, *a;
	const char *type, *id;
	size_t i, k, n;

	for (k = 0; k < 2 && !s->course; k++) {
		list = json_object_get(ca, lists[k]);
		for (i = 0; (a = activity_of(list, i)); i++) {
			type = lcm_json_str(json_object_get(a, "definition"), "type");
			if (!(id = lcm_json_str(a, "id")) || !type)
				continue;
			n = strlen(type);
			if (n >= 6 && strcasecmp(type + n - 6, "course") == 0) {
				s->course = id;
				s->course_name = lang_pick(json_object_get(
					json_object_get(a, "definition"), "name"), lang);
				if (k == 0)
					break;
			} else if (!s->forum && n >= 5 && strcasecmp(type + n - 5, "forum") == 0) {
				s->forum = id;
				s->forum_name = lang_pick(json_object_get(
					json_object_get(a, "definition"), "name"), lang);
			}
		}
	}
	for (k = 0; k < 2 && !s->thread; k++) {
		list = json_object_get(ca, k ? "grouping" : "parent");
		for (i = 0; (a = activity_of(list, i)) && !s->thread; i++)
			if (ends_with(lcm_json_str(json_object_get(a, "definition"), "type"),
				      "/discussion") && (s->thread = lcm_json_str(a, "id")))
				s->thread_title = lang_pick(json_object_get(
					json_object_get(a, "definition"), "name"), lang);
	}
	if (!s->course && (a = activity_of(json_object_get(ca, "parent"), 0)) &&
	    (s->course = lcm_json_str(a, "id")))
		s->course_name = lang_pick(json_object_get(json_object_get(a, "definition"),
							   "name"), lang);
}

/* result: the response and the score (scaled, else raw / max). */
static int
result(struct stmt *s, const json_t *r, const struct lcm_json_at *at,
       struct lcm_err *err)
{
	const json_t *sc, *scaled, *raw, *max;

	if (opt_string(r, "response", "result.response", at, &s->response, err) < 0)
		return -1;
	if (!(sc = need_object(r, "score", "result.score", at, 0, err)))
		return err->msg[0] ? -1 : 0;
	scaled = json_object_get(sc, "scaled");
	raw = json_object_get(sc, "raw");
	max = json_object_get(sc, "max");
	if (scaled && !json_is_number(scaled))
		return lcm_json_err(err, at, "result.score.scaled", "expected a number,"
				    " found %s", lcm_json_kind(scaled));
	if (scaled) {
		s->score = json_number_value(scaled);
		s->has_score = 1;
	} else if (json_is_number(raw) && json_is_number(max) && json_number_value(max) > 0) {
		s->score = json_number_value(raw) / json_number_value(max);
		s->has_score = 1;
	}
	/* lcm's scores are 0 to 1 (value.h), though xAPI's scaled goes from -1 */
	if (s->has_score && !lcm_value_score_ok(s->score))
		return lcm_json_err(err, at, scaled ? "result.score.scaled" : "result.score",
				    "%s not from 0 to 1: %.17g", scaled ? "score" :
				    "raw / max", s->score);
	s->score += 0.0;	/* -0 is 0 */
	return 0;
}

/*
 * Moodle's forum statements (see the head): a created discussion opens a
 * thread; a reply's text may be its object's description; a reply's
 * thread is the discussion of its context.
 */
static void
moodle_forum(struct stmt *s)
{
	static const char *const create[] = { "create", "created", NULL };
	int discussion = ends_with(s->obj_type, "/discussion");

	if (discussion && verb_word(s->verb, create)) {
		s->opens = 1;
		if (!s->response)
			s->response = s->obj_text ? s->obj_text : "";
		s->thread = NULL;
		return;
	}
	if (!s->response && ends_with(s->obj_type, "/forum-reply") &&
	    verb_word(s->verb, post_verbs))
		s->response = s->obj_text ? s->obj_text : "";
	if (discussion)
		s->thread = NULL;	/* the object is the thread already */
}

/* Reads and checks a statement into s; writes nothing. */
static int
parse(struct lcm_import *im, const json_t *j, struct stmt *s,
      const struct lcm_json_at *at, struct lcm_err *err)
{
	const json_t *a, *v, *o, *r, *c, *ref;
	const char *id;
	char q[64], hex[33], *dump;

	if (!json_is_object(j))
		return lcm_json_err(err, at, NULL, "a statement must be an object, found %s",
				    lcm_json_kind(j));
	if (opt_string(j, "id", "id", at, &id, err) < 0)
		return -1;
	if (id && !uuid(id, &s->id))
		return lcm_json_err(err, at, "id", "not a UUID: '%s'",
				    lcm_err_quote(id, q, sizeof(q)));
	if (!id) {
		/* statements not yet stored by an LRS: the same one, the same id */
		dump = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
		lcm_json_hash(dump ? dump : "", dump ? strlen(dump) : 0, hex);
		free(dump);
		lcm_buf_adds(&s->id, hex);
	}
	if (!(a = need_object(j, "actor", "actor", at, 1, err)) || actor(s, a, at, err) < 0)
		return -1;
	if (!(v = need_object(j, "verb", "verb", at, 1, err)))
		return -1;
	if (opt_string(v, "id", "verb.id", at, &s->verb, err) < 0)
		return -1;
	if (!s->verb)
		return lcm_json_err(err, at, "verb.id", "missing");
	if (!is_iri(s->verb))
		return lcm_json_err(err, at, "verb.id", "not an IRI: '%s'",
				    lcm_err_quote(s->verb, q, sizeof(q)));
	s->verb_label = lang_pick(json_object_get(v, "display"), im->opts->lang);
	if (!(o = need_object(j, "object", "object", at, 1, err)) ||
	    object(s, o, im->opts->lang, at, err) < 0)
		return -1;
	if (strcmp(s->verb, VOIDED) == 0)
		return s->target ? 0 : lcm_json_err(err, at, "object", "a voiding statement"
						     " must point to a StatementRef");
	s->target = NULL;
	if (json_object_get(j, "timestamp") || json_object_get(j, "stored")) {
		if (lcm_json_time(im, j, json_object_get(j, "timestamp") ? "timestamp" : "stored",
				  at, &s->ts, err) < 0)
			return -1;
		s->has_ts = 1;
	}
	if ((r = need_object(j, "result", "result", at, 0, err)) && result(s, r, at, err) < 0)
		return -1;
	if (err->msg[0])
		return -1;
	if ((c = need_object(j, "context", "context", at, 0, err))) {
		context_places(s, json_object_get(c, "contextActivities"), im->opts->lang);
		ref = json_object_get(c, "statement");
		if (ref && (!json_is_string(json_object_get(ref, "id")) ||
			    !uuid(json_string_value(json_object_get(ref, "id")), &s->ref)))
			return lcm_json_err(err, at, "context.statement.id",
					    "not a statement id (UUID)");
		s->ref_id = ref ? s->ref.data : NULL;
	} else if (err->msg[0]) {
		return -1;
	}
	moodle_forum(s);
	s->post = s->opens || (verb_word(s->verb, post_verbs) && s->response);
	s->asked = s->post && !s->opens &&
		   strcmp(verb_word(s->verb, post_verbs), "asked") == 0;
	s->state = s->activity ? verb_word(s->verb, done_verbs) : NULL;
	return 0;
}

/* The import's state, made on first use. */
static struct xstate *
xstate(struct lcm_import *im)
{
	struct xstate *x = im->state;

	if (!x) {
		x = lcm_xcalloc(1, sizeof(*x));
		lcm_strmap_init(&x->labelled);
		lcm_strmap_init(&x->items);
		lcm_strmap_init(&x->places);
		im->state = x;
	}
	return x;
}

/* Puts key in a cache map, emptying it first when it is full. */
static void
cache_put(struct lcm_strmap *m, const char *key, int64_t v)
{
	if (m->len >= CACHE_MAX) {
		lcm_strmap_release(m);
		lcm_strmap_init(m);
	}
	lcm_strmap_put(m, key, v);
}

/* A term and its display name, the label written once per import. */
static int
term(struct lcm_import *im, struct stmt *s, const char *text, const char *label,
     int64_t *id, struct lcm_err *err)
{
	struct xstate *x = im->state;

	if (lcm_store_term(im->st, text, id, err) < 0)
		return -1;
	if (!label)
		return 0;
	lcm_buf_reset(&s->key);
	lcm_buf_printf(&s->key, "%lld\x1f%s", (long long)*id, label);
	if (lcm_strmap_get(&x->labelled, s->key.data, id))
		return 0;
	if (lcm_store_term_label(im->st, *id, label, err) < 0)
		return -1;
	cache_put(&x->labelled, s->key.data, *id);
	return 0;
}

/* A course ('c') or forum ('f') of the statements, cached. */
static int
place(struct lcm_import *im, struct stmt *s, char kind, const char *ext,
      const char *name, int64_t course, int64_t *id, struct lcm_err *err)
{
	struct xstate *x = im->state;

	*id = 0;
	if (!ext)
		return 0;
	lcm_buf_reset(&s->key);
	lcm_buf_printf(&s->key, "%c\x1f%s", kind, ext);
	if (lcm_strmap_get(&x->places, s->key.data, id))
		return 0;
	if ((kind == 'c' ? lcm_store_course(im->st, PLATFORM, ext, name ? name : ext, id, err)
	     : lcm_store_forum(im->st, PLATFORM, ext, course, name ? name : ext, id, err)) < 0)
		return -1;
	cache_put(&x->places, s->key.data, *id);
	return 0;
}

/* The time an earlier import gave a statement without one, or now. */
static int
known_time(struct lcm_import *im, struct stmt *s, struct lcm_err *err)
{
	struct xstate *x = im->state;
	int64_t home;
	int rc;

	s->ts = im->opts->now;
	if (!x->ts_of && !(x->ts_of = lcm_store_prepare(im->st,
		"SELECT ts FROM event WHERE origin BETWEEN ?2 AND ?3 AND platform = 'xapi'"
		" AND external_id = ?1 UNION ALL SELECT created FROM post WHERE"
		" platform = 'xapi' AND external_id = ?1 LIMIT 1", err)))
		return -1;
	sqlite3_bind_text(x->ts_of, 1, s->id.data, -1, SQLITE_STATIC);
	home = lcm_origin_key("xapi", s->id.data);
	sqlite3_bind_int64(x->ts_of, 2, home);
	sqlite3_bind_int64(x->ts_of, 3, home + LCM_ORIGIN_PROBES - 1);
	rc = sqlite3_step(x->ts_of);
	if (rc == SQLITE_ROW)
		s->ts = sqlite3_column_int64(x->ts_of, 0);
	sqlite3_reset(x->ts_of);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lcm_store_fail(im->st, err, "cannot look up a statement");
	return 0;
}

/*
 * Makes the posts of thread tid that stood for its opening post until
 * it came (without a parent, or replying to the one that stood for it,
 * was) replies to the opening post opener; they are linked by the
 * driver's lcm_store_link_parents at the end of the file. 0 or -1.
 */
static int
adopt_replies(struct lcm_import *im, int64_t tid, const char *opener, const char *was,
	      struct lcm_err *err)
{
	sqlite3_stmt *q = lcm_store_prepare(im->st, "UPDATE post SET parent_ext = ?1,"
		" parent_id = NULL, subject = NULL WHERE thread_id = ?2 AND platform = 'xapi'"
		" AND external_id <> ?1 AND (parent_ext IS NULL OR parent_ext = ?3)", err);
	int rc;

	if (!q)
		return -1;
	sqlite3_bind_text(q, 1, opener, -1, SQLITE_STATIC);
	sqlite3_bind_int64(q, 2, tid);
	sqlite3_bind_text(q, 3, was, -1, SQLITE_STATIC);
	rc = sqlite3_step(q);
	sqlite3_finalize(q);
	return rc == SQLITE_DONE ? 0 : lcm_store_fail(im->st, err, "cannot link replies"
						       " to their discussion");
}

/* A post: in the thread of the statement it answers, else of its object. */
static int
write_post(struct lcm_import *im, struct stmt *s, int64_t person, int64_t course,
	   struct lcm_err *err)
{
	struct lcm_thread t = { 0 };
	struct lcm_post p = { 0 };
	const char *word = s->opens ? "posted" : verb_word(s->verb, post_verbs);
	int64_t forum, tid = 0, id;
	enum lcm_outcome o;
	struct lcm_buf root;
	int found = 0, rc = -1;

	lcm_buf_init(&root);
	if (place(im, s, 'f', s->forum, s->forum_name, course, &forum, err) < 0)
		goto out;
	if (s->ref_id && lcm_store_post_find(im->st, PLATFORM, s->ref_id, NULL, &tid, err) < 0)
		goto out;
	p.parent_ext = s->ref_id;
	t.platform = PLATFORM;
	t.external_id = s->thread ? s->thread : s->obj.data;
	t.forum_id = forum;
	if (!tid) {
		if (lcm_in_thread(im, &t, 0, &tid, err) < 0 ||
		    (found = lcm_store_thread_root(im->st, tid, &root, err)) < 0)
			goto out;
		/* an answer without a reference replies to the opening post */
		if (!s->ref_id && found && strcmp(root.data, s->id.data) != 0 &&
		    strcmp(word, "asked") != 0 && strcmp(word, "posted") != 0)
			p.parent_ext = root.data;
	}
	if (!p.parent_ext) {
		t.title = s->thread_title ? s->thread_title
			  : s->obj_label ? s->obj_label : s->obj.data;
		t.author_id = person;
		t.created = s->ts;
		t.has_created = 1;
		if (lcm_in_thread(im, &t, 1, &tid, err) < 0)
			goto out;
	}
	p.platform = PLATFORM;
	p.external_id = s->id.data;
	p.thread_id = tid;
	p.author_id = person;
	p.created = s->ts;
	p.subject = p.parent_ext ? NULL : s->obj_label;
	p.body = s->response;
	p.words = lcm_text_words(s->response);
	p.is_question = s->asked || lcm_text_is_question(s->response);
	if (lcm_store_post(im->st, &p, &id, &o, err) < 0)
		goto out;
	lcm_in_count(im, LCM_K_POST, o);
	/* replies came first, the first of them standing for the opening post */
	if (s->opens && found && strcmp(root.data, s->id.data) != 0 &&
	    adopt_replies(im, tid, s->id.data, root.data, err) < 0)
		goto out;
	rc = 0;
out:
	lcm_buf_release(&root);
	return rc;
}

/* An event, and a completion of the object for the completion verbs. */
static int
write_event(struct lcm_import *im, struct stmt *s, int64_t person, int64_t course,
	    struct lcm_err *err)
{
	struct xstate *x = im->state;
	struct lcm_event e = { 0 };
	struct lcm_item it = { 0 };
	enum lcm_outcome o;
	int64_t item;

	e.platform = PLATFORM;
	e.external_id = s->id.data;
	e.person_id = person;
	e.course_id = course;
	e.ts = s->ts;
	if (term(im, s, s->verb, s->verb_label, &e.verb, err) < 0 ||
	    term(im, s, s->obj.data, s->obj_label, &e.object, err) < 0 ||
	    lcm_store_event(im->st, &e, &o, err) < 0)
		return -1;
	lcm_in_count(im, LCM_K_EVENT, o);
	if (!s->state)
		return 0;
	if (!lcm_strmap_get(&x->items, s->obj.data, &item)) {
		it.platform = PLATFORM;
		it.external_id = s->obj.data;
		it.title = s->obj_label;
		it.url = strncmp(s->obj.data, "http", 4) == 0 ? s->obj.data : NULL;
		if (lcm_store_item(im->st, &it, &item, &o, err) < 0)
			return -1;
		lcm_in_count(im, LCM_K_ITEM, o);
		cache_put(&x->items, s->obj.data, item);
	}
	if (lcm_store_completion_latest(im->st, person, item, s->state, s->ts,
					s->score, s->has_score, &o, err) < 0)
		return -1;
	lcm_in_count(im, LCM_K_COMPLETION, o);
	return 0;
}

/* Whether the store voids any statement: most void none, then no look-ups. */
static int
any_voided(struct lcm_import *im, struct xstate *x, struct lcm_err *err)
{
	sqlite3_stmt *q = lcm_store_prepare(im->st,
		"SELECT EXISTS(SELECT 1 FROM voided WHERE platform = 'xapi')", err);
	int rc;

	if (!q)
		return -1;
	rc = sqlite3_step(q);
	if (rc == SQLITE_ROW)
		x->any_voided = sqlite3_column_int(q, 0);
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW)
		return lcm_store_fail(im->st, err, "cannot read voided statements");
	x->voided_known = 1;
	return 0;
}

/* Writes a checked statement. */
static int
write_stmt(struct lcm_import *im, struct stmt *s, struct lcm_err *err)
{
	struct xstate *x = im->state;
	int64_t person, course;
	int found;

	if (!x->voided_known && any_voided(im, x, err) < 0)
		return -1;
	if (s->target) {
		x->any_voided = 1;
		return lcm_store_void(im->st, PLATFORM, s->target, &found, err);
	}
	if (x->any_voided && (found = lcm_store_is_voided(im->st, PLATFORM, s->id.data, err)))
		return found < 0 ? -1 : 0;
	if (!s->has_ts && known_time(im, s, err) < 0)
		return -1;
	if (lcm_in_person(im, &s->actor, &person, err) < 0 ||
	    place(im, s, 'c', s->course, s->course_name, 0, &course, err) < 0)
		return -1;
	if (!course && lcm_in_course(im, PLATFORM, NULL, &course, err) < 0)
		return -1;
	return s->post ? write_post(im, s, person, course, err)
		       : write_event(im, s, person, course, err);
}

/* One statement: checked whole, then written. */
static int
statement(struct lcm_import *im, json_t *j, const struct lcm_json_at *at,
	  struct lcm_err *err)
{
	struct stmt s;
	int rc;

	memset(&s, 0, sizeof(s));
	lcm_buf_init(&s.id);
	lcm_buf_init(&s.ext);
	lcm_buf_init(&s.email);
	lcm_buf_init(&s.obj);
	lcm_buf_init(&s.key);
	lcm_buf_init(&s.ref);
	rc = parse(im, j, &s, at, err);
	if (rc == 0)
		rc = write_stmt(im, &s, err);
	lcm_buf_release(&s.id);
	lcm_buf_release(&s.ext);
	lcm_buf_release(&s.email);
	lcm_buf_release(&s.obj);
	lcm_buf_release(&s.key);
	lcm_buf_release(&s.ref);
	return rc;
}

/* Each statement of an array, as "PATH[i]". */
static int
each(struct lcm_import *im, json_t *list, const char *path, long line,
     struct lcm_err *err)
{
	struct lcm_json_at at = { line, NULL, NULL, 0 };
	struct lcm_buf b;
	json_t *v;
	size_t i;
	int rc = 0;

	lcm_buf_init(&b);
	json_array_foreach(list, i, v) {
		lcm_buf_reset(&b);
		lcm_buf_printf(&b, "%s[%zu]", path, i);
		at.path = b.data;
		if ((rc = lcm_json_feed(im, statement, v, &at, err)) < 0)
			break;
	}
	lcm_buf_release(&b);
	return rc;
}

/* A top-level value: an array, an LRS page, or one statement. */
static int
doc(struct lcm_import *im, json_t *v, const struct lcm_json_at *at,
    struct lcm_err *err)
{
	json_t *list = json_object_get(v, "statements");

	xstate(im);
	if (json_is_array(v))
		return each(im, v, at->path, at->line, err);
	if (list && !json_is_array(list)) {
		lcm_json_err(err, at, "statements", "expected an array, found %s",
			     lcm_json_kind(list));
		lcm_err_locate(err, im->file, at->line);
		return -1;
	}
	if (list)
		return each(im, list, "statements", at->line, err);
	return lcm_json_feed(im, statement, v, at, err);
}

/* Frees the import's state (caches, the prepared look-up). */
static int
finish(struct lcm_import *im, int ok, struct lcm_err *err)
{
	struct xstate *x = im->state;

	(void)ok;
	(void)err;
	if (!x)
		return 0;
	lcm_strmap_release(&x->labelled);
	lcm_strmap_release(&x->items);
	lcm_strmap_release(&x->places);
	sqlite3_finalize(x->ts_of);
	free(x);
	im->state = NULL;
	return 0;
}

const struct lcm_input_format lcm_fmt_xapi = {
	"xapi", PLATFORM, NULL, 0, NULL, finish, doc
};
