/*
 * report_talk.c - where the talk is (forums, threads), what waits for an
 * answer, and what people use (the event log). See report_parts.h.
 *
 * Counts come from the posts lcm_engage_load read (live, public, of the
 * period); the store is asked only for names and titles. Threads nobody
 * answered are lcm_unanswered_find's, read once for every report of a
 * run and filtered here.
 */
#include <stdlib.h>
#include <string.h>

#include "report_fmt.h"
#include "report_parts.h"
#include "xalloc.h"

static int
cmp_pair(const void *a, const void *b)
{
	const int64_t *x = a, *y = b;

	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Sorts n (key, person) pairs and adds 1 to people[key] per distinct pair. */
static void
count_people(int64_t (*pairs)[2], size_t n, int64_t *people)
{
	size_t i;

	if (n)
		qsort(pairs, n, sizeof(*pairs), cmp_pair);
	for (i = 0; i < n; i++)
		if (i == 0 || pairs[i][0] != pairs[i - 1][0] || pairs[i][1] != pairs[i - 1][1])
			people[pairs[i][0]]++;
}

/* Column i of s as an owned string, "" for NULL. */
static char *
column_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return lcm_xstrdup(v ? (const char *)v : "");
}

/* The forums of the store: ids (sorted) and names. */
struct forums {
	int64_t *id;
	char **name;
	size_t n;
};

