/*
 * unanswered.c - what nobody answered: see unanswered.h.
 *
 * The rule is one NOT EXISTS over post(thread_id) or post(parent_id),
 * both indexed, so a store of a million posts answers in well under a
 * second: post_thread and post_root hold author, deleted and private, so
 * that only the rows listed are read from the table. A '+' keeps SQLite
 * off post_author where both indexes would do: a prolific author has
 * thousands of posts, a thread a few (28 s against 0.2 s at 200,000).
 * Working-time age cannot be said in SQL: the query keeps every
 * thread old enough in wall time (always at least its working age), and
 * the working age is checked here.
 * Windows are half-open, as a report's periods: [now - older_than, now)
 * is too young, so a thread is listed when created < now - older_than
 * (its age, wall or working, more than older_than); one stamped exactly
 * at the boundary waits for the next run.
 */
#include "unanswered.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "pseudo.h"
#include "xalloc.h"

const struct lcm_choice lcm_response_rules[] = {
	{ "any", LCM_BY_ANY }, { "peer", LCM_BY_PEER }, { "staff", LCM_BY_STAFF },
	{ NULL, 0 }
};

int
lcm_response_rule_parse(const char *s, enum lcm_response_rule *out)
{
	int v;

	if (lcm_choice_find(lcm_response_rules, s, &v) < 0)
		return -1;
	*out = (enum lcm_response_rule)v;
	return 0;
}

/* SQL condition on a reply x (author xa) that makes it a response to a
 * post by author r. */
static const char *
rule_sql(enum lcm_response_rule by)
{
	switch (by) {
	case LCM_BY_ANY:
		return "x.deleted = 0";
	case LCM_BY_STAFF:
		return "x.deleted = 0 AND x.private = 0 AND xa.role IN ('staff', 'expert')";
	case LCM_BY_PEER:
	default:
		return "x.deleted = 0 AND x.private = 0 AND x.author_id IS NOT q.author_id";
	}
}

/*
 * " AND col IN (?4, ?5)" for a filter, numbered from *next on (?1 to ?3
 * are taken), bound later in the same order by bind_filter.
 */
static void
filter_sql(struct lcm_buf *sql, const char *expr, const struct lcm_filter *f, int *next)
{
	size_t i;

	if (!f->n)
		return;
	lcm_buf_printf(sql, " AND %s IN (", expr);
	for (i = 0; i < f->n; i++)
		lcm_buf_printf(sql, "%s?%d", i ? ", " : "", (*next)++);
	lcm_buf_addc(sql, ')');
}

static int
bind_filter(sqlite3_stmt *s, int *i, const struct lcm_filter *f)
{
	size_t k;

	for (k = 0; k < f->n; k++)
		sqlite3_bind_text(s, (*i)++, f->v[k], -1, SQLITE_STATIC);
	return 0;
}

/*
 * The query for threads (posts == 0) or question posts inside threads.
 * q is the post asked; a thread is its opening post.
 */
