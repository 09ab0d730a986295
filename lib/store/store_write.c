/*
 * store_write.c - idempotent upserts into the store: see store_write.h.
 *
 * Rows found by (platform, external_id) are updated only when a value
 * differs (the "IS NOT" guards), so sqlite3_changes() tells an update
 * from a row that is already up to date.
 */
#include "store_write.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "origin.h"
#include "strmap.h"
#include "xalloc.h"

enum stmt_id {
	PERSON_FIND, PERSON_INSERT,
	COURSE_FIND, COURSE_INSERT,
	FORUM_FIND, FORUM_INSERT,
	THREAD_FIND, THREAD_INSERT, THREAD_UPDATE,
	POST_FIND, POST_INSERT, POST_UPDATE,
	EVENT_INSERT, EVENT_UPDATE, EVENT_RANGE, EVENT_AWAY,
	TERM_FIND, TERM_INSERT,
	ITEM_FIND, ITEM_INSERT, ITEM_UPDATE,
	ITEM_SKILL_CLEAR, ITEM_SKILL_ADD, ITEM_PREREQ_CLEAR, ITEM_PREREQ_ADD,
	COMPLETION_INSERT, COMPLETION_UPDATE, PERSON_SKILL_ADD, SOURCE_ADD, LINK_PARENTS, PERSON_BY_NAME, PERSON_EXT_BY_NAME,
	LINK_INSERT, LINK_UPDATE, LINK_ADOPT, PERSON_DERIVE, POST_FIND_THREAD,
	THREAD_ROOT, COMPLETION_LATEST, TERM_LABEL, VOIDED_ADD, VOIDED_FIND,
	VOID_COMPLETION, VOID_EVENT, VOID_POST,
	NSTMT
};

