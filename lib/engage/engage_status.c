/*
 * engage_status.c - levels, reasons and statuses from the per-person
 * figures, and the orders rows are listed in: see engage.h.
 *
 * Every verdict is a rule written once here and in lcm-engage(1): a
 * flag the community manager cannot explain is a flag they cannot act on.
 */
#include "engage.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pseudo.h"
#include "xalloc.h"

double
lcm_engage_quantile(const double *sorted, size_t n, double p)
{
	double h = (double)(n - 1) * p;
	size_t lo = (size_t)h;

	if (lo + 1 >= n)
		return sorted[n - 1];
	return sorted[lo] + (h - (double)lo) * (sorted[lo + 1] - sorted[lo]);
}

const char *
lcm_engage_status_name(enum lcm_engage_status s)
{
	static const char *const names[] = {
		[LCM_STATUS_NEVER] = "never", [LCM_STATUS_INACTIVE] = "inactive",
		[LCM_STATUS_AT_RISK] = "at-risk", [LCM_STATUS_ACTIVE] = "active",
		[LCM_STATUS_STAFF] = "staff",
	};

	return names[s];
}

void
lcm_engage_reasons(const struct lcm_engage_person *p, struct lcm_buf *b)
{
	static const char *const codes[] = {
		"inactive", "declining", "isolated", "unanswered", "lurker", "behind",
		"not-enough-data"
	};
	size_t i;

	lcm_buf_reset(b);
	for (i = 0; i < sizeof(codes) / sizeof(*codes); i++) {
		if (!(p->reasons & (1u << i)))
			continue;
		if (b->len)
			lcm_buf_addc(b, ';');
		lcm_buf_adds(b, codes[i]);
		if (i == 0)
			lcm_buf_printf(b, ":%lldd", (long long)p->inactive_days);
	}
}

/* Items completed before the period's end, per person. */
static int
completions(struct lcm_store *st, struct lcm_engage *e, struct lcm_err *err)
{
	sqlite3_stmt *s;
	size_t i;
	int rc;

	s = lcm_store_prepare(st, "SELECT person_id, count(*) FROM completion"
			      " WHERE (ts IS NULL OR ts < ?1) AND (state LIKE 'complete%'"
			      " OR state LIKE 'passed' OR state LIKE 'done' OR state LIKE 'termin%')"
			      " GROUP BY person_id", err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, e->o.until);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		i = lcm_engage_find(e, sqlite3_column_int64(s, 0));
		if (i != LCM_NONE)
			e->persons[i].completions = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read completions");
	return 0;
}

/*
 * Questions of the period still without a peer reply after 48 hours, by
 * lcm-unanswered's peer rule (unanswered.c): a thread whose first post
 * asks and that has no live public post by anyone else, or a question
 * post inside a thread with no such direct reply. Worked out here from
 * the posts in memory: the same query through SQL takes seconds on a
 * million posts. Replies after the period's end do not count.
 */
static void
unanswered(struct lcm_engage *e)
{
	unsigned char *answered;
	int64_t last = e->o.until - LCM_ENGAGE_ANSWER_WAIT;
	size_t i, p;

	answered = lcm_xcalloc(e->nposts ? e->nposts : 1, 1);
	for (i = 0; i < e->nposts; i++) {
		p = e->posts[i].parent;
		if (!e->posts[i].hidden && p != LCM_NONE &&
		    e->posts[i].author != e->posts[p].author)
			answered[p] = 1;
	}
	for (i = 0; i < e->nposts; i++) {
		const struct lcm_engage_post *q = &e->posts[i];

		if (q->hidden || !q->question || q->author == LCM_NONE ||
		    q->created < e->o.since || q->created > last)
			continue;
		if (q->reply ? answered[i] : q->thread == LCM_NONE ||
		    e->threads[q->thread].first_peer != INT64_MAX)
			continue;
		e->persons[q->author].reasons |= LCM_REASON_UNANSWERED;
	}
	free(answered);
}

static int
cmp_cohort(const void *a, const void *b, const struct lcm_engage *e)
{
	const char *x = e->persons[*(const size_t *)a].cohort;
	const char *y = e->persons[*(const size_t *)b].cohort;

	if (!x || !y)
		return (x != NULL) - (y != NULL);
	return strcmp(x, y);
}

/* Sorting learners by cohort: an index array paired with its engage. */
struct by_cohort {
	size_t i;
	const struct lcm_engage *e;
};

