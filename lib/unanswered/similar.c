/*
 * similar.c - similar answered threads and probable duplicates: see
 * similar.h.
 *
 * Memory is one (term, count) array per document, then the postings,
 * one (document, count) array per term; a query adds into one score
 * array per method and clears only what it touched, so each open
 * thread costs the postings of its own terms.
 */
#include "similar.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "strmap.h"
#include "terms.h"
#include "xalloc.h"

#define BM25_K1 1.2
#define BM25_B 0.75

struct tf {
	int term, n;
};

struct doc {
	struct lcm_simdoc d;		/* strings owned */
	struct tf *tf;			/* sorted by term */
	size_t ntf;
	int len;			/* terms, repeats counted */
	double norm;			/* of the TF-IDF vector */
	int open;
};

struct lcm_simindex {
	struct lcm_stemmer *stem;
	struct lcm_strmap vocab;	/* stem -> term */
	size_t nterms;
	struct doc *docs;
	size_t ndocs, capdocs;
	double avglen;
	size_t *off;			/* postings of term t: post[off[t] .. off[t+1]) */
	struct tf *post;		/* .term holds the document */
	size_t *recent;			/* answered documents, newest first */
	size_t nrecent;
	double *bm, *cos;		/* per document, zero between queries */
	size_t *touched;
	/* the terms of the text being read */
	int *tmp;
	size_t ntmp, captmp;
	int lang, add;			/* add: new stems enter the vocabulary */
};

const struct lcm_choice lcm_similar_methods[] = {
	{ "bm25", LCM_SIMILAR_BM25 }, { "tfidf", LCM_SIMILAR_TFIDF },
	{ "recent", LCM_SIMILAR_RECENT }, { NULL, 0 }
};

int
lcm_similar_method_parse(const char *s, enum lcm_similar_method *out)
{
	int v;

	if (lcm_choice_find(lcm_similar_methods, s, &v) < 0)
		return -1;
	*out = (enum lcm_similar_method)v;
	return 0;
}

struct lcm_simindex *
lcm_simindex_new(struct lcm_err *err)
{
	struct lcm_simindex *ix = lcm_xcalloc(1, sizeof(*ix));

	if (!(ix->stem = lcm_stemmer_new(err))) {
		free(ix);
		return NULL;
	}
	lcm_strmap_init(&ix->vocab);
	return ix;
}

/* Counts the stop words of each language: the text's is the larger. */
static void
count_lang(const char *word, size_t chars, int digits, void *arg)
{
	int *n = arg, l = lcm_stop_lang(word);

	(void)chars;
	(void)digits;
	if (l & LCM_LANG_FR)
		n[0]++;
	if (l & LCM_LANG_EN)
		n[1]++;
}

