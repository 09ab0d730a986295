/*
 * report_terms.c - the themes of a period: the words of its posts that
 * set it apart from the whole history (TF-IDF). See report_parts.h.
 *
 * Every live post before the period's end (excluded, as everywhere) is a
 * document of the history;
 * a theme's weight in the period is how often its posts use it times
 * ln(history posts / posts holding it), so a theme every post uses
 * weighs nothing, and one found in a single post of the period is none.
 *
 * A theme is a stem: "livrable" and "livrables" are one. The store holds
 * no language for posts, so each post's is guessed from its stop words
 * (terms.h): French when it has more French than English ones, English
 * when fewer, and on a tie (a short post) the language most posts before
 * it had, French first. Stop words of either language are never themes
 * (mixed posts are common: "Merci à tous / Thanks everyone"), nor the
 * words of people's names (nor a leak of them under --pseudonymize),
 * words under three letters, or numbers and words that start with a
 * digit (18h30). A word is stemmed once, in the
 * language of the first post that has it: the cache of words also keeps
 * one word from being two themes. A theme reads as its most frequent word.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report_parts.h"
#include "strmap.h"
#include "terms.h"
#include "text.h"
#include "xalloc.h"

/* What a word of the text is, besides a stem (its surface kind). */
#define W_CONTENT 0	/* a stem's word */
#define W_SKIP 4	/* a stop word (with its LCM_LANG_* bits) or a word of a name */
#define W_PENDING 8	/* first seen in the current post: not stemmed yet */

struct lcm_report_terms {
	struct lcm_strmap vocab;	/* stem -> index */
	int64_t *df;			/* history posts holding each stem */
	size_t *shown;			/* each stem's most frequent word (index in surf) */
	size_t nwords, cap;
	/* the words as written (lower case): one lookup a use, one stem each */
	struct lcm_strmap surf;		/* word -> index */
	char **surf_word;		/* index -> word, owned */
	int *surf_stem;			/* index -> stem index, or -1 */
	unsigned char *surf_kind;	/* W_* and LCM_LANG_* bits */
	int64_t *surf_count;		/* uses in the history */
	size_t nsurf, scap;
	struct lcm_stemmer *stemmer;
	int64_t nfr, nen;		/* history posts guessed French, English */
	int64_t ndocs;			/* posts of the history */
	/* the period's posts: index in e->posts, then words[off[i]..off[i+1]) */
	size_t *post, *off;
	size_t nposts, pcap;
	int *word;
	int64_t *count;
	size_t nw, wcap;
	char **stem_text;		/* stem index -> the stem, owned */
	/* thread-opening posts from q_since on (needs.c): id, time, stems */
	int64_t q_since;
	struct lcm_report_question *q;
	size_t nq, qcap;
	int *qword;
	size_t nqw, qwcap;
};

/* What one post's words are gathered in. */
struct doc {
	struct lcm_report_terms *t;
	int *v;			/* surface indices, then stem indices */
	size_t n, cap;
	size_t *pending;	/* its words not stemmed yet (surface indices) */
	size_t npending, pcap;
	int64_t fr, en;		/* its French and English stop words */
	int names;		/* words are of a name, not of a document */
};

/* The index of word w among the surfaces, added (of kind) when new. */
static size_t
surf_add(struct lcm_report_terms *t, const char *w, int kind)
{
	if (t->nsurf == t->scap) {
		t->scap = t->scap ? t->scap * 2 : 1024;
		t->surf_word = lcm_xreallocarray(t->surf_word, t->scap, sizeof(*t->surf_word));
		t->surf_stem = lcm_xreallocarray(t->surf_stem, t->scap, sizeof(*t->surf_stem));
		t->surf_kind = lcm_xreallocarray(t->surf_kind, t->scap, sizeof(*t->surf_kind));
		t->surf_count = lcm_xreallocarray(t->surf_count, t->scap, sizeof(*t->surf_count));
	}
	t->surf_word[t->nsurf] = lcm_xstrdup(w);
	t->surf_stem[t->nsurf] = -1;
	t->surf_kind[t->nsurf] = (unsigned char)kind;
	t->surf_count[t->nsurf] = 0;
	lcm_strmap_put(&t->surf, w, (int64_t)t->nsurf);
	return t->nsurf++;
}

/* The stop words of both languages, as surfaces to skip. */
static void
add_stop_words(struct lcm_report_terms *t)
{
	static const int langs[] = { LCM_LANG_FR, LCM_LANG_EN };
	const char *const *list;
	size_t i, k, n;
	int64_t j;

	for (k = 0; k < 2; k++) {
		list = lcm_stop_words(langs[k], &n);
		for (i = 0; i < n; i++) {
			if (lcm_strmap_get(&t->surf, list[i], &j))
				t->surf_kind[j] |= (unsigned char)langs[k];
			else
				surf_add(t, list[i], W_SKIP | langs[k]);
		}
	}
}

