/*
 * suggest.c - ranking people to answer a thread: see suggest.h.
 *
 * Memory is one sparse vector per thread with replies by others and one
 * per replier; the vocabulary is a string map. Everything is computed
 * from the store in three passes: thread texts, repliers, then scores.
 */
#include "suggest.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pseudo.h"
#include "strmap.h"
#include "terms.h"
#include "xalloc.h"

/* A sparse vector: term indexes and weights. */
struct vec {
	int *term;
	double *w;
	size_t n, cap;
};

struct person {
	int64_t pid;
	char *ext;
	char *name;			/* NULL when the store has none */
	char *key;			/* "platform:ext", what pseudonyms hash */
	int staff;
	int64_t last;			/* latest post */
	int answers, credit;		/* replies to others; accepted + replies they got */
	struct vec profile;
	int load;
};

struct model {
	struct lcm_strmap vocab;	/* term -> index */
	int *df;			/* documents holding each term */
	size_t nterms, capterms;
	size_t ndocs;
	struct lcm_strmap doc_of;	/* thread store id (as text) -> doc index */
	struct vec *docs;
	size_t capdocs;
	struct person *people;
	size_t npeople, cappeople;
	struct lcm_strmap person_of;	/* person store id -> index in people */
};

static void
vec_add(struct vec *v, int term, double w)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (v->term[i] == term) {
			v->w[i] += w;
			return;
		}
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->term = lcm_xreallocarray(v->term, v->cap, sizeof(*v->term));
		v->w = lcm_xreallocarray(v->w, v->cap, sizeof(*v->w));
	}
	v->term[v->n] = term;
	v->w[v->n++] = w;
}

static void
vec_free(struct vec *v)
{
	free(v->term);
	free(v->w);
}

static double
vec_norm(const struct vec *v)
{
	double s = 0;
	size_t i;

	for (i = 0; i < v->n; i++)
		s += v->w[i] * v->w[i];
	return sqrt(s);
}

/* Term index of word, added to the vocabulary when new. */
static int
term_index(struct model *m, const char *word)
{
	int64_t i;

	if (lcm_strmap_get(&m->vocab, word, &i))
		return (int)i;
	if (m->nterms == m->capterms) {
		m->capterms = m->capterms ? m->capterms * 2 : 1024;
		m->df = lcm_xreallocarray(m->df, m->capterms, sizeof(*m->df));
	}
	m->df[m->nterms] = 0;
	lcm_strmap_put(&m->vocab, word, (int64_t)m->nterms);
	return (int)m->nterms++;
}

struct adder {
	struct model *m;
	struct vec *v;
};

static void
add_term(const char *word, void *arg)
{
	struct adder *a = arg;

	vec_add(a->v, term_index(a->m, word), 1.0);
}

/* Doc index of thread tid, created when new. */
static struct vec *
doc(struct model *m, int64_t tid)
{
	char key[24];
	int64_t i;

	snprintf(key, sizeof(key), "%lld", (long long)tid);
	if (lcm_strmap_get(&m->doc_of, key, &i))
		return &m->docs[i];
	if (m->ndocs == m->capdocs) {
		m->capdocs = m->capdocs ? m->capdocs * 2 : 256;
		m->docs = lcm_xreallocarray(m->docs, m->capdocs, sizeof(*m->docs));
	}
	memset(&m->docs[m->ndocs], 0, sizeof(m->docs[0]));
	lcm_strmap_put(&m->doc_of, key, (int64_t)m->ndocs);
	return &m->docs[m->ndocs++];
}

/* Pass 1: term counts of every thread, then TF-IDF, normalised. */
static int
load_docs(struct lcm_store *st, struct model *m, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st,
		"SELECT thread_id, subject, body FROM post WHERE deleted = 0 AND private = 0"
		" ORDER BY thread_id, id", err);
	struct adder a;
	size_t d, i;
	double norm;
	int rc;

	if (!s)
		return -1;
	a.m = m;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *subj = (const char *)sqlite3_column_text(s, 1);
		const char *body = (const char *)sqlite3_column_text(s, 2);

		a.v = doc(m, sqlite3_column_int64(s, 0));
		if (subj && strncmp(subj, "Re: ", 4) != 0)
			lcm_terms_each(subj, add_term, &a);
		if (body)
			lcm_terms_each(body, add_term, &a);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read posts");
	for (d = 0; d < m->ndocs; d++)
		for (i = 0; i < m->docs[d].n; i++)
			m->df[m->docs[d].term[i]]++;
	for (d = 0; d < m->ndocs; d++) {
		struct vec *v = &m->docs[d];

		for (i = 0; i < v->n; i++)
			v->w[i] = (1.0 + log(v->w[i])) *
				log((double)(m->ndocs + 1) / (double)m->df[v->term[i]]);
		norm = vec_norm(v);
		for (i = 0; norm > 0 && i < v->n; i++)
			v->w[i] /= norm;
	}
	return 0;
}

