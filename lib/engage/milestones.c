/*
 * milestones.c - milestones crossed, the ladder and the record of what
 * was shown (see milestones.h).
 */
#include "milestones.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "timefmt.h"
#include "xalloc.h"

const char lcm_ladder_default[] =
	"# name                 count           threshold\n"
	"first-post             posts           1\n"
	"first-reply-to-peer    peer_replies    1\n"
	"first-answer-accepted  accepted        1\n"
	"ten-answers            answers         10\n"
	"four-weeks-in-a-row    weeks_in_a_row  4\n"
	"back-after-30-days     days_away       30\n"
	"first-brick-completed  bricks_completed 1\n"
	"ten-bricks-completed   bricks_completed 10\n"
	"pathway-completed      pathway_completed 1\n"
	"course-100th-post      course_posts    100\n"
	"course-1000th-post     course_posts    1000\n"
	"course-10-posters      course_posters  10\n"
	"course-50-posters      course_posters  50\n"
	"every-question-answered course_answered_weeks 1\n";

static const char *const count_names[LCM_MC_MAX] = {
	"posts", "peer_replies", "answers", "accepted", "weeks_in_a_row", "days_away",
	"bricks_completed", "pathway_completed", "course_posts", "course_posters", "course_answered_weeks"
};

const char *
lcm_milestone_count_name(enum lcm_milestone_count c)
{
	return (unsigned)c < LCM_MC_MAX ? count_names[c] : NULL;
}

void
lcm_ladder_release(struct lcm_ladder *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->r[i].name);
	free(l->r);
	l->r = NULL;
	l->n = 0;
}

/* "posts, peer_replies, ...": every count's name, for a message. */
static const char *
count_list(void)
{
	static char list[512];
	size_t i;

	if (!list[0])
		for (i = 0; i < LCM_MC_MAX; i++) {
			if (i)
				strcat(list, ", ");
			strcat(list, count_names[i]);
		}
	return list;
}

void
lcm_milestones_add(struct lcm_milestones *ms, const struct lcm_milestone *m)
{
	if (ms->n == ms->cap) {
		ms->cap = ms->cap ? ms->cap * 2 : 64;
		ms->m = lcm_xreallocarray(ms->m, ms->cap, sizeof(*ms->m));
	}
	ms->m[ms->n++] = *m;
}

void
lcm_milestones_reach(const struct lcm_engage *e, const struct lcm_ladder *l,
		     enum lcm_milestone_count c, struct lcm_milestone *m,
		     struct lcm_milestones *ms)
{
	size_t i;

	if ((e->o.since != INT64_MIN && m->at < e->o.since) || m->at >= e->o.until)
		return;
	for (i = 0; i < l->n; i++)
		if (l->r[i].count == c && l->r[i].threshold == m->value) {
			m->rule = i;
			lcm_milestones_add(ms, m);
		}
}

/* The next blank-separated word of *s into w (size 128); 0 at the end. */
static size_t
word(const char **s, char *w)
{
	size_t n = 0;

	while (**s == ' ' || **s == '\t' || **s == '\r')
		(*s)++;
	while (**s && !isspace((unsigned char)**s) && **s != '#') {
		if (n < 127)
			w[n++] = **s;
		(*s)++;
	}
	w[n] = '\0';
	return n;
}

int
lcm_ladder_parse(const char *text, const char *name, struct lcm_ladder *l,
		 struct lcm_err *err)
{
	const char *s = text;
	char w[3][128], extra[128];
	long line = 0;
	size_t i;
	int c;

