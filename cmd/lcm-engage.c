/*
 * lcm-engage - engagement per learner and per group: who is active, who
 * is slipping away and why, who to praise.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "pseudo.h"
#include "engage.h"
#include "engage_run.h"
#include "engage_groups.h"
#include "engage_score.h"
#include "engage_table.h"
#include "open.h"
#include "options.h"
#include "render.h"
#include "timefmt.h"
#include "versions.h"
#include "xalloc.h"


static struct lcm_cli cli;
/* main starts from these (the option fuzzer calls it again and again) */
static const struct lcm_engage_job defaults = {
	.o = { .since = INT64_MIN, .inactive_after = 14 * (int64_t)LCM_DAY },
	.until = INT64_MIN, .graph = -1, .min_group = 5,
};
static struct lcm_engage_job s;

/* --at-risk, --praise: the view, one of them. */
static int
view(void *value, enum lcm_engage_view v, struct lcm_err *err)
{
	enum lcm_engage_view *to = value;

	if (*to != LCM_VIEW_ALL)
		return lcm_error(err, "not with --%s: they exclude each other",
				 v == LCM_VIEW_AT_RISK ? "praise" : "at-risk");
	*to = v;
	return 0;
}

static int
at_risk(const char *arg, void *value, struct lcm_err *err)
{
	(void)arg;
	return view(value, LCM_VIEW_AT_RISK, err);
}

static int
praise(const char *arg, void *value, struct lcm_err *err)
{
	(void)arg;
	return view(value, LCM_VIEW_PRAISE, err);
}

static const struct lcm_option options[] = {
	LCM_OPTION_DB(cli, "store file (default: $LCM_DB, else ./lcm.db); FILE... (or -)"
		      " are read instead when given"),
	LCM_TIME("since", "TIME", &s.o.since, "start of the period (default: the beginning)"),
	LCM_TIME("until", "TIME", &s.until,
		 "end of the period, and the time ages are measured from (default: --now)"),
	LCM_DURATION("inactive-after", "DUR", &s.o.inactive_after, 0,
		     "no activity for this long is inactive (default: 14d)"),
	LCM_CHOICE("by", "KEY", &s.by, lcm_engage_bys,
		   "person (default), cohort, course, forum, manager or week"),
	{ .name = "at-risk", .type = LCM_ARG_FUNC, .value = &s.view, .parse = at_risk,
	  .flags = LCM_OPTF_OR, .help = "only at-risk, inactive and never-active persons" },
	LCM_FUNC("praise", 0, NULL, &s.view, praise, "the persons to recognise, best first"),
	LCM_INT("top", "N", &s.top, 1, 1000000,
		"with --praise (default: 10) or --at-risk: at most N rows (per group with --by);"
		" with --contributions (10) or --expertise (3 per theme)"),
	LCM_INT("min-group", "K", &s.min_group, 0, 1000000,
		"blank the figures of groups under K members (default: 5)"),
	LCM_FLAG("network", 0, &s.network, "add reply-network measures"),
	LCM_FLAG("score", 0, &s.score, "add the risk score (0-1, higher: more at risk)"),
	LCM_STR("cohort", 0, "NAME", &s.cohort, "only the persons of this cohort"),
	LCM_STR("course", 0, "NAME", &s.course, "only the persons active in this course"),
	LCM_FLAG("contributions", 0, &s.contributions,
		 "the period's posts worth highlighting, best first"),
	LCM_FLAG("include-staff", 0, &s.include_staff,
		 "with --contributions or --expertise: staff too"),
	LCM_STR("url", 0, "TEMPLATE", &s.url,
		"a link per post: {thread} {post} {course} {forum}"),
	LCM_FLAG("milestones", 0, &s.milestones, "milestones crossed in the period, each once"),
	LCM_FILE("ladder", 0, "FILE", &s.ladder, "the milestones to look for (default: built in)"),
	LCM_FLAG("all", 0, &s.all, "with --milestones: those shown already too"),
	LCM_FLAG("expertise", 0, &s.expertise, "who knows what: per theme, the best answerers"),
	LCM_STR("theme", 0, "WORD", &s.theme, "with --expertise: who knows about WORD"),
	LCM_STR("person", 0, "ID", &s.person, "with --expertise: the themes one person knows"),
	LCM_CHOICE("graph", "FORMAT", &s.graph, lcm_graph_formats,
		   "write the reply network: gexf, graphml or dot"),
	LCM_FLAG("pseudonymize", 0, &s.pseudo,
		 "persons as HMAC pseudonyms (key in LCM_PSEUDO_KEY)"),
	LCM_OPTION_FORMAT(&s.fmt_name, "table, csv, tsv, json, ndjson (default: table on a"
			  " terminal, else csv)"),
	LCM_FLAG("excel", 0, &s.excel, "CSV for Excel: BOM, ';', formulas neutralised"),
	LCM_OPTION_TZ(cli, "zone of days, weeks and times shown"),
	LCM_OPTION_NOW(cli, "the current time (default: the clock)"),
	LCM_OPTION_QUIET(cli, "print nothing; the exit status tells"),
	LCM_OPTIONS_END(cli)
};

