/*
 * json_input.c - JSON inputs: the format found from the keys, then the
 * values fed to it, one at a time.
 *
 * A file whose first line (after blank and '#' lines) is a whole JSON
 * value is NDJSON: it is read line by line, each line parsed alone and
 * freed before the next, so memory does not grow with the file. Any
 * other file is one document, read whole, up to LCM_JSON_DOC_MAX bytes
 * (--max-json-size, which also bounds an NDJSON line). Nesting deeper
 * than Jansson's JSON_PARSER_MAX_DEPTH (2048, fixed when Jansson is
 * built) is refused by the parser.
 * Moodle's dataformat JSON ([[{...}]]) goes through the CSV formats' row
 * functions; the other formats take JSON values (input.h).
 */
#include "input/input.h"
#include "input/chat.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csv.h"
#include "sha256.h"
#include "size.h"
#include "xalloc.h"

/* A JSON scalar as text in buf; NULL for null/absent. */
static const char *
json_text(json_t *j, struct lcm_buf *buf)
{
	lcm_buf_reset(buf);
	if (!j || json_is_null(j))
		return NULL;
	if (json_is_string(j))
		lcm_buf_add(buf, json_string_value(j), json_string_length(j));
	else if (json_is_integer(j))
		lcm_buf_printf(buf, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
	else if (json_is_real(j))
		lcm_buf_printf(buf, "%.17g", json_real_value(j));
	else if (json_is_true(j))
		lcm_buf_addc(buf, '1');
	else if (json_is_false(j))
		lcm_buf_addc(buf, '0');
	else
		return NULL;
	return buf->data;
}

/* Value of the object's key matching any alias of names. */
static json_t *
json_column(json_t *obj, const char *names)
{
	const char *a = names, *end, *key;
	json_t *val;

	while (*a) {
		end = strchr(a, '|');
		if (!end)
			end = a + strlen(a);
		json_object_foreach(obj, key, val)
			if (lcm_input_header_is(key, a, (size_t)(end - a)))
				return val;
		a = *end ? end + 1 : end;
	}
	return NULL;
}

/* One JSON object as a row of a CSV format f. */
static int
json_row(struct lcm_import *im, const struct lcm_input_format *f, json_t *obj,
	 size_t sheet, size_t index, struct lcm_err *err)
{
	struct lcm_buf *bufs = lcm_xcalloc((size_t)f->ncols, sizeof(*bufs));
	const char **v = lcm_xcalloc((size_t)f->ncols, sizeof(*v));
	char name[64];
	int i, rc = -1;

	for (i = 0; i < f->ncols; i++)
		lcm_buf_init(&bufs[i]);
	if (!json_is_object(obj)) {
		lcm_error_at(err, im->file, 0, "sheet %zu, record %zu: not an object",
			     sheet, index);
		goto out;
	}
	for (i = 0; i < f->ncols; i++) {
		json_t *j = json_column(obj, f->cols[i].names);

		lcm_input_first_name(f->cols[i].names, name, sizeof(name));
		/* an array or an object is not a cell: say so, not "no key" */
		if (json_is_array(j) || json_is_object(j)) {
			lcm_error_at(err, im->file, 0, "sheet %zu, record %zu: key '%s':"
				     " expected a string or a number, found %s",
				     sheet, index, name, lcm_json_kind(j));
			goto out;
		}
		v[i] = json_text(j, &bufs[i]);
		if (!v[i] && f->cols[i].required) {
			lcm_error_at(err, im->file, 0, "sheet %zu, record %zu: no key '%s'",
				     sheet, index, name);
			goto out;
		}
	}
	rc = lcm_input_feed(im, f, v, 0, NULL, err);
	if (rc < 0 && err->msg[0] && !err->line) {
		char msg[sizeof(err->msg)];

		snprintf(msg, sizeof(msg), "%s", err->msg);
		snprintf(err->msg, sizeof(err->msg), "sheet %zu, record %zu: %.900s",
			 sheet, index, msg);
	}
out:
	for (i = 0; i < f->ncols; i++)
		lcm_buf_release(&bufs[i]);
	free(bufs);
	free(v);
	return rc;
}

/*
 * Moodle's dataformat JSON: an array of sheets, each an array of row
 * objects ([[{...}]]); a plain array of rows, or one row, is taken too.
 */
static int
rows_doc(struct lcm_import *im, const struct lcm_input_format *f, json_t *doc,
	 struct lcm_err *err)
{
	json_t *sheet, *row;
	size_t i, j;

	if (json_is_object(doc))
		return json_row(im, f, doc, 1, 1, err);
	if (!json_is_array(doc))
		return lcm_error_at(err, im->file, 0, "expected Moodle's [[{...}]] export");
	if (json_array_size(doc) && json_is_object(json_array_get(doc, 0))) {
		json_array_foreach(doc, j, row)
			if (json_row(im, f, row, 1, j + 1, err) < 0)
				return -1;
		return 0;
	}
	json_array_foreach(doc, i, sheet) {
		if (!json_is_array(sheet))
			return lcm_error_at(err, im->file, 0, "sheet %zu: not an array", i + 1);
		json_array_foreach(sheet, j, row)
			if (json_row(im, f, row, i + 1, j + 1, err) < 0)
				return -1;
	}
	return 0;
}

/* Helpers for the JSON formats: see input.h. */

const char *
lcm_json_kind(const json_t *j)
{
	if (!j)
		return "nothing";
	switch (json_typeof(j)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	default: return "null";
	}
}

const char *
lcm_json_path(struct lcm_buf *b, const struct lcm_json_at *at, const char *key,
	      long i)
{
	lcm_buf_reset(b);
	lcm_buf_adds(b, at->path ? at->path : "");
	if (key)
		lcm_buf_printf(b, "%s%s", b->len ? "." : "", key);
	else
		lcm_buf_printf(b, "[%ld]", i);
	return b->data;
}

int
lcm_json_err(struct lcm_err *err, const struct lcm_json_at *at, const char *key,
	     const char *fmt, ...)
{
	char msg[sizeof(err->msg)];
	const char *path = at && at->path ? at->path : "";
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!*path && !key)
		return lcm_error(err, "%s", msg);
	return lcm_error(err, "%s%s%s: %.800s", path, *path && key ? "." : "",
			 key ? key : "", msg);
}

