/*
 * engage_score.c - the risk score of lcm-engage --score: the figures the
 * literature on early warning finds telling (days active, regularity,
 * time unseen; for assessments, what was earned and how late), each made a place in [0, 1] within the person's own
 * cohort, and averaged in two equal halves, activity and assessment.
 * No weight is fitted to any data: each part says one documented thing,
 * and cohort-relative places carry from one course to another where raw
 * counts do not. See lcm-engage(1), "How good the flags are".
 */
#include "engage_score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "xalloc.h"

/* One judged member of a cohort and the figure being ranked. */
struct member {
	size_t i;
	const char *cohort;
	double v;
};

/* Cohorts compared, NULL (no cohort) first. */
static int
cmp_cohort(const char *x, const char *y)
{
	if (!x || !y)
		return (x != NULL) - (y != NULL);
	return strcmp(x, y);
}

/* By cohort, then by figure. */
static int
cmp_member(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	int c = cmp_cohort(x->cohort, y->cohort);

	return c ? c : (x->v > y->v) - (x->v < y->v);
}

/*
 * Sorts m[0..n) and adds to part[i] the share of the other members of
 * i's cohort with a larger figure, ties counting half (0.5 alone),
 * counting it in parts[i]. With skip, a cohort where every figure is 0
 * adds nothing: no completions at all says nothing of anyone.
 */
static void
place(struct member *m, size_t n, double *part, int *parts, int skip)
{
	size_t i, k, j, t, q;
	double share;

	qsort(m, n, sizeof(*m), cmp_member);
	for (i = 0; i < n; i = k) {
		for (k = i + 1; k < n && cmp_cohort(m[i].cohort, m[k].cohort) == 0; k++)
			;
		if (skip && m[i].v == 0 && m[k - 1].v == 0)
			continue;
		for (j = i; j < k; j = t) {
			for (t = j + 1; t < k && m[t].v == m[j].v; t++)
				;
			/* k - t members above, t - j - 1 others equal */
			share = k - i > 1 ? ((double)(k - t) + 0.5 * (double)(t - j - 1)) /
				(double)(k - i - 1) : 0.5;
			for (q = j; q < t; q++) {
				part[m[q].i] += share;
				parts[m[q].i]++;
			}
		}
	}
}

/* One completion before the period's end by a judged person. */
struct done {
	size_t i;		/* person index */
	const char *cohort;
	int64_t item, ts;	/* ts: INT64_MIN when unknown */
	double credit;
};

static int
cmp_done(const void *a, const void *b)
{
	const struct done *x = a, *y = b;
	int c = cmp_cohort(x->cohort, y->cohort);

	if (c)
		return c;
	if (x->item != y->item)
		return (x->item > y->item) - (x->item < y->item);
	return (x->ts > y->ts) - (x->ts < y->ts);
}

/*
 * Completions before the period's end of the judged persons (judged[i])
 * into *d (the caller frees): each with its credit, the score (0 to 1),
 * or 1 for one completed without a score (the states of "behind"), 0
 * otherwise. What was achieved, not only ticked. 0, or -1 with err.
 */
static int
load_done(struct lcm_store *st, const struct lcm_engage *e, const unsigned char *judged,
	  struct done **d, size_t *nd, struct lcm_err *err)
{
	sqlite3_stmt *s;
	size_t i, cap = 0;
	int rc;

	*d = NULL;
	*nd = 0;
	s = lcm_store_prepare(st, "SELECT person_id, item_id, ts, CASE WHEN score IS NOT NULL"
			      " THEN score WHEN state LIKE 'complete%' OR state LIKE 'passed'"
			      " OR state LIKE 'done' OR state LIKE 'termin%' THEN 1 ELSE 0 END"
			      " FROM completion WHERE ts IS NULL OR ts < ?1", err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, e->o.until);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		i = lcm_engage_find(e, sqlite3_column_int64(s, 0));
		if (i == LCM_NONE || !judged[i])
			continue;
		if (*nd == cap) {
			cap = cap ? 2 * cap : 64;
			*d = lcm_xreallocarray(*d, cap, sizeof(**d));
		}
		(*d)[*nd].i = i;
		(*d)[*nd].cohort = e->persons[i].cohort;
		(*d)[*nd].item = sqlite3_column_int64(s, 1);
		(*d)[*nd].ts = sqlite3_column_type(s, 2) == SQLITE_NULL ? INT64_MIN :
			sqlite3_column_int64(s, 2);
		(*d)[*nd].credit = sqlite3_column_double(s, 3);
		(*nd)++;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read completions");
	return 0;
}

/* A cohort's total of days from its due items' medians to the period's end. */
struct owed {
	const char *cohort;
	double days;
};

/*
 * The assessment half's two figures, credit[] and late[] (days), over
 * the items due in each cohort: an item is due once at least half of
 * the cohort's judged members (size[i]) completed it, and its due time
 * is the median time they did (the store keeps no deadline). Credit is
 * what was earned on due items; lateness is the days past that median,
 * and for a due item not completed, the days from it to the period's
 * end. m[0..n): the judged members sorted by cohort. due[i]: i's cohort
 * has a due item.
 */
