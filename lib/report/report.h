/*
 * report.h - the community dashboard behind lcm-report: the figures of
 * a period against the period before, by week, what people talk about,
 * how fast they are answered, who needs a nudge, what they use.
 *
 * Nothing is counted twice in lcm: engagement comes from engage.h (the
 * whole community is lcm_engage_groups' one cohort everyone belongs to,
 * so the report agrees with "lcm-engage --by" by construction), and the
 * threads nobody answered from unanswered.h. This module gathers those
 * figures into a struct lcm_report; report_html.c, report_md.c,
 * report_text.c and report_json.c write it out.
 *
 *	struct lcm_report_src src;
 *	struct lcm_report r;
 *	lcm_report_load(st, &o, &src, &err);		the store, read once
 *	for each group i < src.groups.n (or just i = 0):
 *		lcm_report_make(st, &src, i, &r, &err);
 *		lcm_report_html(&r, &buf);  ...
 *		lcm_report_release(&r);
 *	lcm_report_src_release(&src);
 */
#ifndef LCM_REPORT_H
#define LCM_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "report_types.h"
#include "store.h"

/*
 * Reads the store for o (borrowed, kept in src): engagement of the
 * period, of the period before and of the weeks, the groups, the words
 * of every post, the events of the period, the threads nobody answered.
 * src is filled (free with lcm_report_src_release, also
 * after a failure). 0, or -1 with err filled.
 */
int lcm_report_load(struct lcm_store *st, const struct lcm_report_opts *o,
		    struct lcm_report_src *src, struct lcm_err *err);

void lcm_report_src_release(struct lcm_report_src *src);

/*
 * The report of group i of src->groups (for LCM_SPLIT_NONE, i = 0: the
 * whole community). r is filled (free with lcm_report_release, also
 * after a failure). 0, or -1 with err filled.
 */
int lcm_report_make(struct lcm_store *st, const struct lcm_report_src *src, size_t i,
		    struct lcm_report *r, struct lcm_err *err);

void lcm_report_release(struct lcm_report *r);

/* The report written as text (80 columns; ANSI colours when color),
 * Markdown, HTML or JSON, appended to out. */
void lcm_report_text(const struct lcm_report *r, int color, struct lcm_buf *out);
void lcm_report_md(const struct lcm_report *r, struct lcm_buf *out);
void lcm_report_html(const struct lcm_report *r, struct lcm_buf *out);
void lcm_report_json(const struct lcm_report *r, struct lcm_buf *out);

/*
 * A file name for a group key: ASCII letters (accents dropped) and
 * digits in lower case, other runs as one '-', at most 60 bytes; "none"
 * for NULL or a key with nothing left. Returns a string owned by the
 * caller (free()).
 */
char *lcm_report_slug(const char *key);

#endif
