/*
 * needs.c - what learners ask about (see needs.h).
 */
#include "needs.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "report_parts.h"
#include "xalloc.h"

int
lcm_needs_rising(int64_t count, const int64_t *before, int n, double *mean)
{
	int64_t sum = 0;
	int i;

	if (n <= 0) {
		*mean = NAN;
		return 0;
	}
	for (i = 0; i < n; i++)
		sum += before[i];
	*mean = (double)sum / n;
	return count >= LCM_NEEDS_MIN_COUNT && (double)count >= 2.0 * *mean;
}

struct teach {
	struct lcm_stemmer *s;
	const char *stem;
	int found;
};

static void
on_term(const char *term, void *arg)
{
	struct teach *t = arg;
	size_t len;

	if (t->found)
		return;
	if (strcmp(lcm_stem(t->s, LCM_LANG_FR, term, strlen(term), &len), t->stem) == 0 ||
	    strcmp(lcm_stem(t->s, LCM_LANG_EN, term, strlen(term), &len), t->stem) == 0)
		t->found = 1;
}

int
lcm_needs_teaches(struct lcm_stemmer *s, const char *text, const char *stem)
{
	struct teach t = { s, stem, 0 };

	if (text)
		lcm_terms_each(text, on_term, &t);
	return t.found;
}

/* A learner's question: answered by the period's end, and when. */
struct asked {
	int64_t id, created, answer;	/* answer 0: none */
};

/* The learners' thread-opening posts from since to until, by id. */
static int
read_asked(struct lcm_store *st, int64_t since, int64_t until, struct asked **out,
	   size_t *n, struct lcm_err *err)
{
	static const char sql[] =
		"SELECT q.id, q.created, (SELECT min(a.created) FROM post a"
		"  WHERE a.thread_id = q.thread_id AND a.id != q.id AND a.deleted = 0"
		"  AND a.created >= q.created AND a.created < ?2"
		"  AND a.author_id IS NOT NULL AND a.author_id != q.author_id)"
		" FROM post q JOIN person p ON p.id = q.author_id"
		" WHERE q.parent_ext IS NULL AND q.deleted = 0 AND q.private = 0"
		" AND q.created >= ?1 AND q.created < ?2 AND p.role = 'learner'"
		" ORDER BY q.id";
	sqlite3_stmt *s = lcm_store_prepare(st, sql, err);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, since);
	sqlite3_bind_int64(s, 2, until);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			*out = lcm_xreallocarray(*out, cap, sizeof(**out));
		}
		(*out)[*n].id = sqlite3_column_int64(s, 0);
		(*out)[*n].created = sqlite3_column_int64(s, 1);
		(*out)[*n].answer = sqlite3_column_type(s, 2) == SQLITE_NULL ? 0 :
			sqlite3_column_int64(s, 2);
		(*n)++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "reading questions");
	return 0;
}

/* One integer of a query with no parameter, or -1 with err. */
static int
one_int(struct lcm_store *st, const char *sql, int64_t *v, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st, sql, err);
	int rc;

	if (!s)
		return -1;
	*v = 0;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "reading the store");
	return 0;
}

/* A theme of the period, while ranking. */
struct theme {
	int w;
	int64_t q, unanswered, before[LCM_NEEDS_MAX_PERIODS];
	double *hours;
	size_t nh;
	const char *text;
	int rising;
	double mean;
};

static int
cmp_theme(const void *a, const void *b)
{
	const struct theme *x = a, *y = b;

	if (x->q != y->q)
		return x->q > y->q ? -1 : 1;
	if (x->rising != y->rising)
		return x->rising ? -1 : 1;
	return strcmp(x->text, y->text);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The bricks of the catalogue teaching each need, joined; 0 or -1. */
static int
bricks(struct lcm_store *st, const struct lcm_report_terms *t, const int *stems,
       struct lcm_report *r, struct lcm_err *err)
{
	static const char sql[] =
		"SELECT coalesce(i.title, i.external_id), coalesce(i.title, '') || ' ' ||"
		" coalesce((SELECT group_concat(skill, ' ') FROM item_skill k"
		"  WHERE k.item_id = i.id), '')"
		" FROM item i ORDER BY coalesce(i.title, i.external_id), i.id";
	struct lcm_stemmer *sm;
	struct lcm_buf *b;
	sqlite3_stmt *s;
	size_t i;
	int rc;

	if (!(sm = lcm_stemmer_new(err)))
		return -1;
	if (!(s = lcm_store_prepare(st, sql, err))) {
		lcm_stemmer_free(sm);
		return -1;
	}
	b = lcm_xcalloc(r->nneeds ? r->nneeds : 1, sizeof(*b));
	for (i = 0; i < r->nneeds; i++)
		lcm_buf_init(&b[i]);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r->has_catalogue = 1;
		for (i = 0; i < r->nneeds; i++) {
			if (!lcm_needs_teaches(sm, (const char *)sqlite3_column_text(s, 1),
					       lcm_report_stem_text(t, stems[i])))
				continue;
			if (b[i].len)
				lcm_buf_adds(&b[i], "; ");
			lcm_buf_adds(&b[i], (const char *)sqlite3_column_text(s, 0));
		}
	}
	sqlite3_finalize(s);
	lcm_stemmer_free(sm);
	for (i = 0; i < r->nneeds; i++) {
		if (b[i].len)
			r->needs[i].bricks = lcm_xstrdup(b[i].data);
		r->needs[i].no_brick = r->has_catalogue && !b[i].len;
		lcm_buf_release(&b[i]);
	}
	free(b);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "reading the catalogue");
	return 0;
}

