/*
 * cli.h - what every lcm program does the same way: its state (the shared
 * options' values, read by options.h), messages, exit codes and the final
 * check of standard output.
 *
 * Unlike the rest of lib/, this module prints (to stderr): it is the
 * programs' voice. It still never exits: cmd/ returns the codes.
 */
#ifndef LCM_CLI_H
#define LCM_CLI_H

#include <stdint.h>

#include "err.h"
#include "render.h"

/* Exit status, as grep and jq. */
enum {
	LCM_EXIT_OK = 0,	/* done; for selecting programs: something selected */
	LCM_EXIT_NONE = 1,	/* selecting programs: ran fine, selected nothing */
	LCM_EXIT_ERROR = 2	/* any error: usage, input, I/O, store */
};

struct lcm_cli {
	const char *prog;	/* "lcm-import" */
	const char *db;		/* --db, else NULL */
	const char *tz;		/* --tz, else NULL */
	int64_t now;		/* --now, else the clock at start */
	int quiet;		/* -q */
	int help, version;	/* -h, -V seen */
	int completion;		/* --completion-helper seen */
	int out_errno;		/* lcm_cli_flush failed with this (and said
				   so unless EPIPE); 0 while all is well */
};

/* Sets prog and now (LCM_NOW when set and a time, else the clock); the rest empty. */
void lcm_cli_init(struct lcm_cli *cli, const char *prog);

/* "prog: message" on stderr. */
void lcm_cli_warn(const struct lcm_cli *cli, const char *fmt, ...) LCM_PRINTF(2, 3);

/* "prog: file:line: message" on stderr; returns LCM_EXIT_ERROR. */
int lcm_cli_fail(const struct lcm_cli *cli, const struct lcm_err *err);

/*
 * Misuse: "prog: message" and "Try 'prog --help' for more information."
 * on stderr. Returns LCM_EXIT_ERROR.
 */
int lcm_cli_usage_error(const struct lcm_cli *cli, const char *fmt, ...) LCM_PRINTF(2, 3);

/* "lcm-import (lcm) 0.1.0" on stdout. Returns LCM_EXIT_OK. */
int lcm_cli_print_version(const struct lcm_cli *cli);

/*
 * Flushes stdout now, before something that depends on the output being
 * out (lcm-unanswered --once records what it listed): 0 when every byte
 * was written; 1 when the reader closed the pipe (nothing said, as at
 * the end); -1 on another write error, said on stderr. werr is the errno
 * of an earlier write that failed (lcm_render_error), 0 if none was
 * seen. Either failure is kept in cli, so lcm_cli_finish does not say it
 * twice.
 */
int lcm_cli_flush(struct lcm_cli *cli, int werr);

/*
 * Flushes and closes stdout. On a write error other than a closed pipe,
 * says so (unless lcm_cli_flush did) and returns LCM_EXIT_ERROR;
 * otherwise returns status.
 */
int lcm_cli_finish(const struct lcm_cli *cli, int status);

/* Output format from -f: table on a terminal, csv otherwise, by default. */
int lcm_cli_format(const struct lcm_cli *cli, const char *arg,
		   enum lcm_format *out);

#endif
