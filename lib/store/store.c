/* store.c - SQLite store: open, schema, migrations, transactions. */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "origin.h"
#include "xalloc.h"

/*
 * Schema version 1. Times are UTC epoch seconds. Text columns are UTF-8.
 * post.parent_ext keeps the platform's parent id so replies imported
 * before their parent are linked at the end of the file (parent_id).
 * event.verb/object point into term, a dictionary: a log of millions of
 * rows repeats a few hundred names; term.label is a display name (an
 * xAPI verb's or activity's name in the chosen language).
 * person_link holds every origin (platform, external_id) of a person
 * with what that platform says of them; the person row is derived from
 * its links (identity.c merges persons whose links share an e-mail
 * address), and person.platform/external_id is its first origin.
 * voided holds the ids of xAPI statements voided, so that a voided
 * statement imported later stays out.
 */
static const char schema_v1[] =
	"CREATE TABLE source(id INTEGER PRIMARY KEY, platform TEXT NOT NULL,"
	" format TEXT NOT NULL, path TEXT NOT NULL, imported_at INTEGER NOT NULL,"
	" rows INTEGER NOT NULL);"
	"CREATE TABLE person(id INTEGER PRIMARY KEY, platform TEXT NOT NULL,"
	" external_id TEXT NOT NULL, name TEXT, email TEXT,"
	" role TEXT NOT NULL DEFAULT 'learner' CHECK(role IN ('learner','staff','expert')),"
	" cohort TEXT, manager TEXT, username TEXT, UNIQUE(platform, external_id));"
	"CREATE INDEX person_name ON person(platform, name);"
	"CREATE INDEX person_email ON person(email) WHERE email IS NOT NULL;"
	"CREATE TABLE person_link(platform TEXT NOT NULL, external_id TEXT NOT NULL,"
	" person_id INTEGER NOT NULL REFERENCES person(id), name TEXT, email TEXT,"
	" role TEXT CHECK(role IN ('learner','staff','expert')), cohort TEXT,"
	" manager TEXT, username TEXT, PRIMARY KEY(platform, external_id));"
	"CREATE INDEX person_link_person ON person_link(person_id);"
	"CREATE INDEX person_link_name ON person_link(platform, name);"
	"CREATE INDEX person_link_email ON person_link(lower(trim(email)))"
	" WHERE email IS NOT NULL AND trim(email) <> '';"
	"CREATE INDEX person_link_username ON person_link(lower(trim(username)))"
	" WHERE username IS NOT NULL AND trim(username) <> '';"
	"CREATE TABLE course(id INTEGER PRIMARY KEY, platform TEXT NOT NULL,"
	" external_id TEXT NOT NULL, name TEXT, UNIQUE(platform, external_id));"
	"CREATE TABLE forum(id INTEGER PRIMARY KEY, course_id INTEGER REFERENCES course(id),"
	" platform TEXT NOT NULL, external_id TEXT NOT NULL, name TEXT,"
	" UNIQUE(platform, external_id));"
	"CREATE TABLE thread(id INTEGER PRIMARY KEY, forum_id INTEGER REFERENCES forum(id),"
	" platform TEXT NOT NULL, external_id TEXT NOT NULL, title TEXT,"
	" author_id INTEGER REFERENCES person(id), created INTEGER,"
	" UNIQUE(platform, external_id));"
	"CREATE TABLE post(id INTEGER PRIMARY KEY,"
	" thread_id INTEGER NOT NULL REFERENCES thread(id),"
	" parent_id INTEGER REFERENCES post(id), parent_ext TEXT,"
	" author_id INTEGER REFERENCES person(id), platform TEXT NOT NULL,"
	" external_id TEXT NOT NULL, created INTEGER NOT NULL, modified INTEGER,"
	" subject TEXT, body TEXT, words INTEGER NOT NULL DEFAULT 0,"
	" is_question INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0,"
	" private INTEGER NOT NULL DEFAULT 0, accepted INTEGER NOT NULL DEFAULT 0,"
	" UNIQUE(platform, external_id));"
	"CREATE INDEX post_thread ON post(thread_id, created);"
	"CREATE INDEX post_author ON post(author_id, created);"
	"CREATE INDEX post_parent ON post(parent_id);"
	"CREATE INDEX post_root ON post(created) WHERE parent_ext IS NULL;"
	"CREATE INDEX post_unlinked ON post(id) WHERE parent_id IS NULL AND parent_ext IS NOT NULL;";

