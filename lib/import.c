/*
 * import.c - the import driver: open, detect the format, map columns,
 * feed rows to the format inside one transaction. See import.h.
 */
#include "import.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "input/input.h"
#include "xalloc.h"

/* Detection order matters only for ties: the more specific first. */
static const struct lcm_input_format *const formats[] = {
	&lcm_fmt_moodle_forum, &lcm_fmt_moodle_log, &lcm_fmt_moodle_users,
	&lcm_fmt_lcm_posts, &lcm_fmt_lcm_events, &lcm_fmt_lcm_completions,
	&lcm_fmt_lcm_catalogue, &lcm_fmt_lcm_skills, &lcm_fmt_lcm_persons,
	&lcm_fmt_canvas_discussion, &lcm_fmt_edx_forum, &lcm_fmt_edx_tracking,
	&lcm_fmt_xapi,
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

const char *const lcm_import_formats[] = {
	"moodle-forum", "moodle-log", "moodle-users", "lcm-posts", "lcm-events",
	"lcm-completions", "lcm-catalogue", "lcm-skills", "lcm-persons",
	"canvas-discussion", "edx-forum", "edx-tracking", "xapi", NULL
};

const char *
lcm_kind_noun(enum lcm_kind k, long n)
{
	static const char *const nouns[LCM_K_MAX][2] = {
		{ "person", "persons" }, { "thread", "threads" }, { "post", "posts" },
		{ "event", "events" }, { "completion", "completions" },
		{ "item", "items" }, { "skill", "skills" },
	};

	return nouns[k][n != 1];
}

int
lcm_size_parse(const char *s, size_t max, size_t *out, struct lcm_err *err)
{
	static const char units[] = "kKMG";
	unsigned long long v;
	const char *u;
	char *end, most[32];
	int shift = 0;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (end == s || !isdigit((unsigned char)*s) || errno)
		return lcm_error(err, "not a size: '%s' (bytes, or with k, M or G)", s);
	if (*end && (u = strchr(units, *end))) {
		shift = u - units < 2 ? 10 : u - units == 2 ? 20 : 30;
		end++;
		if (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0)
			end += strlen(end);
	}
	if (*end)
		return lcm_error(err, "not a size: '%s' (bytes, or with k, M or G)", s);
	if (v == 0)
		return lcm_error(err, "a size of 0: '%s'", s);
	if (v > max >> shift)
		return lcm_error(err, "size over %s: '%s'",
				 lcm_size_format(max, most, sizeof(most)), s);
	*out = (size_t)v << shift;
	return 0;
}

char *
lcm_size_format(size_t n, char *out, size_t size)
{
	if (n && n % ((size_t)1 << 30) == 0)
		snprintf(out, size, "%zu GiB", n >> 30);
	else if (n && n % ((size_t)1 << 20) == 0)
		snprintf(out, size, "%zu MiB", n >> 20);
	else if (n && n % ((size_t)1 << 10) == 0)
		snprintf(out, size, "%zu KiB", n >> 10);
	else
		snprintf(out, size, "%zu byte%s", n, n == 1 ? "" : "s");
	return out;
}

const struct lcm_input_format *
lcm_input_format_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < NFORMATS; i++)
		if (strcmp(formats[i]->name, name) == 0)
			return formats[i];
	return NULL;
}

/* Lower case of the character at s (ASCII, and Latin-1 capitals such as
 * 'É' in French headers), its length in *len. */
static unsigned
fold(const unsigned char *s, size_t *len)
{
	if (s[0] == 0xc3 && s[1] >= 0x80 && s[1] <= 0x9e && s[1] != 0x97) {
		*len = 2;
		return 0xc300u | (s[1] + 0x20u);
	}
	if (s[0] == 0xc3 && s[1]) {
		*len = 2;
		return 0xc300u | s[1];
	}
	*len = 1;
	return s[0] >= 'A' && s[0] <= 'Z' ? s[0] + 32u : s[0];
}

int
lcm_input_header_is(const char *cell, const char *alias, size_t alen)
{
	const unsigned char *a = (const unsigned char *)alias, *end = a + alen;
	const unsigned char *c;
	size_t n, la, lc;

	while (*cell == ' ' || *cell == '\t')
		cell++;
	n = strlen(cell);
	while (n > 0 && (cell[n - 1] == ' ' || cell[n - 1] == '\t'))
		n--;
	c = (const unsigned char *)cell;
	while (a < end && c < (const unsigned char *)cell + n) {
		if (fold(a, &la) != fold(c, &lc))
			return 0;
		a += la;
		c += lc;
	}
	return a == end && c == (const unsigned char *)cell + n;
}

