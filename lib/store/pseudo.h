/*
 * pseudo.h - stable pseudonyms for --pseudonymize: a person is shown as
 * 16 hex digits of the HMAC-SHA-256 of "platform:external_id" under a
 * key only the operator holds (LCM_PSEUDO_KEY). The same key gives the
 * same pseudonym in every program and every run, so figures can be
 * joined without names.
 */
#ifndef LCM_PSEUDO_H
#define LCM_PSEUDO_H

#include "cli.h"

#define LCM_PSEUDO_MIN_KEY 16	/* characters a key needs at least */
#define LCM_PSEUDO_LEN 16	/* hex digits in a pseudonym */

/*
 * The key from LCM_PSEUDO_KEY into *key: LCM_EXIT_OK, or LCM_EXIT_ERROR
 * after saying why (unset or shorter than LCM_PSEUDO_MIN_KEY).
 */
int lcm_pseudo_key(const struct lcm_cli *cli, const char **key);

/* The pseudonym of s under key, into out (LCM_PSEUDO_LEN + 1 bytes). */
char *lcm_pseudonym(const char *key, const char *s, char *out);

/* The same, allocated: the caller frees it. */
char *lcm_pseudonym_dup(const char *key, const char *s);

#endif
