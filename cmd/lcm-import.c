/*
 * lcm-import - load LMS export files into the lcm store.
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "erase.h"
#include "identity.h"
#include "import.h"
#include "pseudo.h"
#include "render.h"
#include "store.h"
#include "timefmt.h"
#include "versions.h"
#include "xalloc.h"

/* --max-json-size goes up to 4 GiB, or what a size_t holds */
#if SIZE_MAX > 0xffffffffu
#define JSON_SIZE_MAX ((size_t)4 << 30)
#else
#define JSON_SIZE_MAX SIZE_MAX
#endif

enum {
	OPT_COURSE = LCM_OPT_FIRST_PROGRAM, OPT_FORUM, OPT_PLATFORM, OPT_YEAR,
	OPT_DATE_ORDER, OPT_ENCODING, OPT_DRY_RUN, OPT_SKIP_INVALID, OPT_REJECTS,
	OPT_LANG, OPT_LINK_BY, OPT_PERSONS, OPT_WAIT, OPT_FORGET, OPT_PURGE_BEFORE,
	OPT_PSEUDONYMIZE, OPT_MAX_FIELD_SIZE, OPT_MAX_FIELDS, OPT_MAX_JSON_SIZE,
	OPT_STAFF, OPT_STAFF_FILE, OPT_START, OPT_LINK_MAP
};

static const struct option options[] = {
	LCM_CLI_OPTIONS,
	{ "format", required_argument, NULL, 'f' },
	{ "course", required_argument, NULL, OPT_COURSE },
	{ "forum", required_argument, NULL, OPT_FORUM },
	{ "platform", required_argument, NULL, OPT_PLATFORM },
	{ "year", required_argument, NULL, OPT_YEAR },
	{ "date-order", required_argument, NULL, OPT_DATE_ORDER },
	{ "encoding", required_argument, NULL, OPT_ENCODING },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "skip-invalid", no_argument, NULL, OPT_SKIP_INVALID },
	{ "rejects", required_argument, NULL, OPT_REJECTS },
	{ "lang", required_argument, NULL, OPT_LANG },
	{ "link-by", required_argument, NULL, OPT_LINK_BY },
	{ "persons", no_argument, NULL, OPT_PERSONS },
	{ "wait", required_argument, NULL, OPT_WAIT },
	{ "forget", required_argument, NULL, OPT_FORGET },
	{ "purge-before", required_argument, NULL, OPT_PURGE_BEFORE },
	{ "pseudonymize", no_argument, NULL, OPT_PSEUDONYMIZE },
	{ "max-field-size", required_argument, NULL, OPT_MAX_FIELD_SIZE },
	{ "max-fields", required_argument, NULL, OPT_MAX_FIELDS },
	{ "max-json-size", required_argument, NULL, OPT_MAX_JSON_SIZE },
	{ "staff", required_argument, NULL, OPT_STAFF },
	{ "staff-file", required_argument, NULL, OPT_STAFF_FILE },
	{ "start", required_argument, NULL, OPT_START },
	{ "link-map", required_argument, NULL, OPT_LINK_MAP },
	{ NULL, 0, NULL, 0 }
};

