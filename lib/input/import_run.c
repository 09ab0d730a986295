/*
 * import_run.c - lcm-import's steps around lcm_import_file (import_run.h).
 */
#include "import_run.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "persons.h"

static int
open_existing(const struct lcm_cli *cli, struct lcm_store *st, int flags,
			 int busy_ms)
{
	const char *path = lcm_store_default_path(cli->db);
	struct lcm_err err;

	lcm_err_init(&err);
	/* only a missing file is "no store": else lcm_store_open says why */
	if (access(path, F_OK) != 0 && errno == ENOENT) {
		lcm_error(&err, "no store '%s': import exports first", path);
		return lcm_cli_fail(cli, &err);
	}
	if (lcm_store_open(st, path, flags, busy_ms, &err) < 0)
		return lcm_cli_fail(cli, &err);
	return LCM_EXIT_OK;
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "forum.csv: 96 posts (96 new, 0 updated), 12 threads, 20 persons in 0.1 s" */
static void
summary(const char *file, const struct lcm_import_stats *s, double secs, int dry)
{
	static const enum lcm_kind order[] = {
		LCM_K_POST, LCM_K_EVENT, LCM_K_COMPLETION, LCM_K_ITEM, LCM_K_SKILL,
		LCM_K_THREAD, LCM_K_PERSON
	};
	struct lcm_buf b;
	size_t i;
	long total;
	int first = 1;

	lcm_buf_init(&b);
	lcm_buf_printf(&b, "%s%s: ", dry ? "(dry run) " : "", file);
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		const long *c = s->count[order[i]];

		total = c[0] + c[1] + c[2];
		if (!total)
			continue;
		lcm_buf_printf(&b, "%s%ld %s", first ? "" : ", ", total,
			       lcm_kind_noun(order[i], total));
		if (first)
			lcm_buf_printf(&b, " (%ld new, %ld updated)", c[1], c[2]);
		first = 0;
	}
	if (first)
		lcm_buf_adds(&b, "nothing");
	if (s->rejected)
		lcm_buf_printf(&b, ", %ld row%s rejected", s->rejected,
			       s->rejected == 1 ? "" : "s");
	fprintf(stderr, "%s in %.1f s\n", b.data, secs);
	lcm_buf_release(&b);
}

/*
 * "forum.csv: 1245184 rows..." on a terminal, at most once a second after
 * the first second, so a long import shows it is alive.
 */
static void
progress(const char *file, long rows, void *arg)
{
	double *start = arg, now = seconds();
	static double last;

	if (now - *start < 1.0 || now - last < 1.0)
		return;
	last = now;
	fprintf(stderr, "\r%s: %ld rows...", file, rows);
	fflush(stderr);
}

/* Imports each file, one transaction each: a bad file is said, the others go in. */
static int
import_files(const struct lcm_cli *cli, struct lcm_store *st, const char *const *files,
	     int nfiles, struct lcm_import_opts *opts)
{
	struct lcm_import_stats stats;
	struct lcm_err err;
	int i, rc, status = LCM_EXIT_OK;
	double t0;

	for (i = 0; i < nfiles; i++) {
		const char *name = strcmp(files[i], "-") == 0 ? "(stdin)" : files[i];

		lcm_err_init(&err);
		t0 = seconds();
		/* progress only for a person watching: a terminal, not -q */
		if (!cli->quiet && isatty(STDERR_FILENO)) {
			opts->progress = progress;
			opts->progress_arg = &t0;
		}
		rc = lcm_import_file(st, files[i], opts, &stats, &err);
		if (opts->progress && seconds() - t0 >= 1.0)
			fputs("\r\033[K", stderr);	/* clear the progress line */
		if (rc < 0) {
			/* a bad file is reported, and the others still go in */
			status = lcm_cli_fail(cli, &err);
			continue;
		}
		if (stats.cp1252 && !cli->quiet)
			lcm_cli_warn(cli, "%s: not UTF-8, read as Windows-1252 (see --encoding)",
				     name);
		if (!cli->quiet)
			summary(name, &stats, seconds() - t0, opts->dry_run);
	}
	return status;
}

/* One step after the files, in its own transaction, rolled back if dry. */
struct step {
	const struct lcm_cli *cli;
	const struct lcm_names *staff;
	const struct lcm_link_map *map;
	long counts[2];
};

/* A --staff name that matches no one: said, and the others are marked. */
static void
staff_unknown(void *arg, const char *name)
{
	char q[128];

	lcm_cli_warn(arg, "--staff: no person '%s' in the store: not marked (give a name,"
		     " an e-mail address, a username or platform:id; see lcm-import --persons)",
		     lcm_err_quote(name, q, sizeof(q)));
}

static int
staff_step(struct lcm_store *st, struct step *s, struct lcm_err *err)
{
	return lcm_identity_mark_staff(st, (const char *const *)s->staff->v, s->staff->n,
				       staff_unknown, (void *)s->cli, &s->counts[0],
				       &s->counts[1], err);
}

static int
link_map_step(struct lcm_store *st, struct step *s, struct lcm_err *err)
{
	return lcm_link_map_apply(st, s->map, &s->counts[0], &s->counts[1], err);
}

static int
in_transaction(struct lcm_store *st, int (*fn)(struct lcm_store *, struct step *,
					       struct lcm_err *),
	       struct step *s, int dry)
{
	struct lcm_err err;