static struct person *
person(struct model *m, int64_t pid, const char *platform, const char *ext,
       const char *name, const char *role)
{
	struct lcm_buf b;
	char key[24];
	int64_t i;
	struct person *p;

	snprintf(key, sizeof(key), "%lld", (long long)pid);
	if (lcm_strmap_get(&m->person_of, key, &i))
		return &m->people[i];
	if (m->npeople == m->cappeople) {
		m->cappeople = m->cappeople ? m->cappeople * 2 : 64;
		m->people = lcm_xreallocarray(m->people, m->cappeople, sizeof(*m->people));
	}
	p = &m->people[m->npeople];
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	p->ext = lcm_xstrdup(ext ? ext : "");
	p->name = name && *name ? lcm_xstrdup(name) : NULL;
	lcm_buf_init(&b);
	lcm_buf_printf(&b, "%s:%s", platform ? platform : "", p->ext);
	p->key = lcm_buf_detach(&b);
	p->staff = role && strcmp(role, "learner") != 0;
	lcm_strmap_put(&m->person_of, key, (int64_t)m->npeople);
	m->npeople++;
	return p;
}

/* Pass 2: every reply to someone else's thread adds to its author's profile. */
static int
load_people(struct lcm_store *st, struct model *m, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st,
		"SELECT x.author_id, a.external_id, a.role, x.thread_id, x.created,"
		" x.accepted, a.platform, (SELECT count(*) FROM post y WHERE y.parent_id = x.id"
		"  AND y.author_id IS NOT x.author_id AND y.deleted = 0), a.name"
		" FROM post x JOIN thread t ON t.id = x.thread_id"
		" JOIN person a ON a.id = x.author_id"
		" WHERE x.parent_ext IS NOT NULL AND x.deleted = 0 AND x.private = 0"
		" AND t.author_id IS NOT x.author_id ORDER BY x.author_id, x.id", err);
	char key[24];
	int64_t d;
	size_t i;
	int rc;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct person *p = person(m, sqlite3_column_int64(s, 0),
					  (const char *)sqlite3_column_text(s, 6),
					  (const char *)sqlite3_column_text(s, 1),
					  (const char *)sqlite3_column_text(s, 8),
					  (const char *)sqlite3_column_text(s, 2));
		int64_t when = sqlite3_column_int64(s, 4);

		p->answers++;
		p->credit += sqlite3_column_int(s, 5) + sqlite3_column_int(s, 7);
		if (when > p->last)
			p->last = when;
		snprintf(key, sizeof(key), "%lld", (long long)sqlite3_column_int64(s, 3));
		if (lcm_strmap_get(&m->doc_of, key, &d))
			for (i = 0; i < m->docs[d].n; i++)
				vec_add(&p->profile, m->docs[d].term[i], m->docs[d].w[i]);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read replies");
	return 0;
}

struct cand {
	size_t person;
	double score;
};

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->person > y->person) - (x->person < y->person);
}

/* Pass 3: score every person for one thread, keep the top n under load. */
static void
rank(struct model *m, const struct lcm_unanswered *u, int topn, int max_load,
     int64_t now, double *dense, struct cand *cands, struct lcm_suggestion **out,
     size_t *nout)
{
	char key[24];
	int64_t d;
	size_t i, k, nc = 0;
	const struct vec *tv;
	double dot, norm, days, quality;

	*out = NULL;
	*nout = 0;
	snprintf(key, sizeof(key), "%lld", (long long)u->thread_id);
	if (!lcm_strmap_get(&m->doc_of, key, &d))
		return;
	tv = &m->docs[d];
	for (i = 0; i < tv->n; i++)
		dense[tv->term[i]] = tv->w[i];
	for (k = 0; k < m->npeople; k++) {
		struct person *p = &m->people[k];

		if (p->pid == u->author_pid || p->load >= max_load)
			continue;
		dot = 0;
		for (i = 0; i < p->profile.n; i++)
			dot += dense[p->profile.term[i]] * p->profile.w[i];
		norm = vec_norm(&p->profile);
		if (dot <= 0 || norm <= 0)
			continue;
		days = (double)(now - p->last) / 86400.0;
		if (days < 0)
			days = 0;
		quality = 1.0 + (double)p->credit / (double)(p->answers + 1);
		if (quality > 2)
			quality = 2;
		cands[nc].person = k;
		cands[nc].score = dot / norm * (p->staff ? 1.5 : 1.0) *
			(1.0 / (1.0 + days / 90.0)) * quality;
		nc++;
	}
	for (i = 0; i < tv->n; i++)
		dense[tv->term[i]] = 0;
	qsort(cands, nc, sizeof(*cands), cmp_cand);
	if (nc > (size_t)topn)
		nc = (size_t)topn;
	if (!nc)
		return;
	*out = lcm_xcalloc(nc, sizeof(**out));
	for (i = 0; i < nc; i++) {
		struct person *p = &m->people[cands[i].person];

		(*out)[i].person = lcm_xstrdup(p->ext);
		(*out)[i].name = p->name ? lcm_xstrdup(p->name) : NULL;
		(*out)[i].key = lcm_xstrdup(p->key);
		(*out)[i].score = cands[i].score;
		p->load++;
	}
	*nout = nc;
}

