/*
 * import_opts.h - what one import is asked (its options) and what it
 * counts (its stats): shared by the driver (import.h) and the readers
 * (input.h), which otherwise do not know each other.
 */
#ifndef LCM_IMPORT_OPTS_H
#define LCM_IMPORT_OPTS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "csv.h"
#include "err.h"
#include "identity.h"
#include "timefmt.h"

#define LCM_PROGRESS_ROWS 65536

struct lcm_import_opts {
	const char *format;	/* NULL: detect */
	const char *course;	/* --course: course of forum exports and logs */
	const char *forum;	/* --forum: forum name of a forum export */
	const char *platform;	/* lcm formats: platform of the ids (default "lcm") */
	struct lcm_timeopt time;
	enum lcm_encoding encoding;
	int skip_invalid;
	FILE *rejects;		/* borrowed; may be NULL with skip_invalid */
	const char *rejects_name;	/* its name for messages; NULL: "rejects" */
	int dry_run;		/* do everything, then roll back */
	int64_t now;		/* recorded as source.imported_at */
	/*
	 * Called every LCM_PROGRESS_ROWS data rows of a CSV file with the
	 * rows read so far (NULL: none); the program decides what to show.
	 */
	void (*progress)(const char *file, long rows, void *arg);
	void *progress_arg;
	const char *lang;	/* xapi: language of names (--lang); NULL: en */
	/* oulad: --start PRES=YYYY-MM-DD as given, NULL-terminated; NULL: none */
	const char *const *starts;
	enum lcm_link_by link_by;	/* what makes accounts one person (email) */
	/*
	 * Limits (0: the default), raised or lowered by the options named
	 * in their messages: bytes of a CSV record (--max-field-size,
	 * LCM_CSV_MAX_FIELD), fields of a CSV record (--max-fields,
	 * LCM_CSV_MAX_FIELDS), bytes of a JSON document or NDJSON line
	 * (--max-json-size, LCM_JSON_DOC_MAX).
	 */
	size_t max_field, max_fields, max_json;
};

/* What an import counts, per kind of row. */
enum lcm_kind {
	LCM_K_PERSON, LCM_K_THREAD, LCM_K_POST, LCM_K_EVENT,
	LCM_K_COMPLETION, LCM_K_ITEM, LCM_K_SKILL, LCM_K_MAX
};

struct lcm_import_stats {
	const char *format;		/* the format used (static string) */
	long rows;			/* data rows read */
	long rejected;			/* rows skipped with skip_invalid */
	long count[LCM_K_MAX][3];	/* by enum lcm_outcome: same, new, updated */
	int cp1252;			/* the file was guessed to be Windows-1252 */
};

/*
 * Readers of option values (lcm_option's parse): 0 with *value set, or
 * -1 with err filled. --year: 1970 to 9999 (an int); --encoding: an enum
 * lcm_encoding; --lang: a language tag of letters, digits and '-' (the
 * argument kept); --max-field-size up to 1 GiB and --max-json-size up to
 * 4 GiB (a size_t, size.h's forms).
 */
int lcm_import_read_year(const char *arg, void *value, struct lcm_err *err);
int lcm_import_read_encoding(const char *arg, void *value, struct lcm_err *err);
int lcm_import_read_lang(const char *arg, void *value, struct lcm_err *err);
int lcm_import_read_field_size(const char *arg, void *value, struct lcm_err *err);
int lcm_import_read_json_size(const char *arg, void *value, struct lcm_err *err);

#endif