static void
assess(const struct lcm_engage *e, struct done *d, size_t nd, const struct member *m,
       size_t n, const size_t *size, double *credit, double *late, unsigned char *due)
{
	struct owed *ow = lcm_xreallocarray(NULL, nd ? nd : 1, sizeof(*ow));
	size_t a, b, k, timed, now = 0, j = 0;
	int64_t median;
	double days;

	if (nd)	/* d may be NULL then */
		qsort(d, nd, sizeof(*d), cmp_done);
	for (a = 0; a < nd; a = b) {
		for (b = a + 1; b < nd && cmp_cohort(d[a].cohort, d[b].cohort) == 0 &&
		     d[a].item == d[b].item; b++)
			;
		if (2 * (b - a) < size[d[a].i])
			continue;
		for (timed = a; timed < b && d[timed].ts == INT64_MIN; timed++)
			;
		/* rows are by time, unknown first: the median of the known */
		median = timed < b ? d[timed + (b - timed) / 2].ts : e->o.until;
		days = (double)(e->o.until - median) / LCM_DAY;
		if (!now || cmp_cohort(ow[now - 1].cohort, d[a].cohort) != 0) {
			ow[now].cohort = d[a].cohort;
			ow[now++].days = 0;
		}
		ow[now - 1].days += days;
		for (k = a; k < b; k++) {
			credit[d[k].i] += d[k].credit;
			/* done: owes not the days to the end but those past the median */
			late[d[k].i] -= days;
			if (d[k].ts != INT64_MIN && d[k].ts > median)
				late[d[k].i] += (double)(d[k].ts - median) / LCM_DAY;
		}
	}
	/* every member owes every due item of its cohort: both sorted by cohort */
	for (k = 0; k < n; k++) {
		while (j < now && cmp_cohort(ow[j].cohort, m[k].cohort) < 0)
			j++;
		if (j < now && cmp_cohort(ow[j].cohort, m[k].cohort) == 0) {
			due[m[k].i] = 1;
			late[m[k].i] += ow[j].days;
		}
	}
	free(ow);
}

/* Ranks the figure v[] of the members m[0..n) into part and parts. */
static void
rank(struct member *m, size_t n, const double *v, double *part, int *parts, int skip)
{
	size_t i;

	for (i = 0; i < n; i++)
		m[i].v = v[m[i].i];
	place(m, n, part, parts, skip);
}

int
lcm_engage_scores(struct lcm_store *st, const struct lcm_engage *e, double *out,
		  struct lcm_err *err)
{
	size_t np = e->npersons ? e->npersons : 1, i, k, n = 0;
	double *fig = lcm_xcalloc(np, sizeof(*fig));
	double *credit = lcm_xcalloc(np, sizeof(*credit));
	double *late = lcm_xcalloc(np, sizeof(*late));
	double *act = lcm_xcalloc(np, sizeof(*act));
	double *as = lcm_xcalloc(np, sizeof(*as));
	int *nact = lcm_xcalloc(np, sizeof(*nact));
	int *nas = lcm_xcalloc(np, sizeof(*nas));
	size_t *size = lcm_xcalloc(np, sizeof(*size));
	unsigned char *judged = lcm_xcalloc(np, 1), *due = lcm_xcalloc(np, 1);
	struct member *m = lcm_xreallocarray(NULL, np, sizeof(*m));
	struct done *d = NULL;
	size_t nd = 0;
	double r;
	int rc = -1;

	for (i = 0; i < e->npersons; i++) {
		const struct lcm_engage_person *p = &e->persons[i];

		out[i] = NAN;
		if (p->staff || (p->reasons & LCM_REASON_NOT_ENOUGH_DATA))
			continue;
		judged[i] = 1;
		m[n].i = i;
		m[n].cohort = p->cohort;
		m[n++].v = 0;
	}
	/*
	 * Distinct objects opened (breadth) was tried too: as telling, but
	 * count(DISTINCT) over the events takes 15 s at scale M.
	 */
	if (load_done(st, e, judged, &d, &nd, err) < 0)
		goto out;
	/* activity: days and weeks active */
	for (i = 0; i < e->npersons; i++)
		fig[i] = (double)e->persons[i].active_days;
	rank(m, n, fig, act, nact, 0);
	for (i = 0; i < e->npersons; i++)
		fig[i] = (double)e->persons[i].active_weeks;
	rank(m, n, fig, act, nact, 0);
	/* m is by cohort now: each member's cohort size */
	for (i = 0; i < n; i = k) {
		for (k = i + 1; k < n && cmp_cohort(m[i].cohort, m[k].cohort) == 0; k++)
			;
		for (size_t q = i; q < k; q++)
			size[m[q].i] = k - i;
	}
	assess(e, d, nd, m, n, size, credit, late, due);
	/* assessment: credit earned, then lateness (less late ranks better) */
	for (i = 0; i < e->npersons; i++)
		late[i] = -late[i];
	rank(m, n, credit, as, nas, 0);
	rank(m, n, late, as, nas, 0);
	for (i = 0; i < n; i++) {
		const struct lcm_engage_person *p = &e->persons[m[i].i];
		size_t x = m[i].i;

		/* how long unseen, as a share of what makes a person inactive */
		if (p->last_seen == INT64_MIN || e->o.inactive_after <= 0)
			r = 1;
		else
			r = fmin(1, (double)(e->o.until - p->last_seen) /
				 (double)e->o.inactive_after);
		out[x] = (act[x] + r) / (nact[x] + 1);
		if (due[x])
			out[x] = (out[x] + as[x] / nas[x]) / 2;
	}
	rc = 0;
out:
	free(d);
	free(m);
	free(fig);
	free(credit);
	free(late);
	free(act);
	free(as);
	free(nact);
	free(nas);
	free(size);
	free(judged);
	free(due);
	return rc;
}