static void
on_term(const char *term, void *arg)
{
	struct lcm_simindex *ix = arg;
	const char *stem;
	size_t len;
	int64_t t;

	stem = lcm_stem(ix->stem, ix->lang, term, strlen(term), &len);
	if (!lcm_strmap_get(&ix->vocab, stem, &t)) {
		if (!ix->add)
			return;		/* a query's word no document has */
		t = (int64_t)ix->nterms++;
		lcm_strmap_put(&ix->vocab, stem, t);
	}
	if (ix->ntmp == ix->captmp) {
		ix->captmp = ix->captmp ? ix->captmp * 2 : 64;
		ix->tmp = lcm_xreallocarray(ix->tmp, ix->captmp, sizeof(*ix->tmp));
	}
	ix->tmp[ix->ntmp++] = (int)t;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The terms of subject + body, counted, sorted by term, owned; *n and
 * *len set (distinct terms, all terms). */
static struct tf *
read_text(struct lcm_simindex *ix, const char *subject, const char *body,
	  size_t *n, int *len)
{
	struct tf *tf;
	int lang[2] = { 0, 0 };
	size_t i, k = 0;

	ix->ntmp = 0;
	if (subject)
		lcm_words_each(subject, count_lang, lang);
	if (body)
		lcm_words_each(body, count_lang, lang);
	ix->lang = lang[0] > lang[1] ? LCM_LANG_FR : LCM_LANG_EN;
	if (subject)
		lcm_terms_each(subject, on_term, ix);
	if (body)
		lcm_terms_each(body, on_term, ix);
	qsort(ix->tmp, ix->ntmp, sizeof(*ix->tmp), cmp_int);
	tf = lcm_xreallocarray(NULL, ix->ntmp ? ix->ntmp : 1, sizeof(*tf));
	for (i = 0; i < ix->ntmp; i++) {
		if (k && tf[k - 1].term == ix->tmp[i]) {
			tf[k - 1].n++;
			continue;
		}
		tf[k].term = ix->tmp[i];
		tf[k++].n = 1;
	}
	*n = k;
	*len = (int)ix->ntmp;
	return tf;
}

static char *
dup_or_null(const char *s)
{
	return s ? lcm_xstrdup(s) : NULL;
}

size_t
lcm_simindex_add(struct lcm_simindex *ix, const struct lcm_simdoc *d, const char *body)
{
	struct doc *x;

	if (ix->ndocs == ix->capdocs) {
		ix->capdocs = ix->capdocs ? ix->capdocs * 2 : 256;
		ix->docs = lcm_xreallocarray(ix->docs, ix->capdocs, sizeof(*ix->docs));
	}
	x = &ix->docs[ix->ndocs];
	memset(x, 0, sizeof(*x));
	x->d.thread_id = d->thread_id;
	x->d.created = d->created;
	x->d.thread = dup_or_null(d->thread);
	x->d.subject = dup_or_null(d->subject);
	x->d.answer = dup_or_null(d->answer);
	x->d.course = dup_or_null(d->course);
	x->d.forum = dup_or_null(d->forum);
	ix->add = 1;
	x->tf = read_text(ix, d->subject, body, &x->ntf, &x->len);
	return ix->ndocs++;
}

void
lcm_simindex_mark_open(struct lcm_simindex *ix, size_t doc)
{
	ix->docs[doc].open = 1;
}

static double
idf_tfidf(const struct lcm_simindex *ix, size_t df)
{
	return log((double)(ix->ndocs + 1) / (double)df);
}

static double
idf_bm25(const struct lcm_simindex *ix, size_t df)
{
	return log(1.0 + ((double)ix->ndocs - (double)df + 0.5) / ((double)df + 0.5));
}

/* Newest first, then the lower store id. */
static const struct lcm_simindex *sort_ix;

static int
cmp_recent(const void *a, const void *b)
{
	const struct lcm_simdoc *x = &sort_ix->docs[*(const size_t *)a].d;
	const struct lcm_simdoc *y = &sort_ix->docs[*(const size_t *)b].d;

	if (x->created != y->created)
		return x->created > y->created ? -1 : 1;
	return (x->thread_id > y->thread_id) - (x->thread_id < y->thread_id);
}

void
lcm_simindex_build(struct lcm_simindex *ix)
{
	size_t d, i, t, *fill, total = 0;

	ix->off = lcm_xcalloc(ix->nterms + 1, sizeof(*ix->off));
	for (d = 0; d < ix->ndocs; d++) {
		for (i = 0; i < ix->docs[d].ntf; i++)
			ix->off[ix->docs[d].tf[i].term + 1]++;
		total += (size_t)ix->docs[d].len;
	}
	for (t = 0; t < ix->nterms; t++)
		ix->off[t + 1] += ix->off[t];
	ix->post = lcm_xreallocarray(NULL, ix->off[ix->nterms] ? ix->off[ix->nterms] : 1,
				     sizeof(*ix->post));
	fill = lcm_xcalloc(ix->nterms ? ix->nterms : 1, sizeof(*fill));
	for (d = 0; d < ix->ndocs; d++)
		for (i = 0; i < ix->docs[d].ntf; i++) {
			const struct tf *x = &ix->docs[d].tf[i];
			struct tf *p = &ix->post[ix->off[x->term] + fill[x->term]++];

			p->term = (int)d;
			p->n = x->n;
		}
	free(fill);
	ix->avglen = ix->ndocs ? (double)total / (double)ix->ndocs : 0;
	for (d = 0; d < ix->ndocs; d++) {
		struct doc *x = &ix->docs[d];
		double s = 0, w;

		for (i = 0; i < x->ntf; i++) {
			t = (size_t)x->tf[i].term;
			w = (1.0 + log(x->tf[i].n)) * idf_tfidf(ix, ix->off[t + 1] - ix->off[t]);
			s += w * w;
		}
		x->norm = sqrt(s);
	}
	ix->recent = lcm_xreallocarray(NULL, ix->ndocs ? ix->ndocs : 1, sizeof(*ix->recent));
	for (d = 0; d < ix->ndocs; d++)
		if (ix->docs[d].d.answer)
			ix->recent[ix->nrecent++] = d;
	sort_ix = ix;
	qsort(ix->recent, ix->nrecent, sizeof(*ix->recent), cmp_recent);
	ix->bm = lcm_xcalloc(ix->ndocs ? ix->ndocs : 1, sizeof(*ix->bm));
	ix->cos = lcm_xcalloc(ix->ndocs ? ix->ndocs : 1, sizeof(*ix->cos));
	ix->touched = lcm_xreallocarray(NULL, ix->ndocs ? ix->ndocs : 1, sizeof(*ix->touched));
}

/* Higher score first, then the lower store id. */
static int
cmp_hit(const void *a, const void *b)
{
	const struct lcm_simhit *x = a, *y = b;
	int64_t tx, ty;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	tx = sort_ix->docs[x->doc].d.thread_id;
	ty = sort_ix->docs[y->doc].d.thread_id;
	return (tx > ty) - (tx < ty);
}

/* Keeps the n best of hits (sorted in place); returns how many. */
static size_t
best(const struct lcm_simindex *ix, struct lcm_simhit *hits, size_t nhits,
     struct lcm_simhit *out, size_t n)
{
	sort_ix = ix;
	qsort(hits, nhits, sizeof(*hits), cmp_hit);
	if (nhits > n)
		nhits = n;
	memcpy(out, hits, nhits * sizeof(*hits));
	return nhits;
}

void
lcm_simindex_rank(struct lcm_simindex *ix, const char *subject, const char *body,
		  enum lcm_similar_method method, int64_t exclude, size_t n,
		  struct lcm_simhit *sim, size_t *nsim,
		  struct lcm_simhit *dup, size_t *ndup)
{
	struct lcm_simhit *a = NULL, *o = NULL;
	struct tf *q;
	size_t nq, i, k, nt = 0, na = 0, no = 0;
	double qnorm = 0, wq, idf, idb;
	int qlen;

	ix->add = 0;
	q = read_text(ix, subject, body, &nq, &qlen);
	for (i = 0; i < nq; i++) {
		size_t t = (size_t)q[i].term, df = ix->off[t + 1] - ix->off[t];

		idf = idf_tfidf(ix, df);
		idb = idf_bm25(ix, df);
		wq = (1.0 + log(q[i].n)) * idf;
		qnorm += wq * wq;
		for (k = ix->off[t]; k < ix->off[t + 1]; k++) {
			const struct tf *p = &ix->post[k];
			const struct doc *x = &ix->docs[p->term];
			double tf = p->n, len = x->len;

			if (ix->bm[p->term] == 0 && ix->cos[p->term] == 0)
				ix->touched[nt++] = (size_t)p->term;
			ix->bm[p->term] += idb * tf * (BM25_K1 + 1) /
				(tf + BM25_K1 * (1 - BM25_B + BM25_B * len / ix->avglen));
			ix->cos[p->term] += wq * (1.0 + log(tf)) * idf / x->norm;
		}
	}
	free(q);
	qnorm = sqrt(qnorm);
	a = lcm_xreallocarray(NULL, nt ? nt : 1, sizeof(*a));
	o = lcm_xreallocarray(NULL, nt ? nt : 1, sizeof(*o));
	for (i = 0; i < nt; i++) {
		size_t d = ix->touched[i];
		const struct doc *x = &ix->docs[d];
		double c = qnorm > 0 ? ix->cos[d] / qnorm : 0;

		if (exclude && x->d.thread_id == exclude) {
			/* nothing */
		} else if (x->d.answer) {
			a[na].doc = d;
			a[na++].score = method == LCM_SIMILAR_BM25 ? ix->bm[d] : c;
		} else if (x->open && c >= LCM_SIMILAR_DUPLICATE) {
			o[no].doc = d;
			o[no++].score = c;
		}
		ix->bm[d] = ix->cos[d] = 0;
	}
	if (method == LCM_SIMILAR_RECENT) {
		/* the baseline: the newest, whatever they say */
		for (i = na = 0; i < ix->nrecent && na < n; i++) {
			if (exclude && ix->docs[ix->recent[i]].d.thread_id == exclude)
				continue;
			sim[na].doc = ix->recent[i];
			sim[na++].score = 0;
		}
		*nsim = na;
	} else {
		*nsim = best(ix, a, na, sim, n);
	}
	*ndup = best(ix, o, no, dup, n);
	free(a);
	free(o);
}

const struct lcm_simdoc *
lcm_simindex_doc(const struct lcm_simindex *ix, size_t doc)
{
	return &ix->docs[doc].d;
}

void
lcm_simindex_free(struct lcm_simindex *ix)
{
	size_t d;

	if (!ix)
		return;
	for (d = 0; d < ix->ndocs; d++) {
		struct doc *x = &ix->docs[d];

		free((char *)x->d.thread);
		free((char *)x->d.subject);
		free((char *)x->d.answer);
		free((char *)x->d.course);
		free((char *)x->d.forum);
		free(x->tf);
	}
	free(ix->docs);
	lcm_strmap_release(&ix->vocab);
	lcm_stemmer_free(ix->stem);
	free(ix->off);
	free(ix->post);
	free(ix->recent);
	free(ix->bm);
	free(ix->cos);
	free(ix->touched);
	free(ix->tmp);
	free(ix);
}

/*
 * Every thread opened before now: its opening post, and the answer by
 * another person before now, the accepted one first.
 */
static const char *const docs_sql =
	"SELECT t.id, t.external_id, q.subject, q.body, q.created,"
	" (SELECT x.external_id FROM post x WHERE x.thread_id = t.id AND x.id <> q.id"
	"  AND x.deleted = 0 AND x.private = 0 AND x.author_id IS NOT q.author_id"
	"  AND x.created < ?1 ORDER BY x.accepted DESC, x.created, x.id LIMIT 1),"
	" c.external_id, f.name"
	" FROM post q JOIN thread t ON t.id = q.thread_id"
	" LEFT JOIN forum f ON f.id = t.forum_id LEFT JOIN course c ON c.id = f.course_id"
	" WHERE q.parent_ext IS NULL AND q.deleted = 0 AND q.private = 0 AND q.created < ?1"
	" ORDER BY t.id, q.id";

static int
load(struct lcm_store *st, const struct lcm_unanswered_list *list, int64_t now,
     struct lcm_simindex *ix, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st, docs_sql, err);
	struct lcm_strmap open;
	struct lcm_simdoc d;
	char key[24];
	int64_t v, last = 0;
	size_t i, k;
	int rc;

	if (!s)
		return -1;
	lcm_strmap_init(&open);
	for (i = 0; i < list->n; i++)
		if (!list->rows[i].is_post) {
			snprintf(key, sizeof(key), "%lld", (long long)list->rows[i].thread_id);
			lcm_strmap_put(&open, key, 1);
		}
	sqlite3_bind_int64(s, 1, now);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		d.thread_id = sqlite3_column_int64(s, 0);
		if (d.thread_id == last)
			continue;	/* one opening post a thread */
		last = d.thread_id;
		d.thread = (const char *)sqlite3_column_text(s, 1);
		d.subject = (const char *)sqlite3_column_text(s, 2);
		d.created = sqlite3_column_int64(s, 4);
		d.answer = (const char *)sqlite3_column_text(s, 5);
		d.course = (const char *)sqlite3_column_text(s, 6);
		d.forum = (const char *)sqlite3_column_text(s, 7);
		k = lcm_simindex_add(ix, &d, (const char *)sqlite3_column_text(s, 3));
		snprintf(key, sizeof(key), "%lld", (long long)d.thread_id);
		if (!d.answer && lcm_strmap_get(&open, key, &v))
			lcm_simindex_mark_open(ix, k);
	}
	sqlite3_finalize(s);
	lcm_strmap_release(&open);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read threads");
	return 0;
}