static const char *const sql[NSTMT] = {
	/* a person row made without lcm_store_person has no link yet */
	[PERSON_FIND] = "SELECT person_id, 1 FROM person_link WHERE platform = ?1"
		" AND external_id = ?2 UNION ALL SELECT id, 0 FROM person"
		" WHERE platform = ?1 AND external_id = ?2 LIMIT 1",
	[PERSON_INSERT] = "INSERT INTO person(platform, external_id, name, email, role,"
		" cohort, manager, username) VALUES(?1, ?2, ?3, ?4, coalesce(?5, 'learner'),"
		" ?6, ?7, ?8)",
	[LINK_INSERT] = "INSERT INTO person_link(platform, external_id, person_id, name,"
		" email, role, cohort, manager, username) VALUES(?1, ?2, ?9, ?3, ?4, ?5,"
		" ?6, ?7, ?8)",
	[LINK_UPDATE] = "UPDATE person_link SET name = coalesce(?3, name),"
		" email = coalesce(?4, email), role = coalesce(?5, role),"
		" cohort = coalesce(?6, cohort), manager = coalesce(?7, manager),"
		" username = coalesce(?8, username)"
		" WHERE platform = ?1 AND external_id = ?2"
		" AND (name, email, role, cohort, manager, username) IS NOT"
		" (coalesce(?3, name), coalesce(?4, email), coalesce(?5, role),"
		" coalesce(?6, cohort), coalesce(?7, manager), coalesce(?8, username))",
	[LINK_ADOPT] = "INSERT INTO person_link(platform, external_id, person_id, name,"
		" email, role, cohort, manager, username) SELECT platform, external_id, id,"
		" coalesce(?3, name), coalesce(?4, email), coalesce(?5, role),"
		" coalesce(?6, cohort), coalesce(?7, manager), coalesce(?8, username)"
		" FROM person WHERE id = ?9",
	/* the first value known in the order the links were made; strongest role */
	[PERSON_DERIVE] = "UPDATE person SET name = d.name, email = d.email,"
		" role = d.role, cohort = d.cohort, manager = d.manager,"
		" username = d.username FROM (SELECT"
		" (SELECT name FROM person_link WHERE person_id = ?1 AND name IS NOT NULL"
		"  ORDER BY rowid LIMIT 1) AS name,"
		" (SELECT email FROM person_link WHERE person_id = ?1 AND email IS NOT NULL"
		"  ORDER BY rowid LIMIT 1) AS email,"
		" coalesce((SELECT role FROM person_link WHERE person_id = ?1"
		"  AND role IS NOT NULL ORDER BY CASE role WHEN 'staff' THEN 0"
		"  WHEN 'expert' THEN 1 ELSE 2 END, rowid LIMIT 1), 'learner') AS role,"
		" (SELECT cohort FROM person_link WHERE person_id = ?1 AND cohort IS NOT NULL"
		"  ORDER BY rowid LIMIT 1) AS cohort,"
		" (SELECT manager FROM person_link WHERE person_id = ?1 AND manager IS NOT NULL"
		"  ORDER BY rowid LIMIT 1) AS manager,"
		" (SELECT username FROM person_link WHERE person_id = ?1"
		"  AND username IS NOT NULL ORDER BY rowid LIMIT 1) AS username) AS d"
		" WHERE person.id = ?1 AND (person.name, person.email, person.role,"
		" person.cohort, person.manager, person.username) IS NOT"
		" (d.name, d.email, d.role, d.cohort, d.manager, d.username)",
	[COURSE_FIND] = "SELECT id FROM course WHERE platform = ?1 AND external_id = ?2",
	[COURSE_INSERT] = "INSERT INTO course(platform, external_id, name) VALUES(?1, ?2, ?3)",
	[FORUM_FIND] = "SELECT id FROM forum WHERE platform = ?1 AND external_id = ?2",
	[FORUM_INSERT] = "INSERT INTO forum(platform, external_id, course_id, name)"
		" VALUES(?1, ?2, ?3, ?4)",
	[THREAD_FIND] = "SELECT id FROM thread WHERE platform = ?1 AND external_id = ?2",
	[THREAD_INSERT] = "INSERT INTO thread(platform, external_id, forum_id, title,"
		" author_id, created) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
	/*
	 * A thread's author is its opener's, kept once known: another opening
	 * post on the same object (xAPI "asked" twice) must not take it over.
	 */
	[THREAD_UPDATE] = "UPDATE thread SET forum_id = coalesce(?3, forum_id),"
		" title = coalesce(?4, title), author_id = coalesce(author_id, ?5),"
		" created = coalesce(?6, created) WHERE id = ?1 AND"
		" (forum_id, title, author_id, created) IS NOT (coalesce(?3, forum_id),"
		" coalesce(?4, title), coalesce(author_id, ?5), coalesce(?6, created))",
	[POST_FIND] = "SELECT id FROM post WHERE platform = ?1 AND external_id = ?2",
	/* the parent is linked at once when already stored (the usual order) */
	[POST_INSERT] = "INSERT INTO post(platform, external_id, thread_id, parent_ext,"
		" parent_id, author_id, created, modified, subject, body, words, is_question,"
		" deleted, private, accepted) VALUES(?1, ?2, ?3, ?4, (SELECT id FROM post"
		" WHERE platform = ?1 AND external_id = ?4), ?5, ?6, ?7, ?8,"
		" ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT(platform, external_id) DO NOTHING",
	[POST_UPDATE] = "UPDATE post SET thread_id = ?3, parent_ext = ?4,"
		" parent_id = CASE WHEN parent_ext IS ?4 THEN parent_id END,"
		" author_id = ?5, created = ?6, modified = ?7, subject = ?8, body = ?9,"
		" words = ?10, is_question = ?11, deleted = ?12, private = ?13, accepted = ?14"
		" WHERE id = ?1 AND (thread_id, parent_ext, author_id, created, modified,"
		" subject, body, words, is_question, deleted, private, accepted) IS NOT"
		" (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
	/* ?8 the origin key (origin.h); the text is told apart by EVENT_RANGE */
	[EVENT_INSERT] = "INSERT INTO event(platform, external_id, person_id,"
		" course_id, ts, verb, object, origin) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT(origin) DO NOTHING",
	[EVENT_UPDATE] = "UPDATE event SET person_id = ?3, course_id = ?4, ts = ?5,"
		" verb = ?6, object = ?7 WHERE id = ?9"
		" AND (person_id, course_id, ts, verb, object) IS NOT (?3, ?4, ?5, ?6, ?7)",
	[EVENT_RANGE] = "SELECT origin, id, platform = ?3 AND external_id = ?4 FROM event"
		" WHERE origin BETWEEN ?1 AND ?2 ORDER BY origin",
	[EVENT_AWAY] = "INSERT INTO event_away(origin, home) VALUES(?1, ?2)",
	[TERM_FIND] = "SELECT id FROM term WHERE text = ?1",
	[TERM_INSERT] = "INSERT INTO term(text) VALUES(?1)",
	[ITEM_FIND] = "SELECT id FROM item WHERE platform = ?1 AND external_id = ?2",
	[ITEM_INSERT] = "INSERT INTO item(platform, external_id, title, format,"
		" duration_min, level, language, url) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[ITEM_UPDATE] = "UPDATE item SET title = ?3, format = ?4, duration_min = ?5,"
		" level = ?6, language = ?7, url = ?8 WHERE id = ?1 AND (title, format,"
		" duration_min, level, language, url) IS NOT (?3, ?4, ?5, ?6, ?7, ?8)",
	[ITEM_SKILL_CLEAR] = "DELETE FROM item_skill WHERE item_id = ?1",
	[ITEM_SKILL_ADD] = "INSERT OR IGNORE INTO item_skill(item_id, skill) VALUES(?1, ?2)",
	[ITEM_PREREQ_CLEAR] = "DELETE FROM item_prereq WHERE item_id = ?1",
	[ITEM_PREREQ_ADD] = "INSERT OR IGNORE INTO item_prereq(item_id, requires) VALUES(?1, ?2)",
	[COMPLETION_INSERT] = "INSERT INTO completion(person_id, item_id, state,"
		" ts, score) VALUES(?1, ?2, ?3, ?4, ?5)"
		" ON CONFLICT(person_id, item_id) DO NOTHING",
	[COMPLETION_UPDATE] = "UPDATE completion SET state = ?3, ts = ?4, score = ?5"
		" WHERE person_id = ?1 AND item_id = ?2 AND (state, ts, score) IS NOT (?3, ?4, ?5)",
	[PERSON_SKILL_ADD] = "INSERT OR IGNORE INTO person_skill(person_id, skill, kind)"
		" VALUES(?1, ?2, ?3)",
	[SOURCE_ADD] = "INSERT INTO source(platform, format, path, imported_at, rows)"
		" VALUES(?1, ?2, ?3, ?4, ?5)",
	/* by the platform's own name for the account, in the links first */
	[PERSON_BY_NAME] = "SELECT id FROM (SELECT person_id AS id, 0 AS k, rowid AS r"
		" FROM person_link WHERE platform = ?1 AND name = ?2 UNION ALL"
		" SELECT id, 1, id FROM person WHERE platform = ?1 AND name = ?2)"
		" ORDER BY k, r LIMIT 1",
	[PERSON_EXT_BY_NAME] = "SELECT ext FROM (SELECT external_id AS ext, 0 AS k,"
		" rowid AS r FROM person_link WHERE platform = ?1 AND name = ?2 UNION ALL"
		" SELECT external_id, 1, id FROM person WHERE platform = ?1 AND name = ?2)"
		" ORDER BY k, r LIMIT 1",
	[POST_FIND_THREAD] = "SELECT id, thread_id FROM post WHERE platform = ?1"
		" AND external_id = ?2",
	[THREAD_ROOT] = "SELECT external_id FROM post WHERE thread_id = ?1"
		" AND parent_ext IS NULL ORDER BY created, id LIMIT 1",
	/* only a later statement replaces a completion; ties by state, score */
	[COMPLETION_LATEST] = "UPDATE completion SET state = ?3, ts = ?4, score = ?5"
		" WHERE person_id = ?1 AND item_id = ?2 AND (ts IS NULL OR ts < ?4 OR"
		" (ts = ?4 AND (state < ?3 OR (state = ?3 AND"
		" coalesce(score, -1e308) < coalesce(?5, -1e308)))))",
	[TERM_LABEL] = "UPDATE term SET label = ?2 WHERE id = ?1 AND label IS NOT ?2",
	[VOIDED_ADD] = "INSERT OR IGNORE INTO voided(platform, external_id) VALUES(?1, ?2)",
	[VOIDED_FIND] = "SELECT 1 FROM voided WHERE platform = ?1 AND external_id = ?2",
	[VOID_COMPLETION] = "DELETE FROM completion WHERE (person_id, item_id, ts) IN"
		" (SELECT e.person_id, i.id, e.ts FROM event e JOIN term o ON o.id = e.object"
		" JOIN item i ON i.platform = e.platform AND i.external_id = o.text"
		" WHERE e.origin BETWEEN ?3 AND ?4 AND e.platform = ?1 AND e.external_id = ?2)",
	[VOID_EVENT] = "DELETE FROM event WHERE origin BETWEEN ?3 AND ?4"
		" AND platform = ?1 AND external_id = ?2",
	[VOID_POST] = "UPDATE post SET deleted = 1 WHERE platform = ?1"
		" AND external_id = ?2 AND deleted = 0",
	[LINK_PARENTS] = "UPDATE post SET parent_id = (SELECT p.id FROM post p"
		" WHERE p.platform = post.platform AND p.external_id = post.parent_ext)"
		" WHERE parent_id IS NULL AND parent_ext IS NOT NULL",
};

