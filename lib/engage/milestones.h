/*
 * milestones.h - the milestones persons and courses crossed in the
 * period: lcm-engage --milestones.
 *
 * A ladder is a list of rules "name count threshold": the milestone name
 * is crossed when the named count reaches threshold. The counts, taken
 * at each live public post in time order (the whole history before the
 * period's end, so a crossing is placed in time):
 *   person's   posts, peer_replies (replies to another learner's post), answers
 *              (replies in a question thread another opened), accepted,
 *              weeks_in_a_row (posting weeks, ending with this one),
 *              days_away (days since the person's previous post)
 *   course's   course_posts, course_posters (distinct non-staff posters),
 *              course_answered_weeks (weeks whose questions all got an answer)
 * and, from the completions (milestones_bricks.c), at each completion:
 *   person's   bricks_completed (bricks done, lcm_state_is_done),
 *              pathway_completed (1 once every goal skill is reached: the
 *              person holds it, or did a brick of the highest level
 *              teaching it, as lcm-pathway would then have nothing left)
 * A count crosses threshold when it goes from under to at or over it;
 * days_away crosses at every post coming that long after the one before
 * (back after an absence). A crossing is listed when its post (or
 * completion) is in [since, until). Staff persons have no individual
 * milestones. A completion without a time is in no period: left out.
 */
#ifndef LCM_MILESTONES_H
#define LCM_MILESTONES_H

#include <stddef.h>
#include <stdint.h>

#include "contributions.h"
#include "engage.h"

enum lcm_milestone_count {
	LCM_MC_POSTS, LCM_MC_PEER_REPLIES, LCM_MC_ANSWERS, LCM_MC_ACCEPTED,
	LCM_MC_WEEKS_IN_A_ROW, LCM_MC_DAYS_AWAY, LCM_MC_BRICKS_COMPLETED,
	LCM_MC_PATHWAY_COMPLETED,
	LCM_MC_COURSE_POSTS, LCM_MC_COURSE_POSTERS, LCM_MC_COURSE_ANSWERED_WEEKS,
	LCM_MC_MAX
};

struct lcm_milestone_rule {
	char *name;			/* owned */
	enum lcm_milestone_count count;
	int64_t threshold;		/* >= 1 */
};

struct lcm_ladder {
	struct lcm_milestone_rule *r;
	size_t n;
};

/* The default ladder, as a ladder file (documented in lcm-engage(1)). */
extern const char lcm_ladder_default[];

/*
 * Parses ladder text (one rule a line: name, count, threshold, blank
 * separated; '#' starts a comment) into l (lcm_ladder_release). name is
 * for messages: err is "name:line: what, found what". 0, or -1.
 */
int lcm_ladder_parse(const char *text, const char *name, struct lcm_ladder *l,
		     struct lcm_err *err);

/* Reads and parses file path. 0, or -1 with err filled. */
int lcm_ladder_load(const char *path, struct lcm_ladder *l, struct lcm_err *err);

void lcm_ladder_release(struct lcm_ladder *l);

/* "posts" ... ; NULL for a bad value. */
const char *lcm_milestone_count_name(enum lcm_milestone_count c);

/* One crossing: a person's (person set) or a course's (course_id > 0). */
struct lcm_milestone {
	size_t person;		/* index in e->persons, LCM_NONE for a course */
	int64_t course_id;	/* the post's course (0: none) */
	size_t rule;		/* index in the ladder */
	int64_t value;		/* the count at the crossing */
	size_t post;		/* index in e->posts where it was crossed, or LCM_NONE */
	int64_t item_id;	/* else the brick whose completion crossed it */
	int64_t at;		/* that post's or completion's time */
};

struct lcm_milestones {
	struct lcm_milestone *m;
	size_t n, cap;
};

/* Adds a copy of m at the end of ms. */
void lcm_milestones_add(struct lcm_milestones *ms, const struct lcm_milestone *m);

/*
 * Count c reached m->value at m->at: adds m (rule set) for each rule of
 * l on c with that threshold, when m->at is in e's period.
 */
void lcm_milestones_reach(const struct lcm_engage *e, const struct lcm_ladder *l,
			  enum lcm_milestone_count c, struct lcm_milestone *m,
			  struct lcm_milestones *ms);

/*
 * The crossings of e's posts, and of st's completions (st may be NULL:
 * posts only), in e's period under ladder l, in time order (then post,
 * then person, then rule). ms is filled (free ms->m). 0, or -1 with err
 * on a store error.
 */
int lcm_milestones_find(struct lcm_store *st, const struct lcm_engage *e,
			const struct lcm_ladder *l, struct lcm_milestones *ms,
			struct lcm_err *err);

/*
 * The part of lcm_milestones_find that reads the completions: appends
 * the crossings of bricks_completed and pathway_completed to ms, in no
 * order. 0, or -1 with err.
 */
int lcm_milestones_bricks(struct lcm_store *st, const struct lcm_engage *e,
			  const struct lcm_ladder *l, struct lcm_milestones *ms,
			  struct lcm_err *err);

/*
 * The record of what was shown (the milestone_seen table, made on the
 * first write). lcm_milestones_drop_seen removes from ms those st
 * recorded already (a store without the table: none);
 * lcm_milestones_record records all of ms at now. 0, or -1.
 */
int lcm_milestones_drop_seen(struct lcm_store *st, const struct lcm_engage *e,
			     const struct lcm_ladder *l, struct lcm_milestones *ms,
			     struct lcm_err *err);
int lcm_milestones_record(struct lcm_store *st, const struct lcm_engage *e,
			  const struct lcm_ladder *l, const struct lcm_milestones *ms,
			  int64_t now, struct lcm_err *err);

/*
 * Writes ms (under ladder l) to fp (borrowed) in o's format, with each
 * crossing's post and course read from st. Returns lcm_render_error's
 * value, or -1 with err filled on a store error.
 */
int lcm_milestones_render(struct lcm_store *st, const struct lcm_engage *e,
			  const struct lcm_ladder *l, const struct lcm_milestones *ms,
			  const struct lcm_recognition_out *o, FILE *fp,
			  struct lcm_err *err);

#endif