/* Index of the header cell matching any alias of names, or -1. */
static int
find_column(char *const *header, size_t n, const char *names)
{
	const char *a = names, *end;
	size_t i;

	while (*a) {
		end = strchr(a, '|');
		if (!end)
			end = a + strlen(a);
		for (i = 0; i < n; i++)
			if (lcm_input_header_is(header[i], a, (size_t)(end - a)))
				return (int)i;
		a = *end ? end + 1 : end;
	}
	return -1;
}

void
lcm_input_first_name(const char *names, char *out, size_t size)
{
	size_t n = strcspn(names, "|");

	snprintf(out, size, "%.*s", (int)n, names);
}

/*
 * Maps header cells to f's columns into map (f->ncols entries, -1 when
 * absent). Returns the number of columns found, or -1 when a required one
 * is missing (its name in *missing).
 */
static int
map_columns(const struct lcm_input_format *f, char *const *header, size_t n,
	    int *map, const char **missing)
{
	int i, found = 0;

	for (i = 0; i < f->ncols; i++) {
		map[i] = find_column(header, n, f->cols[i].names);
		if (map[i] >= 0)
			found++;
		else if (f->cols[i].required) {
			*missing = f->cols[i].names;
			return -1;
		}
	}
	return found;
}

/* The format whose required columns are all there and matches the most. */
static const struct lcm_input_format *
detect(char *const *header, size_t n, int *map)
{
	const struct lcm_input_format *best = NULL;
	int bestn = 0, *tmp = lcm_xcalloc(64, sizeof(int));
	const char *missing;
	size_t i;
	int got;

	for (i = 0; i < NFORMATS; i++) {
		got = map_columns(formats[i], header, n, tmp, &missing);
		if (got > bestn) {
			best = formats[i];
			bestn = got;
			memcpy(map, tmp, sizeof(int) * (size_t)formats[i]->ncols);
		}
	}
	free(tmp);
	return best;
}

/*
 * The table most rows of f go to, whose indexes a large file into a
 * small store builds once at the end (store.h), or NULL. The formats of
 * large files only: the others keep their indexes.
 */
static const char *
bulk_table(const struct lcm_input_format *f)
{
	if (f == &lcm_fmt_moodle_log)
		return "event";
	if (f == &lcm_fmt_moodle_forum)
		return "post";
	return NULL;
}

/* The row as one CSV line, for the rejects file. Owned by the caller. */
static char *
raw_row(const struct lcm_csv_record *rec)
{
	char *s = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&s, &len);

	if (!fp)
		return lcm_xstrdup("");
	lcm_csv_write_record(fp, (const char *const *)rec->fields, rec->nfields, ',', 0);
	fclose(fp);
	if (len && s[len - 1] == '\n')
		s[len - 1] = '\0';
	return s;
}

static void
reject(struct lcm_import *im, long line, const struct lcm_err *why, char *raw)
{
	char num[32];
	const char *f[3];

	im->stats->rejected++;
	if (im->opts->rejects) {
		snprintf(num, sizeof(num), "%ld", line);
		f[0] = num;
		f[1] = why->msg;
		f[2] = raw;
		lcm_csv_write_record(im->opts->rejects, f, 3, ',', 0);
	}
	free(raw);
}

int
lcm_input_feed(struct lcm_import *im, const struct lcm_input_format *f,
     const char *const *v, long line, char *raw, struct lcm_err *err)
{
	struct lcm_err rowerr;

	im->stats->rows++;
	lcm_err_init(&rowerr);
	if (f->row(im, v, &rowerr) == 0) {
		free(raw);
		return 0;
	}
	/* A store failure is never the row's fault: no skipping it. */
	if (im->opts->skip_invalid && strncmp(rowerr.msg, "store ", 6) != 0) {
		reject(im, line, &rowerr, raw);
		return 0;
	}
	free(raw);
	*err = rowerr;
	if (line > 0)
		lcm_err_locate(err, im->file, line);
	else
		lcm_err_locate(err, im->file, 0);
	return -1;
}

