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
#include "intmap.h"
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

/*
 * The map while it is built, in numbers: themes, persons and cells are
 * indexes, so a reply costs a few hash lookups and no allocation; the
 * strings of a cell are made only for the cells kept.
 */
struct cell {
	int theme, person;
	int answers, accepted, thanks;
	double score;
};

struct theme {
	char *name;
	int threads;		/* threads holding it */
};

struct person {
	int64_t id;
	char *ext, *name, *key;
	int staff;
};

struct map {
	struct lcm_strmap theme_index;	/* stem or tag -> index in theme */
	struct theme *theme;
	int *theme_order;		/* its place among the themes by name */
	size_t nthemes, captheme;
	struct lcm_intmap themes_of;	/* thread id -> start in list */
	int *list;			/* theme indexes of a thread, -1 after */
	size_t nlist, caplist;
	struct lcm_intmap person_index;	/* person id -> index in person */
	int *person_order;		/* its place among the persons by id */
	struct person *person;
	size_t npersons, capperson;
	struct lcm_intmap cell_of;	/* theme << 32 | person -> index in cell */
	struct cell *cell;
	size_t ncells, capcell;
};

#define GROW(v, n, cap, first) do { \
	if ((n) == (cap)) { \
		(cap) = (cap) ? 2 * (cap) : (first); \
		(v) = lcm_xreallocarray((v), (cap), sizeof(*(v))); \
	} \
} while (0)

static int
theme_index(struct map *m, const char *w)
{
	int64_t v;

	if (lcm_strmap_get(&m->theme_index, w, &v))
		return (int)v;
	GROW(m->theme, m->nthemes, m->captheme, 64);
	m->theme[m->nthemes].name = lcm_xstrdup(w);
	m->theme[m->nthemes].threads = 0;
	lcm_strmap_put(&m->theme_index, w, (int64_t)m->nthemes);
	return (int)m->nthemes++;
}

static void
list_add(struct map *m, int v)
{
	GROW(m->list, m->nlist, m->caplist, 1024);
	m->list[m->nlist++] = v;
}

/* Sets thread key's themes to the words of themes (space-separated). */
static void
set_themes(struct map *m, int64_t thread, const char *themes)
{
	char *t = lcm_xstrdup(themes), *w;
	int i;

	lcm_intmap_put(&m->themes_of, thread, (int64_t)m->nlist);
	for (w = strtok(t, " "); w; w = strtok(NULL, " ")) {
		i = theme_index(m, w);
		m->theme[i].threads++;
		list_add(m, i);
	}
	list_add(m, -1);
	free(t);
}

/* The platform's tags of the threads that have some (tag.h). */
static int
load_tags(struct lcm_store *st, struct map *m, struct lcm_err *err)
{
	sqlite3_stmt *s;
	int rc = lcm_tags_present(st, err);

	if (rc <= 0)
		return rc;
	if (!(s = lcm_store_prepare(st, "SELECT thread_id, group_concat(replace(lower(tag),"
				    " ' ', '-'), ' ') FROM thread_tag GROUP BY thread_id", err)))
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		set_themes(m, sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1));
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
	int64_t v, thread;
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

		thread = sqlite3_column_int64(s, 0);
		if (!subj || lcm_intmap_get(&m->themes_of, thread, &v))
			continue;
		lcm_buf_reset(&b);
		lcm_strmap_init(&c.seen);
		lcm_terms_each(subj, add_stem, &c);
		lcm_strmap_release(&c.seen);
		set_themes(m, thread, b.len ? b.data : "");
	}
	lcm_buf_release(&b);
	lcm_stemmer_free(c.stem);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read thread subjects");
	return 0;
}

/* The index of the reply's author (columns 1 to 5 of s), made when new. */
static int
person_of(struct map *m, sqlite3_stmt *s)
{
	int64_t id = sqlite3_column_int64(s, 1), v;
	const char *ext = (const char *)sqlite3_column_text(s, 2);
	const char *name = (const char *)sqlite3_column_text(s, 3);
	const char *role = (const char *)sqlite3_column_text(s, 4);
	const char *platform = (const char *)sqlite3_column_text(s, 5);
	struct person *p;
	struct lcm_buf b;

	if (lcm_intmap_get(&m->person_index, id, &v))
		return (int)v;
	GROW(m->person, m->npersons, m->capperson, 256);
	p = &m->person[m->npersons];
	p->id = id;
	p->ext = lcm_xstrdup(ext ? ext : "");
	p->name = name && *name ? lcm_xstrdup(name) : NULL;
	lcm_buf_init(&b);
	lcm_buf_printf(&b, "%s:%s", platform ? platform : "", p->ext);
	p->key = lcm_buf_detach(&b);
	p->staff = role && strcmp(role, "learner") != 0;
	lcm_intmap_put(&m->person_index, id, (int64_t)m->npersons);
	return (int)m->npersons++;
}

