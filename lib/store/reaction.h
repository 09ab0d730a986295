/*
 * reaction.h - votes, likes and reactions per post, with their source:
 * the post_reaction table. The readers write what the platform gives
 * (a StackExchange score, Slack and Discord reactions, Discourse likes);
 * lcm-engage --contributions reads them. The table is made on the first
 * write, so every reader of it accepts a store without it.
 */
#ifndef LCM_REACTION_H
#define LCM_REACTION_H

#include <stdint.h>

#include "store.h"

/*
 * Sets the count of kind ("score", "like", a Slack emoji name ...) on
 * post post_id from source ("stackexchange:Score"), replacing what an
 * earlier import wrote, so a re-import never adds up. 0, or -1.
 */
int lcm_reaction_put(struct lcm_store *st, int64_t post_id, const char *kind,
		     int64_t count, const char *source, struct lcm_err *err);

/* 1 when the store has the table, 0 when not, -1 on error. */
int lcm_reaction_present(struct lcm_store *st, struct lcm_err *err);

#endif
