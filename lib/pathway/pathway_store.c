/*
 * pathway_store.c - the catalogue and the learners as lcm-import put
 * them in the store (item, item_skill, item_prereq, person,
 * person_skill, completion). See catalogue.h and pathway.h.
 */
#include "pathway.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pseudo.h"
#include "value.h"
#include "xalloc.h"

/* Column i of the current row as text, or NULL. */
static const char *
text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* Steps s to its end, calling fn on each row. */
static int
each_row(struct lcm_store *st, sqlite3_stmt *s,
	 int (*fn)(sqlite3_stmt *, void *, struct lcm_err *), void *arg,
	 struct lcm_err *err)
{
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (fn(s, arg, err) < 0)
			return -1;
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read");
	return 0;
}

/* Runs sql, calling fn on each row; the statement is finalised. */
static int
query(struct lcm_store *st, const char *sql,
      int (*fn)(sqlite3_stmt *, void *, struct lcm_err *), void *arg,
      struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st, sql, err);
	int rc;

	if (!s)
		return -1;
	rc = each_row(st, s, fn, arg, err);
	sqlite3_finalize(s);
	return rc;
}

/*
 * Column i as text when it is a whole number from 0 to max, else none
 * (what to read instead: NULL, or "0").
 */
static const char *
count_or(sqlite3_stmt *s, int i, int64_t max, const char *none)
{
	if (sqlite3_column_type(s, i) != SQLITE_INTEGER ||
	    !lcm_value_count_ok(sqlite3_column_int64(s, i), max))
		return none;
	return text(s, i);
}

/* Store item ids to brick indices, while loading. */
struct items {
	struct lcm_catalogue *c;
	const char *path;
	struct lcm_strmap by_rowid;
};

/* An item row (id, external_id, title, ...) as a brick. */
static int
item_row(sqlite3_stmt *s, void *arg, struct lcm_err *err)
{
	struct items *it = arg;
	const char *v[LCM_CAT_NCOL] = { 0 };
	char key[32];

	v[LCM_CAT_ID] = text(s, 1);
	v[LCM_CAT_TITLE] = text(s, 2);
	v[LCM_CAT_FORMAT] = text(s, 3);
	/*
	 * A value out of the ranges lcm-import checks (value.h), from an
	 * older lcm or a hand-edited store, is read as not given: duration
	 * 0, no level. One bad row must not stop every run.
	 */
	v[LCM_CAT_DURATION] = count_or(s, 4, LCM_DURATION_MAX, "0");
	v[LCM_CAT_LEVEL] = count_or(s, 5, LCM_LEVEL_MAX, NULL);
	v[LCM_CAT_LANGUAGE] = text(s, 6);
	v[LCM_CAT_URL] = text(s, 7);
	if (lcm_catalogue_add(it->c, v, 0, err) < 0) {
		char msg[sizeof(err->msg)];

		snprintf(msg, sizeof(msg), "%s", err->msg);
		return lcm_error(err, "store '%s': item '%s': %.700s", it->path,
				 v[LCM_CAT_ID] ? v[LCM_CAT_ID] : "", msg);
	}
	snprintf(key, sizeof(key), "%lld", (long long)sqlite3_column_int64(s, 0));
	lcm_strmap_put(&it->by_rowid, key, (int64_t)it->c->n - 1);
	return 0;
}

/* A row (item_id, word) of item_skill or item_prereq. */
static int
list_row(sqlite3_stmt *s, void *arg, struct lcm_err *err, int prereq)
{
	struct items *it = arg;
	struct lcm_brick *b;
	char key[32];
	int64_t k;

	(void)err;
	snprintf(key, sizeof(key), "%lld", (long long)sqlite3_column_int64(s, 0));
	if (!text(s, 1) || !lcm_strmap_get(&it->by_rowid, key, &k))
		return 0;
	b = &it->c->b[k];
	lcm_strlist_split(prereq ? &b->prereqs : &b->skills, text(s, 1), '\n');
	return 0;
}

/* A row of item_skill. */
static int
skill_row(sqlite3_stmt *s, void *arg, struct lcm_err *err)
{
	return list_row(s, arg, err, 0);
}

/* A row of item_prereq. */
static int
prereq_row(sqlite3_stmt *s, void *arg, struct lcm_err *err)
{
	return list_row(s, arg, err, 1);
}

int
lcm_catalogue_load_store(struct lcm_catalogue *c, struct lcm_store *st,
			 struct lcm_err *err)
{
	struct items it;
	int rc;

