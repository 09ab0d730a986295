/*
 * report_run.h - lcm-report's options (lcm-report(1) says each) and its
 * run once the store is read: the one report of the whole community to
 * -o or standard output (or, with --needs, its training-needs rows), or
 * one file per group in --out-dir, listed on standard output.
 */
#ifndef LCM_REPORT_RUN_H
#define LCM_REPORT_RUN_H

#include <stdint.h>

#include "cli.h"
#include "render.h"
#include "report.h"

struct lcm_report_job {
	struct lcm_report_opts o;
	enum lcm_report_format fmt;
	const char *fmt_name;		/* -f, else NULL */
	const char *output, *out_dir;
	int64_t period;			/* --period, else 0 */
	int color, pseudo, min_group;
	int needs;			/* --needs: the rows, in table_fmt */
	enum lcm_format table_fmt;
};

/* Writes the reports of src; the program's exit status, having said what went wrong. */
int lcm_report_run(const struct lcm_cli *cli, const struct lcm_report_job *job,
		   struct lcm_store *st, const struct lcm_report_src *src);

#endif
