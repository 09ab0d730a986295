/*
 * lcm-nudge - turn lcm's lists into messages, send each once, and
 * follow up whether they worked.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"
#include "pseudo.h"
#include "store.h"
#include "timefmt.h"
#include "versions.h"
#include "nudge/followup.h"
#include "nudge/nudge.h"
#include "nudge/record.h"

struct settings {
	struct lcm_nudge_opts o;
	struct lcm_nudge_followup_opts fo;
	const char *fmt, *skipped;
	int64_t since, window;
	int max, min_group, followup, pseudo, by_template;
	int modes;		/* --outbox, --mbox, --send: one at most */
};

static struct lcm_cli cli;
/* main starts from these (the option fuzzer calls it again and again) */
static const struct settings defaults = {
	.o = { .mode = LCM_NUDGE_DRY, .cooldown = 7 * 86400 },
	.since = INT64_MIN, .window = 7 * 86400, .min_group = 10,
};
static struct settings s;

/* --outbox DIR, --mbox FILE, --send: where the messages go, one of them. */
static int
destination(void *value, enum lcm_nudge_mode mode, const char *dest)
{
	struct settings *set = value;

	set->o.mode = mode;
	set->o.dest = dest;
	set->modes++;
	return 0;
}

static int
outbox(const char *arg, void *value, struct lcm_err *err)
{
	(void)err;
	return destination(value, LCM_NUDGE_OUTBOX, arg);
}

static int
mbox(const char *arg, void *value, struct lcm_err *err)
{
	(void)err;
	return destination(value, LCM_NUDGE_MBOX, arg);
}

static int
send(const char *arg, void *value, struct lcm_err *err)
{
	(void)arg;
	(void)err;
	return destination(value, LCM_NUDGE_SEND, NULL);
}

static const struct lcm_choice by_keys[] = { { "template", 1 }, { NULL, 0 } };

static const struct lcm_option options[] = {
	LCM_OPTION_DB(cli, "store file (default: $LCM_DB, else ./lcm.db)"),
	{ .name = "template", .short_name = 't', .arg = "TEMPLATE", .type = LCM_ARG_STR,
	  .value = &s.o.template, .complete = "@file", .flags = LCM_OPTF_REQUIRED,
	  .help = "the message: headers, a blank line, the body; TEMPLATE.xx.txt for"
		  " persons whose language is xx" },
	{ .name = "outbox", .arg = "DIR", .type = LCM_ARG_FUNC, .value = &s, .parse = outbox,
	  .complete = "@dir", .flags = LCM_OPTF_OR, .help = "one message file per person in DIR" },
	{ .name = "mbox", .arg = "FILE", .type = LCM_ARG_FUNC, .value = &s, .parse = mbox,
	  .complete = "@file", .flags = LCM_OPTF_OR, .help = "append the messages to an mbox" },
	LCM_FUNC("send", 0, NULL, &s, send,
		 "pipe each to $LCM_SENDMAIL, else 'sendmail -t -oi' (none of the three:"
		 " print them, record nothing)"),
	LCM_STR("from", 0, "ADDR", &s.o.from, "From when the template has none"),
	LCM_STR("url", 0, "TEMPLATE", &s.o.url,
		"{{url}} of thread rows: {thread} {post} {course} {forum}"),
	LCM_STR("group-by", 0, "FIELD", &s.o.group_by,
		"one message per value (an address), {{#rows}} its rows"),
	LCM_DURATION("cooldown", "DUR", &s.o.cooldown, 0,
		     "skip persons sent the same template within DUR (default: 7d)"),
	LCM_INT("max", "N", &s.max, 1, 1000000, "at most N messages this run"),
	LCM_FILE("skipped", 0, "FILE", &s.skipped,
		 "the rows skipped, and why, as CSV (default: stderr)"),
	/* the second form's: its usage line is more_usages[0] */
	{ .name = "followup", .type = LCM_ARG_FLAG, .value = &s.followup,
	  .flags = LCM_OPTF_NO_USAGE, .help = "did the persons written to come back?" },
	{ .name = "since", .arg = "TIME", .type = LCM_ARG_TIME, .value = &s.since,
	  .flags = LCM_OPTF_NO_USAGE, .help = "records from TIME (default: 30 days before --now)" },
	{ .name = "window", .arg = "DUR", .type = LCM_ARG_DURATION, .value = &s.window,
	  .flags = LCM_OPTF_NO_USAGE, .help = "what counts as coming back (default: 7d)" },
	{ .name = "by", .arg = "template", .type = LCM_ARG_CHOICE, .value = &s.by_template,
	  .choices = by_keys, .flags = LCM_OPTF_NO_USAGE,
	  .help = "sums per template, beside the comparison group" },
	{ .name = "min-group", .arg = "N", .type = LCM_ARG_INT, .value = &s.min_group,
	  .min = 1, .max = 1000000, .flags = LCM_OPTF_NO_USAGE,
	  .help = "smaller groups are too small to compare (default: 10)" },
	{ .name = "pseudonymize", .type = LCM_ARG_FLAG, .value = &s.pseudo,
	  .flags = LCM_OPTF_NO_USAGE,
	  .help = "--followup: persons as HMAC pseudonyms (LCM_PSEUDO_KEY)" },
	{ .name = "format", .short_name = 'f', .arg = "FORMAT", .type = LCM_ARG_STR,
	  .value = &s.fmt, .complete = "table csv tsv json ndjson", .flags = LCM_OPTF_NO_USAGE,
	  .help = "--followup: table, csv, tsv, json, ndjson" },
	LCM_OPTION_NOW(cli, "the time of the run (Date, records, cooldown)"),
	LCM_OPTION_QUIET(cli, "no messages but errors"),
	LCM_OPTIONS_END(cli)
};

