/*
 * engage_score.c - the risk score of lcm-engage --score: the figures
 * behind the reasons inactive and behind and behind the level, each made
 * a place in [0, 1] within the person's own cohort, and averaged. No
 * weight is fitted to any data: each part says one documented thing.
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
cmp_cohort(const struct member *x, const struct member *y)
{
	if (!x->cohort || !y->cohort)
		return (x->cohort != NULL) - (y->cohort != NULL);
	return strcmp(x->cohort, y->cohort);
}

/* By cohort, then by figure. */
static int
cmp_member(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	int c = cmp_cohort(x, y);

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
		for (k = i + 1; k < n && cmp_cohort(&m[i], &m[k]) == 0; k++)
			;
		if (skip && m[k - 1].v == 0)
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

/*
 * Credit earned before the period's end into credit[] (by person index):
 * each completion's score (0 to 1), or 1 for one completed without a
 * score (the states of "behind"). What was achieved, not only ticked:
 * a failed assessment is not worth a passed one, nor nothing.
 */
static int
earned(struct lcm_store *st, const struct lcm_engage *e, double *credit,
       struct lcm_err *err)
{
	sqlite3_stmt *s;
	size_t i;
	int rc;

	s = lcm_store_prepare(st, "SELECT person_id, sum(CASE WHEN score IS NOT NULL"
			      " THEN score WHEN state LIKE 'complete%' OR state LIKE 'passed'"
			      " OR state LIKE 'done' OR state LIKE 'termin%' THEN 1 ELSE 0 END)"
			      " FROM completion WHERE ts IS NULL OR ts < ?1 GROUP BY person_id", err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, e->o.until);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		i = lcm_engage_find(e, sqlite3_column_int64(s, 0));
		if (i != LCM_NONE)
			credit[i] = sqlite3_column_double(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read completions");
	return 0;
}

int
lcm_engage_scores(struct lcm_store *st, const struct lcm_engage *e, double *out,
		  struct lcm_err *err)
{
	double *credit = lcm_xcalloc(e->npersons ? e->npersons : 1, sizeof(*credit));
	struct member *m = lcm_xreallocarray(NULL, e->npersons ? e->npersons : 1, sizeof(*m));
	int *parts = lcm_xcalloc(e->npersons ? e->npersons : 1, sizeof(*parts));
	size_t i, n = 0;
	double r;
	int rc = -1;

	if (earned(st, e, credit, err) < 0)
		goto out;

	for (i = 0; i < e->npersons; i++) {
		const struct lcm_engage_person *p = &e->persons[i];

		out[i] = NAN;
		if (p->staff || (p->reasons & LCM_REASON_NOT_ENOUGH_DATA))
			continue;
		out[i] = 0;
		m[n].i = i;
		m[n].cohort = p->cohort;
		m[n++].v = (double)p->active_days;
	}
	place(m, n, out, parts, 0);
	for (i = 0; i < n; i++)
		m[i].v = credit[m[i].i];
	place(m, n, out, parts, 1);
	for (i = 0; i < n; i++) {
		const struct lcm_engage_person *p = &e->persons[m[i].i];

		/* how long unseen, as a share of what makes a person inactive */
		if (p->last_seen == INT64_MIN || e->o.inactive_after <= 0)
			r = 1;
		else
			r = fmin(1, (double)(e->o.until - p->last_seen) /
				 (double)e->o.inactive_after);
		out[m[i].i] = (out[m[i].i] + r) / (parts[m[i].i] + 1);
	}
	rc = 0;
out:
	free(m);
	free(parts);
	free(credit);
	return rc;
}
