/*
 * reaction.c - the post_reaction table (see reaction.h).
 */
#include "reaction.h"

/*
 * To move into the store's schema (store.c, a migration): until then the
 * first write creates it. One row per post, kind and source.
 */
static const char schema[] =
	"CREATE TABLE IF NOT EXISTS post_reaction(post_id INTEGER NOT NULL"
	" REFERENCES post(id), kind TEXT NOT NULL, count INTEGER NOT NULL,"
	" source TEXT NOT NULL, PRIMARY KEY(post_id, kind, source));";

static const char put_sql[] =
	"INSERT INTO post_reaction(post_id, kind, count, source) VALUES(?1, ?2, ?3, ?4)"
	" ON CONFLICT(post_id, kind, source) DO UPDATE SET count = excluded.count";

int
lcm_reaction_put(struct lcm_store *st, int64_t post_id, const char *kind,
		 int64_t count, const char *source, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare_making(st, put_sql, schema, err);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, post_id);
	sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 3, count);
	sqlite3_bind_text(s, 4, source, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot write a reaction");
	return 0;
}

int
lcm_reaction_present(struct lcm_store *st, struct lcm_err *err)
{
	return lcm_store_has_table(st, "post_reaction", err);
}
