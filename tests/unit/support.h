/*
 * support.h - what the unit tests share: one value from a query on a
 * store. Include it after <cmocka.h> and "store.h".
 */
#ifndef LCM_TEST_SUPPORT_H
#define LCM_TEST_SUPPORT_H

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>

/* The integer in the first column of the query's first row; -1 for none. */
static inline int64_t
test_query_int(struct lcm_store *st, const char *sql)
{
	sqlite3_stmt *s = NULL;
	int64_t v = -1;

	assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

/* The text of the same cell, in a static buffer ("" for none or NULL). */
static inline const char *
test_query_text(struct lcm_store *st, const char *sql)
{
	static char out[512];
	sqlite3_stmt *s = NULL;

	out[0] = '\0';
	assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
		snprintf(out, sizeof(out), "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return out;
}

#endif
