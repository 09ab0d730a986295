/*
 * origin.h - integer origin keys (schema 3): a row's (platform,
 * external_id) as one 62-bit integer, so the store's unique index of
 * events holds 8-byte integers instead of text.
 *
 * The key is a hash, so two ids may share one: a row whose key is taken
 * by another id goes to the next free key of the LCM_ORIGIN_PROBES from
 * it (its "home"), and the table's _away table remembers it (see lcm(7)).
 * A row is always found by the range [key, key + LCM_ORIGIN_PROBES)
 * and its stored text id, never by the key alone.
 */
#ifndef LCM_ORIGIN_H
#define LCM_ORIGIN_H

#include <stdint.h>

#include <sqlite3.h>

/* How many keys from its home a row may be placed at. */
#define LCM_ORIGIN_PROBES 8

/*
 * The home key of (platform, external_id), in [0, 2^62). An id of
 * Moodle's log form ('t' and the digits of its time) keeps its first
 * twelve digits in the high bits, so a download (in time order) writes
 * the index at one place, as the text index was; other ids are a hash.
 */
int64_t lcm_origin_key(const char *platform, const char *external_id);

/*
 * Test hook: the 64-bit hash under the key (NULL: the default), so that
 * a test can make two ids collide.
 */
void lcm_origin_set_hash(uint64_t (*hash)(const char *platform, const char *external_id));

/*
 * Looks for (platform, external_id) among the keys from home: range is
 * a statement "SELECT origin, id, platform = ?3 AND external_id = ?4
 * FROM <table> WHERE origin BETWEEN ?1 AND ?2 ORDER BY origin" (borrowed,
 * reset here). Returns 1 (found: *id is the row), 0 (not there: *slot
 * is the first free key), 2 (not there, no key free: never merge, the
 * caller fails) or -1 (SQLite error, in the connection).
 */
int lcm_origin_probe(sqlite3_stmt *range, int64_t home, const char *platform,
		     const char *external_id, int64_t *id, int64_t *slot);

#endif