	free(c->name);
	c->name = lcm_xstrdup(st->path);
	it.c = c;
	it.path = st->path;
	lcm_strmap_init(&it.by_rowid);
	/* items with neither title nor duration are names completions used */
	rc = query(st, "SELECT id, external_id, title, format, duration_min, level,"
		   " language, url FROM item"
		   " WHERE title IS NOT NULL OR duration_min IS NOT NULL"
		   " ORDER BY external_id, platform", item_row, &it, err);
	if (rc == 0)
		rc = query(st, "SELECT item_id, skill FROM item_skill"
			   " ORDER BY item_id, rowid", skill_row, &it, err);
	if (rc == 0)
		rc = query(st, "SELECT item_id, requires FROM item_prereq"
			   " ORDER BY item_id, rowid", prereq_row, &it, err);
	lcm_strmap_release(&it.by_rowid);
	if (rc < 0)
		return -1;
	lcm_catalogue_index(c);
	return 0;
}

/* How a learner's id names a person: a better match replaces a worse. */
enum match { M_NONE, M_PSEUDONYM, M_EXTERNAL, M_KEY };

/* The learners while they are matched with the store's persons. */
struct found {
	struct lcm_learners *ls;
	const char *pseudo_key;		/* NULL: ids are not pseudonyms */
	int several;			/* the store holds several platforms */
	unsigned char *match;		/* enum match, per learner */
	struct lcm_strmap by_person;	/* person id -> first learner index */
	size_t *next;			/* next learner of the same person, or LCM_CAT_NONE */
	struct lcm_buf b;
};

/* Whether the store holds persons of several platforms. */
static int
several_row(sqlite3_stmt *s, void *arg, struct lcm_err *err)
{
	(void)err;
	((struct found *)arg)->several = sqlite3_column_int(s, 0);
	return 0;
}

/* Adds a learner of the store (platform, external_id) as lcm-engage names it. */
static int
add_row(sqlite3_stmt *s, void *arg, struct lcm_err *err)
{
	struct found *f = arg;

	(void)err;
	if (!text(s, 0) || !text(s, 1))
		return 0;
	lcm_buf_reset(&f->b);
	if (f->several)
		lcm_buf_printf(&f->b, "%s:", text(s, 0));
	lcm_buf_adds(&f->b, text(s, 1));
	lcm_learners_get(f->ls, f->b.data);
	return 0;
}

/*
 * Learner id (if any) is person row s (id, platform, external_id, name),
 * whose key is key, by match m: kept unless it had a match as good.
 */
static void
claim(struct found *f, const char *id, enum match m, sqlite3_stmt *s,
      const char *key)
{
	struct lcm_learner *l = lcm_learners_find(f->ls, id);
	size_t i;

	if (!l || f->match[i = (size_t)(l - f->ls->v)] >= m)
		return;
	f->match[i] = (unsigned char)m;
	l->person = sqlite3_column_int64(s, 0);
	free(l->key);
	l->key = lcm_xstrdup(key);
	if (!(l->given & LCM_L_NAME)) {
		free(l->name);
		l->name = text(s, 3) ? lcm_xstrdup(text(s, 3)) : NULL;
	}
}

/* A person: the learners it is, by key, external id or pseudonym. */
static int
person_row(sqlite3_stmt *s, void *arg, struct lcm_err *err)
{
	struct found *f = arg;
	char pseudonym[LCM_PSEUDO_LEN + 1];

	(void)err;
	if (!text(s, 1) || !text(s, 2))
		return 0;
	lcm_buf_reset(&f->b);
	lcm_buf_printf(&f->b, "%s:%s", text(s, 1), text(s, 2));
	if (f->pseudo_key)
		claim(f, lcm_pseudonym(f->pseudo_key, f->b.data, pseudonym), M_PSEUDONYM,
		      s, f->b.data);
	claim(f, text(s, 2), M_EXTERNAL, s, f->b.data);
	claim(f, f->b.data, M_KEY, s, f->b.data);
	return 0;
}

/* Indexes the learners found by person id. */
static void
index_persons(struct found *f)
{
	char key[32];
	int64_t first;
	size_t i;

	f->next = lcm_xreallocarray(NULL, f->ls->n + 1, sizeof(*f->next));
	for (i = f->ls->n; i-- > 0;) {
		f->next[i] = LCM_CAT_NONE;
		if (!f->ls->v[i].person)
			continue;
		snprintf(key, sizeof(key), "%lld", (long long)f->ls->v[i].person);
		if (lcm_strmap_get(&f->by_person, key, &first))
			f->next[i] = (size_t)first;
		lcm_strmap_put(&f->by_person, key, (int64_t)i);
	}
}

