/*
 * import.h - loading one export file into the store, all or nothing.
 *
 * lcm_import_file() finds the file's format (or takes the one forced),
 * reads it row by row and writes it inside one transaction: on the first
 * bad row the whole file is rolled back, unless skip_invalid is set, in
 * which case bad rows are written to rejects and the rest goes in.
 */
#ifndef LCM_IMPORT_H
#define LCM_IMPORT_H

#include <stdint.h>
#include <stdio.h>

#include "csv.h"
#include "err.h"
#include "identity.h"
#include "store.h"
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
 * Imports path ("-" for standard input) into st. name is the name used in
 * messages and recorded as the source. Returns 0, or -1 with err filled and
 * located (file:line) and the store as it was before. The rejects stream
 * is flushed and checked before the commit: a rejects file that cannot be
 * written fails the import (rolled back), so -1 always means "store
 * unchanged".
 */
int lcm_import_file(struct lcm_store *st, const char *path,
		    const struct lcm_import_opts *opts,
		    struct lcm_import_stats *stats, struct lcm_err *err);

/* Names of the formats lcm_import_file knows, NULL-terminated. */
extern const char *const lcm_import_formats[];

/* Singular and plural noun of a kind, for summaries ("post", "posts"). */
const char *lcm_kind_noun(enum lcm_kind k, long n);

/*
 * A size in bytes: digits, then k, M or G (powers of 1024, with or
 * without "iB": "64M", "64MiB"). 0, or -1 with err filled when s is not
 * one, is 0, or is over max.
 */
int lcm_size_parse(const char *s, size_t max, size_t *out, struct lcm_err *err);

/* n as "4 MiB", "64 KiB" when a whole number of them, else "1000 bytes";
 * into out (32 bytes or more). Returns out. */
char *lcm_size_format(size_t n, char *out, size_t size);

#endif
