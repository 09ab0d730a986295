/*
 * render.h - writing result rows as table, csv, tsv, json or ndjson.
 *
 * Analysis code hands rows of typed cells to a renderer; only this
 * module knows output formats. The renderer writes to a FILE* it borrows.
 *
 *	struct lcm_render *r = lcm_render_new(stdout, LCM_FMT_CSV, cols, 3, 0);
 *	lcm_render_row(r, cells);  ...
 *	lcm_render_end(r);   (writes what was buffered: table, json)
 *	lcm_render_free(r);
 */
#ifndef LCM_RENDER_H
#define LCM_RENDER_H

#include <stdint.h>
#include <stdio.h>

enum lcm_format {
	LCM_FMT_TABLE,	/* aligned columns for people, UTF-8 width aware */
	LCM_FMT_CSV,
	LCM_FMT_TSV,	/* tabs and newlines inside values become spaces */
	LCM_FMT_JSON,	/* one array of objects */
	LCM_FMT_NDJSON	/* one object per line */
};

/* "table", "csv", "tsv", "json", "ndjson"; -1 when unknown. */
int lcm_format_parse(const char *name, enum lcm_format *out);

enum lcm_cell_type {
	LCM_CELL_NULL,	/* empty in csv/tsv/table, null in json */
	LCM_CELL_STR,
	LCM_CELL_INT,
	LCM_CELL_REAL,	/* %.4f, trailing zeros cut ("0.5", "2"); %.6g outside
			   [1e-4, 1e15); NaN/Inf: empty, null in json */
	LCM_CELL_BOOL	/* 0/1 in csv, false/true in json */
};

struct lcm_cell {
	enum lcm_cell_type type;
	const char *s;	/* STR: borrowed, only during lcm_render_row */
	int64_t i;	/* INT, BOOL */
	double d;	/* REAL */
};

/* Flags */
enum {
	LCM_RENDER_EXCEL = 1 << 0,	/* csv: BOM, ';', formula cells neutralised */
	LCM_RENDER_NO_HEADER = 1 << 1,	/* table, csv, tsv */
	LCM_RENDER_TERMINAL = 1 << 2	/* csv, tsv: controls and bidi overrides
					   become U+FFFD, as in a table (set by
					   lcm_render_new when fp is a terminal) */
};

/*
 * flags with LCM_RENDER_TERMINAL added when fp is a terminal: csv and
 * tsv keep every byte in a pipe or a file, and run no escape sequence
 * on a screen. json always escapes controls and bidi overrides.
 */
int lcm_render_terminal_flags(int flags, FILE *fp);

struct lcm_render;

/* columns: ncol names, copied. */
struct lcm_render *lcm_render_new(FILE *fp, enum lcm_format fmt,
				  const char *const *columns, size_t ncol,
				  int flags);

/* One row of ncol cells (copied where needed). */
void lcm_render_row(struct lcm_render *r, const struct lcm_cell *cells);

/* Finishes the output (table body, json's closing ']'). */
void lcm_render_end(struct lcm_render *r);

void lcm_render_free(struct lcm_render *r);

/*
 * 0 while every write to fp went well, else the errno of the first that
 * failed (stdio keeps only a flag, and errno is gone by the end).
 */
int lcm_render_error(const struct lcm_render *r);

/* Cell builders, for brevity at call sites. */
struct lcm_cell lcm_cell_str(const char *s);	/* NULL s gives a NULL cell */
struct lcm_cell lcm_cell_int(int64_t i);
struct lcm_cell lcm_cell_real(double d);
struct lcm_cell lcm_cell_bool(int b);
struct lcm_cell lcm_cell_null(void);

/*
 * A link from a --url template: tpl with {thread} {post} {course} and
 * {forum} replaced by the values percent-encoded (all but RFC 3986's
 * unreserved A-Z a-z 0-9 - . _ ~), so no value can end the URL, add a
 * parameter or break out of an HTML attribute; NULL values are empty.
 * The one encoder of every program. Returned owned (free()).
 */
char *lcm_url_expand(const char *tpl, const char *thread, const char *post,
		     const char *course, const char *forum);

#endif
