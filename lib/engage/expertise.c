/*
 * expertise.c - the expertise map: see expertise.h.
 *
 * Two passes: the themes of every thread's opening subject (kept as one
 * space-separated string per thread), then every reply to someone else's
 * thread adds to its author's counts on each of the thread's themes.
 */
#include "expertise.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pseudo.h"
#include "render.h"
#include "strmap.h"
#include "tag.h"
#include "terms.h"
#include "xalloc.h"

double
lcm_expertise_score(int answers, int accepted, int thanks)
{
	return (double)answers + 3.0 * accepted + 2.0 * thanks;
}

struct collect {
	struct lcm_stemmer *stem;
	struct lcm_buf *b;
	struct lcm_strmap seen;
};

static void
add_stem(const char *term, void *arg)
{
	struct collect *c = arg;
	size_t len;
	const char *s = lcm_stem(c->stem, LCM_LANG_EN, term, strlen(term), &len);
	char *w = lcm_xstrndup(s, len);
	int64_t v;

	if (!lcm_strmap_get(&c->seen, w, &v)) {
		lcm_strmap_put(&c->seen, w, 1);
		if (c->b->len)
			lcm_buf_addc(c->b, ' ');
		lcm_buf_adds(c->b, w);
	}
	free(w);
}

struct map {
	struct lcm_strmap theme_of;	/* thread id -> index in themes */
	char **themes;
	size_t nthreads, capthreads;
	struct lcm_strmap nthemes;	/* stem -> threads holding it */
	struct lcm_strmap cell_of;	/* "stem\tperson id" -> index in out */
	struct lcm_expert *e;
	size_t n, cap;
};

/* Sets thread key's themes to the words of themes (space-separated). */
static void
set_themes(struct map *m, const char *key, const char *themes)
{
	char *t, *w;
	int64_t v;

	if (m->nthreads == m->capthreads) {
		m->capthreads = m->capthreads ? m->capthreads * 2 : 256;
		m->themes = lcm_xreallocarray(m->themes, m->capthreads, sizeof(*m->themes));
	}
	m->themes[m->nthreads] = lcm_xstrdup(themes);
	lcm_strmap_put(&m->theme_of, key, (int64_t)m->nthreads);
	t = lcm_xstrdup(m->themes[m->nthreads++]);
	for (w = strtok(t, " "); w; w = strtok(NULL, " ")) {
		v = 0;
		lcm_strmap_get(&m->nthemes, w, &v);
		lcm_strmap_put(&m->nthemes, w, v + 1);
	}
	free(t);
}

/* The platform's tags of the threads that have some (tag.h). */
static int
load_tags(struct lcm_store *st, struct map *m, struct lcm_err *err)
{
	sqlite3_stmt *s;
	char key[24];
	int rc = lcm_tags_present(st, err);

	if (rc <= 0)
		return rc;
	if (!(s = lcm_store_prepare(st, "SELECT thread_id, group_concat(replace(lower(tag),"
				    " ' ', '-'), ' ') FROM thread_tag GROUP BY thread_id", err)))
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		snprintf(key, sizeof(key), "%lld", (long long)sqlite3_column_int64(s, 0));
		set_themes(m, key, (const char *)sqlite3_column_text(s, 1));
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : lcm_store_fail(st, err, "cannot read tags");
}

/* Each thread's themes: its tags, else the stems of its subject. */
static int
load_themes(struct lcm_store *st, struct map *m, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st,
		"SELECT thread_id, subject FROM post WHERE parent_ext IS NULL"
		" AND deleted = 0 AND private = 0 ORDER BY thread_id, id", err);
	struct collect c;
	struct lcm_buf b;
	char key[24];
	int64_t v;
	int rc;

	if (!s)
		return -1;
	if (load_tags(st, m, err) < 0 || !(c.stem = lcm_stemmer_new(err))) {
		sqlite3_finalize(s);
		return -1;
	}
	lcm_buf_init(&b);
	c.b = &b;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *subj = (const char *)sqlite3_column_text(s, 1);

		snprintf(key, sizeof(key), "%lld", (long long)sqlite3_column_int64(s, 0));
		if (!subj || lcm_strmap_get(&m->theme_of, key, &v))
			continue;
		lcm_buf_reset(&b);
		lcm_strmap_init(&c.seen);
		lcm_terms_each(subj, add_stem, &c);
		lcm_strmap_release(&c.seen);
		set_themes(m, key, b.len ? b.data : "");
	}
	lcm_buf_release(&b);
	lcm_stemmer_free(c.stem);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read thread subjects");
	return 0;
}

