/*
 * pathway_store.c - the catalogue and the learners as lcm-import put
 * them in the store (item, item_skill, item_prereq, person,
 * person_skill, completion). See catalogue.h and pathway.h.
 */
#include "pathway.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	v[LCM_CAT_DURATION] = text(s, 4) ? text(s, 4) : "0";
	v[LCM_CAT_LEVEL] = text(s, 5);
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

/* Adds a learner of the store. */
static int
add_row(sqlite3_stmt *s, void *arg, struct lcm_err *err)
{
	(void)err;
	if (text(s, 0))
		lcm_learners_get(arg, text(s, 0));
	return 0;
}

/* A person's name, for a learner who has none. */
static int
name_row(sqlite3_stmt *s, void *arg, struct lcm_err *err)
{
	struct lcm_learner *l;

	(void)err;
	if (!text(s, 0) || !text(s, 1) || !(l = lcm_learners_find(arg, text(s, 0))))
		return 0;
	if (!l->name)
		l->name = lcm_xstrdup(text(s, 1));
	return 0;
}

/* A goal, interest or skill held. */
static int
person_skill_row(sqlite3_stmt *s, void *arg, struct lcm_err *err)
{
	struct lcm_learner *l;
	const char *skill = text(s, 1), *kind = text(s, 2);

	(void)err;
	if (!text(s, 0) || !skill || !kind || !(l = lcm_learners_find(arg, text(s, 0))))
		return 0;
	if (strcmp(kind, "goal") == 0 && !(l->given & LCM_L_GOALS))
		lcm_strlist_split(&l->goals, skill, '\n');
	else if (strcmp(kind, "interest") == 0 && !(l->given & LCM_L_INTERESTS))
		lcm_strlist_split(&l->interests, skill, '\n');
	else if (strcmp(kind, "has") == 0)
		lcm_strlist_split(&l->has, skill, '\n');
	return 0;
}

/* A completion: the brick done, and its score. */
static int
completion_row(sqlite3_stmt *s, void *arg, struct lcm_err *err)
{
	struct lcm_learner *l;
	const char *item = text(s, 1);

	(void)err;
	if (!text(s, 0) || !item || !(l = lcm_learners_find(arg, text(s, 0))))
		return 0;
	if (lcm_state_is_done(text(s, 2)))
		lcm_strlist_split(&l->completed, item, '\n');
	if (sqlite3_column_type(s, 3) != SQLITE_NULL)
		lcm_learner_score(l, item, sqlite3_column_double(s, 3));
	return 0;
}

int
lcm_learners_load_store(struct lcm_learners *ls, struct lcm_store *st,
			int flags, struct lcm_err *err)
{
	int rc = 0;

	if (flags & LCM_LOAD_ADD)
		rc = query(st, flags & LCM_LOAD_ALL ?
			   "SELECT external_id FROM person WHERE role = 'learner'"
			   " ORDER BY external_id, platform" :
			   "SELECT external_id FROM person p WHERE role = 'learner'"
			   " AND EXISTS (SELECT 1 FROM person_skill s WHERE"
			   " s.person_id = p.id AND s.kind = 'goal')"
			   " ORDER BY external_id, platform", add_row, ls, err);
	if (rc == 0)
		rc = query(st, "SELECT external_id, name FROM person"
			   " ORDER BY external_id, platform", name_row, ls, err);
	if (rc == 0)
		rc = query(st, "SELECT p.external_id, s.skill, s.kind FROM person_skill s"
			   " JOIN person p ON p.id = s.person_id"
			   " ORDER BY p.external_id, p.platform, s.rowid",
			   person_skill_row, ls, err);
	if (rc == 0)
		rc = query(st, "SELECT p.external_id, i.external_id, c.state, c.score"
			   " FROM completion c JOIN person p ON p.id = c.person_id"
			   " JOIN item i ON i.id = c.item_id"
			   " ORDER BY p.external_id, p.platform, c.ts, i.external_id",
			   completion_row, ls, err);
	return rc;
}