int
lcm_report_needs(struct lcm_store *st, const struct lcm_report_terms *t,
		 const struct lcm_report_opts *o, struct lcm_report *r,
		 struct lcm_err *err)
{
	const struct lcm_report_question *q;
	int64_t len = o->until - o->since, first, k;
	int nper = o->needs_periods < LCM_NEEDS_MAX_PERIODS ? o->needs_periods :
		LCM_NEEDS_MAX_PERIODS, navail, pass, *stems = NULL;
	struct theme *th = NULL, *x;
	struct asked *a = NULL;
	size_t nq, na, i, j, m, nt = 0, cap = 0, nw = lcm_report_terms_count(t);
	int64_t *slot;
	int rc = -1;

	r->needs_periods = nper;
	if (len <= 0 || !nw)
		return 0;
	q = lcm_report_questions(t, &nq);
	if (read_asked(st, o->since - nper * len, o->until, &a, &na, err) < 0 ||
	    one_int(st, "SELECT min(created) FROM post WHERE deleted = 0", &first, err) < 0)
		goto out;
	/* the periods before that have any history: the others are no 0 */
	for (navail = 0; navail < nper && o->since - navail * len > first; navail++)
		;
	slot = lcm_xcalloc(nw, sizeof(*slot));	/* stem -> index in th, +1 */
	nt = 0;
	/* the period's questions make the themes, then the earlier ones count */
	for (pass = 0; pass < 2; pass++) {
		for (i = j = 0; i < na; i++) {
			const int *w;

			while (j < nq && q[j].id < a[i].id)
				j++;
			if (j == nq || q[j].id != a[i].id)
				continue;
			k = a[i].created >= o->since ? 0 :
				(o->since - a[i].created + len - 1) / len;
			if ((k != 0) != pass || k > navail)
				continue;
			if (!k)
				r->needs_questions++;
			w = lcm_report_question_stems(t, &q[j]);
			for (m = 0; m < q[j].n; m++) {
				if (!slot[w[m]]) {
					if (k)
						continue;
					if (nt == cap) {
						cap = cap ? cap * 2 : 64;
						th = lcm_xreallocarray(th, cap, sizeof(*th));
					}
					x = &th[nt];
					memset(x, 0, sizeof(*x));
					x->w = w[m];
					x->text = lcm_report_stem_shown(t, w[m]);
					slot[w[m]] = (int64_t)++nt;
				}
				x = &th[slot[w[m]] - 1];
				if (k) {
					x->before[k - 1]++;
					continue;
				}
				x->q++;
				if (!a[i].answer) {
					x->unanswered++;
					continue;
				}
				x->hours = lcm_xreallocarray(x->hours, x->nh + 1,
							     sizeof(*x->hours));
				x->hours[x->nh++] = (double)(a[i].answer - a[i].created) / 3600.0;
			}
		}
	}
	free(slot);
	m = 0;
	for (i = 0; i < nt; i++) {
		th[i].rising = lcm_needs_rising(th[i].q, th[i].before, navail, &th[i].mean);
		if (th[i].q >= 2)
			th[m++] = th[i];
		else
			free(th[i].hours);
	}
	nt = m;
	if (nt)
		qsort(th, nt, sizeof(*th), cmp_theme);
	r->nneeds = nt < (size_t)o->top ? nt : (size_t)o->top;
	r->needs = lcm_xcalloc(r->nneeds ? r->nneeds : 1, sizeof(*r->needs));
	stems = lcm_xcalloc(r->nneeds ? r->nneeds : 1, sizeof(*stems));
	for (i = 0; i < r->nneeds; i++) {
		struct lcm_report_need *n = &r->needs[i];

		x = &th[i];
		stems[i] = x->w;
		n->theme = lcm_xstrdup(x->text);
		n->questions = x->q;
		n->before = x->mean;
		n->rising = x->rising;
		n->unanswered = x->unanswered;
		n->unanswered_share = (double)x->unanswered / (double)x->q;
		n->answer_median_h = NAN;
		if (x->nh) {
			qsort(x->hours, x->nh, sizeof(*x->hours), cmp_double);
			n->answer_median_h = x->nh % 2 ? x->hours[x->nh / 2] :
				(x->hours[x->nh / 2 - 1] + x->hours[x->nh / 2]) / 2;
		}
	}
	if (r->nneeds && bricks(st, t, stems, r, err) < 0)
		goto out;
	rc = 0;
out:
	for (i = 0; th && i < nt; i++)
		free(th[i].hours);
	free(th);
	free(stems);
	free(a);
	return rc;
}

int
lcm_report_needs_render(FILE *fp, const struct lcm_report *r, enum lcm_format fmt, int flags)
{
	static const char *const cols[] = {
		"theme", "questions", "before", "rising", "unanswered", "unanswered_share",
		"first_answer_median_h", "bricks", "flag"
	};
	struct lcm_render *rd = lcm_render_new(fp, fmt, cols, 9, flags);
	struct lcm_cell c[9];
	size_t i;
	int werr;

	for (i = 0; i < r->nneeds; i++) {
		const struct lcm_report_need *x = &r->needs[i];

		c[0] = lcm_cell_str(x->theme);
		c[1] = lcm_cell_int(x->questions);
		c[2] = isnan(x->before) ? lcm_cell_null() : lcm_cell_real(x->before);
		c[3] = lcm_cell_bool(x->rising);
		c[4] = lcm_cell_int(x->unanswered);
		c[5] = lcm_cell_real(x->unanswered_share);
		c[6] = isnan(x->answer_median_h) ? lcm_cell_null() :
			lcm_cell_real(x->answer_median_h);
		c[7] = lcm_cell_str(x->bricks);
		c[8] = lcm_cell_str(x->no_brick ? "no brick" : NULL);
		lcm_render_row(rd, c);
	}
	lcm_render_end(rd);
	werr = lcm_render_error(rd);
	lcm_render_free(rd);
	return werr;
}
