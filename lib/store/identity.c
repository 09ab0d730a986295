/*
 * identity.c - one person across platforms: see identity.h.
 *
 * The rule lives in SQL over person_link: the accounts sharing a key
 * are found with one self-join (an index on the normalised key makes
 * it cheap), then each person is merged into the oldest one.
 */
#include "identity.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "csv.h"
#include "store_write.h"
#include "strmap.h"
#include "xalloc.h"

const struct lcm_choice lcm_link_bys[] = {
	{ "email", LCM_LINK_EMAIL }, { "username", LCM_LINK_USERNAME },
	{ "name", LCM_LINK_NAME }, { "none", LCM_LINK_NONE }, { NULL, 0 }
};

int
lcm_link_by_parse(const char *s, enum lcm_link_by *out)
{
	int v;

	if (lcm_choice_find(lcm_link_bys, s, &v) < 0)
		return -1;
	*out = (enum lcm_link_by)v;
	return 0;
}

/*
 * Pairs (person, oldest other person sharing a key with it), the key
 * being e-mail or username, trimmed and lower-cased. The conditions on
 * b repeat the partial index's so that SQLite uses it.
 */
#define PAIRS(col) \
	"SELECT a.person_id, min(b.person_id) FROM person_link a" \
	" JOIN person_link b ON lower(trim(b." col ")) = lower(trim(a." col "))" \
	" AND b." col " IS NOT NULL AND trim(b." col ") <> ''" \
	" WHERE a." col " IS NOT NULL AND trim(a." col ") <> ''" \
	" AND b.person_id < a.person_id GROUP BY a.person_id ORDER BY a.person_id"

/* What a merge moves, ?1 the person kept and ?2 the one merged into it. */
static const char *const merge_sql[] = {
	"UPDATE person_link SET person_id = ?1 WHERE person_id = ?2",
	"UPDATE thread SET author_id = ?1 WHERE author_id = ?2",
	"UPDATE post SET author_id = ?1 WHERE author_id = ?2",
	"UPDATE event SET person_id = ?1 WHERE person_id = ?2",
	/* both completed the same item: the kept person's record stays */
	"UPDATE OR IGNORE completion SET person_id = ?1 WHERE person_id = ?2",
	"DELETE FROM completion WHERE person_id = ?2",
	"UPDATE OR IGNORE person_skill SET person_id = ?1 WHERE person_id = ?2",
	"DELETE FROM person_skill WHERE person_id = ?2",
	"DELETE FROM person WHERE id = ?2",
};

int
lcm_identity_merge(struct lcm_store *st, int64_t keep, int64_t drop,
		   struct lcm_err *err)
{
	sqlite3_stmt *s;
	size_t i;
	int rc;

	if (keep == drop)
		return lcm_error(err, "cannot merge person %lld into itself", (long long)keep);
	for (i = 0; i < sizeof(merge_sql) / sizeof(merge_sql[0]); i++) {
		if (!(s = lcm_store_prepare(st, merge_sql[i], err)))
			return -1;
		sqlite3_bind_int64(s, 1, keep);
		sqlite3_bind_int64(s, 2, drop);
		rc = sqlite3_step(s);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE)
			return lcm_store_fail(st, err, "cannot merge two persons");
	}
	return lcm_store_person_derive(st, keep, NULL, err);
}

/* Where person id went, following earlier merges of this pass. */
static int64_t
resolve(const struct lcm_strmap *moved, int64_t id)
{
	char key[32];
	int64_t to;

	for (;;) {
		snprintf(key, sizeof(key), "%lld", (long long)id);
		if (!lcm_strmap_get(moved, key, &to))
			return id;
		id = to;
	}
}

/* One pass over the pairs; *n counts the merges done. */
static int
link_pass(struct lcm_store *st, const char *sql, struct lcm_strmap *moved,
	  long *n, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st, sql, err);
	int64_t *pairs = NULL, drop, keep;
	size_t len = 0, cap = 0, i;
	char key[32];
	int rc;

	if (!s)
		return -1;
	/* read all pairs first: merging changes the table being read */
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (len + 2 > cap) {
			cap = cap ? 2 * cap : 64;
			pairs = lcm_xreallocarray(pairs, cap, sizeof(*pairs));
		}
		pairs[len++] = sqlite3_column_int64(s, 0);
		pairs[len++] = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(pairs);
		return lcm_store_fail(st, err, "cannot find persons to link");
	}
	for (i = 0; i < len; i += 2) {
		drop = resolve(moved, pairs[i]);
		keep = resolve(moved, pairs[i + 1]);
		if (drop == keep)
			continue;
		if (drop < keep) {
			int64_t t = drop;

			drop = keep;
			keep = t;
		}
		if (lcm_identity_merge(st, keep, drop, err) < 0) {
			free(pairs);
			return -1;
		}
		snprintf(key, sizeof(key), "%lld", (long long)drop);
		lcm_strmap_put(moved, key, keep);
		(*n)++;
	}
	free(pairs);
	return 0;
}