/* After a CSV limit stopped r: names the option that raises it. */
static void
limit_hint(const struct lcm_csv_reader *r, struct lcm_err *err)
{
	enum lcm_csv_limit lim = lcm_csv_limit_hit(r);
	size_t n = strlen(err->msg);

	if (lim != LCM_CSV_LIMIT_NONE)
		snprintf(err->msg + n, sizeof(err->msg) - n, " (raise it with %s)",
			 lim == LCM_CSV_LIMIT_FIELD ? "--max-field-size" : "--max-fields");
}

static int
import_csv(struct lcm_import *im, FILE *fp, const struct lcm_input_format **fp_out,
	   struct lcm_err *err)
{
	struct lcm_csv_opts copts = { im->opts->encoding, 0 };
	struct lcm_csv_reader *r;
	struct lcm_csv_record rec;
	const struct lcm_input_format *f = NULL;
	const char *missing = NULL, **v = NULL;
	int *map = lcm_xcalloc(64, sizeof(int));
	size_t ncols, i;
	char name[64];
	int rc = -1, got;
	struct lcm_buf hdr;

	lcm_buf_init(&hdr);
	r = lcm_csv_open(fp, im->file, &copts, err);
	if (!r)
		goto out;
	lcm_csv_set_limits(r, im->opts->max_field, im->opts->max_fields);
	got = lcm_csv_next(r, &rec, err);
	if (got <= 0) {
		if (got == 0)
			lcm_error_at(err, im->file, 0, "empty file: no header line");
		goto out;
	}
	ncols = rec.nfields;
	if (im->opts->format) {
		f = lcm_input_format_by_name(im->opts->format);
		if (map_columns(f, rec.fields, ncols, map, &missing) < 0) {
			lcm_input_first_name(missing, name, sizeof(name));
			lcm_error_at(err, im->file, rec.line,
				     "not a %s file: no column '%s' in the header",
				     f->name, name);
			goto out;
		}
	} else if (!(f = detect(rec.fields, ncols, map))) {
		for (i = 0; i < ncols && hdr.len < 80; i++)
			lcm_buf_printf(&hdr, "%s%s", i ? "," : "", rec.fields[i]);
		lcm_error_at(err, im->file, rec.line,
			     "unknown format: header '%s%s' matches no format (give --format)",
			     hdr.data, i < ncols || hdr.len > 80 ? "..." : "");
		goto out;
	}
	*fp_out = f;
	im->stats->format = f->name;
	/* a log row is some 200 bytes, a forum post 300: count low */
	if (bulk_table(f) && lcm_store_bulk_begin(im->st, bulk_table(f), im->size / 256,
						  err) < 0)
		goto out;
	v = lcm_xcalloc((size_t)f->ncols, sizeof(*v));
	while ((got = lcm_csv_next(r, &rec, err)) > 0) {
		if (lcm_csv_guessed_cp1252(r))
			im->stats->cp1252 = 1;
		if (im->opts->progress && im->stats->rows % LCM_PROGRESS_ROWS == 0 &&
		    im->stats->rows)
			im->opts->progress(im->file, im->stats->rows, im->opts->progress_arg);
		if (rec.nfields != ncols) {
			struct lcm_err e;

			lcm_err_init(&e);
			lcm_error(&e, "expected %zu fields as in the header, found %zu",
				  ncols, rec.nfields);
			im->stats->rows++;
			if (!im->opts->skip_invalid) {
				*err = e;
				lcm_err_locate(err, im->file, rec.line);
				goto out;
			}
			reject(im, rec.line, &e, raw_row(&rec));
			continue;
		}
		for (i = 0; i < (size_t)f->ncols; i++)
			v[i] = map[i] >= 0 ? rec.fields[map[i]] : NULL;
		if (lcm_input_feed(im, f, v, rec.line, im->opts->skip_invalid ? raw_row(&rec) : NULL,
			 err) < 0)
			goto out;
	}
	if (got < 0)
		goto out;
	if (lcm_csv_guessed_cp1252(r))
		im->stats->cp1252 = 1;
	if (lcm_store_bulk_end(im->st, err) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0 && r)
		limit_hint(r, err);
	if (r)
		lcm_csv_close(r);
	lcm_buf_release(&hdr);
	free(map);
	free(v);
	return rc;
}

