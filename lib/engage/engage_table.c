/* engage_table.c - lcm-engage's person and group tables: see engage_table.h. */
#include "engage_table.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "timefmt.h"
#include "xalloc.h"

/* A time cell, NULL when when is INT64_MIN. tmp holds the text (32 bytes). */
static struct lcm_cell
time_cell(const struct lcm_engage_table *t, int64_t when, char *tmp)
{
	if (when == INT64_MIN)
		return lcm_cell_null();
	return lcm_cell_str(t->local ? lcm_time_format_local(when, tmp) :
			    lcm_time_format_utc(when, tmp));
}

/* A real cell rounded to places decimals, NULL when NaN. */
static struct lcm_cell
real_cell(double d, int places)
{
	double m = places == 1 ? 10 : places == 2 ? 100 : 10000;

	if (isnan(d))
		return lcm_cell_null();
	return lcm_cell_real(floor(d * m + 0.5) / m);
}

/* Renders person rows idx[0..n) (with the group key first when key). */
static void
person_rows(struct lcm_render *r, const struct lcm_engage_table *t, const struct lcm_engage *e,
	    const size_t *idx, size_t n, int with_key, const char *key)
{
	struct lcm_cell c[32];
	struct lcm_buf why;
	char t1[32], t2[32], t3[32];
	size_t i, k;

	lcm_buf_init(&why);
	for (i = 0; i < n; i++) {
		const struct lcm_engage_person *p = &e->persons[idx[i]];

		k = 0;
		if (with_key)
			c[k++] = lcm_cell_str(key);
		c[k++] = lcm_cell_str(p->person);
		c[k++] = lcm_cell_str(p->name);
		c[k++] = lcm_cell_str(p->role);
		c[k++] = lcm_cell_str(p->cohort);
		c[k++] = lcm_cell_int(p->threads);
		c[k++] = lcm_cell_int(p->replies);
		c[k++] = lcm_cell_int(p->words);
		c[k++] = lcm_cell_int(p->replies_received);
		c[k++] = lcm_cell_int(p->peers);
		c[k++] = lcm_cell_int(p->questions);
		c[k++] = lcm_cell_int(p->answers_given);
		c[k++] = lcm_cell_int(p->accepted);
		c[k++] = time_cell(t, p->first_post, t1);
		c[k++] = time_cell(t, p->last_post, t2);
		c[k++] = time_cell(t, p->last_seen, t3);
		c[k++] = lcm_cell_int(p->active_days);
		c[k++] = lcm_cell_int(p->active_weeks);
		c[k++] = lcm_cell_int(p->events);
		c[k++] = p->level < 0 ? lcm_cell_null() : lcm_cell_int(p->level);
		c[k++] = real_cell(p->trend, 2);
		c[k++] = lcm_cell_str(lcm_engage_status_name(p->status));
		lcm_engage_reasons(p, &why);
		c[k++] = lcm_cell_str(why.data);
		if (t->scores)
			c[k++] = real_cell(t->scores[idx[i]], 4);
		if (t->network) {
			c[k++] = lcm_cell_int(p->in_degree);
			c[k++] = lcm_cell_int(p->out_degree);
			c[k++] = real_cell(p->betweenness, 4);
		}
		lcm_render_row(r, c);
	}
	lcm_buf_release(&why);
}

static const char *const person_cols[] = {
	"person", "name", "role", "cohort", "threads", "replies", "words",
	"replies_received", "peers", "questions", "answers_given", "accepted",
	"first_post", "last_post", "last_seen", "active_days", "active_weeks",
	"events", "level", "trend", "status", "reasons"
};
static const char *const net_person_cols[] = { "in_degree", "out_degree", "betweenness" };
static const char *const group_cols[] = {
	"members", "active", "active_rate", "threads", "replies", "questions",
	"response_rate", "ttfr_median_h", "ttfr_p90_h", "unanswered_share",
	"topdown", "questions_open", "exchange"
};
static const char *const net_group_cols[] = {
	"density", "reciprocity", "centralisation", "isolates", "staff_share"
};

#define N(a) (sizeof(a) / sizeof(*(a)))

/* A renderer with key (or not), the columns of cols and, with
 * --network, of net. */
static struct lcm_render *
open_render(const struct lcm_engage_table *t, const char *key, const char *const *cols,
	    size_t ncols, const char *const *net, size_t nnet)
{
	const char *names[32];
	size_t i, n = 0;

	if (key)
		names[n++] = key;
	for (i = 0; i < ncols; i++)
		names[n++] = cols[i];
	if (t->scores && cols == person_cols)
		names[n++] = "score";
	for (i = 0; t->network && i < nnet; i++)
		names[n++] = net[i];
	return lcm_render_new(stdout, t->fmt, names, n, t->excel ? LCM_RENDER_EXCEL : 0);
}

/*
 * Marks in[i] the members of course name (who posted or have an event in
 * it before the period's end, as --by course counts them). 0 or -1.
 */
