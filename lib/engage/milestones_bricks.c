/*
 * milestones_bricks.c - the milestones of learning bricks, from the
 * store's completions: bricks_completed and pathway_completed (see
 * milestones.h). Each crossing is placed at the completion that made it,
 * with that brick, and no post.
 */
#include "milestones.h"

#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "strmap.h"
#include "value.h"

/* 1 when ladder l has a rule on count c. */
static int
has_rule(const struct lcm_ladder *l, enum lcm_milestone_count c)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->r[i].count == c)
			return 1;
	return 0;
}

/* Count c of person reached value at the completion of item at at. */
static void
cross(const struct lcm_engage *e, const struct lcm_ladder *l, enum lcm_milestone_count c,
      size_t person, int64_t value, int64_t item, int64_t at, struct lcm_milestones *ms)
{
	struct lcm_milestone m = { person, 0, 0, value, LCM_NONE, item, at };

	lcm_milestones_reach(e, l, c, &m, ms);
}

/* The learner of store id pid in e, or LCM_NONE (absent, or staff). */
static size_t
learner(const struct lcm_engage *e, int64_t pid)
{
	size_t i = lcm_engage_find(e, pid);

	return i != LCM_NONE && !e->persons[i].staff ? i : LCM_NONE;
}

/* bricks_completed: each person's done completions in time order. */
static int
bricks_completed(struct lcm_store *st, const struct lcm_engage *e,
		 const struct lcm_ladder *l, struct lcm_milestones *ms, struct lcm_err *err)
{
	sqlite3_stmt *s;
	int64_t pid = 0, count = 0;
	int rc;

	if (!(s = lcm_store_prepare(st, "SELECT person_id, item_id, ts, state FROM completion"
				    " WHERE ts IS NOT NULL AND ts < ?1"
				    " ORDER BY person_id, ts, item_id", err)))
		return -1;
	sqlite3_bind_int64(s, 1, e->o.until);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		size_t i;

		if (sqlite3_column_int64(s, 0) != pid) {
			pid = sqlite3_column_int64(s, 0);
			count = 0;
		}
		if (!lcm_state_is_done((const char *)sqlite3_column_text(s, 3)) ||
		    (i = learner(e, pid)) == LCM_NONE)
			continue;
		cross(e, l, LCM_MC_BRICKS_COMPLETED, i, ++count, sqlite3_column_int64(s, 1),
		      sqlite3_column_int64(s, 2), ms);
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : lcm_store_fail(st, err, "reading completions");
}

/*
 * Each goal of each person (a); the highest level of the bricks teaching
 * each skill (b); and (c) for one goal the person's done completions of
 * the bricks of that level teaching it, earliest first: the first is
 * when the goal was reached, as lcm-pathway's choice of a goal brick
 * (lib/pathway/pathway.c) has nothing above the level held then.
 */
static const char goals_sql[] =
	"SELECT g.person_id, g.skill, EXISTS(SELECT 1 FROM person_skill h"
	" WHERE h.person_id = g.person_id AND h.skill = g.skill AND h.kind = 'has')"
	" FROM person_skill g WHERE g.kind = 'goal' ORDER BY g.person_id, g.skill";
static const char top_sql[] =
	"SELECT k.skill, max(coalesce(i.level, 0)) FROM item_skill k"
	" JOIN item i ON i.id = k.item_id GROUP BY k.skill";
static const char reached_sql[] =
	"SELECT c.ts, c.state, c.item_id FROM completion c"
	" JOIN item_skill k ON k.item_id = c.item_id AND k.skill = ?2"
	" JOIN item i ON i.id = c.item_id"
	" WHERE c.person_id = ?1 AND c.ts IS NOT NULL AND c.ts < ?3"
	" AND coalesce(i.level, 0) = ?4 ORDER BY c.ts, c.item_id";