/* The index of stem w, added to the vocabulary when new. */
static int
stem_index(struct lcm_report_terms *t, const char *w)
{
	int64_t i;

	if (lcm_strmap_get(&t->vocab, w, &i))
		return (int)i;
	if (t->nwords == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		t->df = lcm_xreallocarray(t->df, t->cap, sizeof(*t->df));
		t->stem_text = lcm_xreallocarray(t->stem_text, t->cap, sizeof(*t->stem_text));
	}
	t->df[t->nwords] = 0;
	t->stem_text[t->nwords] = lcm_xstrdup(w);
	lcm_strmap_put(&t->vocab, w, (int64_t)t->nwords);
	return (int)t->nwords++;
}

/*
 * lcm_words_each callback: a word of the current document, or of a name.
 * Stop words count for the post's language; a word seen before is its
 * stem at once; a new one waits for the post's language (resolve).
 */
static void
on_word(const char *w, size_t chars, int digits, void *arg)
{
	struct doc *d = arg;
	struct lcm_report_terms *t = d->t;
	int64_t j;
	size_t i;

	if (!lcm_strmap_get(&t->surf, w, &j)) {
		/* numbers, and times or ranks such as 18h30 and 2e, are no themes */
		if (chars < 3 || digits || (w[0] >= '0' && w[0] <= '9'))
			return;
		j = (int64_t)surf_add(t, w, d->names ? W_SKIP : W_PENDING);
		if (!d->names) {
			if (d->npending == d->pcap) {
				d->pcap = d->pcap ? d->pcap * 2 : 64;
				d->pending = lcm_xreallocarray(d->pending, d->pcap,
							       sizeof(*d->pending));
			}
			d->pending[d->npending++] = (size_t)j;
		}
	}
	i = (size_t)j;
	if (d->names) {
		/* a name's word is never a theme, even one of a stop word */
		t->surf_kind[i] |= W_SKIP;
		return;
	}
	if (t->surf_kind[i] & LCM_LANG_FR)
		d->fr++;
	if (t->surf_kind[i] & LCM_LANG_EN)
		d->en++;
	if (t->surf_kind[i] & W_SKIP)
		return;
	t->surf_count[i]++;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = lcm_xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	d->v[d->n++] = (int)i;
}

/*
 * The post's language from its stop words (see the top of this file),
 * its new words stemmed in it, and its words turned into their stems.
 */
static void
resolve(struct doc *d)
{
	struct lcm_report_terms *t = d->t;
	const char *stem;
	size_t i, len, s;
	int lang;

	if (d->fr != d->en)
		lang = d->fr > d->en ? LCM_LANG_FR : LCM_LANG_EN;
	else
		lang = t->nen > t->nfr ? LCM_LANG_EN : LCM_LANG_FR;
	if (lang == LCM_LANG_FR)
		t->nfr++;
	else
		t->nen++;
	for (i = 0; i < d->npending; i++) {
		s = d->pending[i];
		stem = lcm_stem(t->stemmer, lang, t->surf_word[s], strlen(t->surf_word[s]), &len);
		t->surf_stem[s] = stem_index(t, stem);
		t->surf_kind[s] = W_CONTENT;
	}
	for (i = 0; i < d->n; i++)
		d->v[i] = t->surf_stem[d->v[i]];
	d->npending = 0;
	d->fr = d->en = 0;
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
add_doc(struct lcm_report_terms *t, struct doc *d, size_t post,
	const struct lcm_report_question *q)
{
	size_t i, k;

	if (d->n)
		qsort(d->v, d->n, sizeof(*d->v), cmp_int);
	if (q) {
		if (t->nq == t->qcap) {
			t->qcap = t->qcap ? t->qcap * 2 : 256;
			t->q = lcm_xreallocarray(t->q, t->qcap, sizeof(*t->q));
		}
		t->q[t->nq] = *q;
		t->q[t->nq].off = t->nqw;
		for (i = 0; i < d->n; i++) {
			if (i && d->v[i] == d->v[i - 1])
				continue;
			if (t->nqw == t->qwcap) {
				t->qwcap = t->qwcap ? t->qwcap * 2 : 1024;
				t->qword = lcm_xreallocarray(t->qword, t->qwcap, sizeof(*t->qword));
			}
			t->qword[t->nqw++] = d->v[i];
		}
		t->q[t->nq].n = t->nqw - t->q[t->nq].off;
		t->nq++;
	}
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
		lcm_words_each((const char *)sqlite3_column_text(s, 0), on_word, d);
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
		lcm_words_each(body, on_word, d);
		return;
	}
	text = lcm_html_to_text(body, len);
	lcm_words_each(text, on_word, d);
	free(text);
}

