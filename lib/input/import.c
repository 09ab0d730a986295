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
#include "input/chat.h"
#include "input/input.h"
#include "input/oulad.h"
#include "xalloc.h"

/* Detection order matters only for ties: the more specific first. */
static const struct lcm_input_format *const formats[] = {
	&lcm_fmt_moodle_forum, &lcm_fmt_moodle_log, &lcm_fmt_moodle_users,
	&lcm_fmt_discourse_users, &lcm_fmt_oulad_student_vle,
	&lcm_fmt_oulad_student_assessment, &lcm_fmt_oulad_registration,
	&lcm_fmt_oulad_student_info, &lcm_fmt_oulad_assessments, &lcm_fmt_oulad_courses,
	&lcm_fmt_lcm_posts, &lcm_fmt_lcm_events, &lcm_fmt_lcm_completions,
	&lcm_fmt_lcm_catalogue, &lcm_fmt_lcm_skills, &lcm_fmt_lcm_persons,
	&lcm_fmt_canvas_discussion, &lcm_fmt_edx_forum, &lcm_fmt_edx_tracking,
	&lcm_fmt_xapi, &lcm_fmt_slack, &lcm_fmt_stackexchange, &lcm_fmt_discord,
	&lcm_fmt_discourse, &lcm_fmt_moodle_logstore, &lcm_fmt_teams,
};
#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

const char *const lcm_import_formats[] = {
	"moodle-forum", "moodle-log", "moodle-users", "lcm-posts", "lcm-events",
	"lcm-completions", "lcm-catalogue", "lcm-skills", "lcm-persons",
	"canvas-discussion", "edx-forum", "edx-tracking", "xapi", "slack",
	"stackexchange", "discord", "discourse", "discourse-users",
	"oulad-courses", "oulad-assessments", "oulad-student-info",
	"oulad-registration", "oulad-student-vle", "oulad-student-assessment",
	"moodle-logstore", "teams", NULL
};

int
lcm_import_format_known(const char *name)
{
	int i;

	for (i = 0; lcm_import_formats[i]; i++)
		if (strcmp(lcm_import_formats[i], name) == 0)
			return 1;
	return 0;
}

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

/*
 * 1 when a column f reads has two header cells (the same name twice, or
 * two names of it): which one is meant cannot be told, so the file is
 * refused rather than read by the first. *a and *b are the cells.
 */
