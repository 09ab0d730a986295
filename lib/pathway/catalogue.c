/*
 * catalogue.c - reading and indexing a catalogue of learning bricks:
 * see catalogue.h. JSON is read in catalogue_json.c, the store in
 * pathway_store.c; the checks are in catalogue_check.c.
 */
#include "catalogue.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "csv.h"
#include "value.h"
#include "xalloc.h"

/* Header names of each LCM_CAT_* column, '|'-separated, and whether required. */
static const struct {
	const char *names;
	int required;
} columns[LCM_CAT_NCOL] = {
	[LCM_CAT_ID] = { "id|item", 1 },
	[LCM_CAT_TITLE] = { "title", 1 },
	[LCM_CAT_FORMAT] = { "format", 0 },
	[LCM_CAT_DURATION] = { "duration_min|duration", 1 },
	[LCM_CAT_LEVEL] = { "level", 0 },
	[LCM_CAT_SKILLS] = { "skills|skill", 0 },
	[LCM_CAT_PREREQS] = { "prereqs|prereq|prerequisites", 0 },
	[LCM_CAT_LANGUAGE] = { "language|lang", 0 },
	[LCM_CAT_URL] = { "url", 0 },
	[LCM_CAT_REMEDIAL] = { "remedial", 0 },
};

void
lcm_strlist_add(struct lcm_strlist *l, const char *s)
{
	l->v = lcm_xreallocarray(l->v, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = lcm_xstrdup(s);
}

void
lcm_strlist_split(struct lcm_strlist *l, const char *text, char sep)
{
	const char *p, *end, *next;
	char *item;

	for (p = text ? text : ""; *p; p = next) {
		end = strchr(p, sep);
		next = end ? end + 1 : p + strlen(p);
		if (!end)
			end = next;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end == p)
			continue;
		item = lcm_xstrndup(p, (size_t)(end - p));
		if (lcm_strlist_find(l, item) == LCM_CAT_NONE) {
			l->v = lcm_xreallocarray(l->v, l->n + 1, sizeof(*l->v));
			l->v[l->n++] = item;
		} else {
			free(item);
		}
	}
}

size_t
lcm_strlist_find(const struct lcm_strlist *l, const char *s)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0)
			return i;
	return LCM_CAT_NONE;
}

void
lcm_strlist_release(struct lcm_strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void
lcm_catalogue_init(struct lcm_catalogue *c)
{
	memset(c, 0, sizeof(*c));
	lcm_strmap_init(&c->ids);
	lcm_strmap_init(&c->skill_idx);
}

/* Frees the indexes only (lcm_catalogue_index builds them again). */
static void
release_index(struct lcm_catalogue *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->b[i].pre);
		c->b[i].pre = NULL;
		c->b[i].npre = 0;
	}
	for (i = 0; i < c->nskills; i++) {
		free(c->skills[i].name);
		free(c->skills[i].bricks);
	}
	free(c->skills);
	c->skills = NULL;
	c->nskills = 0;
	lcm_strmap_release(&c->ids);
	lcm_strmap_release(&c->skill_idx);
}

/* Frees what one brick holds (not the brick itself). */
static void
brick_release(struct lcm_brick *b)
{
	size_t i;

	free(b->id);
	free(b->title);
	free(b->format);
	free(b->language);
	free(b->url);
	lcm_strlist_release(&b->skills);
	lcm_strlist_release(&b->prereqs);
	for (i = 0; i < b->nbands; i++)
		lcm_strlist_release(&b->bands[i].ids);
	free(b->bands);
}

void
lcm_catalogue_release(struct lcm_catalogue *c)
{
	size_t i;

	release_index(c);
	for (i = 0; i < c->n; i++) {
		brick_release(&c->b[i]);
	}
	free(c->b);
	free(c->name);
	lcm_catalogue_init(c);
}

/* NULL for NULL or empty, else an owned copy. */
static char *
opt_dup(const char *v)
{
	return v && *v ? lcm_xstrdup(v) : NULL;
}

/* A score bound, 0 to 1, from the n bytes at s. */
static int
parse_bound(const char *s, size_t n, double *out)
{
	char tmp[32];

	if (n == 0 || n >= sizeof(tmp))
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	/* the rule of every score (value.h); the message is the caller's */
	return lcm_value_score("remedial", tmp, out, NULL);
}

/*
 * Parses the remedial bands "LOW-HIGH:ID[,ID...];..." of brick b.
 * Bands must not be empty nor overlap, so a score is in one at most.
 */
