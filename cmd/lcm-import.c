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
#include "options.h"
#include "pseudo.h"
#include "render.h"
#include "size.h"
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
staff_file(const char *path, void *value, struct lcm_err *err)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *fp = fopen(path, "r");
	int rc = 0;

	(void)value;
	if (!fp)
		return lcm_error_at(err, path, 0, "cannot open: %s", strerror(errno));
	while ((len = getline(&line, &cap, fp)) >= 0)
		if (line[strspn(line, " \t")] != '#')
			staff_add(line, (size_t)len);
	if (ferror(fp))
		rc = lcm_error_at(err, path, 0, "cannot read: %s", strerror(errno));
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

struct settings {
	struct lcm_import_opts opts;
	struct lcm_erase_req req;	/* --forget, --purge-before */
	const char *rejects_path, *fmtname, *purge;
	const char *starts[65];		/* --start, NULL-terminated */
	size_t nstarts;
	int64_t wait;			/* seconds to wait for another writer */
	int max_fields, persons, pseudo;
};

static struct lcm_cli cli;
/* main starts from these (the option fuzzer calls it again and again) */
static const struct settings defaults = { .wait = 5 };
static struct settings s;

static int
year(const char *arg, void *value, struct lcm_err *err)
{
	char *end;
	long y = strtol(arg, &end, 10);

	if (*end || end == arg || y < 1970 || y > 9999)
		return lcm_error(err, "not a year: '%s'", arg);
	*(int *)value = (int)y;
	return 0;
}

static int
encoding(const char *arg, void *value, struct lcm_err *err)
{
	if (lcm_encoding_parse(arg, value) < 0)
		return lcm_error(err, "unknown encoding '%s'", arg);
	return 0;
}