const char *
lcm_json_str(const json_t *obj, const char *key)
{
	const json_t *j = json_object_get(obj, key);

	return json_is_string(j) && json_string_length(j) ? json_string_value(j) : NULL;
}

const char *
lcm_json_id(const json_t *j, struct lcm_buf *b)
{
	lcm_buf_reset(b);
	if (json_is_object(j))
		j = json_object_get(j, "$oid");
	if (json_is_string(j) && json_string_length(j))
		lcm_buf_add(b, json_string_value(j), json_string_length(j));
	else if (json_is_integer(j))
		lcm_buf_printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
	else
		return NULL;
	return b->data;
}

/*
 * Milliseconds since the epoch to seconds (rounding down) in *out, when
 * in the years 0 to 9999 that lcm_time_parse() takes; -1 otherwise (a
 * hostile value such as LLONG_MIN cannot be negated, nor subtracted
 * from now by the analyses).
 */
static int
from_ms(long long ms, int64_t *out)
{
	if (ms < -62167219200000LL || ms > 253402300799999LL)
		return -1;
	*out = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
	return 0;
}

int
lcm_json_time(const struct lcm_import *im, const json_t *obj, const char *key,
	      const struct lcm_json_at *at, int64_t *out, struct lcm_err *err)
{
	const json_t *j = json_object_get(obj, key), *d;
	struct lcm_err e;
	char q[64], *end;
	long long ms;

	(void)im;
	if (!j || json_is_null(j))
		return lcm_json_err(err, at, key, "missing");
	d = json_is_object(j) ? json_object_get(j, "$date") : j;
	if (json_is_object(d))		/* {"$date": {"$numberLong": "..."}} */
		d = json_object_get(d, "$numberLong");
	if (d != j && json_is_integer(d)) {
		if (from_ms(json_integer_value(d), out) < 0)
			return lcm_json_err(err, at, key, "time out of range (years 0 to 9999):"
					    " %" JSON_INTEGER_FORMAT " ms", json_integer_value(d));
		return 0;
	}
	if (d != j && json_is_string(d) && json_object_get(json_object_get(j, "$date"),
							   "$numberLong")) {
		errno = 0;
		ms = strtoll(json_string_value(d), &end, 10);
		if (!errno && *end == '\0' && end != json_string_value(d)) {
			if (from_ms(ms, out) < 0)
				return lcm_json_err(err, at, key, "time out of range (years 0"
						    " to 9999): %lld ms", ms);
			return 0;
		}
	}
	if (!json_is_string(d))
		return lcm_json_err(err, at, key, "not a time: found %s", lcm_json_kind(d));
	lcm_err_init(&e);
	if (lcm_time_parse_iso(json_string_value(d), out, &e) < 0)
		return lcm_json_err(err, at, key, "not an ISO 8601 time: '%s'",
				    lcm_err_quote(json_string_value(d), q, sizeof(q)));
	return 0;
}

