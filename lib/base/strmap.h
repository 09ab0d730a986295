/*
 * strmap.h - a string to int64 hash map (open addressing), used as a
 * cache of store ids (persons by name, dictionary terms) during imports.
 * Keys are copied; the map owns them.
 */
#ifndef LCM_STRMAP_H
#define LCM_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct lcm_strmap {
	char **keys;
	int64_t *vals;
	uint64_t *hashes;	/* of keys[i]: most misses need no strcmp */
	size_t cap;	/* power of two, or 0 */
	size_t len;
};

void lcm_strmap_init(struct lcm_strmap *m);
void lcm_strmap_release(struct lcm_strmap *m);
/* Returns 1 and sets *val when key is present, else 0. */
int lcm_strmap_get(const struct lcm_strmap *m, const char *key, int64_t *val);
/* Adds or replaces key's value. */
void lcm_strmap_put(struct lcm_strmap *m, const char *key, int64_t val);
/* 64-bit FNV-1a of n bytes, continuing from h (start with LCM_FNV_INIT). */
#define LCM_FNV_INIT UINT64_C(0xcbf29ce484222325)
uint64_t lcm_fnv1a(uint64_t h, const void *p, size_t n);

#endif
