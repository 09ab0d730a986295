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
#include "report.h"
#include "timefmt.h"
#include "versions.h"
#include "xalloc.h"

enum {
	OPT_PERIOD = LCM_OPT_FIRST_PROGRAM, OPT_SINCE, OPT_UNTIL, OPT_WEEKS, OPT_TOP,
	OPT_TITLE, OPT_URL, OPT_SPLIT_BY, OPT_OUT_DIR, OPT_MIN_GROUP,
	OPT_INACTIVE_AFTER, OPT_PSEUDONYMIZE, OPT_NEEDS, OPT_NEEDS_PERIODS
};

static const struct option options[] = {
	LCM_CLI_OPTIONS,
	{ "format", required_argument, NULL, 'f' },
	{ "output", required_argument, NULL, 'o' },
	{ "period", required_argument, NULL, OPT_PERIOD },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "weeks", required_argument, NULL, OPT_WEEKS },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "url", required_argument, NULL, OPT_URL },
	{ "split-by", required_argument, NULL, OPT_SPLIT_BY },
	{ "out-dir", required_argument, NULL, OPT_OUT_DIR },
	{ "min-group", required_argument, NULL, OPT_MIN_GROUP },
	{ "inactive-after", required_argument, NULL, OPT_INACTIVE_AFTER },
	{ "pseudonymize", no_argument, NULL, OPT_PSEUDONYMIZE },
	{ "needs", no_argument, NULL, OPT_NEEDS },
	{ "needs-periods", required_argument, NULL, OPT_NEEDS_PERIODS },
	{ NULL, 0, NULL, 0 }
};

/* The full usage on standard output (the man page's SYNOPSIS). */
static void
usage(void)
{
	printf("Usage: lcm-report [--db PATH] [--period DUR | --since TIME [--until TIME]]\n"
	       "                  [--weeks N] [--top N] [-f text|md|html|json] [-o FILE]\n"
	       "                  [--title TEXT] [--url TEMPLATE]\n"
	       "                  [--split-by cohort|course|manager --out-dir DIR]\n"
	       "                  [--min-group K] [--inactive-after DUR] [--pseudonymize]\n"
	       "                  [--tz ZONE] [--now TIME] [-q] [FILE...]\n"
	       "       lcm-report --needs [-f table|csv|tsv|json|ndjson] [--needs-periods N] ...\n"
	       "The community dashboard: activity, talk, responsiveness, people, resources.\n"
	       "\n"
	       "  --db PATH              store file (default: $LCM_DB, else ./lcm.db);\n"
	       "                         FILE... (or -) are read instead when given\n"
	       "  --period DUR           the period: DUR up to --until (default: 7d)\n"
	       "  --since TIME           start of the period instead\n"
	       "  --until TIME           end of the period (default: --now)\n"
	       "  --weeks N              weeks of the weekly charts (default: 12)\n"
	       "  --top N                rows of each list (default: 10)\n"
	       "  -f, --format FORMAT    text, md, html or json (default: from the -o\n"
	       "                         name's extension, else text)\n"
	       "  -o, --output FILE      write the report there (- : standard output)\n"
	       "  --title TEXT           the report's title (default: Community report)\n"
	       "  --url TEMPLATE         link threads: {thread} {post} {course} {forum}\n"
	       "  --split-by KEY         one report per cohort, course or manager ...\n"
	       "  --out-dir DIR          ... written in DIR, named after the group\n"
	       "  --min-group K          no report for a group under K learners (5)\n"
	       "  --inactive-after DUR   no activity for this long is inactive (14d)\n"
	       "  --pseudonymize         persons as HMAC pseudonyms (key in LCM_PSEUDO_KEY)\n"
	       "  --needs                only the rows of \"what learners ask about\"\n"
	       "  --needs-periods N      periods before, for rising themes (default: 4)\n"
	       "  --tz ZONE              zone of days, weeks and times shown\n"
	       "  --now TIME             the current time (default: the clock)\n"
	       "  -q, --quiet            no messages but errors\n"
	       "  -h, --help             show this help and exit\n"
	       "  -V, --version          show the version and exit\n"
	       "\n"
	       "With --split-by, each report written is listed on standard output as\n"
	       "the group and the file, separated by a tab.\n"
	       "Exit status: 0 done, 1 (--needs) no theme, 2 an error.\n");
}