/* The cell of (theme, person), created when new. */
static struct lcm_expert *
cell(struct map *m, const char *theme, int64_t pid, sqlite3_stmt *s, int threads)
{
	struct lcm_buf b;
	struct lcm_expert *x;
	const char *ext = (const char *)sqlite3_column_text(s, 2);
	const char *name = (const char *)sqlite3_column_text(s, 3);
	const char *role = (const char *)sqlite3_column_text(s, 4);
	const char *platform = (const char *)sqlite3_column_text(s, 5);
	int64_t i;
	char *k;

	lcm_buf_init(&b);
	lcm_buf_printf(&b, "%s\t%lld", theme, (long long)pid);
	k = lcm_buf_detach(&b);
	if (lcm_strmap_get(&m->cell_of, k, &i)) {
		free(k);
		return &m->e[i];
	}
	lcm_strmap_put(&m->cell_of, k, (int64_t)m->n);
	free(k);
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->e = lcm_xreallocarray(m->e, m->cap, sizeof(*m->e));
	}
	x = &m->e[m->n++];
	memset(x, 0, sizeof(*x));
	x->theme = lcm_xstrdup(theme);
	x->person = lcm_xstrdup(ext ? ext : "");
	x->name = name && *name ? lcm_xstrdup(name) : NULL;
	lcm_buf_init(&b);
	lcm_buf_printf(&b, "%s:%s", platform ? platform : "", x->person);
	x->key = lcm_buf_detach(&b);
	x->staff = role && strcmp(role, "learner") != 0;
	x->threads = threads;
	return x;
}

static int
load_answers(struct lcm_store *st, struct map *m, int include_staff,
	     const char *stem, const char *tag, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st,
		"SELECT x.thread_id, x.author_id, a.external_id, a.name, a.role, a.platform,"
		" x.accepted, (SELECT count(*) FROM post y WHERE y.parent_id = x.id"
		"  AND y.author_id IS NOT x.author_id AND y.deleted = 0 AND ("
		"  lower(y.body) LIKE '%thank%' OR lower(y.body) LIKE '%merci%'"
		"  OR lower(y.body) LIKE '%solved%' OR lower(y.body) LIKE '%résolu%'"
		"  OR lower(y.body) LIKE '%works%' OR lower(y.body) LIKE '%fonctionne%'"
		"  OR lower(y.body) LIKE '%marche%' OR lower(y.body) LIKE '%perfect%'"
		"  OR lower(y.body) LIKE '%parfait%' OR lower(y.body) LIKE '%gracias%'))"
		" FROM post x JOIN thread t ON t.id = x.thread_id"
		" JOIN person a ON a.id = x.author_id"
		" WHERE x.parent_ext IS NOT NULL AND x.deleted = 0 AND x.private = 0"
		" AND t.author_id IS NOT x.author_id ORDER BY x.id", err);
	char key[24];
	int64_t d, nth;
	int rc;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(s, 4);
		char *t, *w;

		if (!include_staff && role && strcmp(role, "learner") != 0)
			continue;
		snprintf(key, sizeof(key), "%lld", (long long)sqlite3_column_int64(s, 0));
		if (!lcm_strmap_get(&m->theme_of, key, &d))
			continue;
		t = lcm_xstrdup(m->themes[d]);
		for (w = strtok(t, " "); w; w = strtok(NULL, " ")) {
			struct lcm_expert *x;

			if ((tag && strcmp(w, stem) != 0 && strcmp(w, tag) != 0) ||
			    !lcm_strmap_get(&m->nthemes, w, &nth) || nth < 2)
				continue;
			x = cell(m, w, sqlite3_column_int64(s, 1), s, (int)nth);
			x->answers++;
			x->accepted += sqlite3_column_int(s, 6) != 0;
			x->thanks += sqlite3_column_int(s, 7);
		}
		free(t);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read replies");
	return 0;
}

static int
cmp_expert(const void *a, const void *b)
{
	const struct lcm_expert *x = a, *y = b;
	int c = strcmp(x->theme, y->theme);

	if (c)
		return c;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->person, y->person);
}

static void
expert_release(struct lcm_expert *x)
{
	free(x->theme);
	free(x->person);
	free(x->name);
	free(x->key);
}

