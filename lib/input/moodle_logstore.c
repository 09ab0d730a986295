/*
 * moodle_logstore.c - Moodle's log table, mdl_logstore_standard_log,
 * exported from the database: CSV or TSV with the table's columns as
 * the header (moodle/moodle admin/tool/log/store/standard/db/install.xml),
 * as `mysql -B`, `psql -c "\copy ... TO ... (FORMAT csv, HEADER)"`,
 * COPY's text format or phpMyAdmin write it.
 *
 * A row is an event: its id the table's id, its person the Moodle user
 * id (the same person as in forum exports and participant lists), its
 * verb the event's class name (\mod_forum\event\post_created), its
 * object the context it happened in (cm:3364, course:36, ...), its course
 * courseid. NULL is \N, NULL or an empty cell. The dumps that escape
 * with backslashes (mysql -B, COPY's text format) are told by the event
 * name, which starts with one backslash in Moodle and two once escaped.
 * `other` is PHP-serialised, or JSON where the store's jsonformat
 * setting is on (tool_log's reader::decode_other tells them the same
 * way: "N;" or "x:" is PHP); it is checked, and a login's username is
 * kept from it for --link-by username.
 */
#include "input/input.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

enum { ID, EVENTNAME, COMPONENT, ACTION, TARGET, OBJECTTABLE, OBJECTID, CRUD,
	EDULEVEL, CONTEXTID, CONTEXTLEVEL, CONTEXTINSTANCEID, USERID, COURSEID,
	RELATEDUSERID, ANONYMOUS, OTHER, TIMECREATED, ORIGIN, IP, REALUSERID, NCOLS };

/* The columns a log row needs to be one, and so that the table is told apart. */
static const struct lcm_column cols[NCOLS] = {
	[ID] = { "id", 1 }, [EVENTNAME] = { "eventname", 1 },
	[COMPONENT] = { "component", 0 }, [ACTION] = { "action", 0 },
	[TARGET] = { "target", 0 }, [OBJECTTABLE] = { "objecttable", 0 },
	[OBJECTID] = { "objectid", 0 }, [CRUD] = { "crud", 1 },
	[EDULEVEL] = { "edulevel", 1 }, [CONTEXTID] = { "contextid", 0 },
	[CONTEXTLEVEL] = { "contextlevel", 1 },
	[CONTEXTINSTANCEID] = { "contextinstanceid", 1 },
	[USERID] = { "userid", 1 }, [COURSEID] = { "courseid", 0 },
	[RELATEDUSERID] = { "relateduserid", 0 }, [ANONYMOUS] = { "anonymous", 0 },
	[OTHER] = { "other", 0 }, [TIMECREATED] = { "timecreated", 1 },
	[ORIGIN] = { "origin", 0 }, [IP] = { "ip", 0 },
	[REALUSERID] = { "realuserid", 0 },
};

/* The names of a column, for messages. */
static const char *const names[NCOLS] = {
	"id", "eventname", "component", "action", "target", "objecttable",
	"objectid", "crud", "edulevel", "contextid", "contextlevel",
	"contextinstanceid", "userid", "courseid", "relateduserid", "anonymous",
	"other", "timecreated", "origin", "ip", "realuserid",
};

/* Moodle's SITEID: the front page, no course of its own. */
#define SITEID 1

/* 1 when a cell is SQL's NULL as the dumps write it. */
static int
is_null(const char *v)
{
	return !v || !*v || strcmp(v, "\\N") == 0 || strcmp(v, "NULL") == 0;
}

/*
 * A backslash-escaped cell (mysql -B, COPY's text format) as its text
 * into b: \\ \t \n \r \0 and \N (NULL, then NULL is returned). Returns
 * b->data (or v itself when it has no escape), or NULL for NULL.
 */
