/*
 * fuzz_options.c - a program's own option parsing: its real main(), run
 * on a fuzzed command line up to the point where it would touch data.
 *
 * run.sh builds this once per cmd/<prog>.c, compiled with
 * -Dmain=lcm_fuzz_main and linked with
 *   -Wl,--wrap=lcm_open_input,--wrap=lcm_store_open,--wrap=fopen
 * so that the option table (lcm_options_parse), each program's own
 * options and their parsers (durations, formats, working hours, --by,
 * dates, lists...) and every check made on them run as they do from a
 * shell, and the first attempt to open the store or a file fails with
 * an error instead, as a missing store would: the program then reports
 * it and returns. Nothing is read or written but /dev/null.
 *
 * The input is the argument list, arguments separated by NUL bytes
 * (at most 64); argv[0] is the program's name (LCM_FUZZ_PROG).
 * Besides not crashing, the exit status must be one of 0, 1, 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <unistd.h>

#include "fuzz.h"

#include "err.h"
#include "import.h"
#include "open.h"
#include "store.h"
#include "timefmt.h"

#ifndef LCM_FUZZ_PROG
#define LCM_FUZZ_PROG "lcm-prog"
#endif

#define MAXARGS 64

int lcm_fuzz_main(int argc, char **argv);
FILE *__real_fopen(const char *path, const char *mode);
FILE *__wrap_fopen(const char *path, const char *mode);
int __wrap_lcm_open_input(struct lcm_store *st, const char *db, char *const *files,
			  int nfiles, const struct lcm_import_opts *opts, int flags,
			  struct lcm_err *err);
int __wrap_lcm_store_open(struct lcm_store *st, const char *path, int flags,
			  int busy_ms, struct lcm_err *err);

/* Set while the program runs: its fopen() calls fail. */
static int in_main;

/* fopen() as the program sees it: refused (libFuzzer's own goes through). */
FILE *
__wrap_fopen(const char *path, const char *mode)
{
	if (in_main) {
		errno = EACCES;
		return NULL;
	}
	return __real_fopen(path, mode);
}

/* The store or files the program asks for: not there. */
int
__wrap_lcm_open_input(struct lcm_store *st, const char *db, char *const *files,
		      int nfiles, const struct lcm_import_opts *opts, int flags,
		      struct lcm_err *err)
{
	(void)db;
	(void)files;
	(void)nfiles;
	(void)opts;
	(void)flags;
	memset(st, 0, sizeof(*st));
	return lcm_error(err, "fuzz: no data past the options");
}

int
__wrap_lcm_store_open(struct lcm_store *st, const char *path, int flags,
		      int busy_ms, struct lcm_err *err)
{
	(void)path;
	(void)flags;
	(void)busy_ms;
	memset(st, 0, sizeof(*st));
	return lcm_error(err, "fuzz: no store past the options");
}

/* stdout on /dev/null, as a fresh stream (the program may close it). */
static void
null_stdout(void)
{
	int fd = open("/dev/null", O_WRONLY);

	/* fd 1 is the lowest free one once the program has closed stdout */
	if (fd < 0 || (fd != STDOUT_FILENO && dup2(fd, STDOUT_FILENO) < 0)) {
		perror("/dev/null");
		abort();
	}
	if (fd != STDOUT_FILENO)
		close(fd);
	stdout = fdopen(STDOUT_FILENO, "w");
	if (!stdout) {
		perror("fdopen");
		abort();
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* standard input is read by some options ("-"): make it empty */
	if (!freopen("/dev/null", "r", stdin))
		abort();
	null_stdout();
	setenv("TZ", "UTC", 1);
	setenv("LCM_PSEUDO_KEY", "fuzz-key-0123456789abcdef", 1);
	unsetenv("LCM_DB");
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[MAXARGS + 2];
	size_t i = 0, j;
	int argc = 1, rc;
	struct lcm_err err;

	argv[0] = fuzz_strndup((const uint8_t *)LCM_FUZZ_PROG, strlen(LCM_FUZZ_PROG));
	while (i < size && argc <= MAXARGS) {
		for (j = i; j < size && data[j] != '\0'; j++)
			;
		argv[argc++] = fuzz_strndup(data + i, j - i);
		i = j + 1;
	}
	argv[argc] = NULL;

	optind = 0;	/* glibc: start getopt afresh, as in a new process */
	in_main = 1;
	rc = lcm_fuzz_main(argc, argv);
	in_main = 0;
	FUZZ_CHECK(rc == 0 || rc == 1 || rc == 2);

	/* lcm_cli_finish() closed stdout: open it again for the next run */
	if (fcntl(STDOUT_FILENO, F_GETFD) < 0)
		null_stdout();
	lcm_err_init(&err);
	(void)lcm_time_set_zone("UTC", &err);
	for (i = 0; i < (size_t)argc; i++)
		free(argv[i]);
	return 0;
}
