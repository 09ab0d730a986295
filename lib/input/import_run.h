/*
 * import_run.h - what lcm-import does around lcm_import_file (import.h):
 * the files one after the other with their summary and progress line,
 * then the staff names and the link map each in their own transaction,
 * or the other forms (--persons, --forget and --purge-before). Each
 * returns the program's exit status, having said what went wrong.
 */
#ifndef LCM_IMPORT_RUN_H
#define LCM_IMPORT_RUN_H

#include "cli.h"
#include "erase.h"
#include "identity.h"
#include "import.h"
#include "names.h"
#include "store.h"

/* One run of lcm-import on files. */
struct lcm_import_job {
	const char *const *files;	/* "-": standard input */
	int nfiles;			/* 0: --staff or --link-map alone */
	const char *rejects_path;	/* --rejects; NULL: none */
	const struct lcm_names *staff;	/* --staff names, marked after the files */
	const struct lcm_link_map *map;	/* --link-map, applied after; NULL: none */
	int busy_ms;			/* --wait for another writer */
};

/*
 * Runs job: opens the rejects file and the store (made when files are
 * given, else one that must be there), imports each file in one
 * transaction (a bad file is said and the others still go in), then
 * the staff and the link map each in their own. After each file, unless
 * cli->quiet, "forum.csv: 96 posts (96 new, 0 updated), 12 threads, 20
 * persons in 0.1 s" on stderr; on a terminal, a progress line while a
 * long file is read. A rejects file that cannot be written is an error.
 */
int lcm_import_run(const struct lcm_cli *cli, const struct lcm_import_job *job,
		   struct lcm_import_opts *opts);

/* --persons: the table in the format named (NULL: table), pseudonyms with key. */
int lcm_import_persons(const struct lcm_cli *cli, const char *fmtname, const char *key);

/* --forget and --purge-before: req in one transaction on the store. */
int lcm_import_erase(const struct lcm_cli *cli, struct lcm_erase_req *req, int busy_ms);

#endif