	memset(l, 0, sizeof(*l));
	while (*s) {
		struct lcm_milestone_rule r = { 0 };
		char *end;
		long long t;

		line++;
		if (!word(&s, w[0])) {
			/* blank or a comment */
		} else if (!word(&s, w[1]) || !word(&s, w[2])) {
			lcm_error(err, "%s:%ld: a rule is: name count threshold, found '%s'",
				  name, line, w[0]);
			goto fail;
		} else {
			for (c = 0; c < LCM_MC_MAX && strcmp(w[1], count_names[c]) != 0; c++)
				;
			errno = 0;
			t = strtoll(w[2], &end, 10);
			if (c == LCM_MC_MAX) {
				lcm_error(err, "%s:%ld: not a count (%s), found '%s'", name, line,
					  count_list(), w[1]);
				goto fail;
			}
			if (*end || errno || t < 1) {
				lcm_error(err, "%s:%ld: a threshold is a whole number from 1,"
					  " found '%s'", name, line, w[2]);
				goto fail;
			}
			if (word(&s, extra)) {
				lcm_error(err, "%s:%ld: a rule is: name count threshold, found"
					  " more: '%s'", name, line, extra);
				goto fail;
			}
			for (i = 0; i < l->n; i++)
				if (strcmp(l->r[i].name, w[0]) == 0) {
					lcm_error(err, "%s:%ld: milestone '%s' named twice",
						  name, line, w[0]);
					goto fail;
				}
			r.name = lcm_xstrdup(w[0]);
			r.count = (enum lcm_milestone_count)c;
			r.threshold = t;
			l->r = lcm_xreallocarray(l->r, l->n + 1, sizeof(*l->r));
			l->r[l->n++] = r;
		}
		while (*s && *s != '\n')
			s++;
		if (*s)
			s++;
	}
	if (!l->n) {
		lcm_error(err, "%s: no milestone in the ladder", name);
		goto fail;
	}
	return 0;
fail:
	lcm_ladder_release(l);
	return -1;
}

int
lcm_ladder_load(const char *path, struct lcm_ladder *l, struct lcm_err *err)
{
	struct lcm_buf b;
	char chunk[4096];
	size_t k;
	FILE *fp;
	int rc;

	if (!(fp = fopen(path, "r")))
		return lcm_error(err, "cannot open '%s': %s", path, strerror(errno));
	lcm_buf_init(&b);
	while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		lcm_buf_add(&b, chunk, k);
	if (ferror(fp)) {
		fclose(fp);
		lcm_buf_release(&b);
		return lcm_error(err, "cannot read '%s'", path);
	}
	fclose(fp);
	lcm_buf_add(&b, "", 1);
	if (memchr(b.data, '\0', b.len - 1)) {
		lcm_buf_release(&b);
		return lcm_error(err, "%s: not a text file", path);
	}
	rc = lcm_ladder_parse(b.data, path, l, err);
	lcm_buf_release(&b);
	return rc;
}

static const struct lcm_engage *sort_e;