static const char *
unescape(const char *v, struct lcm_buf *b)
{
	lcm_buf_reset(b);
	if (!v || strcmp(v, "\\N") == 0)
		return NULL;
	/* most cells hold no backslash: no copy */
	if (!strchr(v, '\\'))
		return v;
	lcm_buf_adds(b, "");
	for (; *v; v++) {
		if (*v != '\\' || !v[1]) {
			lcm_buf_addc(b, *v);
			continue;
		}
		switch (*++v) {
		case 't': lcm_buf_addc(b, '\t'); break;
		case 'n': lcm_buf_addc(b, '\n'); break;
		case 'r': lcm_buf_addc(b, '\r'); break;
		case '0': break;	/* a NUL: nothing a C string can hold */
		default: lcm_buf_addc(b, *v); break;
		}
	}
	return b->data;
}

/* An integer column that may be NULL (*out 0 then). */
static int
opt_int(int col, const char *v, int64_t *out, struct lcm_err *err)
{
	*out = 0;
	if (is_null(v))
		return 0;
	return lcm_in_int(names[col], v, out, err);
}

/* PHP's serialize() (the grammar of ext/standard/var_unserializer.re). */

/* A length "N:" at *p; -1 when there is none. */
static long
php_len(const char **p, const char *end)
{
	long n = 0;
	const char *s = *p;

	if (s == end || *s < '0' || *s > '9')
		return -1;
	while (s < end && *s >= '0' && *s <= '9' && n < 100000000)
		n = n * 10 + (*s++ - '0');
	if (s == end || *s != ':')
		return -1;
	*p = s + 1;
	return n;
}

/* Skips "c" at *p; 0 or -1. */
static int
php_lit(const char **p, const char *end, char c)
{
	if (*p == end || **p != c)
		return -1;
	(*p)++;
	return 0;
}

/* A string "s:N:\"...\"" body (after "s:"): *str and *n point into it. */
static int
php_str(const char **p, const char *end, const char **str, long *n)
{
	*n = php_len(p, end);
	if (*n < 0 || php_lit(p, end, '"') < 0 || end - *p < *n + 1)
		return -1;
	*str = *p;
	*p += *n;
	return php_lit(p, end, '"');
}

static int php_value(const char **p, const char *end, int depth,
		     const char **user, long *userlen);

/*
 * The n key/value pairs of an array or object, then '}'. With user
 * not NULL (the top level), the value of key "username" if a string.
 */
static int
php_pairs(const char **p, const char *end, long n, int depth, const char **user,
	  long *userlen)
{
	const char *key = NULL, *vs, *before;
	long klen = 0, i;

	for (i = 0; i < n; i++) {
		if (end - *p < 2)
			return -1;
		before = *p;
		if (php_value(p, end, depth + 1, NULL, NULL) < 0)
			return -1;
		/* keys are integers or strings */
		if (before[0] != 'i' && before[0] != 's')
			return -1;
		key = before[0] == 's' ? before : NULL;
		if (key) {
			vs = key + 2;
			php_str(&vs, end, &key, &klen);
		}
		if (user && key && klen == 8 && memcmp(key, "username", 8) == 0 &&
		    *p < end && **p == 's') {
			vs = *p + 2;
			if (*p + 1 < end && (*p)[1] == ':' && php_str(&vs, end, user, userlen) < 0)
				return -1;
		}
		if (php_value(p, end, depth + 1, NULL, NULL) < 0)
			return -1;
	}
	return php_lit(p, end, '}');
}

