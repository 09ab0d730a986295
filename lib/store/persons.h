/*
 * persons.h - lcm-import --persons: each person of the store and their
 * accounts, or under a pseudonym key only what identifies no one.
 */
#ifndef LCM_PERSONS_H
#define LCM_PERSONS_H

#include <stdio.h>

#include "err.h"
#include "render.h"
#include "store.h"

/*
 * Renders the table in fmt on fp: person, name, email, role, platforms,
 * accounts; with key, person (a pseudonym), role, platforms, accounts
 * (how many). 0, or -1 with err filled.
 */
int lcm_persons_render(struct lcm_store *st, const char *key, enum lcm_format fmt,
		       FILE *fp, struct lcm_err *err);

#endif