static int
cmp_by_cohort(const void *a, const void *b)
{
	const struct by_cohort *x = a, *y = b;
	int c = cmp_cohort(&x->i, &y->i, x->e);

	return c ? c : (x->i > y->i) - (x->i < y->i);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/*
 * Levels and "behind" within one cohort (members v[0..n)): quartiles of
 * the activity, and of completions, of its active members.
 */
static void
judge_cohort(struct lcm_engage *e, const struct by_cohort *v, size_t n, double *tmp)
{
	struct lcm_engage_person *p;
	size_t i, k = 0, done = 0;
	double q1, q3, c1 = 0;

	for (i = 0; i < n; i++) {
		p = &e->persons[v[i].i];
		if (p->activity > 0) {
			tmp[k++] = (double)p->activity;
			done += p->completions > 0;
		}
	}
	if (k < LCM_ENGAGE_MIN_ACTIVE) {
		for (i = 0; i < n; i++)
			e->persons[v[i].i].reasons |= LCM_REASON_NOT_ENOUGH_DATA;
		return;
	}
	qsort(tmp, k, sizeof(*tmp), cmp_double);
	q1 = lcm_engage_quantile(tmp, k, 0.25);
	q3 = lcm_engage_quantile(tmp, k, 0.75);
	if (done) {
		for (i = 0, k = 0; i < n; i++) {
			p = &e->persons[v[i].i];
			if (p->activity > 0)
				tmp[k++] = (double)p->completions;
		}
		qsort(tmp, k, sizeof(*tmp), cmp_double);
		c1 = lcm_engage_quantile(tmp, k, 0.25);
	}
	for (i = 0; i < n; i++) {
		p = &e->persons[v[i].i];
		if (p->activity == 0)
			p->level = 0;
		else
			p->level = (double)p->activity < q1 ? 1 : (double)p->activity < q3 ? 2 : 3;
		if (done && (double)p->completions < c1)
			p->reasons |= LCM_REASON_BEHIND;
	}
}

/*
 * Each learner's status from the reasons gathered so far. forum: the
 * store has a live post before the period's end, by anyone.
 */
static void
status_of(struct lcm_engage *e, struct lcm_engage_person *p, int forum)
{
	unsigned risk = LCM_REASON_DECLINING | LCM_REASON_ISOLATED |
		LCM_REASON_UNANSWERED | LCM_REASON_LURKER | LCM_REASON_BEHIND;
	int64_t posts = p->threads + p->replies;

	/* inactive: nothing in [until - inactive_after, until), half-open as periods are */
	if (p->last_seen != INT64_MIN && e->o.until - p->last_seen > e->o.inactive_after) {
		p->reasons |= LCM_REASON_INACTIVE;
		p->inactive_days = (e->o.until - p->last_seen) / LCM_DAY;
	}
	if (p->before >= LCM_ENGAGE_DECLINE_MIN && p->trend < LCM_ENGAGE_DECLINE)
		p->reasons |= LCM_REASON_DECLINING;
	if (posts >= LCM_ENGAGE_ISOLATED_POSTS && p->peers == 0)
		p->reasons |= LCM_REASON_ISOLATED;
	/*
	 * lurker: reads but does not post where others do. Where nobody has
	 * ever posted (OULAD, a plain LMS log: no forum) it would flag
	 * everyone and say nothing of anyone.
	 */
	if (forum && p->events > 0 && posts == 0)
		p->reasons |= LCM_REASON_LURKER;
	if (p->reasons & LCM_REASON_NOT_ENOUGH_DATA)	/* no verdict but facts */
		p->reasons &= LCM_REASON_INACTIVE | LCM_REASON_NOT_ENOUGH_DATA;
	if (p->last_seen == INT64_MIN)
		p->status = LCM_STATUS_NEVER;
	else if (p->reasons & LCM_REASON_INACTIVE)
		p->status = LCM_STATUS_INACTIVE;
	else if (p->reasons & risk)
		p->status = LCM_STATUS_AT_RISK;
	else
		p->status = LCM_STATUS_ACTIVE;
}

int
lcm_engage_judge(struct lcm_store *st, struct lcm_engage *e, struct lcm_err *err)
{
	struct by_cohort *v;
	double *tmp;
	size_t i, k, n = 0;
	int forum = 0;

	if (completions(st, e, err) < 0)
		return -1;
	for (i = 0; i < e->nposts && !forum; i++)
		forum = !e->posts[i].hidden;
	unanswered(e);
	v = lcm_xreallocarray(NULL, e->npersons ? e->npersons : 1, sizeof(*v));
	tmp = lcm_xreallocarray(NULL, e->npersons ? e->npersons : 1, sizeof(*tmp));
	for (i = 0; i < e->npersons; i++) {
		struct lcm_engage_person *p = &e->persons[i];

		p->trend = p->recent || p->before ?
			(double)p->recent / (double)(p->before ? p->before : 1) : NAN;
		if (p->staff) {
			p->reasons = 0;
			p->status = LCM_STATUS_STAFF;
			continue;
		}
		v[n].i = i;
		v[n++].e = e;
	}
	qsort(v, n, sizeof(*v), cmp_by_cohort);
	for (i = 0; i < n; i = k) {
		for (k = i + 1; k < n && cmp_cohort(&v[i].i, &v[k].i, e) == 0; k++)
			;
		judge_cohort(e, v + i, k - i, tmp);
	}
	for (i = 0; i < n; i++)
		status_of(e, &e->persons[v[i].i], forum);
	free(v);
	free(tmp);
	return 0;
}

/*
 * Natural order: runs of digits compare as numbers ("moodle:7" before
 * "moodle:58"), the rest byte by byte; ids equal that way ("007", "7")
 * fall back to bytes, so that the order is total.
 */
int
lcm_engage_idcmp(const char *a, const char *b)
{
	const char *x = a, *y = b, *xe, *ye;
	size_t lx, ly;
	int c;

	while (*x && *y) {
		if (isdigit((unsigned char)*x) && isdigit((unsigned char)*y)) {
			while (*x == '0' && isdigit((unsigned char)x[1]))
				x++;
			while (*y == '0' && isdigit((unsigned char)y[1]))
				y++;
			for (xe = x; isdigit((unsigned char)*xe); xe++)
				;
			for (ye = y; isdigit((unsigned char)*ye); ye++)
				;
			lx = (size_t)(xe - x);
			ly = (size_t)(ye - y);
			if (lx != ly)
				return lx < ly ? -1 : 1;
			if ((c = strncmp(x, y, lx)))
				return c;
			x = xe;
			y = ye;
			continue;
		}
		if (*x != *y)
			return (unsigned char)*x < (unsigned char)*y ? -1 : 1;
		x++;
		y++;
	}
	if (*x || *y)
		return *x ? 1 : -1;
	return strcmp(a, b);
}

int
lcm_engage_person_cmp(const struct lcm_engage *e, const struct lcm_engage_person *a,
		      const struct lcm_engage_person *b)
{
	int c = e->pseudonymized ? strcmp(a->person, b->person) :
		lcm_engage_idcmp(a->person, b->person);

	return c ? c : strcmp(a->key, b->key);
}

/* Orders of the three views; the engage is passed with each index. */
struct ranked {
	size_t i;
	const struct lcm_engage *e;
	enum lcm_engage_view v;
};

static int
cmp_i64_desc(int64_t x, int64_t y)
{
	return (x < y) - (x > y);
}

static int
cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	const struct lcm_engage_person *p = &x->e->persons[x->i], *q = &x->e->persons[y->i];
	int c = 0;

	if (x->v == LCM_VIEW_AT_RISK) {
		if (p->status != q->status)
			return (int)p->status - (int)q->status;
		if (p->last_seen != q->last_seen)
			return p->last_seen < q->last_seen ? -1 : 1;
	} else if (x->v == LCM_VIEW_PRAISE) {
		if ((c = cmp_i64_desc(p->answers_given, q->answers_given)) ||
		    (c = cmp_i64_desc(p->accepted, q->accepted)) ||
		    (c = cmp_i64_desc(p->replies_received, q->replies_received)) ||
		    (c = cmp_i64_desc(p->peers, q->peers)))
			return c;
	}
	if ((c = lcm_engage_person_cmp(x->e, p, q)))
		return c;
	return (x->i > y->i) - (x->i < y->i);
}

