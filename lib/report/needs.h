/*
 * needs.h - training needs: what learners ask about. The themes of the
 * period's questions (thread-opening posts by learners: role 'learner',
 * not staff or experts), each with how many questions hold it against
 * the periods of the same length before, the share nobody answered by
 * the period's end, the median time to the first answer (a later post
 * of the thread by someone else), and the catalogue's bricks that teach
 * it (a brick teaches a theme when a word of its title or skills has the
 * theme's stem, in French or English).
 *
 * Whole community only: a --split-by report has no such section.
 */
#ifndef LCM_REPORT_NEEDS_H
#define LCM_REPORT_NEEDS_H

#include <stdint.h>
#include <stdio.h>

#include "render.h"
#include "report_types.h"
#include "terms.h"

/* A theme rises only with at least this many questions in the period. */
#define LCM_NEEDS_MIN_COUNT 3

/* At most this many periods before (--needs-periods). */
#define LCM_NEEDS_MAX_PERIODS 52

/*
 * The rising rule: count, the questions of the period holding a theme,
 * against before[0..n) (the same count in each of the n periods before
 * that have any history, most recent first). Rising when n > 0, count
 * >= LCM_NEEDS_MIN_COUNT and count >= 2 * mean(before). *mean is set to
 * the mean (NaN when n is 0). 1 rising, 0 not.
 */
int lcm_needs_rising(int64_t count, const int64_t *before, int n, double *mean);

/*
 * Does text (a brick's title and skills) teach stem? 1 when one of its
 * content words (lcm_terms_each) stems to it in French or English.
 */
int lcm_needs_teaches(struct lcm_stemmer *s, const char *text, const char *stem);

struct lcm_report_terms;

/*
 * The needs section of r (o: the report's options, t the terms loaded
 * from o->since - o->needs_periods periods): r->needs, at most o->top
 * themes held by two questions or more, by questions, then rising
 * first, then the word. 0, or -1 with err.
 */
int lcm_report_needs(struct lcm_store *st, const struct lcm_report_terms *t,
		     const struct lcm_report_opts *o, struct lcm_report *r,
		     struct lcm_err *err);

/* The rows of r->needs for a pipe (lcm-report --needs). 0 or an errno. */
int lcm_report_needs_render(FILE *fp, const struct lcm_report *r, enum lcm_format fmt,
			    int flags);

#endif
