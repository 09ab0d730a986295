/*
 * identity.h - one person across platforms.
 *
 * Every platform account a person is known by is a row of person_link
 * (platform, external_id, and what that platform says of them). After
 * each imported file, accounts that share an e-mail address (compared
 * trimmed and case-insensitively), or a username with --link-by
 * username, are made one person: the person first stored is kept, the
 * others' posts, threads, events, completions, skills and accounts move
 * to it, and its fields are derived again from all its accounts.
 * Merging is never undone: --link-by none only stops new merges.
 */
#ifndef LCM_IDENTITY_H
#define LCM_IDENTITY_H

#include <stdint.h>

#include "err.h"
#include "options.h"
#include "store.h"

/* What makes two accounts one person. */
enum lcm_link_by {
	LCM_LINK_EMAIL = 0,	/* the default */
	LCM_LINK_USERNAME,
	LCM_LINK_NONE,
	LCM_LINK_NAME		/* the same full name: platforms without e-mail (Teams) */
};

/* --link-by's keys: email, username, name, none. */
extern const struct lcm_choice lcm_link_bys[];

/* "email", "username", "name" or "none"; 0, or -1 when s is none of them. */
int lcm_link_by_parse(const char *s, enum lcm_link_by *out);

/*
 * Merges the persons whose accounts share a key (by). Sets *merged (may
 * be NULL) to the number of persons merged into another. Call inside a
 * transaction. 0, or -1 with err filled.
 */
int lcm_identity_link(struct lcm_store *st, enum lcm_link_by by, long *merged,
		      struct lcm_err *err);

/*
 * Makes person drop part of person keep (both must exist, keep != drop)
 * and deletes the drop row. 0, or -1 with err filled.
 */
int lcm_identity_merge(struct lcm_store *st, int64_t keep, int64_t drop,
		       struct lcm_err *err);

/*
 * Makes staff every person one of names[0..n) names: a full name, an
 * e-mail address or a username of any of their accounts (trimmed, ASCII
 * case ignored), or platform:external_id. Every account of theirs gets
 * the role, so that later imports that say nothing of roles (a Moodle
 * forum export) keep it; one that gives a role for an account replaces
 * that account's (the person stays staff while one account is). A name
 * may match several persons: all are marked. unknown (may be NULL) gets
 * each name that matches no one. *persons gets the persons named,
 * *newly those who were not staff before. Call inside a transaction.
 * 0, or -1 with err.
 */
int lcm_identity_mark_staff(struct lcm_store *st, const char *const *names, size_t n,
			    void (*unknown)(void *arg, const char *name), void *arg,
			    long *persons, long *newly, struct lcm_err *err);

/* One person and the accounts linked to it, for lcm-import --persons. */
struct lcm_identity {
	int64_t person;
	const char *name, *email, *role;	/* NULL when unknown */
	const char *platforms;	/* "moodle,xapi": distinct, sorted, ','-joined */
	const char *accounts;	/* "moodle:58 xapi:mailto:ana@example.org" */
	int naccounts;
};

/*
 * Calls fn for every person in id order (with merged_only, only those
 * with accounts on two or more platforms or two or more accounts). The
 * strings are borrowed for the call. fn returns 0 to go on, or -1 to
 * stop (then lcm_identity_each returns -1 with err untouched). 0, or -1.
 */
int lcm_identity_each(struct lcm_store *st, int merged_only,
		      int (*fn)(void *arg, const struct lcm_identity *id),
		      void *arg, struct lcm_err *err);

/*
 * A link map (--link-map): who is who across platforms, as a manager
 * writes it down. CSV with the header platform,account,person, one row
 * an account: the platform ("teams"), the account there (its id, its
 * username or its e-mail address on that platform), and the person it
 * is: an e-mail address, or platform:id of another account
 * ("moodle:58"). Rows naming an account or a person the store does not
 * hold are left until a later run.
 */
struct lcm_link_map;

/*
 * Reads the map at path into *out (freed with lcm_link_map_free). 0, or
 * -1 with err located at path:line (a missing column, an empty cell, a
 * row of another length, a CSV error).
 */
int lcm_link_map_load(const char *path, struct lcm_link_map **out,
		      struct lcm_err *err);

/*
 * Makes each mapped account part of the person its row names (the
 * person first stored is kept, as lcm_identity_merge does). *merged
 * (may be NULL) gets the persons merged, *unknown (may be NULL) the rows
 * whose account or person is not in the store. Call inside a
 * transaction. 0, or -1 with err.
 */
int lcm_link_map_apply(struct lcm_store *st, const struct lcm_link_map *m,
		       long *merged, long *unknown, struct lcm_err *err);

void lcm_link_map_free(struct lcm_link_map *m);

#endif