void
lcm_json_hash(const void *p, size_t n, char out[33])
{
	unsigned char d[LCM_SHA256_LEN];

	lcm_sha256(p, n, d);
	lcm_hex(d, 16, out);
}

/* The record as one line for the rejects file, owned by the caller. */
static char *
raw_record(json_t *rec, const struct lcm_json_at *at)
{
	char *s;

	if (at->raw)
		return lcm_xstrndup(at->raw, at->rawlen);
	s = json_dumps(rec, JSON_COMPACT | JSON_ENCODE_ANY);
	if (!s)
		return lcm_xstrdup("");
	return s;
}

/* Writes a rejected record: "line,reason,record" as for CSV rows. */
static void
reject(struct lcm_import *im, long line, const char *why, char *raw)
{
	char num[32];
	const char *f[3];

	im->stats->rejected++;
	if (im->opts->rejects) {
		snprintf(num, sizeof(num), "%ld", line);
		f[0] = num;
		f[1] = why;
		f[2] = raw;
		lcm_csv_write_record(im->opts->rejects, f, 3, ',', 0);
	}
	free(raw);
}

int
lcm_json_feed(struct lcm_import *im,
	      int (*fn)(struct lcm_import *, json_t *, const struct lcm_json_at *,
			struct lcm_err *),
	      json_t *rec, const struct lcm_json_at *at, struct lcm_err *err)
{
	struct lcm_err e;

	im->stats->rows++;
	lcm_err_init(&e);
	if (fn(im, rec, at, &e) == 0)
		return 0;
	/* a store failure is never the record's fault: no skipping it */
	if (im->opts->skip_invalid && strncmp(e.msg, "store ", 6) != 0) {
		reject(im, at->line, e.msg, raw_record(rec, at));
		return 0;
	}
	*err = e;
	lcm_err_locate(err, im->file, at->line);
	return -1;
}

/* What JSON lcm reads, for the message of a file it does not. */
#define LCM_JSON_READS "lcm reads JSON of xapi, canvas-discussion, edx-forum," \
	" edx-tracking, moodle-forum, discord and discourse, Slack exports (their" \
	" directory or .zip), and the CSV formats of lcm-import(1) (or give --format)"

/* "arrays", "strings", ... : the plural of lcm_json_kind, for "an array of". */
static const char *
kinds(const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_ARRAY: return "arrays";
	case JSON_STRING: return "strings";
	case JSON_INTEGER:
	case JSON_REAL: return "numbers";
	case JSON_TRUE:
	case JSON_FALSE: return "booleans";
	default: return "nulls";
	}
}

/* 1 when obj has key. */
static int
has(const json_t *obj, const char *key)
{
	return json_object_get(obj, key) != NULL;
}

/*
 * What a JSON record no format reads looks like, from its keys, for
 * the message; NULL when it is nothing known. The exports of the
 * platforms lcm has seen (../shared/fixtures): Slack's users.json,
 * channels.json and day files (read as a whole export instead),
 * Discourse's topic list.
 */
static const char *
foreign(const json_t *e, int in_array)
{
	if (!json_is_object(e))
		return NULL;
	if (!in_array && has(e, "topic_list"))
		return "a Discourse topic list (it holds no posts: import the topics' JSON)";
	if (in_array && has(e, "ts") && has(e, "type"))
		return "Slack messages (a channel's day file: import the export's directory or .zip)";
	if (in_array && has(e, "id") && (has(e, "real_name") || has(e, "team_id") ||
					 has(e, "profile")))
		return "a Slack users list (users.json)";
	if (in_array && has(e, "id") && has(e, "created") &&
	    (has(e, "members") || has(e, "is_channel") || has(e, "is_group") ||
	     has(e, "is_im")))
		return "a Slack channels list (channels.json, groups.json, dms.json)";
	return NULL;
}

