/* origin.c - integer origin keys: see origin.h. */
#include "origin.h"

#include <string.h>

#include "strmap.h"

#define KEY_BITS 62
#define HASH_BITS 22		/* under the twelve time digits (< 2^40) */
#define TIME_DIGITS 12

/* FNV-1a of "platform\0external_id", then mixed (splitmix64's finalizer). */
static uint64_t
default_hash(const char *platform, const char *external_id)
{
	uint64_t h = lcm_fnv1a(LCM_FNV_INIT, platform, strlen(platform) + 1);

	h = lcm_fnv1a(h, external_id, strlen(external_id));
	h ^= h >> 30;
	h *= UINT64_C(0xbf58476d1ce4e5b9);
	h ^= h >> 27;
	h *= UINT64_C(0x94d049bb133111eb);
	return h ^ (h >> 31);
}

static uint64_t (*hash_fn)(const char *, const char *) = default_hash;

void
lcm_origin_set_hash(uint64_t (*hash)(const char *, const char *))
{
	hash_fn = hash ? hash : default_hash;
}

int64_t
lcm_origin_key(const char *platform, const char *external_id)
{
	uint64_t h = hash_fn(platform, external_id), v = 0;
	const char *p = external_id + 1;
	int n;

	if (external_id[0] != 't' || *p < '0' || *p > '9')
		return (int64_t)(h & ((UINT64_C(1) << KEY_BITS) - 1));
	/* fewer digits are padded, so that keys sort as the ids do */
	for (n = 0; n < TIME_DIGITS; n++) {
		v *= 10;
		if (*p >= '0' && *p <= '9')
			v += (uint64_t)(*p++ - '0');
		else
			p = "";
	}
	return (int64_t)(v << HASH_BITS | (h & ((UINT64_C(1) << HASH_BITS) - 1)));
}

int
lcm_origin_probe(sqlite3_stmt *range, int64_t home, const char *platform,
		 const char *external_id, int64_t *id, int64_t *slot)
{
	int64_t next = home, key;
	int rc;

	sqlite3_reset(range);
	sqlite3_bind_int64(range, 1, home);
	sqlite3_bind_int64(range, 2, home + LCM_ORIGIN_PROBES - 1);
	sqlite3_bind_text(range, 3, platform, -1, SQLITE_STATIC);
	sqlite3_bind_text(range, 4, external_id, -1, SQLITE_STATIC);
	*slot = -1;
	while ((rc = sqlite3_step(range)) == SQLITE_ROW) {
		key = sqlite3_column_int64(range, 0);
		if (sqlite3_column_int(range, 2)) {
			*id = sqlite3_column_int64(range, 1);
			sqlite3_reset(range);
			return 1;
		}
		/* the keys come in order: the first gap is free */
		if (*slot < 0 && key > next)
			*slot = next;
		next = key + 1;
	}
	sqlite3_reset(range);
	if (rc != SQLITE_DONE)
		return -1;
	if (*slot < 0 && next < home + LCM_ORIGIN_PROBES)
		*slot = next;
	return *slot < 0 ? 2 : 0;
}
