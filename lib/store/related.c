/*
 * related.c - the thread_related table (see related.h).
 */
#include "related.h"

/* Made by the first write, as post_reaction is (reaction.c). */
static const char schema[] =
	"CREATE TABLE IF NOT EXISTS thread_related(thread_id INTEGER NOT NULL"
	" REFERENCES thread(id), related_id INTEGER NOT NULL REFERENCES thread(id),"
	" kind TEXT NOT NULL, source TEXT NOT NULL,"
	" PRIMARY KEY(thread_id, related_id, kind));";

static const char put_sql[] =
	"INSERT OR IGNORE INTO thread_related(thread_id, related_id, kind, source)"
	" VALUES(?1, ?2, ?3, ?4)";

int
lcm_related_put(struct lcm_store *st, int64_t thread_id, int64_t related_id,
		const char *kind, const char *source, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare_making(st, put_sql, schema, err);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, thread_id);
	sqlite3_bind_int64(s, 2, related_id);
	sqlite3_bind_text(s, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, source, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot write a thread's link");
	return 0;
}
