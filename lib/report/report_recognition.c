/*
 * report_recognition.c - the recognition section: whom to congratulate
 * for the period. The posts come from lcm_contributions and the
 * milestones from lcm_milestones_find with the default ladder, the very
 * code of lcm-engage --contributions and --milestones --all, so that
 * the report and the lists agree by construction. See report_parts.h.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "contributions.h"
#include "milestones.h"
#include "report_fmt.h"
#include "report_parts.h"
#include "text.h"
#include "xalloc.h"

/* A post's origin and text, for the subject, the excerpt and the link. */
static const char post_sql[] =
	"SELECT p.external_id, t.external_id, c.external_id, f.name,"
	" coalesce(nullif(p.subject, ''), t.title), p.body"
	" FROM post p JOIN thread t ON t.id = p.thread_id"
	" LEFT JOIN forum f ON f.id = t.forum_id"
	" LEFT JOIN course c ON c.id = f.course_id"
	" WHERE p.id = ?1";

static char *
dup_col(sqlite3_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s, i);

	return v ? lcm_xstrdup(v) : NULL;
}

static void
author(const struct lcm_engage *e, size_t i, char **person, char **name)
{
	const struct lcm_engage_person *a = i != LCM_NONE ? &e->persons[i] : NULL;

	*person = a && a->person ? lcm_xstrdup(a->person) : NULL;
	*name = a && a->name ? lcm_xstrdup(a->name) : NULL;
}

static int
contributions(struct lcm_store *st, const struct lcm_engage *e,
	      const struct lcm_report_opts *o, struct lcm_report *r, struct lcm_err *err)
{
	struct lcm_contribution *c = NULL;
	struct lcm_buf why;
	sqlite3_stmt *s;
	size_t i, n = 0;
	int rc = -1;

	if (lcm_contributions(st, e, 0, (size_t)o->top, &c, &n, err) < 0)
		return -1;
	if (!(s = lcm_store_prepare(st, post_sql, err))) {
		free(c);
		return -1;
	}
	lcm_buf_init(&why);
	r->contributions = lcm_xcalloc(n ? n : 1, sizeof(*r->contributions));
	for (i = 0; i < n; i++) {
		const struct lcm_engage_post *p = &e->posts[c[i].post];
		struct lcm_report_contribution *x = &r->contributions[r->ncontributions];
		const char *text;

		sqlite3_bind_int64(s, 1, p->id);
		if (sqlite3_step(s) != SQLITE_ROW) {
			lcm_store_fail(st, err, "reading posts");
			goto out;
		}
		r->ncontributions++;
		author(e, p->author, &x->person, &x->name);
		x->subject = dup_col(s, 4);
		text = (const char *)sqlite3_column_text(s, 5);
		x->excerpt = lcm_text_excerpt(text && *text ? text :
					      (const char *)sqlite3_column_text(s, 4), 120);
		lcm_contribution_reasons(&c[i], &why);
		x->reasons = lcm_xstrdup(why.data ? why.data : "");
		if (o->url)
			x->url = lcm_report_url(o->url, (const char *)sqlite3_column_text(s, 1),
						(const char *)sqlite3_column_text(s, 0),
						(const char *)sqlite3_column_text(s, 2),
						(const char *)sqlite3_column_text(s, 3));
		x->created = p->created;
		x->score = floor(c[i].score * 100 + 0.5) / 100;
		sqlite3_reset(s);
	}
	rc = 0;
out:
	sqlite3_finalize(s);
	lcm_buf_release(&why);
	free(c);
	return rc;
}

static int
milestones(struct lcm_store *st, const struct lcm_engage *e, struct lcm_report *r,
	   struct lcm_err *err)
{
	struct lcm_ladder l = { 0 };
	struct lcm_milestones ms = { 0 };
	sqlite3_stmt *s = NULL;
	size_t i;
	int rc = -1;

	if (lcm_ladder_parse(lcm_ladder_default, "default ladder", &l, err) < 0)
		return -1;
	if (lcm_milestones_find(st, e, &l, &ms, err) < 0)
		goto out;
	if (!(s = lcm_store_prepare(st, "SELECT coalesce(external_id, name) FROM course"
				    " WHERE id = ?1", err)))
		goto out;
	r->milestones = lcm_xcalloc(ms.n ? ms.n : 1, sizeof(*r->milestones));
	for (i = 0; i < ms.n; i++) {
		const struct lcm_milestone *m = &ms.m[i];
		struct lcm_report_milestone *x = &r->milestones[r->nmilestones++];

		author(e, m->person, &x->person, &x->name);
		sqlite3_bind_int64(s, 1, m->course_id);
		x->course = sqlite3_step(s) == SQLITE_ROW ? dup_col(s, 0) : NULL;
		sqlite3_reset(s);
		x->milestone = lcm_xstrdup(l.r[m->rule].name);
		x->value = m->value;
		x->at = m->at;
	}
	rc = 0;
out:
	sqlite3_finalize(s);
	free(ms.m);
	lcm_ladder_release(&l);
	return rc;
}

int
lcm_report_recognition(struct lcm_store *st, const struct lcm_engage *e,
		       const struct lcm_report_opts *o, struct lcm_report *r,
		       struct lcm_err *err)
{
	r->has_recognition = 1;
	if (contributions(st, e, o, r, err) < 0)
		return -1;
	return milestones(st, e, r, err);
}

void
lcm_report_recognition_release(struct lcm_report *r)
{
	size_t i;

	for (i = 0; i < r->ncontributions; i++) {
		struct lcm_report_contribution *x = &r->contributions[i];

		free(x->person);
		free(x->name);
		free(x->subject);
		free(x->excerpt);
		free(x->reasons);
		free(x->url);
	}
	free(r->contributions);
	for (i = 0; i < r->nmilestones; i++) {
		free(r->milestones[i].person);
		free(r->milestones[i].name);
		free(r->milestones[i].course);
		free(r->milestones[i].milestone);
	}
	free(r->milestones);
}
