/*
 * tag.h - a thread's tags as the platform gives them (StackExchange's
 * Tags, Discourse's tags): the thread_tag table. lcm-engage --expertise
 * takes them as themes when a community has some. The table is made on
 * the first write, so every reader of it accepts a store without it.
 */
#ifndef LCM_TAG_H
#define LCM_TAG_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/*
 * Sets the tags of thread thread_id to tags[0..n) (empty ones and
 * repeats left out), from source ("stackexchange:Tags"), replacing what
 * an earlier import wrote. 0, or -1 with err.
 */
int lcm_tags_put(struct lcm_store *st, int64_t thread_id, const char *const *tags,
		 size_t n, const char *source, struct lcm_err *err);

/*
 * Splits a StackExchange Tags value into its tags: "<a><b>" (the dumps
 * until 2024) or "|a|b|" (the later ones). *tags points into buf (a copy
 * of v the caller frees), at most max. Returns the count.
 */
size_t lcm_tags_split_se(const char *v, char **buf, const char **tags, size_t max);

/* 1 when the store has the table, 0 when not, -1 on error. */
int lcm_tags_present(struct lcm_store *st, struct lcm_err *err);

#endif
