/*
 * engage.c - loading the store and the per-person figures: see engage.h.
 *
 * Persons, threads and posts are read into arrays sorted by store id
 * (a million posts take about 50 MB); events, the big table, are only
 * streamed: one pass over the covering index event_person(person_id, ts)
 * gives each person's events in time order, merged with their posts to
 * count distinct days and weeks. Levels, statuses and the rest are in
 * engage_status.c.
 */
#include "engage.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "xalloc.h"

static char *
column_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v ? lcm_xstrdup((const char *)v) : NULL;
}

static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b < 0);
}

/*
 * The local calendar day of t as a day number, and in *secs the seconds
 * since local midnight; -1 when localtime_r cannot.
 */
static int
local_day(int64_t t, int64_t *day, int64_t *secs)
{
	struct tm tm;
	time_t tt = (time_t)t;
	int64_t y, m, era, yoe, doy;

	if ((int64_t)tt != t || !localtime_r(&tt, &tm))
		return -1;
	/* days_from_civil (Hinnant) */
	y = (int64_t)tm.tm_year + 1900;
	m = tm.tm_mon + 1;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + tm.tm_mday - 1;
	*day = era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
	*secs = (int64_t)tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
	return 0;
}

int64_t
lcm_engage_day(int64_t t, int local)
{
	int64_t day, secs;

	if (!local || local_day(t, &day, &secs) < 0)
		return floor_div(t, LCM_DAY);
	return day;
}

/* 1970-01-01 was a Thursday: day 0 is 3 days after a Monday. */
int64_t
lcm_engage_week(int64_t day)
{
	return floor_div(day + 3, 7);
}

/* The ISO year is the year of the week's Thursday. */
char *
lcm_engage_week_label(int64_t week, char *out)
{
	time_t thu = (time_t)(week * 7 * LCM_DAY);
	struct tm tm;

	if (!gmtime_r(&thu, &tm)) {
		snprintf(out, 24, "?");
		return out;
	}
	snprintf(out, 24, "%04d-W%02d", tm.tm_year + 1900, tm.tm_yday / 7 + 1);
	return out;
}

/*
 * The day of t in the local zone, from a cache of UTC offsets by hour:
 * ten million events fall in a few thousand distinct hours, and one
 * localtime_r costs about a microsecond. An hour is cached only when its
 * first and last second have the same offset, so a change of offset is
 * never hidden (the hours around it are worked out each time).
 */
#define DAYCACHE 4096	/* hours; a power of two */

struct daycache {
	int local;
	int64_t *hour;	/* DAYCACHE hours (INT64_MIN: empty) ... */
	int64_t *off;	/* ... and their offsets */
};

/* The UTC offset at t in seconds, 0 when localtime_r cannot tell. */
static int64_t
offset_at(int64_t t)
{
	int64_t day, secs;

	if (local_day(t, &day, &secs) < 0)
		return 0;
	return day * LCM_DAY + secs - t;
}

static int64_t
day_of(struct daycache *c, int64_t t)
{
	int64_t h = floor_div(t, 3600), o;
	size_t slot = (size_t)h & (DAYCACHE - 1);

	if (!c->local)
		return floor_div(t, LCM_DAY);
	if (c->hour[slot] == h)
		return floor_div(t + c->off[slot], LCM_DAY);
	o = offset_at(t);
	if (offset_at(h * 3600) == o && offset_at(h * 3600 + 3599) == o) {
		c->hour[slot] = h;
		c->off[slot] = o;
	}
	return floor_div(t + o, LCM_DAY);
}

