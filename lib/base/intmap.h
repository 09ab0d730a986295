/*
 * intmap.h - an int64 to int64 hash map (open addressing), for the maps
 * keyed by store ids, where formatting the id as a string for a strmap
 * would cost more than the lookup.
 */
#ifndef LCM_INTMAP_H
#define LCM_INTMAP_H

#include <stddef.h>
#include <stdint.h>

struct lcm_intmap {
	int64_t *keys, *vals;
	unsigned char *used;
	size_t cap;	/* power of two, or 0 */
	size_t len;
};

void lcm_intmap_init(struct lcm_intmap *m);
void lcm_intmap_release(struct lcm_intmap *m);
/* Returns 1 and sets *val when key is present, else 0. */
int lcm_intmap_get(const struct lcm_intmap *m, int64_t key, int64_t *val);
/* Adds or replaces key's value. */
void lcm_intmap_put(struct lcm_intmap *m, int64_t key, int64_t val);

#endif