/* Split in two: C11 compilers need not take string literals over 4095 bytes. */
static const char schema_v1_more[] =
	"CREATE TABLE term(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE, label TEXT);"
	"CREATE TABLE event(id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES person(id),"
	" course_id INTEGER REFERENCES course(id), ts INTEGER NOT NULL,"
	" verb INTEGER NOT NULL REFERENCES term(id), object INTEGER REFERENCES term(id),"
	" platform TEXT NOT NULL, external_id TEXT NOT NULL, UNIQUE(platform, external_id));"
	"CREATE INDEX event_person ON event(person_id, ts);"
	"CREATE VIEW event_text AS SELECT e.id, e.person_id, e.course_id, e.ts,"
	" v.text AS verb, o.text AS object, e.platform, e.external_id"
	" FROM event e JOIN term v ON v.id = e.verb LEFT JOIN term o ON o.id = e.object;"
	"CREATE TABLE item(id INTEGER PRIMARY KEY, platform TEXT NOT NULL,"
	" external_id TEXT NOT NULL, title TEXT, format TEXT, duration_min INTEGER,"
	" level INTEGER, language TEXT, url TEXT, UNIQUE(platform, external_id));"
	"CREATE TABLE item_skill(item_id INTEGER NOT NULL REFERENCES item(id),"
	" skill TEXT NOT NULL, PRIMARY KEY(item_id, skill));"
	"CREATE TABLE item_prereq(item_id INTEGER NOT NULL REFERENCES item(id),"
	" requires TEXT NOT NULL, PRIMARY KEY(item_id, requires));"
	"CREATE TABLE completion(person_id INTEGER NOT NULL REFERENCES person(id),"
	" item_id INTEGER NOT NULL REFERENCES item(id), state TEXT NOT NULL,"
	" ts INTEGER, score REAL, PRIMARY KEY(person_id, item_id));"
	"CREATE TABLE person_skill(person_id INTEGER NOT NULL REFERENCES person(id),"
	" skill TEXT NOT NULL, kind TEXT NOT NULL CHECK(kind IN ('interest','goal','has')),"
	" PRIMARY KEY(person_id, skill, kind));"
	"CREATE TABLE voided(platform TEXT NOT NULL, external_id TEXT NOT NULL,"
	" PRIMARY KEY(platform, external_id));"
	"CREATE TABLE notified(thread_id INTEGER NOT NULL REFERENCES thread(id),"
	" channel TEXT NOT NULL, ts INTEGER NOT NULL, PRIMARY KEY(thread_id, channel));";

/*
 * Version 2: indexes that answer the analysis queries alone. A thread's
 * replies are read for author, deleted and private (is it answered?),
 * and opening posts for the same by time, without fetching the rows and
 * their bodies: lcm-unanswered on a million posts went from seconds to
 * a tenth of one. The definitions are those of indexes[] below.
 */
static const char schema_v2[] =
	"DROP INDEX post_thread;"
	"CREATE INDEX post_thread ON post(thread_id, created, author_id, deleted, private);"
	"DROP INDEX post_root;"
	"CREATE INDEX post_root ON post(created, thread_id, author_id, deleted, private)"
	" WHERE parent_ext IS NULL;";

/*
 * Version 3: events are found by an integer origin key (origin.h), not
 * by a UNIQUE index of (platform, external_id) text, the largest single
 * cost of a log import. The text stays, a plain column: it tells two
 * ids of one key apart. event_away holds each row placed away from its
 * home key (taken by another id); when a home row goes, the trigger
 * brings one of its away rows home, so that a row found free at its
 * home key is never also stored away. The table is made again (SQLite
 * cannot drop a UNIQUE constraint): schema_v3 before the rows are
 * copied, schema_v3_after once they are.
 */