/* One serialised value at *p, skipped; 0 or -1 (not well-formed). */
static int
php_value(const char **p, const char *end, int depth, const char **user,
	  long *userlen)
{
	const char *s;
	long n;
	char t;

	if (depth > 64 || end - *p < 2)
		return -1;
	t = **p;
	if (t == 'N')
		return (*p)[1] == ';' ? (*p += 2, 0) : -1;
	if ((*p)[1] != ':')
		return -1;
	*p += 2;
	switch (t) {
	case 'b': case 'i': case 'd': case 'r': case 'R':
		/* a number: up to the ';' (d may be INF, NAN, 1.0E+25) */
		s = memchr(*p, ';', (size_t)(end - *p));
		if (!s || s == *p)
			return -1;
		*p = s + 1;
		return 0;
	case 's':
		return php_str(p, end, &s, &n) < 0 ? -1 : php_lit(p, end, ';');
	case 'E':	/* an enum case: E:N:"Class:Case"; */
		return php_str(p, end, &s, &n) < 0 ? -1 : php_lit(p, end, ';');
	case 'a':
		if ((n = php_len(p, end)) < 0 || php_lit(p, end, '{') < 0)
			return -1;
		return php_pairs(p, end, n, depth, user, userlen);
	case 'O':	/* O:8:"stdClass":N:{...} */
		if (php_str(p, end, &s, &n) < 0 || php_lit(p, end, ':') < 0 ||
		    (n = php_len(p, end)) < 0 || php_lit(p, end, '{') < 0)
			return -1;
		return php_pairs(p, end, n, depth, user, userlen);
	case 'C':	/* C:N:"Class":N:{raw} */
		if (php_str(p, end, &s, &n) < 0 || php_lit(p, end, ':') < 0 ||
		    (n = php_len(p, end)) < 0 || php_lit(p, end, '{') < 0 || end - *p < n)
			return -1;
		*p += n;
		return php_lit(p, end, '}');
	default:
		return -1;
	}
}

/*
 * Checks `other` (PHP-serialised, or JSON) and finds a "username" key
 * of its top level into user (empty when none). 0, or -1 with err.
 */
static int
other(const char *v, struct lcm_buf *user, struct lcm_err *err)
{
	const char *p = v, *end, *u = NULL;
	json_error_t jerr;
	json_t *j;
	long n = 0;
	char q[64];

	lcm_buf_reset(user);
	lcm_buf_adds(user, "");
	if (is_null(v))
		return 0;
	end = v + strlen(v);
	if (strcmp(v, "N;") == 0 || (v[0] && v[1] == ':')) {
		if (php_value(&p, end, 0, &u, &n) < 0 || p != end)
			return lcm_error(err, "column 'other': not PHP-serialised data"
					 " (cut short?): '%s'", lcm_err_quote(v, q, sizeof(q)));
		if (u)
			lcm_buf_add(user, u, (size_t)n);
		return 0;
	}
	if (!(j = json_loads(v, JSON_DECODE_ANY, &jerr)))
		return lcm_error(err, "column 'other': neither PHP-serialised nor JSON:"
				 " '%s'", lcm_err_quote(v, q, sizeof(q)));
	if ((u = lcm_json_str(j, "username")))
		lcm_buf_adds(user, u);
	json_decref(j);
	return 0;
}

/* The row's object: the context it happened in, as "cm:3364". */
static void
context(const char *level, const char *instance, struct lcm_buf *b)
{
	static const struct { const char *level, *name; } kinds[] = {
		{ "10", "system" }, { "30", "user" }, { "40", "category" },
		{ "50", "course" }, { "70", "cm" }, { "80", "block" },
	};
	size_t i;

	lcm_buf_reset(b);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(level, kinds[i].level) == 0) {
			if (i == 0)
				lcm_buf_adds(b, "system");
			else
				lcm_buf_printf(b, "%s:%s", kinds[i].name, instance);
			return;
		}
	lcm_buf_printf(b, "context%s:%s", level, instance);
}

/* What one import keeps from row to row. */
struct state {
	struct lcm_buf cell[NCOLS];	/* the row's unescaped cells */
	struct lcm_buf object, user;
	int64_t course, course_id;	/* the last course met and its store id */
};