/* Reads every forum into f (owned by the caller). */
static int
read_forums(struct lcm_store *st, struct forums *f, struct lcm_err *err)
{
	sqlite3_stmt *s;
	int rc;

	s = lcm_store_prepare(st, "SELECT id, coalesce(name, external_id) FROM forum ORDER BY id",
			      err);
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		f->id = lcm_xreallocarray(f->id, f->n + 1, sizeof(*f->id));
		f->name = lcm_xreallocarray(f->name, f->n + 1, sizeof(*f->name));
		f->id[f->n] = sqlite3_column_int64(s, 0);
		f->name[f->n++] = column_dup(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read forums");
	return 0;
}

/* Position of forum id in f, or f->n for none or unknown (the last slot). */
static size_t
forum_slot(const struct forums *f, int64_t id)
{
	size_t lo = 0, hi = f->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (f->id[mid] == id)
			return mid;
		if (f->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return f->n;
}

/* Orders of the two lists; the tallies are passed along with each index. */
struct tally {
	size_t i;
	int64_t posts, threads, people, last, id;
	const char *name;
};

/* Forums by posts, new threads, then name. */
static int
cmp_forum(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	if (x->posts != y->posts)
		return x->posts > y->posts ? -1 : 1;
	if (x->threads != y->threads)
		return x->threads > y->threads ? -1 : 1;
	return strcmp(x->name, y->name);
}

/* Threads by posts, people, latest post, then store id. */
static int
cmp_thread(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	if (x->posts != y->posts)
		return x->posts > y->posts ? -1 : 1;
	if (x->people != y->people)
		return x->people > y->people ? -1 : 1;
	if (x->last != y->last)
		return x->last > y->last ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* Title, forum and link of thread store id tid into t. */
static int
thread_details(struct lcm_store *st, sqlite3_stmt *s, int64_t tid, const char *url,
	       struct lcm_report_thread *t, struct lcm_err *err)
{
	int rc;

	sqlite3_reset(s);
	sqlite3_bind_int64(s, 1, tid);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			return lcm_error(err, "thread %lld is gone from the store", (long long)tid);
		return lcm_store_fail(st, err, "cannot read a thread");
	}
	t->title = column_dup(s, 1);
	t->forum = column_dup(s, 2);
	t->url = lcm_report_url(url, (const char *)sqlite3_column_text(s, 0),
				(const char *)sqlite3_column_text(s, 4),
				(const char *)sqlite3_column_text(s, 3),
				(const char *)sqlite3_column_text(s, 2));
	return 0;
}

/* The top threads of the tallies (posts in the period > 0) into r. */
static int
top_threads(struct lcm_store *st, const struct lcm_engage *e, struct tally *v, size_t n,
	    const struct lcm_report_opts *o, struct lcm_report *r, struct lcm_err *err)
{
	sqlite3_stmt *s;
	size_t i;

	if (n)
		qsort(v, n, sizeof(*v), cmp_thread);
	if (n > (size_t)o->top)
		n = (size_t)o->top;
	r->threads = lcm_xcalloc(n ? n : 1, sizeof(*r->threads));
	s = lcm_store_prepare(st, "SELECT t.external_id, coalesce(nullif(t.title, ''),"
			      " (SELECT q.subject FROM post q WHERE q.thread_id = t.id"
			      " AND q.parent_ext IS NULL ORDER BY q.id LIMIT 1), ''),"
			      " f.name, c.external_id, (SELECT q.external_id FROM post q"
			      " WHERE q.thread_id = t.id AND q.parent_ext IS NULL ORDER BY q.id"
			      " LIMIT 1) FROM thread t LEFT JOIN forum f ON f.id = t.forum_id"
			      " LEFT JOIN course c ON c.id = f.course_id WHERE t.id = ?1", err);
	if (!s)
		return -1;
	for (i = 0; i < n; i++) {
		r->nthreads = i + 1;
		r->threads[i].posts = v[i].posts;
		r->threads[i].people = v[i].people;
		r->threads[i].last = v[i].last;
		if (thread_details(st, s, e->threads[v[i].i].id, o->url, &r->threads[i],
				   err) < 0) {
			sqlite3_finalize(s);
			return -1;
		}
	}
	sqlite3_finalize(s);
	return 0;
}

/* Per thread and forum of the period in sc: posts, threads, people. */
struct places {
	int64_t *tposts, *tlast, *tpeople, (*tpairs)[2];
	int64_t *fposts, *fthreads, *fpeople, (*fpairs)[2];
	size_t np;
};

/* Counts the posts of the period in sc per thread and per forum into p. */
static void
tally_posts(const struct lcm_engage *e, const struct lcm_report_scope *sc,
	    const struct forums *f, struct places *p)
{
	size_t i, slot;

	for (i = 0; i < e->nposts; i++) {
		const struct lcm_engage_post *q = &e->posts[i];

		if (q->hidden || q->created < e->o.since || q->thread == LCM_NONE ||
		    !lcm_report_post_in(sc, e, i))
			continue;
		slot = forum_slot(f, e->threads[q->thread].forum_id);
		p->tposts[q->thread]++;
		if (q->created > p->tlast[q->thread])
			p->tlast[q->thread] = q->created;
		p->fposts[slot]++;
		p->fthreads[slot] += !q->reply;
		if (q->author == LCM_NONE)
			continue;
		p->tpairs[p->np][0] = (int64_t)q->thread;
		p->tpairs[p->np][1] = (int64_t)q->author;
		p->fpairs[p->np][0] = (int64_t)slot;
		p->fpairs[p->np++][1] = (int64_t)q->author;
	}
	count_people(p->tpairs, p->np, p->tpeople);
	count_people(p->fpairs, p->np, p->fpeople);
}

int
lcm_report_places(struct lcm_store *st, const struct lcm_engage *e,
		  const struct lcm_report_scope *sc, const struct lcm_report_opts *o,
		  struct lcm_report *r, struct lcm_err *err)
{
	struct forums f = { 0 };
	struct places p;
	struct tally *v = NULL;
	size_t i, n = 0, nt = e->nthreads ? e->nthreads : 1, np = e->nposts ? e->nposts : 1;
	int rc = -1;

	memset(&p, 0, sizeof(p));
	if (read_forums(st, &f, err) < 0)
		goto out;
	p.tposts = lcm_xcalloc(nt, sizeof(*p.tposts));
	p.tlast = lcm_xcalloc(nt, sizeof(*p.tlast));
	p.tpeople = lcm_xcalloc(nt, sizeof(*p.tpeople));
	p.fposts = lcm_xcalloc(f.n + 1, sizeof(*p.fposts));
	p.fthreads = lcm_xcalloc(f.n + 1, sizeof(*p.fthreads));
	p.fpeople = lcm_xcalloc(f.n + 1, sizeof(*p.fpeople));
	p.tpairs = lcm_xreallocarray(NULL, np, sizeof(*p.tpairs));
	p.fpairs = lcm_xreallocarray(NULL, np, sizeof(*p.fpairs));
	tally_posts(e, sc, &f, &p);

	v = lcm_xreallocarray(NULL, (f.n + 1 > nt ? f.n + 1 : nt), sizeof(*v));
	for (i = 0; i <= f.n; i++) {
		if (!p.fposts[i])
			continue;
		v[n].i = i;
		v[n].posts = p.fposts[i];
		v[n].threads = p.fthreads[i];
		v[n].people = p.fpeople[i];
		v[n++].name = i < f.n ? f.name[i] : "(no forum)";
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_forum);
	r->nforums = n < (size_t)o->top ? n : (size_t)o->top;
	r->forums = lcm_xcalloc(r->nforums ? r->nforums : 1, sizeof(*r->forums));
	for (i = 0; i < r->nforums; i++) {
		r->forums[i].name = lcm_xstrdup(v[i].name);
		r->forums[i].posts = v[i].posts;
		r->forums[i].threads = v[i].threads;
		r->forums[i].people = v[i].people;
	}
	for (i = 0, n = 0; i < e->nthreads; i++) {
		if (!p.tposts[i])
			continue;
		v[n].i = i;
		v[n].posts = p.tposts[i];
		v[n].people = p.tpeople[i];
		v[n].last = p.tlast[i];
		v[n++].id = e->threads[i].id;
	}
	rc = top_threads(st, e, v, n, o, r, err);
out:
	for (i = 0; i < f.n; i++)
		free(f.name[i]);
	free(f.name);
	free(f.id);
	free(v);
	free(p.tposts);
	free(p.tlast);
	free(p.tpeople);
	free(p.tpairs);
	free(p.fposts);
	free(p.fthreads);
	free(p.fpeople);
	free(p.fpairs);
	return rc;
}

void
lcm_report_open_threads(const struct lcm_unanswered_list *list, const struct lcm_engage *e,
			const struct lcm_report_scope *sc, const struct lcm_report_opts *o,
			struct lcm_report *r)
{
	const struct lcm_engage_person *p;
	const char *who;
	size_t i, k, top = (size_t)o->top;

	r->open = lcm_xcalloc(top ? top : 1, sizeof(*r->open));
	for (i = 0; i < list->n; i++) {
		const struct lcm_unanswered *u = &list->rows[i];
		struct lcm_report_open *x;

		k = u->author_pid ? lcm_engage_find(e, u->author_pid) : LCM_NONE;
		p = k == LCM_NONE ? NULL : &e->persons[k];
		if (sc->split == LCM_SPLIT_COURSE) {
			if (sc->key ? !u->course || strcmp(u->course, sc->key) != 0 : u->course != NULL)
				continue;
		} else if (sc->split != LCM_SPLIT_NONE && (!p || !sc->author[k])) {
			continue;
		}
		if (r->open_total++ >= (int64_t)top)
			continue;
		/* names as everywhere else in the report: none when pseudonymised */
		if (p)
			who = p->name ? p->name : p->person;
		else
			who = o->pseudo_key ? "unknown" : u->author_name ? u->author_name :
				u->author ? u->author : "unknown";
		x = &r->open[r->nopen++];
		x->subject = lcm_xstrdup(u->subject ? u->subject : "");
		x->forum = lcm_xstrdup(u->forum ? u->forum : "");
		x->author = lcm_xstrdup(who);
		x->url = lcm_report_url(o->url, u->thread, u->post, u->course, u->forum);
		x->created = u->created;
		x->age_hours = u->age_hours;
		x->question = u->question;
		x->replies = u->replies;
	}
}

/* The events of a period: what (term id), who (person index), where. */
struct lcm_report_log {
	int64_t (*ev)[3];	/* object (0: none), person index, course id */
	size_t n;
	int64_t *object;	/* distinct objects, sorted ... */
	char **name;		/* ... their names, NULL for what is not a resource */
	size_t nobjects;
};

/*
 * Is the name of an event's object a resource or an activity? Moodle's
 * log names the context: users' profiles, courses, categories, the
 * system and the front page are not what a course offers to learn with.
 */
static int
resource_name(const char *text)
{
	static const char *const prefix[] = { "User: ", "Course: ", "Category: " };
	size_t i;

	if (strcmp(text, "System") == 0 || strcmp(text, "Front page") == 0)
		return 0;
	for (i = 0; i < sizeof(prefix) / sizeof(*prefix); i++)
		if (strncmp(text, prefix[i], strlen(prefix[i])) == 0)
			return 0;
	return 1;
}

/* The platforms of the store's threads and posts. */
struct platforms {
	char **v;
	size_t n;
};

static int
read_platforms(struct lcm_store *st, struct platforms *p, struct lcm_err *err)
{
	sqlite3_stmt *s;
	int rc;

	s = lcm_store_prepare(st, "SELECT platform FROM thread UNION SELECT platform FROM post",
			      err);
	if (!s)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		p->v = lcm_xreallocarray(p->v, p->n + 1, sizeof(*p->v));
		p->v[p->n++] = column_dup(s, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read platforms");
	return 0;
}

/*
 * Is text the id of a thread or post of the store? Open edX and xAPI
 * logs name the thread a forum event is about: that is talk, counted in
 * its own section, not a resource. Looked up per platform, where
 * (platform, external_id) is indexed.
 */
static int
is_talk(const struct platforms *p, sqlite3_stmt *find, const char *text)
{
	size_t i;
	int found = 0;

	for (i = 0; !found && i < p->n; i++) {
		sqlite3_reset(find);
		sqlite3_bind_text(find, 1, p->v[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(find, 2, text, -1, SQLITE_TRANSIENT);
		found = sqlite3_step(find) == SQLITE_ROW;
	}
	return found;
}

/* The names of log->object, NULL for what is no resource. */
static int
object_names(struct lcm_store *st, struct lcm_report_log *log, struct lcm_err *err)
{
	struct platforms p = { NULL, 0 };
	sqlite3_stmt *s = NULL, *find = NULL;
	const char *text;
	size_t i = 0;
	int rc = -1;

	log->name = lcm_xcalloc(log->nobjects ? log->nobjects : 1, sizeof(*log->name));
	if (read_platforms(st, &p, err) < 0)
		goto out;
	s = lcm_store_prepare(st, "SELECT text, coalesce(label, text) FROM term WHERE id = ?1", err);
	if (!s)
		goto out;
	find = lcm_store_prepare(st, "SELECT 1 FROM thread WHERE platform = ?1 AND external_id = ?2"
				 " UNION ALL SELECT 1 FROM post WHERE platform = ?1"
				 " AND external_id = ?2", err);
	if (!find)
		goto out;
	for (i = 0; i < log->nobjects; i++) {
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, log->object[i]);
		if (sqlite3_step(s) != SQLITE_ROW)
			break;
		text = (const char *)sqlite3_column_text(s, 0);
		if (text && resource_name(text) && !is_talk(&p, find, text))
			log->name[i] = column_dup(s, 1);
	}
	if (i < log->nobjects)
		lcm_store_fail(st, err, "cannot read names of objects");
	else
		rc = 0;
out:
	sqlite3_finalize(s);
	sqlite3_finalize(find);
	for (i = 0; i < p.n; i++)
		free(p.v[i]);
	free(p.v);
	return rc;
}

/* For qsort and bsearch of int64_t. */
static int
cmp_int64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

int
lcm_report_log_load(struct lcm_store *st, const struct lcm_engage *e,
		    struct lcm_report_log **out, struct lcm_err *err)
{
	struct lcm_report_log *log = lcm_xcalloc(1, sizeof(*log));
	sqlite3_stmt *s;
	size_t cap = 0, i, k;
	int rc;

	*out = log;
	/* the period's rows are a few: a scan beats the person index */
	s = lcm_store_prepare(st, "SELECT coalesce(object, 0), person_id, coalesce(course_id, 0)"
			      " FROM event NOT INDEXED WHERE ts >= ?1 AND ts < ?2"
			      " AND person_id IS NOT NULL", err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, e->o.since);
	sqlite3_bind_int64(s, 2, e->o.until);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		k = lcm_engage_find(e, sqlite3_column_int64(s, 1));
		if (k == LCM_NONE)
			continue;
		if (log->n == cap) {
			cap = cap ? cap * 2 : 1024;
			log->ev = lcm_xreallocarray(log->ev, cap, sizeof(*log->ev));
		}
		log->ev[log->n][0] = sqlite3_column_int64(s, 0);
		log->ev[log->n][1] = (int64_t)k;
		log->ev[log->n++][2] = sqlite3_column_int64(s, 2);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read events");
	log->object = lcm_xreallocarray(NULL, log->n ? log->n : 1, sizeof(*log->object));
	for (i = 0; i < log->n; i++)
		if (log->ev[i][0])
			log->object[log->nobjects++] = log->ev[i][0];
	if (log->nobjects)
		qsort(log->object, log->nobjects, sizeof(*log->object), cmp_int64);
	for (i = 0, k = 0; i < log->nobjects; i++)
		if (i == 0 || log->object[i] != log->object[i - 1])
			log->object[k++] = log->object[i];
	log->nobjects = k;
	return object_names(st, log, err);
}

void
lcm_report_log_free(struct lcm_report_log *log)
{
	size_t i;

	if (!log)
		return;
	for (i = 0; log->name && i < log->nobjects; i++)
		free(log->name[i]);
	free(log->name);
	free(log->object);
	free(log->ev);
	free(log);
}

/* Resources by events, people, then name. */
static int
cmp_resource(const void *a, const void *b)
{
	const struct lcm_report_resource *x = a, *y = b;

	if (x->events != y->events)
		return x->events > y->events ? -1 : 1;
	if (x->people != y->people)
		return x->people > y->people ? -1 : 1;
	return strcmp(x->name, y->name);
}

void
lcm_report_resources(const struct lcm_report_log *log, const struct lcm_engage *e,
		     const struct lcm_report_scope *sc, int top, struct lcm_report *r)
{
	struct lcm_report_resource *v;
	int64_t (*pairs)[2], *events, *people;
	size_t i, k, n = 0, slot;

	if (!log)
		return;
	pairs = lcm_xreallocarray(NULL, log->n ? log->n : 1, sizeof(*pairs));
	events = lcm_xcalloc(log->nobjects + 1, sizeof(*events));
	people = lcm_xcalloc(log->nobjects + 1, sizeof(*people));
	for (i = 0; i < log->n; i++) {
		k = (size_t)log->ev[i][1];
		/* learners only: what trainers open says little of the course */
		if (e->persons[k].staff || (sc->split == LCM_SPLIT_COURSE ?
		    !lcm_report_course_in(sc, log->ev[i][2]) : !sc->member[k]))
			continue;
		r->events++;
		if (!log->ev[i][0])
			continue;
		slot = (size_t)((int64_t *)bsearch(&log->ev[i][0], log->object, log->nobjects,
						   sizeof(*log->object), cmp_int64) - log->object);
		if (!log->name[slot])
			continue;
		events[slot]++;
		pairs[n][0] = (int64_t)slot;
		pairs[n++][1] = (int64_t)k;
	}
	count_people(pairs, n, people);
	v = lcm_xcalloc(log->nobjects ? log->nobjects : 1, sizeof(*v));
	for (i = 0, n = 0; i < log->nobjects; i++) {
		if (!events[i])
			continue;
		v[n].name = log->name[i];
		v[n].events = events[i];
		v[n++].people = people[i];
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_resource);
	r->nresources = n < (size_t)top ? n : (size_t)top;
	r->resources = lcm_xcalloc(r->nresources ? r->nresources : 1, sizeof(*r->resources));
	for (i = 0; i < r->nresources; i++) {
		r->resources[i] = v[i];
		r->resources[i].name = lcm_xstrdup(v[i].name);
	}
	free(v);
	free(pairs);
	free(events);
	free(people);
}