/* Terms cached in memory at most (then the cache starts again). */
#define TERM_CACHE_MAX 100000

struct lcm_store_stmts {
	sqlite3_stmt *s[NSTMT];
	struct lcm_strmap terms;	/* term text -> id */
};

void
lcm_store_stmts_free(struct lcm_store *st)
{
	int i;

	if (!st->stmt)
		return;
	for (i = 0; i < NSTMT; i++)
		sqlite3_finalize(st->stmt->s[i]);
	lcm_strmap_release(&st->stmt->terms);
	free(st->stmt);
	st->stmt = NULL;
}

/* The statement i, prepared on first use and reset for binding. */
static sqlite3_stmt *
stmt(struct lcm_store *st, enum stmt_id i, struct lcm_err *err)
{
	if (!st->stmt) {
		st->stmt = lcm_xcalloc(1, sizeof(*st->stmt));
		st->stmt_free = lcm_store_stmts_free;
		lcm_strmap_init(&st->stmt->terms);
	}
	if (!st->stmt->s[i]) {
		st->stmt->s[i] = lcm_store_prepare(st, sql[i], err);
		if (!st->stmt->s[i])
			return NULL;
	} else {
		sqlite3_reset(st->stmt->s[i]);
		sqlite3_clear_bindings(st->stmt->s[i]);
	}
	return st->stmt->s[i];
}

static void
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

/* Binds an id, 0 meaning NULL. */
static void
bind_id(sqlite3_stmt *s, int i, int64_t v)
{
	if (v)
		sqlite3_bind_int64(s, i, v);
}

