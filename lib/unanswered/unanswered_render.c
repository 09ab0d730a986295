/*
 * unanswered_render.c - lcm-unanswered's list as a table, CSV, TSV or
 * JSON (unanswered_render.h).
 */
#include "unanswered_render.h"

#include <math.h>
#include <stdlib.h>

#include "buf.h"
#include "text.h"
#include "timefmt.h"

/* The why column: the rule applied and what did not count. */
static void
explain(struct lcm_buf *b, const struct lcm_unanswered *u, enum lcm_response_rule by)
{
	static const char *const rule[] = {
		[LCM_BY_PEER] = "no reply by another person",
		[LCM_BY_ANY] = "no reply",
		[LCM_BY_STAFF] = "no reply by staff or an expert",
	};

	lcm_buf_reset(b);
	lcm_buf_adds(b, rule[by]);
	if (u->own && by != LCM_BY_ANY)
		lcm_buf_printf(b, "; %d by the author", u->own);
	if (u->deleted)
		lcm_buf_printf(b, "; %d deleted", u->deleted);
	if (u->private_)
		lcm_buf_printf(b, "; %d private", u->private_);
	if (u->nonstaff)
		lcm_buf_printf(b, "; %d by learners", u->nonstaff);
}

int
lcm_unanswered_render(FILE *fp, enum lcm_format format, int flags,
		      const struct lcm_unanswered_columns *want,
		      const struct lcm_unanswered_list *list, const struct lcm_suggestions *sug,
		      const struct lcm_similars *sim)
{
	static const char *const simcols[] = { "similar", "subjects", "urls", "duplicates" };
	const char *cols[20];
	struct lcm_cell cells[20];
	struct lcm_buf simb[4];
	struct lcm_buf why, who;
	struct lcm_render *r;
	char when[32], *excerpt, *url;
	size_t i, k, n = 0;
	int werr;

	cols[n++] = "thread";
	if (want->posts)
		cols[n++] = "post";
	cols[n++] = "course";
	cols[n++] = "forum";
	cols[n++] = "author";
	cols[n++] = "author_name";
	cols[n++] = "created";
	cols[n++] = "age_hours";
	cols[n++] = "replies";
	cols[n++] = "question";
	cols[n++] = "subject";
	cols[n++] = "excerpt";
	if (want->url)
		cols[n++] = "url";
	if (want->suggest)
		cols[n++] = "suggested";
	if (want->explain)
		cols[n++] = "why";
	if (want->similar) {
		cols[n++] = "similar";
		cols[n++] = "similar_subjects";
		if (want->url)
			cols[n++] = "similar_urls";
		cols[n++] = "duplicates";
	}
	r = lcm_render_new(fp, format, cols, n, flags);
	lcm_buf_init(&why);
	lcm_buf_init(&who);
	for (k = 0; k < 4; k++)
		lcm_buf_init(&simb[k]);
	for (i = 0; i < list->n; i++) {
		const struct lcm_unanswered *u = &list->rows[i];

		n = 0;
		excerpt = lcm_text_excerpt(u->body ? u->body : "", 140);
		url = NULL;
		cells[n++] = lcm_cell_str(u->thread);
		if (want->posts)
			cells[n++] = lcm_cell_str(u->post);
		cells[n++] = lcm_cell_str(u->course);
		cells[n++] = lcm_cell_str(u->forum);
		cells[n++] = lcm_cell_str(u->author);
		/* empty when the store has no name, and under --pseudonymize */
		cells[n++] = lcm_cell_str(u->author_name && *u->author_name ?
					  u->author_name : NULL);
		cells[n++] = lcm_cell_str(lcm_time_format_utc(u->created, when));
		cells[n++] = lcm_cell_real(floor(u->age_hours * 10.0 + 0.5) / 10.0);
		cells[n++] = lcm_cell_int(u->replies);
		cells[n++] = lcm_cell_bool(u->question);
		cells[n++] = lcm_cell_str(u->subject);
		cells[n++] = lcm_cell_str(excerpt);
		if (want->url) {
			url = lcm_url_expand(want->url, u->thread, u->post, u->course, u->forum);
			cells[n++] = lcm_cell_str(url);
		}
		if (want->suggest) {
			lcm_suggestions_format(sug, i, &who);
			cells[n++] = lcm_cell_str(who.data);
		}
		if (want->explain) {
			explain(&why, u, want->by);
			cells[n++] = lcm_cell_str(why.data);
		}
		for (k = 0; want->similar && k < 4; k++) {
			if (k == 2 && !want->url)
				continue;
			lcm_similars_format(sim, i, simcols[k], want->url, &simb[k]);
			cells[n++] = lcm_cell_str(simb[k].data);
		}
		lcm_render_row(r, cells);
		free(excerpt);
		free(url);
	}
	lcm_render_end(r);
	werr = lcm_render_error(r);
	lcm_render_free(r);
	lcm_buf_release(&why);
	lcm_buf_release(&who);
	for (k = 0; k < 4; k++)
		lcm_buf_release(&simb[k]);
	return werr;
}
