/*
 * report_terms.c - the themes of a period: the words of its posts that
 * set it apart from the whole history (TF-IDF). See report_parts.h.
 *
 * Every live post up to the period's end is a document of the history;
 * a word's weight in the period is how often its posts use it times
 * ln(history posts / posts holding it), so a word every post uses weighs
 * nothing. Words come from terms.h (French and English stop words out);
 * a word found in only one post of the period is not a theme, and the
 * words of people's names are not themes either (nor a leak of them
 * under --pseudonymize), nor what French elision leaves of a word
 * ("quelqu'un" reads as "quelqu" and "un").
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_parts.h"
#include "strmap.h"
#include "terms.h"
#include "text.h"
#include "xalloc.h"

struct lcm_report_terms {
	struct lcm_strmap vocab;	/* word -> index */
	char **words;			/* index -> word, owned */
	int64_t *df;			/* history posts holding each word */
	unsigned char *name;		/* a word of a person's name, or an elided word (qu, l...) */
	size_t nwords, cap;
	int64_t ndocs;			/* posts of the history */
	/* the period's posts: index in e->posts, then words[off[i]..off[i+1]) */
	size_t *post, *off;
	size_t nposts, pcap;
	int *word;
	int64_t *count;
	size_t nw, wcap;
};

/* What one post's words are gathered in. */
struct doc {
	struct lcm_report_terms *t;
	int *v;
	size_t n, cap;
	int names;	/* words go to the name list, not the document */
};

/* Words cut short by elision (terms.c splits at the apostrophe), sorted. */
static const char *const elided[] = {
	"aujourd", "jusqu", "lorsqu", "presqu", "puisqu", "quelqu", "quoiqu"
};

/* For bsearch of the elided words. */
static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The index of word w, added to the vocabulary when new. */
static int
word_index(struct lcm_report_terms *t, const char *w)
{
	int64_t i;

	if (lcm_strmap_get(&t->vocab, w, &i))
		return (int)i;
	if (t->nwords == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		t->words = lcm_xreallocarray(t->words, t->cap, sizeof(*t->words));
		t->df = lcm_xreallocarray(t->df, t->cap, sizeof(*t->df));
		t->name = lcm_xreallocarray(t->name, t->cap, sizeof(*t->name));
	}
	t->words[t->nwords] = lcm_xstrdup(w);
	t->df[t->nwords] = 0;
	t->name[t->nwords] = bsearch(&w, elided, sizeof(elided) / sizeof(*elided),
				     sizeof(*elided), cmp_str) != NULL;
	lcm_strmap_put(&t->vocab, w, (int64_t)t->nwords);
	return (int)t->nwords++;
}

/* lcm_terms_each callback: a word of the current document (or name). */
static void
on_word(const char *w, void *arg)
{
	struct doc *d = arg;
	int i = word_index(d->t, w);

	if (d->names) {
		d->t->name[i] = 1;
		return;
	}
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = lcm_xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	d->v[d->n++] = i;
}

/* For qsort of int. */
static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Counts a document's words in df, and keeps them when it is of the
 * period (post: its index in e, else LCM_NONE). */
static void
add_doc(struct lcm_report_terms *t, struct doc *d, size_t post)
{
	size_t i, k;

	if (d->n)
		qsort(d->v, d->n, sizeof(*d->v), cmp_int);
	t->ndocs++;
	if (post != LCM_NONE) {
		if (t->nposts + 1 >= t->pcap) {
			t->pcap = t->pcap ? t->pcap * 2 : 256;
			t->post = lcm_xreallocarray(t->post, t->pcap, sizeof(*t->post));
			t->off = lcm_xreallocarray(t->off, t->pcap + 1, sizeof(*t->off));
		}
		t->post[t->nposts] = post;
		t->off[t->nposts] = t->nw;
	}
	for (i = 0; i < d->n; i = k) {
		for (k = i + 1; k < d->n && d->v[k] == d->v[i]; k++)
			;
		t->df[d->v[i]]++;
		if (post == LCM_NONE)
			continue;
		if (t->nw == t->wcap) {
			t->wcap = t->wcap ? t->wcap * 2 : 1024;
			t->word = lcm_xreallocarray(t->word, t->wcap, sizeof(*t->word));
			t->count = lcm_xreallocarray(t->count, t->wcap, sizeof(*t->count));
		}
		t->word[t->nw] = d->v[i];
		t->count[t->nw++] = (int64_t)(k - i);
	}
	if (post != LCM_NONE)
		t->off[++t->nposts] = t->nw;
	d->n = 0;
}

/* Marks the words of every person's name, so none is a theme. */
static int
read_names(struct lcm_store *st, struct doc *d, struct lcm_err *err)
{
	sqlite3_stmt *s;
	int rc;

	s = lcm_store_prepare(st, "SELECT name FROM person WHERE name IS NOT NULL UNION"
			      " SELECT name FROM person_link WHERE name IS NOT NULL", err);
	if (!s)
		return -1;
	d->names = 1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		lcm_terms_each((const char *)sqlite3_column_text(s, 0), on_word, d);
	d->names = 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read names");
	return 0;
}