/*
 * The columns a writer binds, described once per table: the parameter,
 * how the member is read, where it is in the row (and its has_ flag).
 * A table of them ends with param 0.
 */
enum field_kind {
	F_TEXT,		/* const char *, NULL binds nothing (NULL) */
	F_ID,		/* int64_t, 0 binds NULL */
	F_I64,		/* int64_t */
	F_INT,		/* int */
	F_OPT_I64,	/* int64_t, bound when the int at has is set */
	F_OPT_REAL	/* double, bound when the int at has is set */
};

struct field {
	int param;
	enum field_kind kind;
	size_t at, has;
};

#define FIELD(p, kind, type, m) { (p), (kind), offsetof(type, m), 0 }
#define FIELD_OPT(p, kind, type, m, h) { (p), (kind), offsetof(type, m), offsetof(type, h) }

static void
bind_fields(sqlite3_stmt *s, const struct field *f, const void *row)
{
	const char *r = row;

	for (; f->param; f++) {
		const void *v = r + f->at;
		int has = 1;

		if (f->kind == F_OPT_I64 || f->kind == F_OPT_REAL)
			memcpy(&has, r + f->has, sizeof(has));
		if (!has)
			continue;
		switch (f->kind) {
		case F_TEXT:
			bind_text(s, f->param, *(const char *const *)v);
			break;
		case F_ID:
			bind_id(s, f->param, *(const int64_t *)v);
			break;
		case F_I64:
		case F_OPT_I64:
			sqlite3_bind_int64(s, f->param, *(const int64_t *)v);
			break;
		case F_INT:
			sqlite3_bind_int(s, f->param, *(const int *)v);
			break;
		case F_OPT_REAL:
			sqlite3_bind_double(s, f->param, *(const double *)v);
			break;
		}
	}
}

/* Steps a statement that returns nothing; 0 or -1. */
static int
run(struct lcm_store *st, sqlite3_stmt *s, struct lcm_err *err, const char *what)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, what);
	return 0;
}

/* Runs a FIND statement: 1 found (*id set), 0 not found, -1 error. */
static int
find(struct lcm_store *st, sqlite3_stmt *s, int64_t *id, struct lcm_err *err)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
		return 1;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot look up a row");
	return 0;
}

/* Binds platform and external_id as ?1 ?2 of FIND statement i and runs it. */
static int
find_key(struct lcm_store *st, enum stmt_id i, const char *platform,
	 const char *ext, int64_t *id, struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, i, err);

	if (!s)
		return -1;
	bind_text(s, 1, platform);
	bind_text(s, 2, ext);
	return find(st, s, id, err);
}

/* Runs an INSERT (*id from the new row) or an UPDATE, sets *outcome. */
static int
write_row(struct lcm_store *st, sqlite3_stmt *s, int found, int64_t *id,
	  enum lcm_outcome *outcome, struct lcm_err *err)
{
	enum lcm_outcome o;

	if (run(st, s, err, found ? "cannot update a row" : "cannot insert a row") < 0)
		return -1;
	if (!found) {
		*id = sqlite3_last_insert_rowid(st->db);
		o = LCM_NEW;
	} else {
		o = sqlite3_changes(st->db) ? LCM_UPDATED : LCM_SAME;
	}
	if (outcome)
		*outcome = o;
	return 0;
}

/* A person's fields as ?1..?8 (platform .. username). */
static const struct field person_fields[] = {
	FIELD(1, F_TEXT, struct lcm_person, platform),
	FIELD(2, F_TEXT, struct lcm_person, external_id),
	FIELD(3, F_TEXT, struct lcm_person, name),
	FIELD(4, F_TEXT, struct lcm_person, email),
	FIELD(5, F_TEXT, struct lcm_person, role),
	FIELD(6, F_TEXT, struct lcm_person, cohort),
	FIELD(7, F_TEXT, struct lcm_person, manager),
	FIELD(8, F_TEXT, struct lcm_person, username),
	{ 0 }
};

/* Runs a statement of a person's fields (?9: its id); 0 or -1. */
static int
person_stmt(struct lcm_store *st, enum stmt_id i, const struct lcm_person *p,
	    int64_t id, struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, i, err);

	if (!s)
		return -1;
	bind_fields(s, person_fields, p);
	if (id)
		sqlite3_bind_int64(s, 9, id);
	return run(st, s, err, "cannot write a person");
}

int
lcm_store_person_derive(struct lcm_store *st, int64_t id, int *changed,
			struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, PERSON_DERIVE, err);

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	if (run(st, s, err, "cannot update a person") < 0)
		return -1;
	if (changed)
		*changed = sqlite3_changes(st->db) > 0;
	return 0;
}

