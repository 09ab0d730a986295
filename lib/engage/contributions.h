/*
 * contributions.h - the period's posts worth highlighting, each with its
 * reasons and a score: lcm-engage --contributions.
 *
 * The score of a live public post created in [since, until) (documented
 * in lcm-engage(1); the weights below):
 *   accepted or endorsed answer                       +4
 *   first answer by a peer to someone's question      +2
 *   replies it drew from others                       +1 each, at most 5
 *   distinct persons who replied to it                +1 each, at most 5
 *   votes, likes, reactions (post_reaction, net)      +log2(1 + n), at most 5
 *   100 words or more (a weak signal)                 +0.5
 * A post scoring under 1 is not listed; staff posts only when asked.
 */
#ifndef LCM_CONTRIBUTIONS_H
#define LCM_CONTRIBUTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "render.h"
#include "engage.h"

#define LCM_CONTRIB_ACCEPTED 4.0
#define LCM_CONTRIB_ANSWERED 2.0
#define LCM_CONTRIB_CAP 5
#define LCM_CONTRIB_LONG_WORDS 100
#define LCM_CONTRIB_LONG 0.5
#define LCM_CONTRIB_LINK 0.25
#define LCM_CONTRIB_MIN 1.0

/* Reason bits. */
enum {
	LCM_CONTRIB_R_ACCEPTED = 1 << 0,	/* accepted */
	LCM_CONTRIB_R_ANSWERED = 1 << 1,	/* answered-peer */
	LCM_CONTRIB_R_LONG = 1 << 2,		/* long */
	LCM_CONTRIB_R_LINK = 1 << 3		/* link: holds an http(s) link */
};

/* One post and why. */
struct lcm_contribution {
	size_t post;		/* index in e->posts */
	unsigned reasons;	/* LCM_CONTRIB_R_* */
	int64_t replies, repliers, reactions;
	double score;
};

/* The score of those figures (see above). */
double lcm_contribution_score(unsigned reasons, int64_t replies, int64_t repliers,
			      int64_t reactions);

/*
 * The period's posts of e scoring at least LCM_CONTRIB_MIN, best first
 * (score, then earlier, then store id), at most top (0: all); staff
 * posts left out unless include_staff. Reactions come from st's
 * post_reaction when it has one. *out is owned (free()), *n its length.
 * 0, or -1 with err filled.
 */
int lcm_contributions(struct lcm_store *st, const struct lcm_engage *e, int include_staff,
		      size_t top, struct lcm_contribution **out, size_t *n,
		      struct lcm_err *err);

/* "accepted;answered-peer;replies:3;repliers:2;reactions:5;long" into b. */
void lcm_contribution_reasons(const struct lcm_contribution *c, struct lcm_buf *b);

/* How lcm-engage prints them. */
struct lcm_recognition_out {
	enum lcm_format fmt;
	int excel, local;
	const char *url;	/* --url template, or NULL */
};

/*
 * Writes c[0..n) of e to fp (borrowed) with each post's excerpt and, with
 * url, link (read from st). Returns lcm_render_error's value, or -1 with
 * err filled on a store error.
 */
int lcm_contributions_render(struct lcm_store *st, const struct lcm_engage *e,
			     const struct lcm_contribution *c, size_t n,
			     const struct lcm_recognition_out *o, FILE *fp,
			     struct lcm_err *err);

#endif
