/*
 * pathway.h - individual learning pathways: which bricks of a
 * catalogue each learner should take, in what order, week by week.
 *
 * Learners come from a CSV or the store (pathway_learners.c,
 * pathway_store.c); the planner (pathway.c) is a pure function of the
 * catalogue, one learner and the options; pathway_render.c writes the
 * result. Nothing here prints but the renderer, to the FILE* it is given.
 *
 *	struct lcm_planner *p = lcm_planner_new(&catalogue, &opts);
 *	for each learner: lcm_planner_plan(p, &learner, &plan); render; ...
 *	lcm_plan_release(&plan);  lcm_planner_free(p);
 */
#ifndef LCM_PATHWAY_H
#define LCM_PATHWAY_H

#include <stdint.h>
#include <stdio.h>

#include "catalogue.h"
#include "err.h"
#include "render.h"
#include "store.h"
#include "strmap.h"

/* A score of a learner on a brick (quiz result), 0 to 1. */
struct lcm_score {
	char *item;
	double score;
};

/* Which fields of a learner were given (by the CSV, or filled later). */
enum {
	LCM_L_NAME = 1 << 0, LCM_L_GOALS = 1 << 1, LCM_L_INTERESTS = 1 << 2,
	LCM_L_BUDGET = 1 << 3, LCM_L_FORMATS = 1 << 4, LCM_L_LANGUAGE = 1 << 5
};

struct lcm_learner {
	char *id;
	char *name;			/* NULL when unknown */
	struct lcm_strlist goals;	/* skills to acquire, in order */
	struct lcm_strlist interests;	/* skills of interest */
	struct lcm_strlist completed;	/* brick ids done */
	struct lcm_strlist has;		/* skills held (store only) */
	struct lcm_strlist formats;	/* preferred formats, best first */
	char *language;			/* NULL: no preference */
	int64_t budget;			/* minutes a week; 0: the default */
	struct lcm_score *scores;
	size_t nscores;
	unsigned given;			/* LCM_L_* */
	long line;			/* line of the CSV, 0 for the store */
	int64_t person;			/* store id; 0: the store does not know them */
	char *key;			/* "platform:external_id" of person, or NULL:
					 * what a pseudonym hashes (pseudo.h) */
};

/* Learners in input order, with an index by id. */
struct lcm_learners {
	struct lcm_learner *v;
	size_t n, cap;
	struct lcm_strmap idx;		/* id -> index in v */
};

void lcm_learners_init(struct lcm_learners *ls);
void lcm_learners_release(struct lcm_learners *ls);

/* The learner with this id, or NULL. */
struct lcm_learner *lcm_learners_find(struct lcm_learners *ls, const char *id);

/* The learner with this id, added (empty) when new. */
struct lcm_learner *lcm_learners_get(struct lcm_learners *ls, const char *id);

/* Records a score; a later one for the same brick replaces it. */
void lcm_learner_score(struct lcm_learner *l, const char *item, double score);

/*
 * Reads learners from a CSV (fp borrowed; name for messages): a
 * 'learner' or 'person' column is required; name, goals, interests,
 * completed, budget, formats, language are taken when present (lists
 * ';'-separated), others ignored, so any CSV listing people will do.
 * A learner on several rows gets the lists of all of them. Returns 0,
 * or -1 with err filled and located.
 */
int lcm_learners_read_csv(struct lcm_learners *ls, FILE *fp, const char *name,
			  struct lcm_err *err);

/*
 * Reads scores (person or learner, item, score from 0 to 1) from a CSV
 * such as lcm-import's completions; rows of unknown learners and rows
 * without a score are skipped. Returns 0, or -1 with err filled.
 */
int lcm_scores_read_csv(struct lcm_learners *ls, FILE *fp, const char *name,
			struct lcm_err *err);

/* Flags of lcm_learners_load_store */
enum {
	LCM_LOAD_ADD = 1 << 0,		/* add the store's learners */
	LCM_LOAD_ALL = 1 << 1		/* with ADD: even those without a goal */
};

/*
 * Completes the learners from the store (pathway_store.c): with
 * LCM_LOAD_ADD, first adds every person of role 'learner' who has a
 * goal (or every one, with LCM_LOAD_ALL), ordered by external id, each
 * under the id lcm-engage prints (the external id, or
 * "platform:external_id" when the store holds several platforms).
 * Then finds each learner's person: the one whose "platform:external_id"
 * is the learner's id, else the first stored whose external id is,
 * else (pseudo_key not NULL) the one whose pseudonym under pseudo_key
 * is (borrowed); sets person and key. For each learner found: name,
 * goals and interests when not given, skills held, completed bricks
 * and scores (added to those given). Returns 0, or -1 with err filled.
 */
int lcm_learners_load_store(struct lcm_learners *ls, struct lcm_store *st,
			    int flags, const char *pseudo_key, struct lcm_err *err);

