/*
 * import.h - loading one export file into the store, all or nothing.
 *
 * lcm_import_file() finds the file's format (or takes the one forced),
 * reads it row by row and writes it inside one transaction: on the first
 * bad row the whole file is rolled back, unless skip_invalid is set, in
 * which case bad rows are written to rejects and the rest goes in.
 */
#ifndef LCM_IMPORT_H
#define LCM_IMPORT_H

#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "import_opts.h"
#include "store.h"

/*
 * Imports path ("-" for standard input) into st. name is the name used in
 * messages and recorded as the source. Returns 0, or -1 with err filled and
 * located (file:line) and the store as it was before. The rejects stream
 * is flushed and checked before the commit: a rejects file that cannot be
 * written fails the import (rolled back), so -1 always means "store
 * unchanged".
 */
int lcm_import_file(struct lcm_store *st, const char *path,
		    const struct lcm_import_opts *opts,
		    struct lcm_import_stats *stats, struct lcm_err *err);

/* Names of the formats lcm_import_file knows, NULL-terminated. */
extern const char *const lcm_import_formats[];

/* Whether name is one of them. */
int lcm_import_format_known(const char *name);

/* Singular and plural noun of a kind, for summaries ("post", "posts"). */
const char *lcm_kind_noun(enum lcm_kind k, long n);

#endif