int
lcm_store_person(struct lcm_store *st, const struct lcm_person *p,
		 int64_t *id, enum lcm_outcome *outcome, struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, PERSON_FIND, err);
	enum lcm_outcome o = LCM_SAME;
	int rc, linked = 0, changed = 0;

	if (!s)
		return -1;
	bind_text(s, 1, p->platform);
	bind_text(s, 2, p->external_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		linked = sqlite3_column_int(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot look up a person");
	if (rc == SQLITE_DONE) {
		if (!(s = stmt(st, PERSON_INSERT, err)))
			return -1;
		bind_fields(s, person_fields, p);
		if (write_row(st, s, 0, id, NULL, err) < 0 ||
		    person_stmt(st, LINK_INSERT, p, *id, err) < 0)
			return -1;
		o = LCM_NEW;
	} else if (!linked) {
		if (person_stmt(st, LINK_ADOPT, p, *id, err) < 0 ||
		    lcm_store_person_derive(st, *id, &changed, err) < 0)
			return -1;
		o = changed ? LCM_UPDATED : LCM_SAME;
	} else {
		if (person_stmt(st, LINK_UPDATE, p, 0, err) < 0)
			return -1;
		/* this account changed: the person may show it */
		if (sqlite3_changes(st->db)) {
			o = LCM_UPDATED;
			if (lcm_store_person_derive(st, *id, NULL, err) < 0)
				return -1;
		}
	}
	if (outcome)
		*outcome = o;
	return 0;
}

int
lcm_store_person_by_name(struct lcm_store *st, const char *platform,
			 const char *name, int64_t *id, struct lcm_err *err)
{
	return find_key(st, PERSON_BY_NAME, platform, name, id, err);
}

int
lcm_store_person_ext_by_name(struct lcm_store *st, const char *platform,
			     const char *name, struct lcm_buf *ext,
			     struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, PERSON_EXT_BY_NAME, err);
	int rc;

	if (!s)
		return -1;
	bind_text(s, 1, platform);
	bind_text(s, 2, name);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		lcm_buf_reset(ext);
		lcm_buf_adds(ext, (const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot look up a person");
	return rc == SQLITE_ROW;
}

int
lcm_store_course(struct lcm_store *st, const char *platform,
		 const char *external_id, const char *name, int64_t *id,
		 struct lcm_err *err)
{
	sqlite3_stmt *s;
	int found = find_key(st, COURSE_FIND, platform, external_id, id, err);

	if (found)
		return found < 0 ? -1 : 0;
	if (!(s = stmt(st, COURSE_INSERT, err)))
		return -1;
	bind_text(s, 1, platform);
	bind_text(s, 2, external_id);
	bind_text(s, 3, name);
	return write_row(st, s, 0, id, NULL, err);
}

int
lcm_store_forum(struct lcm_store *st, const char *platform,
		const char *external_id, int64_t course_id, const char *name,
		int64_t *id, struct lcm_err *err)
{
	sqlite3_stmt *s;
	int found = find_key(st, FORUM_FIND, platform, external_id, id, err);

	if (found)
		return found < 0 ? -1 : 0;
	if (!(s = stmt(st, FORUM_INSERT, err)))
		return -1;
	bind_text(s, 1, platform);
	bind_text(s, 2, external_id);
	bind_id(s, 3, course_id);
	bind_text(s, 4, name);
	return write_row(st, s, 0, id, NULL, err);
}

/*
 * A row found by (platform, external_id): updated by its id when found
 * (?1), else inserted (?1 its platform); ?2 the external id, ?3... bound
 * by bind. The shape of thread and item.
 */
struct keyed_upsert {
	enum stmt_id find, insert, update;
	const struct field *fields;	/* ?3 on */
};

static int
keyed_upsert(struct lcm_store *st, const struct keyed_upsert *u, const char *platform,
	     const char *external_id, const void *row, int64_t *id,
	     enum lcm_outcome *outcome, struct lcm_err *err)
{
	sqlite3_stmt *s;
	int found = find_key(st, u->find, platform, external_id, id, err);

	if (found < 0 || !(s = stmt(st, found ? u->update : u->insert, err)))
		return -1;
	if (found)
		sqlite3_bind_int64(s, 1, *id);
	else
		bind_text(s, 1, platform);
	bind_text(s, 2, external_id);
	bind_fields(s, u->fields, row);
	return write_row(st, s, found, id, outcome, err);
}

static const struct field thread_fields[] = {
	FIELD(3, F_ID, struct lcm_thread, forum_id),
	FIELD(4, F_TEXT, struct lcm_thread, title),
	FIELD(5, F_ID, struct lcm_thread, author_id),
	FIELD_OPT(6, F_OPT_I64, struct lcm_thread, created, has_created),
	{ 0 }
};

int
lcm_store_thread(struct lcm_store *st, const struct lcm_thread *t,
		 int64_t *id, enum lcm_outcome *outcome, struct lcm_err *err)
{
	static const struct keyed_upsert u = {
		THREAD_FIND, THREAD_INSERT, THREAD_UPDATE, thread_fields
	};

	return keyed_upsert(st, &u, t->platform, t->external_id, t, id, outcome, err);
}

/* A post as ?2 .. ?14 of POST_INSERT and POST_UPDATE (?1: platform, or id). */
static const struct field post_fields[] = {
	FIELD(2, F_TEXT, struct lcm_post, external_id),
	FIELD(3, F_I64, struct lcm_post, thread_id),
	FIELD(4, F_TEXT, struct lcm_post, parent_ext),
	FIELD(5, F_ID, struct lcm_post, author_id),
	FIELD(6, F_I64, struct lcm_post, created),
	FIELD_OPT(7, F_OPT_I64, struct lcm_post, modified, has_modified),
	FIELD(8, F_TEXT, struct lcm_post, subject),
	FIELD(9, F_TEXT, struct lcm_post, body),
	FIELD(10, F_INT, struct lcm_post, words),
	FIELD(11, F_INT, struct lcm_post, is_question),
	FIELD(12, F_INT, struct lcm_post, deleted),
	FIELD(13, F_INT, struct lcm_post, private_),
	FIELD(14, F_INT, struct lcm_post, accepted),
	{ 0 }
};

/*
 * A new post takes one statement (the bulk case); a known one is found,
 * then updated only where a value differs.
 */
int
lcm_store_post(struct lcm_store *st, const struct lcm_post *p,
	       int64_t *id, enum lcm_outcome *outcome, struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, POST_INSERT, err);
	int found;

	if (!s)
		return -1;
	bind_text(s, 1, p->platform);
	bind_fields(s, post_fields, p);
	if (run(st, s, err, "cannot insert a post") < 0)
		return -1;
	if (sqlite3_changes(st->db)) {
		*id = sqlite3_last_insert_rowid(st->db);
		if (outcome)
			*outcome = LCM_NEW;
		return 0;
	}
	found = find_key(st, POST_FIND, p->platform, p->external_id, id, err);
	if (found <= 0)
		return found < 0 ? -1 : lcm_store_fail(st, err, "a post vanished");
	if (!(s = stmt(st, POST_UPDATE, err)))
		return -1;
	sqlite3_bind_int64(s, 1, *id);
	bind_fields(s, post_fields, p);
	return write_row(st, s, 1, id, outcome, err);
}

/*
 * INSERT OR IGNORE, then, when the row was there, UPDATE guarded by IS NOT:
 * one statement for a new row (the bulk case), two for a re-import.
 */
static int
insert_or_update(struct lcm_store *st, enum stmt_id ins, enum stmt_id upd,
		 const struct field *fields, const void *row,
		 enum lcm_outcome *outcome, struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, ins, err);
	enum lcm_outcome o = LCM_NEW;

	if (!s)
		return -1;
	bind_fields(s, fields, row);
	if (run(st, s, err, "cannot insert a row") < 0)
		return -1;
	if (!sqlite3_changes(st->db)) {
		if (!(s = stmt(st, upd, err)))
			return -1;
		bind_fields(s, fields, row);
		if (run(st, s, err, "cannot update a row") < 0)
			return -1;
		o = sqlite3_changes(st->db) ? LCM_UPDATED : LCM_SAME;
	}
	if (outcome)
		*outcome = o;
	return 0;
}