/* The format of a JSON value, from its keys (or its first element's). */
static const struct lcm_input_format *
detect(const json_t *v)
{
	const json_t *e = v;

	if (json_is_array(v)) {
		e = json_array_get(v, 0);
		if (json_is_array(e))
			return &lcm_fmt_moodle_forum;	/* sheets of rows */
	}
	if (!json_is_object(e))
		return NULL;
	if (json_is_array(json_object_get(e, "statements")) ||
	    (has(e, "actor") && has(e, "verb")))
		return &lcm_fmt_xapi;
	if (e == v && (json_is_array(json_object_get(e, "view")) ||
		       json_is_array(json_object_get(e, "participants"))))
		return &lcm_fmt_canvas_discussion;
	if (has(e, "_type") || has(e, "comment_thread_id") || has(e, "thread_type"))
		return &lcm_fmt_edx_forum;
	if (has(e, "event_type") || (has(e, "event") && has(e, "time")))
		return &lcm_fmt_edx_tracking;
	if (has(e, "discussion") && has(e, "userid"))
		return &lcm_fmt_moodle_forum;
	if (e == v && has(e, "guild") && has(e, "channel") && has(e, "messages"))
		return &lcm_fmt_discord;
	if (e == v && (has(e, "post_stream") || has(e, "latest_posts")))
		return &lcm_fmt_discourse;
	if (has(e, "messageType") && has(e, "createdDateTime"))
		return &lcm_fmt_teams;
	if (e == v && json_is_object(json_array_get(json_object_get(e, "value"), 0)) &&
	    has(json_array_get(json_object_get(e, "value"), 0), "messageType"))
		return &lcm_fmt_teams;
	/* Slack's users have "id" and "deleted", as Canvas's entries */
	if (foreign(e, e != v))
		return NULL;
	/* Canvas's entry lists: .../entries, .../replies, .../entry_list */
	if (has(e, "user_id") || (has(e, "id") && (has(e, "message") || has(e, "deleted"))))
		return &lcm_fmt_canvas_discussion;
	return NULL;
}

/*
 * "not a format lcm reads: looks like WHAT (keys: 'a', 'b' ...); lcm
 * reads: the JSON formats (or give --format)".
 */
static int
unknown(struct lcm_import *im, const json_t *v, long line, struct lcm_err *err)
{
	const json_t *e = json_is_array(v) ? json_array_get(v, 0) : v;
	const char *what = foreign(e, e != v);
	struct lcm_buf keys;
	const char *key;
	json_t *val;
	int n = 0;

	if (json_is_array(v) && !e)
		return lcm_error_at(err, im->file, line,
				    "empty JSON array: nothing to import");
	lcm_buf_init(&keys);
	if (json_is_object(e))
		json_object_foreach((json_t *)e, key, val) {
			if (n++ == 6) {
				lcm_buf_adds(&keys, ", ...");
				break;
			}
			lcm_buf_printf(&keys, "%s'%.40s'", n > 1 ? ", " : "", key);
		}
	if (!json_is_object(e))
		lcm_error_at(err, im->file, line, "not a format lcm reads: looks like %s%s;"
			     " %s", e == v ? "" : "an array of ",
			     e == v ? lcm_json_kind(e) : kinds(e), LCM_JSON_READS);
	else
		lcm_error_at(err, im->file, line, "not a format lcm reads: looks like %s"
			     " (keys: %s); %s", what ? what : e == v ? "an object" :
			     "an array of objects", n ? keys.data : "none", LCM_JSON_READS);
	lcm_buf_release(&keys);
	return -1;
}

/* Hands one top-level value to format f. */
static int
feed_value(struct lcm_import *im, const struct lcm_input_format *f, json_t *v,
	   const struct lcm_json_at *at, struct lcm_err *err)
{
	if (f->json)
		return f->json(im, v, at, err);
	if (f == &lcm_fmt_moodle_forum)
		return rows_doc(im, f, v, err);
	return lcm_error_at(err, im->file, at->line, "format %s is read from CSV only",
			    f->name);
}