int
lcm_identity_link(struct lcm_store *st, enum lcm_link_by by, long *merged,
		  struct lcm_err *err)
{
	struct lcm_strmap moved;
	long n = 0, before;
	int rc = 0;

	if (merged)
		*merged = 0;
	if (by == LCM_LINK_NONE)
		return 0;
	lcm_strmap_init(&moved);
	/* a merge can bring keys together that link further: until stable */
	do {
		before = n;
		rc = link_pass(st, by == LCM_LINK_EMAIL ? PAIRS("email") :
			       by == LCM_LINK_NAME ? PAIRS("name") : PAIRS("username"),
			       &moved, &n, err);
	} while (rc == 0 && n > before);
	lcm_strmap_release(&moved);
	if (rc == 0 && merged)
		*merged = n;
	return rc;
}

/* The persons ?1 names (see lcm_identity_mark_staff). */
static const char staff_find[] =
	"SELECT person_id FROM person_link WHERE lower(trim(name)) = lower(trim(?1))"
	" OR lower(trim(email)) = lower(trim(?1)) OR lower(trim(username)) = lower(trim(?1))"
	" OR platform || ':' || external_id = ?1"
	" UNION SELECT id FROM person WHERE lower(trim(name)) = lower(trim(?1))"
	" OR lower(trim(email)) = lower(trim(?1)) OR lower(trim(username)) = lower(trim(?1))"
	" OR platform || ':' || external_id = ?1";

/* Runs sql (no parameter); *changes (may be NULL) gets the rows changed. */
static int
run(struct lcm_store *st, const char *sql, long *changes, struct lcm_err *err)
{
	if (lcm_store_exec(st, sql, err) < 0)
		return -1;
	if (changes)
		*changes = sqlite3_changes(st->db);
	return 0;
}

int
lcm_identity_mark_staff(struct lcm_store *st, const char *const *names, size_t n,
			void (*unknown)(void *arg, const char *name), void *arg,
			long *persons, long *newly, struct lcm_err *err)
{
	sqlite3_stmt *find = NULL, *add = NULL, *count = NULL;
	size_t i;
	int rc = -1, step, found;

	*persons = *newly = 0;
	if (run(st, "CREATE TEMP TABLE IF NOT EXISTS staff_mark(id INTEGER PRIMARY KEY);"
		"DELETE FROM temp.staff_mark;", NULL, err) < 0 ||
	    !(find = lcm_store_prepare(st, staff_find, err)) ||
	    !(add = lcm_store_prepare(st, "INSERT OR IGNORE INTO temp.staff_mark"
				      " VALUES(?1)", err)) ||
	    !(count = lcm_store_prepare(st, "SELECT count(*) FROM temp.staff_mark", err)))
		goto out;
	for (i = 0; i < n; i++) {
		sqlite3_reset(find);
		sqlite3_bind_text(find, 1, names[i], -1, SQLITE_STATIC);
		found = 0;
		while ((step = sqlite3_step(find)) == SQLITE_ROW) {
			found = 1;
			sqlite3_reset(add);
			sqlite3_bind_int64(add, 1, sqlite3_column_int64(find, 0));
			if (sqlite3_step(add) != SQLITE_DONE) {
				lcm_store_fail(st, err, "cannot mark staff");
				goto out;
			}
		}
		if (step != SQLITE_DONE) {
			lcm_store_fail(st, err, "cannot look up a person");
			goto out;
		}
		if (!found && unknown)
			unknown(arg, names[i]);
	}
	if (sqlite3_step(count) != SQLITE_ROW) {
		lcm_store_fail(st, err, "cannot mark staff");
		goto out;
	}
	*persons = (long)sqlite3_column_int64(count, 0);
	sqlite3_reset(count);	/* the table is dropped below */
	/* a person without accounts (made without lcm_store_person) has its row only */
	if (run(st, "UPDATE person_link SET role = 'staff' WHERE person_id IN"
		" (SELECT id FROM temp.staff_mark) AND role IS NOT 'staff'", NULL, err) < 0 ||
	    run(st, "UPDATE person SET role = 'staff' WHERE id IN"
		" (SELECT id FROM temp.staff_mark) AND role <> 'staff'", newly, err) < 0 ||
	    run(st, "DROP TABLE temp.staff_mark", NULL, err) < 0)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(find);
	sqlite3_finalize(add);
	sqlite3_finalize(count);
	return rc;
}