int
lcm_expertise_build(struct lcm_store *st, int include_staff, int top,
		    const char *theme, struct lcm_expertise *out, struct lcm_err *err)
{
	struct map m;
	char stem[256] = "", tag[256] = "";
	size_t i, j, k;
	int rank = 0, rc = -1;

	memset(&m, 0, sizeof(m));
	memset(out, 0, sizeof(*out));
	lcm_strmap_init(&m.theme_of);
	lcm_strmap_init(&m.nthemes);
	lcm_strmap_init(&m.cell_of);
	if (theme) {
		struct lcm_err ignored;

		/* a theme is a stem of the word, or a tag written as the word */
		lcm_err_init(&ignored);
		if (lcm_expertise_theme(theme, stem, sizeof(stem), &ignored) < 0)
			stem[0] = '\0';
		for (i = 0; theme[i] && i + 1 < sizeof(tag); i++)
			tag[i] = theme[i] == ' ' ? '-' : (char)tolower((unsigned char)theme[i]);
		tag[i] = '\0';
	}
	if (load_themes(st, &m, err) < 0 ||
	    load_answers(st, &m, include_staff, stem, theme ? tag : NULL, err) < 0)
		goto done;
	for (i = 0; i < m.n; i++)
		m.e[i].score = lcm_expertise_score(m.e[i].answers, m.e[i].accepted,
						   m.e[i].thanks);
	if (m.n)
		qsort(m.e, m.n, sizeof(*m.e), cmp_expert);
	for (i = 0; i < m.n; i++) {
		rank = i && strcmp(m.e[i].theme, m.e[i - 1].theme) == 0 ? rank + 1 : 1;
		m.e[i].rank = rank;
	}
	for (i = 0, k = 0; i < m.n; i++) {
		if (top > 0 && m.e[i].rank > top)
			expert_release(&m.e[i]);
		else
			m.e[k++] = m.e[i];
	}
	out->e = m.e;
	out->n = k;
	m.e = NULL;
	m.n = 0;
	rc = 0;
done:
	for (j = 0; j < m.n; j++)
		expert_release(&m.e[j]);
	free(m.e);
	for (j = 0; j < m.nthreads; j++)
		free(m.themes[j]);
	free(m.themes);
	lcm_strmap_release(&m.theme_of);
	lcm_strmap_release(&m.nthemes);
	lcm_strmap_release(&m.cell_of);
	return rc;
}

void
lcm_expertise_free(struct lcm_expertise *x)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		expert_release(&x->e[i]);
	free(x->e);
	memset(x, 0, sizeof(*x));
}

struct first {
	char *out;
	size_t size;
	struct lcm_stemmer *stem;
	int done;
};

static void
first_stem(const char *term, void *arg)
{
	struct first *f = arg;
	size_t len;
	const char *s;

	if (f->done)
		return;
	s = lcm_stem(f->stem, LCM_LANG_EN, term, strlen(term), &len);
	snprintf(f->out, f->size, "%.*s", (int)len, s);
	f->done = 1;
}

int
lcm_expertise_theme(const char *word, char *out, size_t size, struct lcm_err *err)
{
	struct first f = { out, size, NULL, 0 };

	if (!(f.stem = lcm_stemmer_new(err)))
		return -1;
	lcm_terms_each(word, first_stem, &f);
	lcm_stemmer_free(f.stem);
	if (!f.done)
		return lcm_error(err, "no content word (3 letters or more, not a stop"
				 " word): '%s'", word);
	return 0;
}

size_t
lcm_expertise_render(const struct lcm_expertise *x, const char *person,
		     const char *key, FILE *fp, int fmt, int flags, int quiet)
{
	static const char *const cols[] = {
		"theme", "threads", "rank", "person", "name", "staff", "answers",
		"accepted", "thanks", "score"
	};
	struct lcm_render *r = NULL;
	struct lcm_cell c[10];
	size_t i, n = 0;
	char *pseudo;

	if (!quiet)
		r = lcm_render_new(fp, (enum lcm_format)fmt, cols, 10, flags);
	for (i = 0; i < x->n; i++) {
		const struct lcm_expert *e = &x->e[i];

		if (person && strcmp(person, e->person) != 0)
			continue;
		n++;
		if (!r)
			continue;
		pseudo = key ? lcm_pseudonym_dup(key, e->key) : NULL;
		c[0] = lcm_cell_str(e->theme);
		c[1] = lcm_cell_int(e->threads);
		c[2] = lcm_cell_int(e->rank);
		c[3] = lcm_cell_str(pseudo ? pseudo : e->person);
		c[4] = lcm_cell_str(pseudo ? NULL : e->name);
		c[5] = lcm_cell_bool(e->staff);
		c[6] = lcm_cell_int(e->answers);
		c[7] = lcm_cell_int(e->accepted);
		c[8] = lcm_cell_int(e->thanks);
		c[9] = lcm_cell_real(e->score);
		lcm_render_row(r, c);
		free(pseudo);
	}
	if (r) {
		lcm_render_end(r);
		lcm_render_free(r);
	}
	return n;
}