static void
build_sql(struct lcm_buf *sql, const struct lcm_unanswered_opts *o, int posts)
{
	/* the replies x that could answer q */
	const char *child = posts ? "x.parent_id = q.id" :
		"x.thread_id = q.thread_id AND x.id <> q.id";
	int next = 4;

	/*
	 * The rule first, on the covering indexes alone; the rows it keeps
	 * (a few percent) are then joined to what is printed and filtered.
	 */
	lcm_buf_printf(sql,
		"WITH u AS %s(SELECT q.id FROM post q"
		" WHERE %s AND q.deleted = 0 AND q.private = 0 AND q.created < ?1"
		" AND NOT EXISTS (SELECT 1 FROM post x LEFT JOIN person xa ON xa.id = x.author_id"
		" WHERE %s AND %s AND x.created < ?3))",
		/* keeps SQLite from folding the CTE back in: 3.35 and later */
		sqlite3_libversion_number() >= 3035000 ? "MATERIALIZED " : "",
		posts ? "q.parent_ext IS NOT NULL AND q.is_question" : "q.parent_ext IS NULL",
		child, rule_sql(o->by));
	lcm_buf_adds(sql,
		" SELECT t.id, q.id, t.external_id, q.external_id, c.external_id, f.name,"
		" a.external_id, a.name, q.subject, q.body, q.author_id, q.created,"
		" (SELECT count(*) FROM post x WHERE x.thread_id = t.id AND x.parent_ext IS NOT NULL),"
		" q.is_question,");
	/* four more lookups a listed row: only when they are printed */
	if (o->explain)
		lcm_buf_printf(sql,
			" (SELECT count(*) FROM post x WHERE %s AND +x.author_id IS q.author_id"
			"  AND x.deleted = 0),"
			" (SELECT count(*) FROM post x WHERE %s AND x.deleted),"
			" (SELECT count(*) FROM post x WHERE %s AND x.private AND x.deleted = 0"
			"  AND x.author_id IS NOT q.author_id),"
			" (SELECT count(*) FROM post x LEFT JOIN person xa ON xa.id = x.author_id"
			"  WHERE %s AND x.deleted = 0 AND x.private = 0"
			"  AND x.author_id IS NOT q.author_id AND coalesce(xa.role, 'learner') = 'learner')",
			child, child, child, child);
	else
		lcm_buf_adds(sql, " 0, 0, 0, 0");
	/* the author's platform, for the pseudonym of --pseudonymize */
	lcm_buf_adds(sql,
		", a.platform"
		" FROM u JOIN post q ON q.id = u.id JOIN thread t ON t.id = q.thread_id"
		" LEFT JOIN person a ON a.id = q.author_id"
		" LEFT JOIN forum f ON f.id = t.forum_id"
		" LEFT JOIN course c ON c.id = f.course_id WHERE 1");
	if (!o->include_staff)
		lcm_buf_adds(sql, " AND coalesce(a.role, 'learner') <> 'staff'");
	if (o->questions_only && !posts)
		lcm_buf_adds(sql, " AND q.is_question");
	if (o->once && !posts)
		lcm_buf_adds(sql, " AND NOT EXISTS (SELECT 1 FROM notified n"
			     " WHERE n.thread_id = t.id AND n.channel = ?2)");
	filter_sql(sql, "coalesce(c.external_id, c.name)", &o->courses, &next);
	filter_sql(sql, "coalesce(f.name, f.external_id)", &o->forums, &next);
	filter_sql(sql, "a.cohort", &o->cohorts, &next);
	lcm_buf_adds(sql, " ORDER BY q.created, t.id, q.id");
}

static char *
column_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v ? lcm_xstrdup((const char *)v) : NULL;
}

/* "platform:external_id" from columns plat and ext, or NULL when the
 * author is not in the store: the string pseudonyms hash, as lcm-engage
 * builds it. Returned owned. */
static char *
author_key(sqlite3_stmt *s, int plat, int ext)
{
	struct lcm_buf b;

	if (sqlite3_column_type(s, plat) == SQLITE_NULL ||
	    sqlite3_column_type(s, ext) == SQLITE_NULL)
		return NULL;
	lcm_buf_init(&b);
	lcm_buf_printf(&b, "%s:%s", sqlite3_column_text(s, plat),
		       sqlite3_column_text(s, ext));
	return lcm_buf_detach(&b);
}

static void
push(struct lcm_unanswered_list *list, size_t *cap, const struct lcm_unanswered *u)
{
	if (list->n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		list->rows = lcm_xreallocarray(list->rows, *cap, sizeof(*list->rows));
	}
	list->rows[list->n++] = *u;
}

static int
run_query(struct lcm_store *st, const struct lcm_unanswered_opts *o, int posts,
	  struct lcm_unanswered_list *list, size_t *cap, struct lcm_err *err)
{
	struct lcm_buf sql;
	struct lcm_unanswered u;
	sqlite3_stmt *s;
	int64_t age;
	int i = 4, rc;

