/*
 * engage_run.h - lcm-engage's options (lcm-engage(1) says each), and its
 * runs that are more than one table: the expertise map, and the
 * recognition lists (contributions, milestones) that are recorded as
 * shown only once written and flushed. Each returns the program's exit
 * status (0 listed, 1 nothing listed, 2 an error), having said what went
 * wrong.
 */
#ifndef LCM_ENGAGE_RUN_H
#define LCM_ENGAGE_RUN_H

#include <stdint.h>

#include "cli.h"
#include "engage.h"
#include "engage_groups.h"
#include "render.h"
#include "store.h"

struct lcm_engage_job {
	struct lcm_engage_opts o;
	enum lcm_engage_by by;
	enum lcm_engage_view view;
	enum lcm_format fmt;
	const char *fmt_name;	/* -f, else NULL */
	int64_t until;		/* --until, else INT64_MIN: --now */
	int graph;		/* --graph: an lcm_graph_format, else -1 */
	int excel, network, local, pseudo;
	int score;		/* --score: a score column */
	const char *cohort;	/* --cohort, or NULL */
	const char *course;	/* --course, or NULL */
	int top, min_group;	/* top: 0 when not given */
	int contributions, milestones, include_staff, all;	/* recognition */
	const char *url, *ladder;
	int expertise;			/* --expertise */
	const char *theme, *person;	/* with --expertise, or NULL */
};

/* --expertise (expertise.h), persons as pseudonyms under key when not NULL. */
int lcm_engage_expertise_run(const struct lcm_cli *cli, struct lcm_store *st,
			     const struct lcm_engage_job *job, const char *key);

/*
 * --contributions or --milestones (contributions.h, milestones.h) of e;
 * cli keeps a failed write (lcm_cli_flush).
 */
int lcm_engage_recognition_run(struct lcm_cli *cli, struct lcm_store *st,
			       const struct lcm_engage *e, const struct lcm_engage_job *job);

#endif