static const char schema_v3[] =
	"DROP VIEW event_text;"
	"DROP INDEX event_person;"
	"ALTER TABLE event RENAME TO event_v2;"
	"CREATE TABLE event(id INTEGER PRIMARY KEY, person_id INTEGER REFERENCES person(id),"
	" course_id INTEGER REFERENCES course(id), ts INTEGER NOT NULL,"
	" verb INTEGER NOT NULL REFERENCES term(id), object INTEGER REFERENCES term(id),"
	" platform TEXT NOT NULL, external_id TEXT NOT NULL, origin INTEGER UNIQUE);"
	"CREATE TABLE event_away(origin INTEGER PRIMARY KEY, home INTEGER NOT NULL);"
	"CREATE INDEX event_away_home ON event_away(home);"
	"CREATE TRIGGER event_home AFTER DELETE ON event BEGIN"
	" DELETE FROM event_away WHERE origin = old.origin;"
	" UPDATE event SET origin = old.origin WHERE origin ="
	"  (SELECT min(origin) FROM event_away WHERE home = old.origin);"
	" DELETE FROM event_away WHERE origin ="
	"  (SELECT min(origin) FROM event_away WHERE home = old.origin);"
	" END;"
	"INSERT INTO event(id, person_id, course_id, ts, verb, object, platform,"
	" external_id, origin) SELECT id, person_id, course_id, ts, verb, object,"
	" platform, external_id, lcm_origin(platform, external_id) FROM event_v2"
	" WHERE true ORDER BY id ON CONFLICT(origin) DO NOTHING;";

static const char schema_v3_after[] =
	"DROP TABLE event_v2;"
	"CREATE INDEX event_person ON event(person_id, ts);"
	/* lcm-import's test for Moodle log ids of the first form (a bare hash) */
	"CREATE INDEX event_moodle_hash ON event(external_id)"
	" WHERE platform = 'moodle' AND external_id < 'g';"
	"CREATE VIEW event_text AS SELECT e.id, e.person_id, e.course_id, e.ts,"
	" v.text AS verb, o.text AS object, e.platform, e.external_id"
	" FROM event e JOIN term v ON v.id = e.verb LEFT JOIN term o ON o.id = e.object;";

/* lcm_origin(platform, external_id) in SQL: the home key, for the copy. */
static void
origin_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	const char *platform = (const char *)sqlite3_value_text(argv[0]);
	const char *ext = (const char *)sqlite3_value_text(argv[1]);

	(void)argc;
	if (platform && ext)
		sqlite3_result_int64(cx, lcm_origin_key(platform, ext));
	else
		sqlite3_result_null(cx);
}

/*
 * The rows the copy left out (their home key taken by another id: a
 * collision, rare), each at the next free key and remembered away.
 */