static void
model_free(struct model *m)
{
	size_t i;

	for (i = 0; i < m->ndocs; i++)
		vec_free(&m->docs[i]);
	for (i = 0; i < m->npeople; i++) {
		vec_free(&m->people[i].profile);
		free(m->people[i].ext);
		free(m->people[i].name);
		free(m->people[i].key);
	}
	free(m->docs);
	free(m->people);
	free(m->df);
	lcm_strmap_release(&m->vocab);
	lcm_strmap_release(&m->doc_of);
	lcm_strmap_release(&m->person_of);
}

int
lcm_suggest(struct lcm_store *st, const struct lcm_unanswered_list *list,
	    int topn, int max_load, int64_t now, struct lcm_suggestions *out,
	    struct lcm_err *err)
{
	struct model m;
	double *dense = NULL;
	struct cand *cands = NULL;
	size_t i;
	int rc = -1;

	memset(&m, 0, sizeof(m));
	memset(out, 0, sizeof(*out));
	lcm_strmap_init(&m.vocab);
	lcm_strmap_init(&m.doc_of);
	lcm_strmap_init(&m.person_of);
	if (load_docs(st, &m, err) < 0 || load_people(st, &m, err) < 0)
		goto done;
	out->rows = list->n;
	out->s = lcm_xcalloc(list->n, sizeof(*out->s));
	out->n = lcm_xcalloc(list->n, sizeof(*out->n));
	dense = lcm_xcalloc(m.nterms, sizeof(*dense));
	cands = lcm_xcalloc(m.npeople, sizeof(*cands));
	for (i = 0; i < list->n; i++)
		rank(&m, &list->rows[i], topn, max_load, now, dense, cands,
		     &out->s[i], &out->n[i]);
	rc = 0;
done:
	free(dense);
	free(cands);
	model_free(&m);
	return rc;
}

void
lcm_suggestions_format(const struct lcm_suggestions *sug, size_t i, struct lcm_buf *b)
{
	size_t k;

	lcm_buf_reset(b);
	if (i >= sug->rows)
		return;
	for (k = 0; k < sug->n[i]; k++) {
		const struct lcm_suggestion *x = &sug->s[i][k];

		if (k)
			lcm_buf_adds(b, "; ");
		if (x->name)
			lcm_buf_printf(b, "%s (%s): %.2f", x->name, x->person, x->score);
		else
			lcm_buf_printf(b, "%s: %.2f", x->person, x->score);
	}
}

void
lcm_suggestions_pseudonymize(struct lcm_suggestions *sug, const char *key)
{
	size_t i, k;

	for (i = 0; i < sug->rows; i++)
		for (k = 0; k < sug->n[i]; k++) {
			free(sug->s[i][k].person);
			sug->s[i][k].person = lcm_pseudonym_dup(key, sug->s[i][k].key);
			free(sug->s[i][k].name);
			sug->s[i][k].name = NULL;
		}
}

void
lcm_suggestions_free(struct lcm_suggestions *sug)
{
	size_t i, k;

	for (i = 0; i < sug->rows; i++) {
		for (k = 0; k < sug->n[i]; k++) {
			free(sug->s[i][k].person);
			free(sug->s[i][k].name);
			free(sug->s[i][k].key);
		}
		free(sug->s[i]);
	}
	free(sug->s);
	free(sug->n);
	memset(sug, 0, sizeof(*sug));
}
