/*
 * pathway_learners.c - the learners of lcm-pathway from CSV files: a
 * learners file (any CSV with a 'learner' or 'person' column) and a
 * scores file. See pathway.h; the store's learners are in
 * pathway_store.c.
 */
#include "pathway.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "pseudo.h"
#include "value.h"
#include "xalloc.h"

#define MINUTES_A_WEEK 10080

void
lcm_learners_init(struct lcm_learners *ls)
{
	memset(ls, 0, sizeof(*ls));
	lcm_strmap_init(&ls->idx);
}

void
lcm_learners_release(struct lcm_learners *ls)
{
	size_t i, j;

	for (i = 0; i < ls->n; i++) {
		struct lcm_learner *l = &ls->v[i];

		free(l->id);
		free(l->name);
		free(l->key);
		free(l->language);
		lcm_strlist_release(&l->goals);
		lcm_strlist_release(&l->interests);
		lcm_strlist_release(&l->completed);
		lcm_strlist_release(&l->has);
		lcm_strlist_release(&l->formats);
		for (j = 0; j < l->nscores; j++)
			free(l->scores[j].item);
		free(l->scores);
	}
	free(ls->v);
	lcm_strmap_release(&ls->idx);
	lcm_learners_init(ls);
}

struct lcm_learner *
lcm_learners_find(struct lcm_learners *ls, const char *id)
{
	int64_t k;

	return lcm_strmap_get(&ls->idx, id, &k) ? &ls->v[k] : NULL;
}

struct lcm_learner *
lcm_learners_get(struct lcm_learners *ls, const char *id)
{
	struct lcm_learner *l = lcm_learners_find(ls, id);

	if (l)
		return l;
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? 2 * ls->cap : 64;
		ls->v = lcm_xreallocarray(ls->v, ls->cap, sizeof(*ls->v));
	}
	l = &ls->v[ls->n];
	memset(l, 0, sizeof(*l));
	l->id = lcm_xstrdup(id);
	lcm_strmap_put(&ls->idx, id, (int64_t)ls->n);
	ls->n++;
	return l;
}

void
lcm_learner_score(struct lcm_learner *l, const char *item, double score)
{
	size_t i;

	for (i = 0; i < l->nscores; i++)
		if (strcmp(l->scores[i].item, item) == 0) {
			l->scores[i].score = score;
			return;
		}
	l->scores = lcm_xreallocarray(l->scores, l->nscores + 1, sizeof(*l->scores));
	l->scores[l->nscores].item = lcm_xstrdup(item);
	l->scores[l->nscores].score = score;
	l->nscores++;
}

int
lcm_is_pseudonym(const char *s)
{
	return strlen(s) == LCM_PSEUDO_LEN &&
		strspn(s, "0123456789abcdef") == LCM_PSEUDO_LEN;
}

/*
 * A learner's pseudonym: that of its person's "platform:external_id"
 * when the store knew them, lcm-engage's; else that of the id as
 * written, so an id given as lcm-engage prints it in a store of several
 * platforms ("moodle:58") gets the same pseudonym without the store.
 */
size_t
lcm_learners_pseudonymize(struct lcm_learners *ls, const char *key)
{
	struct lcm_learner *l;
	size_t i, again = 0;
	char *p;

	for (i = 0; i < ls->n; i++) {
		l = &ls->v[i];
		/* unknown to the store, never printed as written: hashed again */
		if (!l->key && lcm_is_pseudonym(l->id))
			again++;
		p = lcm_pseudonym_dup(key, l->key ? l->key : l->id);
		free(l->id);
		l->id = p;
		/* the old id stays in the index: --learner may give either */
		lcm_strmap_put(&ls->idx, p, (int64_t)i);
		free(l->name);
		l->name = NULL;
		l->given &= ~(unsigned)LCM_L_NAME;
	}
	return again;
}

/*
 * Finds the columns named in names[k] ('|'-separated aliases) in the
 * header rec: col[k] is the field number, or -1.
 */
static void
map_header(const struct lcm_csv_record *rec, const char *const *names, int n,
	   int *col)
{
	const char *a, *end;
	size_t i, len;
	int k;

	for (k = 0; k < n; k++) {
		col[k] = -1;
		for (a = names[k]; *a && col[k] < 0; a = *end ? end + 1 : end) {
			end = strchr(a, '|');
			if (!end)
				end = a + strlen(a);
			len = (size_t)(end - a);
			for (i = 0; i < rec->nfields && col[k] < 0; i++)
				if (strlen(rec->fields[i]) == len &&
				    strncasecmp(rec->fields[i], a, len) == 0)
					col[k] = (int)i;
		}
	}
}

/* The value of column k of rec, or NULL when absent or empty. */
static const char *
field(const struct lcm_csv_record *rec, const int *col, int k)
{
	if (col[k] < 0 || (size_t)col[k] >= rec->nfields || !*rec->fields[col[k]])
		return NULL;
	return rec->fields[col[k]];
}

enum { L_ID, L_NAME, L_GOALS, L_INTERESTS, L_COMPLETED, L_BUDGET, L_FORMATS,
	L_LANGUAGE, L_N };
