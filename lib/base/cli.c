/* cli.c - shared options, messages and exit codes: see cli.h. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "timefmt.h"

#ifndef LCM_VERSION
#define LCM_VERSION "0.0.0"
#endif

void
lcm_cli_init(struct lcm_cli *cli, const char *prog)
{
	const char *env = getenv("LCM_NOW");
	struct lcm_err err;

	memset(cli, 0, sizeof(*cli));
	cli->prog = prog;
	cli->now = (int64_t)time(NULL);
	/* a replay, or a test of a cron line as it is written */
	if (env && *env && lcm_time_parse(env, NULL, &cli->now, &err) < 0) {
		lcm_cli_warn(cli, "LCM_NOW: %s: the clock is used", err.msg);
		cli->now = (int64_t)time(NULL);
	}
}

void
lcm_cli_warn(const struct lcm_cli *cli, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
lcm_cli_fail(const struct lcm_cli *cli, const struct lcm_err *err)
{
	lcm_err_print(err, cli->prog, stderr);
	return LCM_EXIT_ERROR;
}

int
lcm_cli_usage_error(const struct lcm_cli *cli, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", cli->prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", cli->prog);
	return LCM_EXIT_ERROR;
}

int
lcm_cli_print_version(const struct lcm_cli *cli)
{
	printf("%s (lcm) %s\n", cli->prog, LCM_VERSION);
	return LCM_EXIT_OK;
}

int
lcm_cli_flush(struct lcm_cli *cli, int werr)
{
	if (cli->out_errno)
		return cli->out_errno == EPIPE ? 1 : -1;
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	/* fflush's own error, else the earlier write's the stream flagged */
	cli->out_errno = errno ? errno : werr ? werr : EIO;
	if (cli->out_errno == EPIPE)
		return 1;
	fprintf(stderr, "%s: cannot write standard output: %s\n", cli->prog,
		strerror(cli->out_errno));
	return -1;
}

int
lcm_cli_finish(const struct lcm_cli *cli, int status)
{
	int bad = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;

	if (cli->out_errno) {	/* said by lcm_cli_flush */
		fclose(stdout);
		return cli->out_errno == EPIPE ? status : LCM_EXIT_ERROR;
	}
	if (fclose(stdout) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	if (bad && e != EPIPE) {
		fprintf(stderr, "%s: cannot write standard output: %s\n", cli->prog,
			strerror(e));
		return LCM_EXIT_ERROR;
	}
	return status;
}

int
lcm_cli_format(const struct lcm_cli *cli, const char *arg, enum lcm_format *out)
{
	if (!arg) {
		*out = isatty(STDOUT_FILENO) ? LCM_FMT_TABLE : LCM_FMT_CSV;
		return 0;
	}
	if (lcm_format_parse(arg, out) < 0) {
		lcm_cli_usage_error(cli, "unknown output format '%s' (table, csv, tsv, json, ndjson)",
				    arg);
		return -1;
	}
	return 0;
}