static int
parse_bands(struct lcm_brick *b, const char *text, struct lcm_err *err)
{
	struct lcm_strlist parts = { 0 };
	struct lcm_band *nb;
	const char *s, *colon, *dash;
	char q[64];
	size_t i, j;
	int rc = -1;

	lcm_strlist_split(&parts, text, ';');
	b->bands = lcm_xcalloc(parts.n + 1, sizeof(*b->bands));
	for (i = 0; i < parts.n; i++) {
		s = parts.v[i];
		colon = strchr(s, ':');
		/* the '-' between the bounds: bounds are never negative (and
		 * a part opening with ':' has no room for one) */
		dash = colon && colon > s ?
		    memchr(s + 1, '-', (size_t)(colon - s - 1)) : NULL;
		nb = &b->bands[b->nbands];
		if (!dash || parse_bound(s, (size_t)(dash - s), &nb->lo) < 0 ||
		    parse_bound(dash + 1, (size_t)(colon - dash - 1), &nb->hi) < 0) {
			lcm_error(err, "column 'remedial': not LOW-HIGH:ID with scores "
				  "from 0 to 1: '%s'", lcm_err_quote(s, q, sizeof(q)));
			goto out;
		}
		if (nb->lo >= nb->hi) {
			lcm_error(err, "column 'remedial': empty band: '%s'",
				  lcm_err_quote(s, q, sizeof(q)));
			goto out;
		}
		lcm_strlist_split(&nb->ids, colon + 1, ',');
		b->nbands++;
		if (nb->ids.n == 0) {
			lcm_error(err, "column 'remedial': band without a brick: '%s'",
				  lcm_err_quote(s, q, sizeof(q)));
			goto out;
		}
		for (j = 0; j + 1 < b->nbands; j++)
			if (nb->lo < b->bands[j].hi && b->bands[j].lo < nb->hi) {
				lcm_error(err, "column 'remedial': bands overlap: '%s'",
					  lcm_err_quote(s, q, sizeof(q)));
				goto out;
			}
	}
	rc = 0;
out:
	lcm_strlist_release(&parts);
	return rc;
}

int
lcm_catalogue_add(struct lcm_catalogue *c, const char *const *v, long line,
		  struct lcm_err *err)
{
	struct lcm_brick *b;
	int64_t duration, level = 0;

	if (!v[LCM_CAT_ID] || !*v[LCM_CAT_ID])
		return lcm_error(err, "column 'id' is empty");
	if (lcm_value_duration("duration_min", v[LCM_CAT_DURATION], &duration, err) < 0)
		return -1;
	if (v[LCM_CAT_LEVEL] && *v[LCM_CAT_LEVEL] &&
	    lcm_value_level("level", v[LCM_CAT_LEVEL], &level, err) < 0)
		return -1;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->b = lcm_xreallocarray(c->b, c->cap, sizeof(*c->b));
	}
	b = &c->b[c->n];
	memset(b, 0, sizeof(*b));
	b->id = lcm_xstrdup(v[LCM_CAT_ID]);
	b->title = lcm_xstrdup(v[LCM_CAT_TITLE] ? v[LCM_CAT_TITLE] : "");
	b->format = opt_dup(v[LCM_CAT_FORMAT]);
	b->language = opt_dup(v[LCM_CAT_LANGUAGE]);
	b->url = opt_dup(v[LCM_CAT_URL]);
	b->duration = duration;
	b->level = (int)level;
	b->line = line;
	lcm_strlist_split(&b->skills, v[LCM_CAT_SKILLS], ';');
	lcm_strlist_split(&b->prereqs, v[LCM_CAT_PREREQS], ';');
	c->n++;
	if (parse_bands(b, v[LCM_CAT_REMEDIAL], err) < 0) {
		/* not kept: free what was made */
		c->n--;
		brick_release(b);
		return -1;
	}
	return 0;
}

void
lcm_catalogue_index(struct lcm_catalogue *c)
{
	struct lcm_skill *s;
	struct lcm_brick *b;
	size_t i, j;
	int64_t k;

	release_index(c);
	for (i = 0; i < c->n; i++)
		if (!lcm_strmap_get(&c->ids, c->b[i].id, &k))
			lcm_strmap_put(&c->ids, c->b[i].id, (int64_t)i);
	for (i = 0; i < c->n; i++) {
		b = &c->b[i];
		b->pre = lcm_xreallocarray(NULL, b->prereqs.n + 1, sizeof(*b->pre));
		for (j = 0; j < b->prereqs.n; j++)
			if (lcm_strmap_get(&c->ids, b->prereqs.v[j], &k))
				b->pre[b->npre++] = (size_t)k;
		for (j = 0; j < b->skills.n; j++) {
			if (!lcm_strmap_get(&c->skill_idx, b->skills.v[j], &k)) {
				k = (int64_t)c->nskills;
				c->skills = lcm_xreallocarray(c->skills, c->nskills + 1,
							      sizeof(*c->skills));
				memset(&c->skills[k], 0, sizeof(*c->skills));
				c->skills[k].name = lcm_xstrdup(b->skills.v[j]);
				c->nskills++;
				lcm_strmap_put(&c->skill_idx, b->skills.v[j], k);
			}
			s = &c->skills[k];
			s->bricks = lcm_xreallocarray(s->bricks, s->n + 1, sizeof(*s->bricks));
			s->bricks[s->n++] = i;
		}
	}
}

size_t
lcm_catalogue_find(const struct lcm_catalogue *c, const char *id)
{
	int64_t k;

	return lcm_strmap_get(&c->ids, id, &k) ? (size_t)k : LCM_CAT_NONE;
}

