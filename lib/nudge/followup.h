/*
 * followup.h - lcm-nudge --followup: did the persons written to come
 * back, and did they more often than those who were not?
 */
#ifndef LCM_NUDGE_FOLLOWUP_H
#define LCM_NUDGE_FOLLOWUP_H

#include <stdint.h>
#include <stdio.h>

#include "record.h"
#include "render.h"

struct lcm_nudge_followup_opts {
	enum lcm_format fmt;
	int flags;		/* lcm_render flags */
	int by_template;	/* sums per template, not one row per record */
	long min_group;		/* smaller groups are marked too small */
	const char *key;	/* --pseudonymize: persons as pseudonyms */
};

/*
 * Writes the records of b to fp: one row each (person, name, template,
 * channel, sent, came_back, returned, days), or with by_template, for each
 * template the persons written to and the comparison group (records of
 * channel 'none'): size, came_back, rate, median_days, note. Records
 * still within their window with no return yet count in neither rate
 * (pending). Returns the errno of a failed write, or 0.
 */
/* The figures of one group of --by template (see above). */
struct lcm_nudge_group {
	int64_t size;		/* records whose window is over, or who came back */
	int64_t came_back;
	int64_t pending;	/* still within the window, no return yet */
	double rate;		/* came_back / size; NaN when size is 0 */
	double median_days;	/* to the return, of those who came back; NaN: none */
};

/*
 * Counts the records of b with template tpl (NULL: every template),
 * written to (nudged 1: any channel but 'none') or the comparison group
 * (nudged 0), into *out. The one computation of --followup --by template
 * and of lcm-report's nudges section.
 */
void lcm_nudge_followup_group(const struct lcm_nudge_backs *b, const char *tpl,
			      int nudged, struct lcm_nudge_group *out);

int lcm_nudge_followup_render(FILE *fp, const struct lcm_nudge_backs *b,
			      const struct lcm_nudge_followup_opts *o);

#endif
