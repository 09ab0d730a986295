/*
 * related.h - threads the platform links to each other (a StackExchange
 * question closed as a duplicate of another, or linked to it): the
 * thread_related table, what lcm-unanswered --similar is measured
 * against. Made on the first write, so every reader of it accepts a
 * store without it.
 */
#ifndef LCM_RELATED_H
#define LCM_RELATED_H

#include <stdint.h>

#include "store.h"

/*
 * Records that thread_id is kind ("duplicate" or "linked") of
 * related_id, from source ("stackexchange:PostLinks"); a second write
 * of the same link changes nothing. 0, or -1 with err.
 */
int lcm_related_put(struct lcm_store *st, int64_t thread_id, int64_t related_id,
		    const char *kind, const char *source, struct lcm_err *err);

#endif
