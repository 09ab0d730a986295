/*
 * catalogue.h - a catalogue of learning bricks (modules, videos,
 * articles, workshops, quizzes): read from CSV, JSON or the store,
 * indexed by id and by skill, and checked for the faults that would
 * make a pathway impossible (cycles, unknown ids, duplicates).
 *
 *	struct lcm_catalogue c;
 *	lcm_catalogue_init(&c);
 *	if (lcm_catalogue_read(&c, fp, "bricks.csv", &err) < 0) ...
 *	lcm_catalogue_check(&c, &faults);
 *	...
 *	lcm_catalogue_release(&c);
 *
 * Columns (CSV header or JSON keys, case-insensitive): id (or item),
 * title, duration_min (or duration) are required; format, level,
 * skills, prereqs, language, url, remedial are optional; others are
 * ignored, so an lcm-import catalogue (with its platform column) reads
 * as it is. skills and prereqs are ';'-lists; remedial is a ';'-list of
 * score bands "LOW-HIGH:ID[,ID...]" ("0-0.4:B12;0.4-0.7:B13").
 */
#ifndef LCM_CATALOGUE_H
#define LCM_CATALOGUE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "store.h"
#include "strmap.h"

/* No brick: the index lcm_catalogue_find() gives for an unknown id. */
#define LCM_CAT_NONE ((size_t)-1)

/* A list of strings, each owned; no duplicates when built by split. */
struct lcm_strlist {
	char **v;
	size_t n;
};

/* Appends a copy of s. */
void lcm_strlist_add(struct lcm_strlist *l, const char *s);
/*
 * Appends each item of the sep-separated list text (borrowed; NULL is
 * empty), trimmed of spaces and tabs; empty items and items already in
 * the list are skipped.
 */
void lcm_strlist_split(struct lcm_strlist *l, const char *text, char sep);
/* Index of s in l, or LCM_CAT_NONE. */
size_t lcm_strlist_find(const struct lcm_strlist *l, const char *s);
/* Frees the strings; the list is empty and usable again. */
void lcm_strlist_release(struct lcm_strlist *l);

/* A score band of a brick: a score in [lo, hi) (hi 1 takes 1 too). */
struct lcm_band {
	double lo, hi;
	struct lcm_strlist ids;	/* remedial bricks, as written */
};

struct lcm_brick {
	char *id;		/* never empty */
	char *title;
	char *format, *language, *url;	/* NULL when not given */
	int64_t duration;	/* minutes, >= 0 */
	int level;		/* >= 0; 0 when not given */
	struct lcm_strlist skills;	/* skills it teaches */
	struct lcm_strlist prereqs;	/* ids it requires, as written */
	size_t *pre;		/* the known ones as brick indices (index) */
	size_t npre;
	struct lcm_band *bands;
	size_t nbands;
	long line;		/* line of the file, 0 for the store */
};

/* A skill and the bricks teaching it, in catalogue order. */
struct lcm_skill {
	char *name;
	size_t *bricks;
	size_t n;
};

struct lcm_catalogue {
	char *name;		/* file (or store) name, for messages */
	struct lcm_brick *b;
	size_t n, cap;
	struct lcm_strmap ids;		/* id -> index of its first brick */
	struct lcm_strmap skill_idx;	/* skill name -> index in skills */
	struct lcm_skill *skills;
	size_t nskills;
};

/* Column numbers of lcm_catalogue_add's values. */
enum {
	LCM_CAT_ID, LCM_CAT_TITLE, LCM_CAT_FORMAT, LCM_CAT_DURATION,
	LCM_CAT_LEVEL, LCM_CAT_SKILLS, LCM_CAT_PREREQS, LCM_CAT_LANGUAGE,
	LCM_CAT_URL, LCM_CAT_REMEDIAL, LCM_CAT_NCOL
};

/* Empties c (no allocation). */
void lcm_catalogue_init(struct lcm_catalogue *c);
/* Frees everything c holds; c is empty again. */
void lcm_catalogue_release(struct lcm_catalogue *c);

/*
 * Adds one brick from its text values v[LCM_CAT_*] (borrowed; NULL or
 * empty for absent) defined at line. Checks the values: 0, or -1 with
 * err filled ("column 'level': not a number: 'x'"), not located.
 * lcm_catalogue_index() must be called after the last one.
 */