struct settings {
	struct lcm_report_opts o;
	enum lcm_report_format fmt;
	const char *output, *out_dir;
	int color;
	int needs;			/* --needs: the rows, in table_fmt */
	enum lcm_format table_fmt;
};

/* A whole number from lo to hi for option name, or -1 after the message. */
static long
number(const struct lcm_cli *cli, const char *name, const char *arg, long lo, long hi)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (*end || end == arg || errno || n < lo || n > hi) {
		lcm_cli_usage_error(cli, "--%s: not a number from %ld to %ld: '%s'",
				    name, lo, hi, arg);
		return -1;
	}
	return n;
}

/* Writes b to path (a new file, or replaced). 0, or -1 after the message. */
static int
write_file(const struct lcm_cli *cli, const char *path, const struct lcm_buf *b)
{
	FILE *fp = fopen(path, "w");
	int bad;

	if (!fp) {
		lcm_cli_warn(cli, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	bad = fwrite(b->data, 1, b->len, fp) != b->len;
	bad |= fclose(fp) != 0;
	if (bad) {
		lcm_cli_warn(cli, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Writes report r in the format of s into b (emptied first). */
static void
render(const struct settings *s, const struct lcm_report *r, struct lcm_buf *b)
{
	lcm_buf_reset(b);
	switch (s->fmt) {
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
		lcm_report_text(r, s->color, b);
		break;
	}
}

/* The one report of the whole community, to -o or standard output. */
static int
one(const struct lcm_cli *cli, const struct settings *s, struct lcm_store *st,
    const struct lcm_report_src *src)
{
	struct lcm_report r;
	struct lcm_buf b;
	struct lcm_err err;
	int status = LCM_EXIT_ERROR, werr;

	lcm_err_init(&err);
	lcm_buf_init(&b);
	if (lcm_report_make(st, src, 0, &r, &err) < 0) {
		lcm_cli_fail(cli, &err);
		goto out;
	}
	if (s->needs) {
		if ((werr = lcm_report_needs_render(stdout, &r, s->table_fmt, 0)) != 0) {
			lcm_cli_warn(cli, "cannot write: %s", strerror(werr));
			goto out;
		}
		status = r.nneeds ? LCM_EXIT_OK : LCM_EXIT_NONE;
		goto out;
	}
	render(s, &r, &b);
	if (s->output) {
		if (write_file(cli, s->output, &b) < 0)
			goto out;
	} else if (!cli->quiet) {
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

/* One report per group into s->out_dir, listed on standard output. */
static int
split(const struct lcm_cli *cli, const struct settings *s, struct lcm_store *st,
      const struct lcm_report_src *src)
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
	if (mkdir(s->out_dir, 0777) < 0 && errno != EEXIST) {
		lcm_cli_warn(cli, "cannot make directory '%s': %s", s->out_dir, strerror(errno));
		goto out;
	}
	if (stat(s->out_dir, &sb) < 0 || !S_ISDIR(sb.st_mode)) {
		lcm_cli_warn(cli, "'%s' is not a directory", s->out_dir);
		goto out;
	}
	used = lcm_xreallocarray(NULL, src->groups.n ? src->groups.n : 1, sizeof(*used));
	for (i = 0; i < src->groups.n; i++) {
		const struct lcm_engage_group *g = &src->groups.g[i];

		if (g->suppressed) {
			if (!cli->quiet)
				lcm_cli_warn(cli, "%s '%s': %zu learner%s, under --min-group %zu:"
					     " no report", split_names[s->o.split],
					     g->key ? g->key : "none", g->nmembers,
					     g->nmembers == 1 ? "" : "s", s->o.min_group);
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
		lcm_buf_printf(&path, "%s/%s.%s", s->out_dir, b.data,
			       lcm_report_format_ext(s->fmt));
		if (lcm_report_make(st, src, i, &r, &err) < 0) {
			lcm_cli_fail(cli, &err);
			lcm_report_release(&r);
			goto out;
		}
		render(s, &r, &b);
		lcm_report_release(&r);
		if (write_file(cli, path.data, &b) < 0)
			goto out;
		if (!cli->quiet)
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
check(const struct lcm_cli *cli, struct settings *s, int64_t period, const char *fmt,
      int pseudo)
{
	if (period && s->o.since != INT64_MIN)
		return lcm_cli_usage_error(cli, "--period and --since exclude each other");
	if (s->o.until == INT64_MIN)
		s->o.until = cli->now;
	if (s->o.since == INT64_MIN)
		s->o.since = s->o.until - (period ? period : 7 * (int64_t)LCM_DAY);
	if (s->o.since > s->o.until)
		return lcm_cli_usage_error(cli, "--since is after --until");
	if (!s->o.split != !s->out_dir)
		return lcm_cli_usage_error(cli, "--split-by and --out-dir go together");
	if (s->out_dir && s->output)
		return lcm_cli_usage_error(cli, "-o does not go with --split-by");
	if (s->output && strcmp(s->output, "-") == 0)
		s->output = NULL;	/* -o - is standard output */
	if (s->needs) {
		if (s->o.split)
			return lcm_cli_usage_error(cli, "--needs does not go with --split-by");
		if (s->output)
			return lcm_cli_usage_error(cli, "--needs writes to standard output: no -o");
		s->table_fmt = LCM_FMT_TABLE;
		if (fmt && lcm_format_parse(fmt, &s->table_fmt) < 0)
			return lcm_cli_usage_error(cli, "--needs: unknown format '%s' (table, csv,"
						   " tsv, json, ndjson)", fmt);
		fmt = NULL;
	}
	if (fmt && lcm_report_format_parse(fmt, &s->fmt) < 0)
		return lcm_cli_usage_error(cli, "unknown report format '%s' (text, md, html, json)",
					   fmt);
	if (!fmt && s->output && lcm_report_format_of_path(s->output, &s->fmt) < 0)
		s->fmt = LCM_REPORT_TEXT;
	if (pseudo) {
		if (lcm_pseudo_key(cli, &s->o.pseudo_key) != LCM_EXIT_OK)
			return LCM_EXIT_ERROR;
	}
	/* colour for a person at a terminal only (https://no-color.org) */
	s->color = s->fmt == LCM_REPORT_TEXT && !s->output && isatty(STDOUT_FILENO) &&
		!(getenv("NO_COLOR") && *getenv("NO_COLOR")) &&
		!(getenv("TERM") && strcmp(getenv("TERM"), "dumb") == 0);
	return LCM_EXIT_OK;
}

int
main(int argc, char **argv)
{
	struct lcm_cli cli;
	struct settings s;
	struct lcm_store st = { 0 };
	struct lcm_report_src src;
	struct lcm_err err;
	const char *fmt = NULL, *name;
	int64_t period = 0, *t;
	int c, r, status, opened = 0, pseudo = 0;
	long n;

	lcm_cli_init(&cli, "lcm-report");
	lcm_err_init(&err);
	memset(&s, 0, sizeof(s));
	memset(&src, 0, sizeof(src));
	s.o.since = s.o.until = INT64_MIN;
	s.o.inactive_after = 14 * (int64_t)LCM_DAY;
	s.o.weeks = 12;
	s.o.top = 10;
	s.o.min_group = 5;
	s.o.needs_periods = 4;
	s.o.nudge_window = 7 * (int64_t)LCM_DAY;	/* lcm-nudge --window's default */
	while ((c = getopt_long(argc, argv, "f:o:qhV", options, NULL)) != -1) {
		if ((r = lcm_cli_option(&cli, c, optarg)) != 0) {
			if (r < 0)
				return LCM_EXIT_ERROR;
			continue;
		}
		switch (c) {
		case 'f':
			fmt = optarg;
			break;
		case 'o':
			s.output = optarg;
			break;
		case OPT_PERIOD:
		case OPT_INACTIVE_AFTER:
			name = c == OPT_PERIOD ? "period" : "inactive-after";
			t = c == OPT_PERIOD ? &period : &s.o.inactive_after;
			if (lcm_duration_parse(optarg, t, &err) < 0)
				return lcm_cli_usage_error(&cli, "--%s: %s", name, err.msg);
			if (*t <= 0)
				return lcm_cli_usage_error(&cli, "--%s: not over 0: '%s'", name, optarg);
			break;
		case OPT_SINCE:
		case OPT_UNTIL:
			t = c == OPT_SINCE ? &s.o.since : &s.o.until;
			if (lcm_time_parse(optarg, NULL, t, &err) < 0)
				return lcm_cli_usage_error(&cli, "--%s: %s",
							   c == OPT_SINCE ? "since" : "until", err.msg);
			break;
		case OPT_WEEKS:
		case OPT_TOP:
			if ((n = number(&cli, c == OPT_WEEKS ? "weeks" : "top", optarg, 1,
					c == OPT_WEEKS ? 520 : 1000)) < 0)
				return LCM_EXIT_ERROR;
			if (c == OPT_WEEKS)
				s.o.weeks = (int)n;
			else
				s.o.top = (int)n;
			break;
		case OPT_TITLE:
			s.o.title = optarg;
			break;
		case OPT_URL:
			s.o.url = optarg;
			break;
		case OPT_SPLIT_BY:
			if (lcm_report_split_parse(optarg, &s.o.split) < 0)
				return lcm_cli_usage_error(&cli, "--split-by: not cohort, course or"
							   " manager: '%s'", optarg);
			break;
		case OPT_OUT_DIR:
			s.out_dir = optarg;
			break;
		case OPT_MIN_GROUP:
			if ((n = number(&cli, "min-group", optarg, 0, 1000000)) < 0)
				return LCM_EXIT_ERROR;
			s.o.min_group = (size_t)n;
			break;
		case OPT_PSEUDONYMIZE:
			pseudo = 1;
			break;
		case OPT_NEEDS:
			s.needs = 1;
			break;
		case OPT_NEEDS_PERIODS:
			if ((n = number(&cli, "needs-periods", optarg, 1, LCM_NEEDS_MAX_PERIODS)) < 0)
				return LCM_EXIT_ERROR;
			s.o.needs_periods = (int)n;
			break;
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n", cli.prog);
			return LCM_EXIT_ERROR;
		}
	}
	if (cli.help) {
		usage();
		return lcm_cli_finish(&cli, LCM_EXIT_OK);
	}
	if (cli.version)
		return lcm_cli_finish(&cli, lcm_print_versions(&cli));
	s.o.local = cli.tz != NULL;
	if ((status = check(&cli, &s, period, fmt, pseudo)) != LCM_EXIT_OK)
		return status;

	status = LCM_EXIT_ERROR;
	if (lcm_open_input(&st, cli.db, argv + optind, argc - optind, NULL, 0, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	opened = 1;
	if (lcm_report_load(&st, &s.o, &src, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	status = s.o.split ? split(&cli, &s, &st, &src) : one(&cli, &s, &st, &src);
out:
	lcm_report_src_release(&src);
	if (opened)
		lcm_store_close(&st);
	return lcm_cli_finish(&cli, status);
}
