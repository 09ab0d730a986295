/*
 * input.h - what every input format shares: the import session and the
 * column-matching table. One .c per format; formats never know of each
 * other. The driver is lib/import.c.
 */
#ifndef LCM_INPUT_H
#define LCM_INPUT_H

#include <jansson.h>
#include <stdint.h>

#include "import.h"
#include "store_write.h"
#include "strmap.h"

/* One import of one file. */
struct lcm_import {
	struct lcm_store *st;
	const struct lcm_import_opts *opts;
	struct lcm_import_stats *stats;
	const char *file;		/* name for messages and source.path */
	struct lcm_strmap persons;	/* "platform\x1fexternal id" -> person id */
	struct lcm_strmap threads;	/* external id -> thread id */
	int64_t course_id;		/* --course, resolved once; 0 none */
	int64_t forum_id;		/* forum of a forum export; 0 unset */
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
 * Reads a JSON input from fp (json_input.c): sets *f to the format used.
 * 0, or -1 with err filled.
 */
int lcm_import_json(struct lcm_import *im, FILE *fp,
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

#endif
