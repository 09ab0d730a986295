/* strmap.c - string to int64 hash map: see strmap.h. */
#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

uint64_t
lcm_fnv1a(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;

	while (n--) {
		h ^= *s++;
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

void
lcm_strmap_init(struct lcm_strmap *m)
{
	m->keys = NULL;
	m->vals = NULL;
	m->hashes = NULL;
	m->cap = 0;
	m->len = 0;
}

void
lcm_strmap_release(struct lcm_strmap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	lcm_strmap_init(m);
}

/* Slot of key (hash h), or of the empty slot where it would go. */
static size_t
slot(const struct lcm_strmap *m, const char *key, uint64_t h)
{
	size_t i = (size_t)(h ^ h >> 29) & (m->cap - 1);

	while (m->keys[i] && (m->hashes[i] != h || strcmp(m->keys[i], key) != 0))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static uint64_t
hash(const char *key)
{
	return lcm_fnv1a(LCM_FNV_INIT, key, strlen(key));
}

int
lcm_strmap_get(const struct lcm_strmap *m, const char *key, int64_t *val)
{
	size_t i;

	if (!m->cap)
		return 0;
	i = slot(m, key, hash(key));
	if (!m->keys[i])
		return 0;
	*val = m->vals[i];
	return 1;
}

static void
grow(struct lcm_strmap *m)
{
	struct lcm_strmap old = *m;
	size_t i, j;

	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = lcm_xcalloc(m->cap, sizeof(*m->keys));
	m->vals = lcm_xcalloc(m->cap, sizeof(*m->vals));
	m->hashes = lcm_xcalloc(m->cap, sizeof(*m->hashes));
	for (i = 0; i < old.cap; i++) {
		if (!old.keys[i])
			continue;
		j = slot(m, old.keys[i], old.hashes[i]);
		m->keys[j] = old.keys[i];
		m->vals[j] = old.vals[i];
		m->hashes[j] = old.hashes[i];
	}
	free(old.keys);
	free(old.vals);
	free(old.hashes);
}

void
lcm_strmap_put(struct lcm_strmap *m, const char *key, int64_t val)
{
	uint64_t h = hash(key);
	size_t i;

	if ((m->len + 1) * 4 > m->cap * 3)
		grow(m);
	i = slot(m, key, h);
	if (!m->keys[i]) {
		m->keys[i] = lcm_xstrdup(key);
		m->hashes[i] = h;
		m->len++;
	}
	m->vals[i] = val;
}
