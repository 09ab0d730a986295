/* intmap.c - int64 to int64 hash map: see intmap.h. */
#include "intmap.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
lcm_intmap_init(struct lcm_intmap *m)
{
	memset(m, 0, sizeof(*m));
}

void
lcm_intmap_release(struct lcm_intmap *m)
{
	free(m->keys);
	free(m->vals);
	free(m->used);
	lcm_intmap_init(m);
}

/* Slot of key, or of the empty slot where it would go. */
static size_t
slot(const struct lcm_intmap *m, int64_t key)
{
	uint64_t h = (uint64_t)key * UINT64_C(0x9e3779b97f4a7c15);
	size_t i = (size_t)(h >> 32 ^ h) & (m->cap - 1);

	while (m->used[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

int
lcm_intmap_get(const struct lcm_intmap *m, int64_t key, int64_t *val)
{
	size_t i;

	if (!m->cap)
		return 0;
	i = slot(m, key);
	if (!m->used[i])
		return 0;
	*val = m->vals[i];
	return 1;
}

/* Doubles the table (at least 64 slots), keeping every entry. */
static void
grow(struct lcm_intmap *m)
{
	struct lcm_intmap big;
	size_t i;

	big.cap = m->cap ? 2 * m->cap : 64;
	big.len = 0;
	big.keys = lcm_xcalloc(big.cap, sizeof(*big.keys));
	big.vals = lcm_xcalloc(big.cap, sizeof(*big.vals));
	big.used = lcm_xcalloc(big.cap, 1);
	for (i = 0; i < m->cap; i++)
		if (m->used[i])
			lcm_intmap_put(&big, m->keys[i], m->vals[i]);
	lcm_intmap_release(m);
	*m = big;
}

void
lcm_intmap_put(struct lcm_intmap *m, int64_t key, int64_t val)
{
	size_t i;

	/* at most 3/4 full, so a probe always ends */
	if (4 * (m->len + 1) > 3 * m->cap)
		grow(m);
	i = slot(m, key);
	if (!m->used[i]) {
		m->used[i] = 1;
		m->keys[i] = key;
		m->len++;
	}
	m->vals[i] = val;
}