static int
duplicate(const struct lcm_input_format *f, char *const *header, size_t n,
	  const int *map, size_t *a, size_t *b)
{
	const char *names, *end;
	size_t j;
	int i;

	for (i = 0; i < f->ncols; i++) {
		if (map[i] < 0)
			continue;
		for (names = f->cols[i].names; *names; names = *end ? end + 1 : end) {
			end = strchr(names, '|');
			if (!end)
				end = names + strlen(names);
			for (j = 0; j < n; j++)
				if (j != (size_t)map[i] &&
				    lcm_input_header_is(header[j], names, (size_t)(end - names))) {
					*a = (size_t)map[i] < j ? (size_t)map[i] : j;
					*b = (size_t)map[i] < j ? j : (size_t)map[i];
					return 1;
				}
		}
	}
	return 0;
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
	if (f == &lcm_fmt_moodle_log || f == &lcm_fmt_moodle_logstore)
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
	size_t ncols, i, dup;
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
		/* StackExchange dumps and other XML: no CSV header to show */
		if (ncols && rec.fields[0][0] == '<') {
			lcm_error_at(err, im->file, rec.line, "not a format lcm reads:"
				     " looks like XML; lcm reads CSV and JSON (see"
				     " lcm-import(1), or give --format)");
			goto out;
		}
		for (i = 0; i < ncols && hdr.len < 80; i++)
			lcm_buf_printf(&hdr, "%s%s", i ? "," : "", rec.fields[i]);
		lcm_error_at(err, im->file, rec.line,
			     "unknown format: header '%s%s' matches no format (give --format)",
			     hdr.data, i < ncols || hdr.len > 80 ? "..." : "");
		goto out;
	}
	if (duplicate(f, rec.fields, ncols, map, &i, &dup)) {
		lcm_error_at(err, im->file, rec.line, "duplicate column '%s' (fields %zu"
			     " and %zu): rename or remove one", rec.fields[dup], i + 1,
			     dup + 1);
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

/* A regular file's size, 0 for a pipe. */
static int64_t
file_size(FILE *fp)
{
	struct stat sb;

	if (fstat(fileno(fp), &sb) < 0 || !S_ISREG(sb.st_mode))
		return 0;
	return (int64_t)sb.st_size;
}

/* The input being read: the file, or a stream over it (stream.c). */
struct input {
	FILE *fp;
	int own;			/* fp is closed at the end (not stdin) */
	struct lcm_gunzip *gz;		/* the decompressor of gzip data, or NULL */
};

/*
 * Goes back to the start of in (then skip bytes on) after the n bytes
 * of head were read from it: a seek when it can (pos, where it was),
 * else a replay of head over it.
 */
static int
put_back(struct input *in, long pos, const unsigned char *head, size_t n,
	 size_t skip, struct lcm_err *err)
{
	FILE *fp;

	if (pos >= 0 && fseek(in->fp, pos + (long)skip, SEEK_SET) == 0)
		return 0;
	if (!(fp = lcm_input_replay(in->fp, in->own, head + skip, n - skip, err)))
		return -1;
	in->fp = fp;
	in->own = 1;
	return 0;
}

/*
 * Reads the input's first bytes to decide how to read it, whatever
 * its name: gzip data (1f 8b) goes through gunzip, and its text is
 * looked at again; a UTF-8 BOM before '[', '{' or '<' is skipped, so
 * JSON and XML with a BOM read as such (the CSV reader takes BOMs
 * itself).
 */
static int
sniff(struct input *in, struct lcm_err *err)
{
	unsigned char head[LCM_INPUT_HEAD];
	long pos = ftell(in->fp);
	size_t n, i, skip = 0;
	FILE *fp;

	n = fread(head, 1, sizeof(head), in->fp);
	if (n == 0 && ferror(in->fp))
		return lcm_input_gunzip_error(in->gz) ?
		    lcm_error(err, "%s", lcm_input_gunzip_error(in->gz)) :
		    lcm_error(err, "cannot read: %s", strerror(errno));
	clearerr(in->fp);
	if (!in->gz && n >= 2 && head[0] == 0x1f && head[1] == 0x8b) {
		if (put_back(in, pos, head, n, 0, err) < 0 ||
		    !(fp = lcm_input_gunzip(in->fp, in->own, &in->gz, err)))
			return -1;
		in->fp = fp;
		in->own = 1;
		return sniff(in, err);
	}
	if (n >= 3 && memcmp(head, "\xEF\xBB\xBF", 3) == 0) {
		for (i = 3; i < n && strchr(" \t\r\n", head[i]); i++)
			;
		if (i < n && (head[i] == '[' || head[i] == '{' || head[i] == '<'))
			skip = 3;
	}
	return put_back(in, pos, head, n, skip, err);
}

/* The files of a StackExchange dump read from its directory, in order:
 * the persons first, the comments and links after the posts they name. */
static const char *const dump_files[] = {
	"Users.xml", "Posts.xml", "Comments.xml", "PostLinks.xml"
};

/* 1 when dir holds a StackExchange data dump (Posts.xml). */
static int
is_dump(const char *dir)
{
	struct lcm_buf p;
	struct stat sb;
	int yes;

	lcm_buf_init(&p);
	lcm_buf_printf(&p, "%s/Posts.xml", dir);
	yes = stat(p.data, &sb) == 0 && S_ISREG(sb.st_mode);
	lcm_buf_release(&p);
	return yes;
}

/*
 * Reads the dump in directory dir file by file into the one
 * transaction of im; messages name the file being read.
 */
static int
import_dump(struct lcm_import *im, const char *dir, struct lcm_err *err)
{
	const char *top = im->file;
	struct lcm_buf p;
	size_t i;
	FILE *fp;
	int rc = 0;

	lcm_buf_init(&p);
	for (i = 0; i < sizeof(dump_files) / sizeof(dump_files[0]) && rc == 0; i++) {
		lcm_buf_reset(&p);
		lcm_buf_printf(&p, "%s/%s", dir, dump_files[i]);
		if (!(fp = fopen(p.data, "rb"))) {
			/* only Posts.xml is needed */
			if (errno != ENOENT)
				rc = lcm_error_at(err, p.data, 0, "cannot open: %s",
						  strerror(errno));
			continue;
		}
		im->file = p.data;
		rc = lcm_import_stackexchange(im, fp, err);
		if (rc < 0)
			lcm_err_locate(err, p.data, 0);
		fclose(fp);
		im->file = top;
	}
	lcm_buf_release(&p);
	return rc;
}

/*
 * Reads the directory path (a Slack export or a StackExchange dump), or
 * a zip archive (a Slack export), into im's transaction; sets *f to
 * the format. 0, or -1 with err filled.
 */
static int
import_dir(struct lcm_import *im, const char *path,
	   const struct lcm_input_format **f, struct lcm_err *err)
{
	const char *want = im->opts->format;

	if (lcm_slack_is_zip(path)) {
		if (want && strcmp(want, "slack") != 0)
			return lcm_error_at(err, path, 0, "a zip archive: only a Slack"
					    " export is read from one, not %s", want);
		*f = &lcm_fmt_slack;
		return lcm_import_slack(im, path, err);
	}

	if ((!want || strcmp(want, "slack") == 0) && lcm_slack_is_export(path)) {
		*f = &lcm_fmt_slack;
		return lcm_import_slack(im, path, err);
	}
	if ((!want || strcmp(want, "stackexchange") == 0) && is_dump(path)) {
		*f = &lcm_fmt_stackexchange;
		return import_dump(im, path, err);
	}
	/* lcm-import(1) says which directories are read */
	if (want)
		return lcm_error_at(err, path, 0, "is a directory, not a %s export", want);
	return lcm_error_at(err, path, 0, "is a directory, not a file");
}

int
lcm_import_file(struct lcm_store *st, const char *path,
		const struct lcm_import_opts *opts,
		struct lcm_import_stats *stats, struct lcm_err *err)
{
	struct lcm_import im;
	const struct lcm_input_format *f = NULL;
	int stdin_ = strcmp(path, "-") == 0, c, rc = -1, began = 0, json = 0, xml = 0;
	struct input in = { NULL, 0, NULL };
	struct stat sb;
	long skipped;
	FILE *fp = NULL;

	memset(stats, 0, sizeof(*stats));
	if (opts->format && !lcm_input_format_by_name(opts->format))
		return lcm_error(err, "unknown format '%s'", opts->format);
	memset(&im, 0, sizeof(im));
	/* a Slack export (a directory or its .zip) or a StackExchange dump
	 * (a directory): read whole */
	if (!stdin_ && stat(path, &sb) == 0 &&
	    (S_ISDIR(sb.st_mode) || lcm_slack_is_zip(path)))
		goto start;
	if (opts->format && strcmp(opts->format, "slack") == 0)
		return lcm_error_at(err, stdin_ ? "(stdin)" : path, 0, "the slack format"
				    " reads an export's directory or .zip, not this file");
	if (!(in.fp = stdin_ ? stdin : fopen(path, "rb")))
		return lcm_error_at(err, path, 0, "cannot open: %s", strerror(errno));
	in.own = !stdin_;
	im.size = file_size(in.fp);
	if (sniff(&in, err) < 0) {
		lcm_err_locate(err, stdin_ ? "(stdin)" : path, 0);
		if (in.own)
			fclose(in.fp);
		return -1;
	}
	fp = in.fp;
	/* gzip: logs compress 6 times or better */
	if (in.gz)
		im.size *= 6;
start:
	im.st = st;
	im.opts = opts;
	im.stats = stats;
	im.file = stdin_ ? "(stdin)" : path;
	lcm_strmap_init(&im.persons);
	lcm_strmap_init(&im.threads);
	if (lcm_store_begin(st, err) < 0)
		goto out;
	began = 1;
	if (!fp) {
		rc = import_dir(&im, path, &f, err);
		goto done;
	}
	c = peek(fp, &skipped);
	if (c == EOF && !ferror(fp)) {
		lcm_error_at(err, im.file, 0, "empty file");
		goto out;
	}
	/* JSON, NDJSON, or a tracking log opening with '#' comment lines */
	xml = (c == '<' && !opts->format) ||
	    (opts->format && strcmp(opts->format, "stackexchange") == 0);
	json = !xml && (c == '[' || c == '{' || c == '#' ||
			(opts->format && lcm_input_format_by_name(opts->format)->json));
	if (xml) {
		f = &lcm_fmt_stackexchange;
		rc = lcm_import_stackexchange(&im, fp, err);
	} else if (json)
		rc = lcm_import_json(&im, fp, skipped, &f, err);
	else
		rc = import_csv(&im, fp, &f, err);
	if (rc == 0 && ferror(fp))
		rc = lcm_error_at(err, im.file, 0, "read error: %s", strerror(errno));
	/* the reader saw EIO: say what is wrong with the gzip data */
	if (rc < 0 && lcm_input_gunzip_error(in.gz))
		lcm_error_at(err, im.file, 0, "%s", lcm_input_gunzip_error(in.gz));
done:
	if (f && f->finish && f->finish(&im, rc == 0, rc == 0 ? err : NULL) < 0)
		rc = -1;
	if (rc == 0 && stats->rows == 0 && stats->rejected == 0)
		rc = lcm_error_at(err, im.file, 0, json ? "no records in the JSON:"
				  " nothing to import" : xml ? "no rows in the XML: nothing"
				  " to import" : !fp ? "no records in the directory: nothing"
				  " to import" : "no data rows after the header");
	if (rc == 0 && (lcm_identity_link(st, opts->link_by, NULL, err) < 0 ||
			lcm_store_link_parents(st, err) < 0 ||
			lcm_store_source(st, f->platform ? f->platform :
					 (opts->platform ? opts->platform : "lcm"),
					 f->name, im.file, opts->now, stats->rows, err) < 0))
		rc = -1;
	/* the rejects are part of the result: written before anything is kept */
	if (rc == 0 && opts->rejects) {
		errno = 0;
		if (fflush(opts->rejects) != 0 || ferror(opts->rejects))
			rc = lcm_error_at(err, opts->rejects_name ? opts->rejects_name :
					  "rejects", 0, "cannot write: %s",
					  errno ? strerror(errno) : "write error");
	}
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
	if (in.own && fp)
		fclose(fp);
	return rc;
}
