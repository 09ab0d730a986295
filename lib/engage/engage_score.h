/*
 * engage_score.h - the ordered risk score behind lcm-engage's status
 * (--score): higher is more at risk. See lcm-engage(1).
 */
#ifndef LCM_ENGAGE_SCORE_H
#define LCM_ENGAGE_SCORE_H

#include "engage.h"

/*
 * The risk score of every person of e (judged: lcm_engage_load) into
 * out[0..e->npersons), from 0 to 1: the mean of two halves. Activity:
 * the person's places in their cohort (the share of its other members
 * doing better, ties half) by days active and weeks active in the period, and the time since last_seen over
 * inactive_after, capped at 1 (never seen: 1). Assessment, when the
 * cohort has an item due (completed by at least half of it, due at the
 * median time): places by credit earned on due items and by lateness.
 * NaN for staff and for members of a cohort with not-enough-data. out
 * is the caller's. 0, or -1 with err filled.
 */
int lcm_engage_scores(struct lcm_store *st, const struct lcm_engage *e, double *out,
		      struct lcm_err *err);

#endif
