/*
 * support.h - what the unit tests share: a store in memory, one value
 * from a query on it. Include it after <cmocka.h> and "store.h".
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

/* A new store in memory in st, with sql run on it (may be NULL). */
static inline void
test_store_memory(struct lcm_store *st, const char *sql)
{
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_store_open(st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	if (sql && lcm_store_exec(st, sql, &err) < 0)
		fail_msg("%s", err.msg);
}

/* A version 3 store's event table made as version 1 and 2 had it. */
#define TEST_V2_EVENT "DROP VIEW event_text; DROP TABLE event; DROP TABLE event_away;" \
	"CREATE TABLE event(id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES person(id)," \
	" course_id INTEGER REFERENCES course(id), ts INTEGER NOT NULL," \
	" verb INTEGER NOT NULL REFERENCES term(id), object INTEGER REFERENCES term(id)," \
	" platform TEXT NOT NULL, external_id TEXT NOT NULL, UNIQUE(platform, external_id));" \
	"CREATE INDEX event_person ON event(person_id, ts);" \
	"CREATE VIEW event_text AS SELECT e.id, e.person_id, e.course_id, e.ts," \
	" v.text AS verb, o.text AS object, e.platform, e.external_id" \
	" FROM event e JOIN term v ON v.id = e.verb LEFT JOIN term o ON o.id = e.object;"

#endif
