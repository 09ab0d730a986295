/*
 * store.h - the SQLite store: opening, schema, transactions.
 *
 * One file (or ":memory:") holds everything imported. Every imported row
 * keeps its origin (platform, external_id) under a UNIQUE constraint (for
 * events, an integer key of it: origin.h), so importing the same export
 * twice changes nothing. The schema is in
 * store.c and documented in lcm(7); its version is PRAGMA user_version.
 * Writing rows is in store_write.h.
 */
#ifndef LCM_STORE_H
#define LCM_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "err.h"

#define LCM_SCHEMA_VERSION 3

/* Flags for lcm_store_open */
enum {
	LCM_STORE_READONLY = 1 << 0,	/* analysis programs: never create or write */
	LCM_STORE_CREATE = 1 << 1	/* create the file and schema when missing */
};

struct lcm_store_stmts;

struct lcm_store {
	sqlite3 *db;
	char *path;
	struct lcm_store_stmts *stmt;	/* prepared on first use by store_write.c */
	void (*stmt_free)(struct lcm_store *);	/* set with stmt: frees it */
	const char *bulk;		/* table whose indexes a bulk load dropped */
	int nofk;			/* foreign keys unchecked until commit */
	int64_t changes;		/* sqlite3_total_changes at the last begin */
	int busy_ms;			/* how long to wait for another writer */
	int immutable;			/* a reader's open without the -shm file */
};

/*
 * The path to use: path if not NULL, else $LCM_DB, else "./lcm.db".
 * Returns a borrowed string.
 */
const char *lcm_store_default_path(const char *path);

/*
 * Opens (and with LCM_STORE_CREATE creates or migrates) the store at path.
 * busy_ms is how long to wait for another writer's lock. With
 * LCM_STORE_READONLY the file is opened with SQLite's mode=ro, and where
 * the -shm file cannot be made (a read-only mount, a directory the user
 * cannot write) with immutable=1 (st->immutable set): then no writer may
 * change the store while it is open. Returns 0, or -1 with err filled
 * ("cannot open store 'x': No such file or directory", "'x' is not an
 * lcm store", "store 'x' has schema version 9, newer than this lcm (1)").
 */
int lcm_store_open(struct lcm_store *st, const char *path, int flags,
		   int busy_ms, struct lcm_err *err);

/* Finalises statements and closes. Safe on a store that failed to open. */
void lcm_store_close(struct lcm_store *st);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK. Rollback never fails. */
int lcm_store_begin(struct lcm_store *st, struct lcm_err *err);
int lcm_store_commit(struct lcm_store *st, struct lcm_err *err);
void lcm_store_rollback(struct lcm_store *st);

/* Runs SQL without results (several statements allowed). */
int lcm_store_exec(struct lcm_store *st, const char *sql, struct lcm_err *err);

/*
 * 1 when the store has table name, 0 when not, -1 with err: for the
 * tables made on their first write (post_reaction, thread_tag,
 * milestone_seen, nudge_message), which every reader does without.
 */
int lcm_store_has_table(struct lcm_store *st, const char *name, struct lcm_err *err);

/*
 * Prepares sql on a table made on its first write: when it does not
 * prepare (no table yet), runs schema (CREATE TABLE IF NOT EXISTS ...)
 * and prepares again. NULL with err filled on failure.
 */
sqlite3_stmt *lcm_store_prepare_making(struct lcm_store *st, const char *sql,
				       const char *schema, struct lcm_err *err);

/* Prepares sql; returns NULL with err filled on failure. */
sqlite3_stmt *lcm_store_prepare(struct lcm_store *st, const char *sql,
				struct lcm_err *err);

/*
 * Bulk loading, for a file of about expected rows (at least some 20,000)
 * going mostly to table ("post" or "event"). lcm_store_bulk_begin, called
 * first thing in a transaction, stops checking foreign keys until the
 * transaction ends (the ids written come from the store itself; the
 * checks cost a third of a log import), and, when the table holds fewer
 * rows than expected, drops its secondary indexes, so that
 * lcm_store_bulk_end builds them once, sorted, instead of updating them
 * row by row at random places. A rollback brings the indexes back; the
 * UNIQUE (platform, external_id) indexes stay, so re-imported rows are
 * still found. 0, or -1 with err.
 */
int lcm_store_bulk_begin(struct lcm_store *st, const char *table,
			 int64_t expected, struct lcm_err *err);
int lcm_store_bulk_end(struct lcm_store *st, struct lcm_err *err);

/* Fills err with SQLite's message for what; returns -1. */
int lcm_store_fail(struct lcm_store *st, struct lcm_err *err, const char *what);

#endif