int
lcm_engage_course_members(struct lcm_store *st, const struct lcm_engage *e, const char *name,
	       unsigned char *in, struct lcm_err *err)
{
	struct lcm_engage_groups gs = { 0 };
	size_t i, j;

	if (lcm_engage_groups(st, e, LCM_ENGAGE_BY_COURSE, 0, 0, &gs, err) < 0)
		return -1;
	for (i = 0; i < gs.n; i++) {
		if (!gs.g[i].key || strcmp(gs.g[i].key, name) != 0)
			continue;
		for (j = 0; j < gs.g[i].nmembers; j++)
			in[gs.g[i].members[j]] = 1;
	}
	lcm_engage_groups_release(&gs);
	return 0;
}

/* Is person i of e wanted by --cohort and --course (all without them)? */
static int
selected(const struct lcm_engage_table *t, const struct lcm_engage *e, size_t i)
{
	const struct lcm_engage_person *p = &e->persons[i];

	if (t->in_course && !t->in_course[i])
		return 0;
	return !t->cohort || (p->cohort && strcmp(p->cohort, t->cohort) == 0);
}

/* Persons (all, at risk or to praise); returns how many rows. */
size_t
lcm_engage_table_persons(const struct lcm_engage_table *t, const struct lcm_engage *e, int quiet)
{
	struct lcm_render *r = NULL;
	size_t *idx, i, n;

	idx = lcm_xreallocarray(NULL, e->npersons ? e->npersons : 1, sizeof(*idx));
	for (i = 0, n = 0; i < e->npersons; i++)
		if (selected(t, e, i))
			idx[n++] = i;
	n = lcm_engage_select(e, t->view, idx, n, t->top);
	if (!quiet) {
		r = open_render(t, NULL, person_cols, N(person_cols), net_person_cols,
				N(net_person_cols));
		person_rows(r, t, e, idx, n, 0, NULL);
		lcm_render_end(r);
		lcm_render_free(r);
	}
	free(idx);
	return n;
}

/*
 * Persons of each group in turn, the group's key first (but for cohorts:
 * every row already has its cohort).
 */
size_t
lcm_engage_table_by_group(const struct lcm_engage_table *t, const struct lcm_engage *e,
		 const struct lcm_engage_groups *gs, int quiet)
{
	struct lcm_render *r = NULL;
	size_t *idx, i, j, n, total = 0;
	int with_key = t->by != LCM_ENGAGE_BY_COHORT;

	if (!quiet)
		r = open_render(t, with_key ? lcm_engage_by_name(t->by) : NULL, person_cols,
				N(person_cols), net_person_cols, N(net_person_cols));
	for (i = 0; i < gs->n; i++) {
		const struct lcm_engage_group *g = &gs->g[i];

		idx = lcm_xreallocarray(NULL, g->nmembers ? g->nmembers : 1, sizeof(*idx));
		for (j = 0, n = 0; j < g->nmembers; j++)
			if (selected(t, e, g->members[j]))
				idx[n++] = g->members[j];
		n = lcm_engage_select(e, t->view, idx, n, t->top);
		if (r)
			person_rows(r, t, e, idx, n, with_key, g->key);
		total += n;
		free(idx);
	}
	if (r) {
		lcm_render_end(r);
		lcm_render_free(r);
	}
	return total;
}

void
lcm_engage_table_groups(const struct lcm_engage_table *t, const struct lcm_engage_groups *gs)
{
	struct lcm_render *r;
	struct lcm_cell c[32];
	size_t i, k, j, nfig;

	r = open_render(t, lcm_engage_by_name(t->by), group_cols, N(group_cols),
			net_group_cols, N(net_group_cols));
	for (i = 0; i < gs->n; i++) {
		const struct lcm_engage_group *g = &gs->g[i];

		k = 0;
		c[k++] = lcm_cell_str(g->key);
		c[k++] = lcm_cell_int((int64_t)g->nmembers);
		c[k++] = lcm_cell_int(g->active);
		c[k++] = real_cell(g->active_rate, 4);
		c[k++] = lcm_cell_int(g->threads);
		c[k++] = lcm_cell_int(g->replies);
		c[k++] = lcm_cell_int(g->questions);
		c[k++] = real_cell(g->response_rate, 4);
		c[k++] = real_cell(g->ttfr_median_h, 1);
		c[k++] = real_cell(g->ttfr_p90_h, 1);
		c[k++] = real_cell(g->unanswered_share, 4);
		c[k++] = lcm_cell_int(g->topdown);
		c[k++] = lcm_cell_int(g->questions_open);
		c[k++] = lcm_cell_int(g->exchange);
		if (t->network) {
			c[k++] = real_cell(g->density, 4);
			c[k++] = real_cell(g->reciprocity, 4);
			c[k++] = real_cell(g->centralisation, 4);
			c[k++] = lcm_cell_int(g->isolates);
			c[k++] = real_cell(g->staff_share, 4);
		}
		/* k-anonymity: a small group shows its size and nothing else */
		nfig = k;
		for (j = 2; g->suppressed && j < nfig; j++)
			c[j] = lcm_cell_null();
		lcm_render_row(r, c);
	}
	lcm_render_end(r);
	lcm_render_free(r);
}

