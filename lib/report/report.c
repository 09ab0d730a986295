/*
 * report.c - the figures of a report: see report.h.
 *
 * The store is read twice by lcm_engage_load: for the period before
 * (its statuses are those of its own end, so "at risk" compares like
 * with like), kept down to its persons and groups, then for the period
 * (with the active weeks of the series).
 * Every group figure then comes from lcm_engage_groups: the whole
 * community as the one cohort everyone belongs to, a week series from a
 * view of the period's engagement where the posts outside the report are
 * hidden. The rest of the sections are in report_talk.c.
 */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "needs.h"
#include "report_parts.h"
#include "timefmt.h"
#include "xalloc.h"

/* The start of day number day: midnight in the local zone or UTC. */
static int64_t
day_start(int64_t day, int local)
{
	time_t t = (time_t)(day * LCM_DAY);
	struct tm tm;

	if (!local || !gmtime_r(&t, &tm))
		return day * LCM_DAY;
	return lcm_time_from_local(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, 0, 0, 0);
}

/*
 * Loads e for [since, until) with the options of o, pseudonymised when
 * asked; with weeks, its active weeks listed from weeks_from on.
 */
static int
load_engage(struct lcm_store *st, const struct lcm_report_opts *o, int64_t since,
	    int64_t until, int weeks, int64_t weeks_from, struct lcm_engage *e,
	    struct lcm_err *err)
{
	struct lcm_engage_opts eo;

	memset(&eo, 0, sizeof(eo));
	eo.since = since;
	eo.until = until;
	eo.weeks = weeks;
	eo.weeks_from = weeks_from;
	eo.inactive_after = o->inactive_after;
	eo.local = o->local;
	if (lcm_engage_load(st, &eo, e, err) < 0)
		return -1;
	if (o->pseudo_key)
		lcm_engage_pseudonymize(e, o->pseudo_key);
	return 0;
}

/*
 * The whole community as one group: lcm_engage_groups by cohort over a
 * view of e in which everyone has the same cohort, so that each figure
 * is counted by the code that counts it for lcm-engage --by.
 */
static int
everyone(struct lcm_store *st, const struct lcm_engage *e, int net,
	 struct lcm_engage_groups *out, struct lcm_err *err)
{
	static char all[] = "*";
	struct lcm_engage v = *e;
	size_t i;
	int rc;

	v.persons = lcm_xreallocarray(NULL, e->npersons ? e->npersons : 1, sizeof(*v.persons));
	for (i = 0; i < e->npersons; i++) {
		v.persons[i] = e->persons[i];
		v.persons[i].cohort = all;
	}
	rc = lcm_engage_groups(st, &v, LCM_ENGAGE_BY_COHORT, net, 0, out, err);
	free(v.persons);
	return rc;
}

/* The groups of the split (or everyone) in e, with their networks when net. */
static int
groups_of(struct lcm_store *st, const struct lcm_report_opts *o, const struct lcm_engage *e,
	  int net, struct lcm_engage_groups *out, struct lcm_err *err)
{
	static const enum lcm_engage_by by[] = {
		[LCM_SPLIT_COHORT] = LCM_ENGAGE_BY_COHORT,
		[LCM_SPLIT_COURSE] = LCM_ENGAGE_BY_COURSE,
		[LCM_SPLIT_MANAGER] = LCM_ENGAGE_BY_MANAGER,
	};

	if (o->split == LCM_SPLIT_NONE)
		return everyone(st, e, net, out, err);
	return lcm_engage_groups(st, e, by[o->split], net, o->min_group, out, err);
}