int
lcm_similar(struct lcm_store *st, const struct lcm_unanswered_list *list,
	    int n, enum lcm_similar_method method, int64_t now,
	    struct lcm_similars *out, struct lcm_err *err)
{
	size_t i, m = (size_t)n;

	memset(out, 0, sizeof(*out));
	if (!(out->ix = lcm_simindex_new(err)))
		return -1;
	if (load(st, list, now, out->ix, err) < 0) {
		lcm_similars_free(out);
		return -1;
	}
	lcm_simindex_build(out->ix);
	out->rows = list->n;
	out->n = m;
	out->sim = lcm_xcalloc(list->n * m + 1, sizeof(*out->sim));
	out->dup = lcm_xcalloc(list->n * m + 1, sizeof(*out->dup));
	out->nsim = lcm_xcalloc(list->n + 1, sizeof(*out->nsim));
	out->ndup = lcm_xcalloc(list->n + 1, sizeof(*out->ndup));
	for (i = 0; i < list->n; i++) {
		const struct lcm_unanswered *u = &list->rows[i];

		lcm_simindex_rank(out->ix, u->subject, u->body, method, u->thread_id, m,
				  out->sim + i * m, &out->nsim[i],
				  out->dup + i * m, &out->ndup[i]);
	}
	return 0;
}

