/*
 * engage_groups.c - engagement per group: see engage_groups.h.
 *
 * Groups are made first (every cohort, course, forum... and one for
 * "none"), members gathered as (group, person) pairs, then posts and
 * threads counted in one pass each. The reply network of each group is
 * in engage_groupnet.c.
 */
#include "engage_groups.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "xalloc.h"

/* in the enum's order: lcm_engage_by_name indexes it */
const struct lcm_choice lcm_engage_bys[] = {
	{ "person", LCM_ENGAGE_BY_PERSON }, { "cohort", LCM_ENGAGE_BY_COHORT },
	{ "course", LCM_ENGAGE_BY_COURSE }, { "forum", LCM_ENGAGE_BY_FORUM },
	{ "manager", LCM_ENGAGE_BY_MANAGER }, { "week", LCM_ENGAGE_BY_WEEK },
	{ NULL, 0 }
};

int
lcm_engage_by_parse(const char *s, enum lcm_engage_by *out)
{
	int v;

	if (lcm_choice_find(lcm_engage_bys, s, &v) < 0)
		return -1;
	*out = (enum lcm_engage_by)v;
	return 0;
}

const char *
lcm_engage_by_name(enum lcm_engage_by by)
{
	return lcm_engage_bys[by].name;
}

/* What the passes share while building the groups. */
struct builder {
	const struct lcm_engage *e;
	enum lcm_engage_by by;
	struct lcm_engage_groups *gs;
	size_t cap;
	int64_t *ids;		/* course/forum: store id of group i (0: none) */
	size_t *person_group;	/* cohort/manager: group of each person */
	int64_t week0, nweeks;	/* week groups: first week, how many */
	size_t (*pairs)[2];	/* (group, person), active in bit 0 of [1] */
	size_t npairs, pcap;
};

static size_t
new_group(struct builder *b, const char *key, int64_t id)
{
	struct lcm_engage_group *g;

	if (b->gs->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 16;
		b->gs->g = lcm_xreallocarray(b->gs->g, b->cap, sizeof(*b->gs->g));
		b->ids = lcm_xreallocarray(b->ids, b->cap, sizeof(*b->ids));
	}
	g = &b->gs->g[b->gs->n];
	memset(g, 0, sizeof(*g));
	g->key = key ? lcm_xstrdup(key) : NULL;
	g->ttfr_median_h = g->ttfr_p90_h = NAN;
	b->ids[b->gs->n] = id;
	return b->gs->n++;
}

/* Member person (non-staff only) of group g; active or not. */
static void
add_member(struct builder *b, size_t g, size_t person, int active)
{
	if (g == LCM_NONE || person == LCM_NONE || b->e->persons[person].staff)
		return;
	if (b->npairs == b->pcap) {
		b->pcap = b->pcap ? b->pcap * 2 : 256;
		b->pairs = lcm_xreallocarray(b->pairs, b->pcap, sizeof(*b->pairs));
	}
	b->pairs[b->npairs][0] = g;
	b->pairs[b->npairs][1] = person << 1 | (active != 0);
	b->npairs++;
}