static const struct field event_fields[] = {
	FIELD(1, F_TEXT, struct lcm_event, platform),
	FIELD(2, F_TEXT, struct lcm_event, external_id),
	FIELD(3, F_ID, struct lcm_event, person_id),
	FIELD(4, F_ID, struct lcm_event, course_id),
	FIELD(5, F_I64, struct lcm_event, ts),
	FIELD(6, F_I64, struct lcm_event, verb),
	FIELD(7, F_ID, struct lcm_event, object),
	{ 0 }
};

/* Runs EVENT_INSERT of e at key; 1 written, 0 the key was taken, -1. */
static int
event_at(struct lcm_store *st, const struct lcm_event *e, int64_t key,
	 struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, EVENT_INSERT, err);

	if (!s)
		return -1;
	bind_fields(s, event_fields, e);
	sqlite3_bind_int64(s, 8, key);
	if (run(st, s, err, "cannot insert an event") < 0)
		return -1;
	return sqlite3_changes(st->db) > 0;
}

/*
 * A new event takes one statement at its home key (the bulk case). A
 * taken key is the same event again (then updated where a value
 * differs) or another id's (a collision: the event goes to the next
 * free key, remembered in event_away; never merged).
 */
int
lcm_store_event(struct lcm_store *st, const struct lcm_event *e,
		enum lcm_outcome *outcome, struct lcm_err *err)
{
	int64_t home = lcm_origin_key(e->platform, e->external_id), id = 0, slot = 0;
	sqlite3_stmt *s;
	int rc = event_at(st, e, home, err);