static int
place_away(struct lcm_store *st, struct lcm_err *err)
{
	sqlite3_stmt *left = NULL, *range = NULL, *ins = NULL, *away = NULL;
	const char *platform, *ext;
	int64_t home, slot, id, other;
	int rc = -1, found, step;

	if (!(left = lcm_store_prepare(st, "SELECT id, platform, external_id FROM event_v2 o"
				       " WHERE NOT EXISTS (SELECT 1 FROM event n WHERE n.id = o.id)"
				       " ORDER BY id", err)) ||
	    !(range = lcm_store_prepare(st, "SELECT origin, id, platform = ?3 AND"
					" external_id = ?4 FROM event WHERE origin BETWEEN ?1"
					" AND ?2 ORDER BY origin", err)) ||
	    !(ins = lcm_store_prepare(st, "INSERT INTO event(id, person_id, course_id, ts,"
				      " verb, object, platform, external_id, origin) SELECT id,"
				      " person_id, course_id, ts, verb, object, platform,"
				      " external_id, ?2 FROM event_v2 WHERE id = ?1", err)) ||
	    !(away = lcm_store_prepare(st, "INSERT INTO event_away(origin, home)"
				       " VALUES(?1, ?2)", err)))
		goto out;
	while ((step = sqlite3_step(left)) == SQLITE_ROW) {
		id = sqlite3_column_int64(left, 0);
		platform = (const char *)sqlite3_column_text(left, 1);
		ext = (const char *)sqlite3_column_text(left, 2);
		home = lcm_origin_key(platform, ext);
		found = lcm_origin_probe(range, home, platform, ext, &other, &slot);
		if (found < 0) {
			lcm_store_fail(st, err, "cannot look up an event");
			goto out;
		}
		/* version 2's UNIQUE index kept the ids apart: never found */
		if (found != 0) {
			lcm_error(err, "store '%s': event '%s:%s': %d other ids share its"
				  " origin key", st->path, platform, ext, LCM_ORIGIN_PROBES);
			goto out;
		}
		sqlite3_bind_int64(ins, 1, id);
		sqlite3_bind_int64(ins, 2, slot);
		sqlite3_bind_int64(away, 1, slot);
		sqlite3_bind_int64(away, 2, home);
		if (sqlite3_step(ins) != SQLITE_DONE || sqlite3_step(away) != SQLITE_DONE) {
			lcm_store_fail(st, err, "cannot copy an event");
			goto out;
		}
		sqlite3_reset(ins);
		sqlite3_reset(away);
	}
	if (step != SQLITE_DONE) {
		lcm_store_fail(st, err, "cannot read the events");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(left);
	sqlite3_finalize(range);
	sqlite3_finalize(ins);
	sqlite3_finalize(away);
	return rc;
}

/* Version 2 to 3: the event table made again with its origin keys. */
static int
migrate_v3(struct lcm_store *st, struct lcm_err *err)
{
	if (sqlite3_create_function(st->db, "lcm_origin", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				    NULL, origin_fn, NULL, NULL) != SQLITE_OK)
		return lcm_store_fail(st, err, "cannot upgrade the store");
	if (lcm_store_exec(st, schema_v3, err) < 0 || place_away(st, err) < 0)
		return -1;
	return lcm_store_exec(st, schema_v3_after, err);
}

/*
 * migrations[v] brings a store from version v to v + 1: up to 2 parts of
 * SQL, or a function where rows need C.
 */
static const struct {
	const char *sql[2];
	int (*run)(struct lcm_store *, struct lcm_err *);
} migrations[] = {
	{ { schema_v1, schema_v1_more }, NULL },
	{ { schema_v2, NULL }, NULL },
	{ { NULL, NULL }, migrate_v3 },
};

/*
 * The secondary indexes a bulk load drops and builds again, as the
 * schema (after every migration) defines them. The UNIQUE indexes of
 * (platform, external_id) are constraints and stay: they find re-imported
 * rows.
 */
static const struct {
	const char *table, *name, *sql;
} indexes[] = {
	{ "post", "post_thread", "CREATE INDEX post_thread ON post(thread_id, created,"
	  " author_id, deleted, private)" },
	{ "post", "post_author", "CREATE INDEX post_author ON post(author_id, created)" },
	{ "post", "post_parent", "CREATE INDEX post_parent ON post(parent_id)" },
	{ "post", "post_root", "CREATE INDEX post_root ON post(created, thread_id,"
	  " author_id, deleted, private) WHERE parent_ext IS NULL" },
	{ "post", "post_unlinked", "CREATE INDEX post_unlinked ON post(id)"
	  " WHERE parent_id IS NULL AND parent_ext IS NOT NULL" },
	{ "event", "event_person", "CREATE INDEX event_person ON event(person_id, ts)" },
};
#define NINDEXES (sizeof(indexes) / sizeof(indexes[0]))

/* Fewer rows than this are loaded faster with the indexes in place. */
#define BULK_MIN_ROWS 20000

const char *
lcm_store_default_path(const char *path)
{
	const char *env;

	if (path && *path)
		return path;
	env = getenv("LCM_DB");
	if (env && *env)
		return env;
	return "lcm.db";
}

/*
 * " (File too large)" after an I/O error, else "": "disk I/O error"
 * alone does not say whether a disk is full, read-only or gone.
 */
static const char *
io_reason(struct lcm_store *st, char *buf, size_t size)
{
	int code = sqlite3_errcode(st->db) & 0xff;	/* the primary code */
	int sys = sqlite3_system_errno(st->db);

	buf[0] = '\0';
	if ((code == SQLITE_IOERR || code == SQLITE_FULL || code == SQLITE_CANTOPEN) && sys)
		snprintf(buf, size, " (%s)", strerror(sys));
	return buf;
}

int
lcm_store_fail(struct lcm_store *st, struct lcm_err *err, const char *what)
{
	char why[128];

	if (!st->db)
		return lcm_error(err, "store '%s': %s: not open", st->path ? st->path : "", what);
	return lcm_error(err, "store '%s': %s: %s%s", st->path ? st->path : "", what,
			 sqlite3_errmsg(st->db), io_reason(st, why, sizeof(why)));
}

int
lcm_store_exec(struct lcm_store *st, const char *sql, struct lcm_err *err)
{
	char *msg = NULL, why[128];

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		lcm_error(err, "store '%s': %s%s", st->path, msg ? msg : "failed",
			  io_reason(st, why, sizeof(why)));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

sqlite3_stmt *
lcm_store_prepare(struct lcm_store *st, const char *sql, struct lcm_err *err)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		lcm_store_fail(st, err, "cannot prepare a query");
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

static int
user_version(struct lcm_store *st, int *v, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st, "PRAGMA user_version", err);
	int rc;

	if (!s)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return lcm_store_fail(st, err, "cannot read the schema version");
	return 0;
}

/* Is this an empty database (no table at all)? */
static int
is_empty(struct lcm_store *st, int *empty, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st,
		"SELECT count(*) FROM sqlite_master", err);
	int rc;

	if (!s)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*empty = sqlite3_column_int(s, 0) == 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return lcm_store_fail(st, err, "not a database");
	return 0;
}

