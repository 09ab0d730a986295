/*
 * rows.c - reading lcm's rows (CSV, JSON, NDJSON) and joining them to
 * the store's persons.
 */
#include "rows.h"

#include <errno.h>
#include <jansson.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "csv.h"
#include "xalloc.h"

/* As open.c's: a pipe holds data once its writer wrote (or closed). */
int
lcm_nudge_stdin_has_data(void)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	struct stat sb;

	if (fstat(STDIN_FILENO, &sb) != 0)
		return 0;
	if (S_ISREG(sb.st_mode))
		return sb.st_size > 0;
	if (!S_ISFIFO(sb.st_mode) && !S_ISSOCK(sb.st_mode))
		return 0;
	while (poll(&pfd, 1, -1) < 0)
		;	/* EINTR */
	return (pfd.revents & POLLIN) != 0;
}

/* The index of column name, adding it (and widening every row) if new. */
static size_t
col_add(struct lcm_nudge_table *t, const char *name)
{
	long c = lcm_nudge_table_col(t, name);
	size_t i;

	if (c >= 0)
		return (size_t)c;
	t->cols = lcm_xreallocarray(t->cols, t->ncol + 1, sizeof(*t->cols));
	t->cols[t->ncol] = lcm_xstrdup(name);
	for (i = 0; i < t->n; i++) {
		t->rows[i] = lcm_xreallocarray(t->rows[i], t->ncol + 1, sizeof(**t->rows));
		t->rows[i][t->ncol] = NULL;
	}
	return t->ncol++;
}

/* Appends an empty row (every value NULL) read at line; returns it. */
static char **
row_add(struct lcm_nudge_table *t, long line)
{
	t->rows = lcm_xreallocarray(t->rows, t->n + 1, sizeof(*t->rows));
	t->lines = lcm_xreallocarray(t->lines, t->n + 1, sizeof(*t->lines));
	t->rows[t->n] = lcm_xcalloc(t->ncol ? t->ncol : 1, sizeof(**t->rows));
	t->lines[t->n] = line;
	return t->rows[t->n++];
}

/* One JSON object as a row; -1 with err for a value that is not a scalar. */
static int
json_row(struct lcm_nudge_table *t, json_t *o, const char *name, long line,
	 struct lcm_err *err)
{
	const char *k;
	json_t *v;
	char *s;
	size_t c;

	if (!json_is_object(o))
		return lcm_error_at(err, name, line, "not a JSON object");
	row_add(t, line);
	json_object_foreach(o, k, v) {
		if (json_is_object(v) || json_is_array(v))
			return lcm_error_at(err, name, line, "field '%s': not a string or number", k);
		c = col_add(t, k);
		if (json_is_null(v))
			continue;
		if (json_is_string(v))
			s = lcm_xstrdup(json_string_value(v));
		else if (json_is_true(v) || json_is_false(v))
			s = lcm_xstrdup(json_is_true(v) ? "1" : "0");
		else if (!(s = json_dumps(v, JSON_ENCODE_ANY | JSON_REAL_PRECISION(15))))
			abort();
		free(t->rows[t->n - 1][c]);
		t->rows[t->n - 1][c] = s;
	}
	return 0;
}

/* A JSON array of objects; lines are counted to each object's start. */
static int
read_json(struct lcm_nudge_table *t, const char *text, const char *name,
	  struct lcm_err *err)
{
	json_error_t je;
	json_t *a;
	size_t i;
	int rc = 0;

	if (!(a = json_loads(text, 0, &je)))
		return lcm_error_at(err, name, je.line, "not JSON: %s", je.text);
	if (!json_is_array(a)) {
		json_decref(a);
		return lcm_error_at(err, name, 1, "not a JSON array of rows");
	}
	for (i = 0; i < json_array_size(a) && rc == 0; i++)
		/* lcm writes one object a line after the '[' line */
		rc = json_row(t, json_array_get(a, i), name, (long)i + 2, err);
	json_decref(a);
	return rc;
}

/* One JSON object a line; blank lines skipped. */
static int
read_ndjson(struct lcm_nudge_table *t, char *text, const char *name,
	    struct lcm_err *err)
{
	json_error_t je;
	char *p = text, *nl;
	long line = 0;
	json_t *o;
	int rc;

	for (; *p; p = nl ? nl + 1 : p + strlen(p)) {
		line++;
		if ((nl = strchr(p, '\n')))
			*nl = '\0';
		if (strspn(p, " \t\r") == strlen(p))
			continue;
		if (!(o = json_loads(p, 0, &je)))
			return lcm_error_at(err, name, line, "not JSON: %s", je.text);
		rc = json_row(t, o, name, line, err);
		json_decref(o);
		if (rc < 0)
			return -1;
		if (!nl)
			break;
	}
	return 0;
}

