/*
 * reactions.h - a chat message's reactions array into post_reaction
 * (lib/store/reaction.h), shared by the Slack and Discord readers.
 */
#ifndef LCM_IN_REACTIONS_H
#define LCM_IN_REACTIONS_H

#include <jansson.h>
#include <stdint.h>

#include "input.h"

/*
 * Stores each element of a (borrowed; NULL or not an array: nothing) on
 * post post_id: Slack's {"name", "count"} or Discord's {"emoji": {"name"},
 * "count"}; the kind is the emoji's name, the source is platform.
 * Elements without a name or a whole count are left. 0, or -1.
 */
int lcm_in_reactions(struct lcm_import *im, int64_t post_id, const json_t *a,
		     const char *platform, struct lcm_err *err);

#endif
