/*
 * lcm-nudge - turn lcm's lists into messages, send each once, and
 * follow up whether they worked.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "pseudo.h"
#include "store.h"
#include "timefmt.h"
#include "versions.h"
#include "nudge/followup.h"
#include "nudge/nudge.h"
#include "nudge/record.h"

enum {
	OPT_OUTBOX = LCM_OPT_FIRST_PROGRAM, OPT_MBOX, OPT_SEND,
	OPT_FROM, OPT_URL, OPT_COOLDOWN, OPT_MAX, OPT_SKIPPED, OPT_FOLLOWUP,
	OPT_SINCE, OPT_WINDOW, OPT_BY, OPT_MIN_GROUP, OPT_PSEUDONYMIZE, OPT_GROUP_BY
};

static const struct option options[] = {
	LCM_CLI_OPTIONS,
	{ "format", required_argument, NULL, 'f' },
	{ "template", required_argument, NULL, 't' },
	{ "outbox", required_argument, NULL, OPT_OUTBOX },
	{ "mbox", required_argument, NULL, OPT_MBOX },
	{ "send", no_argument, NULL, OPT_SEND },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "url", required_argument, NULL, OPT_URL },
	{ "group-by", required_argument, NULL, OPT_GROUP_BY },
	{ "cooldown", required_argument, NULL, OPT_COOLDOWN },
	{ "max", required_argument, NULL, OPT_MAX },
	{ "skipped", required_argument, NULL, OPT_SKIPPED },
	{ "followup", no_argument, NULL, OPT_FOLLOWUP },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "window", required_argument, NULL, OPT_WINDOW },
	{ "by", required_argument, NULL, OPT_BY },
	{ "min-group", required_argument, NULL, OPT_MIN_GROUP },
	{ "pseudonymize", no_argument, NULL, OPT_PSEUDONYMIZE },
	{ NULL, 0, NULL, 0 }
};

static void
usage(void)
{
	printf("Usage: lcm-nudge [--db PATH] -t TEMPLATE [--outbox DIR | --mbox FILE | --send]\n"
	       "                 [--from ADDR] [--url TEMPLATE] [--group-by FIELD]\n"
	       "                 [--cooldown DUR] [--max N] [--skipped FILE] [--now TIME]\n"
	       "                 [-q] [FILE]\n"
	       "       lcm-nudge [--db PATH] --followup [--since TIME] [--window DUR]\n"
	       "                 [--by template] [--min-group N] [--pseudonymize]\n"
	       "                 [-f FORMAT] [--now TIME]\n"
	       "Write one message per row of lcm-engage or lcm-unanswered, once.\n"
	       "\n"
	       "  --db PATH          store file (default: $LCM_DB, else ./lcm.db)\n"
	       "  -t, --template FILE  the message: headers, a blank line, the body;\n"
	       "                     FILE.xx.txt for persons whose language is xx\n"
	       "  --outbox DIR       one message file per person in DIR\n"
	       "  --mbox FILE        append the messages to an mbox\n"
	       "  --send             pipe each to $LCM_SENDMAIL, else 'sendmail -t -oi'\n"
	       "                     (none of the three: print them, record nothing)\n"
	       "  --from ADDR        From when the template has none\n"
	       "  --url TEMPLATE     {{url}} of thread rows: {thread} {post} {course} {forum}\n"
	       "  --group-by FIELD   one message per value (an address), {{#rows}} its rows\n"
	       "  --cooldown DUR     skip persons sent the same template within DUR (7d)\n"
	       "  --max N            at most N messages this run\n"
	       "  --skipped FILE     the rows skipped, and why, as CSV (default: stderr)\n"
	       "  --followup         did the persons written to come back?\n"
	       "  --since TIME       records from TIME (default: 30 days before --now)\n"
	       "  --window DUR       what counts as coming back (default: 7d)\n"
	       "  --by template      sums per template, beside the comparison group\n"
	       "  --min-group N      smaller groups are too small to compare (default: 10)\n"
	       "  --pseudonymize     --followup: persons as HMAC pseudonyms (LCM_PSEUDO_KEY)\n"
	       "  -f, --format FMT   --followup: table, csv, tsv, json, ndjson\n"
	       "  --now TIME         the time of the run (Date, records, cooldown)\n"
	       "  -q, --quiet        no messages but errors\n"
	       "  -h, --help         show this help and exit\n"
	       "  -V, --version      show the version and exit\n"
	       "\n"
	       "FILE is the rows (CSV, JSON or NDJSON; - for standard input).\n"
	       "Exit status: 0 something sent or listed, 1 nothing, 2 an error.\n");
}

/* Says each skip on stderr, or writes them to path as CSV. */
static int
report_skips(const struct lcm_cli *cli, const struct lcm_nudge_result *res,
	     const char *path)
{
	const struct lcm_nudge_skip *k;
	char who[64], name[64];
	FILE *fp;
	size_t i;

	/* quoted: a name may hold a line end */
	for (i = 0; !path && !cli->quiet && i < res->nskips; i++) {
		k = &res->skips[i];
		lcm_cli_warn(cli, "skipped %s%s%s%s: %s", lcm_err_quote(k->person, who, sizeof(who)),
			     k->name ? " (" : "", k->name ? lcm_err_quote(k->name, name, sizeof(name)) : "",
			     k->name ? ")" : "", k->reason);
	}
	if (path && (!(fp = fopen(path, "w")) || lcm_nudge_skips_write(fp, res) | fclose(fp))) {
		lcm_cli_warn(cli, "cannot write '%s'", path);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct lcm_cli cli;
	struct lcm_nudge_opts o = { .mode = LCM_NUDGE_DRY, .cooldown = 7 * 86400 };
	struct lcm_nudge_followup_opts fo = { .min_group = 10 };
	struct lcm_nudge_table t = { 0 };
	struct lcm_nudge_result res = { 0 };
	struct lcm_nudge_backs backs = { 0 };
	struct lcm_store st = { 0 };
	struct lcm_err err;
	const char *fmt = NULL, *skipped = NULL, *file, *sendmail;
	int64_t since = INT64_MIN, window = 7 * 86400;
	int c, r, status = LCM_EXIT_ERROR, followup = 0, pseudo = 0, modes = 0;
	FILE *in = NULL;
	char *end;
	long n;

	lcm_cli_init(&cli, "lcm-nudge");
	lcm_err_init(&err);
	while ((c = getopt_long(argc, argv, "f:t:qhV", options, NULL)) != -1) {
		if ((r = lcm_cli_option(&cli, c, optarg)) != 0) {
			if (r < 0)
				goto out;
			continue;
		}
		switch (c) {
		case 'f':
			fmt = optarg;
			break;
		case 't':
			o.template = optarg;
			break;
		case OPT_OUTBOX:
		case OPT_MBOX:
			o.mode = c == OPT_OUTBOX ? LCM_NUDGE_OUTBOX : LCM_NUDGE_MBOX;
			o.dest = optarg;
			modes++;
			break;
		case OPT_SEND:
			o.mode = LCM_NUDGE_SEND;
			modes++;
			break;
		case OPT_FROM:
		case OPT_URL:
		case OPT_GROUP_BY:
			*(c == OPT_FROM ? &o.from : c == OPT_URL ? &o.url : &o.group_by) = optarg;
			break;
		case OPT_COOLDOWN:
		case OPT_WINDOW:
			if (lcm_duration_parse(optarg, c == OPT_COOLDOWN ? &o.cooldown : &window,
					       &err) < 0) {
				status = lcm_cli_usage_error(&cli, "--%s: %s", c == OPT_COOLDOWN ?
							   "cooldown" : "window", err.msg);
				goto out;
			}
			break;
		case OPT_MAX:
		case OPT_MIN_GROUP:
			n = strtol(optarg, &end, 10);
			if (*end || end == optarg || n < 1 || n > 1000000) {
				status = lcm_cli_usage_error(&cli, "--%s: not a number from 1 to 1000000: '%s'",
							   c == OPT_MAX ? "max" : "min-group", optarg);
				goto out;
			}
			*(c == OPT_MAX ? &o.max : &fo.min_group) = n;
			break;
		case OPT_SKIPPED:
			skipped = optarg;
			break;
		case OPT_FOLLOWUP:
		case OPT_PSEUDONYMIZE:
			*(c == OPT_FOLLOWUP ? &followup : &pseudo) = 1;
			break;
		case OPT_SINCE:
			if (lcm_time_parse(optarg, NULL, &since, &err) < 0) {
				status = lcm_cli_usage_error(&cli, "--since: %s", err.msg);
				goto out;
			}
			break;
		case OPT_BY:
			if (strcmp(optarg, "template") != 0) {
				status = lcm_cli_usage_error(&cli, "--by: not 'template': '%s'", optarg);
				goto out;
			}
			fo.by_template = 1;
			break;
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n", cli.prog);
			goto out;
		}
	}
	if (cli.help) {
		usage();
		status = LCM_EXIT_OK;
		goto out;
	}
	if (cli.version) {
		status = lcm_print_versions(&cli);
		goto out;
	}
	if (modes > 1) {
		status = lcm_cli_usage_error(&cli, "--outbox, --mbox and --send go one at a time");
		goto out;
	}
	if (followup) {
		if (o.template || modes || argc > optind) {
			status = lcm_cli_usage_error(&cli, "--followup reads the store: no template, output or FILE");
			goto out;
		}
		if (lcm_cli_format(&cli, fmt, &fo.fmt) < 0)
			goto out;
		if (pseudo && lcm_pseudo_key(&cli, &fo.key) != LCM_EXIT_OK)
			goto out;
		if (lcm_store_open(&st, lcm_store_default_path(cli.db), LCM_STORE_READONLY,
				   5000, &err) < 0) {
			status = lcm_cli_fail(&cli, &err);
			goto out;
		}
		if ((r = lcm_nudge_record_open(&st, 0, &err)) < 0 ||
		    (r && lcm_nudge_followup(&st, since == INT64_MIN ? cli.now - 30 * 86400 : since,
					     cli.now, window, &backs, &err) < 0)) {
			status = lcm_cli_fail(&cli, &err);
			goto out;
		}
		r = lcm_nudge_followup_render(stdout, &backs, &fo);
		status = lcm_cli_flush(&cli, r) < 0 ? LCM_EXIT_ERROR :
			backs.n ? LCM_EXIT_OK : LCM_EXIT_NONE;
		goto out;
	}
	if (pseudo) {
		status = lcm_cli_usage_error(&cli, "--pseudonymize goes with --followup: "
					   "a pseudonym has no address");
		goto out;
	}
	if (!o.template) {
		status = lcm_cli_usage_error(&cli, "no template: give -t FILE");
		goto out;
	}
	if (argc - optind > 1) {
		status = lcm_cli_usage_error(&cli, "one FILE of rows at most");
		goto out;
	}
	file = optind < argc ? argv[optind] : "-";
	/* cron's empty pipe: say so rather than wait or send nothing */
	if (optind == argc && !lcm_nudge_stdin_has_data()) {
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
	if (o.mode == LCM_NUDGE_SEND) {
		sendmail = getenv("LCM_SENDMAIL");
		o.dest = sendmail && *sendmail ? sendmail : "sendmail -t -oi";
		/* a sendmail that dies early is an error, not our death */
		signal(SIGPIPE, SIG_IGN);
	}
	if (lcm_store_open(&st, lcm_store_default_path(cli.db),
			   o.mode == LCM_NUDGE_DRY ? LCM_STORE_READONLY : 0, 5000, &err) < 0) {
		status = lcm_cli_fail(&cli, &err);
		goto out;
	}
	o.now = cli.now;
	o.dry = stdout;
	r = lcm_nudge_run(&st, &t, &o, &res, &err);
	if (report_skips(&cli, &res, skipped) < 0 || (r < 0 && lcm_cli_fail(&cli, &err)))
		goto out;
	if (!cli.quiet && o.mode != LCM_NUDGE_DRY)
		lcm_cli_warn(&cli, "%zu message%s %s, %zu skipped", res.sent,
			     res.sent == 1 ? "" : "s", o.mode == LCM_NUDGE_SEND ? "sent" :
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
