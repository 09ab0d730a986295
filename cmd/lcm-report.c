/*
 * lcm-report - the community dashboard: one page (or a Markdown digest,
 * a terminal summary, JSON) to send the training department every week,
 * or one per manager, cohort or course.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "pseudo.h"
#include "needs.h"
#include "open.h"
#include "options.h"
#include "report.h"
#include "report_run.h"
#include "timefmt.h"
#include "versions.h"
#include "xalloc.h"


static struct lcm_cli cli;
/* main starts from these (the option fuzzer calls it again and again) */
static const struct lcm_report_job defaults = {
	.o = {
		.since = INT64_MIN, .until = INT64_MIN,
		.inactive_after = 14 * (int64_t)LCM_DAY,
		.weeks = 12, .top = 10, .needs_periods = 4,
		.nudge_window = 7 * (int64_t)LCM_DAY,	/* lcm-nudge --window's default */
	},
	.min_group = 5,
};
static struct lcm_report_job s;

static const struct lcm_option options[] = {
	LCM_OPTION_DB(cli, "store file (default: $LCM_DB, else ./lcm.db); FILE... (or -)"
		      " are read instead when given"),
	{ .name = "period", .arg = "DUR", .type = LCM_ARG_DURATION, .value = &s.period,
	  .min = 1, .flags = LCM_OPTF_OR, .help = "the period: DUR up to --until (default: 7d)" },
	LCM_TIME("since", "TIME", &s.o.since, "start of the period instead"),
	LCM_TIME("until", "TIME", &s.o.until, "end of the period (default: --now)"),
	LCM_INT("weeks", "N", &s.o.weeks, 1, 520, "weeks of the weekly charts (default: 12)"),
	LCM_INT("top", "N", &s.o.top, 1, 1000, "rows of each list (default: 10)"),
	{ .name = "format", .short_name = 'f', .arg = "FORMAT", .type = LCM_ARG_STR,
	  .value = &s.fmt_name, .complete = "text md html json table csv tsv ndjson",
	  .help = "text, md, html or json (default: from the -o name's extension, else"
		  " text); with --needs: table, csv, tsv, json, ndjson" },
	LCM_FILE("output", 'o', "FILE", &s.output,
		 "write the report there (- : standard output)"),
	LCM_STR("title", 0, "TEXT", &s.o.title, "the report's title (default: Community report)"),
	LCM_STR("url", 0, "TEMPLATE", &s.o.url, "link threads: {thread} {post} {course} {forum}"),
	LCM_CHOICE("split-by", "KEY", &s.o.split, lcm_report_splits,
		   "one report per cohort, course or manager, written in --out-dir"),
	{ .name = "out-dir", .arg = "DIR", .type = LCM_ARG_STR, .value = &s.out_dir,
	  .complete = "@dir", .help = "where --split-by writes, a file named after each group" },
	LCM_INT("min-group", "K", &s.min_group, 0, 1000000,
		"no report for a group under K learners (default: 5)"),
	{ .name = "inactive-after", .arg = "DUR", .type = LCM_ARG_DURATION,
	  .value = &s.o.inactive_after, .min = 1,
	  .help = "no activity for this long is inactive (default: 14d)" },
	LCM_FLAG("pseudonymize", 0, &s.pseudo,
		 "persons as HMAC pseudonyms (key in LCM_PSEUDO_KEY)"),
	LCM_FLAG("needs", 0, &s.needs, "only the rows of \"what learners ask about\""),
	LCM_INT("needs-periods", "N", &s.o.needs_periods, 1, LCM_NEEDS_MAX_PERIODS,
		"periods before, for rising themes (default: 4)"),
	LCM_OPTION_TZ(cli, "zone of days, weeks and times shown"),
	LCM_OPTION_NOW(cli, "the current time (default: the clock)"),
	LCM_OPTION_QUIET(cli, "no messages but errors"),
	LCM_OPTIONS_END(cli)
};

static const char *const more_usages[] = {
	"--needs [-f table|csv|tsv|json|ndjson] [--needs-periods N] ...", NULL
};

