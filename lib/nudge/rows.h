/*
 * rows.h - lcm-nudge's input: the rows another lcm program printed (CSV,
 * JSON array or NDJSON, told apart by the first byte), each joined to
 * the store's person it names.
 */
#ifndef LCM_NUDGE_ROWS_H
#define LCM_NUDGE_ROWS_H

#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "store.h"

/* A table of strings: ncol named columns, n rows. Values may be NULL. */
struct lcm_nudge_table {
	char **cols;		/* ncol column names, owned */
	size_t ncol;
	char ***rows;		/* n rows of ncol values, owned */
	long *lines;		/* the input line each row starts on */
	size_t n;
};

/* The store's person a row names (all strings owned, NULL when unknown). */
struct lcm_nudge_person {
	int64_t id;		/* person.id; 0 when the row named nobody known */
	char *platform, *external_id, *name, *first_name, *email;
	char *role, *cohort, *manager, *username;
};

/*
 * 1 when standard input holds data (a non-empty file, or a pipe written
 * to), 0 for a terminal, /dev/null or cron's empty pipe.
 */
int lcm_nudge_stdin_has_data(void);

/*
 * Reads all of fp (borrowed) into t: a JSON array of objects when the
 * first byte after a BOM and blanks is '[', NDJSON when it is '{', else
 * CSV with a header line. JSON numbers are written back (reals to 15 digits, "817.2"), true and
 * false become 1 and 0 (as lcm's CSV writes them), null an absent value;
 * a nested array or object is refused. name is for messages. 0, or -1
 * with err at name:line.
 */
int lcm_nudge_table_read(FILE *fp, const char *name, struct lcm_nudge_table *t,
			 struct lcm_err *err);

/* Frees the contents; t is left empty. */
void lcm_nudge_table_release(struct lcm_nudge_table *t);

/* The index of column name, or -1. */
long lcm_nudge_table_col(const struct lcm_nudge_table *t, const char *name);

/*
 * Rows of lcm-unanswered --suggest ("suggested" holds "Name (id): 0.12;
 * Other (id2): 0.05", or "id: 0.12" when pseudonymized) become one row
 * per suggested person, with a "person" column holding their id and a
 * "score" column; rows naming nobody are dropped. Tables without a
 * "suggested" column, or that already have a "person" one, are left as
 * they are. Returns the number of rows made (0 when unchanged).
 */
size_t lcm_nudge_table_expand_suggested(struct lcm_nudge_table *t);

/* Finding persons: statements prepared once, the store's platforms. */
struct lcm_nudge_people {
	sqlite3_stmt *by_id;	/* platform, external id */
	sqlite3_stmt *by_email;	/* exact, then case-insensitive */
	sqlite3_stmt *by_lower;
	char **platforms;	/* the platforms of the store's persons */
	size_t nplat;
};

/* Prepares pp on st (borrowed). 0, or -1 with err. */
int lcm_nudge_people_open(struct lcm_nudge_people *pp, struct lcm_store *st,
			  struct lcm_err *err);

/* Finalises and frees; safe on a zeroed pp. */
void lcm_nudge_people_close(struct lcm_nudge_people *pp);

/*
 * Finds the person of row i: by its "person" column (external id, on
 * the first platform in name order that has it), else "email" (exactly,
 * else case-insensitively, the lowest person id). 1 found (p filled),
 * 0 none, -1 on a store error.
 */
int lcm_nudge_person_find(struct lcm_nudge_people *pp, struct lcm_store *st,
			  const struct lcm_nudge_table *t, size_t i,
			  struct lcm_nudge_person *p, struct lcm_err *err);

/* Frees the contents of p. */
void lcm_nudge_person_release(struct lcm_nudge_person *p);

#endif
