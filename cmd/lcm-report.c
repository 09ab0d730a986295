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
#include "timefmt.h"
#include "versions.h"
#include "xalloc.h"

struct settings {
	struct lcm_report_opts o;
	enum lcm_report_format fmt;
	const char *fmt_name;		/* -f, else NULL */
	const char *output, *out_dir;
	int64_t period;			/* --period, else 0 */
	int color, pseudo, min_group;
	int needs;			/* --needs: the rows, in table_fmt */
	enum lcm_format table_fmt;
};

static struct lcm_cli cli;
/* main starts from these (the option fuzzer calls it again and again) */
static const struct settings defaults = {
	.o = {
		.since = INT64_MIN, .until = INT64_MIN,
		.inactive_after = 14 * (int64_t)LCM_DAY,
		.weeks = 12, .top = 10, .needs_periods = 4,
		.nudge_window = 7 * (int64_t)LCM_DAY,	/* lcm-nudge --window's default */
	},
	.min_group = 5,
};
static struct settings s;

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

/* Writes b to path (a new file, or replaced). 0, or -1 after the message. */
static int
write_file(const char *path, const struct lcm_buf *b)
{
	FILE *fp = fopen(path, "w");
	int bad;

	if (!fp) {
		lcm_cli_warn(&cli, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	bad = fwrite(b->data, 1, b->len, fp) != b->len;
	bad |= fclose(fp) != 0;
	if (bad) {
		lcm_cli_warn(&cli, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Writes report r in the format of -f into b (emptied first). */
static void
render(const struct lcm_report *r, struct lcm_buf *b)
{
	lcm_buf_reset(b);
	switch (s.fmt) {
	case LCM_REPORT_MD:
		lcm_report_md(r, b);
		break;
	case LCM_REPORT_HTML:
		lcm_report_html(r, b);
		break;
	case LCM_REPORT_JSON:
		lcm_report_json(r, b);
		break;
	default:
		lcm_report_text(r, s.color, b);
		break;
	}
}

/* The one report of the whole community, to -o or standard output. */
static int
one(struct lcm_store *st, const struct lcm_report_src *src)
{
	struct lcm_report r;
	struct lcm_buf b;
	struct lcm_err err;
	int status = LCM_EXIT_ERROR, werr;

	lcm_err_init(&err);
	lcm_buf_init(&b);
	if (lcm_report_make(st, src, 0, &r, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	if (s.needs) {
		if ((werr = lcm_report_needs_render(stdout, &r, s.table_fmt, 0)) != 0) {
			lcm_cli_warn(&cli, "cannot write: %s", strerror(werr));
			goto out;
		}
		status = r.nneeds ? LCM_EXIT_OK : LCM_EXIT_NONE;
		goto out;
	}
	render(&r, &b);
	if (s.output) {
		if (write_file(s.output, &b) < 0)
			goto out;
	} else if (!cli.quiet) {
		fwrite(b.data, 1, b.len, stdout);
	}
	status = LCM_EXIT_OK;
out:
	lcm_report_release(&r);
	lcm_buf_release(&b);
	return status;
}

/* Is name one of the n names of used? */
static int
used_name(char **used, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(used[i], name) == 0)
			return 1;
	return 0;
}

static const char *const split_names[] = { "", "cohort", "course", "manager" };

/* One report per group into s.out_dir, listed on standard output. */
static int
split(struct lcm_store *st, const struct lcm_report_src *src)
{
	struct lcm_report r;
	struct lcm_buf b, path;
	struct lcm_err err;
	struct stat sb;
	char **used = NULL, *slug;
	size_t i, nused = 0, k;
	int status = LCM_EXIT_ERROR;

	lcm_err_init(&err);
	lcm_buf_init(&b);
	lcm_buf_init(&path);
	if (mkdir(s.out_dir, 0777) < 0 && errno != EEXIST) {
		lcm_cli_warn(&cli, "cannot make directory '%s': %s", s.out_dir, strerror(errno));
		goto out;
	}
	if (stat(s.out_dir, &sb) < 0 || !S_ISDIR(sb.st_mode)) {
		lcm_cli_warn(&cli, "'%s' is not a directory", s.out_dir);
		goto out;
	}
	used = lcm_xreallocarray(NULL, src->groups.n ? src->groups.n : 1, sizeof(*used));
	for (i = 0; i < src->groups.n; i++) {
		const struct lcm_engage_group *g = &src->groups.g[i];

		if (g->suppressed) {
			if (!cli.quiet)
				lcm_cli_warn(&cli, "%s '%s': %zu learner%s, under --min-group %zu:"
					     " no report", split_names[s.o.split],
					     g->key ? g->key : "none", g->nmembers,
					     g->nmembers == 1 ? "" : "s", s.o.min_group);
			continue;
		}
		/* two keys may make one slug ("Groupe A", "groupe-a"): number them */
		slug = lcm_report_slug(g->key);
		lcm_buf_reset(&b);
		lcm_buf_adds(&b, slug);
		for (k = 2; used_name(used, nused, b.data); k++) {
			lcm_buf_reset(&b);
			lcm_buf_printf(&b, "%s-%zu", slug, k);
		}
		free(slug);
		used[nused++] = lcm_xstrdup(b.data);
		lcm_buf_reset(&path);
		lcm_buf_printf(&path, "%s/%s.%s", s.out_dir, b.data,
			       lcm_report_format_ext(s.fmt));
		if (lcm_report_make(st, src, i, &r, &err) < 0) {
			lcm_cli_fail(&cli, &err);
			lcm_report_release(&r);
			goto out;
		}
		render(&r, &b);
		lcm_report_release(&r);
		if (write_file(path.data, &b) < 0)
			goto out;
		if (!cli.quiet)
			printf("%s\t%s\n", g->key ? g->key : "", path.data);
	}
	status = LCM_EXIT_OK;
out:
	for (i = 0; i < nused; i++)
		free(used[i]);
	free(used);
	lcm_buf_release(&b);
	lcm_buf_release(&path);
	return status;
}

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
	status = s.o.split ? split(&st, &src) : one(&st, &src);
out:
	lcm_report_src_release(&src);
	if (opened)
		lcm_store_close(&st);
	return lcm_cli_finish(&cli, status);
}
