/*
 * names.h - a list of names a person typed: "a, b" on a command line or
 * one a line in a file, each trimmed, the empty ones left out.
 */
#ifndef LCM_NAMES_H
#define LCM_NAMES_H

#include <stddef.h>

#include "err.h"

struct lcm_names {
	char **v;		/* owned, in the order given */
	size_t n, cap;
};

/* Adds s[0..len) trimmed of blanks and line ends, unless nothing is left. */
void lcm_names_add(struct lcm_names *names, const char *s, size_t len);

/* Adds arg's ','-separated names; returns how many it added. */
size_t lcm_names_add_list(struct lcm_names *names, const char *arg);

/*
 * Adds path's names, one a line, blank lines and '#' comments skipped.
 * 0, or -1 with err filled (path: cannot open or read).
 */
int lcm_names_add_file(struct lcm_names *names, const char *path, struct lcm_err *err);

/* Frees every name; names is empty again. */
void lcm_names_release(struct lcm_names *names);

#endif