static const char *const more_usages[] = {
	"[--db PATH] --followup [--since TIME] [--window DUR] [--by template]"
	" [--min-group N] [--pseudonymize] [-f FORMAT] [--now TIME]",
	NULL
};

static const struct lcm_program program = {
	.options = options,
	.operands = "[FILE]",
	.operand_complete = "@file",
	.more_usages = more_usages,
	.purpose = "Write one message per row of lcm-engage or lcm-unanswered, once.",
	.epilogue = "FILE is the rows (CSV, JSON or NDJSON; - for standard input).\n"
		    "Exit status: 0 something sent or listed, 1 nothing, 2 an error.\n",
	.version = lcm_print_versions,
};

/* Says each skip on stderr, or writes them to path as CSV. */
static int
report_skips(const struct lcm_nudge_result *res, const char *path)
{
	const struct lcm_nudge_skip *k;
	char who[64], name[64];
	FILE *fp;
	size_t i;

	/* quoted: a name may hold a line end */
	for (i = 0; !path && !cli.quiet && i < res->nskips; i++) {
		k = &res->skips[i];
		lcm_cli_warn(&cli, "skipped %s%s%s%s: %s", lcm_err_quote(k->person, who, sizeof(who)),
			     k->name ? " (" : "", k->name ? lcm_err_quote(k->name, name, sizeof(name)) : "",
			     k->name ? ")" : "", k->reason);
	}
	if (path && (!(fp = fopen(path, "w")) || lcm_nudge_skips_write(fp, res) | fclose(fp))) {
		lcm_cli_warn(&cli, "cannot write '%s'", path);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct lcm_nudge_table t = { 0 };
	struct lcm_nudge_result res = { 0 };
	struct lcm_nudge_backs backs = { 0 };
	struct lcm_store st = { 0 };
	struct lcm_err err;
	const char *file, *sendmail;
	int r, first, status = LCM_EXIT_ERROR;
	FILE *in = NULL;

	lcm_cli_init(&cli, "lcm-nudge");
	s = defaults;
	lcm_err_init(&err);
	if ((r = lcm_options_parse(&cli, &program, argc, argv, &first)) != 0) {
		status = r > 0 ? LCM_EXIT_OK : LCM_EXIT_ERROR;
		goto out;
	}
	s.o.max = s.max;
	s.fo.min_group = s.min_group;
	s.fo.by_template = s.by_template;
	if (s.modes > 1) {
		status = lcm_cli_usage_error(&cli, "--outbox, --mbox and --send go one at a time");
		goto out;
	}
	if (s.followup) {
		if (s.o.template || s.modes || argc > first) {
			status = lcm_cli_usage_error(&cli, "--followup reads the store: no template, output or FILE");
			goto out;
		}
		if (lcm_cli_format(&cli, s.fmt, &s.fo.fmt) < 0)
			goto out;
		if (s.pseudo && lcm_pseudo_key(&cli, &s.fo.key) != LCM_EXIT_OK)
			goto out;
		if (lcm_store_open(&st, lcm_store_default_path(cli.db), LCM_STORE_READONLY,
				   5000, &err) < 0) {
			status = lcm_cli_fail(&cli, &err);
			goto out;
		}
		if ((r = lcm_nudge_record_open(&st, 0, &err)) < 0 ||
		    (r && lcm_nudge_followup(&st, s.since == INT64_MIN ? cli.now - 30 * 86400 : s.since,
					     cli.now, s.window, &backs, &err) < 0)) {
			status = lcm_cli_fail(&cli, &err);
			goto out;
		}
		r = lcm_nudge_followup_render(stdout, &backs, &s.fo);
		status = lcm_cli_flush(&cli, r) < 0 ? LCM_EXIT_ERROR :
			backs.n ? LCM_EXIT_OK : LCM_EXIT_NONE;
		goto out;
	}
	if (s.pseudo) {
		status = lcm_cli_usage_error(&cli, "--pseudonymize goes with --followup: "
					   "a pseudonym has no address");
		goto out;
	}
	if (!s.o.template) {
		status = lcm_cli_usage_error(&cli, "no template: give -t FILE");
		goto out;
	}
	if (argc - first > 1) {
		status = lcm_cli_usage_error(&cli, "one FILE of rows at most");
		goto out;
	}
	file = first < argc ? argv[first] : "-";
	/* cron's empty pipe: say so rather than wait or send nothing */
	if (first == argc && !lcm_nudge_stdin_has_data()) {
		status = lcm_cli_usage_error(&cli, "no rows: give a FILE, or pipe lcm-engage "
					   "or lcm-unanswered into '-'");
		goto out;
	}
	if (!(in = strcmp(file, "-") == 0 ? stdin : fopen(file, "r"))) {
		lcm_cli_warn(&cli, "cannot open '%s'", file);
		goto out;
	}
	if (lcm_nudge_table_read(in, in == stdin ? "<stdin>" : file, &t, &err) < 0) {
		status = lcm_cli_fail(&cli, &err);
		goto out;
	}
	lcm_nudge_table_expand_suggested(&t);
	if (s.o.mode == LCM_NUDGE_SEND) {
		sendmail = getenv("LCM_SENDMAIL");
		s.o.dest = sendmail && *sendmail ? sendmail : "sendmail -t -oi";
		/* a sendmail that dies early is an error, not our death */
		signal(SIGPIPE, SIG_IGN);
	}
	if (lcm_store_open(&st, lcm_store_default_path(cli.db),
			   s.o.mode == LCM_NUDGE_DRY ? LCM_STORE_READONLY : 0, 5000, &err) < 0) {
		status = lcm_cli_fail(&cli, &err);
		goto out;
	}
	s.o.now = cli.now;
	s.o.dry = stdout;
	r = lcm_nudge_run(&st, &t, &s.o, &res, &err);
	if (report_skips(&res, s.skipped) < 0 || (r < 0 && lcm_cli_fail(&cli, &err)))
		goto out;
	if (!cli.quiet && s.o.mode != LCM_NUDGE_DRY)
		lcm_cli_warn(&cli, "%zu message%s %s, %zu skipped", res.sent,
			     res.sent == 1 ? "" : "s", s.o.mode == LCM_NUDGE_SEND ? "sent" :
			     "written", res.nskips);
	status = res.sent ? LCM_EXIT_OK : LCM_EXIT_NONE;
out:
	if (in && in != stdin)
		fclose(in);
	lcm_nudge_table_release(&t);
	lcm_nudge_result_release(&res);
	lcm_nudge_backs_free(&backs);
	lcm_store_close(&st);	/* safe on a store never opened */
	return lcm_cli_finish(&cli, status);
}