/* Picks the format for the first value (forced or detected). */
static const struct lcm_input_format *
choose(struct lcm_import *im, const json_t *v, long line, struct lcm_err *err)
{
	const struct lcm_input_format *f;

	if (im->opts->format)
		return lcm_input_format_by_name(im->opts->format);
	if (!(f = detect(v)))
		unknown(im, v, line, err);
	return f;
}

/* Jansson's message, with a hint for the usual hand-made mistakes. */
static int
bad_json(struct lcm_import *im, long line, const json_error_t *jerr,
	 struct lcm_err *err)
{
	const char *hint = "";

	/* a NUL, raw or escaped, would cut the string short: refused */
	if (strstr(jerr->text, "\\u0000"))
		return lcm_error_at(err, im->file, line, "invalid JSON: \\u0000 (NUL)"
				    " in a string at column %d", jerr->column);
	if (strstr(jerr->text, "near ']'") || strstr(jerr->text, "near '}'"))
		hint = " (a trailing comma?)";
	else if (strstr(jerr->text, "control character 0x0 "))
		hint = " (a NUL byte: not a text file?)";
	else if (strstr(jerr->text, "control character"))
		hint = " (a line break inside a string?)";
	return lcm_error_at(err, im->file, line, "invalid JSON: %s at column %d%s",
			    jerr->text, jerr->column, hint);
}

/* 1 when a line is blank or a '#' comment. */
static int
skip_line(const char *s, size_t n)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	return n == 0 || *s == '#';
}

/*
 * Reads a line into *buf (grown, *cap its size), at most max bytes
 * before its line end. Returns its length, -1 at the end of the file,
 * -2 when it is longer (found without holding more than max + 2 bytes
 * of it), -3 when it holds a NUL byte. Byte by byte: fgets() could not
 * tell a NUL from the end of what it read, and would cut the line there
 * unseen.
 */
static ssize_t
read_line(FILE *fp, char **buf, size_t *cap, size_t max)
{
	size_t len = 0, text;
	int c;

	if (!*buf) {
		*cap = 4096;
		*buf = lcm_xmalloc(*cap);
	}
	while ((c = getc_unlocked(fp)) != EOF) {
		if (c == '\0')
			return -3;
		if (len + 2 > *cap) {
			*cap *= 2;
			*buf = lcm_xrealloc(*buf, *cap);
		}
		(*buf)[len++] = (char)c;
		if (c == '\n')
			break;
		if (len > max + 1)
			return -2;
	}
	(*buf)[len] = '\0';
	if (!len)
		return -1;
	text = len - ((*buf)[len - 1] == '\n');
	text -= text && (*buf)[text - 1] == '\r';
	return text > max ? -2 : (ssize_t)len;
}

/* Strips the line's "\n" or "\r\n" (and a UTF-8 BOM on line 1). */
static char *
chomp(char *s, ssize_t *n, long lineno)
{
	while (*n && (s[*n - 1] == '\n' || s[*n - 1] == '\r'))
		s[--*n] = '\0';
	if (lineno == 1 && *n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		*n -= 3;
		return s + 3;
	}
	return s;
}

/* The most bytes of a document or line: --max-json-size, or the default. */
static size_t
json_max(const struct lcm_import *im)
{
	return im->opts->max_json ? im->opts->max_json : LCM_JSON_DOC_MAX;
}

#define NUL_BYTE "NUL byte in the text: not a text file, or UTF-16 (JSON is" \
	" read as UTF-8)"

/* The rest of an NDJSON file after its first value. */
static int
ndjson_rest(struct lcm_import *im, const struct lcm_input_format *f, FILE *fp,
	    char **line, size_t *cap, long lineno, struct lcm_err *err)
{
	struct lcm_json_at at = { 0, "", NULL, 0 };
	json_error_t jerr;
	json_t *v;
	ssize_t n;
	char *s, size[32];
	int rc;

	while ((n = read_line(fp, line, cap, json_max(im))) >= 0) {
		s = chomp(*line, &n, ++lineno);
		if (skip_line(s, (size_t)n))
			continue;
		v = json_loadb(s, (size_t)n, JSON_REJECT_DUPLICATES, &jerr);
		if (!v) {
			if (!im->opts->skip_invalid)
				return bad_json(im, lineno, &jerr, err);
			im->stats->rows++;
			reject(im, lineno, jerr.text, lcm_xstrndup(s, (size_t)n));
			continue;
		}
		at.line = lineno;
		at.raw = s;
		at.rawlen = (size_t)n;
		rc = feed_value(im, f, v, &at, err);
		json_decref(v);
		if (rc < 0)
			return -1;
	}
	if (n == -2)
		return lcm_error_at(err, im->file, lineno + 1, "line longer than %s"
				    " (raise it with --max-json-size)",
				    lcm_size_format(json_max(im), size, sizeof(size)));
	if (n == -3)
		return lcm_error_at(err, im->file, lineno + 1, NUL_BYTE);
	return 0;
}