const struct lcm_skill *
lcm_catalogue_skill(const struct lcm_catalogue *c, const char *skill)
{
	int64_t k;

	return lcm_strmap_get(&c->skill_idx, skill, &k) ? &c->skills[k] : NULL;
}

const struct lcm_band *
lcm_brick_band(const struct lcm_brick *b, double score)
{
	size_t i;

	for (i = 0; i < b->nbands; i++)
		if (score >= b->bands[i].lo &&
		    (score < b->bands[i].hi || (b->bands[i].hi >= 1 && score <= 1)))
			return &b->bands[i];
	return NULL;
}

int
lcm_catalogue_column(const char *cell)
{
	const char *a, *end;
	size_t n;
	int k;

	for (k = 0; k < LCM_CAT_NCOL; k++) {
		for (a = columns[k].names; *a; a = *end ? end + 1 : end) {
			end = strchr(a, '|');
			if (!end)
				end = a + strlen(a);
			n = (size_t)(end - a);
			if (strlen(cell) == n && strncasecmp(cell, a, n) == 0)
				return k;
		}
	}
	return -1;
}

int
lcm_catalogue_column_required(int k)
{
	return columns[k].required;
}

const char *
lcm_catalogue_column_name(int k, char *out, size_t size)
{
	size_t n = strcspn(columns[k].names, "|");

	snprintf(out, size, "%.*s", (int)n, columns[k].names);
	return out;
}

/* CSV: a header, then one brick a line. */
static int
read_csv(struct lcm_catalogue *c, FILE *fp, const char *name, struct lcm_err *err)
{
	struct lcm_csv_reader *r = lcm_csv_open(fp, name, NULL, err);
	struct lcm_csv_record rec;
	const char *v[LCM_CAT_NCOL];
	int map[LCM_CAT_NCOL], k, got, rc = -1;
	size_t i, nhead;
	char col[32];

	if (!r)
		return -1;
	if ((got = lcm_csv_next(r, &rec, err)) <= 0) {
		if (got == 0)
			lcm_error_at(err, name, 0, "no header line: empty catalogue");
		goto out;
	}
	for (k = 0; k < LCM_CAT_NCOL; k++)
		map[k] = -1;
	nhead = rec.nfields;
	for (i = 0; i < rec.nfields; i++)
		if ((k = lcm_catalogue_column(rec.fields[i])) >= 0 && map[k] < 0)
			map[k] = (int)i;
	for (k = 0; k < LCM_CAT_NCOL; k++)
		if (columns[k].required && map[k] < 0) {
			lcm_error_at(err, name, rec.line, "no column '%s' in the header",
				     lcm_catalogue_column_name(k, col, sizeof(col)));
			goto out;
		}
	while ((got = lcm_csv_next(r, &rec, err)) > 0) {
		if (rec.nfields != nhead) {
			lcm_error_at(err, name, rec.line,
				     "expected %zu fields as in the header, found %zu",
				     nhead, rec.nfields);
			goto out;
		}
		for (k = 0; k < LCM_CAT_NCOL; k++)
			v[k] = map[k] >= 0 ? rec.fields[map[k]] : NULL;
		if (lcm_catalogue_add(c, v, rec.line, err) < 0) {
			lcm_err_locate(err, name, rec.line);
			goto out;
		}
	}
	rc = got < 0 ? -1 : 0;
out:
	lcm_csv_close(r);
	return rc;
}

int
lcm_catalogue_read_mem(struct lcm_catalogue *c, const char *buf, size_t len,
		       const char *name, struct lcm_err *err)
{
	size_t i = 0;
	FILE *fp;
	int rc;

	free(c->name);
	c->name = lcm_xstrdup(name);
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' ||
			   buf[i] == '\n'))
		i++;
	if (i == len)
		return lcm_error_at(err, name, 0, "no header line: empty catalogue");
	if (buf[i] == '[' || buf[i] == '{') {
		rc = lcm_catalogue_read_json(c, buf + i, len - i, name, err);
		/* lines were counted from the first non-blank byte */
		if (rc < 0 && err && err->line > 0)
			for (; i > 0; i--)
				if (buf[i - 1] == '\n')
					err->line++;
	} else {
		if (!(fp = fmemopen((void *)buf, len, "r")))
			return lcm_error_at(err, name, 0, "cannot read: %s",
					    strerror(errno));
		rc = read_csv(c, fp, name, err);
		fclose(fp);
	}
	if (rc == 0)
		lcm_catalogue_index(c);
	return rc;
}

int
lcm_catalogue_read(struct lcm_catalogue *c, FILE *fp, const char *name,
		   struct lcm_err *err)
{
	struct lcm_buf b;
	char chunk[65536];
	size_t n;
	int rc;

	lcm_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		lcm_buf_add(&b, chunk, n);
	if (ferror(fp))
		rc = lcm_error_at(err, name, 0, "cannot read: %s", strerror(errno));
	else
		rc = lcm_catalogue_read_mem(c, b.data, b.len, name, err);
	lcm_buf_release(&b);
	return rc;
}