/* CSV with a header line, through lcm's reader (BOM, CRLF, separators). */
static int
read_csv(struct lcm_nudge_table *t, char *text, size_t len, const char *name,
	 struct lcm_err *err)
{
	struct lcm_csv_reader *r = NULL;
	struct lcm_csv_record rec;
	FILE *fp;
	char **row;
	size_t i;
	int rc = -1, got;

	if (!(fp = fmemopen(text, len, "r")))
		return lcm_error(err, "cannot read '%s': %s", name, strerror(errno));
	if (!(r = lcm_csv_open(fp, name, NULL, err)))
		goto out;
	if ((got = lcm_csv_next(r, &rec, err)) <= 0) {
		rc = got;
		goto out;
	}
	for (i = 0; i < rec.nfields; i++)
		col_add(t, rec.fields[i]);
	while ((got = lcm_csv_next(r, &rec, err)) > 0) {
		if (rec.nfields > t->ncol) {
			lcm_error_at(err, name, rec.line, "%zu fields, the header has %zu",
				     rec.nfields, t->ncol);
			goto out;
		}
		row = row_add(t, rec.line);
		for (i = 0; i < rec.nfields; i++)
			row[i] = rec.lens[i] ? lcm_xstrdup(rec.fields[i]) : NULL;
	}
	rc = got;
out:
	lcm_csv_close(r);
	fclose(fp);
	return rc;
}

int
lcm_nudge_table_read(FILE *fp, const char *name, struct lcm_nudge_table *t,
		     struct lcm_err *err)
{
	struct lcm_buf b;
	char chunk[65536];
	size_t n, skip;
	int rc = -1;

	memset(t, 0, sizeof(*t));
	lcm_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		lcm_buf_add(&b, chunk, n);
	if (ferror(fp)) {
		lcm_error(err, "cannot read '%s': %s", name, strerror(errno));
		goto out;
	}
	skip = b.len >= 3 && memcmp(b.data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	skip += strspn(b.data + skip, " \t\r\n");
	if (b.data[skip] == '[')
		rc = read_json(t, b.data + skip, name, err);
	else if (b.data[skip] == '{')
		rc = read_ndjson(t, b.data, name, err);
	else if (b.len == 0)
		rc = 0;
	else
		rc = read_csv(t, b.data, b.len, name, err);
out:
	lcm_buf_release(&b);
	if (rc < 0)
		lcm_nudge_table_release(t);
	return rc;
}

void
lcm_nudge_table_release(struct lcm_nudge_table *t)
{
	size_t i, j;

	for (i = 0; i < t->n; i++) {
		for (j = 0; j < t->ncol; j++)
			free(t->rows[i][j]);
		free(t->rows[i]);
	}
	for (j = 0; j < t->ncol; j++)
		free(t->cols[j]);
	free(t->rows);
	free(t->cols);
	free(t->lines);
	memset(t, 0, sizeof(*t));
}

long
lcm_nudge_table_col(const struct lcm_nudge_table *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->ncol; i++)
		if (strcmp(t->cols[i], name) == 0)
			return (long)i;
	return -1;
}

/*
 * The next "Name (id): score" or "id: score" of a suggested list at *p:
 * id and score into owned strings, *p moved past it. 0 at the end.
 */
static int
next_suggested(const char **p, char **id, char **score)
{
	const char *s = *p, *end, *colon, *open;

	s += strspn(s, " ;");
	if (!*s)
		return 0;
	end = strstr(s, "; ");
	if (!end)
		end = s + strlen(s);
	*p = end;
	for (colon = end; colon > s && *colon != ':'; colon--)
		;
	if (colon == s)
		return next_suggested(p, id, score);	/* no score: skipped */
	*score = lcm_xstrndup(colon + 1 + (colon[1] == ' '), (size_t)(end - colon - 1 - (colon[1] == ' ')));
	/* the id is inside the last parentheses before the colon, if any */
	if (colon[-1] == ')') {
		for (open = colon - 1; open > s && *open != '('; open--)
			;
		*id = lcm_xstrndup(open + 1, (size_t)(colon - 2 - open));
	} else {
		*id = lcm_xstrndup(s, (size_t)(colon - s));
	}
	return 1;
}

size_t
lcm_nudge_table_expand_suggested(struct lcm_nudge_table *t)
{
	struct lcm_nudge_table out = { 0 };
	long sug = lcm_nudge_table_col(t, "suggested");
	size_t i, j, pc, sc;
	const char *p;
	char *id, *score, **row;

	if (sug < 0 || lcm_nudge_table_col(t, "person") >= 0)
		return 0;
	for (j = 0; j < t->ncol; j++)
		col_add(&out, t->cols[j]);
	pc = col_add(&out, "person");
	sc = col_add(&out, "score");
	for (i = 0; i < t->n; i++) {
		p = t->rows[i][sug] ? t->rows[i][sug] : "";
		while (next_suggested(&p, &id, &score)) {
			row = row_add(&out, t->lines[i]);
			for (j = 0; j < t->ncol; j++)
				row[j] = t->rows[i][j] ? lcm_xstrdup(t->rows[i][j]) : NULL;
			row[pc] = id;
			row[sc] = score;
		}
	}
	lcm_nudge_table_release(t);
	*t = out;
	return t->n;
}

