/*
 * store.h - the SQLite store: opening, schema, transactions.
 *
 * One file (or ":memory:") holds everything imported. Every imported row
 * keeps its origin (platform, external_id) under a UNIQUE constraint, so
 * importing the same export twice changes nothing. The schema is in
 * store.c and documented in lcm(7); its version is PRAGMA user_version.
 * Writing rows is in store_write.h.
 */
#ifndef LCM_STORE_H
#define LCM_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "err.h"

#define LCM_SCHEMA_VERSION 1

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
	int busy_ms;			/* how long to wait for another writer */
};

/*
 * The path to use: path if not NULL, else $LCM_DB, else "./lcm.db".
 * Returns a borrowed string.
 */
const char *lcm_store_default_path(const char *path);

/*
 * Opens (and with LCM_STORE_CREATE creates or migrates) the store at path.
 * busy_ms is how long to wait for another writer's lock. Returns 0, or -1
 * with err filled ("cannot open store 'x': ...", "'x' is not an lcm store",
 * "store 'x' has schema version 9, newer than this lcm (1)").
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

/* Prepares sql; returns NULL with err filled on failure. */
sqlite3_stmt *lcm_store_prepare(struct lcm_store *st, const char *sql,
				struct lcm_err *err);

/* Fills err with SQLite's message for what; returns -1. */
int lcm_store_fail(struct lcm_store *st, struct lcm_err *err, const char *what);

#endif
