/*
 * report_experts.c - who knows what: see report_experts.h.
 *
 * The map is built once with every person of each theme (top 0): a
 * theme's evidence counts all its learners, not only the three shown,
 * and costs no more, since lcm_expertise_build makes every cell before
 * it keeps the top. lcm_report_load builds it before it reads the
 * period, so the map and the period's engagement are never in memory
 * together; each report gets a copy of the few rows kept.
 */
#include "report_experts.h"

#include <stdlib.h>
#include <string.h>

#include "pseudo.h"
#include "report_parts.h"
#include "terms.h"
#include "xalloc.h"

/* The picks in the rule's order: evidence, answers, text. */
struct ranked {
	struct lcm_report_pick p;
	const char *theme;	/* borrowed from the map */
};

static int
cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->p.evidence != y->p.evidence)
		return x->p.evidence > y->p.evidence ? -1 : 1;
	if (x->p.answers != y->p.answers)
		return x->p.answers > y->p.answers ? -1 : 1;
	return strcmp(x->theme, y->theme);
}

size_t
lcm_report_experts_pick(const struct lcm_expertise *x, const struct lcm_strmap *skip,
			size_t top, struct lcm_report_pick *out, size_t *themes)
{
	struct ranked *v = lcm_xreallocarray(NULL, x->n ? x->n : 1, sizeof(*v));
	size_t i, j, n = 0;
	int64_t ignored;

	for (i = 0; i < x->n; i = j) {
		struct ranked *t = &v[n];

		t->theme = x->e[i].theme;
		t->p.first = i;
		t->p.evidence = 0;
		t->p.answers = 0;
		for (j = i; j < x->n && strcmp(x->e[j].theme, t->theme) == 0; j++) {
			t->p.evidence += x->e[j].score;
			t->p.answers += x->e[j].answers;
		}
		t->p.n = j - i;
		if (!skip || !lcm_strmap_get(skip, t->theme, &ignored))
			n++;
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_ranked);
	if (themes)
		*themes = n;
	for (i = 0; i < n && i < top; i++)
		out[i] = v[i].p;
	free(v);
	return i;
}

struct names {
	struct lcm_stemmer *stem;
	struct lcm_strmap *out;
};

/* A word of a name, as a theme would be made of it: as is (a tag) and
 * stemmed (a subject's word). */
static void
name_word(const char *term, void *arg)
{
	struct names *w = arg;
	size_t len;
	const char *s = lcm_stem(w->stem, LCM_LANG_EN, term, strlen(term), &len);
	char *stem = lcm_xstrndup(s, len);

	lcm_strmap_put(w->out, term, 1);
	lcm_strmap_put(w->out, stem, 1);
	free(stem);
}

int
lcm_report_name_words(struct lcm_store *st, struct lcm_strmap *out, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st, "SELECT DISTINCT name FROM person"
					    " WHERE name IS NOT NULL AND name <> ''", err);
	struct names w = { NULL, out };
	int rc;

	if (!s)
		return -1;
	if (!(w.stem = lcm_stemmer_new(err))) {
		sqlite3_finalize(s);
		return -1;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		lcm_terms_each((const char *)sqlite3_column_text(s, 0), name_word, &w);
	lcm_stemmer_free(w.stem);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read persons' names");
	return 0;
}

/* Row e of the map as the report shows it, pseudonymised under key. */
static void
expert_of(const struct lcm_expert *e, const char *key, struct lcm_report_expert *out)
{
	out->person = key ? lcm_pseudonym_dup(key, e->key) : lcm_xstrdup(e->person);
	out->name = !key && e->name ? lcm_xstrdup(e->name) : NULL;
	out->rank = e->rank;
	out->answers = e->answers;
	out->accepted = e->accepted;
	out->thanks = e->thanks;
	out->score = e->score;
}

int
lcm_report_experts(struct lcm_store *st, const struct lcm_report_opts *o,
		   struct lcm_report_known **out, size_t *n, size_t *themes,
		   struct lcm_err *err)
{
	struct lcm_expertise x = { 0 };
	struct lcm_strmap names;
	struct lcm_report_pick *pick = NULL;
	struct lcm_report_known *v;
	size_t i, k, top = o->top > 0 ? (size_t)o->top : 1;
	int rc = -1;

	*out = NULL;
	*n = *themes = 0;
	lcm_strmap_init(&names);
	/* staff left out, every learner of each theme kept for its evidence */
	if (lcm_expertise_build(st, 0, 0, NULL, &x, err) < 0 ||
	    lcm_report_name_words(st, &names, err) < 0)
		goto out;
	pick = lcm_xreallocarray(NULL, top, sizeof(*pick));
	*n = lcm_report_experts_pick(&x, &names, top, pick, themes);
	*out = v = lcm_xcalloc(*n ? *n : 1, sizeof(*v));
	for (i = 0; i < *n; i++) {
		const struct lcm_expert *first = &x.e[pick[i].first];

		v[i].theme = lcm_xstrdup(first->theme);
		v[i].threads = first->threads;
		v[i].people = (int64_t)pick[i].n;
		v[i].evidence = pick[i].evidence;
		v[i].nexperts = pick[i].n < LCM_REPORT_EXPERTS_PER_THEME ? pick[i].n :
			LCM_REPORT_EXPERTS_PER_THEME;
		v[i].experts = lcm_xcalloc(v[i].nexperts, sizeof(*v[i].experts));
		for (k = 0; k < v[i].nexperts; k++)
			expert_of(&first[k], o->pseudo_key, &v[i].experts[k]);
	}
	rc = 0;
out:
	free(pick);
	lcm_strmap_release(&names);
	lcm_expertise_free(&x);
	return rc;
}

static char *
dup_or_null(const char *s)
{
	return s ? lcm_xstrdup(s) : NULL;
}

struct lcm_report_known *
lcm_report_known_dup(const struct lcm_report_known *v, size_t n)
{
	struct lcm_report_known *c = lcm_xcalloc(n ? n : 1, sizeof(*c));
	size_t i, k;

	for (i = 0; i < n; i++) {
		c[i] = v[i];
		c[i].theme = lcm_xstrdup(v[i].theme);
		c[i].experts = lcm_xcalloc(v[i].nexperts ? v[i].nexperts : 1,
					   sizeof(*c[i].experts));
		for (k = 0; k < v[i].nexperts; k++) {
			c[i].experts[k] = v[i].experts[k];
			c[i].experts[k].person = dup_or_null(v[i].experts[k].person);
			c[i].experts[k].name = dup_or_null(v[i].experts[k].name);
		}
	}
	return c;
}

void
lcm_report_known_free(struct lcm_report_known *v, size_t n)
{
	size_t i, k;

	for (i = 0; v && i < n; i++) {
		for (k = 0; k < v[i].nexperts; k++) {
			free(v[i].experts[k].person);
			free(v[i].experts[k].name);
		}
		free(v[i].experts);
		free(v[i].theme);
	}
	free(v);
}