/* What the sections of report_talk.c and report_terms.c read once. */
static int
load_talk(struct lcm_store *st, struct lcm_report_src *src, struct lcm_err *err)
{
	struct lcm_unanswered_opts uo;

	/* every thread nobody answered by the end, of any age: a to-do list */
	memset(&uo, 0, sizeof(uo));
	uo.now = src->o.until;
	uo.by = LCM_BY_PEER;
	int64_t q_since = src->o.since - src->o.needs_periods * (src->o.until - src->o.since);

	if (lcm_report_terms_load(st, &src->cur, q_since, &src->terms, err) < 0 ||
	    lcm_report_log_load(st, &src->cur, &src->log, err) < 0)
		return -1;
	return lcm_unanswered_find(st, &uo, &src->open, err);
}

int
lcm_report_load(struct lcm_store *st, const struct lcm_report_opts *o,
		struct lcm_report_src *src, struct lcm_err *err)
{
	int64_t len = o->until - o->since, last, first;

	memset(src, 0, sizeof(*src));
	src->o = *o;
	if (o->since > o->until)
		return lcm_error(err, "the period starts after it ends");
	if (o->weeks < 1 || o->weeks > LCM_ENGAGE_MAX_WEEKS)
		return lcm_error(err, "weeks: %d is not from 1 to %d", o->weeks,
				 LCM_ENGAGE_MAX_WEEKS);
	/* the expertise map first: it is gone before the periods are read */
	if (o->split == LCM_SPLIT_NONE && !o->no_experts &&
	    lcm_report_experts(st, o, &src->known, &src->nknown, &src->known_themes, err) < 0)
		return -1;
	/* the period is [since, until): its last week is that of until - 1 */
	last = lcm_engage_week(lcm_engage_day(o->until - 1, o->local));
	src->week0 = last - o->weeks + 1;
	/* the Monday of the first week: week w's Monday is day 7w - 3 */
	first = day_start(src->week0 * 7 - 3, o->local);
	/*
	 * The period before first, down to its groups and persons (what the
	 * report compares with) before the period is read: the two loads
	 * are never in memory together.
	 */
	if (load_engage(st, o, o->since - len, o->since, 0, 0, &src->prev, err) < 0 ||
	    groups_of(st, o, &src->prev, 0, &src->prev_groups, err) < 0)
		return -1;
	lcm_engage_keep_persons(&src->prev);
	if (load_engage(st, o, o->since, o->until, 1, first, &src->cur, err) < 0)
		return -1;
	/*
	 * The weeks of the series end with the period: the same posts,
	 * threads and active weeks as the period's (listed from the series'
	 * first Monday), seen from another start.
	 */
	src->weekly = src->cur;
	src->weekly.o.since = first;
	if (groups_of(st, o, &src->cur, 1, &src->groups, err) < 0)
		return -1;
	return load_talk(st, src, err);
}

void
lcm_report_src_release(struct lcm_report_src *src)
{
	lcm_report_terms_free(src->terms);
	lcm_report_log_free(src->log);
	lcm_report_known_free(src->known, src->nknown);
	lcm_unanswered_list_free(&src->open);
	lcm_engage_groups_release(&src->groups);
	lcm_engage_groups_release(&src->prev_groups);
	lcm_engage_release(&src->cur);	/* zeroed when never loaded */
	lcm_engage_release(&src->prev);
	memset(src, 0, sizeof(*src));
}

int
lcm_report_post_in(const struct lcm_report_scope *sc, const struct lcm_engage *e, size_t i)
{
	const struct lcm_engage_post *q = &e->posts[i];

	if (sc->split == LCM_SPLIT_COURSE)
		return q->thread != LCM_NONE &&
			lcm_report_course_in(sc, e->threads[q->thread].course_id);
	return q->author != LCM_NONE && sc->author[q->author];
}

int
lcm_report_course_in(const struct lcm_report_scope *sc, int64_t course)
{
	size_t i;

	if (sc->split != LCM_SPLIT_COURSE)
		return 1;
	for (i = 0; i < sc->ncourses; i++)
		if (sc->courses[i] == course)
			return 1;
	return 0;
}

/* Are two group keys the same (NULL, "none", only matches NULL)? */
static int
same_key(const char *a, const char *b)
{
	return a && b ? strcmp(a, b) == 0 : a == b;
}