/* Adds s to a ','-list of distinct values kept sorted by the query. */
static void
add_platform(struct lcm_buf *b, const char *s)
{
	const char *last = strrchr(b->data, ',');

	last = last ? last + 1 : b->data;
	if (b->len && strcmp(last, s) == 0)
		return;
	lcm_buf_printf(b, "%s%s", b->len ? "," : "", s);
}

/* Hands the person gathered in id to fn. */
static int
emit(struct lcm_identity *id, struct lcm_buf *plat, struct lcm_buf *acc,
     int merged_only, int (*fn)(void *, const struct lcm_identity *), void *arg)
{
	id->platforms = plat->data;
	id->accounts = acc->data;
	if (merged_only && id->naccounts < 2)
		return 0;
	return fn(arg, id);
}

int
lcm_identity_each(struct lcm_store *st, int merged_only,
		  int (*fn)(void *arg, const struct lcm_identity *id),
		  void *arg, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st,
		"SELECT p.id, p.name, p.email, p.role, l.platform, l.external_id"
		" FROM person p LEFT JOIN person_link l ON l.person_id = p.id"
		" ORDER BY p.id, l.platform, l.external_id", err);
	struct lcm_identity id;
	struct lcm_buf name, email, role, plat, acc;
	int64_t pid;
	int rc, have = 0, stop = 0;

	if (!s)
		return -1;
	lcm_buf_init(&name);
	lcm_buf_init(&email);
	lcm_buf_init(&role);
	lcm_buf_init(&plat);
	lcm_buf_init(&acc);
	memset(&id, 0, sizeof(id));
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		pid = sqlite3_column_int64(s, 0);
		if (have && pid != id.person) {
			stop = emit(&id, &plat, &acc, merged_only, fn, arg) < 0;
			have = 0;
		}
		if (!have) {
			memset(&id, 0, sizeof(id));
			id.person = pid;
			lcm_buf_reset(&name);
			lcm_buf_reset(&email);
			lcm_buf_reset(&role);
			lcm_buf_reset(&plat);
			lcm_buf_reset(&acc);
			/* copies: the row's text goes away at the next step */
			if (sqlite3_column_type(s, 1) != SQLITE_NULL) {
				lcm_buf_adds(&name, (const char *)sqlite3_column_text(s, 1));
				id.name = name.data;
			}
			if (sqlite3_column_type(s, 2) != SQLITE_NULL) {
				lcm_buf_adds(&email, (const char *)sqlite3_column_text(s, 2));
				id.email = email.data;
			}
			lcm_buf_adds(&role, (const char *)sqlite3_column_text(s, 3));
			id.role = role.data;
			have = 1;
		}
		if (sqlite3_column_type(s, 4) != SQLITE_NULL) {
			add_platform(&plat, (const char *)sqlite3_column_text(s, 4));
			lcm_buf_printf(&acc, "%s%s:%s", acc.len ? " " : "",
				       (const char *)sqlite3_column_text(s, 4),
				       (const char *)sqlite3_column_text(s, 5));
			id.naccounts++;
		}
	}
	if (stop) {
		rc = -1;
	} else if (rc != SQLITE_DONE) {
		rc = lcm_store_fail(st, err, "cannot list persons");
	} else {
		rc = have ? emit(&id, &plat, &acc, merged_only, fn, arg) : 0;
	}
	sqlite3_finalize(s);
	lcm_buf_release(&name);
	lcm_buf_release(&email);
	lcm_buf_release(&role);
	lcm_buf_release(&plat);
	lcm_buf_release(&acc);
	return rc;
}

/* The link map: its rows, each three owned strings. */
struct lcm_link_map {
	char **cells;		/* platform, account, person of row i at 3i.. */
	size_t n, cap;		/* rows */
};

void
lcm_link_map_free(struct lcm_link_map *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < 3 * m->n; i++)
		free(m->cells[i]);
	free(m->cells);
	free(m);
}