static int
migrate(struct lcm_store *st, int from, struct lcm_err *err)
{
	char sql[64];
	int v;

	if (lcm_store_begin(st, err) < 0)
		return -1;
	for (v = from; v < LCM_SCHEMA_VERSION; v++) {
		snprintf(sql, sizeof(sql), "PRAGMA user_version = %d", v + 1);
		if ((migrations[v].sql[0] && lcm_store_exec(st, migrations[v].sql[0], err) < 0) ||
		    (migrations[v].sql[1] && lcm_store_exec(st, migrations[v].sql[1], err) < 0) ||
		    (migrations[v].run && migrations[v].run(st, err) < 0) ||
		    lcm_store_exec(st, sql, err) < 0) {
			lcm_store_rollback(st);
			return -1;
		}
	}
	return lcm_store_commit(st, err);
}

/*
 * A new store is readable by its owner only: it holds learners' names,
 * e-mail addresses and words. SQLite would create it 0644 (less the
 * umask); its -wal and -shm files take the store's mode. An existing
 * file is left as it is.
 */
static void
create_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

	if (fd >= 0)
		close(fd);
}

/*
 * The "file:" URI of path with query (SQLite's URI parameters): bytes
 * other than letters, digits, "/._~-" are percent-encoded, since '?',
 * '#' and '%' would end or change the path. Returned owned (free).
 */