static void
usage(void)
{
	printf("Usage: lcm-import [--db PATH] [-f FORMAT] [--tz ZONE] [--course NAME]\n"
	       "                  [--forum NAME] [--platform NAME] [--year YYYY]\n"
	       "                  [--date-order dmy|mdy] [--encoding ENC] [-n]\n"
	       "                  [--skip-invalid [--rejects FILE]] [--lang LANG]\n"
	       "                  [--link-by email|username|name|none] [--link-map FILE]\n"
	       "                  [--wait DUR]\n"
	       "                  [--max-field-size SIZE] [--max-fields N]\n"
	       "                  [--max-json-size SIZE] [--staff NAMES] [--staff-file FILE]\n"
	       "                  [--start PRES=DATE]...\n"
	       "                  [--now TIME] [-q] [FILE...]\n"
	       "       lcm-import --persons [--pseudonymize] [--db PATH]\n"
	       "                  [-f table|csv|tsv|json|ndjson]\n"
	       "       lcm-import [--forget PERSON]... [--purge-before DATE] [--db PATH]\n"
	       "                  [-n] [--wait DUR] [-q]\n"
	       "Load LMS export files (or standard input) into the lcm store.\n"
	       "\n"
	       "  --db PATH            store file (default: $LCM_DB, else ./lcm.db)\n"
	       "  -f, --format FORMAT  input format, else detected from the header or keys:\n"
	       "                       moodle-forum moodle-log moodle-users lcm-persons\n"
	       "                       lcm-posts lcm-events lcm-completions lcm-catalogue\n"
	       "                       lcm-skills canvas-discussion edx-forum edx-tracking\n"
	       "                       xapi (with --persons: the output format)\n"
	       "      --tz ZONE        zone of times written without one (default: TZ)\n"
	       "      --course NAME    course the forum export or log belongs to\n"
	       "      --forum NAME     forum of a forum export (default: file name)\n"
	       "      --platform NAME  platform of the ids in lcm-* files (default: lcm)\n"
	       "      --year YYYY      year of log times written without one (9 Mar, 14:05)\n"
	       "      --date-order dmy|mdy  order of numeric dates (default: dmy)\n"
	       "      --encoding ENC   auto, utf-8, windows-1252, utf-16le, utf-16be\n"
	       "  -n, --dry-run        read and check everything, change nothing\n"
	       "      --skip-invalid   import the good rows, skip the bad ones\n"
	       "      --rejects FILE   write skipped rows there (CSV: line,reason,row)\n"
	       "      --lang LANG      xapi: language of names (default: en, else the first)\n"
	       "      --link-by KEY    one person per email (default), username, name, or none\n"
	       "      --link-map FILE  CSV platform,account,person: who is who across\n"
	       "                       platforms (person: e-mail or platform:id), after the files\n"
	       "      --persons        print each person and their accounts, then exit\n"
	       "      --pseudonymize   with --persons: pseudonyms (key in LCM_PSEUDO_KEY),\n"
	       "                       no name, e-mail or account id\n"
	       "      --forget PERSON  erase a person and all they wrote (platform:id, id\n"
	       "                       or e-mail; repeatable)\n"
	       "      --purge-before DATE  drop events before DATE, and threads whose\n"
	       "                       newest post is before DATE\n"
	       "      --max-field-size SIZE  largest CSV field and row (default: 4M)\n"
	       "      --max-fields N   most fields in a CSV row (default: 10000)\n"
	       "      --max-json-size SIZE  largest JSON document or NDJSON line\n"
	       "                       (default: 64M)\n"
	       "      --staff NAMES    make staff the persons named (','-separated names,\n"
	       "                       e-mail addresses, usernames or platform:id;\n"
	       "                       repeatable), after the files; with no FILE, no\n"
	       "                       standard input is read\n"
	       "      --staff-file FILE  the same, one person a line ('#' comments)\n"
	       "      --start PRES=DATE  an OULAD presentation's start (AAA-2013J=2013-10-05;\n"
	       "                       default: the 1st of February (B) or October (J))\n"
	       "      --wait DUR       wait that long for another import (default: 5s)\n"
	       "      --now TIME       time recorded as the import's (default: now)\n"
	       "  -q, --quiet          no summary, only errors\n"
	       "  -h, --help           show this help and exit\n"
	       "  -V, --version        show the version and exit\n"
	       "\n"
	       "Each file is one transaction: a bad row leaves the store unchanged.\n"
	       "--forget and --purge-before are one transaction, with the deleted bytes\n"
	       "overwritten and the WAL emptied.\n"
	       "NDJSON is read line by line; FILE.gz is read through zlib.\n"
	       "Exit status: 0 imported, 2 an error (see lcm-import(1)).\n");
}