/*
 * The words of the body in column 4. Most bodies are text already (the
 * HTML of Moodle and Canvas is converted at import), but xAPI responses
 * and Open edX bodies are stored as written and may hold markup: only a
 * body with a '<' or an '&' goes through the HTML reader, which is a
 * fifth of a report's time on a million posts.
 */
static void
words_of_body(sqlite3_stmt *s, struct doc *d)
{
	const char *body = (const char *)sqlite3_column_text(s, 4);
	size_t len = (size_t)sqlite3_column_bytes(s, 4);
	char *text;

	if (!body)
		return;
	if (!memchr(body, '<', len) && !memchr(body, '&', len)) {
		lcm_terms_each(body, on_word, d);
		return;
	}
	text = lcm_html_to_text(body, len);
	lcm_terms_each(text, on_word, d);
	free(text);
}

int
lcm_report_terms_load(struct lcm_store *st, const struct lcm_engage *e,
		      struct lcm_report_terms **out, struct lcm_err *err)
{
	struct lcm_report_terms *t = lcm_xcalloc(1, sizeof(*t));
	struct doc d = { 0 };
	sqlite3_stmt *s = NULL;
	const char *subject;
	size_t post;
	int rc = -1, step;

	*out = t;
	lcm_strmap_init(&t->vocab);
	d.t = t;
	if (read_names(st, &d, err) < 0)
		goto out;
	s = lcm_store_prepare(st, "SELECT id, created, parent_ext IS NULL, subject, body"
			      " FROM post WHERE deleted = 0 AND private = 0 AND created <= ?1"
			      " ORDER BY id", err);
	if (!s)
		goto out;
	sqlite3_bind_int64(s, 1, e->o.until);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		/* a thread's subject is its first post's; replies repeat it */
		subject = (const char *)sqlite3_column_text(s, 3);
		if (sqlite3_column_int(s, 2) && subject)
			lcm_terms_each(subject, on_word, &d);
		words_of_body(s, &d);
		post = LCM_NONE;
		if (sqlite3_column_int64(s, 1) >= e->o.since)
			post = lcm_engage_find_post(e, sqlite3_column_int64(s, 0));
		add_doc(t, &d, post);
	}
	if (step != SQLITE_DONE) {
		lcm_store_fail(st, err, "cannot read posts");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(s);
	free(d.v);
	return rc;
}

void
lcm_report_terms_free(struct lcm_report_terms *t)
{
	size_t i;

	if (!t)
		return;
	lcm_strmap_release(&t->vocab);
	for (i = 0; i < t->nwords; i++)
		free(t->words[i]);
	free(t->words);
	free(t->df);
	free(t->name);
	free(t->post);
	free(t->off);
	free(t->word);
	free(t->count);
	free(t);
}

/* Ranking themes: the words and their weights, for qsort. */
struct ranked {
	int word;
	double score;
	int64_t count, posts;
	const char *text;
};

/* Themes by score, count, then the word. */
static int
cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->text, y->text);
}

void
lcm_report_themes(const struct lcm_report_terms *t, const struct lcm_engage *e,
		  const struct lcm_report_scope *sc, int top, struct lcm_report *r)
{
	int64_t *count, *posts;
	struct ranked *v;
	size_t i, k, n = 0;
	int w;

	if (!t || !t->nwords)
		return;
	count = lcm_xcalloc(t->nwords, sizeof(*count));
	posts = lcm_xcalloc(t->nwords, sizeof(*posts));
	for (i = 0; i < t->nposts; i++) {
		if (!lcm_report_post_in(sc, e, t->post[i]))
			continue;
		for (k = t->off[i]; k < t->off[i + 1]; k++) {
			count[t->word[k]] += t->count[k];
			posts[t->word[k]]++;
		}
	}
	v = lcm_xreallocarray(NULL, t->nwords, sizeof(*v));
	for (w = 0; (size_t)w < t->nwords; w++) {
		if (posts[w] < 2 || t->name[w] || t->df[w] >= t->ndocs)
			continue;
		v[n].word = w;
		v[n].count = count[w];
		v[n].posts = posts[w];
		v[n].score = (double)count[w] * log((double)t->ndocs / (double)t->df[w]);
		v[n++].text = t->words[w];
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_ranked);
	if (n > (size_t)top)
		n = (size_t)top;
	r->themes = lcm_xcalloc(n ? n : 1, sizeof(*r->themes));
	for (i = 0; i < n; i++) {
		r->themes[i].term = lcm_xstrdup(v[i].text);
		r->themes[i].count = v[i].count;
		r->themes[i].posts = v[i].posts;
		r->themes[i].score = v[i].score;
	}
	r->nthemes = n;
	free(v);
	free(count);
	free(posts);
}