static char *
file_uri(const char *path, const char *query)
{
	static const char keep[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		"0123456789/._~-";
	struct lcm_buf b;
	const char *p;

	lcm_buf_init(&b);
	lcm_buf_adds(&b, "file:");
	for (p = path; *p; p++) {
		if (strchr(keep, *p))
			lcm_buf_addc(&b, *p);
		else
			lcm_buf_printf(&b, "%%%02X", (unsigned char)*p);
	}
	lcm_buf_printf(&b, "?%s", query);
	return lcm_buf_detach(&b);
}

/* Opens st->db read-only on path with the URI parameters query. 0 or -1. */
static int
open_uri(struct lcm_store *st, const char *path, const char *query, struct lcm_err *err)
{
	char *uri = file_uri(path, query), why[128];
	int rc;

	rc = sqlite3_open_v2(uri, &st->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI |
			     SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc != SQLITE_OK)
		return lcm_error(err, "cannot open store '%s': %s%s", path,
				 st->db ? sqlite3_errmsg(st->db) : "out of memory",
				 st->db ? io_reason(st, why, sizeof(why)) : "");
	sqlite3_extended_result_codes(st->db, 1);
	/*
	 * Before the first read: two readers opening at once (lcm-engage |
	 * lcm-pathway) may find the other rebuilding the WAL index, a
	 * moment's SQLITE_BUSY that must be waited for, not reported.
	 */
	sqlite3_busy_timeout(st->db, st->busy_ms);
	return 0;
}

/*
 * A reader's open. The file must be readable (else the system's reason,
 * so that "No such file" is said only of a missing file). SQLite's
 * read-only mode (mode=ro) still needs the -shm file WAL shares between
 * programs, which a read-only mount or a directory the user cannot
 * write does not let it create: then the store is opened immutable
 * (read as it is, without locks or the -shm file), which is right as
 * long as no writer changes it meanwhile (a store there has none: no
 * import can write there either). A -wal file with content would be
 * ignored that way: then the message says what to do.
 */
static int
open_readonly(struct lcm_store *st, const char *path, struct lcm_err *err)
{
	struct stat sb;
	char *wal;
	int fd, code, big;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return lcm_error(err, "cannot open store '%s': %s", path, strerror(errno));
	close(fd);
	if (open_uri(st, path, "mode=ro", err) < 0)
		return -1;
	if (sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_master", NULL, NULL,
			 NULL) == SQLITE_OK)
		return 0;
	code = sqlite3_extended_errcode(st->db) & 0xff;
	if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN)
		return lcm_store_fail(st, err, "cannot read");
	wal = lcm_xmalloc(strlen(path) + 5);
	memcpy(wal, path, strlen(path));
	memcpy(wal + strlen(path), "-wal", 5);
	big = stat(wal, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0;
	free(wal);
	if (big)
		return lcm_error(err, "cannot read store '%s': its directory cannot be"
				 " written (for the '%s-shm' file readers share) and '%s-wal'"
				 " holds changes not yet in it: make the directory writable, or"
				 " have its owner run sqlite3 '%s' 'PRAGMA wal_checkpoint(TRUNCATE)'",
				 path, path, path, path);
	sqlite3_close(st->db);
	st->db = NULL;
	if (open_uri(st, path, "mode=ro&immutable=1", err) < 0)
		return -1;
	st->immutable = 1;
	return 0;
}

/* A writer's open of a store it cannot write: where the fault may be. -1. */
static int
cannot_write(const char *path, struct lcm_err *err)
{
	return lcm_error(err, "cannot write store '%s': it, or its directory (where SQLite"
			 " makes '%s-wal' and '%s-shm'), is read-only to you or on a read-only"
			 " mount", path, path, path);
}

/*
 * No memory statistics (they are never read): SQLite takes a global
 * mutex for them on every allocation, a few per row written. Only
 * possible before SQLite starts; later calls are refused, harmlessly.
 */
static void
no_memstatus(void)
{
	static int done;

	if (!done)
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	done = 1;
}