/*
 * First significant byte of fp, left in the stream; EOF when empty.
 * *lines counts the line ends skipped, for the JSON reader's numbers.
 */
static int
peek(FILE *fp, long *lines)
{
	int c;

	*lines = 0;
	while ((c = getc(fp)) == ' ' || c == '\t' || c == '\n' || c == '\r')
		if (c == '\n')
			(*lines)++;
	if (c != EOF)
		ungetc(c, fp);
	return c;
}

/*
 * About how many bytes fp will give: a regular file's size, a gzip
 * file's times 6 (logs compress that well or better); 0 for a pipe.
 */
static int64_t
file_size(FILE *fp, const char *path, int gz)
{
	struct stat sb;

	if (gz)
		return stat(path, &sb) == 0 ? (int64_t)sb.st_size * 6 : 0;
	if (fstat(fileno(fp), &sb) < 0 || !S_ISREG(sb.st_mode))
		return 0;
	return (int64_t)sb.st_size;
}

int
lcm_import_file(struct lcm_store *st, const char *path,
		const struct lcm_import_opts *opts,
		struct lcm_import_stats *stats, struct lcm_err *err)
{
	struct lcm_import im;
	const struct lcm_input_format *f = NULL;
	int stdin_ = strcmp(path, "-") == 0, c, rc = -1, began = 0;
	size_t n;
	long skipped;
	FILE *fp;

	memset(stats, 0, sizeof(*stats));
	if (opts->format && !lcm_input_format_by_name(opts->format))
		return lcm_error(err, "unknown format '%s'", opts->format);
	n = strlen(path);
	if (!stdin_ && n > 3 && strcmp(path + n - 3, ".gz") == 0) {
		/* compressed logs: read through zlib, as any other file */
		if (!(fp = lcm_input_gzopen(path, err)))
			return -1;
	} else if (!(fp = stdin_ ? stdin : fopen(path, "rb"))) {
		return lcm_error_at(err, path, 0, "cannot open: %s", strerror(errno));
	}
	memset(&im, 0, sizeof(im));
	im.size = file_size(fp, path, stdin_ ? 0 : n > 3 && strcmp(path + n - 3, ".gz") == 0);
	im.st = st;
	im.opts = opts;
	im.stats = stats;
	im.file = stdin_ ? "(stdin)" : path;
	lcm_strmap_init(&im.persons);
	lcm_strmap_init(&im.threads);
	if (lcm_store_begin(st, err) < 0)
		goto out;
	began = 1;
	c = peek(fp, &skipped);
	if (c == EOF && !ferror(fp)) {
		lcm_error_at(err, im.file, 0, "empty file");
		goto out;
	}
	/* JSON, NDJSON, or a tracking log opening with '#' comment lines */
	if (c == '[' || c == '{' || c == '#' ||
	    (opts->format && lcm_input_format_by_name(opts->format)->json))
		rc = lcm_import_json(&im, fp, skipped, &f, err);
	else
		rc = import_csv(&im, fp, &f, err);
	if (rc == 0 && ferror(fp))
		rc = lcm_error_at(err, im.file, 0, "read error: %s", strerror(errno));
	if (f && f->finish && f->finish(&im, rc == 0, rc == 0 ? err : NULL) < 0)
		rc = -1;
	if (rc == 0 && stats->rows == 0 && stats->rejected == 0)
		rc = lcm_error_at(err, im.file, 0, "no data rows after the header");
	if (rc == 0 && (lcm_identity_link(st, opts->link_by, NULL, err) < 0 ||
			lcm_store_link_parents(st, err) < 0 ||
			lcm_store_source(st, f->platform ? f->platform :
					 (opts->platform ? opts->platform : "lcm"),
					 f->name, im.file, opts->now, stats->rows, err) < 0))
		rc = -1;
	if (rc == 0 && !opts->dry_run && lcm_store_commit(st, err) < 0)
		rc = -1;
out:
	if (began && (rc < 0 || opts->dry_run))
		lcm_store_rollback(st);
	if (rc < 0)
		lcm_err_locate(err, im.file, 0);
	lcm_strmap_release(&im.persons);
	lcm_strmap_release(&im.threads);
	free(im.persons_counted.bits);
	free(im.threads_counted.bits);
	if (!stdin_)
		fclose(fp);
	return rc;
}