	if (rc != 0) {
		if (rc > 0 && outcome)
			*outcome = LCM_NEW;
		return rc < 0 ? -1 : 0;
	}
	if (!(s = stmt(st, EVENT_RANGE, err)))
		return -1;
	rc = lcm_origin_probe(s, home, e->platform, e->external_id, &id, &slot);
	if (rc < 0)
		return lcm_store_fail(st, err, "cannot look up an event");
	if (rc == 2)
		return lcm_error(err, "store '%s': event '%s:%s': %d other ids share its"
				 " origin key", st->path, e->platform, e->external_id,
				 LCM_ORIGIN_PROBES);
	if (rc == 1) {
		if (!(s = stmt(st, EVENT_UPDATE, err)))
			return -1;
		bind_fields(s, event_fields, e);
		sqlite3_bind_int64(s, 9, id);
		return write_row(st, s, 1, &id, outcome, err);
	}
	if ((rc = event_at(st, e, slot, err)) <= 0)
		return rc < 0 ? -1 : lcm_store_fail(st, err, "an origin key was taken");
	if (!(s = stmt(st, EVENT_AWAY, err)))
		return -1;
	sqlite3_bind_int64(s, 1, slot);
	sqlite3_bind_int64(s, 2, home);
	if (run(st, s, err, "cannot place an event") < 0)
		return -1;
	if (outcome)
		*outcome = LCM_NEW;
	return 0;
}

int
lcm_store_term(struct lcm_store *st, const char *text, int64_t *id,
	       struct lcm_err *err)
{
	sqlite3_stmt *s;
	int found;

	if (st->stmt && lcm_strmap_get(&st->stmt->terms, text, id))
		return 0;
	if (!(s = stmt(st, TERM_FIND, err)))
		return -1;
	bind_text(s, 1, text);
	found = find(st, s, id, err);
	if (found < 0)
		return -1;
	if (!found) {
		if (!(s = stmt(st, TERM_INSERT, err)))
			return -1;
		bind_text(s, 1, text);
		if (write_row(st, s, 0, id, NULL, err) < 0)
			return -1;
	}
	/* a log of unique objects must not grow the cache without end */
	if (st->stmt->terms.len >= TERM_CACHE_MAX) {
		lcm_strmap_release(&st->stmt->terms);
		lcm_strmap_init(&st->stmt->terms);
	}
	lcm_strmap_put(&st->stmt->terms, text, *id);
	return 0;
}

int
lcm_store_term_label(struct lcm_store *st, int64_t id, const char *label,
		     struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, TERM_LABEL, err);

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, label);
	return run(st, s, err, "cannot label a term");
}

int
lcm_store_item_find(struct lcm_store *st, const char *platform,
		    const char *external_id, int64_t *id, struct lcm_err *err)
{
	return find_key(st, ITEM_FIND, platform, external_id, id, err);
}

static const struct field item_fields[] = {
	FIELD(3, F_TEXT, struct lcm_item, title),
	FIELD(4, F_TEXT, struct lcm_item, format),
	FIELD_OPT(5, F_OPT_I64, struct lcm_item, duration_min, has_duration),
	FIELD_OPT(6, F_OPT_I64, struct lcm_item, level, has_level),
	FIELD(7, F_TEXT, struct lcm_item, language),
	FIELD(8, F_TEXT, struct lcm_item, url),
	{ 0 }
};

int
lcm_store_item(struct lcm_store *st, const struct lcm_item *it,
	       int64_t *id, enum lcm_outcome *outcome, struct lcm_err *err)
{
	static const struct keyed_upsert u = {
		ITEM_FIND, ITEM_INSERT, ITEM_UPDATE, item_fields
	};

	return keyed_upsert(st, &u, it->platform, it->external_id, it, id, outcome, err);
}

/* Replaces the ';'-list of rows of item_id in a two-column table. */
static int
replace_list(struct lcm_store *st, enum stmt_id clear, enum stmt_id add,
	     int64_t item_id, const char *list, struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, clear, err);
	const char *p, *end, *next;
	char *word;
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, item_id);
	if (run(st, s, err, "cannot update a list") < 0)
		return -1;
	for (p = list ? list : ""; *p; p = next) {
		end = strchr(p, ';');
		next = end ? end + 1 : p + strlen(p);
		if (!end)
			end = next;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
			end--;
		if (end == p)
			continue;
		if (!(s = stmt(st, add, err)))
			return -1;
		word = lcm_xstrndup(p, (size_t)(end - p));
		sqlite3_bind_int64(s, 1, item_id);
		sqlite3_bind_text(s, 2, word, -1, SQLITE_TRANSIENT);
		rc = run(st, s, err, "cannot add to a list");
		free(word);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int
lcm_store_item_skills(struct lcm_store *st, int64_t item_id, const char *list,
		      struct lcm_err *err)
{
	return replace_list(st, ITEM_SKILL_CLEAR, ITEM_SKILL_ADD, item_id, list, err);
}

int
lcm_store_item_prereqs(struct lcm_store *st, int64_t item_id, const char *list,
		       struct lcm_err *err)
{
	return replace_list(st, ITEM_PREREQ_CLEAR, ITEM_PREREQ_ADD, item_id, list, err);
}

struct completion {
	int64_t person_id, item_id;
	const char *state;
	int64_t ts;
	double score;
	int has_ts, has_score;
};

static const struct field completion_fields[] = {
	FIELD(1, F_I64, struct completion, person_id),
	FIELD(2, F_I64, struct completion, item_id),
	FIELD(3, F_TEXT, struct completion, state),
	FIELD_OPT(4, F_OPT_I64, struct completion, ts, has_ts),
	FIELD_OPT(5, F_OPT_REAL, struct completion, score, has_score),
	{ 0 }
};

int
lcm_store_completion(struct lcm_store *st, int64_t person_id, int64_t item_id,
		     const char *state, int64_t ts, int has_ts, double score,
		     int has_score, enum lcm_outcome *outcome, struct lcm_err *err)
{
	struct completion c = { person_id, item_id, state, ts, score, has_ts, has_score };

	return insert_or_update(st, COMPLETION_INSERT, COMPLETION_UPDATE,
				completion_fields, &c, outcome, err);
}

int
lcm_store_person_skill(struct lcm_store *st, int64_t person_id,
		       const char *skill, const char *kind,
		       enum lcm_outcome *outcome, struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, PERSON_SKILL_ADD, err);

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, person_id);
	bind_text(s, 2, skill);
	bind_text(s, 3, kind);
	if (run(st, s, err, "cannot write a skill") < 0)
		return -1;
	if (outcome)
		*outcome = sqlite3_changes(st->db) ? LCM_NEW : LCM_SAME;
	return 0;
}