static int
valid_format(const char *name)
{
	int i;

	for (i = 0; lcm_import_formats[i]; i++)
		if (strcmp(lcm_import_formats[i], name) == 0)
			return 1;
	return 0;
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

/* One row of the --persons table. */
static int
person_row(void *arg, const struct lcm_identity *id)
{
	struct lcm_cell c[6];

	c[0] = lcm_cell_int(id->person);
	c[1] = lcm_cell_str(id->name);
	c[2] = lcm_cell_str(id->email);
	c[3] = lcm_cell_str(id->role);
	c[4] = lcm_cell_str(id->platforms);
	c[5] = lcm_cell_str(id->accounts);
	lcm_render_row(arg, c);
	return 0;
}

/* One row of the --persons --pseudonymize table. */
static int
pseudo_row(void *arg, const struct lcm_pseudo_person *p)
{
	struct lcm_cell c[4];

	c[0] = lcm_cell_str(p->person);
	c[1] = lcm_cell_str(p->role);
	c[2] = lcm_cell_str(p->platforms);
	c[3] = lcm_cell_int(p->naccounts);
	lcm_render_row(arg, c);
	return 0;
}

/* Opens the store at path for mode (flags of lcm_store_open), which must exist. */
static int
open_existing(const struct lcm_cli *cli, struct lcm_store *st, int flags, int busy_ms)
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

/* --persons: the merged identity table, from the store; pseudonymised with key. */
static int
print_persons(const struct lcm_cli *cli, const char *fmtname, const char *key)
{
	static const char *const cols[] = {
		"person", "name", "email", "role", "platforms", "accounts"
	};
	static const char *const pcols[] = { "person", "role", "platforms", "accounts" };
	struct lcm_store st = { 0 };
	struct lcm_render *r;
	enum lcm_format fmt;
	struct lcm_err err;
	int rc;

	lcm_err_init(&err);
	if (lcm_cli_format(cli, fmtname, &fmt) < 0)
		return LCM_EXIT_ERROR;
	if (open_existing(cli, &st, LCM_STORE_READONLY, 5000) != LCM_EXIT_OK)
		return LCM_EXIT_ERROR;
	r = key ? lcm_render_new(stdout, fmt, pcols, 4, 0) : lcm_render_new(stdout, fmt, cols, 6, 0);
	rc = key ? lcm_erase_persons_pseudo(&st, key, pseudo_row, r, &err) :
		   lcm_identity_each(&st, 0, person_row, r, &err);
	lcm_render_end(r);
	lcm_render_free(r);
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

/* --forget and --purge-before: one transaction on the store. */
static int
erase(const struct lcm_cli *cli, struct lcm_erase_req *req, int busy_ms)
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

/* A size option's value into *out (at most max bytes); -1 after saying why. */
static int
size_option(const struct lcm_cli *cli, const char *name, const char *arg, size_t max,
	    size_t *out)
{
	struct lcm_err err;

	lcm_err_init(&err);
	if (lcm_size_parse(arg, max, out, &err) < 0) {
		lcm_cli_usage_error(cli, "%s: %s", name, err.msg);
		return -1;
	}
	return 0;
}

/*
 * The --staff and --staff-file names, owned. Static for the reason
 * forget is (below).
 */
static struct {
	char **v;
	size_t n, cap;
} staff;

static void
staff_release(void)
{
	size_t i;

	for (i = 0; i < staff.n; i++)
		free(staff.v[i]);
	free(staff.v);
	memset(&staff, 0, sizeof(staff));
}

/* Adds s[0..len) trimmed, unless it is empty. */
static void
staff_add(const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
		       s[len - 1] == '\n'))
		len--;
	if (!len)
		return;
	if (staff.n == staff.cap) {
		staff.cap = staff.cap ? 2 * staff.cap : 8;
		staff.v = lcm_xreallocarray(staff.v, staff.cap, sizeof(*staff.v));
	}
	staff.v[staff.n] = lcm_xmalloc(len + 1);
	memcpy(staff.v[staff.n], s, len);
	staff.v[staff.n++][len] = '\0';
}

