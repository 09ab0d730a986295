/*
 * reactions.c - chat reactions into the store (see reactions.h).
 */
#include "input/reactions.h"

#include "reaction.h"

int
lcm_in_reactions(struct lcm_import *im, int64_t post_id, const json_t *a,
		 const char *platform, struct lcm_err *err)
{
	size_t i;

	if (!json_is_array(a))
		return 0;
	for (i = 0; i < json_array_size(a); i++) {
		const json_t *r = json_array_get(a, i), *name, *count;

		name = json_object_get(r, "name");
		if (!name)
			name = json_object_get(json_object_get(r, "emoji"), "name");
		count = json_object_get(r, "count");
		if (!json_is_string(name) || !*json_string_value(name) || !json_is_integer(count))
			continue;
		if (lcm_reaction_put(im->st, post_id, json_string_value(name),
				     json_integer_value(count), platform, err) < 0)
			return -1;
	}
	return 0;
}