int
lcm_link_map_load(const char *path, struct lcm_link_map **out, struct lcm_err *err)
{
	static const char *const want[3] = { "platform", "account", "person" };
	struct lcm_link_map *m = lcm_xcalloc(1, sizeof(*m));
	struct lcm_csv_reader *r = NULL;
	struct lcm_csv_record rec;
	int col[3], got, rc = -1;
	size_t i, k, ncols = 0;
	FILE *fp = fopen(path, "rb");

	*out = NULL;
	if (!fp) {
		lcm_error_at(err, path, 0, "cannot open: %s", strerror(errno));
		goto out;
	}
	if (!(r = lcm_csv_open(fp, path, NULL, err)))
		goto out;
	if ((got = lcm_csv_next(r, &rec, err)) <= 0) {
		if (got == 0)
			lcm_error_at(err, path, 0, "empty file: no header line"
				     " (platform,account,person)");
		goto out;
	}
	ncols = rec.nfields;
	for (k = 0; k < 3; k++) {
		col[k] = -1;
		for (i = 0; i < rec.nfields; i++)
			if (strcasecmp(rec.fields[i], want[k]) == 0)
				col[k] = (int)i;
		if (col[k] < 0) {
			lcm_error_at(err, path, rec.line, "no column '%s' in the header"
				     " (platform,account,person)", want[k]);
			goto out;
		}
	}
	while ((got = lcm_csv_next(r, &rec, err)) > 0) {
		if (rec.nfields != ncols) {
			lcm_error_at(err, path, rec.line, "expected %zu fields as in the"
				     " header, found %zu", ncols, rec.nfields);
			goto out;
		}
		for (k = 0; k < 3; k++)
			if (!*rec.fields[col[k]]) {
				lcm_error_at(err, path, rec.line, "column '%s' is empty", want[k]);
				goto out;
			}
		if (m->n == m->cap) {
			m->cap = m->cap ? 2 * m->cap : 16;
			m->cells = lcm_xreallocarray(m->cells, 3 * m->cap, sizeof(*m->cells));
		}
		for (k = 0; k < 3; k++)
			m->cells[3 * m->n + k] = lcm_xstrdup(rec.fields[col[k]]);
		m->n++;
	}
	if (got < 0)
		goto out;
	*out = m;
	m = NULL;
	rc = 0;
out:
	if (r)
		lcm_csv_close(r);
	if (fp)
		fclose(fp);
	lcm_link_map_free(m);
	return rc;
}

/* The account of a row: by id first, else username or e-mail there. */
static const char account_find[] =
	"SELECT person_id FROM person_link WHERE platform = ?1 AND (external_id = ?2"
	" OR lower(trim(username)) = lower(trim(?2)) OR lower(trim(email)) = lower(trim(?2)))"
	" ORDER BY external_id = ?2 DESC, person_id LIMIT 1";
/* The person a row names: platform:id of an account, else an e-mail address. */
static const char person_find[] =
	"SELECT min(person_id) FROM person_link WHERE platform || ':' || external_id = ?1"
	" UNION ALL SELECT min(person_id) FROM person_link"
	" WHERE lower(trim(email)) = lower(trim(?1))";

/* The first non-NULL id sql gives for a and b (b may be NULL); 0 for none. */
static int
find(sqlite3_stmt *s, const char *a, const char *b, int64_t *id)
{
	int rc;

	*id = 0;
	sqlite3_reset(s);
	sqlite3_bind_text(s, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(s, 2, b, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (!*id && sqlite3_column_type(s, 0) != SQLITE_NULL)
			*id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

int
lcm_link_map_apply(struct lcm_store *st, const struct lcm_link_map *m,
		   long *merged, long *unknown, struct lcm_err *err)
{
	sqlite3_stmt *acc = lcm_store_prepare(st, account_find, err), *who = NULL;
	int64_t a, p;
	long nm = 0, nu = 0;
	size_t i;
	int rc = -1;

	if (!acc || !(who = lcm_store_prepare(st, person_find, err)))
		goto out;
	for (i = 0; i < m->n; i++) {
		char *const *row = m->cells + 3 * i;

		if (find(acc, row[0], row[1], &a) < 0 || find(who, row[2], NULL, &p) < 0) {
			lcm_store_fail(st, err, "cannot look up a person of the link map");
			goto out;
		}
		if (!a || !p) {
			nu++;
			continue;
		}
		if (a == p)
			continue;
		/* the person first stored is kept */
		if (lcm_identity_merge(st, a < p ? a : p, a < p ? p : a, err) < 0)
			goto out;
		nm++;
	}
	rc = 0;
out:
	if (merged)
		*merged = nm;
	if (unknown)
		*unknown = nu;
	sqlite3_finalize(acc);
	sqlite3_finalize(who);
	return rc;
}