int lcm_catalogue_add(struct lcm_catalogue *c, const char *const *v, long line,
		      struct lcm_err *err);

/*
 * Builds the id and skill indexes and resolves prerequisites to brick
 * indices (unknown ids are left out: lcm_catalogue_check reports them).
 * The first brick of a duplicated id is the one found.
 */
void lcm_catalogue_index(struct lcm_catalogue *c);

/*
 * Reads a catalogue from fp (borrowed, read to its end): JSON when it
 * starts with '[' (an array of objects), else CSV. name is used in
 * messages. Returns 0, or -1 with err filled and located (file:line).
 * The catalogue is indexed.
 */
int lcm_catalogue_read(struct lcm_catalogue *c, FILE *fp, const char *name,
		       struct lcm_err *err);

/* The same from the len bytes at buf (borrowed). */
int lcm_catalogue_read_mem(struct lcm_catalogue *c, const char *buf, size_t len,
			   const char *name, struct lcm_err *err);

/*
 * Reads the catalogue imported into the store (items with a title or a
 * duration: the others are only names that completions referred to).
 * Returns 0, or -1 with err filled. The catalogue is indexed.
 */
int lcm_catalogue_load_store(struct lcm_catalogue *c, struct lcm_store *st,
			     struct lcm_err *err);

/* For the readers (catalogue.c, catalogue_json.c). */

/* The LCM_CAT_* column a header cell (or JSON key) names, or -1. */
int lcm_catalogue_column(const char *cell);
/* 1 when column k must be there. */
int lcm_catalogue_column_required(int k);
/* The first name of column k ("duration_min"), into out; returns out. */
const char *lcm_catalogue_column_name(int k, char *out, size_t size);
/*
 * Reads the JSON array of bricks at buf (len bytes, borrowed); line 1 is
 * buf's first line. 0, or -1 with err filled and located. Not indexed.
 */
int lcm_catalogue_read_json(struct lcm_catalogue *c, const char *buf, size_t len,
			    const char *name, struct lcm_err *err);

/* Index of the brick with this id, or LCM_CAT_NONE. */
size_t lcm_catalogue_find(const struct lcm_catalogue *c, const char *id);

/* The bricks teaching skill, or NULL when none does. Borrowed. */
const struct lcm_skill *lcm_catalogue_skill(const struct lcm_catalogue *c,
					    const char *skill);

/* The band of brick b that score falls in, or NULL. */
const struct lcm_band *lcm_brick_band(const struct lcm_brick *b, double score);

/* What lcm_catalogue_check finds. */
enum lcm_fault_kind {
	LCM_FAULT_DUPLICATE,	/* an id defined twice */
	LCM_FAULT_PREREQ,	/* a prerequisite id no brick has */
	LCM_FAULT_REMEDIAL,	/* a remedial id no brick has */
	LCM_FAULT_CYCLE,	/* bricks requiring each other */
	LCM_FAULT_UNREACHABLE,	/* requires a brick of a cycle */
	LCM_FAULT_UNTAUGHT	/* a goal skill no brick teaches */
};

struct lcm_fault {
	enum lcm_fault_kind kind;
	long line;		/* catalogue line, 0 when none */
	char *msg;		/* "brick 'B3': unknown prerequisite 'B99'", owned */
};

struct lcm_faults {
	struct lcm_fault *v;
	size_t n, cap;
};

/* Frees the faults; the list is empty and usable again. */
void lcm_faults_release(struct lcm_faults *f);

/*
 * Appends to f every fault of the indexed catalogue c: duplicate ids,
 * unknown prerequisite and remedial ids (each at its brick's line),
 * every prerequisite cycle as a path ("B3 -> B7 -> B3": B3 requires B7,
 * which requires B3; every brick of a cycle is on one reported path),
 * and the bricks that require, directly or not, a brick of a cycle.
 * Faults come in catalogue line order. Returns how many were added.
 */
size_t lcm_catalogue_check(const struct lcm_catalogue *c, struct lcm_faults *f);

/*
 * Appends an LCM_FAULT_UNTAUGHT fault when no brick teaches skill:
 * "no brick teaches goal 'x' (who)", who (may be NULL) saying whose
 * goal it is. Returns 1 when added, 0 when some brick teaches it.
 */
int lcm_catalogue_check_goal(const struct lcm_catalogue *c, const char *skill,
			     const char *who, struct lcm_faults *f);

#endif