void
lcm_similars_format(const struct lcm_similars *s, size_t i, const char *what,
		    const char *tpl, struct lcm_buf *b)
{
	int dups = strcmp(what, "duplicates") == 0;
	const struct lcm_simhit *h = (dups ? s->dup : s->sim) + i * s->n;
	size_t k, nh = dups ? s->ndup[i] : s->nsim[i];
	char *url;

	lcm_buf_reset(b);
	for (k = 0; k < nh; k++) {
		const struct lcm_simdoc *d = lcm_simindex_doc(s->ix, h[k].doc);

		if (strcmp(what, "subjects") == 0) {
			lcm_buf_printf(b, "%s%s", k ? " | " : "", d->subject ? d->subject : "");
		} else if (strcmp(what, "urls") == 0) {
			url = lcm_url_expand(tpl, d->thread, d->answer, d->course, d->forum);
			lcm_buf_printf(b, "%s%s", k ? " " : "", url);
			free(url);
		} else {
			lcm_buf_printf(b, "%s%s: %.2f", k ? "; " : "", d->thread, h[k].score);
		}
	}
}

void
lcm_similars_free(struct lcm_similars *s)
{
	lcm_simindex_free(s->ix);
	free(s->sim);
	free(s->dup);
	free(s->nsim);
	free(s->ndup);
	memset(s, 0, sizeof(*s));
}