int
lcm_store_open(struct lcm_store *st, const char *path, int flags,
	       int busy_ms, struct lcm_err *err)
{
	int oflags, v = 0, empty = 0;
	int memory = strcmp(path, ":memory:") == 0;

	st->db = NULL;
	st->stmt = NULL;
	st->bulk = NULL;
	st->nofk = 0;
	st->changes = 0;
	st->immutable = 0;
	st->busy_ms = busy_ms;
	st->path = lcm_xstrdup(path);
	if ((flags & LCM_STORE_READONLY) && !memory) {
		if (open_readonly(st, path, err) < 0)
			goto fail;
	} else {
		if (flags & LCM_STORE_READONLY)
			oflags = SQLITE_OPEN_READONLY;
		else if (flags & LCM_STORE_CREATE)
			oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
		else
			oflags = SQLITE_OPEN_READWRITE;
		if ((flags & LCM_STORE_CREATE) && !memory)
			create_private(path);
		/* one connection, one thread: SQLite's mutexes would be pure cost */
		oflags |= SQLITE_OPEN_NOMUTEX;
		no_memstatus();
		if (sqlite3_open_v2(path, &st->db, oflags, NULL) != SQLITE_OK) {
			lcm_error(err, "cannot open store '%s': %s", path,
				  st->db ? sqlite3_errmsg(st->db) : "out of memory");
			goto fail;
		}
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, busy_ms);
	if (is_empty(st, &empty, err) < 0 || user_version(st, &v, err) < 0) {
		/* SQLite's "attempt to write a readonly database" names no file */
		if (!(flags & LCM_STORE_READONLY) &&
		    (sqlite3_extended_errcode(st->db) & 0xff) == SQLITE_READONLY)
			cannot_write(path, err);
		goto fail;
	}
	if (!(flags & LCM_STORE_READONLY) && !memory && sqlite3_db_readonly(st->db, "main") == 1) {
		cannot_write(path, err);
		goto fail;
	}
	if (!empty && v == 0) {
		lcm_error(err, "'%s' is not an lcm store (a database without lcm's schema)", path);
		goto fail;
	}
	if (v > LCM_SCHEMA_VERSION) {
		lcm_error(err, "store '%s' has schema version %d, newer than this lcm (%d)",
			  path, v, LCM_SCHEMA_VERSION);
		goto fail;
	}
	if (flags & LCM_STORE_READONLY) {
		if (v < LCM_SCHEMA_VERSION) {
			lcm_error(err, "store '%s' has schema version %d: run lcm-import once to upgrade it",
				  path, v);
			goto fail;
		}
		/*
		 * One snapshot for the whole run: an analysis reads persons,
		 * posts and events in several statements, and an import
		 * committing between them (WAL lets it) would mix two states
		 * of the store in one report. Ended by lcm_store_close.
		 */
		if (lcm_store_exec(st, "BEGIN; SELECT count(*) FROM sqlite_master;", err) < 0)
			goto fail;
		return 0;
	}
	/*
	 * A new store's pages are 8 KiB (WAL fixes the size at the first
	 * write): bulk loads make half the system calls of 4 KiB pages.
	 */
	if (empty && lcm_store_exec(st, "PRAGMA page_size=8192;", err) < 0)
		goto fail;
	/* WAL lets cron readers run beside an import; NORMAL is safe in WAL. */
	if (lcm_store_exec(st, memory ? "PRAGMA foreign_keys=ON;" :
		"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
		"PRAGMA foreign_keys=ON;", err) < 0)
		goto fail;
	/*
	 * Freed space is zeroed, whatever SQLite's build default: a row
	 * updated or merged away must not linger in the file, nor a person
	 * erased (lcm-import --forget) in pages freed before.
	 */
	if (lcm_store_exec(st, "PRAGMA secure_delete=ON;", err) < 0)
		goto fail;
	/*
	 * 32 MiB of pages. Temporary files stay files (the page cache holds
	 * them): in memory, building an index of ten million rows or sorting
	 * them took hundreds of megabytes.
	 */
	if (lcm_store_exec(st, "PRAGMA cache_size=-32768;", err) < 0)
		goto fail;
	if (v < LCM_SCHEMA_VERSION && migrate(st, v, err) < 0)
		goto fail;
	return 0;
fail:
	lcm_store_close(st);
	return -1;
}

/* Drops the statements store_write.c prepared (it knows how). */
static void
stmts_drop(struct lcm_store *st)
{
	if (st->stmt && st->stmt_free)
		st->stmt_free(st);
}

void
lcm_store_close(struct lcm_store *st)
{
	stmts_drop(st);
	if (st->db && !sqlite3_get_autocommit(st->db))	/* a reader's snapshot */
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	if (st->db)
		sqlite3_close(st->db);
	free(st->path);
	st->db = NULL;
	st->path = NULL;
}

int
lcm_store_begin(struct lcm_store *st, struct lcm_err *err)
{
	int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

	/* the busy timeout has run out: say who holds what */
	if ((rc & 0xff) == SQLITE_BUSY)
		return lcm_error(err, "store '%s' is locked by another writer"
				 " (an import?): gave up after waiting %d s (see --wait)",
				 st->path, (st->busy_ms + 999) / 1000);
	if (rc != SQLITE_OK)
		return lcm_store_fail(st, err, "cannot start a transaction");
	st->changes = sqlite3_total_changes(st->db);
	return 0;
}

/* Checks foreign keys again after a bulk load's transaction. */
static void
fk_again(struct lcm_store *st)
{
	if (st->nofk && st->db && sqlite3_get_autocommit(st->db)) {
		sqlite3_exec(st->db, "PRAGMA foreign_keys=ON;", NULL, NULL, NULL);
		st->nofk = 0;
	}
}

int
lcm_store_commit(struct lcm_store *st, struct lcm_err *err)
{
	int rc = lcm_store_exec(st, "COMMIT", err);

	fk_again(st);
	return rc;
}