	lcm_err_init(&err);
	if (lcm_store_begin(st, &err) < 0)
		return lcm_cli_fail(s->cli, &err);
	if (fn(st, s, &err) < 0) {
		lcm_store_rollback(st);
		return lcm_cli_fail(s->cli, &err);
	}
	if (dry)
		lcm_store_rollback(st);
	else if (lcm_store_commit(st, &err) < 0)
		return lcm_cli_fail(s->cli, &err);
	return LCM_EXIT_OK;
}

static int
mark_staff(const struct lcm_cli *cli, struct lcm_store *st,
		      const struct lcm_names *staff, int dry)
{
	struct step s = { .cli = cli, .staff = staff };

	if (in_transaction(st, staff_step, &s, dry) != LCM_EXIT_OK)
		return LCM_EXIT_ERROR;
	if (!cli->quiet)
		fprintf(stderr, "%sstaff: %ld person%s, %ld newly marked\n", dry ? "(dry run) " : "",
			s.counts[0], s.counts[0] == 1 ? "" : "s", s.counts[1]);
	return LCM_EXIT_OK;
}

static int
apply_link_map(const struct lcm_cli *cli, struct lcm_store *st,
		    const struct lcm_link_map *map, int dry)
{
	struct step s = { .cli = cli, .map = map };

	if (in_transaction(st, link_map_step, &s, dry) != LCM_EXIT_OK)
		return LCM_EXIT_ERROR;
	if (!cli->quiet)
		fprintf(stderr, "%slink map: %ld person%s merged, %ld row%s not in the store\n",
			dry ? "(dry run) " : "", s.counts[0], s.counts[0] == 1 ? "" : "s",
			s.counts[1], s.counts[1] == 1 ? "" : "s");
	return LCM_EXIT_OK;
}

/* The store, made when files are given, else one that must be there. */
static int
open_store(const struct lcm_cli *cli, struct lcm_store *st, const struct lcm_import_job *job)
{
	struct lcm_err err;

	lcm_err_init(&err);
	/* --staff alone: on the persons of a store that must be there */
	if (!job->nfiles)
		return open_existing(cli, st, 0, job->busy_ms);
	if (lcm_store_open(st, lcm_store_default_path(cli->db), LCM_STORE_CREATE,
			   job->busy_ms, &err) < 0)
		return lcm_cli_fail(cli, &err);
	return LCM_EXIT_OK;
}

int
lcm_import_run(const struct lcm_cli *cli, const struct lcm_import_job *job,
	       struct lcm_import_opts *opts)
{
	struct lcm_store st = { 0 };
	struct lcm_err err;
	int status;

	lcm_err_init(&err);
	if (job->rejects_path) {
		opts->rejects = fopen(job->rejects_path, "w");
		opts->rejects_name = job->rejects_path;
		if (!opts->rejects) {
			lcm_error_at(&err, job->rejects_path, 0, "cannot create: %s",
				     strerror(errno));
			return lcm_cli_fail(cli, &err);
		}
		fputs("line,reason,row\n", opts->rejects);
	}
	status = open_store(cli, &st, job);
	if (status == LCM_EXIT_OK) {
		status = import_files(cli, &st, job->files, job->nfiles, opts);
		if (job->staff->n &&
		    mark_staff(cli, &st, job->staff, opts->dry_run) != LCM_EXIT_OK)
			status = LCM_EXIT_ERROR;
		if (job->map && apply_link_map(cli, &st, job->map, opts->dry_run) != LCM_EXIT_OK)
			status = LCM_EXIT_ERROR;
		lcm_store_close(&st);
	}
	if (opts->rejects && fclose(opts->rejects) != 0) {
		lcm_error_at(&err, job->rejects_path, 0, "cannot write: %s", strerror(errno));
		status = lcm_cli_fail(cli, &err);
	}
	opts->rejects = NULL;
	return status;
}

int
lcm_import_persons(const struct lcm_cli *cli, const char *fmtname, const char *key)
{
	struct lcm_store st = { 0 };
	enum lcm_format fmt;
	struct lcm_err err;
	int rc;

	lcm_err_init(&err);
	if (lcm_cli_format(cli, fmtname, &fmt) < 0)
		return LCM_EXIT_ERROR;
	if (open_existing(cli, &st, LCM_STORE_READONLY, 5000) != LCM_EXIT_OK)
		return LCM_EXIT_ERROR;
	rc = lcm_persons_render(&st, key, fmt, stdout, &err);
	lcm_store_close(&st);
	return rc < 0 ? lcm_cli_fail(cli, &err) : LCM_EXIT_OK;
}

/* A line of lcm_erase_run's report, on stdout. */
static void
erase_line(void *arg, const char *text)
{
	(void)arg;
	puts(text);
}

/* A person lcm_erase_run did not find. */
static void
erase_fail(void *arg, const struct lcm_err *err)
{
	lcm_cli_fail(arg, err);
}

int
lcm_import_erase(const struct lcm_cli *cli, struct lcm_erase_req *req, int busy_ms)
{
	struct lcm_store st = { 0 };
	struct lcm_err err;
	int status;

	lcm_err_init(&err);
	if (open_existing(cli, &st, 0, busy_ms) != LCM_EXIT_OK)
		return LCM_EXIT_ERROR;
	req->line = cli->quiet ? NULL : erase_line;
	req->fail = erase_fail;
	req->arg = (void *)cli;
	status = lcm_erase_run(&st, req, &err) < 0 ? lcm_cli_fail(cli, &err) : LCM_EXIT_OK;
	lcm_store_close(&st);
	return status;
}
