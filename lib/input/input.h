/*
 * input.h - what every input format shares: the import session and the
 * column-matching table. One .c per format; formats never know of each
 * other. The driver is lib/import.c.
 */
#ifndef LCM_INPUT_H
#define LCM_INPUT_H

#include <jansson.h>
#include <stdint.h>

#include "import_opts.h"
#include "store_write.h"
#include "strmap.h"

/* A set of store ids (rowids), one bit each. */
struct lcm_idbits {
	unsigned char *bits;
	size_t len;		/* bytes */
};

/* One import of one file. */
struct lcm_import {
	struct lcm_store *st;
	const struct lcm_import_opts *opts;
	struct lcm_import_stats *stats;
	const char *file;		/* name for messages and source.path */
	struct lcm_strmap persons;	/* "platform\x1fexternal id" -> person id */
	struct lcm_strmap threads;	/* external id -> thread id */
	/* persons and threads counted in stats: the maps above are caches,
	 * emptied when full, so memory stays bounded whatever the file */
	struct lcm_idbits persons_counted, threads_counted;
	int64_t course_id;		/* --course, resolved once; 0 none */
	int64_t forum_id;		/* forum of a forum export; 0 unset */
	int64_t size;			/* bytes of the file (uncompressed, about); 0 unknown */
	void *state;			/* the format's own, freed by its finish */
};

/*
 * A column a format reads: header names it goes by ('|'-separated, in
 * lower case, compared case-insensitively after trimming), and whether
 * the format needs it. The required columns also identify the format.
 */
struct lcm_column {
	const char *names;
	int required;
};

struct lcm_json_at;

struct lcm_input_format {
	const char *name;		/* "moodle-forum" */
	const char *platform;		/* "moodle", or NULL: opts or "lcm" */
	const struct lcm_column *cols;
	int ncols;
	/*
	 * One data row: v[i] is the value of cols[i] (NULL when the file has
	 * no such column). Must check the whole row before writing anything,
	 * so a rejected row leaves nothing behind. 0, or -1 with err filled
	 * (no location: the driver adds file:line).
	 */
	int (*row)(struct lcm_import *im, const char *const *v, struct lcm_err *err);
	/* Called once after the last row (may be NULL); frees im->state. */
	int (*finish)(struct lcm_import *im, int ok, struct lcm_err *err);
	/*
	 * JSON formats (row NULL, cols NULL): one top-level JSON value, the
	 * whole document or one NDJSON line (borrowed). The format hands each
	 * record it holds to lcm_json_feed. 0, or -1 with err filled and
	 * located.
	 */
	int (*json)(struct lcm_import *im, json_t *doc, const struct lcm_json_at *at,
		    struct lcm_err *err);
};

extern const struct lcm_input_format lcm_fmt_moodle_forum;
extern const struct lcm_input_format lcm_fmt_moodle_log;
extern const struct lcm_input_format lcm_fmt_moodle_users;
extern const struct lcm_input_format lcm_fmt_lcm_persons;
extern const struct lcm_input_format lcm_fmt_lcm_posts;
extern const struct lcm_input_format lcm_fmt_lcm_events;
extern const struct lcm_input_format lcm_fmt_lcm_completions;
extern const struct lcm_input_format lcm_fmt_lcm_catalogue;
extern const struct lcm_input_format lcm_fmt_lcm_skills;
extern const struct lcm_input_format lcm_fmt_canvas_discussion;
extern const struct lcm_input_format lcm_fmt_edx_forum;
extern const struct lcm_input_format lcm_fmt_edx_tracking;
extern const struct lcm_input_format lcm_fmt_xapi;
extern const struct lcm_input_format lcm_fmt_moodle_logstore;

/* The driver's pieces the JSON reader shares (import.c). */

/* The format called name, or NULL. */
const struct lcm_input_format *lcm_input_format_by_name(const char *name);

/* 1 when a header cell (or JSON key) is alias: case-insensitive, trimmed. */
int lcm_input_header_is(const char *cell, const char *alias, size_t alen);

/* The first alias of a '|'-list of column names, for messages. */
void lcm_input_first_name(const char *names, char *out, size_t size);

/*
 * Feeds one row to f, counting it; with --skip-invalid a bad row goes to
 * the rejects (raw: the row as text, taken over; may be NULL). 0, or -1
 * with err filled and located at line (0: no line).
 */
int lcm_input_feed(struct lcm_import *im, const struct lcm_input_format *f,
		   const char *const *v, long line, char *raw, struct lcm_err *err);

/*
 * Reads a JSON input from fp (json_input.c), whose first skipped lines
 * were read already (blank: line numbers start after them); sets *f to
 * the format used. 0, or -1 with err filled.
 */
int lcm_import_json(struct lcm_import *im, FILE *fp, long skipped,
		    const struct lcm_input_format **f, struct lcm_err *err);

/* Helpers shared by the formats (input/common.c). */

/* The platform rows of this import belong to. */
const char *lcm_in_platform(const struct lcm_import *im,
			    const struct lcm_input_format *f, const char *col);

/* Empty or NULL becomes NULL; otherwise v. */
const char *lcm_in_opt(const char *v);

/* Checks v is a whole integer; "column 'id': not a number: 'x'". */
int lcm_in_int(const char *col, const char *v, int64_t *out, struct lcm_err *err);

/* Checks v is a time (any lcm_time_parse form). */
int lcm_in_time(const struct lcm_import *im, const char *col, const char *v,
		int64_t *out, struct lcm_err *err);