/* --staff's ','-separated names; -1 when it names no one. */
static int
staff_list(const char *arg)
{
	size_t before = staff.n;
	const char *comma;

	for (; (comma = strchr(arg, ',')); arg = comma + 1)
		staff_add(arg, (size_t)(comma - arg));
	staff_add(arg, strlen(arg));
	return staff.n > before ? 0 : -1;
}

/* --staff-file: a name a line, blank lines and '#' comments skipped. */
static int
staff_file(const struct lcm_cli *cli, const char *path)
{
	struct lcm_err err;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *fp = fopen(path, "r");
	int rc = 0;

	lcm_err_init(&err);
	if (!fp) {
		lcm_error_at(&err, path, 0, "cannot open: %s", strerror(errno));
		return lcm_cli_fail(cli, &err);
	}
	while ((len = getline(&line, &cap, fp)) >= 0)
		if (line[strspn(line, " \t")] != '#')
			staff_add(line, (size_t)len);
	if (ferror(fp)) {
		lcm_error_at(&err, path, 0, "cannot read: %s", strerror(errno));
		rc = lcm_cli_fail(cli, &err);
	}
	free(line);
	fclose(fp);
	return rc;
}

/* A --staff name that matches no one: said, and the others are marked. */
static void
staff_unknown(void *arg, const char *name)
{
	char q[128];

	lcm_cli_warn(arg, "--staff: no person '%s' in the store: not marked (give a name,"
		     " an e-mail address, a username or platform:id; see lcm-import --persons)",
		     lcm_err_quote(name, q, sizeof(q)));
}

/* --staff: one transaction after the files (rolled back in a dry run). */
static int
mark_staff(const struct lcm_cli *cli, struct lcm_store *st, int dry)
{
	struct lcm_err err;
	long persons, newly;

	lcm_err_init(&err);
	if (lcm_store_begin(st, &err) < 0)
		return lcm_cli_fail(cli, &err);
	if (lcm_identity_mark_staff(st, (const char *const *)staff.v, staff.n, staff_unknown,
				    (void *)cli, &persons, &newly, &err) < 0) {
		lcm_store_rollback(st);
		return lcm_cli_fail(cli, &err);
	}
	if (dry)
		lcm_store_rollback(st);
	else if (lcm_store_commit(st, &err) < 0)
		return lcm_cli_fail(cli, &err);
	if (!cli->quiet)
		fprintf(stderr, "%sstaff: %ld person%s, %ld newly marked\n", dry ? "(dry run) " : "",
			persons, persons == 1 ? "" : "s", newly);
	return LCM_EXIT_OK;
}

/* --link-map, loaded with the options; freed when main runs again. */
static struct lcm_link_map *link_map;

/* --link-map: one transaction after the files (rolled back in a dry run). */
static int
apply_link_map(const struct lcm_cli *cli, struct lcm_store *st, int dry)
{
	struct lcm_err err;
	long merged, unknown;

	lcm_err_init(&err);
	if (lcm_store_begin(st, &err) < 0)
		return lcm_cli_fail(cli, &err);
	if (lcm_link_map_apply(st, link_map, &merged, &unknown, &err) < 0) {
		lcm_store_rollback(st);
		return lcm_cli_fail(cli, &err);
	}
	if (dry)
		lcm_store_rollback(st);
	else if (lcm_store_commit(st, &err) < 0)
		return lcm_cli_fail(cli, &err);
	if (!cli->quiet)
		fprintf(stderr, "%slink map: %ld person%s merged, %ld row%s not in the store\n",
			dry ? "(dry run) " : "", merged, merged == 1 ? "" : "s", unknown,
			unknown == 1 ? "" : "s");
	return LCM_EXIT_OK;
}