static const char *const learner_cols[L_N] = {
	[L_ID] = "learner|person", [L_NAME] = "name|fullname",
	[L_GOALS] = "goals|goal", [L_INTERESTS] = "interests|interest",
	[L_COMPLETED] = "completed", [L_BUDGET] = "budget|budget_min",
	[L_FORMATS] = "formats|format", [L_LANGUAGE] = "language|lang",
};

/* One row of the learners file into its learner. */
static int
learner_row(struct lcm_learners *ls, const struct lcm_csv_record *rec,
	    const int *col, struct lcm_err *err)
{
	const char *id = field(rec, col, L_ID), *v;
	struct lcm_learner *l;
	char q[64], *end;
	long long n = 0;

	if (!id)
		return lcm_error(err, "column 'learner' is empty");
	if ((v = field(rec, col, L_BUDGET))) {
		errno = 0;
		n = strtoll(v, &end, 10);
		if (errno || *end || n < 1 || n > MINUTES_A_WEEK)
			return lcm_error(err, "column 'budget': not minutes from 1 to %d: '%s'",
					 MINUTES_A_WEEK, lcm_err_quote(v, q, sizeof(q)));
	}
	l = lcm_learners_get(ls, id);
	if (!l->line)
		l->line = rec->line;
	if (v) {
		l->budget = n;
		l->given |= LCM_L_BUDGET;
	}
	if ((v = field(rec, col, L_NAME))) {
		free(l->name);
		l->name = lcm_xstrdup(v);
		l->given |= LCM_L_NAME;
	}
	if ((v = field(rec, col, L_LANGUAGE))) {
		free(l->language);
		l->language = lcm_xstrdup(v);
		l->given |= LCM_L_LANGUAGE;
	}
	lcm_strlist_split(&l->goals, field(rec, col, L_GOALS), ';');
	lcm_strlist_split(&l->interests, field(rec, col, L_INTERESTS), ';');
	lcm_strlist_split(&l->completed, field(rec, col, L_COMPLETED), ';');
	lcm_strlist_split(&l->formats, field(rec, col, L_FORMATS), ';');
	if (l->goals.n)
		l->given |= LCM_L_GOALS;
	if (l->interests.n)
		l->given |= LCM_L_INTERESTS;
	if (l->formats.n)
		l->given |= LCM_L_FORMATS;
	return 0;
}

/*
 * Reads a CSV whose header must have the column names[0]; calls row
 * for each record with the header's column map. 0, or -1 located.
 */
static int
read_table(struct lcm_learners *ls, FILE *fp, const char *name,
	   const char *const *names, int n, const char *need,
	   int (*row)(struct lcm_learners *, const struct lcm_csv_record *,
		      const int *, struct lcm_err *),
	   struct lcm_err *err)
{
	struct lcm_csv_reader *r = lcm_csv_open(fp, name, NULL, err);
	struct lcm_csv_record rec;
	int col[16], got, k, rc = -1;
	size_t nhead;

	if (!r)
		return -1;
	if ((got = lcm_csv_next(r, &rec, err)) <= 0) {
		if (got == 0)
			lcm_error_at(err, name, 0, "no header line: empty file");
		goto out;
	}
	map_header(&rec, names, n, col);
	for (k = 0; k < n; k++)
		if (need[k] == '1' && col[k] < 0) {
			lcm_error_at(err, name, rec.line, "no column '%.*s' in the header",
				     (int)strcspn(names[k], "|"), names[k]);
			goto out;
		}
	nhead = rec.nfields;
	while ((got = lcm_csv_next(r, &rec, err)) > 0) {
		if (rec.nfields != nhead) {
			lcm_error_at(err, name, rec.line,
				     "expected %zu fields as in the header, found %zu",
				     nhead, rec.nfields);
			goto out;
		}
		if (row(ls, &rec, col, err) < 0) {
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
lcm_learners_read_csv(struct lcm_learners *ls, FILE *fp, const char *name,
		      struct lcm_err *err)
{
	return read_table(ls, fp, name, learner_cols, L_N, "10000000", learner_row,
			  err);
}

enum { S_PERSON, S_ITEM, S_SCORE, S_N };
static const char *const score_cols[S_N] = {
	[S_PERSON] = "person|learner", [S_ITEM] = "item|id", [S_SCORE] = "score",
};

/* One row of a scores file: kept when the learner is planned for. */
static int
score_row(struct lcm_learners *ls, const struct lcm_csv_record *rec,
	  const int *col, struct lcm_err *err)
{
	const char *who = field(rec, col, S_PERSON), *item = field(rec, col, S_ITEM);
	const char *v = field(rec, col, S_SCORE);
	struct lcm_learner *l;
	double s;

	if (!who)
		return lcm_error(err, "column 'person' is empty");
	if (!item)
		return lcm_error(err, "column 'item' is empty");
	if (!v)
		return 0;
	if (lcm_value_score("score", v, &s, err) < 0)
		return -1;
	if ((l = lcm_learners_find(ls, who)))
		lcm_learner_score(l, item, s);
	return 0;
}

int
lcm_scores_read_csv(struct lcm_learners *ls, FILE *fp, const char *name,
		    struct lcm_err *err)
{
	return read_table(ls, fp, name, score_cols, S_N, "111", score_row, err);
}
