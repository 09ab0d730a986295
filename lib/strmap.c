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
	lcm_strmap_init(m);
}

/* Slot of key, or of the empty slot where it would go. */
static size_t
slot(const struct lcm_strmap *m, const char *key)
{
	size_t i = (size_t)lcm_fnv1a(LCM_FNV_INIT, key, strlen(key)) & (m->cap - 1);

	while (m->keys[i] && strcmp(m->keys[i], key) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

int
lcm_strmap_get(const struct lcm_strmap *m, const char *key, int64_t *val)
{
	size_t i;

	if (!m->cap)
		return 0;
	i = slot(m, key);
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
	for (i = 0; i < old.cap; i++) {
		if (!old.keys[i])
			continue;
		j = slot(m, old.keys[i]);
		m->keys[j] = old.keys[i];
		m->vals[j] = old.vals[i];
	}
	free(old.keys);
	free(old.vals);
}

void
lcm_strmap_put(struct lcm_strmap *m, const char *key, int64_t val)
{
	size_t i;

	if ((m->len + 1) * 4 > m->cap * 3)
		grow(m);
	i = slot(m, key);
	if (!m->keys[i]) {
		m->keys[i] = lcm_xstrdup(key);
		m->len++;
	}
	m->vals[i] = val;
}
