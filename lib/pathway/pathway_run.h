/*
 * pathway_run.h - what lcm-pathway does once its options are read: loads
 * the catalogue (its file, else the store's) and the learners (their
 * file, completed from the store), checks both, then plans and writes
 * each selected learner's pathway, saying on stderr what cannot be
 * planned. With check, only the checks.
 */
#ifndef LCM_PATHWAY_RUN_H
#define LCM_PATHWAY_RUN_H

#include "cli.h"
#include "pathway.h"

/* The options of one run (lcm-pathway(1) says each). */
struct lcm_pathway_job {
	const char *catalogue, *learners, *scores, *fmt_name;
	struct lcm_strlist only, goals, prefer;
	struct lcm_plan_opts o;
	enum lcm_pathway_format fmt;
	int check, strict, excel, pseudo, budget;
	const char *key;		/* --pseudonymize: LCM_PSEUDO_KEY, else NULL */
};

/* Runs job; returns the program's exit status, having said what went wrong. */
int lcm_pathway_run(const struct lcm_cli *cli, const struct lcm_pathway_job *job);

#endif