/* The cell of (theme, person), created when new. */
static struct cell *
cell(struct map *m, int theme, int person)
{
	int64_t key = (int64_t)theme << 32 | person, i;
	struct cell *x;

	if (lcm_intmap_get(&m->cell_of, key, &i))
		return &m->cell[i];
	GROW(m->cell, m->ncells, m->capcell, 256);
	lcm_intmap_put(&m->cell_of, key, (int64_t)m->ncells);
	x = &m->cell[m->ncells++];
	memset(x, 0, sizeof(*x));
	x->theme = theme;
	x->person = person;
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
	int64_t d;
	int rc, who;
	const int *t;

	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *role = (const char *)sqlite3_column_text(s, 4);

		if (!include_staff && role && strcmp(role, "learner") != 0)
			continue;
		if (!lcm_intmap_get(&m->themes_of, sqlite3_column_int64(s, 0), &d))
			continue;
		who = -1;
		for (t = &m->list[d]; *t >= 0; t++) {
			const char *w = m->theme[*t].name;
			struct cell *x;

			if ((tag && strcmp(w, stem) != 0 && strcmp(w, tag) != 0) ||
			    m->theme[*t].threads < 2)
				continue;
			if (who < 0)
				who = person_of(m, s);
			x = cell(m, *t, who);
			x->answers++;
			x->accepted += sqlite3_column_int(s, 6) != 0;
			x->thanks += sqlite3_column_int(s, 7);
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read replies");
	return 0;
}

/* For the sorts below, which qsort gives no argument. */
static const struct map *sorting;

static int
cmp_theme_name(const void *a, const void *b)
{
	return strcmp(sorting->theme[*(const int *)a].name,
		      sorting->theme[*(const int *)b].name);
}

/* By theme (its name), then score (highest first), then the person's id. */
static int
cmp_cell(const void *a, const void *b)
{
	const struct cell *x = a, *y = b;

	if (x->theme != y->theme)
		return sorting->theme_order[x->theme] < sorting->theme_order[y->theme] ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return sorting->person_order[x->person] - sorting->person_order[y->person];
}

/* Persons by their platform's id, then the store's. */
static int
cmp_person(const void *a, const void *b)
{
	const struct person *x = &sorting->person[*(const int *)a];
	const struct person *y = &sorting->person[*(const int *)b];
	int c = strcmp(x->ext, y->ext);

	return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* Each of n things' place in the order cmp gives (as indexes into order). */
static int *
places(size_t n, int (*cmp)(const void *, const void *))
{
	int *by = lcm_xcalloc(n + 1, sizeof(*by)), *place = lcm_xcalloc(n + 1, sizeof(*place));
	size_t i;

	for (i = 0; i < n; i++)
		by[i] = (int)i;
	qsort(by, n, sizeof(*by), cmp);
	for (i = 0; i < n; i++)
		place[by[i]] = (int)i;
	free(by);
	return place;
}

/* Orders the cells and copies out those within top of their theme. */
static void
rank_cells(struct map *m, int top, struct lcm_expertise *out)
{
	size_t i, k = 0;
	int rank = 0;

	sorting = m;
	m->theme_order = places(m->nthemes, cmp_theme_name);
	m->person_order = places(m->npersons, cmp_person);
	for (i = 0; i < m->ncells; i++)
		m->cell[i].score = lcm_expertise_score(m->cell[i].answers, m->cell[i].accepted,
						       m->cell[i].thanks);
	if (m->ncells)
		qsort(m->cell, m->ncells, sizeof(*m->cell), cmp_cell);
	sorting = NULL;
	out->e = m->ncells ? lcm_xcalloc(m->ncells, sizeof(*out->e)) : NULL;
	for (i = 0; i < m->ncells; i++) {
		const struct cell *c = &m->cell[i];
		const struct person *p = &m->person[c->person];
		struct lcm_expert *x;

		rank = i && c->theme == m->cell[i - 1].theme ? rank + 1 : 1;
		if (top > 0 && rank > top)
			continue;
		x = &out->e[k++];
		x->theme = lcm_xstrdup(m->theme[c->theme].name);
		x->rank = rank;
		x->person = lcm_xstrdup(p->ext);
		x->name = p->name ? lcm_xstrdup(p->name) : NULL;
		x->key = lcm_xstrdup(p->key);
		x->staff = p->staff;
		x->threads = m->theme[c->theme].threads;
		x->answers = c->answers;
		x->accepted = c->accepted;
		x->thanks = c->thanks;
		x->score = c->score;
	}
	out->n = k;
}

static void
map_release(struct map *m)
{
	size_t i;

	for (i = 0; i < m->nthemes; i++)
		free(m->theme[i].name);
	for (i = 0; i < m->npersons; i++) {
		free(m->person[i].ext);
		free(m->person[i].name);
		free(m->person[i].key);
	}
	free(m->theme);
	free(m->theme_order);
	free(m->person_order);
	free(m->list);
	free(m->person);
	free(m->cell);
	lcm_strmap_release(&m->theme_index);
	lcm_intmap_release(&m->themes_of);
	lcm_intmap_release(&m->person_index);
	lcm_intmap_release(&m->cell_of);
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
	size_t i;
	int rc = -1;

	memset(&m, 0, sizeof(m));
	memset(out, 0, sizeof(*out));
	lcm_strmap_init(&m.theme_index);
	lcm_intmap_init(&m.themes_of);
	lcm_intmap_init(&m.person_index);
	lcm_intmap_init(&m.cell_of);
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
	if (load_themes(st, &m, err) == 0 &&
	    load_answers(st, &m, include_staff, stem, theme ? tag : NULL, err) == 0) {
		rank_cells(&m, top, out);
		rc = 0;
	}
	map_release(&m);
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