void
lcm_store_rollback(struct lcm_store *st)
{
	if (st->db && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	/* the dropped indexes are back with the rollback */
	st->bulk = NULL;
	fk_again(st);
	/* cached term ids may name rows that are gone now */
	stmts_drop(st);
}

/* The largest rowid of table (a "post" or "event" name from indexes[]). */
static int
max_rowid(struct lcm_store *st, const char *table, int64_t *n, struct lcm_err *err)
{
	char sql[64];
	sqlite3_stmt *s;
	int rc;

	snprintf(sql, sizeof(sql), "SELECT coalesce(max(rowid), 0) FROM %s", table);
	if (!(s = lcm_store_prepare(st, sql, err)))
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return lcm_store_fail(st, err, "cannot count rows");
	return 0;
}

int
lcm_store_bulk_begin(struct lcm_store *st, const char *table, int64_t expected,
		     struct lcm_err *err)
{
	char sql[96];
	int64_t have = 0;
	size_t i;

	for (i = 0; i < NINDEXES && strcmp(indexes[i].table, table) != 0; i++)
		;
	if (i == NINDEXES)
		return lcm_error(err, "no bulk load into table '%s'", table);
	if (st->bulk || expected < BULK_MIN_ROWS)
		return 0;
	/*
	 * foreign_keys cannot change inside a transaction: end this one,
	 * which has written nothing (else keep the checks: it must stay one),
	 * and start another.
	 */
	if (!st->nofk && sqlite3_total_changes(st->db) == st->changes &&
	    sqlite3_db_readonly(st->db, "main") == 0) {
		if (lcm_store_commit(st, err) < 0 ||
		    lcm_store_exec(st, "PRAGMA foreign_keys=OFF;", err) < 0)
			return -1;
		st->nofk = 1;
		if (lcm_store_begin(st, err) < 0)
			return -1;
	}
	/*
	 * Building an index sorts all the table's rows: worth it when the
	 * file brings at least as many as are there (max(rowid) is instant
	 * and close to the count). A daily import into a large store keeps
	 * its indexes.
	 */
	if (max_rowid(st, indexes[i].table, &have, err) < 0)
		return -1;
	if (expected < have)
		return 0;
	for (; i < NINDEXES; i++) {
		if (strcmp(indexes[i].table, table) != 0)
			continue;
		snprintf(sql, sizeof(sql), "DROP INDEX IF EXISTS %s", indexes[i].name);
		if (lcm_store_exec(st, sql, err) < 0)
			return -1;
		st->bulk = indexes[i].table;
	}
	/* statements prepared with the old indexes would be prepared again */
	return 0;
}

int
lcm_store_bulk_end(struct lcm_store *st, struct lcm_err *err)
{
	const char *table = st->bulk;
	size_t i;

	if (!table)
		return 0;
	st->bulk = NULL;
	/*
	 * A smaller page cache while sorting: the sorter takes as much again
	 * for its runs, and ten million keys sort faster in small runs.
	 */
	if (lcm_store_exec(st, "PRAGMA cache_size=-8192;", err) < 0)
		return -1;
	for (i = 0; i < NINDEXES; i++)
		if (strcmp(indexes[i].table, table) == 0 &&
		    lcm_store_exec(st, indexes[i].sql, err) < 0)
			return -1;
	return lcm_store_exec(st, "PRAGMA cache_size=-32768;", err);
}

int
lcm_store_has_table(struct lcm_store *st, const char *name, struct lcm_err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (!(s = lcm_store_prepare(st, "SELECT 1 FROM sqlite_master WHERE type = 'table'"
				    " AND name = ?1", err)))
		return -1;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read the store's tables");
	return rc == SQLITE_ROW;
}

sqlite3_stmt *
lcm_store_prepare_making(struct lcm_store *st, const char *sql, const char *schema,
			 struct lcm_err *err)
{
	sqlite3_stmt *s = NULL;

	/* one failed prepare per call until the table exists */
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK)
		return s;
	sqlite3_finalize(s);
	if (lcm_store_exec(st, schema, err) < 0)
		return NULL;
	return lcm_store_prepare(st, sql, err);
}