/*
 * Shows every learner by pseudonym under key (borrowed), as lcm-engage
 * --pseudonymize does: the id becomes the pseudonym of the learner's
 * key when the store knew them (lcm_learners_load_store), else of the
 * id as written; names are dropped. The old ids still find their
 * learners. Returns how many learners the store did not know whose id
 * has the form of a pseudonym: hashed again, they will not match
 * lcm-engage's (another key, or another store).
 */
size_t lcm_learners_pseudonymize(struct lcm_learners *ls, const char *key);

/* 1 when s has the form of a pseudonym: LCM_PSEUDO_LEN lower-case hex digits. */
int lcm_is_pseudonym(const char *s);

/* Why a step is in a pathway. */
enum lcm_reason {
	LCM_REASON_GOAL,	/* teaches goal skill 'about' */
	LCM_REASON_PREREQ,	/* required by brick 'about' */
	LCM_REASON_REMEDIAL,	/* a band of the score on brick 'about' */
	LCM_REASON_UNMET	/* no brick teaches goal skill 'about' */
};

struct lcm_step {
	size_t brick;		/* catalogue index; LCM_CAT_NONE when unmet */
	enum lcm_reason reason;
	const char *about;	/* skill or brick id, borrowed (catalogue, learner) */
	int step, week;		/* from 1; 0 when unmet */
	int over_budget;	/* longer than the week: a week of its own */
	char *why;		/* with explain: alternatives and why, owned */
};

struct lcm_plan {
	struct lcm_step *v;
	size_t n, cap;
	int64_t budget;		/* minutes a week used */
	int weeks;		/* weeks used */
	int64_t minutes;	/* sum of the durations planned */
	size_t left_out;	/* bricks beyond the --weeks limit */
};

/* Frees the steps; the plan is empty and usable again. */
void lcm_plan_release(struct lcm_plan *p);

struct lcm_plan_opts {
	int64_t budget;			/* minutes a week (default 120) */
	int weeks;			/* at most this many weeks; 0: no limit */
	const struct lcm_strlist *goals;	/* for learners without goals */
	const struct lcm_strlist *prefer;	/* formats, for those without */
	const char *lang;		/* language, for those without */
	int explain;			/* fill lcm_step.why */
};

struct lcm_planner;

/*
 * A planner for catalogue c (indexed, checked: no cycle) and options o,
 * both borrowed for its life. Freed with lcm_planner_free().
 */
struct lcm_planner *lcm_planner_new(const struct lcm_catalogue *c,
				    const struct lcm_plan_opts *o);
void lcm_planner_free(struct lcm_planner *p);

/*
 * The pathway of learner l (borrowed; steps point into it and into the
 * catalogue) into out, emptied first: for each goal skill not held, the
 * best brick teaching it (language, then preferred format, then the
 * level nearest above the learner's in that skill, then the shortest,
 * then the id); the remedial bricks of the score bands the learner's
 * scores fall in; every prerequisite not completed, transitively;
 * completed bricks dropped; ordered so each brick follows its
 * prerequisites, ties broken by level, then interest, then duration,
 * then id; then weeks (lcm_plan_schedule). Unmet goals come last.
 * Returns 0, or -1 with err filled when the catalogue has a cycle.
 */
int lcm_planner_plan(struct lcm_planner *p, const struct lcm_learner *l,
		     struct lcm_plan *out, struct lcm_err *err);

/*
 * Numbers the steps and puts them into weeks of budget minutes, in
 * order: a brick that does not fit what is left of a week starts the
 * next; one longer than budget gets a week of its own and over_budget.
 * With weeks > 0, the steps after week weeks are dropped and counted
 * in left_out (unmet steps stay). Sets budget, weeks and minutes.
 */
void lcm_plan_schedule(struct lcm_plan *p, const struct lcm_catalogue *c,
		       int64_t budget, int weeks);

/* Output formats of lcm_pathway_out: render.h's, and Markdown. */
enum lcm_pathway_format {
	LCM_PW_TABLE, LCM_PW_CSV, LCM_PW_TSV, LCM_PW_JSON, LCM_PW_NDJSON,
	LCM_PW_MD
};

/* "table", "csv", "tsv", "json", "ndjson", "md"; -1 when unknown. */
int lcm_pathway_format_parse(const char *name, enum lcm_pathway_format *out);

struct lcm_pathway_out;

/*
 * A writer of pathways to fp (borrowed): table, csv and tsv give one
 * row per step (render.h); json and ndjson one object per learner with
 * its steps nested; md a section per learner. explain adds the 'why'
 * column; flags are render.h's LCM_RENDER_*.
 */
struct lcm_pathway_out *lcm_pathway_out_new(FILE *fp, enum lcm_pathway_format fmt,
					    int explain, int flags);
/* Writes one learner's pathway (all borrowed, for the call only). */
void lcm_pathway_out_learner(struct lcm_pathway_out *o, const struct lcm_catalogue *c,
			     const struct lcm_learner *l, const struct lcm_plan *p);
/* Finishes the output (the table, json's ']'). */
void lcm_pathway_out_end(struct lcm_pathway_out *o);
void lcm_pathway_out_free(struct lcm_pathway_out *o);

#endif
