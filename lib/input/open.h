/*
 * open.h - where an analysis program's data comes from: the store, or
 * export files loaded into a store in memory (so "lcm-unanswered <
 * forum.csv" works with no set-up at all).
 */
#ifndef LCM_OPEN_H
#define LCM_OPEN_H

#include "import.h"
#include "store.h"

/* Flags */
enum {
	LCM_OPEN_WRITE = 1 << 0	/* the program records things (--once) */
};

/*
 * With nfiles == 0: opens the store at db (lcm_store_default_path),
 * read-only unless LCM_OPEN_WRITE; it must exist. Otherwise: creates an
 * in-memory store and imports each file ("-" is standard input) with
 * opts (NULL for defaults). With no file, standard input is read only
 * when no store is named (db, LCM_DB) or found (./lcm.db) and it holds
 * data, so that "prog < export.csv" works with no set-up while cron's
 * empty pipe never hides the store. Returns 0, or -1 with err filled.
 */
int lcm_open_input(struct lcm_store *st, const char *db, char *const *files,
		   int nfiles, const struct lcm_import_opts *opts, int flags,
		   struct lcm_err *err);

#endif