static const struct lcm_program program = {
	.options = options,
	.operands = "[FILE...]",
	.operand_complete = "@file",
	.purpose = "Engagement per person or per group: levels, trend, who is at risk and why.",
	.epilogue = "Exit status: 0 done (with --at-risk, --praise, --contributions,\n"
		    "--milestones or --expertise: something listed), 1 nobody listed,\n"
		    "2 an error.\n",
	.version = lcm_print_versions,
};

/* Checks the options together; LCM_EXIT_OK or the usage error's status. */
static int
check(const char **key)
{
	int top_given = s.top != 0;

	if (s.o.since != INT64_MIN && s.o.since > s.o.until)
		return lcm_cli_usage_error(&cli, "--since is after --until");
	if ((s.graph >= 0) && (s.by != LCM_ENGAGE_BY_PERSON || s.view != LCM_VIEW_ALL))
		return lcm_cli_usage_error(&cli, "--graph goes without --by, --at-risk and --praise");
	if (s.by == LCM_ENGAGE_BY_WEEK && s.view != LCM_VIEW_ALL)
		return lcm_cli_usage_error(&cli, "--at-risk and --praise do not go with --by week");
	if ((s.cohort || s.course) && ((s.graph >= 0) ||
					  (s.by != LCM_ENGAGE_BY_PERSON && s.view == LCM_VIEW_ALL)))
		return lcm_cli_usage_error(&cli, "--cohort and --course select persons: not with"
					   " --graph, nor --by without --at-risk or --praise");
	if (s.contributions + s.milestones + s.expertise + (s.view != LCM_VIEW_ALL) > 1 ||
	    ((s.contributions || s.milestones || s.expertise) &&
	     (s.by != LCM_ENGAGE_BY_PERSON || (s.graph >= 0))))
		return lcm_cli_usage_error(&cli, "--contributions, --milestones, --expertise,"
					   " --at-risk, --praise, --by and --graph exclude each other");
	if (s.include_staff && !s.contributions && !s.expertise)
		return lcm_cli_usage_error(&cli, "--include-staff goes with --contributions"
					   " or --expertise");
	if (s.url && !s.contributions)
		return lcm_cli_usage_error(&cli, "--url goes with --contributions");
	if ((s.ladder || s.all) && !s.milestones)
		return lcm_cli_usage_error(&cli, "--ladder and --all go with --milestones");
	if ((s.theme || s.person) && !s.expertise)
		return lcm_cli_usage_error(&cli, "--theme and --person go with --expertise");
	if (s.contributions && !s.top)
		s.top = 10;
	if (s.expertise && !s.top)
		s.top = 3;
	if (top_given && s.view == LCM_VIEW_ALL && !s.contributions && !s.expertise)
		return lcm_cli_usage_error(&cli, "--top goes with --praise or --at-risk");
	if (s.view == LCM_VIEW_PRAISE && !s.top)
		s.top = 10;
	*key = NULL;
	if (s.pseudo) {
		if (lcm_pseudo_key(&cli, key) != LCM_EXIT_OK)
			return LCM_EXIT_ERROR;
	}
	return LCM_EXIT_OK;
}

