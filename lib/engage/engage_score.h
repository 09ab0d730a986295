/*
 * engage_score.h - the ordered risk score behind lcm-engage's status
 * (--score): higher is more at risk. See lcm-engage(1).
 */
#ifndef LCM_ENGAGE_SCORE_H
#define LCM_ENGAGE_SCORE_H

#include "engage.h"

/*
 * The risk score of every person of e (judged: lcm_engage_load) into
 * out[0..e->npersons), from 0 to 1: the mean of three parts, each from
 * 0 to 1. Two places in the person's cohort, the share of its other
 * members doing better (ties count half): by days active in the period,
 * and by credit earned before its end (each completion's score, 1 for
 * an item completed without one; left out when nobody in the cohort has
 * any). And the time since last_seen over inactive_after, capped at 1
 * (never seen: 1). NaN for staff and for members of a cohort with
 * not-enough-data. out is the caller's. 0, or -1 with err filled.
 */
int lcm_engage_scores(struct lcm_store *st, const struct lcm_engage *e, double *out,
		      struct lcm_err *err);

#endif