/* Group of a course or forum by store id (ids sorted but for "none"). */
static size_t
group_of_id(const struct builder *b, int64_t id)
{
	size_t lo = 1, hi = b->gs->n, mid;

	if (!id)
		return 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (b->ids[mid] == id)
			return mid;
		if (b->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return LCM_NONE;
}

/* The group a post counts in (its own time, place or author). */
static size_t
post_group(const struct builder *b, size_t post)
{
	const struct lcm_engage_post *q = &b->e->posts[post];
	const struct lcm_engage_thread *t;
	int64_t w;

	switch (b->by) {
	case LCM_ENGAGE_BY_COURSE:
	case LCM_ENGAGE_BY_FORUM:
		if (q->thread == LCM_NONE)
			return 0;
		t = &b->e->threads[q->thread];
		return group_of_id(b, b->by == LCM_ENGAGE_BY_COURSE ? t->course_id : t->forum_id);
	case LCM_ENGAGE_BY_WEEK:
		w = lcm_engage_week(q->day) - b->week0;
		return w >= 0 && w < b->nweeks ? (size_t)w : LCM_NONE;
	default:
		return q->author == LCM_NONE ? LCM_NONE : b->person_group[q->author];
	}
}

/* Groups of cohorts or managers: one per distinct value, "none" first. */
static void
make_key_groups(struct builder *b)
{
	const struct lcm_engage *e = b->e;
	struct lcm_strmap seen;
	const char *key;
	int64_t g;
	size_t i;

	lcm_strmap_init(&seen);
	new_group(b, NULL, 0);
	b->person_group = lcm_xreallocarray(NULL, e->npersons ? e->npersons : 1,
					    sizeof(*b->person_group));
	for (i = 0; i < e->npersons; i++) {
		key = b->by == LCM_ENGAGE_BY_COHORT ? e->persons[i].cohort : e->persons[i].manager;
		if (!key) {
			g = 0;
		} else if (!lcm_strmap_get(&seen, key, &g)) {
			g = (int64_t)new_group(b, key, 0);
			lcm_strmap_put(&seen, key, g);
		}
		b->person_group[i] = (size_t)g;
		add_member(b, (size_t)g, i, e->persons[i].activity > 0);
	}
	lcm_strmap_release(&seen);
}

/*
 * The latest event time of each (course, person) pair: an open-addressing
 * table of a few entries per person, filled from one pass over the events.
 */
struct pairs {
	int64_t (*v)[3];	/* course, person, latest time; course 0: empty */
	size_t cap, n;
};

static void
pairs_put(struct pairs *ps, int64_t course, int64_t person, int64_t ts)
{
	uint64_t h;
	size_t i, j, oldcap;
	int64_t (*old)[3];

	if (2 * (ps->n + 1) > ps->cap) {
		old = ps->v;
		oldcap = ps->cap;
		ps->cap = ps->cap ? ps->cap * 2 : 1024;
		ps->v = lcm_xcalloc(ps->cap, sizeof(*ps->v));
		ps->n = 0;
		for (j = 0; j < oldcap; j++)
			if (old[j][0])
				pairs_put(ps, old[j][0], old[j][1], old[j][2]);
		free(old);
	}
	h = ((uint64_t)course * UINT64_C(0x9e3779b97f4a7c15)) ^ (uint64_t)person;
	h *= UINT64_C(0xff51afd7ed558ccd);
	for (i = (size_t)(h >> 20) & (ps->cap - 1);; i = (i + 1) & (ps->cap - 1)) {
		if (!ps->v[i][0]) {
			ps->v[i][0] = course;
			ps->v[i][1] = person;
			ps->v[i][2] = ts;
			ps->n++;
			return;
		}
		if (ps->v[i][0] == course && ps->v[i][1] == person) {
			if (ts > ps->v[i][2])
				ps->v[i][2] = ts;
			return;
		}
	}
}

/*
 * Members of courses by their events. course_id is in no index: one
 * sequential pass (NOT INDEXED, or SQLite would walk event_person and
 * fetch each row at random) and a table in memory beat SQL's GROUP BY,
 * which sorts ten million rows.
 */
static int
course_events(struct lcm_store *st, struct builder *b, struct lcm_err *err)
{
	struct pairs ps = { 0 };
	sqlite3_stmt *s;
	size_t i;
	int rc;

	s = lcm_store_prepare(st, "SELECT course_id, person_id, ts FROM event NOT INDEXED"
			      " WHERE ts < ?1 AND course_id > 0 AND person_id IS NOT NULL", err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, b->e->o.until);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		pairs_put(&ps, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
			  sqlite3_column_int64(s, 2));
	sqlite3_finalize(s);
	for (i = 0; i < ps.cap; i++)
		if (ps.v[i][0])
			add_member(b, group_of_id(b, ps.v[i][0]), lcm_engage_find(b->e, ps.v[i][1]),
				   ps.v[i][2] >= b->e->o.since);
	free(ps.v);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read events by course");
	return 0;
}

/* Groups of courses or forums from the store, "none" first. */
static int
make_place_groups(struct lcm_store *st, struct builder *b, struct lcm_err *err)
{
	sqlite3_stmt *s;
	size_t i;
	int rc;

	new_group(b, NULL, 0);
	s = lcm_store_prepare(st, b->by == LCM_ENGAGE_BY_COURSE ?
			      "SELECT id, coalesce(external_id, name) FROM course ORDER BY id" :
			      "SELECT id, coalesce(name, external_id) FROM forum ORDER BY id", err);
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		new_group(b, (const char *)sqlite3_column_text(s, 1), sqlite3_column_int64(s, 0));
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read courses and forums");
	/* posting in a place makes a member; in the period, an active one */
	for (i = 0; i < b->e->nposts; i++) {
		const struct lcm_engage_post *q = &b->e->posts[i];

		if (!q->hidden)
			add_member(b, post_group(b, i), q->author,
				   q->created >= b->e->o.since);
	}
	if (b->by == LCM_ENGAGE_BY_FORUM)
		return 0;
	/* so does any event in the course */
	return course_events(st, b, err);
}

/*
 * The first week with activity among the LCM_ENGAGE_MAX_WEEKS weeks that
 * end with week last, or INT64_MAX: what a period without a start begins
 * with, so that one time far in the past (a year-0 date that import
 * accepts) neither fails the run nor adds thousands of empty weeks.
 */
static int64_t
first_recent_week(const struct lcm_engage *e, int64_t last)
{
	int64_t first = INT64_MAX, w;
	size_t i;

	for (i = 0; i < e->nweeks; i++) {
		w = e->weeks[i].week;
		if (w > last - LCM_ENGAGE_MAX_WEEKS && w <= last && w < first)
			first = w;
	}
	return first;
}

/*
 * One group per ISO week, empty ones included, from the week of the
 * period's start (without one, of the first activity in the last
 * LCM_ENGAGE_MAX_WEEKS weeks) to the week of its last second: the period
 * is [since, until).
 */
static int
make_week_groups(struct builder *b, struct lcm_err *err)
{
	const struct lcm_engage *e = b->e;
	int64_t w, last, learners = 0;
	char label[24];
	size_t i;

	if (e->o.since >= e->o.until)
		return 0;
	last = lcm_engage_week(lcm_engage_day(e->o.until - 1, e->o.local));
	if (e->o.since != INT64_MIN)
		b->week0 = lcm_engage_week(lcm_engage_day(e->o.since, e->o.local));
	else if ((b->week0 = first_recent_week(e, last)) == INT64_MAX)
		return 0;
	if (last - b->week0 >= LCM_ENGAGE_MAX_WEEKS)
		return lcm_error(err, "%lld weeks from the period's start to its end: at most %d",
				 (long long)(last - b->week0 + 1), LCM_ENGAGE_MAX_WEEKS);
	b->nweeks = last - b->week0 + 1;
	for (w = b->week0; w <= last; w++)
		new_group(b, lcm_engage_week_label(w, label), w);
	for (i = 0; i < e->npersons; i++)
		learners += !e->persons[i].staff;
	for (i = 0; i < b->gs->n; i++)
		b->gs->g[i].nmembers = (size_t)learners;
	for (i = 0; i < e->nweeks; i++) {
		w = e->weeks[i].week - b->week0;
		if (w >= 0 && w < b->nweeks && !e->persons[e->weeks[i].person].staff)
			b->gs->g[w].active++;
	}
	return 0;
}

static int
cmp_pair(const void *a, const void *b)
{
	const size_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Member lists from the (group, person) pairs. */
static void
gather_members(struct builder *b)
{
	struct lcm_engage_group *g;
	size_t i, k, person;
	int active;

	if (b->npairs)
		qsort(b->pairs, b->npairs, sizeof(*b->pairs), cmp_pair);
	for (i = 0; i < b->npairs; i = k) {
		g = &b->gs->g[b->pairs[i][0]];
		person = b->pairs[i][1] >> 1;
		active = 0;
		for (k = i; k < b->npairs && b->pairs[k][0] == b->pairs[i][0] &&
		     b->pairs[k][1] >> 1 == person; k++)
			active |= (int)(b->pairs[k][1] & 1);
		g->members = lcm_xreallocarray(g->members, g->nmembers + 1, sizeof(*g->members));
		g->members[g->nmembers++] = person;
		g->active += active;
	}
}

static int
cmp_ttfr(const void *a, const void *b)
{
	const double *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Threads of the period, their seeds and first peer replies. */
static void
count_threads(struct builder *b)
{
	const struct lcm_engage *e = b->e;
	const struct lcm_engage_post *r;
	double (*ttfr)[2] = NULL, *h = NULL;
	size_t i, k, n = 0, g;

	ttfr = lcm_xreallocarray(NULL, e->nthreads ? e->nthreads : 1, sizeof(*ttfr));
	for (i = 0; i < e->nthreads; i++) {
		const struct lcm_engage_thread *t = &e->threads[i];
		int staff;

		if (t->root == LCM_NONE)
			continue;
		r = &e->posts[t->root];
		if (r->hidden || r->created < e->o.since ||
		    (g = post_group(b, t->root)) == LCM_NONE)
			continue;
		staff = r->author != LCM_NONE && e->persons[r->author].staff;
		b->gs->g[g].threads++;
		if (staff)
			b->gs->g[g].topdown++;
		else if (r->question)
			b->gs->g[g].questions_open++;
		else
			b->gs->g[g].exchange++;
		if (t->first_peer != INT64_MAX) {
			b->gs->g[g].answered++;
			ttfr[n][0] = (double)g;
			ttfr[n++][1] = (double)(t->first_peer - r->created) / 3600.0;
		} else if (!staff) {
			b->gs->g[g].unanswered++;
		}
	}
	if (n)
		qsort(ttfr, n, sizeof(*ttfr), cmp_ttfr);
	h = lcm_xreallocarray(NULL, n ? n : 1, sizeof(*h));
	for (i = 0; i < n; i = k) {
		for (k = i; k < n && ttfr[k][0] == ttfr[i][0]; k++)
			h[k - i] = ttfr[k][1];
		g = (size_t)ttfr[i][0];
		b->gs->g[g].ttfr_median_h = lcm_engage_quantile(h, k - i, 0.5);
		b->gs->g[g].ttfr_p90_h = lcm_engage_quantile(h, k - i, 0.9);
	}
	free(h);
	free(ttfr);
}

/* Replies and questions of the period. */
static void
count_posts(struct builder *b)
{
	const struct lcm_engage *e = b->e;
	size_t i, g;

	for (i = 0; i < e->nposts; i++) {
		const struct lcm_engage_post *q = &e->posts[i];

		if (q->hidden || q->created < e->o.since ||
		    (g = post_group(b, i)) == LCM_NONE)
			continue;
		b->gs->g[g].replies += q->reply;
		b->gs->g[g].questions += q->question;
	}
}

/* Edges of the period as (group, from, to, post), then each group's measures. */
struct edges {
	struct builder *b;
	size_t (*v)[4];
	size_t n, cap;
};

static void
edge_push(struct edges *x, size_t g, size_t from, size_t to, size_t post)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 256;
		x->v = lcm_xreallocarray(x->v, x->cap, sizeof(*x->v));
	}
	x->v[x->n][0] = g;
	x->v[x->n][1] = from;
	x->v[x->n][2] = to;
	x->v[x->n][3] = post;
	x->n++;
}

/* A reply edge belongs to its post's group; by cohort or manager, to
 * the groups of both ends. */
static void
edge_groups(size_t from, size_t to, size_t post, void *arg)
{
	struct edges *x = arg;
	const struct builder *b = x->b;
	size_t g1, g2;

	if (b->by == LCM_ENGAGE_BY_COHORT || b->by == LCM_ENGAGE_BY_MANAGER) {
		g1 = b->person_group[from];
		g2 = b->person_group[to];
		edge_push(x, g1, from, to, post);
		if (g2 != g1)
			edge_push(x, g2, from, to, post);
	} else if ((g1 = post_group(b, post)) != LCM_NONE) {
		edge_push(x, g1, from, to, post);
	}
}

static int
cmp_edge4(const void *a, const void *b)
{
	const size_t *x = a, *y = b;
	int i;

	for (i = 0; i < 4; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

static void
network(struct builder *b)
{
	struct edges x = { 0 };
	size_t i, k, *local;

	x.b = b;
	lcm_engage_each_edge(b->e, edge_groups, &x);
	if (x.n)
		qsort(x.v, x.n, sizeof(*x.v), cmp_edge4);
	local = lcm_xreallocarray(NULL, b->e->npersons ? b->e->npersons : 1, sizeof(*local));
	for (i = 0; i < b->e->npersons; i++)
		local[i] = LCM_NONE;
	for (i = 0, k = 0; i < b->gs->n; i++) {
		size_t from = k;

		while (k < x.n && x.v[k][0] == i)
			k++;
		lcm_engage_group_network(b->e, &b->gs->g[i], x.v ? &x.v[from][0] : NULL,
					 k - from, local);
	}
	free(local);
	free(x.v);
}

static double
ratio(int64_t a, int64_t b)
{
	return b ? (double)a / (double)b : NAN;
}

static int
cmp_group(const void *a, const void *b)
{
	const struct lcm_engage_group *x = a, *y = b;

	if (!x->key || !y->key)
		return (x->key == NULL) - (y->key == NULL);
	return strcmp(x->key, y->key);
}

int
lcm_engage_groups(struct lcm_store *st, const struct lcm_engage *e,
		  enum lcm_engage_by by, int net, size_t min_group,
		  struct lcm_engage_groups *out, struct lcm_err *err)
{
	struct builder b;
	struct lcm_engage_group *g;
	size_t i, k;
	int rc = 0;

	memset(&b, 0, sizeof(b));
	memset(out, 0, sizeof(*out));
	b.e = e;
	b.by = by;
	b.gs = out;
	if (by == LCM_ENGAGE_BY_COHORT || by == LCM_ENGAGE_BY_MANAGER)
		make_key_groups(&b);
	else if (by == LCM_ENGAGE_BY_COURSE || by == LCM_ENGAGE_BY_FORUM)
		rc = make_place_groups(st, &b, err);
	else if (by == LCM_ENGAGE_BY_WEEK && !e->o.weeks)	/* a caller's mistake */
		rc = lcm_error(err, "groups by week need the active weeks: load with weeks set");
	else if (by == LCM_ENGAGE_BY_WEEK)
		rc = make_week_groups(&b, err);
	else
		rc = lcm_error(err, "no groups of persons by '%s'", lcm_engage_by_name(by));
	if (rc < 0)
		goto out;
	gather_members(&b);
	count_threads(&b);
	count_posts(&b);
	if (net)
		network(&b);
	for (i = 0, k = 0; i < out->n; i++) {
		g = &out->g[i];
		/* "none" is kept only when something falls in it */
		if (by != LCM_ENGAGE_BY_WEEK && !g->key && !g->nmembers && !g->threads &&
		    !g->replies) {
			free(g->members);
			continue;
		}
		g->active_rate = ratio(g->active, (int64_t)g->nmembers);
		g->response_rate = ratio(g->answered, g->threads);
		g->unanswered_share = ratio(g->unanswered, g->threads);
		g->suppressed = g->nmembers < min_group;
		out->g[k++] = *g;
	}
	out->n = k;
	if (by != LCM_ENGAGE_BY_WEEK && out->n)
		qsort(out->g, out->n, sizeof(*out->g), cmp_group);
	rc = 0;
out:
	if (rc < 0)
		lcm_engage_groups_release(out);
	free(b.ids);
	free(b.person_group);
	free(b.pairs);
	return rc;
}

void
lcm_engage_groups_release(struct lcm_engage_groups *gs)
{
	size_t i;

	for (i = 0; i < gs->n; i++) {
		free(gs->g[i].key);
		free(gs->g[i].members);
	}
	free(gs->g);
	gs->g = NULL;
	gs->n = 0;
}
