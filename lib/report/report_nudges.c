/*
 * report_nudges.c - the nudges section: what lcm-nudge sent in the
 * period and whether the persons came back, against the comparison
 * group, counted by lcm_nudge_followup_group as --followup --by template
 * counts them (one computation for both programs).
 */
#include <string.h>

#include "followup.h"
#include "record.h"
#include "report_parts.h"
#include "xalloc.h"

int
lcm_report_nudges(struct lcm_store *st, const struct lcm_report_opts *o,
		  struct lcm_report *r, struct lcm_err *err)
{
	struct lcm_nudge_backs b;
	struct lcm_nudge_group g, c;
	struct lcm_report_nudge *x;
	size_t i, j;
	int has;

	r->nudges_window = o->nudge_window;
	if ((has = lcm_nudge_record_open(st, 0, err)) <= 0)
		return has;
	r->has_nudges = 1;
	/* as lcm-nudge --followup --since SINCE --now UNTIL, of the period only */
	if (lcm_nudge_followup(st, o->since, o->until, o->nudge_window, &b, err) < 0)
		return -1;
	r->nudges = lcm_xcalloc(b.n ? b.n : 1, sizeof(*r->nudges));
	/* templates in the order of their first record */
	for (i = 0; i < b.n; i++) {
		for (j = 0; j < i && strcmp(b.v[j].template, b.v[i].template) != 0; j++)
			;
		if (j < i)
			continue;
		lcm_nudge_followup_group(&b, b.v[i].template, 1, &g);
		lcm_nudge_followup_group(&b, b.v[i].template, 0, &c);
		x = &r->nudges[r->nnudges++];
		x->template = lcm_xstrdup(b.v[i].template);
		x->sent = g.size + g.pending;
		x->nudged_size = g.size;
		x->nudged_back = g.came_back;
		x->nudged_rate = g.rate;
		x->nudged_days = g.median_days;
		x->comparison_size = c.size;
		x->comparison_back = c.came_back;
		x->comparison_rate = c.rate;
		x->comparison_days = c.median_days;
	}
	lcm_nudge_backs_free(&b);
	return 0;
}
