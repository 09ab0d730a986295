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

/*
 * Store ids to indexes. SQLite numbers rows from 1, so ids are nearly
 * always dense: one array lookup replaces a binary search through a cold
 * array for each of a million posts (a quarter of lcm-engage's time).
 * Sparse ids (a store with many rows deleted) keep the search.
 */
static int
ids_init(struct lcm_engage_ids *m, int64_t first, int64_t last, size_t n)
{
	memset(m, 0, sizeof(*m));
	if (!n || last < first || (uint64_t)last - (uint64_t)first >= 4 * (uint64_t)n + 4096)
		return 0;
	m->first = first;
	m->n = (size_t)((uint64_t)last - (uint64_t)first) + 1;
	m->at = lcm_xreallocarray(NULL, m->n, sizeof(*m->at));
	memset(m->at, 0xff, m->n * sizeof(*m->at));	/* UINT32_MAX: none */
	return 1;
}

/* The index of id: through the map, else a binary search of n records
 * of size stride whose first member is the int64_t id. */
static size_t
ids_find(const struct lcm_engage_ids *m, int64_t id, const void *base, size_t n,
	 size_t stride)
{
	size_t lo = 0, hi = n, mid;
	uint64_t k = (uint64_t)id - (uint64_t)m->first;
	int64_t v;

	if (m->at)
		return k < m->n && m->at[k] != UINT32_MAX ? m->at[k] : LCM_NONE;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		memcpy(&v, (const char *)base + mid * stride, sizeof(v));
		if (v == id)
			return mid;
		if (v < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return LCM_NONE;
}

size_t
lcm_engage_find(const struct lcm_engage *e, int64_t id)
{
	return ids_find(&e->person_ids, id, e->persons, e->npersons, sizeof(*e->persons));
}

static size_t
find_thread(const struct lcm_engage *e, int64_t id)
{
	return ids_find(&e->thread_ids, id, e->threads, e->nthreads, sizeof(*e->threads));
}

size_t
lcm_engage_find_post(const struct lcm_engage *e, int64_t id)
{
	return ids_find(&e->post_ids, id, e->posts, e->nposts, sizeof(*e->posts));
}

/* The id map of n records (first member: the int64_t id). */
static void
map_ids(struct lcm_engage_ids *m, const void *base, size_t n, size_t stride)
{
	int64_t first, last, id;
	size_t i;

	if (!n)
		return;
	memcpy(&first, base, sizeof(first));
	memcpy(&last, (const char *)base + (n - 1) * stride, sizeof(last));
	if (!ids_init(m, first, last, n))
		return;
	for (i = 0; i < n; i++) {
		memcpy(&id, (const char *)base + i * stride, sizeof(id));
		m->at[(uint64_t)id - (uint64_t)first] = (uint32_t)i;
	}
}

/*
 * Room for the rows of table: its id range when SQLite's ids are dense
 * (the usual case), so that a million rows are not copied at each
 * doubling; pages never written cost no memory. At least 256.
 */
static size_t
initial_cap(struct lcm_store *st, const char *sql)
{
	sqlite3_stmt *s = lcm_store_prepare(st, sql, NULL);
	uint64_t span = 0;

	if (s && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		span = (uint64_t)sqlite3_column_int64(s, 1) - (uint64_t)sqlite3_column_int64(s, 0) + 1;
	sqlite3_finalize(s);
	return span > 256 && span < UINT32_MAX / 2 ? (size_t)span : 256;
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
	cap = initial_cap(st, "SELECT min(id), max(id) FROM person");
	e->persons = lcm_xreallocarray(NULL, cap, sizeof(*e->persons));
	lcm_buf_init(&b);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (e->npersons == cap) {
			cap *= 2;
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
	if (done(st, s, rc, "cannot read persons", err) < 0)
		return -1;
	map_ids(&e->person_ids, e->persons, e->npersons, sizeof(*e->persons));
	return 0;
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
	cap = initial_cap(st, "SELECT min(id), max(id) FROM thread");
	e->threads = lcm_xreallocarray(NULL, cap, sizeof(*e->threads));
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (e->nthreads == cap) {
			cap *= 2;
			e->threads = lcm_xreallocarray(e->threads, cap, sizeof(*e->threads));
		}
		t = &e->threads[e->nthreads++];
		t->id = sqlite3_column_int64(s, 0);
		t->forum_id = sqlite3_column_int64(s, 1);
		t->course_id = sqlite3_column_int64(s, 2);
		t->root = LCM_NONE;
		t->first_peer = INT64_MAX;
	}
	if (done(st, s, rc, "cannot read threads", err) < 0)
		return -1;
	map_ids(&e->thread_ids, e->threads, e->nthreads, sizeof(*e->threads));
	return 0;
}

/* Posts before the end, then their parents and threads' roots linked. */
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
			      " accepted, deleted OR private FROM post WHERE created < ?1"
			      " ORDER BY id", err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, e->o.until);
	cap = initial_cap(st, "SELECT min(id), max(id) FROM post");
	e->posts = lcm_xreallocarray(NULL, cap, sizeof(*e->posts));
	parent_ids = lcm_xreallocarray(NULL, cap, sizeof(*parent_ids));
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (e->nposts == cap) {
			if (cap >= UINT32_MAX / 2) {
				sqlite3_finalize(s);
				free(parent_ids);
				return lcm_error(err, "more than %u posts: too many for one run",
						 UINT32_MAX / 2);
			}
			cap *= 2;
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
	map_ids(&e->post_ids, e->posts, e->nposts, sizeof(*e->posts));
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

/* A period is [since, until): a time at the boundary is in the later one. */
static int
in_period(const struct lcm_engage *e, int64_t t)
{
	return t >= e->o.since && t < e->o.until;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/*
 * Counts from the posts of the period; peers from distinct pairs, each
 * pair of 32-bit person indexes held in one 64-bit key (at most a key a
 * post: room for them all at once).
 */
static void
post_figures(struct lcm_engage *e)
{
	size_t i, k, n = 0, a, pa, root;
	uint64_t *pairs = lcm_xreallocarray(NULL, e->nposts ? e->nposts : 1, sizeof(*pairs));
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
		pairs[n++] = a < pa ? (uint64_t)a << 32 | pa : (uint64_t)pa << 32 | a;
	}
	if (n)
		qsort(pairs, n, sizeof(*pairs), cmp_u64);
	for (i = 0; i < n; i = k) {
		e->persons[pairs[i] >> 32].peers++;
		e->persons[pairs[i] & UINT32_MAX].peers++;
		for (k = i + 1; k < n && pairs[k] == pairs[i]; k++)
			;
	}
	free(pairs);
}

/*
 * A growable list of a person's days, each as 2 * day + (1 when in the
 * period): days before the period count only for the weeks' list.
 */
struct days {
	int64_t *v;
	size_t n, cap;
};

static void
days_add(struct days *d, int64_t v)
{
	if (d->n && d->v[d->n - 1] == v)
		return;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = lcm_xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	d->v[d->n++] = v;
}

/*
 * One post or event of person p at t (on day): last_seen, trend, period
 * days; from (at most the period's start) on, the days of the weeks.
 */
static void
activity(struct lcm_engage *e, struct lcm_engage_person *p, int64_t t, int64_t day,
	 int64_t from, struct days *d, int is_event)
{
	int64_t win = LCM_ENGAGE_TREND_DAYS * (int64_t)LCM_DAY;
	int in;

	if (t > p->last_seen)
		p->last_seen = t;
	if (t < e->first_activity)
		e->first_activity = t;
	/* the trend windows are [until - win, until) and the one before */
	if (t >= e->o.until - win)
		p->recent++;
	else if (t >= e->o.until - 2 * win)
		p->before++;
	if (t < from || t >= e->o.until)
		return;
	in = in_period(e, t);
	if (in) {
		p->activity++;
		p->events += is_event;
	}
	days_add(d, 2 * day + in);
}

static void
add_week(struct lcm_engage *e, size_t *cap, size_t person, int64_t week)
{
	if (e->nweeks == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		e->weeks = lcm_xreallocarray(e->weeks, *cap, sizeof(*e->weeks));
	}
	e->weeks[e->nweeks].person = (uint32_t)person;
	e->weeks[e->nweeks].week = (int32_t)week;
	e->nweeks++;
}

/* Distinct days and weeks of person i from its two sorted day lists. */
static void
count_days(struct lcm_engage *e, size_t i, struct days *a, struct days *b,
	   size_t *wcap)
{
	struct lcm_engage_person *p = &e->persons[i];
	size_t x = 0, y = 0;
	int64_t v, d, last = INT64_MIN, week, lastw = INT64_MIN, lastpw = INT64_MIN;

	while (x < a->n || y < b->n) {
		if (y >= b->n || (x < a->n && a->v[x] <= b->v[y]))
			v = a->v[x++];
		else
			v = b->v[y++];
		d = floor_div(v, 2);
		week = lcm_engage_week(d);
		if (week != lastw && e->o.weeks) {
			lastw = week;
			add_week(e, wcap, i, week);
		}
		if (v == 2 * d || d == last)	/* before the period, or seen */
			continue;
		last = d;
		p->active_days++;
		if (week != lastpw) {
			lastpw = week;
			p->active_weeks++;
		}
	}
	a->n = b->n = 0;
}

/* A post's time and index, to sort an author's few posts by time. */
struct timed {
	int64_t created;
	uint32_t post;
};

static int
cmp_timed(const void *a, const void *b)
{
	const struct timed *x = a, *y = b;

	if (x->created != y->created)
		return x->created < y->created ? -1 : 1;
	return (x->post > y->post) - (x->post < y->post);
}

static void
sort_by_time(const struct lcm_engage *e, uint32_t *v, size_t n)
{
	struct timed *t = lcm_xreallocarray(NULL, n, sizeof(*t));
	size_t i;

	for (i = 0; i < n; i++) {
		t[i].created = e->posts[v[i]].created;
		t[i].post = v[i];
	}
	qsort(t, n, sizeof(*t), cmp_timed);
	for (i = 0; i < n; i++)
		v[i] = t[i].post;
	free(t);
}

/* The period's start, or the earlier weeks_from. */
static int64_t
weeks_start(const struct lcm_engage *e)
{
	return e->o.weeks_from && e->o.weeks_from < e->o.since ? e->o.weeks_from : e->o.since;
}

/*
 * The live posts of each author, in time order: order[start[i]] to
 * order[start[i + 1] - 1] for person i. A counting sort by author keeps
 * id order, which is time order but for the odd imported edit; 4 bytes a
 * post where a general sort of (author, time, post) took 24.
 */
static uint32_t *
posts_by_author(const struct lcm_engage *e, size_t **startp)
{
	size_t *start, *next, i, k, n;
	uint32_t *order;
	const struct lcm_engage_post *q;

	start = lcm_xcalloc(e->npersons + 1, sizeof(*start));
	for (i = 0; i < e->nposts; i++) {
		q = &e->posts[i];
		if (!q->hidden && q->author != LCM_NONE)
			start[q->author + 1]++;
	}
	for (i = 0; i < e->npersons; i++)
		start[i + 1] += start[i];
	n = start[e->npersons];
	order = lcm_xreallocarray(NULL, n ? n : 1, sizeof(*order));
	next = lcm_xreallocarray(NULL, e->npersons ? e->npersons : 1, sizeof(*next));
	memcpy(next, start, e->npersons * sizeof(*next));
	for (i = 0; i < e->nposts; i++) {
		q = &e->posts[i];
		if (!q->hidden && q->author != LCM_NONE)
			order[next[q->author]++] = (uint32_t)i;
	}
	free(next);
	for (i = 0; i < e->npersons; i++)
		for (k = start[i] + 1; k < start[i + 1]; k++)
			if (e->posts[order[k]].created < e->posts[order[k - 1]].created) {
				sort_by_time(e, order + start[i], start[i + 1] - start[i]);
				break;
			}
	*startp = start;
	return order;
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
	size_t *start, i, j, wcap = 0;
	uint32_t *order;
	int64_t pid, t, from = weeks_start(e);
	int rc;

	s = lcm_store_prepare(st, "SELECT person_id, ts FROM event WHERE person_id IS NOT NULL"
			      " AND ts < ?1 ORDER BY person_id, ts", err);
	if (!s)
		return -1;
	order = posts_by_author(e, &start);
	dc.local = e->o.local;
	dc.hour = lcm_xreallocarray(NULL, DAYCACHE, sizeof(*dc.hour));
	dc.off = lcm_xreallocarray(NULL, DAYCACHE, sizeof(*dc.off));
	for (i = 0; i < DAYCACHE; i++)
		dc.hour[i] = INT64_MIN;
	for (i = 0; i < e->nposts; i++)
		e->posts[i].day = (int32_t)day_of(&dc, e->posts[i].created);
	sqlite3_bind_int64(s, 1, e->o.until);
	rc = sqlite3_step(s);
	for (i = 0; i < e->npersons; i++) {
		struct lcm_engage_person *p = &e->persons[i];

		while (rc == SQLITE_ROW && (pid = sqlite3_column_int64(s, 0)) <= p->id) {
			if (pid == p->id) {
				t = sqlite3_column_int64(s, 1);
				activity(e, p, t, day_of(&dc, t), from, &ev, 1);
			}
			rc = sqlite3_step(s);
		}
		for (j = start[i]; j < start[i + 1]; j++)
			activity(e, p, e->posts[order[j]].created, e->posts[order[j]].day, from,
				 &po, 0);
		count_days(e, i, &ev, &po, &wcap);
	}
	while (rc == SQLITE_ROW)	/* events of persons unknown: none, by the schema */
		rc = sqlite3_step(s);
	free(order);
	free(start);
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
lcm_engage_keep_persons(struct lcm_engage *e)
{
	free(e->posts);
	free(e->threads);
	free(e->weeks);
	free(e->thread_ids.at);
	free(e->post_ids.at);
	e->posts = NULL;
	e->threads = NULL;
	e->weeks = NULL;
	e->nposts = e->nthreads = e->nweeks = 0;
	memset(&e->thread_ids, 0, sizeof(e->thread_ids));
	memset(&e->post_ids, 0, sizeof(e->post_ids));
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
	free(e->person_ids.at);
	free(e->thread_ids.at);
	free(e->post_ids.at);
	memset(e, 0, sizeof(*e));
}
