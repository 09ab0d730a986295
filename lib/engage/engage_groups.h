/*
 * engage_groups.h - engagement per cohort, course, forum, manager or ISO
 * week (lcm-engage --by), with the reply network of each group.
 *
 * Members of a group are persons who are not staff: those of the cohort
 * or manager; those who posted in the forum; those who posted or have an
 * event in the course (before the period's end); everyone, for weeks.
 * Threads belong to the group of their first post (for cohorts and
 * managers: of its author), replies and questions to their own.
 */
#ifndef LCM_ENGAGE_GROUPS_H
#define LCM_ENGAGE_GROUPS_H

#include "engage.h"

enum lcm_engage_by {
	LCM_ENGAGE_BY_PERSON, LCM_ENGAGE_BY_COHORT, LCM_ENGAGE_BY_COURSE,
	LCM_ENGAGE_BY_FORUM, LCM_ENGAGE_BY_MANAGER, LCM_ENGAGE_BY_WEEK
};

/* "person", "cohort", "course", "forum", "manager", "week"; -1 if unknown. */
extern const struct lcm_choice lcm_engage_bys[];	/* --by's keys */
int lcm_engage_by_parse(const char *s, enum lcm_engage_by *out);
const char *lcm_engage_by_name(enum lcm_engage_by by);

/* One group's figures over the period. Rates are NaN when undefined. */
struct lcm_engage_group {
	char *key;		/* "AGILE-2026", "2026-W47"; NULL: none */
	size_t *members;	/* person indices, sorted; NULL for weeks */
	size_t nmembers;
	int64_t active;		/* members with activity in the group's scope */
	int64_t threads, replies, questions;
	int64_t answered;	/* threads with a peer reply */
	int64_t unanswered;	/* threads opened by non-staff, no peer reply */
	int64_t topdown, questions_open, exchange;	/* the threads' seeds */
	double active_rate, response_rate, unanswered_share;
	double ttfr_median_h, ttfr_p90_h;	/* hours to the first peer reply */
	int has_network;
	double density, reciprocity, centralisation, staff_share;
	int64_t isolates;	/* members with no edge in the group's network */
	int suppressed;		/* fewer members than --min-group */
};

struct lcm_engage_groups {
	struct lcm_engage_group *g;
	size_t n;
};

/*
 * The groups of e by key (not LCM_ENGAGE_BY_PERSON), in key order (none
 * last) or week order; network adds each group's network measures;
 * groups of fewer than min_group members are marked suppressed. Reads
 * the store for courses, forums and (by course) events. Fills out (free
 * with lcm_engage_groups_release). 0, or -1 with err filled.
 */
int lcm_engage_groups(struct lcm_store *st, const struct lcm_engage *e,
		      enum lcm_engage_by by, int network, size_t min_group,
		      struct lcm_engage_groups *out, struct lcm_err *err);

void lcm_engage_groups_release(struct lcm_engage_groups *gs);

/*
 * The network measures of group g (engage_groupnet.c): edges holds n
 * edges of g as 4 values each (group, from, to, post); nodes are g's members
 * (everyone not staff when g->members is NULL) and the edges' ends.
 * local is scratch of e->npersons entries, all LCM_NONE, left so.
 */
void lcm_engage_group_network(const struct lcm_engage *e, struct lcm_engage_group *g,
			      const size_t *edges, size_t n, size_t *local);

/* Weeks of a period by week at most (--since to --until; without --since,
 * only the last this many are looked at for the first activity). */
#define LCM_ENGAGE_MAX_WEEKS 5300

#endif