/* The highest level of each skill's bricks into top. 0, or -1 with err. */
static int
top_levels(struct lcm_store *st, struct lcm_strmap *top, struct lcm_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (!(s = lcm_store_prepare(st, top_sql, err)))
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		lcm_strmap_put(top, (const char *)sqlite3_column_text(s, 0),
			       sqlite3_column_int64(s, 1));
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? 0 : lcm_store_fail(st, err, "reading bricks");
}

/*
 * When goal (pid, skill) was reached by a done completion: 1 with *at
 * and *item, 0 when not reached (no brick teaches it, or none of the top
 * level was done), -1.
 */
static int
goal_reached(sqlite3_stmt *s, const struct lcm_strmap *top, int64_t pid,
	     const char *skill, int64_t until, int64_t *at, int64_t *item)
{
	int64_t level;
	int rc;

	if (!skill || !lcm_strmap_get(top, skill, &level))
		return 0;
	sqlite3_reset(s);
	sqlite3_bind_int64(s, 4, level);
	sqlite3_bind_int64(s, 1, pid);
	sqlite3_bind_text(s, 2, skill, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(s, 3, until);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (lcm_state_is_done((const char *)sqlite3_column_text(s, 1))) {
			*at = sqlite3_column_int64(s, 0);
			*item = sqlite3_column_int64(s, 2);
			return 1;
		}
	return rc == SQLITE_DONE ? 0 : -1;
}

/*
 * pathway_completed: a person's goals all reached, at the latest of the
 * times they were reached; a goal held from the start needs nothing,
 * but at least one goal must have been reached by a completion.
 */
static int
pathway_completed(struct lcm_store *st, const struct lcm_engage *e,
		  const struct lcm_ladder *l, struct lcm_milestones *ms, struct lcm_err *err)
{
	struct lcm_strmap top;
	sqlite3_stmt *g = NULL, *r = NULL;
	int64_t pid = 0, at = INT64_MIN, item = 0;
	int rc, open = 0, all = 0, k;

	lcm_strmap_init(&top);
	if (top_levels(st, &top, err) < 0 || !(g = lcm_store_prepare(st, goals_sql, err)) ||
	    !(r = lcm_store_prepare(st, reached_sql, err))) {
		sqlite3_finalize(g);
		lcm_strmap_release(&top);
		return -1;
	}
	for (;;) {
		int64_t gat = 0, gitem = 0;

		rc = sqlite3_step(g);
		if (open && (rc != SQLITE_ROW || sqlite3_column_int64(g, 0) != pid)) {
			size_t i = learner(e, pid);

			if (all && at != INT64_MIN && i != LCM_NONE)
				cross(e, l, LCM_MC_PATHWAY_COMPLETED, i, 1, item, at, ms);
			open = 0;
		}
		if (rc != SQLITE_ROW)
			break;
		if (!open) {
			pid = sqlite3_column_int64(g, 0);
			open = all = 1;
			at = INT64_MIN;
		}
		if (!all || sqlite3_column_int(g, 2))
			continue;
		k = goal_reached(r, &top, pid, (const char *)sqlite3_column_text(g, 1),
				 e->o.until, &gat, &gitem);
		if (k < 0) {
			rc = SQLITE_ERROR;
			break;
		}
		if (!k)
			all = 0;
		else if (gat > at || (gat == at && gitem > item)) {
			at = gat;
			item = gitem;
		}
	}
	sqlite3_finalize(r);
	sqlite3_finalize(g);
	lcm_strmap_release(&top);
	return rc == SQLITE_DONE ? 0 : lcm_store_fail(st, err, "reading goals");
}

int
lcm_milestones_bricks(struct lcm_store *st, const struct lcm_engage *e,
		      const struct lcm_ladder *l, struct lcm_milestones *ms,
		      struct lcm_err *err)
{
	if (has_rule(l, LCM_MC_BRICKS_COMPLETED) && bricks_completed(st, e, l, ms, err) < 0)
		return -1;
	if (has_rule(l, LCM_MC_PATHWAY_COMPLETED) && pathway_completed(st, e, l, ms, err) < 0)
		return -1;
	return 0;
}