static const struct lcm_program program = {
	.options = options,
	.operands = "[FILE...]",
	.operand_complete = "@file",
	.more_usages = more_usages,
	.purpose = "The community dashboard: activity, talk, responsiveness, people, resources.",
	.epilogue = "With --split-by, each report written is listed on standard output as\n"
		    "the group and the file, separated by a tab.\n"
		    "Exit status: 0 done, 1 (--needs) no theme, 2 an error.\n",
	.version = lcm_print_versions,
};

/* Checks the options together and fills the period; LCM_EXIT_OK or the
 * usage error's status. */
static int
check(void)
{
	if (s.period && s.o.since != INT64_MIN)
		return lcm_cli_usage_error(&cli, "--period and --since exclude each other");
	if (s.o.until == INT64_MIN)
		s.o.until = cli.now;
	if (s.o.since == INT64_MIN)
		s.o.since = s.o.until - (s.period ? s.period : 7 * (int64_t)LCM_DAY);
	if (s.o.since > s.o.until)
		return lcm_cli_usage_error(&cli, "--since is after --until");
	if (!s.o.split != !s.out_dir)
		return lcm_cli_usage_error(&cli, "--split-by and --out-dir go together");
	if (s.out_dir && s.output)
		return lcm_cli_usage_error(&cli, "-o does not go with --split-by");
	if (s.output && strcmp(s.output, "-") == 0)
		s.output = NULL;	/* -o - is standard output */
	if (s.needs) {
		if (s.o.split)
			return lcm_cli_usage_error(&cli, "--needs does not go with --split-by");
		if (s.output)
			return lcm_cli_usage_error(&cli, "--needs writes to standard output: no -o");
		s.table_fmt = LCM_FMT_TABLE;
		s.o.no_experts = 1;	/* not printed: the map's second saved */
		if (s.fmt_name && lcm_format_parse(s.fmt_name, &s.table_fmt) < 0)
			return lcm_cli_usage_error(&cli, "--needs: unknown format '%s' (table, csv,"
						   " tsv, json, ndjson)", s.fmt_name);
		s.fmt_name = NULL;
	}
	if (s.fmt_name && lcm_report_format_parse(s.fmt_name, &s.fmt) < 0)
		return lcm_cli_usage_error(&cli, "unknown report format '%s' (text, md, html, json)",
					   s.fmt_name);
	if (!s.fmt_name && s.output && lcm_report_format_of_path(s.output, &s.fmt) < 0)
		s.fmt = LCM_REPORT_TEXT;
	if (s.pseudo) {
		if (lcm_pseudo_key(&cli, &s.o.pseudo_key) != LCM_EXIT_OK)
			return LCM_EXIT_ERROR;
	}
	/* colour for a person at a terminal only (https://no-color.org) */
	s.color = s.fmt == LCM_REPORT_TEXT && !s.output && isatty(STDOUT_FILENO) &&
		!(getenv("NO_COLOR") && *getenv("NO_COLOR")) &&
		!(getenv("TERM") && strcmp(getenv("TERM"), "dumb") == 0);
	return LCM_EXIT_OK;
}

int
main(int argc, char **argv)
{
	struct lcm_store st = { 0 };
	struct lcm_report_src src = { 0 };
	struct lcm_err err;
	int r, first, status, opened = 0;

	lcm_cli_init(&cli, "lcm-report");
	s = defaults;
	lcm_err_init(&err);
	if ((r = lcm_options_parse(&cli, &program, argc, argv, &first)) != 0)
		return lcm_cli_finish(&cli, r > 0 ? LCM_EXIT_OK : LCM_EXIT_ERROR);
	s.o.min_group = (size_t)s.min_group;
	s.o.local = cli.tz != NULL;
	if ((status = check()) != LCM_EXIT_OK)
		return status;

	status = LCM_EXIT_ERROR;
	if (lcm_open_input(&st, cli.db, argv + first, argc - first, NULL, 0, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	opened = 1;
	if (lcm_report_load(&st, &s.o, &src, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	status = lcm_report_run(&cli, &s, &st, &src);
out:
	lcm_report_src_release(&src);
	if (opened)
		lcm_store_close(&st);
	return lcm_cli_finish(&cli, status);
}