static int
row(struct lcm_import *im, const char *const *raw, struct lcm_err *err)
{
	struct state *s = im->state;
	struct lcm_person p = { 0 };
	struct lcm_event e = { 0 };
	const char *v[NCOLS];
	int64_t id, uid, course, level, anon = 0;
	enum lcm_outcome o;
	int i, escaped;
	char q[64];

	if (!s) {
		s = im->state = lcm_xcalloc(1, sizeof(*s));
		for (i = 0; i < NCOLS; i++)
			lcm_buf_init(&s->cell[i]);
		lcm_buf_init(&s->object);
		lcm_buf_init(&s->user);
	}
	/* Moodle's names start with one backslash: two, and the dump escapes */
	escaped = raw[EVENTNAME] && strncmp(raw[EVENTNAME], "\\\\", 2) == 0;
	for (i = 0; i < NCOLS; i++)
		v[i] = escaped ? unescape(raw[i], &s->cell[i]) : raw[i];
	if (lcm_in_int("id", v[ID], &id, err) < 0 ||
	    lcm_in_need("eventname", is_null(v[EVENTNAME]) ? NULL : v[EVENTNAME], err) < 0 ||
	    lcm_in_int("userid", v[USERID], &uid, err) < 0 ||
	    lcm_in_int("contextlevel", v[CONTEXTLEVEL], &level, err) < 0 ||
	    lcm_in_need("contextinstanceid", v[CONTEXTINSTANCEID], err) < 0 ||
	    opt_int(COURSEID, v[COURSEID], &course, err) < 0 ||
	    opt_int(ANONYMOUS, v[ANONYMOUS], &anon, err) < 0)
		return -1;
	if (v[EVENTNAME][0] != '\\')
		return lcm_error(err, "column 'eventname': not a Moodle event class"
				 " (\\component\\event\\name): '%s'",
				 lcm_err_quote(v[EVENTNAME], q, sizeof(q)));
	if (lcm_in_need("timecreated", v[TIMECREATED], err) < 0)
		return -1;
	if (lcm_time_parse_epoch(v[TIMECREATED], &e.ts, err) < 0 ||
	    strspn(v[TIMECREATED], "-0123456789") != strlen(v[TIMECREATED]))
		return lcm_error(err, "column 'timecreated': not epoch seconds: '%s'",
				 lcm_err_quote(v[TIMECREATED], q, sizeof(q)));
	if (other(v[OTHER], &s->user, err) < 0)
		return -1;
	/* user 0 is nobody (not logged in, cron); an anonymous event names no one */
	if (uid > 0 && !anon) {
		p.platform = "moodle";
		p.external_id = v[USERID];
		/* a login says who the account is: its username */
		if (s->user.len && strcmp(v[EVENTNAME], "\\core\\event\\user_loggedin") == 0)
			p.username = s->user.data;
		if (lcm_in_person(im, &p, &e.person_id, err) < 0)
			return -1;
	}
	if (im->opts->course || course <= SITEID) {
		if (lcm_in_course(im, "moodle", NULL, &e.course_id, err) < 0)
			return -1;
	} else if (course == s->course) {
		/* a log runs in one course for a while: one look-up per run */
		e.course_id = s->course_id;
	} else if (lcm_in_course(im, "moodle", v[COURSEID], &e.course_id, err) < 0) {
		return -1;
	} else {
		s->course = course;
		s->course_id = e.course_id;
	}
	context(v[CONTEXTLEVEL], v[CONTEXTINSTANCEID], &s->object);
	if (lcm_store_term(im->st, v[EVENTNAME], &e.verb, err) < 0 ||
	    lcm_store_term(im->st, s->object.data, &e.object, err) < 0)
		return -1;
	e.platform = "moodle";
	/* the table's id, apart from the log report's ("t...") */
	lcm_buf_reset(&s->object);
	lcm_buf_printf(&s->object, "log:%lld", (long long)id);
	e.external_id = s->object.data;
	if (lcm_store_event(im->st, &e, &o, err) < 0)
		return -1;
	lcm_in_count(im, LCM_K_EVENT, o);
	return 0;
}

static int
finish(struct lcm_import *im, int ok, struct lcm_err *err)
{
	struct state *s = im->state;
	int i;

	(void)ok;
	(void)err;
	if (!s)
		return 0;
	for (i = 0; i < NCOLS; i++)
		lcm_buf_release(&s->cell[i]);
	lcm_buf_release(&s->object);
	lcm_buf_release(&s->user);
	free(s);
	im->state = NULL;
	return 0;
}

const struct lcm_input_format lcm_fmt_moodle_logstore = {
	.name = "moodle-logstore", .platform = "moodle",
	.cols = cols, .ncols = NCOLS, .row = row, .finish = finish
};