/* The first learner who is person (column 0 of s), or NULL; see next_of. */
static struct lcm_learner *
first_of(struct found *f, sqlite3_stmt *s)
{
	char key[32];
	int64_t i;

	snprintf(key, sizeof(key), "%lld", (long long)sqlite3_column_int64(s, 0));
	return lcm_strmap_get(&f->by_person, key, &i) ? &f->ls->v[i] : NULL;
}

/* The next learner who is the same person as l, or NULL. */
static struct lcm_learner *
next_of(struct found *f, const struct lcm_learner *l)
{
	size_t i = f->next[l - f->ls->v];

	return i == LCM_CAT_NONE ? NULL : &f->ls->v[i];
}

/* A goal, interest or skill held (person_id, skill, kind). */
static int
person_skill_row(sqlite3_stmt *s, void *arg, struct lcm_err *err)
{
	struct found *f = arg;
	struct lcm_learner *l;
	const char *skill = text(s, 1), *kind = text(s, 2);

	(void)err;
	if (!skill || !kind)
		return 0;
	for (l = first_of(f, s); l; l = next_of(f, l)) {
		if (strcmp(kind, "goal") == 0 && !(l->given & LCM_L_GOALS))
			lcm_strlist_split(&l->goals, skill, '\n');
		else if (strcmp(kind, "interest") == 0 && !(l->given & LCM_L_INTERESTS))
			lcm_strlist_split(&l->interests, skill, '\n');
		else if (strcmp(kind, "has") == 0)
			lcm_strlist_split(&l->has, skill, '\n');
	}
	return 0;
}

/* A completion (person_id, item, state, score): the brick done, its score. */
static int
completion_row(sqlite3_stmt *s, void *arg, struct lcm_err *err)
{
	struct found *f = arg;
	struct lcm_learner *l;
	const char *item = text(s, 1);

	(void)err;
	if (!item)
		return 0;
	for (l = first_of(f, s); l; l = next_of(f, l)) {
		if (lcm_state_is_done(text(s, 2)))
			lcm_strlist_split(&l->completed, item, '\n');
		/* a score out of 0 to 1 (value.h) is read as no score */
		if (sqlite3_column_type(s, 3) != SQLITE_NULL &&
		    lcm_value_score_ok(sqlite3_column_double(s, 3)))
			lcm_learner_score(l, item, sqlite3_column_double(s, 3));
	}
	return 0;
}

int
lcm_learners_load_store(struct lcm_learners *ls, struct lcm_store *st,
			int flags, const char *pseudo_key, struct lcm_err *err)
{
	struct found f;
	int rc;

	memset(&f, 0, sizeof(f));
	f.ls = ls;
	f.pseudo_key = pseudo_key;
	lcm_strmap_init(&f.by_person);
	lcm_buf_init(&f.b);
	rc = query(st, "SELECT count(DISTINCT platform) > 1 FROM person", several_row,
		   &f, err);
	if (rc == 0 && (flags & LCM_LOAD_ADD))
		rc = query(st, flags & LCM_LOAD_ALL ?
			   "SELECT platform, external_id FROM person WHERE role = 'learner'"
			   " ORDER BY external_id, platform" :
			   "SELECT platform, external_id FROM person p WHERE role = 'learner'"
			   " AND EXISTS (SELECT 1 FROM person_skill s WHERE"
			   " s.person_id = p.id AND s.kind = 'goal')"
			   " ORDER BY external_id, platform", add_row, &f, err);
	f.match = lcm_xcalloc(ls->n + 1, 1);
	/* by id: of two persons with the same external id, the first stored */
	if (rc == 0)
		rc = query(st, "SELECT id, platform, external_id, name FROM person"
			   " ORDER BY id", person_row, &f, err);
	index_persons(&f);
	if (rc == 0)
		rc = query(st, "SELECT person_id, skill, kind FROM person_skill"
			   " ORDER BY person_id, rowid", person_skill_row, &f, err);
	if (rc == 0)
		rc = query(st, "SELECT c.person_id, i.external_id, c.state, c.score"
			   " FROM completion c JOIN item i ON i.id = c.item_id"
			   " ORDER BY c.person_id, c.ts, i.external_id",
			   completion_row, &f, err);
	free(f.match);
	free(f.next);
	lcm_strmap_release(&f.by_person);
	lcm_buf_release(&f.b);
	return rc;
}
