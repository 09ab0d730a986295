/*
 * erase.h - privacy: erasing a person (the right to erasure), purging
 * old activity (a retention period), and the persons under pseudonyms.
 *
 * An erasure or a purge is one transaction with SQLite's secure_delete
 * on, so that the deleted rows' bytes are overwritten with zeros, and is
 * followed by a WAL checkpoint that empties the -wal file, so that no
 * copy of them is left in either file. Either everything asked is done,
 * or nothing is.
 */
#ifndef LCM_ERASE_H
#define LCM_ERASE_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "store.h"

/* A person found from what the user typed (lcm_erase_find). */
struct lcm_erase_who {
	int64_t id;		/* person.id */
	char *key;		/* "platform:external_id" of the first account, owned */
	char *name;		/* owned; NULL when unknown */
};

/* What forgetting one person removed (or would remove, in a dry run). */
struct lcm_erase_counts {
	long persons;		/* 1 */
	long accounts;		/* person_link rows */
	long posts;		/* the person's own posts */
	long threads;		/* threads they opened */
	long others;		/* replies by others in those threads, deleted with them */
	long detached;		/* replies by others elsewhere to their posts, kept */
	long events, completions, skills;
	long notified;		/* lcm-unanswered's marks of the deleted threads */
	long scrubbed_posts;	/* others' posts whose text named them */
	long scrubbed_threads;	/* thread titles that named them */
};

/*
 * What an erased person's name, e-mail address or @mention becomes in
 * the words of others (see lcm_erase_person).
 */
#define LCM_ERASE_PLACEHOLDER "[erased]"

/* Shorter parts of a name (in characters) are not replaced alone. */
#define LCM_ERASE_MIN_PART 3

/* What purging before a date removed. */
struct lcm_purge_counts {
	long events;		/* events before the date */
	long threads;		/* threads whose newest post is before it */
	long posts;		/* the posts of those threads */
	long notified;		/* their lcm-unanswered marks */
	long detached;		/* posts elsewhere replying to them, kept */
};

/*
 * What lcm_erase_run does: forget each of forget[0..nforget) (see
 * lcm_erase_find for the forms), then, with purge, drop what is older
 * than before. line (may be NULL) gets each summary line once the
 * transaction is over; fail gets each person not found.
 */
struct lcm_erase_req {
	const char *const *forget;	/* borrowed */
	size_t nforget;
	int purge;
	int64_t before;
	int dry_run;			/* count everything, then roll back */
	void (*line)(void *arg, const char *text);
	void (*fail)(void *arg, const struct lcm_err *err);
	void *arg;
};

/*
 * Runs req in one transaction (BEGIN IMMEDIATE: it waits for another
 * writer as long as the store's busy timeout) and, unless dry_run,
 * commits and checkpoints the WAL. Every person is looked up before
 * anything is deleted. 0, or -1 with err filled: a person not found
 * (after fail() for each: "nothing erased: the store is unchanged"), a
 * store failure (the store is as before), or, after the commit, a WAL
 * checkpoint that a reader kept from completing: the rows are gone, but
 * old copies of their pages wait in the database file itself (while a
 * reader's snapshot is older than the erasure) or in the -wal file, as
 * the message says.
 */
int lcm_erase_run(struct lcm_store *st, const struct lcm_erase_req *req,
		  struct lcm_err *err);

/*
 * Finds the person spec names: "platform:external_id" of any of their
 * accounts, a bare external id, or an e-mail address (compared trimmed,
 * without case). Every reading is tried; exactly one person must match.
 * 0 with who filled (free with lcm_erase_who_release), or -1 with err:
 * "no person 'x' in the store ..." or "'58' is ambiguous: 2 persons
 * match: moodle:58 (Ana Lopez), canvas:58 (Bob Stone) ...".
 */
int lcm_erase_find(struct lcm_store *st, const char *spec,
		   struct lcm_erase_who *who, struct lcm_err *err);
void lcm_erase_who_release(struct lcm_erase_who *who);

/*
 * Deletes person id and everything they wrote: their posts, the threads
 * they opened (with every post in them), events, completions, skills,
 * accounts, lcm-nudge's records of them, the person; replies by others to their posts elsewhere stay,
 * with parent_id NULL. In what stays (others' post subjects and bodies,
 * thread titles), every whole-word occurrence of what the store knew of
 * them becomes LCM_ERASE_PLACEHOLDER: each full name of their accounts
 * and their e-mail addresses and usernames (case ignored), each part of
 * a name of at least LCM_ERASE_MIN_PART characters as written
 * ("Ana" in "Ana Lopez"; "ana" stays), and @mentions of a name, a part
 * of one or a username (case ignored: "@ana", "@alopez"). Words are runs
 * of letters, digits and '_' (non-ASCII letters included); the post's
 * word count follows. Call inside a transaction (lcm_erase_run does).
 * 0 with c filled, or -1 with err.
 */
int lcm_erase_person(struct lcm_store *st, int64_t id,
		     struct lcm_erase_counts *c, struct lcm_err *err);

/*
 * Deletes the events before before, and the threads whose newest post
 * is before it, with their posts and marks; a thread still active at
 * before keeps all its posts, old ones too (a conversation is kept
 * whole). Persons, completions and the catalogue stay. Call inside a
 * transaction. 0 with c filled, or -1 with err.
 */
int lcm_erase_purge(struct lcm_store *st, int64_t before,
		    struct lcm_purge_counts *c, struct lcm_err *err);

/* One person of the pseudonymised persons listing. */
struct lcm_pseudo_person {
	const char *person;	/* the pseudonym (pseudo.h) */
	const char *role;	/* learner, staff or expert */
	const char *platforms;	/* "moodle,xapi" */
	int naccounts;		/* accounts linked (their ids are not shown) */
};

/*
 * Calls fn for every person of the store, shown by the pseudonym of
 * "platform:external_id" of their first account under key (as
 * lcm-engage --pseudonymize does), in the pseudonyms' order. Strings are
 * borrowed for the call; fn returns 0 to go on, -1 to stop (then -1 is
 * returned with err untouched). 0, or -1.
 */
int lcm_erase_persons_pseudo(struct lcm_store *st, const char *key,
			     int (*fn)(void *arg, const struct lcm_pseudo_person *p),
			     void *arg, struct lcm_err *err);

#endif