size_t
lcm_engage_find(const struct lcm_engage *e, int64_t id)
{
	size_t lo = 0, hi = e->npersons, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (e->persons[mid].id == id)
			return mid;
		if (e->persons[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return LCM_NONE;
}

static size_t
find_thread(const struct lcm_engage *e, int64_t id)
{
	size_t lo = 0, hi = e->nthreads, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (e->threads[mid].id == id)
			return mid;
		if (e->threads[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return LCM_NONE;
}

size_t
lcm_engage_find_post(const struct lcm_engage *e, int64_t id)
{
	size_t lo = 0, hi = e->nposts, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (e->posts[mid].id == id)
			return mid;
		if (e->posts[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return LCM_NONE;
}

/* Steps s to the end; -1 with err filled when SQLite fails. */
static int
done(struct lcm_store *st, sqlite3_stmt *s, int rc, const char *what,
     struct lcm_err *err)
{
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, what);
	return 0;
}

static int
load_persons(struct lcm_store *st, struct lcm_engage *e, struct lcm_err *err)
{
	sqlite3_stmt *s;
	struct lcm_engage_person *p;
	struct lcm_buf b;
	size_t cap = 0;
	int rc;

	s = lcm_store_prepare(st, "SELECT count(DISTINCT platform) > 1 FROM person", err);
	if (!s)
		return -1;
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		e->several_platforms = sqlite3_column_int(s, 0);
	if (done(st, s, rc == SQLITE_ROW ? SQLITE_DONE : rc, "cannot count platforms", err) < 0)
		return -1;
	s = lcm_store_prepare(st, "SELECT id, platform, external_id, name, role, cohort,"
			      " manager FROM person ORDER BY id", err);
	if (!s)
		return -1;
	lcm_buf_init(&b);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (e->npersons == cap) {
			cap = cap ? cap * 2 : 256;
			e->persons = lcm_xreallocarray(e->persons, cap, sizeof(*e->persons));
		}
		p = &e->persons[e->npersons++];
		memset(p, 0, sizeof(*p));
		p->id = sqlite3_column_int64(s, 0);
		lcm_buf_reset(&b);
		lcm_buf_printf(&b, "%s:%s", sqlite3_column_text(s, 1), sqlite3_column_text(s, 2));
		p->key = lcm_xstrdup(b.data);
		p->person = e->several_platforms ? lcm_xstrdup(b.data) : column_dup(s, 2);
		p->name = column_dup(s, 3);
		p->role = column_dup(s, 4);
		p->cohort = column_dup(s, 5);
		p->manager = column_dup(s, 6);
		p->staff = p->role && strcmp(p->role, "staff") == 0;
		p->first_post = p->last_post = p->last_seen = INT64_MIN;
		p->level = -1;
	}
	lcm_buf_release(&b);
	return done(st, s, rc, "cannot read persons", err);
}

static int
load_threads(struct lcm_store *st, struct lcm_engage *e, struct lcm_err *err)
{
	sqlite3_stmt *s;
	struct lcm_engage_thread *t;
	size_t cap = 0;
	int rc;

	s = lcm_store_prepare(st, "SELECT t.id, coalesce(t.forum_id, 0), coalesce(f.course_id, 0)"
			      " FROM thread t LEFT JOIN forum f ON f.id = t.forum_id ORDER BY t.id",
			      err);
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (e->nthreads == cap) {
			cap = cap ? cap * 2 : 256;
			e->threads = lcm_xreallocarray(e->threads, cap, sizeof(*e->threads));
		}
		t = &e->threads[e->nthreads++];
		t->id = sqlite3_column_int64(s, 0);
		t->forum_id = sqlite3_column_int64(s, 1);
		t->course_id = sqlite3_column_int64(s, 2);
		t->root = LCM_NONE;
		t->first_peer = INT64_MAX;
	}
	return done(st, s, rc, "cannot read threads", err);
}

/* Posts up to the end, then their parents and threads' roots linked. */
static int
load_posts(struct lcm_store *st, struct lcm_engage *e, struct lcm_err *err)
{
	sqlite3_stmt *s;
	struct lcm_engage_post *p;
	int64_t *parent_ids = NULL;
	size_t cap = 0, i, r;
	int rc;

	s = lcm_store_prepare(st, "SELECT id, thread_id, coalesce(parent_id, 0),"
			      " parent_ext IS NOT NULL, author_id, created, words, is_question,"
			      " accepted, deleted OR private FROM post WHERE created <= ?1"
			      " ORDER BY id", err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, e->o.until);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (e->nposts == cap) {
			cap = cap ? cap * 2 : 1024;
			e->posts = lcm_xreallocarray(e->posts, cap, sizeof(*e->posts));
			parent_ids = lcm_xreallocarray(parent_ids, cap, sizeof(*parent_ids));
		}
		parent_ids[e->nposts] = sqlite3_column_int64(s, 2);
		p = &e->posts[e->nposts++];
		p->id = sqlite3_column_int64(s, 0);
		p->thread = find_thread(e, sqlite3_column_int64(s, 1));
		p->reply = (unsigned char)sqlite3_column_int(s, 3);
		p->author = sqlite3_column_type(s, 4) == SQLITE_NULL ? LCM_NONE :
			lcm_engage_find(e, sqlite3_column_int64(s, 4));
		p->created = sqlite3_column_int64(s, 5);
		p->words = sqlite3_column_int(s, 6);
		p->question = sqlite3_column_int(s, 7) != 0;
		p->accepted = sqlite3_column_int(s, 8) != 0;
		p->hidden = sqlite3_column_int(s, 9) != 0;
	}
	if (done(st, s, rc, "cannot read posts", err) < 0) {
		free(parent_ids);
		return -1;
	}
	for (i = 0; i < e->nposts; i++) {
		p = &e->posts[i];
		p->parent = parent_ids[i] ? lcm_engage_find_post(e, parent_ids[i]) : LCM_NONE;
		if (!p->reply && p->thread != LCM_NONE && e->threads[p->thread].root == LCM_NONE)
			e->threads[p->thread].root = i;
	}
	free(parent_ids);
	/* the first live reply by someone else: lcm-unanswered's peer rule */
	for (i = 0; i < e->nposts; i++) {
		p = &e->posts[i];
		if (p->hidden || p->thread == LCM_NONE)
			continue;
		r = e->threads[p->thread].root;
		if (r == LCM_NONE || r == i || e->posts[r].author == p->author)
			continue;
		if (p->created < e->threads[p->thread].first_peer)
			e->threads[p->thread].first_peer = p->created;
	}
	return 0;
}

static int
in_period(const struct lcm_engage *e, int64_t t)
{
	return t >= e->o.since && t <= e->o.until;
}

static int
cmp_pair(const void *a, const void *b)
{
	const size_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Counts from the posts of the period; peers from distinct pairs. */
static void
post_figures(struct lcm_engage *e)
{
	size_t i, k, n = 0, cap = 0, (*pairs)[2] = NULL, a, pa, root;
	struct lcm_engage_person *p;
	const struct lcm_engage_post *q;

	for (i = 0; i < e->nposts; i++) {
		q = &e->posts[i];
		if (q->hidden || q->author == LCM_NONE || !in_period(e, q->created))
			continue;
		a = q->author;
		p = &e->persons[a];
		if (q->reply)
			p->replies++;
		else
			p->threads++;
		p->words += q->words;
		p->questions += q->question;
		p->accepted += q->accepted;
		if (p->first_post == INT64_MIN || q->created < p->first_post)
			p->first_post = q->created;
		if (q->created > p->last_post)
			p->last_post = q->created;
		if (!q->reply)
			continue;
		root = q->thread == LCM_NONE ? LCM_NONE : e->threads[q->thread].root;
		if (root != LCM_NONE && e->posts[root].question && e->posts[root].author != a)
			p->answers_given++;
		pa = q->parent == LCM_NONE ? LCM_NONE : e->posts[q->parent].author;
		if (pa == LCM_NONE || pa == a)
			continue;
		e->persons[pa].replies_received++;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			pairs = lcm_xreallocarray(pairs, cap, sizeof(*pairs));
		}
		pairs[n][0] = a < pa ? a : pa;
		pairs[n][1] = a < pa ? pa : a;
		n++;
	}
	if (n)
		qsort(pairs, n, sizeof(*pairs), cmp_pair);
	for (i = 0; i < n; i = k) {
		e->persons[pairs[i][0]].peers++;
		e->persons[pairs[i][1]].peers++;
		for (k = i + 1; k < n && pairs[k][0] == pairs[i][0] && pairs[k][1] == pairs[i][1]; k++)
			;
	}
	free(pairs);
}

/* A growable list of day numbers. */
struct days {
	int64_t *v;
	size_t n, cap;
};

static void
days_add(struct days *d, int64_t day)
{
	if (d->n && d->v[d->n - 1] == day)
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = lcm_xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	d->v[d->n++] = day;
}

/* One post or event of person p at t (on day): last_seen, trend, period days. */
static void
activity(struct lcm_engage *e, struct lcm_engage_person *p, int64_t t, int64_t day,
	 struct days *d, int is_event)
{
	int64_t win = LCM_ENGAGE_TREND_DAYS * (int64_t)LCM_DAY;

	if (t > p->last_seen)
		p->last_seen = t;
	if (t < e->first_activity)
		e->first_activity = t;
	if (t > e->o.until - win)
		p->recent++;
	else if (t > e->o.until - 2 * win)
		p->before++;
	if (!in_period(e, t))
		return;
	p->activity++;
	p->events += is_event;
	days_add(d, day);
}

static void
add_week(struct lcm_engage *e, size_t *cap, size_t person, int64_t week)
{
	if (e->nweeks == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		e->weeks = lcm_xreallocarray(e->weeks, *cap, sizeof(*e->weeks));
	}
	e->weeks[e->nweeks][0] = (int64_t)person;
	e->weeks[e->nweeks][1] = week;
	e->nweeks++;
}

/* Distinct days and weeks of person i from its two sorted day lists. */
static void
count_days(struct lcm_engage *e, size_t i, struct days *a, struct days *b,
	   size_t *wcap)
{
	struct lcm_engage_person *p = &e->persons[i];
	size_t x = 0, y = 0;
	int64_t d, last = INT64_MIN, week, lastw = INT64_MIN;

	while (x < a->n || y < b->n) {
		if (y >= b->n || (x < a->n && a->v[x] <= b->v[y]))
			d = a->v[x++];
		else
			d = b->v[y++];
		if (d == last)
			continue;
		last = d;
		p->active_days++;
		week = lcm_engage_week(d);
		if (week != lastw) {
			lastw = week;
			p->active_weeks++;
			add_week(e, wcap, i, week);
		}
	}
	a->n = b->n = 0;
}

/* A post in the order of its author's activity. */
struct authored {
	size_t author, post;
	int64_t created;
};

static int
cmp_authored(const void *a, const void *b)
{
	const struct authored *x = a, *y = b;

	if (x->author != y->author)
		return x->author < y->author ? -1 : 1;
	if (x->created != y->created)
		return x->created < y->created ? -1 : 1;
	return (x->post > y->post) - (x->post < y->post);
}

/*
 * Merges each person's events (streamed in person, time order) with
 * their live posts (sorted the same way here) into activity figures.
 */
static int
activity_figures(struct lcm_store *st, struct lcm_engage *e, struct lcm_err *err)
{
	struct daycache dc;
	struct days ev = { 0 }, po = { 0 };
	sqlite3_stmt *s;
	struct authored *by;
	size_t nby = 0, i, j = 0, wcap = 0;
	int64_t pid, t;
	int rc;

	dc.local = e->o.local;
	by = lcm_xreallocarray(NULL, e->nposts ? e->nposts : 1, sizeof(*by));
	for (i = 0; i < e->nposts; i++) {
		if (e->posts[i].hidden || e->posts[i].author == LCM_NONE)
			continue;
		by[nby].author = e->posts[i].author;
		by[nby].post = i;
		by[nby].created = e->posts[i].created;
		nby++;
	}
	qsort(by, nby, sizeof(*by), cmp_authored);
	s = lcm_store_prepare(st, "SELECT person_id, ts FROM event WHERE person_id IS NOT NULL"
			      " AND ts <= ?1 ORDER BY person_id, ts", err);
	if (!s) {
		free(by);
		return -1;
	}
	dc.hour = lcm_xreallocarray(NULL, DAYCACHE, sizeof(*dc.hour));
	dc.off = lcm_xreallocarray(NULL, DAYCACHE, sizeof(*dc.off));
	for (i = 0; i < DAYCACHE; i++)
		dc.hour[i] = INT64_MIN;
	for (i = 0; i < e->nposts; i++)
		e->posts[i].day = day_of(&dc, e->posts[i].created);
	sqlite3_bind_int64(s, 1, e->o.until);
	rc = sqlite3_step(s);
	for (i = 0; i < e->npersons; i++) {
		struct lcm_engage_person *p = &e->persons[i];

		while (rc == SQLITE_ROW && (pid = sqlite3_column_int64(s, 0)) <= p->id) {
			if (pid == p->id) {
				t = sqlite3_column_int64(s, 1);
				activity(e, p, t, day_of(&dc, t), &ev, 1);
			}
			rc = sqlite3_step(s);
		}
		for (; j < nby && by[j].author == i; j++)
			activity(e, p, by[j].created, e->posts[by[j].post].day, &po, 0);
		count_days(e, i, &ev, &po, &wcap);
	}
	while (rc == SQLITE_ROW)	/* events of persons unknown: none, by the schema */
		rc = sqlite3_step(s);
	free(by);
	free(ev.v);
	free(po.v);
	free(dc.hour);
	free(dc.off);
	return done(st, s, rc, "cannot read events", err);
}

int
lcm_engage_load(struct lcm_store *st, const struct lcm_engage_opts *o,
		struct lcm_engage *e, struct lcm_err *err)
{
	memset(e, 0, sizeof(*e));
	e->o = *o;
	e->first_activity = INT64_MAX;
	if (load_persons(st, e, err) < 0 || load_threads(st, e, err) < 0 ||
	    load_posts(st, e, err) < 0)
		goto fail;
	post_figures(e);
	if (activity_figures(st, e, err) < 0 || lcm_engage_judge(st, e, err) < 0)
		goto fail;
	return 0;
fail:
	lcm_engage_release(e);
	return -1;
}

void
lcm_engage_release(struct lcm_engage *e)
{
	size_t i;

	for (i = 0; i < e->npersons; i++) {
		free(e->persons[i].person);
		free(e->persons[i].key);
		free(e->persons[i].name);
		free(e->persons[i].role);
		free(e->persons[i].cohort);
		free(e->persons[i].manager);
	}
	free(e->persons);
	free(e->posts);
	free(e->threads);
	free(e->weeks);
	memset(e, 0, sizeof(*e));
}
