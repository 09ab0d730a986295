/*
 * engage_table.h - lcm-engage's tables: one row per person (all, at risk
 * or to praise, per group or not) or per group, through base's render.
 */
#ifndef LCM_ENGAGE_TABLE_H
#define LCM_ENGAGE_TABLE_H

#include "engage.h"
#include "engage_groups.h"
#include "render.h"

/* How the tables are written and whom they show. */
struct lcm_engage_table {
	enum lcm_format fmt;
	int excel;			/* CSV for Excel */
	int local;			/* times in the --tz zone, else UTC */
	int network;			/* the reply-network columns */
	const double *scores;		/* a score column, one per person; or NULL */
	const char *cohort;		/* only this cohort's persons, or NULL */
	const unsigned char *in_course;	/* only persons i with in_course[i], or NULL */
	enum lcm_engage_view view;
	enum lcm_engage_by by;
	size_t top;			/* lcm_engage_select's limit; 0: none */
};

/* The persons (all, at risk or to praise); returns how many rows (quiet: none written). */
size_t lcm_engage_table_persons(const struct lcm_engage_table *t, const struct lcm_engage *e,
				int quiet);

/* The same per group of gs in turn, the group's key first (but for cohorts). */
size_t lcm_engage_table_by_group(const struct lcm_engage_table *t, const struct lcm_engage *e,
				 const struct lcm_engage_groups *gs, int quiet);

/* One row per group, small groups' figures blanked. */
void lcm_engage_table_groups(const struct lcm_engage_table *t,
			     const struct lcm_engage_groups *gs);

/*
 * Marks in[i] the members of course name (who posted or have an event in
 * it before the period's end, as --by course counts them). 0 or -1.
 */
int lcm_engage_course_members(struct lcm_store *st, const struct lcm_engage *e,
			      const char *name, unsigned char *in, struct lcm_err *err);

#endif
