/*
 * followup.c - rendering --followup (see followup.h).
 */
#include "followup.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pseudo.h"
#include "timefmt.h"
#include "xalloc.h"

/* One record a row. */
static void
rows(struct lcm_render *r, const struct lcm_nudge_backs *b, const char *key)
{
	struct lcm_cell c[8];
	char sent[32], back[32], *who, *id;
	size_t i, n, len;

	for (i = 0; i < b->n; i++) {
		const struct lcm_nudge_back *x = &b->v[i];

		n = 0;
		who = NULL;
		if (key) {
			/* as every program: the HMAC of "platform:external_id" */
			len = strlen(x->platform) + strlen(x->person) + 2;
			id = lcm_xmalloc(len);
			snprintf(id, len, "%s:%s", x->platform, x->person);
			who = lcm_pseudonym_dup(key, id);
			free(id);
		}
		c[n++] = lcm_cell_str(who ? who : x->person);
		c[n++] = lcm_cell_str(key ? NULL : x->name);
		c[n++] = lcm_cell_str(x->template);
		c[n++] = lcm_cell_str(x->channel);
		c[n++] = lcm_cell_str(lcm_time_format_utc(x->ts, sent));
		c[n++] = x->pending ? lcm_cell_null() : lcm_cell_bool(x->back != 0);
		c[n++] = lcm_cell_str(x->back ? lcm_time_format_utc(x->back, back) : NULL);
		c[n++] = x->back ? lcm_cell_real((double)(x->back - x->ts) / 86400.0) :
			lcm_cell_null();
		lcm_render_row(r, c);
		free(who);
	}
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

void
lcm_nudge_followup_group(const struct lcm_nudge_backs *b, const char *tpl,
			 int nudged, struct lcm_nudge_group *out)
{
	double *days = lcm_xcalloc(b->n + 1, sizeof(*days));
	size_t i, k = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < b->n; i++) {
		const struct lcm_nudge_back *x = &b->v[i];

		if ((tpl && strcmp(x->template, tpl) != 0) ||
		    (strcmp(x->channel, "none") != 0) != nudged)
			continue;
		if (x->pending) {
			out->pending++;
			continue;
		}
		out->size++;
		if (x->back) {
			out->came_back++;
			days[k++] = (double)(x->back - x->ts) / 86400.0;
		}
	}
	qsort(days, k, sizeof(*days), cmp_double);
	out->rate = out->size ? (double)out->came_back / (double)out->size : NAN;
	out->median_days = k ? (k % 2 ? days[k / 2] : (days[k / 2 - 1] + days[k / 2]) / 2) :
		NAN;
	free(days);
}

/* One summary row: the records of template tpl, nudged or not. */
static void
group(struct lcm_render *r, const struct lcm_nudge_backs *b, const char *tpl,
      int nudged, long min_group)
{
	struct lcm_nudge_group g;
	struct lcm_cell c[7];

	lcm_nudge_followup_group(b, tpl, nudged, &g);
	c[0] = lcm_cell_str(tpl);
	c[1] = lcm_cell_str(nudged ? "nudged" : "comparison");
	c[2] = lcm_cell_int(g.size);
	c[3] = lcm_cell_int(g.came_back);
	c[4] = g.size ? lcm_cell_real(g.rate) : lcm_cell_null();
	c[5] = g.came_back ? lcm_cell_real(g.median_days) : lcm_cell_null();
	c[6] = lcm_cell_str(g.size < min_group ? "too small to compare" : NULL);
	lcm_render_row(r, c);
}

int
lcm_nudge_followup_render(FILE *fp, const struct lcm_nudge_backs *b,
			  const struct lcm_nudge_followup_opts *o)
{
	static const char *const list_cols[] = {
		"person", "name", "template", "channel", "sent", "came_back", "returned", "days"
	};
	static const char *const sum_cols[] = {
		"template", "group", "size", "came_back", "rate", "median_days", "note"
	};
	struct lcm_render *r;
	size_t i, j;
	int werr;

	if (!o->by_template) {
		r = lcm_render_new(fp, o->fmt, list_cols, 8, o->flags);
		rows(r, b, o->key);
	} else {
		r = lcm_render_new(fp, o->fmt, sum_cols, 7, o->flags);
		/* templates in the order of their first record */
		for (i = 0; i < b->n; i++) {
			for (j = 0; j < i && strcmp(b->v[j].template, b->v[i].template) != 0; j++)
				;
			if (j < i)
				continue;
			group(r, b, b->v[i].template, 1, o->min_group);
			group(r, b, b->v[i].template, 0, o->min_group);
		}
	}
	lcm_render_end(r);
	werr = lcm_render_error(r);
	lcm_render_free(r);
	return werr;
}