/* Does person p belong in view v? */
static int
wanted(const struct lcm_engage_person *p, enum lcm_engage_view v)
{
	switch (v) {
	case LCM_VIEW_AT_RISK:
		return p->status == LCM_STATUS_AT_RISK || p->status == LCM_STATUS_INACTIVE ||
			p->status == LCM_STATUS_NEVER;
	case LCM_VIEW_PRAISE:
		return !p->staff && p->answers_given + p->accepted + p->replies_received +
			p->peers > 0;
	default:
		return 1;
	}
}

size_t
lcm_engage_select(const struct lcm_engage *e, enum lcm_engage_view v,
		  size_t *idx, size_t n, size_t top)
{
	struct ranked *r = lcm_xreallocarray(NULL, n ? n : 1, sizeof(*r));
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (!wanted(&e->persons[idx[i]], v))
			continue;
		r[k].i = idx[i];
		r[k].e = e;
		r[k++].v = v;
	}
	qsort(r, k, sizeof(*r), cmp_ranked);
	if (top && k > top)
		k = top;
	for (i = 0; i < k; i++)
		idx[i] = r[i].i;
	free(r);
	return k;
}

void
lcm_engage_pseudonymize(struct lcm_engage *e, const char *key)
{
	struct lcm_engage_person *p;
	size_t i;

	e->pseudonymized = 1;
	for (i = 0; i < e->npersons; i++) {
		p = &e->persons[i];
		free(p->person);
		p->person = lcm_pseudonym_dup(key, p->key);
		free(p->name);
		p->name = NULL;
		if (p->manager) {
			char *m = lcm_pseudonym_dup(key, p->manager);

			free(p->manager);
			p->manager = m;
		}
	}
}