/* The store ids of the courses named key (0 for none), as engage_groups
 * names them: coalesce(external_id, name). */
static int
course_ids(struct lcm_store *st, struct lcm_report_scope *sc, struct lcm_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (!sc->key) {
		sc->courses = lcm_xmalloc(sizeof(*sc->courses));
		sc->courses[sc->ncourses++] = 0;
		return 0;
	}
	s = lcm_store_prepare(st, "SELECT id FROM course WHERE coalesce(external_id, name) = ?1"
			      " ORDER BY id", err);
	if (!s)
		return -1;
	sqlite3_bind_text(s, 1, sc->key, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		sc->courses = lcm_xreallocarray(sc->courses, sc->ncourses + 1, sizeof(*sc->courses));
		sc->courses[sc->ncourses++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read courses");
	return 0;
}

/* The scope of group g of the split (every person's posts without one). */
static int
scope_make(struct lcm_store *st, const struct lcm_report_src *src,
	   const struct lcm_engage_group *g, struct lcm_report_scope *sc, struct lcm_err *err)
{
	const struct lcm_engage *e = &src->cur;
	const char *key;
	size_t i, n = e->npersons ? e->npersons : 1;

	memset(sc, 0, sizeof(*sc));
	sc->split = src->o.split;
	sc->key = sc->split == LCM_SPLIT_NONE ? NULL : g->key;
	sc->author = lcm_xcalloc(n, 1);
	sc->member = lcm_xcalloc(n, 1);
	for (i = 0; i < g->nmembers; i++)
		sc->member[g->members[i]] = 1;
	for (i = 0; i < e->npersons; i++) {
		key = sc->split == LCM_SPLIT_COHORT ? e->persons[i].cohort :
			sc->split == LCM_SPLIT_MANAGER ? e->persons[i].manager : NULL;
		sc->author[i] = sc->split == LCM_SPLIT_NONE || same_key(key, sc->key);
	}
	if (sc->split == LCM_SPLIT_COURSE)
		return course_ids(st, sc, err);
	return 0;
}

/* Frees what scope_make allocated. */
static void
scope_release(struct lcm_report_scope *sc)
{
	free(sc->author);
	free(sc->member);
	free(sc->courses);
}

/* Learners of g (in e) that lcm-engage --at-risk lists: how many, and
 * their indices in that order into *idx (owned; NULL allowed). */
static size_t
at_risk(const struct lcm_engage *e, const struct lcm_engage_group *g, size_t **idx)
{
	size_t *v = lcm_xreallocarray(NULL, g->nmembers ? g->nmembers : 1, sizeof(*v)), n;

	if (g->nmembers)
		memcpy(v, g->members, g->nmembers * sizeof(*v));
	n = lcm_engage_select(e, LCM_VIEW_AT_RISK, v, g->nmembers, 0);
	if (idx)
		*idx = v;
	else
		free(v);
	return n;
}

/* A figure now and before; before is NaN without a group to compare. */
static struct lcm_report_figure
figure(double now, const struct lcm_engage_group *pg, double before)
{
	struct lcm_report_figure f;

	f.now = now;
	f.before = pg ? before : NAN;
	return f;
}

/* The headline figures of g against pg (NULL: nothing to compare with). */
static void
headline(const struct lcm_report_src *src, const struct lcm_engage_group *g,
	 const struct lcm_engage_group *pg, struct lcm_report *r)
{
	const struct lcm_engage_group *p = pg ? pg : g;

	r->members = (int64_t)g->nmembers;
	r->active = figure((double)g->active, pg, (double)p->active);
	r->posts = figure((double)(g->threads + g->replies), pg,
			  (double)(p->threads + p->replies));
	r->new_threads = figure((double)g->threads, pg, (double)p->threads);
	r->response_rate = figure(g->response_rate, pg, p->response_rate);
	r->ttfr_median_h = figure(g->ttfr_median_h, pg, p->ttfr_median_h);
	r->ttfr_p90_h = figure(g->ttfr_p90_h, pg, p->ttfr_p90_h);
	r->unanswered_share = figure(g->unanswered_share, pg, p->unanswered_share);
	r->at_risk.before = pg ? (double)at_risk(&src->prev, pg, NULL) : NAN;
}

/* Copies person p into out (strings owned by out); b is scratch. */
static void
person_of(const struct lcm_engage_person *p, struct lcm_report_person *out, struct lcm_buf *b)
{
	out->person = lcm_xstrdup(p->person);
	out->name = p->name ? lcm_xstrdup(p->name) : NULL;
	out->cohort = p->cohort ? lcm_xstrdup(p->cohort) : NULL;
	lcm_engage_reasons(p, b);
	out->reasons = lcm_xstrdup(b->data);
	out->status = lcm_engage_status_name(p->status);
	out->last_seen = p->last_seen;
	out->answers = p->answers_given;
	out->accepted = p->accepted;
	out->received = p->replies_received;
	out->peers = p->peers;
}

/* At-risk learners, praise and the reply network of g. */
static void
people(const struct lcm_report_src *src, const struct lcm_engage_group *g,
       struct lcm_report *r)
{
	const struct lcm_engage *e = &src->cur;
	struct lcm_buf b;
	size_t *idx, n, i, top = (size_t)src->o.top;

	lcm_buf_init(&b);
	n = at_risk(e, g, &idx);
	r->at_risk.now = (double)n;
	r->nat_risk = n < top ? n : top;
	r->at_risk_list = lcm_xcalloc(r->nat_risk ? r->nat_risk : 1, sizeof(*r->at_risk_list));
	for (i = 0; i < r->nat_risk; i++)
		person_of(&e->persons[idx[i]], &r->at_risk_list[i], &b);
	if (g->nmembers)
		memcpy(idx, g->members, g->nmembers * sizeof(*idx));
	r->npraise = lcm_engage_select(e, LCM_VIEW_PRAISE, idx, g->nmembers, top);
	r->praise = lcm_xcalloc(r->npraise ? r->npraise : 1, sizeof(*r->praise));
	for (i = 0; i < r->npraise; i++)
		person_of(&e->persons[idx[i]], &r->praise[i], &b);
	free(idx);
	lcm_buf_release(&b);
	r->has_network = g->has_network;
	r->density = g->density;
	r->reciprocity = g->reciprocity;
	r->centralisation = g->centralisation;
	r->staff_share = g->staff_share;
	r->isolates = g->isolates;
}

/*
 * The posts of w with those outside the scope hidden: a copy, or w's own
 * when the scope hides none (the whole community: no copy of a million
 * posts).
 */
static struct lcm_engage_post *
posts_in_scope(const struct lcm_engage *w, const struct lcm_report_scope *sc)
{
	struct lcm_engage_post *v;
	size_t i, k;

	for (i = 0; i < w->nposts; i++)
		if (!w->posts[i].hidden && !lcm_report_post_in(sc, w, i))
			break;
	if (i == w->nposts)
		return w->posts;
	v = lcm_xreallocarray(NULL, w->nposts, sizeof(*v));
	memcpy(v, w->posts, w->nposts * sizeof(*v));
	for (k = i; k < w->nposts; k++)
		if (!lcm_report_post_in(sc, w, k))
			v[k].hidden = 1;
	return v;
}

/* The active weeks of w's members of the scope: a copy, or w's own. */
static struct lcm_engage_active_week *
weeks_in_scope(const struct lcm_engage *w, const struct lcm_report_scope *sc, size_t *n)
{
	struct lcm_engage_active_week *v;
	size_t i;

	for (i = 0; i < w->nweeks; i++)
		if (!sc->member[w->weeks[i].person])
			break;
	*n = w->nweeks;
	if (i == w->nweeks)
		return w->weeks;
	v = lcm_xreallocarray(NULL, w->nweeks, sizeof(*v));
	for (i = 0, *n = 0; i < w->nweeks; i++)
		if (sc->member[w->weeks[i].person])
			v[(*n)++] = w->weeks[i];
	return v;
}

/*
 * The week series: lcm_engage_groups by week over a view of the weekly
 * engagement with the posts outside the report hidden and the activity
 * of its learners only. Weeks before anything happened are left out.
 */
static int
weekly(struct lcm_store *st, const struct lcm_report_src *src,
       const struct lcm_report_scope *sc, struct lcm_report *r, struct lcm_err *err)
{
	const struct lcm_engage *w = &src->weekly;
	struct lcm_engage v = *w;
	struct lcm_engage_groups wg = { 0 };
	struct lcm_report_week *x;
	int64_t first = INT64_MIN, last;
	size_t k, n = 0;
	int rc;

	v.posts = posts_in_scope(w, sc);
	v.weeks = weeks_in_scope(w, sc, &v.nweeks);
	rc = lcm_engage_groups(st, &v, LCM_ENGAGE_BY_WEEK, 0, 0, &wg, err);
	if (v.posts != w->posts)
		free(v.posts);
	if (v.weeks != w->weeks)
		free(v.weeks);
	if (rc < 0)
		return -1;
	if (w->first_activity != INT64_MAX)
		first = lcm_engage_week(lcm_engage_day(w->first_activity, w->o.local));
	/* a week is partial when the period ends before its last second */
	last = lcm_engage_week(lcm_engage_day(w->o.until, w->o.local));
	r->weeks = lcm_xcalloc(wg.n ? wg.n : 1, sizeof(*r->weeks));
	for (k = 0; k < wg.n; k++) {
		const struct lcm_engage_group *g = &wg.g[k];
		int64_t week = src->week0 + (int64_t)k;

		if (week < first && k + 1 < wg.n)
			continue;
		x = &r->weeks[n++];
		x->week = week;
		x->monday = week * 7 - 3;
		x->posts = g->threads + g->replies;
		x->threads = g->threads;
		x->active = g->active;
		x->topdown = g->topdown;
		x->questions = g->questions_open;
		x->exchange = g->exchange;
		x->partial = week == last;
	}
	r->nweeks = n;
	lcm_engage_groups_release(&wg);
	return 0;
}

/* Times to a first peer reply of the period's threads, in bins. */
static void
response_bins(const struct lcm_report_src *src, const struct lcm_report_scope *sc,
	      const struct lcm_engage_group *g, struct lcm_report *r)
{
	const struct lcm_engage *e = &src->cur;
	int64_t d;
	size_t i, b;

	for (i = 0; i < e->nthreads; i++) {
		const struct lcm_engage_thread *t = &e->threads[i];

		if (t->root == LCM_NONE || t->first_peer == INT64_MAX ||
		    e->posts[t->root].hidden || e->posts[t->root].created < e->o.since ||
		    !lcm_report_post_in(sc, e, t->root))
			continue;
		d = t->first_peer - e->posts[t->root].created;
		for (b = 0; b < LCM_REPORT_BINS - 1 && d >= lcm_report_bin_limit[b]; b++)
			;
		r->bins[b]++;
	}
	r->waiting = g->unanswered;
}

/* An empty group, for a community with nobody in it. */
static void
empty_group(struct lcm_engage_group *g)
{
	memset(g, 0, sizeof(*g));
	g->active_rate = g->response_rate = g->unanswered_share = NAN;
	g->ttfr_median_h = g->ttfr_p90_h = NAN;
	g->density = g->reciprocity = g->centralisation = g->staff_share = NAN;
}

int
lcm_report_make(struct lcm_store *st, const struct lcm_report_src *src, size_t i,
		struct lcm_report *r, struct lcm_err *err)
{
	static const char *const split_names[] = { NULL, "cohort", "course", "manager" };
	const struct lcm_report_opts *o = &src->o;
	const struct lcm_engage_group *g, *pg = NULL;
	struct lcm_engage_group none;
	struct lcm_report_scope sc;
	size_t k;
	int rc = -1;

	memset(r, 0, sizeof(*r));
	empty_group(&none);
	g = i < src->groups.n ? &src->groups.g[i] : &none;
	if (i >= src->groups.n && (src->groups.n || o->split != LCM_SPLIT_NONE))
		return lcm_error(err, "no group %zu in the report", i);
	for (k = 0; k < src->prev_groups.n && !pg; k++)
		if (same_key(src->prev_groups.g[k].key, g->key))
			pg = &src->prev_groups.g[k];
	if (!pg && g == &none)
		pg = &none;
	r->title = lcm_xstrdup(o->title ? o->title : "Community report");
	r->split = split_names[o->split];
	r->group = o->split != LCM_SPLIT_NONE && g->key ? lcm_xstrdup(g->key) : NULL;
	r->none = o->split != LCM_SPLIT_NONE && !g->key;
	r->since = o->since;
	r->until = o->until;
	r->prev_until = src->prev.o.until;
	r->prev_since = src->prev.o.since;
	r->local = o->local;
	if (scope_make(st, src, g, &sc, err) < 0)
		goto out;
	headline(src, g, pg, r);
	people(src, g, r);
	response_bins(src, &sc, g, r);
	lcm_report_themes(src->terms, &src->cur, &sc, o->top, r);
	lcm_report_open_threads(&src->open, &src->cur, &sc, o, r);
	lcm_report_resources(src->log, &src->cur, &sc, o->top, r);
	if (weekly(st, src, &sc, r, err) < 0 ||
	    lcm_report_places(st, &src->cur, &sc, o, r, err) < 0)
		goto out;
	/* nudges, needs, recognition, experts: of the whole community only (see needs.h) */
	if (o->split == LCM_SPLIT_NONE &&
	    (lcm_report_nudges(st, o, r, err) < 0 ||
	     lcm_report_needs(st, src->terms, o, r, err) < 0 ||
	     lcm_report_recognition(st, &src->cur, o, r, err) < 0))
		goto out;
	if (o->split == LCM_SPLIT_NONE) {
		r->known = lcm_report_known_dup(src->known, src->nknown);
		r->nknown = src->nknown;
		r->known_themes = src->known_themes;
	}
	rc = 0;
out:
	scope_release(&sc);
	return rc;
}

/* Frees n persons of a list and the list. */
static void
free_persons(struct lcm_report_person *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(p[i].person);
		free(p[i].name);
		free(p[i].cohort);
		free(p[i].reasons);
	}
	free(p);
}

void
lcm_report_release(struct lcm_report *r)
{
	size_t i;

	free(r->title);
	free(r->group);
	free(r->weeks);
	for (i = 0; i < r->nforums; i++)
		free(r->forums[i].name);
	free(r->forums);
	for (i = 0; i < r->nthreads; i++) {
		free(r->threads[i].title);
		free(r->threads[i].forum);
		free(r->threads[i].url);
	}
	free(r->threads);
	for (i = 0; i < r->nthemes; i++)
		free(r->themes[i].term);
	free(r->themes);
	for (i = 0; i < r->nopen; i++) {
		free(r->open[i].subject);
		free(r->open[i].forum);
		free(r->open[i].author);
		free(r->open[i].url);
	}
	free(r->open);
	free_persons(r->at_risk_list, r->nat_risk);
	free_persons(r->praise, r->npraise);
	for (i = 0; i < r->nresources; i++)
		free(r->resources[i].name);
	free(r->resources);
	for (i = 0; i < r->nnudges; i++)
		free(r->nudges[i].template);
	free(r->nudges);
	for (i = 0; i < r->nneeds; i++) {
		free(r->needs[i].theme);
		free(r->needs[i].bricks);
	}
	free(r->needs);
	lcm_report_recognition_release(r);
	lcm_report_known_free(r->known, r->nknown);
	memset(r, 0, sizeof(*r));
}
