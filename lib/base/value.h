/*
 * value.h - one validation per value, shared by every reader: what
 * lcm-import stores, every program accepts, and a store row written by
 * an older lcm (or by hand) is checked by the same rule when read back.
 *
 *	score		a decimal number from 0 to 1 (finite; no hex, nan, inf)
 *	duration	whole minutes from 0 to LCM_DURATION_MAX
 *	level		a whole number from 0 to LCM_LEVEL_MAX
 *
 * The text forms fill err with "column 'COL': ..." (no location: the
 * caller adds file:line) and return -1; the _ok forms say whether a
 * value already read (a JSON number, a store column) is in range.
 */
#ifndef LCM_VALUE_H
#define LCM_VALUE_H

#include <stdint.h>

#include "err.h"

/* Most minutes of a brick: 1000000 (about two years of days). */
#define LCM_DURATION_MAX INT64_C(1000000)
/* Highest level of a brick. */
#define LCM_LEVEL_MAX INT64_C(1000)

/*
 * A score: digits with an optional fraction and exponent ("0.75",
 * ".5", "1", "5e-1"), from 0 to 1, finite and not rounded to 0 from a
 * smaller value ("1e-400"). No sign, space, "nan", "inf" or hex
 * ("0x1p-1"). "column 'COL': not a number from 0 to 1: 'v'".
 */
int lcm_value_score(const char *col, const char *v, double *out, struct lcm_err *err);

/* 1 when s is a score: finite, from 0 to 1. */
int lcm_value_score_ok(double s);

/*
 * A whole number from 0 to max: digits only (no sign, no space).
 * "column 'COL': not a number: 'v'", or "...: not from 0 to MAX: 'v'"
 * (an overflowing number too). An empty v is "column 'COL' is empty".
 */
int lcm_value_count(const char *col, const char *v, int64_t max, int64_t *out,
		    struct lcm_err *err);

/* A duration in minutes: lcm_value_count up to LCM_DURATION_MAX. */
int lcm_value_duration(const char *col, const char *v, int64_t *out,
		       struct lcm_err *err);

/* A level: lcm_value_count up to LCM_LEVEL_MAX. */
int lcm_value_level(const char *col, const char *v, int64_t *out,
		    struct lcm_err *err);

/* 1 when n is from 0 to max. */
int lcm_value_count_ok(int64_t n, int64_t max);

/*
 * 1 when a completion state means done: it starts, in any case, with
 * complet, pass, done, finished, termin, réussi or valid ("Completed
 * (achieved pass grade)", "passed"); 0 for "Not completed", "failed"
 * or NULL. Every program reads a state with this one rule.
 */
int lcm_state_is_done(const char *state);

#endif