/* An owned copy of a column of s, NULL when NULL or empty. */
static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v && *v ? lcm_xstrdup((const char *)v) : NULL;
}

#define PERSON_COLS "SELECT id, platform, external_id, name, email, role, cohort," \
	" manager, username FROM person "

int
lcm_nudge_people_open(struct lcm_nudge_people *pp, struct lcm_store *st,
		      struct lcm_err *err)
{
	sqlite3_stmt *s = NULL;
	int rc;

	memset(pp, 0, sizeof(*pp));
	if (!(pp->by_id = lcm_store_prepare(st, PERSON_COLS
					    "WHERE platform = ?1 AND external_id = ?2", err)) ||
	    !(pp->by_email = lcm_store_prepare(st, PERSON_COLS
					       "WHERE email = ?1 ORDER BY id LIMIT 1", err)) ||
	    !(pp->by_lower = lcm_store_prepare(st, PERSON_COLS
					       "WHERE lower(email) = lower(?1) ORDER BY id LIMIT 1",
					       err)) ||
	    !(s = lcm_store_prepare(st, "SELECT DISTINCT platform FROM person ORDER BY 1", err)))
		goto fail;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		pp->platforms = lcm_xreallocarray(pp->platforms, pp->nplat + 1,
						  sizeof(*pp->platforms));
		pp->platforms[pp->nplat++] = lcm_xstrdup((const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	if (rc == SQLITE_DONE)
		return 0;
	lcm_store_fail(st, err, "reading persons");
fail:
	lcm_nudge_people_close(pp);
	return -1;
}

void
lcm_nudge_people_close(struct lcm_nudge_people *pp)
{
	size_t i;

	sqlite3_finalize(pp->by_id);
	sqlite3_finalize(pp->by_email);
	sqlite3_finalize(pp->by_lower);
	for (i = 0; i < pp->nplat; i++)
		free(pp->platforms[i]);
	free(pp->platforms);
	memset(pp, 0, sizeof(*pp));
}

/* Steps s (bound): 1 with p filled from its row, 0 for none, -1 with err. */
static int
fetch(sqlite3_stmt *s, struct lcm_store *st, struct lcm_nudge_person *p,
      struct lcm_err *err)
{
	size_t sp;
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		p->id = sqlite3_column_int64(s, 0);
		p->platform = col_dup(s, 1);
		p->external_id = col_dup(s, 2);
		p->name = col_dup(s, 3);
		p->email = col_dup(s, 4);
		p->role = col_dup(s, 5);
		p->cohort = col_dup(s, 6);
		p->manager = col_dup(s, 7);
		p->username = col_dup(s, 8);
		if (p->name) {
			/* up to any blank or control: a name never spans lines */
			for (sp = 0; (unsigned char)p->name[sp] > 0x20; sp++)
				;
			p->first_name = lcm_xstrndup(p->name, sp);
		}
		rc = 1;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = lcm_store_fail(st, err, "reading persons");
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc;
}

int
lcm_nudge_person_find(struct lcm_nudge_people *pp, struct lcm_store *st,
		      const struct lcm_nudge_table *t, size_t i,
		      struct lcm_nudge_person *p, struct lcm_err *err)
{
	const char *v;
	long c;
	size_t k;
	int rc = 0;

	memset(p, 0, sizeof(*p));
	if ((c = lcm_nudge_table_col(t, "person")) >= 0 && (v = t->rows[i][c])) {
		for (k = 0; k < pp->nplat && rc == 0; k++) {
			sqlite3_bind_text(pp->by_id, 1, pp->platforms[k], -1, SQLITE_STATIC);
			sqlite3_bind_text(pp->by_id, 2, v, -1, SQLITE_STATIC);
			rc = fetch(pp->by_id, st, p, err);
		}
		return rc;
	}
	if ((c = lcm_nudge_table_col(t, "email")) >= 0 && (v = t->rows[i][c])) {
		sqlite3_bind_text(pp->by_email, 1, v, -1, SQLITE_STATIC);
		if ((rc = fetch(pp->by_email, st, p, err)) != 0)
			return rc;
		sqlite3_bind_text(pp->by_lower, 1, v, -1, SQLITE_STATIC);
		rc = fetch(pp->by_lower, st, p, err);
	}
	return rc;
}

void
lcm_nudge_person_release(struct lcm_nudge_person *p)
{
	free(p->platform);
	free(p->external_id);
	free(p->name);
	free(p->first_name);
	free(p->email);
	free(p->role);
	free(p->cohort);
	free(p->manager);
	free(p->username);
	memset(p, 0, sizeof(*p));
}
