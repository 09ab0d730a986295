/*
 * record.c - the nudge_message table (see record.h).
 */
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/*
 * To move into the store's schema (store.c, a migration to version 3):
 * until then lcm-nudge creates the table itself.
 */
static const char schema[] =
	"CREATE TABLE IF NOT EXISTS nudge_message(id INTEGER PRIMARY KEY,"
	" person_id INTEGER NOT NULL REFERENCES person(id), template TEXT NOT NULL,"
	" thread TEXT NOT NULL DEFAULT '', reasons TEXT,"
	" channel TEXT NOT NULL CHECK(channel IN ('outbox','mbox','sendmail','none')),"
	" skipped TEXT, message_id TEXT, ts INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS nudge_message_person"
	" ON nudge_message(person_id, template, thread, ts);"
	"CREATE INDEX IF NOT EXISTS nudge_message_ts ON nudge_message(ts);";

int
lcm_nudge_record_open(struct lcm_store *st, int write, struct lcm_err *err)
{
	if (write)
		return lcm_store_exec(st, schema, err) < 0 ? -1 : 1;
	return lcm_store_has_table(st, "nudge_message", err);
}

int
lcm_nudge_record_last(struct lcm_store *st, int64_t person_id,
		      const char *template, const char *thread,
		      int64_t since, int64_t until, int64_t *ts, struct lcm_err *err)
{
	sqlite3_stmt *s;
	int rc;

	s = lcm_store_prepare(st, "SELECT max(ts) FROM nudge_message WHERE person_id = ?1"
			      " AND template = ?2 AND thread = ?3 AND ts > ?4 AND ts <= ?5"
			      " AND channel <> 'none'", err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, person_id);
	sqlite3_bind_text(s, 2, template, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, thread ? thread : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, since);
	sqlite3_bind_int64(s, 5, until);
	if ((rc = sqlite3_step(s)) != SQLITE_ROW) {
		sqlite3_finalize(s);
		return lcm_store_fail(st, err, "reading nudge records");
	}
	rc = sqlite3_column_type(s, 0) != SQLITE_NULL;
	if (rc)
		*ts = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return rc;
}

int
lcm_nudge_record_add(struct lcm_store *st, const struct lcm_nudge_record *r,
		     struct lcm_err *err)
{
	sqlite3_stmt *s;
	int rc;

	s = lcm_store_prepare(st, "INSERT INTO nudge_message(person_id, template, thread,"
			      " reasons, channel, skipped, message_id, ts)"
			      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);
	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, r->person_id);
	sqlite3_bind_text(s, 2, r->template, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, r->thread ? r->thread : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, r->reasons, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, r->channel, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, r->skipped, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, r->message_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 8, r->ts);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "recording a message");
	return 0;
}

/* An owned copy of a column, NULL when NULL. */
static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *v = sqlite3_column_text(s, i);

	return v ? lcm_xstrdup((const char *)v) : NULL;
}

int
lcm_nudge_followup(struct lcm_store *st, int64_t since, int64_t now,
		   int64_t window, struct lcm_nudge_backs *out,
		   struct lcm_err *err)
{
	/* ?3 ends the window: the window, and never after now */
	static const char sql[] =
		"SELECT p.platform, p.external_id, p.name, m.template, m.channel,"
		" m.reasons, m.message_id, m.ts, (SELECT min(t) FROM ("
		"  SELECT min(created) AS t FROM post WHERE author_id = m.person_id"
		"   AND created > m.ts AND created <= min(m.ts + ?3, ?2) AND deleted = 0"
		"  UNION ALL SELECT min(ts) FROM event WHERE person_id = m.person_id"
		"   AND ts > m.ts AND ts <= min(m.ts + ?3, ?2)"
		"  UNION ALL SELECT min(ts) FROM completion WHERE person_id = m.person_id"
		"   AND ts > m.ts AND ts <= min(m.ts + ?3, ?2)))"
		" FROM nudge_message m JOIN person p ON p.id = m.person_id"
		" WHERE m.ts >= ?1 AND m.ts < ?2 ORDER BY m.ts, m.id";
	struct lcm_nudge_back *b;
	sqlite3_stmt *s;
	int rc;

	memset(out, 0, sizeof(*out));
	if (!(s = lcm_store_prepare(st, sql, err)))
		return -1;
	sqlite3_bind_int64(s, 1, since);
	sqlite3_bind_int64(s, 2, now);
	sqlite3_bind_int64(s, 3, window);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		out->v = lcm_xreallocarray(out->v, out->n + 1, sizeof(*out->v));
		b = &out->v[out->n++];
		b->platform = col_dup(s, 0);
		b->person = col_dup(s, 1);
		b->name = col_dup(s, 2);
		b->template = col_dup(s, 3);
		b->channel = col_dup(s, 4);
		b->reasons = col_dup(s, 5);
		b->message_id = col_dup(s, 6);
		b->ts = sqlite3_column_int64(s, 7);
		b->back = sqlite3_column_int64(s, 8);
		b->pending = !b->back && b->ts + window > now;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		lcm_nudge_backs_free(out);
		return lcm_store_fail(st, err, "reading nudge records");
	}
	return 0;
}

void
lcm_nudge_backs_free(struct lcm_nudge_backs *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		free(b->v[i].platform);
		free(b->v[i].person);
		free(b->v[i].name);
		free(b->v[i].template);
		free(b->v[i].channel);
		free(b->v[i].reasons);
		free(b->v[i].message_id);
	}
	free(b->v);
	memset(b, 0, sizeof(*b));
}