int
main(int argc, char **argv)
{
	struct lcm_store st = { 0 };
	struct lcm_engage e;
	struct lcm_engage_groups gs = { 0 };
	struct lcm_engage_table t;
	struct lcm_err err;
	const char *key = NULL;
	double *scores = NULL;
	unsigned char *in_course = NULL;
	int r, first, status, opened = 0, loaded = 0;
	size_t n = 0;

	lcm_cli_init(&cli, "lcm-engage");
	s = defaults;
	lcm_err_init(&err);
	if ((r = lcm_options_parse(&cli, &program, argc, argv, &first)) != 0)
		return lcm_cli_finish(&cli, r > 0 ? LCM_EXIT_OK : LCM_EXIT_ERROR);
	s.o.until = s.until != INT64_MIN ? s.until : cli.now;
	s.o.local = s.local = cli.tz != NULL;
	s.o.weeks = s.by == LCM_ENGAGE_BY_WEEK;
	if ((status = check(&key)) != LCM_EXIT_OK)
		return status;
	if (lcm_cli_format(&cli, s.fmt_name, &s.fmt) < 0)
		return LCM_EXIT_ERROR;

	status = LCM_EXIT_ERROR;
	if (lcm_open_input(&st, cli.db, argv + first, argc - first, NULL,
			   s.milestones && !s.all ? LCM_OPEN_WRITE : 0, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	opened = 1;
	if (s.expertise) {
		status = lcm_engage_expertise_run(&cli, &st, &s, key);
		goto out;
	}
	if (lcm_engage_load(&st, &s.o, &e, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	loaded = 1;
	if (key)
		lcm_engage_pseudonymize(&e, key);
	if (s.graph >= 0) {
		if (!cli.quiet)
			lcm_engage_graph_write(&e, (enum lcm_graph_format)s.graph, s.local, stdout);
		status = LCM_EXIT_OK;
		goto out;
	}
	if (s.contributions || s.milestones) {
		status = lcm_engage_recognition_run(&cli, &st, &e, &s);
		goto out;
	}
	if (s.network)
		lcm_engage_network(&e);
	if (s.course) {
		in_course = lcm_xcalloc(e.npersons ? e.npersons : 1, 1);
		if (lcm_engage_course_members(&st, &e, s.course, in_course, &err) < 0) {
			lcm_cli_fail(&cli, &err);
			goto out;
		}
	}
	if (s.score) {
		scores = lcm_xreallocarray(NULL, e.npersons ? e.npersons : 1, sizeof(*scores));
		if (lcm_engage_scores(&st, &e, scores, &err) < 0) {
			lcm_cli_fail(&cli, &err);
			goto out;
		}
	}
	if (s.by != LCM_ENGAGE_BY_PERSON &&
	    lcm_engage_groups(&st, &e, s.by, s.network && s.view == LCM_VIEW_ALL,
			      (size_t)s.min_group, &gs, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	t = (struct lcm_engage_table){
		.fmt = s.fmt, .excel = s.excel, .local = s.local, .network = s.network,
		.scores = scores, .cohort = s.cohort, .in_course = in_course,
		.view = s.view, .by = s.by, .top = (size_t)s.top,
	};
	if (s.by == LCM_ENGAGE_BY_PERSON)
		n = lcm_engage_table_persons(&t, &e, cli.quiet);
	else if (s.view != LCM_VIEW_ALL)
		n = lcm_engage_table_by_group(&t, &e, &gs, cli.quiet);
	else if (!cli.quiet)
		lcm_engage_table_groups(&t, &gs);
	status = s.view == LCM_VIEW_ALL || n ? LCM_EXIT_OK : LCM_EXIT_NONE;
out:
	lcm_engage_groups_release(&gs);
	free(scores);
	free(in_course);
	if (loaded)
		lcm_engage_release(&e);
	if (opened)
		lcm_store_close(&st);
	return lcm_cli_finish(&cli, status);
}