/* Posts in time order, then by store id. */
static int
by_time(const void *a, const void *b)
{
	const struct lcm_engage_post *x = &sort_e->posts[*(const size_t *)a];
	const struct lcm_engage_post *y = &sort_e->posts[*(const size_t *)b];

	if (x->created != y->created)
		return x->created < y->created ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* A post's course and author, to find each person's first post in a course. */
struct cp {
	int64_t course;
	uint32_t person;
	size_t post;		/* its rank in time order */
};

static int
cp_cmp(const void *a, const void *b)
{
	const struct cp *x = a, *y = b;

	if (x->course != y->course)
		return x->course < y->course ? -1 : 1;
	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	return x->post < y->post ? -1 : x->post > y->post;
}

static int
int64_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* Per-person running counts. */
struct pstate {
	int64_t v[LCM_MC_COURSE_POSTS];
	int64_t last, week;
};

static int64_t
course_of(const struct lcm_engage *e, const struct lcm_engage_post *p)
{
	return p->thread != LCM_NONE ? e->threads[p->thread].course_id : 0;
}

/* Adds the crossings of rules in [from, to) of l between prev and cur. */
static void
crossings(const struct lcm_engage *e, const struct lcm_ladder *l, const int64_t *prev,
	  const int64_t *cur, size_t person, int64_t course, size_t post,
	  struct lcm_milestones *ms)
{
	const struct lcm_engage_post *p = &e->posts[post];
	size_t i;

	if (e->o.since != INT64_MIN && p->created < e->o.since)
		return;
	for (i = 0; i < l->n; i++) {
		const struct lcm_milestone_rule *r = &l->r[i];
		int course_rule = r->count >= LCM_MC_COURSE_POSTS;
		struct lcm_milestone m = { person, course, i, cur[r->count], post, 0, p->created };

		if (course_rule != (person == LCM_NONE) || m.value < r->threshold ||
		    (r->count != LCM_MC_DAYS_AWAY && prev[r->count] >= r->threshold))
			continue;
		lcm_milestones_add(ms, &m);
	}
}

/* A learner's question of a course's week, and its first answer. */
struct qweek {
	int64_t course, week;
	size_t answer;		/* post index of the first answer, LCM_NONE: none */
	int ok;			/* answered within its week */
};

static int
qweek_cmp(const void *a, const void *b)
{
	const struct qweek *x = a, *y = b;

	if (x->course != y->course)
		return x->course < y->course ? -1 : 1;
	return x->week < y->week ? -1 : x->week > y->week;
}

static int64_t
week_of(const struct lcm_engage *e, int64_t t)
{
	return lcm_engage_week(lcm_engage_day(t, e->o.local));
}

/* When week w ends: the next Monday at 00:00, in UTC or the local zone. */
static int64_t
week_end(const struct lcm_engage *e, int64_t w)
{
	int64_t day = (w + 1) * 7 - 3;	/* lcm_engage_week: day 0 is a Thursday */
	time_t t = (time_t)(day * LCM_DAY);
	struct tm tm;

	if (!e->o.local || !gmtime_r(&t, &tm))
		return day * LCM_DAY;
	return lcm_time_from_local(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, 0, 0, 0);
}

/*
 * Collective course_answered_weeks: the weeks of a course in which
 * learners opened questions and every one of them got a reply by someone
 * else within that week. A week counts once it is over, so the crossing
 * is placed at the week's end (the next Monday, 00:00), the moment it
 * became true: a week ending inside [since, until) is listed in that
 * period and no other. Its post is the answer that completed the week
 * (the latest of its first answers).
 */
static void
answered_weeks(const struct lcm_engage *e, const struct lcm_ladder *l,
	       struct lcm_milestones *ms)
{
	struct qweek *q;
	size_t *first, i, j, n = 0, last;
	int64_t count = 0, course = 0;
	int ok;

	for (i = 0; i < l->n && l->r[i].count != LCM_MC_COURSE_ANSWERED_WEEKS; i++)
		;
	if (i == l->n || !e->nthreads)
		return;
	first = lcm_xreallocarray(NULL, e->nthreads, sizeof(*first));
	for (i = 0; i < e->nthreads; i++)
		first[i] = LCM_NONE;
	for (i = 0; i < e->nposts; i++) {
		const struct lcm_engage_post *p = &e->posts[i];
		uint32_t root;

		if (p->hidden || p->thread == LCM_NONE || p->created >= e->o.until ||
		    (root = e->threads[p->thread].root) == LCM_NONE || root == i ||
		    p->author == LCM_NONE || p->author == e->posts[root].author)
			continue;
		if (first[p->thread] == LCM_NONE || p->created < e->posts[first[p->thread]].created)
			first[p->thread] = i;
	}
	q = lcm_xreallocarray(NULL, e->nthreads, sizeof(*q));
	for (i = 0; i < e->nthreads; i++) {
		uint32_t root = e->threads[i].root;
		const struct lcm_engage_post *r;

		if (root == LCM_NONE)
			continue;
		r = &e->posts[root];
		if (r->hidden || !r->question || r->created >= e->o.until ||
		    r->author == LCM_NONE || e->persons[r->author].staff)
			continue;
		q[n].course = e->threads[i].course_id;
		q[n].week = week_of(e, r->created);
		q[n].answer = first[i];
		q[n].ok = first[i] != LCM_NONE &&
			week_of(e, e->posts[first[i]].created) == q[n].week;
		n++;
	}
	qsort(q, n, sizeof(*q), qweek_cmp);
	for (i = 0; i < n; i = j) {
		ok = 1;
		last = LCM_NONE;
		for (j = i; j < n && q[j].course == q[i].course && q[j].week == q[i].week; j++) {
			ok &= q[j].ok;
			if (q[j].ok && (last == LCM_NONE ||
					e->posts[q[j].answer].created >= e->posts[last].created))
				last = q[j].answer;
		}
		if (!i || q[i].course != course)
			count = 0;
		course = q[i].course;
		if (ok && week_end(e, q[i].week) <= e->o.until) {
			struct lcm_milestone m = {
				LCM_NONE, course, 0, ++count, last, 0, week_end(e, q[i].week)
			};

			lcm_milestones_reach(e, l, LCM_MC_COURSE_ANSWERED_WEEKS, &m, ms);
		}
	}
	free(q);
	free(first);
}

/* Time order, then the post, a person's before a course's, then the rule. */
static const struct lcm_engage *order_e;

static int
milestone_cmp(const void *a, const void *b)
{
	const struct lcm_milestone *x = a, *y = b;
	int64_t px = x->post != LCM_NONE ? order_e->posts[x->post].id : INT64_MAX;
	int64_t py = y->post != LCM_NONE ? order_e->posts[y->post].id : INT64_MAX;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	if (px != py)
		return px < py ? -1 : 1;
	if ((x->person == LCM_NONE) != (y->person == LCM_NONE))
		return x->person == LCM_NONE ? 1 : -1;
	if (x->person != y->person)
		return x->person < y->person ? -1 : 1;
	if (x->item_id != y->item_id)
		return x->item_id < y->item_id ? -1 : 1;
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* The crossings of the posts' counts, in no order. */
static void
post_crossings(const struct lcm_engage *e, const struct lcm_ladder *l,
	       struct lcm_milestones *ms)
{
	struct pstate *ps;
	struct cp *cps;
	size_t *order, i, j, n = 0, ncourses = 0;
	int64_t *courses, (*cv)[2];
	unsigned char *first_in_course;
	size_t m = e->nposts ? e->nposts : 1;

	order = lcm_xreallocarray(NULL, m, sizeof(*order));
	for (i = 0; i < e->nposts; i++)
		if (!e->posts[i].hidden && e->posts[i].created < e->o.until)
			order[n++] = i;
	sort_e = e;
	qsort(order, n, sizeof(*order), by_time);
	/* each person's first post in each course: course_posters */
	cps = lcm_xreallocarray(NULL, n ? n : 1, sizeof(*cps));
	courses = lcm_xreallocarray(NULL, n ? n : 1, sizeof(*courses));
	for (i = 0; i < n; i++) {
		cps[i].course = courses[i] = course_of(e, &e->posts[order[i]]);
		cps[i].person = e->posts[order[i]].author;
		cps[i].post = i;
	}
	qsort(cps, n, sizeof(*cps), cp_cmp);
	first_in_course = lcm_xcalloc(n ? n : 1, 1);
	for (i = 0; i < n; i++)
		if (cps[i].person != LCM_NONE && !e->persons[cps[i].person].staff &&
		    (!i || cps[i].course != cps[i - 1].course || cps[i].person != cps[i - 1].person))
			first_in_course[cps[i].post] = 1;
	free(cps);
	qsort(courses, n, sizeof(*courses), int64_cmp);
	for (i = 0; i < n; i++)
		if (!i || courses[i] != courses[i - 1])
			courses[ncourses++] = courses[i];
	cv = lcm_xcalloc(ncourses ? ncourses : 1, sizeof(*cv));
	ps = lcm_xcalloc(e->npersons ? e->npersons : 1, sizeof(*ps));
	for (i = 0; i < e->npersons; i++)
		ps[i].last = ps[i].week = INT64_MIN;
	for (j = 0; j < n; j++) {
		const struct lcm_engage_post *p = &e->posts[order[j]];
		int64_t prev[LCM_MC_MAX] = { 0 }, cur[LCM_MC_MAX] = { 0 }, course = course_of(e, p);
		int64_t *k = bsearch(&course, courses, ncourses, sizeof(*courses), int64_cmp);
		size_t ci = (size_t)(k - courses);

		if (p->author != LCM_NONE && !e->persons[p->author].staff) {
			struct pstate *s = &ps[p->author];
			int64_t week = lcm_engage_week(lcm_engage_day(p->created, e->o.local));
			uint32_t root = p->thread != LCM_NONE ? e->threads[p->thread].root : LCM_NONE;

			memcpy(prev, s->v, sizeof(s->v));
			s->v[LCM_MC_POSTS]++;
			if (p->parent != LCM_NONE && e->posts[p->parent].author != p->author &&
			    e->posts[p->parent].author != LCM_NONE &&
			    !e->persons[e->posts[p->parent].author].staff)
				s->v[LCM_MC_PEER_REPLIES]++;
			if (p->reply && root != LCM_NONE && e->posts[root].question &&
			    e->posts[root].author != p->author)
				s->v[LCM_MC_ANSWERS]++;
			if (p->accepted)
				s->v[LCM_MC_ACCEPTED]++;
			if (week != s->week)
				s->v[LCM_MC_WEEKS_IN_A_ROW] = s->week == week - 1 ?
					s->v[LCM_MC_WEEKS_IN_A_ROW] + 1 : 1;
			s->v[LCM_MC_DAYS_AWAY] = s->last == INT64_MIN ? 0 :
				(p->created - s->last) / LCM_DAY;
			s->last = p->created;
			s->week = week;
			memcpy(cur, s->v, sizeof(s->v));
			crossings(e, l, prev, cur, p->author, course, order[j], ms);
		}
		memset(prev, 0, sizeof(prev));
		memset(cur, 0, sizeof(cur));
		prev[LCM_MC_COURSE_POSTS] = cv[ci][0];
		prev[LCM_MC_COURSE_POSTERS] = cv[ci][1];
		cv[ci][0]++;
		if (first_in_course[j])
			cv[ci][1]++;
		cur[LCM_MC_COURSE_POSTS] = cv[ci][0];
		cur[LCM_MC_COURSE_POSTERS] = cv[ci][1];
		crossings(e, l, prev, cur, LCM_NONE, course, order[j], ms);
	}
	free(ps);
	free(cv);
	free(courses);
	free(first_in_course);
	free(order);
}

int
lcm_milestones_find(struct lcm_store *st, const struct lcm_engage *e,
		    const struct lcm_ladder *l, struct lcm_milestones *ms,
		    struct lcm_err *err)
{
	memset(ms, 0, sizeof(*ms));
	post_crossings(e, l, ms);
	answered_weeks(e, l, ms);
	if (st && lcm_milestones_bricks(st, e, l, ms, err) < 0) {
		free(ms->m);
		memset(ms, 0, sizeof(*ms));
		return -1;
	}
	order_e = e;
	if (ms->n > 1)
		qsort(ms->m, ms->n, sizeof(*ms->m), milestone_cmp);
	return 0;
}

static const char record_schema[] =
	"CREATE TABLE IF NOT EXISTS milestone_seen(person_id INTEGER NOT NULL DEFAULT 0,"
	" course_id INTEGER NOT NULL DEFAULT 0, milestone TEXT NOT NULL, ts INTEGER NOT NULL,"
	" recorded INTEGER NOT NULL, PRIMARY KEY(person_id, course_id, milestone, ts));";

/* Binds m's key: a person's milestone is theirs whatever the course. */
static void
bind_key(sqlite3_stmt *s, const struct lcm_engage *e, const struct lcm_ladder *l,
	 const struct lcm_milestone *m)
{
	sqlite3_bind_int64(s, 1, m->person != LCM_NONE ? e->persons[m->person].id : 0);
	sqlite3_bind_int64(s, 2, m->person != LCM_NONE ? 0 : m->course_id);
	sqlite3_bind_text(s, 3, l->r[m->rule].name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, m->at);
}

int
lcm_milestones_drop_seen(struct lcm_store *st, const struct lcm_engage *e,
			 const struct lcm_ladder *l, struct lcm_milestones *ms,
			 struct lcm_err *err)
{
	sqlite3_stmt *s;
	size_t i, k = 0;
	int rc = SQLITE_DONE;

	if ((rc = lcm_store_has_table(st, "milestone_seen", err)) <= 0)
		return rc;
	if (!(s = lcm_store_prepare(st, "SELECT 1 FROM milestone_seen WHERE person_id = ?1"
				    " AND course_id = ?2 AND milestone = ?3 AND ts = ?4", err)))
		return -1;
	for (i = 0; i < ms->n; i++) {
		bind_key(s, e, l, &ms->m[i]);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			ms->m[k++] = ms->m[i];
		else if (rc != SQLITE_ROW)
			break;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lcm_store_fail(st, err, "reading milestones");
	ms->n = k;
	return 0;
}

int
lcm_milestones_record(struct lcm_store *st, const struct lcm_engage *e,
		      const struct lcm_ladder *l, const struct lcm_milestones *ms,
		      int64_t now, struct lcm_err *err)
{
	sqlite3_stmt *s = NULL;
	size_t i;

	if (lcm_store_exec(st, record_schema, err) < 0 || lcm_store_begin(st, err) < 0)
		return -1;
	if (!(s = lcm_store_prepare(st, "INSERT OR IGNORE INTO milestone_seen(person_id,"
				    " course_id, milestone, ts, recorded) VALUES(?1, ?2, ?3, ?4, ?5)",
				    err)))
		goto fail;
	for (i = 0; i < ms->n; i++) {
		bind_key(s, e, l, &ms->m[i]);
		sqlite3_bind_int64(s, 5, now);
		if (sqlite3_step(s) != SQLITE_DONE) {
			lcm_store_fail(st, err, "recording milestones");
			goto fail;
		}
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	return lcm_store_commit(st, err);
fail:
	sqlite3_finalize(s);
	lcm_store_rollback(st);
	return -1;
}

/* The text of column 0 of s's row for id (bound as ?1), or NULL. */
static const char *
name_of(sqlite3_stmt *s, int64_t id, int *rc)
{
	int k;

	sqlite3_reset(s);
	if (!id)
		return NULL;
	sqlite3_bind_int64(s, 1, id);
	if ((k = sqlite3_step(s)) == SQLITE_ROW)
		return (const char *)sqlite3_column_text(s, 0);
	if (k != SQLITE_DONE)
		*rc = -1;
	return NULL;
}

int
lcm_milestones_render(struct lcm_store *st, const struct lcm_engage *e,
		      const struct lcm_ladder *l, const struct lcm_milestones *ms,
		      const struct lcm_recognition_out *o, FILE *fp,
		      struct lcm_err *err)
{
	static const char *const cols[] = {
		"person", "name", "course", "milestone", "measure", "value", "threshold",
		"at", "post", "item"
	};
	struct lcm_render *r;
	sqlite3_stmt *s[3] = { NULL, NULL, NULL };
	size_t i;
	int rc = 0, bad = 0;

	if (!(s[0] = lcm_store_prepare(st, "SELECT external_id FROM post WHERE id = ?1", err)) ||
	    !(s[1] = lcm_store_prepare(st, "SELECT coalesce(external_id, name) FROM course"
				       " WHERE id = ?1", err)) ||
	    !(s[2] = lcm_store_prepare(st, "SELECT external_id FROM item WHERE id = ?1", err))) {
		for (i = 0; i < 3; i++)
			sqlite3_finalize(s[i]);
		return -1;
	}
	r = lcm_render_new(fp, o->fmt, cols, 10, o->excel ? LCM_RENDER_EXCEL : 0);
	for (i = 0; i < ms->n && !bad; i++) {
		const struct lcm_milestone *m = &ms->m[i];
		const struct lcm_milestone_rule *u = &l->r[m->rule];
		const struct lcm_engage_person *a = m->person != LCM_NONE ?
			&e->persons[m->person] : NULL;
		struct lcm_cell c[10];
		char t[32];

		c[0] = a ? lcm_cell_str(a->person) : lcm_cell_null();
		c[1] = a ? lcm_cell_str(a->name) : lcm_cell_null();
		c[2] = lcm_cell_str(name_of(s[1], m->course_id, &bad));
		c[3] = lcm_cell_str(u->name);
		c[4] = lcm_cell_str(count_names[u->count]);
		c[5] = lcm_cell_int(m->value);
		c[6] = lcm_cell_int(u->threshold);
		c[7] = lcm_cell_str(o->local ? lcm_time_format_local(m->at, t) :
				    lcm_time_format_utc(m->at, t));
		c[8] = lcm_cell_str(name_of(s[0], m->post != LCM_NONE ?
					    e->posts[m->post].id : 0, &bad));
		c[9] = lcm_cell_str(name_of(s[2], m->item_id, &bad));
		if (!bad)
			lcm_render_row(r, c);
	}
	if (bad)
		rc = lcm_store_fail(st, err, "reading milestones");
	lcm_render_end(r);
	if (!rc)
		rc = lcm_render_error(r);
	lcm_render_free(r);
	for (i = 0; i < 3; i++)
		sqlite3_finalize(s[i]);
	return rc;
}
