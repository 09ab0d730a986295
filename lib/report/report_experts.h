/*
 * report_experts.h - "who knows what" in lcm-report: the themes of the
 * expertise map (expertise.h, the very map of lcm-engage --expertise)
 * with the most evidence, and the learners who know each best.
 *
 * lcm_expertise_build reads every post of the store and takes no
 * period, so the section is the map as the store is when the report
 * runs, not the period's: posts after --until count too. Staff are left
 * out, as in the report's other lists of people (the map without
 * include_staff), and so are the themes that are words of persons'
 * names, as in the report's themes (no name leaks under --pseudonymize).
 * Whole community only: a --split-by report has no such section.
 * The section itself (lcm_report_experts) is declared in report_parts.h.
 */
#ifndef LCM_REPORT_EXPERTS_H
#define LCM_REPORT_EXPERTS_H

#include <stddef.h>
#include <stdint.h>

#include "expertise.h"
#include "store.h"
#include "strmap.h"

/* Learners shown per theme (lcm-engage --expertise's default). */
#define LCM_REPORT_EXPERTS_PER_THEME 3

/* A theme of the map chosen for the section: its rows in the map. */
struct lcm_report_pick {
	size_t first, n;	/* rows x->e[first .. first + n), rank order */
	double evidence;	/* the sum of their scores */
	int64_t answers;	/* the sum of their answers */
};

/*
 * The rule of the top themes. x is the map as lcm_expertise_build gives
 * it with top 0 (by theme, then rank: every person of each theme). A
 * theme's evidence is the sum of its persons' scores, all of them, not
 * only those shown. The themes are ranked by evidence, then answers,
 * then their text (byte order), and at most top are written to out
 * (room for top, the caller's); a theme that is a key of skip (NULL:
 * none) is left out. Returns how many were written; *themes (NULL
 * allowed) is set to how many themes were ranked.
 */
size_t lcm_report_experts_pick(const struct lcm_expertise *x, const struct lcm_strmap *skip,
			       size_t top, struct lcm_report_pick *out, size_t *themes);

/*
 * The words of persons' names as a theme could be made of them: each
 * content word of a name (lcm_terms_each), lower-cased, and its English
 * stem, as keys of out (lcm_strmap_init'ed by the caller, who releases
 * it). 0, or -1 with err filled.
 */
int lcm_report_name_words(struct lcm_store *st, struct lcm_strmap *out, struct lcm_err *err);

#endif
