/*
 * versions.h - what --version says, for bug reports: lcm's version and
 * those of the libraries the program runs with, as `curl --version`
 * and `sqlite3 --version` do. In input/ because it names every library
 * the readers and the store link (base/ knows no SQLite).
 */
#ifndef LCM_VERSIONS_H
#define LCM_VERSIONS_H

#include "cli.h"

/*
 * "lcm-import (lcm) 0.1.0" and a line of the libraries' versions, as
 * run (SQLite, Jansson, zlib, expat, libzip) or as built (libcsv, which
 * has no run-time version), on stdout. Returns LCM_EXIT_OK.
 */
int lcm_print_versions(const struct lcm_cli *cli);

#endif
