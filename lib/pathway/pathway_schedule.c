/*
 * pathway_schedule.c - a pathway's steps put into weeks of a budget of
 * minutes: see lcm_plan_schedule() in pathway.h.
 */
#include "pathway.h"

#include <stdlib.h>

void
lcm_plan_schedule(struct lcm_plan *p, const struct lcm_catalogue *c,
		  int64_t budget, int weeks)
{
	int64_t used = 0, d;
	size_t i, kept = 0;
	int week = 1, last = 0, step = 0;

	p->budget = budget;
	p->minutes = 0;
	p->left_out = 0;
	for (i = 0; i < p->n; i++) {
		struct lcm_step *s = &p->v[i];

		if (s->brick == LCM_CAT_NONE) {
			p->v[kept++] = *s;
			continue;
		}
		d = c->b[s->brick].duration;
		s->over_budget = d > budget;
		if (used > 0 && (s->over_budget || used + d > budget)) {
			week++;
			used = 0;
		}
		s->week = week;
		used += d;
		if (s->over_budget) {
			/* a week of its own: the next brick starts another */
			week++;
			used = 0;
		}
		if (weeks > 0 && s->week > weeks) {
			p->left_out++;
			free(s->why);
			continue;
		}
		s->step = ++step;
		last = s->week;
		p->minutes += d;
		p->v[kept++] = *s;
	}
	p->n = kept;
	p->weeks = last;
}