/* 0/1, true/false, yes/no, oui/non; empty is 0. */
int lcm_in_bool(const char *col, const char *v, int *out, struct lcm_err *err);

/* Checks a required value is not empty: "column 'x' is empty". */
int lcm_in_need(const char *col, const char *v, struct lcm_err *err);

/*
 * The store id of a person known by (platform, external_id), written
 * (name etc. may be NULL) and cached. Counts it in stats when new or
 * updated.
 */
int lcm_in_person(struct lcm_import *im, const struct lcm_person *p,
		  int64_t *id, struct lcm_err *err);

/* The course given by --course (or name when not NULL), 0 when none. */
int lcm_in_course(struct lcm_import *im, const char *platform,
		  const char *name, int64_t *id, struct lcm_err *err);

/*
 * Writes thread t (root: the row is its opening post, which sets title,
 * author and time) and sets *id. Counted once per file, cached: a reply
 * to a thread already seen costs no store access.
 */
int lcm_in_thread(struct lcm_import *im, const struct lcm_thread *t, int root,
		  int64_t *id, struct lcm_err *err);

/*
 * The forum called name in course (its platform id, or NULL), made when
 * new: its external id is "course/name", since forums have no id in
 * exports and names repeat from course to course.
 */
int lcm_in_forum(struct lcm_import *im, const char *platform, const char *course,
		 int64_t course_id, const char *name, int64_t *id, struct lcm_err *err);

/* Adds an outcome to the stats. */
void lcm_in_count(struct lcm_import *im, enum lcm_kind k, enum lcm_outcome o);

/* Post text: HTML to text unless plain; words and question flag. */
char *lcm_in_body(const char *message, int is_html);

/* JSON records (json_input.c), for the JSON formats. */

/* Where a JSON record is, for messages. */
struct lcm_json_at {
	long line;		/* its NDJSON line; 0 inside a document */
	const char *path;	/* "statements[3]", "view[0].replies[2]"; "" for all */
	const char *raw;	/* the NDJSON line's text, else NULL */
	size_t rawlen;
};

/*
 * Bytes of a single JSON document read at most: Jansson needs about 11
 * times the text in memory (64 MiB: some 700 MB). Larger: use NDJSON.
 */
#define LCM_JSON_DOC_MAX ((size_t)64 << 20)

/*
 * Feeds one record (rec, borrowed) to fn, counting it as a row; with
 * --skip-invalid a bad record goes to the rejects instead. fn must check
 * the whole record before writing. 0, or -1 with err located.
 */
int lcm_json_feed(struct lcm_import *im,
		  int (*fn)(struct lcm_import *, json_t *, const struct lcm_json_at *,
			    struct lcm_err *),
		  json_t *rec, const struct lcm_json_at *at, struct lcm_err *err);

/* Fills err with "PATH.KEY: message" (key may be NULL); returns -1. */
int lcm_json_err(struct lcm_err *err, const struct lcm_json_at *at,
		 const char *key, const char *fmt, ...) LCM_PRINTF(4, 5);

/* "PATH.key" (or "PATH[i]" when key is NULL) into b; returns b->data. */
const char *lcm_json_path(struct lcm_buf *b, const struct lcm_json_at *at,
			  const char *key, long i);

/* "a string", "an object", "null" ... for messages. */
const char *lcm_json_kind(const json_t *j);

/* The value of key when it is a non-empty string, else NULL. */
const char *lcm_json_str(const json_t *obj, const char *key);

/*
 * An id as text into b: a string, an integer, or MongoDB's {"$oid": s}.
 * Returns b->data, or NULL when j is none of them (or absent).
 */
const char *lcm_json_id(const json_t *j, struct lcm_buf *b);

/*
 * A time: an ISO 8601 string, or MongoDB's {"$date": ms}, {"$date":
 * "ISO"} or {"$date": {"$numberLong": "ms"}}. 0, or -1 with err filled
 * ("PATH.key: not a time: ..."); an absent key is "missing".
 */
int lcm_json_time(const struct lcm_import *im, const json_t *obj, const char *key,
		  const struct lcm_json_at *at, int64_t *out, struct lcm_err *err);

/* A stable id for a record without one: hex SHA-256 (32 chars) of p. */
void lcm_json_hash(const void *p, size_t n, char out[33]);

/* Streams (stream.c). */

/* Bytes of a file's head the driver looks at before choosing a reader. */
#define LCM_INPUT_HEAD 64

/*
 * A stream giving the n bytes of head (at most LCM_INPUT_HEAD, copied),
 * then the rest of src: a pipe's first bytes read to tell its format.
 * src is closed with the stream when own. NULL with err filled.
 */
FILE *lcm_input_replay(FILE *src, int own, const void *head, size_t n,
		       struct lcm_err *err);

/* A gzip decompression, for its failure (lcm_input_gunzip_error). */
struct lcm_gunzip;

/*
 * The gzip data of src, decompressed, as a read-only stream (members
 * one after another, as gzip writes them; anything else after a whole
 * member is ignored). src is closed with the stream when own. *gz is
 * the decompressor, valid until the stream is closed. NULL with err
 * filled.
 */
FILE *lcm_input_gunzip(FILE *src, int own, struct lcm_gunzip **gz,
		       struct lcm_err *err);

/*
 * Why the stream of gz failed to read ("truncated gzip: ...", "corrupt
 * gzip data ..."), or NULL when it did not (or gz is NULL).
 */
const char *lcm_input_gunzip_error(const struct lcm_gunzip *gz);

#endif
