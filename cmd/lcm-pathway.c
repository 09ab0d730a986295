/*
 * lcm-pathway - an individual learning pathway for each learner, from a
 * catalogue of learning bricks: what to take, in what order, which week.
 */
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "options.h"
#include "pathway_run.h"
#include "pseudo.h"
#include "versions.h"

static struct lcm_cli cli;
/* main starts from these (the option fuzzer calls it again and again) */
static const struct lcm_pathway_job defaults = { .budget = 120 };
static struct lcm_pathway_job s;

/* --learner and --goal: one value; --prefer: a ','-separated list. */
static int
one_value(const char *arg, void *value, struct lcm_err *err)
{
	(void)err;
	lcm_strlist_split(value, arg, '\n');
	return 0;
}

static int
comma_list(const char *arg, void *value, struct lcm_err *err)
{
	(void)err;
	lcm_strlist_split(value, arg, ',');
	return 0;
}

static const struct lcm_option options[] = {
	LCM_FILE("catalogue", 0, "FILE", &s.catalogue,
		 "the bricks, CSV or JSON (- for standard input); default: the catalogue"
		 " imported into the store"),
	{ .name = "learners", .arg = "FILE", .type = LCM_ARG_STR, .value = &s.learners,
	  .complete = "@file", .flags = LCM_OPTF_OR,
	  .help = "learners CSV with a 'learner' or 'person' column; what it lacks comes"
		  " from the store when there is one" },
	LCM_OPTION_DB(cli, "store file (default: $LCM_DB, else ./lcm.db)"),
	{ .name = "learner", .arg = "ID", .type = LCM_ARG_FUNC, .value = &s.only,
	  .parse = one_value, .flags = LCM_OPTF_REPEAT, .help = "only this learner (repeatable)" },
	{ .name = "goal", .arg = "SKILL", .type = LCM_ARG_FUNC, .value = &s.goals,
	  .parse = one_value, .flags = LCM_OPTF_REPEAT,
	  .help = "goal of the learners who have none (repeatable)" },
	LCM_INT("budget", "MINUTES", &s.budget, 1, 10080, "minutes a week (default: 120)"),
	LCM_INT("weeks", "N", &s.o.weeks, 1, 520,
		"plan at most N weeks; what is left is left out"),
	LCM_FUNC("prefer", 0, "FORMAT,...", &s.prefer, comma_list,
		 "formats preferred, best first"),
	LCM_STR("lang", 0, "CODE", &s.o.lang,
		"language preferred (this and the two above: for learners who say nothing)"),
	LCM_FILE("scores", 0, "FILE", &s.scores,
		 "person,item,score: add the remedial bricks of the score bands of the"
		 " catalogue's 'remedial' column"),
	LCM_FLAG("explain", 0, &s.o.explain,
		 "a 'why' column: the alternatives passed over and why"),
	LCM_FLAG("strict", 0, &s.strict, "a goal no brick teaches is an error"),
	LCM_FLAG("pseudonymize", 0, &s.pseudo,
		 "learners as lcm-engage's HMAC pseudonyms, no names (key in LCM_PSEUDO_KEY);"
		 " those the store knows stay"),
	{ .name = "format", .short_name = 'f', .arg = "FORMAT", .type = LCM_ARG_STR,
	  .value = &s.fmt_name, .complete = "table csv tsv json ndjson md",
	  .help = "table, csv, tsv, json, ndjson, md (default: table on a terminal, else csv)" },
	LCM_FLAG("excel", 0, &s.excel, "CSV for Excel: BOM, ';', formulas neutralised"),
	LCM_OPTION_QUIET(cli, "no warnings"),
	{ .name = "check", .type = LCM_ARG_FLAG, .value = &s.check, .flags = LCM_OPTF_NO_USAGE,
	  .help = "check the catalogue (and the goals) and plan nothing" },
	/* as every lcm program's, though a plan depends on neither */
	{ .name = "tz", .arg = "ZONE", .type = LCM_ARG_FUNC, .value = &cli.tz,
	  .parse = lcm_options_zone, .flags = LCM_OPTF_HIDDEN },
	{ .name = "now", .arg = "TIME", .type = LCM_ARG_TIME, .value = &cli.now,
	  .flags = LCM_OPTF_HIDDEN },
	LCM_OPTIONS_END(cli)
};

static const char *const more_usages[] = {
	"--check [--catalogue FILE] [--learners FILE | --db PATH] [--goal SKILL]..."
	" [--pseudonymize]", NULL
};

static const struct lcm_program program = {
	.options = options,
	.more_usages = more_usages,
	.purpose = "Plan each learner's pathway through a catalogue of learning bricks.",
	.epilogue = "Exit status: 0 pathways planned (or --check found nothing), 2 an error.\n",
	.version = lcm_print_versions,
};

/* Frees the lists of the options. */
static void
settings_release(void)
{
	lcm_strlist_release(&s.only);
	lcm_strlist_release(&s.goals);
	lcm_strlist_release(&s.prefer);
}

int
main(int argc, char **argv)
{
	int r, first, status = LCM_EXIT_ERROR, stdin_users;

	lcm_cli_init(&cli, "lcm-pathway");
	s = defaults;
	if ((r = lcm_options_parse(&cli, &program, argc, argv, &first)) != 0) {
		status = r > 0 ? LCM_EXIT_OK : LCM_EXIT_ERROR;
		goto done;
	}
	s.o.budget = s.budget;
	if (first < argc) {
		lcm_cli_usage_error(&cli, "unexpected argument '%s'", argv[first]);
		goto done;
	}
	if (s.fmt_name && lcm_pathway_format_parse(s.fmt_name, &s.fmt) < 0) {
		lcm_cli_usage_error(&cli, "unknown output format '%s' "
				    "(table, csv, tsv, json, ndjson, md)", s.fmt_name);
		goto done;
	}
	if (!s.fmt_name)
		s.fmt = isatty(STDOUT_FILENO) ? LCM_PW_TABLE : LCM_PW_CSV;
	stdin_users = (s.catalogue && strcmp(s.catalogue, "-") == 0) +
		(s.learners && strcmp(s.learners, "-") == 0) +
		(s.scores && strcmp(s.scores, "-") == 0);
	if (stdin_users > 1) {
		lcm_cli_usage_error(&cli, "only one of --catalogue, --learners and "
				    "--scores can read standard input");
		goto done;
	}
	if (s.pseudo && lcm_pseudo_key(&cli, &s.key) != LCM_EXIT_OK)
		goto done;
	s.o.goals = &s.goals;
	s.o.prefer = &s.prefer;
	status = lcm_pathway_run(&cli, &s);
done:
	settings_release();
	return lcm_cli_finish(&cli, status);
}