int
lcm_store_link_parents(struct lcm_store *st, struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, LINK_PARENTS, err);

	return s ? run(st, s, err, "cannot link replies to their parents") : -1;
}

int
lcm_store_source(struct lcm_store *st, const char *platform, const char *format,
		 const char *path, int64_t when, int64_t rows, struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, SOURCE_ADD, err);

	if (!s)
		return -1;
	bind_text(s, 1, platform);
	bind_text(s, 2, format);
	bind_text(s, 3, path);
	sqlite3_bind_int64(s, 4, when);
	sqlite3_bind_int64(s, 5, rows);
	return run(st, s, err, "cannot record the source");
}

int
lcm_store_post_find(struct lcm_store *st, const char *platform,
		    const char *external_id, int64_t *id, int64_t *thread_id,
		    struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, POST_FIND_THREAD, err);
	int rc;

	if (!s)
		return -1;
	bind_text(s, 1, platform);
	bind_text(s, 2, external_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (id)
			*id = sqlite3_column_int64(s, 0);
		if (thread_id)
			*thread_id = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot look up a post");
	return rc == SQLITE_ROW;
}

int
lcm_store_thread_find(struct lcm_store *st, const char *platform,
		      const char *external_id, int64_t *id, struct lcm_err *err)
{
	return find_key(st, THREAD_FIND, platform, external_id, id, err);
}

int
lcm_store_thread_root(struct lcm_store *st, int64_t thread_id,
		      struct lcm_buf *ext, struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, THREAD_ROOT, err);
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, thread_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		lcm_buf_reset(ext);
		lcm_buf_adds(ext, (const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot look up a thread");
	return rc == SQLITE_ROW;
}

int
lcm_store_completion_latest(struct lcm_store *st, int64_t person_id,
			    int64_t item_id, const char *state, int64_t ts,
			    double score, int has_score,
			    enum lcm_outcome *outcome, struct lcm_err *err)
{
	struct completion c = { person_id, item_id, state, ts, score, 1, has_score };

	return insert_or_update(st, COMPLETION_INSERT, COMPLETION_LATEST,
				completion_fields, &c, outcome, err);
}

/* Runs statement i on (platform, external_id); adds the rows changed. */
static int
run_key(struct lcm_store *st, enum stmt_id i, const char *platform,
	const char *ext, int *changed, struct lcm_err *err)
{
	sqlite3_stmt *s = stmt(st, i, err);
	int64_t home;

	if (!s)
		return -1;
	bind_text(s, 1, platform);
	bind_text(s, 2, ext);
	/* the statements of events find them by their origin keys */
	if (sqlite3_bind_parameter_count(s) >= 4) {
		home = lcm_origin_key(platform, ext);
		sqlite3_bind_int64(s, 3, home);
		sqlite3_bind_int64(s, 4, home + LCM_ORIGIN_PROBES - 1);
	}
	if (run(st, s, err, "cannot void a row") < 0)
		return -1;
	*changed += sqlite3_changes(st->db);
	return 0;
}

int
lcm_store_void(struct lcm_store *st, const char *platform,
	       const char *external_id, int *found, struct lcm_err *err)
{
	int n = 0, ignored = 0;

	/* the completion first: it is found through the event */
	if (run_key(st, VOIDED_ADD, platform, external_id, &ignored, err) < 0 ||
	    run_key(st, VOID_COMPLETION, platform, external_id, &ignored, err) < 0 ||
	    run_key(st, VOID_EVENT, platform, external_id, &n, err) < 0 ||
	    run_key(st, VOID_POST, platform, external_id, &n, err) < 0)
		return -1;
	if (found)
		*found = n > 0;
	return 0;
}

int
lcm_store_is_voided(struct lcm_store *st, const char *platform,
		    const char *external_id, struct lcm_err *err)
{
	int64_t one;

	return find_key(st, VOIDED_FIND, platform, external_id, &one, err);
}