static int
lang(const char *arg, void *value, struct lcm_err *err)
{
	if (!*arg || strspn(arg, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789-") != strlen(arg))
		return lcm_error(err, "not a language tag: '%s'", arg);
	*(const char **)value = arg;
	return 0;
}

static int
forget_one(const char *arg, void *value, struct lcm_err *err)
{
	struct lcm_erase_req *req = value;

	if (!*arg)
		return lcm_error(err, "no person given");
	forget[req->nforget++] = arg;
	return 0;
}

static int
staff_names(const char *arg, void *value, struct lcm_err *err)
{
	(void)value;
	return staff_list(arg) < 0 ? lcm_error(err, "no person given") : 0;
}

/* --start PRES=YYYY-MM-DD: an OULAD presentation's start. */
static int
start(const char *arg, void *value, struct lcm_err *err)
{
	struct settings *set = value;
	const char *eq = strchr(arg, '=');
	char iso[32];
	int64_t t;

	if (set->nstarts == 64)
		return lcm_error(err, "at most 64");
	snprintf(iso, sizeof(iso), "%sT00:00:00Z", eq ? eq + 1 : "");
	if (!eq || eq == arg || strlen(eq + 1) != 10 || lcm_time_parse_iso(iso, &t, err) < 0) {
		lcm_err_init(err);
		return lcm_error(err, "not PRESENTATION=YYYY-MM-DD: '%s'", arg);
	}
	set->starts[set->nstarts++] = arg;
	set->opts.starts = set->starts;
	return 0;
}

static int
link_map_file(const char *arg, void *value, struct lcm_err *err)
{
	(void)value;
	lcm_link_map_free(link_map);
	link_map = NULL;
	return lcm_link_map_load(arg, &link_map, err);
}

static int
field_size(const char *arg, void *value, struct lcm_err *err)
{
	return lcm_size_parse(arg, (size_t)1 << 30, value, err);
}

static int
json_size(const char *arg, void *value, struct lcm_err *err)
{
	return lcm_size_parse(arg, JSON_SIZE_MAX, value, err);
}

static const struct lcm_choice date_orders[] = {
	{ "dmy", LCM_DMY }, { "mdy", LCM_MDY }, { NULL, 0 }
};

static const struct lcm_option options[] = {
	LCM_OPTION_DB(cli, "store file (default: $LCM_DB, else ./lcm.db)"),
	{ .name = "format", .short_name = 'f', .arg = "FORMAT", .type = LCM_ARG_STR,
	  .value = &s.fmtname, .words = lcm_import_formats,
	  .help = "input format (lcm-import(1) lists them), else detected from the"
		  " header, keys or root element; with --persons: the output format" },
	LCM_OPTION_TZ(cli, "zone of times written without one (default: TZ)"),
	LCM_STR("course", 0, "NAME", &s.opts.course, "course the forum export or log belongs to"),
	LCM_STR("forum", 0, "NAME", &s.opts.forum, "forum of a forum export (default: file name)"),
	LCM_STR("platform", 0, "NAME", &s.opts.platform,
		"platform of the ids in lcm-* files (default: lcm)"),
	LCM_FUNC("year", 0, "YYYY", &s.opts.time.year, year,
		 "year of log times written without one (9 Mar, 14:05)"),
	LCM_CHOICE("date-order", "dmy|mdy", &s.opts.time.order, date_orders,
		   "order of numeric dates (default: dmy)"),
	{ .name = "encoding", .arg = "ENC", .type = LCM_ARG_FUNC, .value = &s.opts.encoding,
	  .parse = encoding, .complete = "auto utf-8 windows-1252 utf-16le utf-16be",
	  .help = "auto, utf-8, windows-1252, utf-16le, utf-16be" },
	LCM_FLAG("dry-run", 'n', &s.opts.dry_run, "read and check everything, change nothing"),
	LCM_FLAG("skip-invalid", 0, &s.opts.skip_invalid, "import the good rows, skip the bad ones"),
	LCM_FILE("rejects", 0, "FILE", &s.rejects_path,
		 "with --skip-invalid: write skipped rows there (CSV: line,reason,row)"),
	LCM_FUNC("lang", 0, "LANG", &s.opts.lang, lang,
		 "xapi: language of names (default: en, else the first)"),
	LCM_CHOICE("link-by", "KEY", &s.opts.link_by, lcm_link_bys,
		   "one person per email (default), username, name, or none"),
	{ .name = "link-map", .arg = "FILE", .type = LCM_ARG_FUNC, .value = NULL,
	  .parse = link_map_file, .complete = "@file",
	  .help = "CSV platform,account,person: who is who across platforms (person:"
		  " e-mail or platform:id), after the files" },
	LCM_DURATION("wait", "DUR", &s.wait, 86400,
		     "wait that long for another import (default: 5s)"),
	LCM_FUNC("max-field-size", 0, "SIZE", &s.opts.max_field, field_size,
		 "largest CSV field and row (default: 4M)"),
	LCM_INT("max-fields", "N", &s.max_fields, 1, 1000000,
		"most fields in a CSV row (default: 10000)"),
	LCM_FUNC("max-json-size", 0, "SIZE", &s.opts.max_json, json_size,
		 "largest JSON document or NDJSON line (default: 64M)"),
	{ .name = "staff", .arg = "NAMES", .type = LCM_ARG_FUNC, .parse = staff_names,
	  .flags = LCM_OPTF_REPEAT,
	  .help = "make staff the persons named (','-separated names, e-mail addresses,"
		  " usernames or platform:id; repeatable), after the files; with no FILE,"
		  " no standard input is read" },
	{ .name = "staff-file", .arg = "FILE", .type = LCM_ARG_FUNC, .parse = staff_file,
	  .complete = "@file", .help = "the same, one person a line ('#' comments)" },
	{ .name = "start", .arg = "PRES=DATE", .type = LCM_ARG_FUNC, .value = &s,
	  .parse = start, .flags = LCM_OPTF_REPEAT,
	  .help = "an OULAD presentation's start (AAA-2013J=2013-10-05; default: the 1st"
		  " of February (B) or October (J))" },
	LCM_OPTION_NOW(cli, "time recorded as the import's (default: now)"),
	LCM_OPTION_QUIET(cli, "no summary, only errors"),
	/* the other forms' */
	{ .name = "persons", .type = LCM_ARG_FLAG, .value = &s.persons,
	  .flags = LCM_OPTF_NO_USAGE, .help = "print each person and their accounts, then exit" },
	{ .name = "pseudonymize", .type = LCM_ARG_FLAG, .value = &s.pseudo,
	  .flags = LCM_OPTF_NO_USAGE,
	  .help = "with --persons: pseudonyms (key in LCM_PSEUDO_KEY), no name, e-mail or"
		  " account id" },
	{ .name = "forget", .arg = "PERSON", .type = LCM_ARG_FUNC, .value = &s.req,
	  .parse = forget_one, .flags = LCM_OPTF_NO_USAGE,
	  .help = "erase a person and all they wrote (platform:id, id or e-mail;"
		  " repeatable)" },
	{ .name = "purge-before", .arg = "DATE", .type = LCM_ARG_STR, .value = &s.purge,
	  .flags = LCM_OPTF_NO_USAGE,
	  .help = "drop events before DATE, and threads whose newest post is before DATE" },
	LCM_OPTIONS_END(cli)
};

static const char *const more_usages[] = {
	"--persons [--pseudonymize] [--db PATH] [-f table|csv|tsv|json|ndjson]",
	"[--forget PERSON]... [--purge-before DATE] [--db PATH] [-n] [--wait DUR] [-q]",
	NULL
};

static const struct lcm_program program = {
	.options = options,
	.operands = "[FILE...]",
	.operand_complete = "@file",
	.more_usages = more_usages,
	.purpose = "Load LMS export files (or standard input) into the lcm store.",
	.epilogue = "Each file is one transaction: a bad row leaves the store unchanged.\n"
		    "--forget and --purge-before are one transaction, with the deleted bytes\n"
		    "overwritten and the WAL emptied.\n"
		    "NDJSON is read line by line; FILE.gz is read through zlib.\n"
		    "Exit status: 0 imported, 2 an error (see lcm-import(1)).\n",
	.version = lcm_print_versions,
};

int
main(int argc, char **argv)
{
	struct lcm_import_opts *opts = &s.opts;
	struct lcm_erase_req *req = &s.req;
	struct lcm_import_stats stats;
	struct lcm_store st = { 0 };
	struct lcm_err err;
	const char *stdin_only[] = { "-" }, *key = NULL;
	const char *const *files;
	int r, rc, first, nfiles, i, status = LCM_EXIT_OK, opened = 0;
	double t0;

	/*
	 * Past a file size limit (ulimit -f) a write fails with EFBIG, which
	 * SQLite reports and rolls back, instead of the signal killing the
	 * import without a word.
	 */
	signal(SIGXFSZ, SIG_IGN);
	lcm_cli_init(&cli, "lcm-import");
	s = defaults;
	lcm_err_init(&err);
	free(forget);
	forget = lcm_xcalloc((size_t)argc, sizeof(*forget));
	staff_release();
	lcm_link_map_free(link_map);
	link_map = NULL;
	if ((r = lcm_options_parse(&cli, &program, argc, argv, &first)) != 0)
		return lcm_cli_finish(&cli, r > 0 ? LCM_EXIT_OK : LCM_EXIT_ERROR);
	opts->max_fields = (size_t)s.max_fields;
	if (s.pseudo && !s.persons)
		return lcm_cli_usage_error(&cli, "--pseudonymize goes with --persons");
	if (s.persons && (req->nforget || s.purge || staff.n))
		return lcm_cli_usage_error(&cli, "--persons cannot go with %s",
					   req->nforget ? "--forget" : s.purge ? "--purge-before" :
					   "--staff");
	if (staff.n && (req->nforget || s.purge))
		return lcm_cli_usage_error(&cli, "--staff cannot go with %s",
					   req->nforget ? "--forget" : "--purge-before");
	if (s.persons) {
		if (first < argc)
			return lcm_cli_usage_error(&cli, "--persons takes no file");
		if (s.pseudo && lcm_pseudo_key(&cli, &key) != LCM_EXIT_OK)
			return LCM_EXIT_ERROR;
		return lcm_cli_finish(&cli, print_persons(&cli, s.fmtname, key));
	}
	if (req->nforget || s.purge) {
		if (first < argc)
			return lcm_cli_usage_error(&cli, "%s takes no file: import and erase"
						   " in two runs", req->nforget ? "--forget" :
						   "--purge-before");
		if (s.purge && lcm_time_parse(s.purge, NULL, &req->before, &err) < 0)
			return lcm_cli_usage_error(&cli, "--purge-before: %s", err.msg);
		/* "1 year" for "1 year ago" would empty the store */
		if (s.purge && req->before > cli.now)
			return lcm_cli_usage_error(&cli, "--purge-before: '%s' is in the future:"
						   " it would drop everything", s.purge);
		req->forget = forget;
		req->purge = s.purge != NULL;
		req->dry_run = opts->dry_run;
		return lcm_cli_finish(&cli, erase(&cli, req, (int)s.wait * 1000));
	}
	if (s.fmtname && !valid_format(s.fmtname))
		return lcm_cli_usage_error(&cli, "unknown format '%s'", s.fmtname);
	opts->format = s.fmtname;
	if (s.rejects_path && !opts->skip_invalid)
		return lcm_cli_usage_error(&cli, "--rejects needs --skip-invalid");
	opts->now = cli.now;
	nfiles = argc - first;
	files = nfiles ? (const char *const *)argv + first : stdin_only;
	/* "lcm-import --staff X" marks the persons already there */
	if (!nfiles && !staff.n && !link_map)
		nfiles = 1;

	if (s.rejects_path) {
		opts->rejects = fopen(s.rejects_path, "w");
		opts->rejects_name = s.rejects_path;
		if (!opts->rejects) {
			lcm_error_at(&err, s.rejects_path, 0, "cannot create: %s", strerror(errno));
			return lcm_cli_fail(&cli, &err);
		}
		fputs("line,reason,row\n", opts->rejects);
	}
	if (!nfiles) {
		/* --staff alone: on the persons of a store that must be there */
		if (open_existing(&cli, &st, 0, (int)s.wait * 1000) != LCM_EXIT_OK) {
			status = LCM_EXIT_ERROR;
			goto out;
		}
	} else if (lcm_store_open(&st, lcm_store_default_path(cli.db), LCM_STORE_CREATE,
				  (int)s.wait * 1000, &err) < 0) {
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
			opts->progress = progress;
			opts->progress_arg = &t0;
		}
		rc = lcm_import_file(&st, files[i], opts, &stats, &err);
		if (opts->progress && seconds() - t0 >= 1.0)
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
			summary(name, &stats, seconds() - t0, opts->dry_run);
	}
	if (staff.n && mark_staff(&cli, &st, opts->dry_run) != LCM_EXIT_OK)
		status = LCM_EXIT_ERROR;
	if (link_map && apply_link_map(&cli, &st, opts->dry_run) != LCM_EXIT_OK)
		status = LCM_EXIT_ERROR;
out:
	if (opened)
		lcm_store_close(&st);
	if (opts->rejects && fclose(opts->rejects) != 0) {
		lcm_error_at(&err, s.rejects_path, 0, "cannot write: %s", strerror(errno));
		status = lcm_cli_fail(&cli, &err);
	}
	return lcm_cli_finish(&cli, status);
}
