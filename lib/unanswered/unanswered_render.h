/*
 * unanswered_render.h - lcm-unanswered's list written out: a row a thread
 * (or post), with the columns the options ask for (lcm-unanswered(1)).
 */
#ifndef LCM_UNANSWERED_RENDER_H
#define LCM_UNANSWERED_RENDER_H

#include <stdio.h>

#include "render.h"
#include "similar.h"
#include "suggest.h"
#include "unanswered.h"

/* Which columns, beside the ones always there. */
struct lcm_unanswered_columns {
	int posts;		/* --posts: a post column */
	int suggest;		/* --suggest: suggested */
	int explain;		/* --explain: why, by the rule below */
	int similar;		/* --similar: similar, similar_subjects, (similar_urls,) duplicates */
	const char *url;	/* --url template: url (and similar_urls); NULL: none */
	enum lcm_response_rule by;	/* the rule --explain says */
};

/*
 * Writes list on fp in format (flags: lcm_render_new's), with sug and sim
 * read when their columns are asked for. Returns the errno of a failed
 * write, or 0.
 */
int lcm_unanswered_render(FILE *fp, enum lcm_format format, int flags,
			  const struct lcm_unanswered_columns *want,
			  const struct lcm_unanswered_list *list,
			  const struct lcm_suggestions *sug, const struct lcm_similars *sim);

#endif