/*
 * Each stem's word to show: its most used word in the history, the first
 * in byte order on a tie (so a report does not depend on import order).
 */
static void
pick_shown(struct lcm_report_terms *t)
{
	size_t i, *b;
	int w;

	t->shown = lcm_xcalloc(t->nwords ? t->nwords : 1, sizeof(*t->shown));
	for (w = 0; (size_t)w < t->nwords; w++)
		t->shown[w] = LCM_NONE;
	for (i = 0; i < t->nsurf; i++) {
		if (t->surf_stem[i] < 0)
			continue;
		b = &t->shown[t->surf_stem[i]];
		if (*b == LCM_NONE || t->surf_count[i] > t->surf_count[*b] ||
		    (t->surf_count[i] == t->surf_count[*b] &&
		     strcmp(t->surf_word[i], t->surf_word[*b]) < 0))
			*b = i;
	}
}

int
lcm_report_terms_load(struct lcm_store *st, const struct lcm_engage *e, int64_t q_since,
		      struct lcm_report_terms **out, struct lcm_err *err)
{
	struct lcm_report_terms *t = lcm_xcalloc(1, sizeof(*t));
	struct lcm_report_question q;
	struct doc d = { 0 };
	sqlite3_stmt *s = NULL;
	const char *subject;
	size_t post;
	int rc = -1, step;

	*out = t;
	t->q_since = q_since;
	lcm_strmap_init(&t->vocab);
	lcm_strmap_init(&t->surf);
	d.t = t;
	t->stemmer = lcm_stemmer_new(err);
	if (!t->stemmer)
		goto out;
	add_stop_words(t);
	if (read_names(st, &d, err) < 0)
		goto out;
	s = lcm_store_prepare(st, "SELECT id, created, parent_ext IS NULL, subject, body"
			      " FROM post WHERE deleted = 0 AND private = 0 AND created < ?1"
			      " ORDER BY id", err);
	if (!s)
		goto out;
	sqlite3_bind_int64(s, 1, e->o.until);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		/* a thread's subject is its first post's; replies repeat it */
		subject = (const char *)sqlite3_column_text(s, 3);
		if (sqlite3_column_int(s, 2) && subject)
			lcm_words_each(subject, on_word, &d);
		words_of_body(s, &d);
		resolve(&d);
		post = LCM_NONE;
		if (sqlite3_column_int64(s, 1) >= e->o.since)
			post = lcm_engage_find_post(e, sqlite3_column_int64(s, 0));
		q.id = sqlite3_column_int64(s, 0);
		q.created = sqlite3_column_int64(s, 1);
		add_doc(t, &d, post, sqlite3_column_int(s, 2) && q.created >= q_since ? &q : NULL);
	}
	if (step != SQLITE_DONE) {
		lcm_store_fail(st, err, "cannot read posts");
		goto out;
	}
	pick_shown(t);
	rc = 0;
out:
	sqlite3_finalize(s);
	free(d.v);
	free(d.pending);
	return rc;
}

void
lcm_report_terms_free(struct lcm_report_terms *t)
{
	size_t i;

	if (!t)
		return;
	lcm_strmap_release(&t->vocab);
	lcm_strmap_release(&t->surf);
	for (i = 0; i < t->nsurf; i++)
		free(t->surf_word[i]);
	free(t->surf_word);
	free(t->surf_stem);
	free(t->surf_kind);
	free(t->surf_count);
	lcm_stemmer_free(t->stemmer);
	for (i = 0; i < t->nwords; i++)
		free(t->stem_text[i]);
	free(t->stem_text);
	free(t->q);
	free(t->qword);
	free(t->df);
	free(t->shown);
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
		if (posts[w] < 2 || t->df[w] >= t->ndocs)
			continue;
		v[n].word = w;
		v[n].count = count[w];
		v[n].posts = posts[w];
		v[n].score = (double)count[w] * log((double)t->ndocs / (double)t->df[w]);
		v[n++].text = t->surf_word[t->shown[w]];
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

const struct lcm_report_question *
lcm_report_questions(const struct lcm_report_terms *t, size_t *n)
{
	*n = t ? t->nq : 0;
	return t ? t->q : NULL;
}

const int *
lcm_report_question_stems(const struct lcm_report_terms *t,
			  const struct lcm_report_question *q)
{
	return t->qword + q->off;
}

size_t
lcm_report_terms_count(const struct lcm_report_terms *t)
{
	return t ? t->nwords : 0;
}

const char *
lcm_report_stem_text(const struct lcm_report_terms *t, int w)
{
	return t->stem_text[w];
}

const char *
lcm_report_stem_shown(const struct lcm_report_terms *t, int w)
{
	return t->shown[w] == LCM_NONE ? t->stem_text[w] : t->surf_word[t->shown[w]];
}
