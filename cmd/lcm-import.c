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

#include "cli.h"
#include "import_run.h"
#include "names.h"
#include "options.h"
#include "pseudo.h"
#include "size.h"
#include "timefmt.h"
#include "versions.h"
#include "xalloc.h"

/*
 * The --staff and --staff-file names and the --link-map, loaded with the
 * options; static, as forget below, and freed when main runs again (the
 * option fuzzer calls it over and over).
 */
static struct lcm_names staff;
static struct lcm_link_map *link_map;

/*
 * The --forget values, in order (argv's strings). Static: reachable at
 * exit from every return.
 */
static const char **forget;

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
	return lcm_names_add_list(&staff, arg) ? 0 : lcm_error(err, "no person given");
}

/* --staff-file: a name a line, blank lines and '#' comments skipped. */
static int
staff_file(const char *path, void *value, struct lcm_err *err)
{
	(void)value;
	return lcm_names_add_file(&staff, path, err);
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
	LCM_FUNC("year", 0, "YYYY", &s.opts.time.year, lcm_import_read_year,
		 "year of log times written without one (9 Mar, 14:05)"),
	LCM_CHOICE("date-order", "dmy|mdy", &s.opts.time.order, date_orders,
		   "order of numeric dates (default: dmy)"),
	{ .name = "encoding", .arg = "ENC", .type = LCM_ARG_FUNC, .value = &s.opts.encoding,
	  .parse = lcm_import_read_encoding, .complete = "auto utf-8 windows-1252 utf-16le utf-16be",
	  .help = "auto, utf-8, windows-1252, utf-16le, utf-16be" },
	LCM_FLAG("dry-run", 'n', &s.opts.dry_run, "read and check everything, change nothing"),
	LCM_FLAG("skip-invalid", 0, &s.opts.skip_invalid, "import the good rows, skip the bad ones"),
	LCM_FILE("rejects", 0, "FILE", &s.rejects_path,
		 "with --skip-invalid: write skipped rows there (CSV: line,reason,row)"),
	LCM_FUNC("lang", 0, "LANG", &s.opts.lang, lcm_import_read_lang,
		 "xapi: language of names (default: en, else the first)"),
	LCM_CHOICE("link-by", "KEY", &s.opts.link_by, lcm_link_bys,
		   "one person per email (default), username, name, or none"),
	{ .name = "link-map", .arg = "FILE", .type = LCM_ARG_FUNC, .value = NULL,
	  .parse = link_map_file, .complete = "@file",
	  .help = "CSV platform,account,person: who is who across platforms (person:"
		  " e-mail or platform:id), after the files" },
	LCM_DURATION("wait", "DUR", &s.wait, 86400,
		     "wait that long for another import (default: 5s)"),
	LCM_FUNC("max-field-size", 0, "SIZE", &s.opts.max_field, lcm_import_read_field_size,
		 "largest CSV field and row (default: 4M)"),
	LCM_INT("max-fields", "N", &s.max_fields, 1, 1000000,
		"most fields in a CSV row (default: 10000)"),
	LCM_FUNC("max-json-size", 0, "SIZE", &s.opts.max_json, lcm_import_read_json_size,
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
	struct lcm_import_job job;
	struct lcm_err err;
	const char *stdin_only[] = { "-" }, *key = NULL;
	const char *const *files;
	int r, first, nfiles;

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
	lcm_names_release(&staff);
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
		return lcm_cli_finish(&cli, lcm_import_persons(&cli, s.fmtname, key));
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
		return lcm_cli_finish(&cli, lcm_import_erase(&cli, req, (int)s.wait * 1000));
	}
	if (s.fmtname && !lcm_import_format_known(s.fmtname))
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

	job.files = files;
	job.nfiles = nfiles;
	job.rejects_path = s.rejects_path;
	job.staff = &staff;
	job.map = link_map;
	job.busy_ms = (int)s.wait * 1000;
	return lcm_cli_finish(&cli, lcm_import_run(&cli, &job, opts));
}