	lcm_buf_init(&sql);
	build_sql(&sql, o, posts);
	s = lcm_store_prepare(st, sql.data, err);
	lcm_buf_release(&sql);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, o->now - o->older_than);
	/* a reply after now did not exist then: replays and past report ends */
	sqlite3_bind_int64(s, 3, o->now);
	if (o->once && !posts)
		sqlite3_bind_text(s, 2, o->once, -1, SQLITE_STATIC);
	bind_filter(s, &i, &o->courses);
	bind_filter(s, &i, &o->forums);
	bind_filter(s, &i, &o->cohorts);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&u, 0, sizeof(u));
		u.created = sqlite3_column_int64(s, 11);
		if (o->bizhours) {
			age = lcm_bizhours_between(o->bizhours, u.created, o->now);
			/* half-open as in wall time: working age > older_than */
			if (age <= o->older_than)
				continue;
		} else {
			age = o->now - u.created;
		}
		u.age_hours = (double)age / 3600.0;
		u.thread_id = sqlite3_column_int64(s, 0);
		u.post_id = sqlite3_column_int64(s, 1);
		u.thread = column_dup(s, 2);
		u.post = column_dup(s, 3);
		u.course = column_dup(s, 4);
		u.forum = column_dup(s, 5);
		u.author = column_dup(s, 6);
		u.author_name = column_dup(s, 7);
		u.subject = column_dup(s, 8);
		u.body = column_dup(s, 9);
		u.author_pid = sqlite3_column_int64(s, 10);
		u.replies = sqlite3_column_int(s, 12);
		u.question = sqlite3_column_int(s, 13);
		u.own = sqlite3_column_int(s, 14);
		u.deleted = sqlite3_column_int(s, 15);
		u.private_ = sqlite3_column_int(s, 16);
		u.nonstaff = o->by == LCM_BY_STAFF ? sqlite3_column_int(s, 17) : 0;
		u.author_key = author_key(s, 18, 6);
		u.is_post = posts;
		push(list, cap, &u);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot list unanswered threads");
	return 0;
}

/* Oldest first, then thread, then post: one order for both kinds. */
static int
cmp_rows(const void *a, const void *b)
{
	const struct lcm_unanswered *x = a, *y = b;

	if (x->created != y->created)
		return x->created < y->created ? -1 : 1;
	if (x->thread_id != y->thread_id)
		return x->thread_id < y->thread_id ? -1 : 1;
	return (x->post_id > y->post_id) - (x->post_id < y->post_id);
}

int
lcm_unanswered_find(struct lcm_store *st, const struct lcm_unanswered_opts *o,
		    struct lcm_unanswered_list *list, struct lcm_err *err)
{
	size_t cap = 0;

	list->rows = NULL;
	list->n = 0;
	if (run_query(st, o, 0, list, &cap, err) < 0 ||
	    (o->posts && run_query(st, o, 1, list, &cap, err) < 0)) {
		lcm_unanswered_list_free(list);
		return -1;
	}
	if (o->posts)
		qsort(list->rows, list->n, sizeof(*list->rows), cmp_rows);
	return 0;
}

void
lcm_unanswered_list_free(struct lcm_unanswered_list *list)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		struct lcm_unanswered *u = &list->rows[i];

		free(u->thread);
		free(u->post);
		free(u->course);
		free(u->forum);
		free(u->author);
		free(u->author_name);
		free(u->author_key);
		free(u->subject);
		free(u->body);
	}
	free(list->rows);
	list->rows = NULL;
	list->n = 0;
}

void
lcm_unanswered_pseudonymize(struct lcm_unanswered_list *list, const char *key)
{
	size_t i;

	for (i = 0; i < list->n; i++) {
		struct lcm_unanswered *u = &list->rows[i];

		free(u->author);
		u->author = u->author_key ? lcm_pseudonym_dup(key, u->author_key) : NULL;
		free(u->author_name);
		u->author_name = NULL;
	}
}

int
lcm_unanswered_mark(struct lcm_store *st, const struct lcm_unanswered_list *list,
		    const char *channel, int64_t now, struct lcm_err *err)
{
	sqlite3_stmt *s;
	size_t i;

	if (lcm_store_begin(st, err) < 0)
		return -1;
	s = lcm_store_prepare(st, "INSERT OR IGNORE INTO notified(thread_id, channel, ts)"
			      " VALUES(?1, ?2, ?3)", err);
	if (!s)
		goto fail;
	for (i = 0; i < list->n; i++) {
		if (list->rows[i].is_post)
			continue;
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, list->rows[i].thread_id);
		sqlite3_bind_text(s, 2, channel, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 3, now);
		if (sqlite3_step(s) != SQLITE_DONE) {
			lcm_store_fail(st, err, "cannot record notified threads");
			sqlite3_finalize(s);
			goto fail;
		}
	}
	sqlite3_finalize(s);
	return lcm_store_commit(st, err);
fail:
	lcm_store_rollback(st);
	return -1;
}