/*
 * The --forget values, in order (argv's strings). Static: reachable at
 * exit from every return; the previous run's is freed when main runs
 * again (the option fuzzer calls it over and over).
 */
static const char **forget;

static double seconds(void);

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

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* 0 when arg is "PRES=YYYY-MM-DD" (an OULAD presentation's start), else -1. */
static int
start_option(const char *arg)
{
	const char *eq = strchr(arg, '=');
	struct lcm_err err;
	char iso[32];
	int64_t t;

	if (!eq || eq == arg || strlen(eq + 1) != 10)
		return -1;
	snprintf(iso, sizeof(iso), "%sT00:00:00Z", eq + 1);
	return lcm_time_parse_iso(iso, &t, &err);
}

int
main(int argc, char **argv)
{
	struct lcm_cli cli;
	struct lcm_import_opts opts;
	struct lcm_import_stats stats;
	struct lcm_store st = { 0 };
	struct lcm_err err;
	const char *rejects_path = NULL, *stdin_only[] = { "-" }, *fmtname = NULL;
	const char *purge = NULL, *key = NULL;
	const char *starts[65] = { NULL };	/* --start, NULL-terminated */
	size_t nstarts = 0;
	int64_t wait = 5;	/* seconds to wait for another writer */
	struct lcm_erase_req req;
	const char *const *files;
	char *end;
	long n;
	int c, r, rc, nfiles, i, status = LCM_EXIT_OK, opened = 0, persons = 0, pseudo = 0;
	double t0;

	/*
	 * Past a file size limit (ulimit -f) a write fails with EFBIG, which
	 * SQLite reports and rolls back, instead of the signal killing the
	 * import without a word.
	 */
	signal(SIGXFSZ, SIG_IGN);
	lcm_cli_init(&cli, "lcm-import");
	lcm_err_init(&err);
	memset(&opts, 0, sizeof(opts));
	memset(&req, 0, sizeof(req));
	free(forget);
	forget = lcm_xcalloc((size_t)argc, sizeof(*forget));
	staff_release();
	lcm_link_map_free(link_map);
	link_map = NULL;
	while ((c = getopt_long(argc, argv, "f:nqhV", options, NULL)) != -1) {
		if ((r = lcm_cli_option(&cli, c, optarg)) != 0) {
			if (r < 0)
				return LCM_EXIT_ERROR;
			continue;
		}
		switch (c) {
		case 'f':
			fmtname = optarg;	/* checked once --persons is known */
			break;
		case OPT_COURSE:
			opts.course = optarg;
			break;
		case OPT_FORUM:
			opts.forum = optarg;
			break;
		case OPT_PLATFORM:
			opts.platform = optarg;
			break;
		case OPT_YEAR:
			opts.time.year = (int)strtol(optarg, &end, 10);
			if (*end || end == optarg || opts.time.year < 1970 || opts.time.year > 9999)
				return lcm_cli_usage_error(&cli, "--year: not a year: '%s'", optarg);
			break;
		case OPT_DATE_ORDER:
			if (strcmp(optarg, "dmy") == 0)
				opts.time.order = LCM_DMY;
			else if (strcmp(optarg, "mdy") == 0)
				opts.time.order = LCM_MDY;
			else
				return lcm_cli_usage_error(&cli, "--date-order: not dmy or mdy: '%s'",
							   optarg);
			break;
		case OPT_ENCODING:
			if (lcm_encoding_parse(optarg, &opts.encoding) < 0)
				return lcm_cli_usage_error(&cli, "--encoding: unknown encoding '%s'",
							   optarg);
			break;
		case 'n':
			opts.dry_run = 1;
			break;
		case OPT_SKIP_INVALID:
			opts.skip_invalid = 1;
			break;
		case OPT_REJECTS:
			rejects_path = optarg;
			break;
		case OPT_LANG:
			if (!*optarg || strspn(optarg, "abcdefghijklmnopqrstuvwxyz"
					       "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != strlen(optarg))
				return lcm_cli_usage_error(&cli, "--lang: not a language tag: '%s'",
							   optarg);
			opts.lang = optarg;
			break;
		case OPT_LINK_BY:
			if (lcm_link_by_parse(optarg, &opts.link_by) < 0)
				return lcm_cli_usage_error(&cli, "--link-by: not email, username,"
							   " name or none: '%s'", optarg);
			break;
		case OPT_WAIT:
			if (lcm_duration_parse(optarg, &wait, &err) < 0 || wait > 86400)
				return lcm_cli_usage_error(&cli, "--wait: %s", err.msg[0] ? err.msg :
							   "at most a day");
			break;
		case OPT_PERSONS:
			persons = 1;
			break;
		case OPT_PSEUDONYMIZE:
			pseudo = 1;
			break;
		case OPT_FORGET:
			if (!*optarg)
				return lcm_cli_usage_error(&cli, "--forget: no person given");
			forget[req.nforget++] = optarg;
			break;
		case OPT_STAFF:
			if (staff_list(optarg) < 0)
				return lcm_cli_usage_error(&cli, "--staff: no person given");
			break;
		case OPT_STAFF_FILE:
			if (staff_file(&cli, optarg) != LCM_EXIT_OK)
				return LCM_EXIT_ERROR;
			break;
		case OPT_START:
			if (nstarts == 64)
				return lcm_cli_usage_error(&cli, "--start: at most 64");
			if (start_option(optarg) < 0)
				return lcm_cli_usage_error(&cli, "--start: not PRESENTATION=YYYY-MM-DD: '%s'",
							   optarg);
			starts[nstarts++] = optarg;
			opts.starts = starts;
			break;
		case OPT_LINK_MAP:
			lcm_link_map_free(link_map);
			if (lcm_link_map_load(optarg, &link_map, &err) < 0)
				return lcm_cli_fail(&cli, &err);
			break;
		case OPT_PURGE_BEFORE:
			purge = optarg;	/* read once --tz is known */
			break;
		case OPT_MAX_FIELD_SIZE:
			if (size_option(&cli, "--max-field-size", optarg, (size_t)1 << 30,
					&opts.max_field) < 0)
				return LCM_EXIT_ERROR;
			break;
		case OPT_MAX_JSON_SIZE:
			if (size_option(&cli, "--max-json-size", optarg, JSON_SIZE_MAX,
					&opts.max_json) < 0)
				return LCM_EXIT_ERROR;
			break;
		case OPT_MAX_FIELDS:
			errno = 0;
			n = strtol(optarg, &end, 10);
			if (*end || end == optarg || errno || n < 1 || n > 1000000)
				return lcm_cli_usage_error(&cli, "--max-fields: not a number from 1"
							   " to 1000000: '%s'", optarg);
			opts.max_fields = (size_t)n;
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
	if (pseudo && !persons)
		return lcm_cli_usage_error(&cli, "--pseudonymize goes with --persons");
	if (persons && (req.nforget || purge || staff.n))
		return lcm_cli_usage_error(&cli, "--persons cannot go with %s",
					   req.nforget ? "--forget" : purge ? "--purge-before" :
					   "--staff");
	if (staff.n && (req.nforget || purge))
		return lcm_cli_usage_error(&cli, "--staff cannot go with %s",
					   req.nforget ? "--forget" : "--purge-before");
	if (persons) {
		if (optind < argc)
			return lcm_cli_usage_error(&cli, "--persons takes no file");
		if (pseudo && lcm_pseudo_key(&cli, &key) != LCM_EXIT_OK)
			return LCM_EXIT_ERROR;
		return lcm_cli_finish(&cli, print_persons(&cli, fmtname, key));
	}
	if (req.nforget || purge) {
		if (optind < argc)
			return lcm_cli_usage_error(&cli, "%s takes no file: import and erase"
						   " in two runs", req.nforget ? "--forget" :
						   "--purge-before");
		if (purge && lcm_time_parse(purge, NULL, &req.before, &err) < 0)
			return lcm_cli_usage_error(&cli, "--purge-before: %s", err.msg);
		/* "1 year" for "1 year ago" would empty the store */
		if (purge && req.before > cli.now)
			return lcm_cli_usage_error(&cli, "--purge-before: '%s' is in the future:"
						   " it would drop everything", purge);
		req.forget = forget;
		req.purge = purge != NULL;
		req.dry_run = opts.dry_run;
		return lcm_cli_finish(&cli, erase(&cli, &req, (int)wait * 1000));
	}
	if (fmtname && !valid_format(fmtname))
		return lcm_cli_usage_error(&cli, "unknown format '%s'", fmtname);
	opts.format = fmtname;
	if (rejects_path && !opts.skip_invalid)
		return lcm_cli_usage_error(&cli, "--rejects needs --skip-invalid");
	opts.now = cli.now;
	nfiles = argc - optind;
	files = nfiles ? (const char *const *)argv + optind : stdin_only;
	/* "lcm-import --staff X" marks the persons already there */
	if (!nfiles && !staff.n && !link_map)
		nfiles = 1;

	if (rejects_path) {
		opts.rejects = fopen(rejects_path, "w");
		opts.rejects_name = rejects_path;
		if (!opts.rejects) {
			lcm_error_at(&err, rejects_path, 0, "cannot create: %s", strerror(errno));
			return lcm_cli_fail(&cli, &err);
		}
		fputs("line,reason,row\n", opts.rejects);
	}
	if (!nfiles) {
		/* --staff alone: on the persons of a store that must be there */
		if (open_existing(&cli, &st, 0, (int)wait * 1000) != LCM_EXIT_OK) {
			status = LCM_EXIT_ERROR;
			goto out;
		}
	} else if (lcm_store_open(&st, lcm_store_default_path(cli.db), LCM_STORE_CREATE,
				  (int)wait * 1000, &err) < 0) {
		status = lcm_cli_fail(&cli, &err);
		goto out;
	}
	opened = 1;
	for (i = 0; i < nfiles; i++) {
		const char *name = strcmp(files[i], "-") == 0 ? "(stdin)" : files[i];

		lcm_err_init(&err);
		t0 = seconds();
		/* progress only for a person watching: a terminal, not -q */
		if (!cli.quiet && isatty(STDERR_FILENO)) {
			opts.progress = progress;
			opts.progress_arg = &t0;
		}
		rc = lcm_import_file(&st, files[i], &opts, &stats, &err);
		if (opts.progress && seconds() - t0 >= 1.0)
			fputs("\r\033[K", stderr);	/* clear the progress line */
		if (rc < 0) {
			/* a bad file is reported, and the others still go in */
			status = lcm_cli_fail(&cli, &err);
			continue;
		}
		if (stats.cp1252 && !cli.quiet)
			lcm_cli_warn(&cli, "%s: not UTF-8, read as Windows-1252 (see --encoding)",
				     name);
		if (!cli.quiet)
			summary(name, &stats, seconds() - t0, opts.dry_run);
	}
	if (staff.n && mark_staff(&cli, &st, opts.dry_run) != LCM_EXIT_OK)
		status = LCM_EXIT_ERROR;
	if (link_map && apply_link_map(&cli, &st, opts.dry_run) != LCM_EXIT_OK)
		status = LCM_EXIT_ERROR;
out:
	if (opened)
		lcm_store_close(&st);
	if (opts.rejects && fclose(opts.rejects) != 0) {
		lcm_error_at(&err, rejects_path, 0, "cannot write: %s", strerror(errno));
		status = lcm_cli_fail(&cli, &err);
	}
	return lcm_cli_finish(&cli, status);
}