#define TOO_BIG "a single JSON document larger than %s is not read whole:" \
	" give it as NDJSON, one record per line (e.g. jq -c '.[]' or '.statements[]')," \
	" or raise --max-json-size"

/* The whole document: what was read of it (b), then the rest of fp. */
static json_t *
read_doc(struct lcm_import *im, FILE *fp, struct lcm_buf *b, long first,
	 struct lcm_err *err)
{
	char chunk[65536], size[32];
	json_error_t jerr;
	size_t n;
	json_t *doc;

	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		if (b->len + n > json_max(im)) {
			lcm_error_at(err, im->file, 0, TOO_BIG,
				     lcm_size_format(json_max(im), size, sizeof(size)));
			return NULL;
		}
		lcm_buf_add(b, chunk, n);
	}
	if (ferror(fp)) {
		lcm_error_at(err, im->file, 0, "read error: %s", strerror(errno));
		return NULL;
	}
	doc = json_loadb(b->data, b->len, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc)
		bad_json(im, jerr.line + first - 1, &jerr, err);
	return doc;
}

int
lcm_import_json(struct lcm_import *im, FILE *fp, long skipped,
		const struct lcm_input_format **f_out, struct lcm_err *err)
{
	struct lcm_json_at at = { 0, "", NULL, 0 };
	const struct lcm_input_format *f;
	char *line = NULL, *s = NULL, size[32];
	size_t cap = 0;
	ssize_t n = -1;
	long lineno = skipped;
	json_error_t jerr;
	json_t *v = NULL;
	struct lcm_buf doc;
	int rc = -1;

	lcm_buf_init(&doc);
	while ((n = read_line(fp, &line, &cap, json_max(im))) >= 0) {
		s = chomp(line, &n, ++lineno);
		if (!skip_line(s, (size_t)n))
			break;
	}
	if (n == -2) {
		lcm_error_at(err, im->file, 0, TOO_BIG,
			     lcm_size_format(json_max(im), size, sizeof(size)));
		goto out;
	}
	if (n == -3) {
		lcm_error_at(err, im->file, lineno + 1, NUL_BYTE);
		goto out;
	}
	if (n == -1) {
		if (ferror(fp))
			lcm_error_at(err, im->file, 0, "read error: %s", strerror(errno));
		else
			lcm_error_at(err, im->file, 0, "no JSON value in the file");
		goto out;
	}
	v = json_loadb(s, (size_t)n, JSON_REJECT_DUPLICATES, &jerr);
	if (v) {
		/* a whole value on the first line: NDJSON, one value a line */
		if (!(f = choose(im, v, lineno, err)))
			goto out;
		*f_out = f;
		im->stats->format = f->name;
		at.line = lineno;
		at.raw = s;
		at.rawlen = (size_t)n;
		if (feed_value(im, f, v, &at, err) < 0)
			goto out;
		json_decref(v);
		v = NULL;
		rc = ndjson_rest(im, f, fp, &line, &cap, lineno, err);
		goto out;
	}
	lcm_buf_add(&doc, s, (size_t)n);
	lcm_buf_addc(&doc, '\n');
	if (!(v = read_doc(im, fp, &doc, lineno, err)))
		goto out;
	lcm_buf_release(&doc);
	if (!(f = choose(im, v, 0, err)))
		goto out;
	*f_out = f;
	im->stats->format = f->name;
	rc = feed_value(im, f, v, &at, err);
out:
	json_decref(v);
	lcm_buf_release(&doc);
	free(line);
	return rc;
}
