/*
 * tag.c - the thread_tag table (see tag.h).
 */
#include "tag.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Made by the first write, as post_reaction is (reaction.c). */
static const char schema[] =
	"CREATE TABLE IF NOT EXISTS thread_tag(thread_id INTEGER NOT NULL"
	" REFERENCES thread(id), tag TEXT NOT NULL, source TEXT NOT NULL,"
	" PRIMARY KEY(thread_id, tag));";

static const char drop_sql[] = "DELETE FROM thread_tag WHERE thread_id = ?1";
static const char put_sql[] =
	"INSERT OR IGNORE INTO thread_tag(thread_id, tag, source) VALUES(?1, ?2, ?3)";

int
lcm_tags_put(struct lcm_store *st, int64_t thread_id, const char *const *tags,
	     size_t n, const char *source, struct lcm_err *err)
{
	sqlite3_stmt *d = NULL, *s = NULL;
	size_t i;
	int rc = SQLITE_DONE;

	if (!n && (rc = lcm_store_has_table(st, "thread_tag", err)) <= 0)
		return rc;	/* no tags and no table: nothing to replace */
	if (!(d = lcm_store_prepare_making(st, drop_sql, schema, err)))
		return -1;
	if (!(s = lcm_store_prepare(st, put_sql, err))) {
		sqlite3_finalize(d);
		return -1;
	}
	sqlite3_bind_int64(d, 1, thread_id);
	rc = sqlite3_step(d);
	for (i = 0; i < n && rc == SQLITE_DONE; i++) {
		if (!tags[i][0])
			continue;
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, thread_id);
		sqlite3_bind_text(s, 2, tags[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, source, -1, SQLITE_STATIC);
		rc = sqlite3_step(s);
	}
	sqlite3_finalize(s);
	sqlite3_finalize(d);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot write a thread's tags");
	return 0;
}

size_t
lcm_tags_split_se(const char *v, char **buf, const char **tags, size_t max)
{
	char *p, *end;
	size_t n = 0;

	*buf = lcm_xstrdup(v ? v : "");
	p = *buf;
	if (*p == '|') {
		/* "|a|b|": each bar ends a tag */
		for (p++; n < max && (end = strchr(p, '|')); p = end + 1) {
			*end = '\0';
			if (*p)
				tags[n++] = p;
		}
	} else {
		/* "<a><b>" */
		for (; *p == '<' && n < max && (end = strchr(p + 1, '>')); p = end + 1) {
			*end = '\0';
			if (p[1])
				tags[n++] = p + 1;
		}
	}
	return n;
}

int
lcm_tags_present(struct lcm_store *st, struct lcm_err *err)
{
	return lcm_store_has_table(st, "thread_tag", err);
}
