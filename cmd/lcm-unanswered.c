/*
 * lcm-unanswered - the questions nobody answered, for the morning cron.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bizhours.h"
#include "buf.h"
#include "cli.h"
#include "open.h"
#include "pseudo.h"
#include "render.h"
#include "similar.h"
#include "suggest.h"
#include "text.h"
#include "timefmt.h"
#include "unanswered.h"
#include "versions.h"
#include "xalloc.h"

enum {
	OPT_OLDER_THAN = LCM_OPT_FIRST_PROGRAM, OPT_BY, OPT_INCLUDE_STAFF,
	OPT_QUESTIONS, OPT_COURSE, OPT_FORUM, OPT_COHORT, OPT_POSTS,
	OPT_BUSINESS_HOURS, OPT_ONCE, OPT_DRY_RUN, OPT_SUGGEST, OPT_MAX_LOAD,
	OPT_URL, OPT_EXPLAIN, OPT_PSEUDONYMIZE, OPT_WAIT, OPT_SIMILAR, OPT_SIMILAR_BY
};

static const struct option options[] = {
	LCM_CLI_OPTIONS,
	{ "format", required_argument, NULL, 'f' },
	{ "excel", no_argument, NULL, LCM_OPT_EXCEL },
	{ "older-than", required_argument, NULL, OPT_OLDER_THAN },
	{ "by", required_argument, NULL, OPT_BY },
	{ "include-staff", no_argument, NULL, OPT_INCLUDE_STAFF },
	{ "questions", no_argument, NULL, OPT_QUESTIONS },
	{ "course", required_argument, NULL, OPT_COURSE },
	{ "forum", required_argument, NULL, OPT_FORUM },
	{ "cohort", required_argument, NULL, OPT_COHORT },
	{ "posts", no_argument, NULL, OPT_POSTS },
	{ "business-hours", required_argument, NULL, OPT_BUSINESS_HOURS },
	{ "once", required_argument, NULL, OPT_ONCE },
	{ "dry-run", no_argument, NULL, 'n' },
	{ "suggest", required_argument, NULL, OPT_SUGGEST },
	{ "max-load", required_argument, NULL, OPT_MAX_LOAD },
	{ "url", required_argument, NULL, OPT_URL },
	{ "explain", no_argument, NULL, OPT_EXPLAIN },
	{ "pseudonymize", no_argument, NULL, OPT_PSEUDONYMIZE },
	{ "wait", required_argument, NULL, OPT_WAIT },
	{ "similar", required_argument, NULL, OPT_SIMILAR },
	{ "similar-by", required_argument, NULL, OPT_SIMILAR_BY },
	{ NULL, 0, NULL, 0 }
};

static void
usage(void)
{
	printf("Usage: lcm-unanswered [--db PATH] [--older-than DUR] [--by any|peer|staff]\n"
	       "                      [--include-staff] [--questions] [--posts]\n"
	       "                      [--course NAME]... [--forum NAME]... [--cohort NAME]...\n"
	       "                      [--business-hours SPEC] [--tz ZONE] [--once CHANNEL]\n"
	       "                      [-n] [--wait DUR] [--suggest N] [--max-load K]\n"
	       "                      [--url TEMPLATE] [--explain] [-f FORMAT] [--excel]\n"
	       "                      [--now TIME] [-q] [--pseudonymize]\n"
	       "                      [--similar N] [--similar-by METHOD] [FILE...]\n"
	       "List the forum threads nobody answered, oldest first.\n"
	       "\n"
	       "  --db PATH              store file (default: $LCM_DB, else ./lcm.db);\n"
	       "                         FILE... (or -) are read instead when given\n"
	       "  --older-than DUR       only threads older than this (default: 24h)\n"
	       "  --by any|peer|staff    what counts as an answer (default: peer):\n"
	       "                         peer: a reply by someone else; any: any reply;\n"
	       "                         staff: a reply by staff or an expert\n"
	       "  --include-staff        keep threads opened by staff (announcements)\n"
	       "  --questions            only threads whose first post is a question\n"
	       "  --posts                also question posts inside threads\n"
	       "  --course, --forum, --cohort NAME  only these (repeatable)\n"
	       "  --business-hours SPEC  age in working time, e.g. 'Mon-Fri 09:00-18:00'\n"
	       "  --tz ZONE              zone of working hours and of times without one\n"
	       "  --once CHANNEL         list each thread once per channel, and record it\n"
	       "  -n, --dry-run          with --once: show, record nothing\n"
	       "  --wait DUR             wait that long for an import's lock (default: 5s)\n"
	       "  --suggest N            the N people best placed to answer each thread\n"
	       "  --max-load K           with --suggest: at most K threads per person (3)\n"
	       "  --similar N            the N answered threads most like each one, and its\n"
	       "                         probable duplicates among the threads listed\n"
	       "  --similar-by METHOD    tfidf (default), bm25, or recent (a baseline)\n"
	       "  --url TEMPLATE         a link per row: {thread} {post} {course} {forum},\n"
	       "                         values percent-encoded\n"
	       "  --explain              a 'why' column: the rule, the replies that did not count\n"
	       "  --pseudonymize         persons as HMAC pseudonyms (key in LCM_PSEUDO_KEY);\n"
	       "                         subjects and excerpts are shown as written\n"
	       "  -f, --format FORMAT    table, csv, tsv, json, ndjson\n"
	       "                         (default: table on a terminal, else csv)\n"
	       "  --excel                CSV for Excel: BOM, ';', formulas neutralised\n"
	       "  --now TIME             the time to measure ages from (default: now)\n"
	       "  -q, --quiet            no messages but errors (the list is still printed)\n"
	       "  -h, --help             show this help and exit\n"
	       "  -V, --version          show the version and exit\n"
	       "\n"
	       "Exit status: 0 something listed, 1 nothing listed, 2 an error.\n");
}

/* Adds a value to a repeatable filter. */
static void
add_filter(struct lcm_filter *f, const char *v)
{
	f->v = lcm_xreallocarray(f->v, f->n + 1, sizeof(*f->v));
	f->v[f->n++] = v;
}

/* The why column: the rule applied and what did not count. */
static void
explain(struct lcm_buf *b, const struct lcm_unanswered *u, enum lcm_response_rule by)
{
	static const char *const rule[] = {
		[LCM_BY_PEER] = "no reply by another person",
		[LCM_BY_ANY] = "no reply",
		[LCM_BY_STAFF] = "no reply by staff or an expert",
	};

	lcm_buf_reset(b);
	lcm_buf_adds(b, rule[by]);
	if (u->own && by != LCM_BY_ANY)
		lcm_buf_printf(b, "; %d by the author", u->own);
	if (u->deleted)
		lcm_buf_printf(b, "; %d deleted", u->deleted);
	if (u->private_)
		lcm_buf_printf(b, "; %d private", u->private_);
	if (u->nonstaff)
		lcm_buf_printf(b, "; %d by learners", u->nonstaff);
}

struct settings {
	struct lcm_unanswered_opts o;
	enum lcm_format fmt;
	int excel, explain, suggest, max_load, pseudo, similar;
	enum lcm_similar_method similar_by;
	const char *url;
	const char *key;	/* --pseudonymize: LCM_PSEUDO_KEY, else NULL */
};

/* Writes the list to stdout; returns the errno of a failed write, or 0. */
static int
render(const struct settings *s, const struct lcm_unanswered_list *list,
       const struct lcm_suggestions *sug, const struct lcm_similars *sim)
{
	static const char *const simcols[] = { "similar", "subjects", "urls", "duplicates" };
	const char *cols[20];
	struct lcm_cell cells[20];
	struct lcm_buf simb[4];
	struct lcm_buf why, who;
	struct lcm_render *r;
	char when[32], *excerpt, *url;
	size_t i, k, n = 0;
	int werr;

	cols[n++] = "thread";
	if (s->o.posts)
		cols[n++] = "post";
	cols[n++] = "course";
	cols[n++] = "forum";
	cols[n++] = "author";
	cols[n++] = "author_name";
	cols[n++] = "created";
	cols[n++] = "age_hours";
	cols[n++] = "replies";
	cols[n++] = "question";
	cols[n++] = "subject";
	cols[n++] = "excerpt";
	if (s->url)
		cols[n++] = "url";
	if (s->suggest)
		cols[n++] = "suggested";
	if (s->explain)
		cols[n++] = "why";
	if (s->similar) {
		cols[n++] = "similar";
		cols[n++] = "similar_subjects";
		if (s->url)
			cols[n++] = "similar_urls";
		cols[n++] = "duplicates";
	}
	r = lcm_render_new(stdout, s->fmt, cols, n, s->excel ? LCM_RENDER_EXCEL : 0);
	lcm_buf_init(&why);
	lcm_buf_init(&who);
	for (k = 0; k < 4; k++)
		lcm_buf_init(&simb[k]);
	for (i = 0; i < list->n; i++) {
		const struct lcm_unanswered *u = &list->rows[i];

		n = 0;
		excerpt = lcm_text_excerpt(u->body ? u->body : "", 140);
		url = NULL;
		cells[n++] = lcm_cell_str(u->thread);
		if (s->o.posts)
			cells[n++] = lcm_cell_str(u->post);
		cells[n++] = lcm_cell_str(u->course);
		cells[n++] = lcm_cell_str(u->forum);
		cells[n++] = lcm_cell_str(u->author);
		/* empty when the store has no name, and under --pseudonymize */
		cells[n++] = lcm_cell_str(u->author_name && *u->author_name ?
					  u->author_name : NULL);
		cells[n++] = lcm_cell_str(lcm_time_format_utc(u->created, when));
		cells[n++] = lcm_cell_real(floor(u->age_hours * 10.0 + 0.5) / 10.0);
		cells[n++] = lcm_cell_int(u->replies);
		cells[n++] = lcm_cell_bool(u->question);
		cells[n++] = lcm_cell_str(u->subject);
		cells[n++] = lcm_cell_str(excerpt);
		if (s->url) {
			url = lcm_url_expand(s->url, u->thread, u->post, u->course, u->forum);
			cells[n++] = lcm_cell_str(url);
		}
		if (s->suggest) {
			lcm_suggestions_format(sug, i, &who);
			cells[n++] = lcm_cell_str(who.data);
		}
		if (s->explain) {
			explain(&why, u, s->o.by);
			cells[n++] = lcm_cell_str(why.data);
		}
		for (k = 0; s->similar && k < 4; k++) {
			if (k == 2 && !s->url)
				continue;
			lcm_similars_format(sim, i, simcols[k], s->url, &simb[k]);
			cells[n++] = lcm_cell_str(simb[k].data);
		}
		lcm_render_row(r, cells);
		free(excerpt);
		free(url);
	}
	lcm_render_end(r);
	werr = lcm_render_error(r);
	lcm_render_free(r);
	lcm_buf_release(&why);
	lcm_buf_release(&who);
	for (k = 0; k < 4; k++)
		lcm_buf_release(&simb[k]);
	return werr;
}

int
main(int argc, char **argv)
{
	struct lcm_cli cli;
	struct settings s;
	struct lcm_bizhours bh;
	struct lcm_store st = { 0 };
	struct lcm_unanswered_list list = { 0 };
	struct lcm_suggestions sug = { 0 };
	struct lcm_similars sim = { 0 };
	struct lcm_err err;
	const char *fmt = NULL;
	char *end;
	int c, r, status = LCM_EXIT_ERROR, opened = 0, dry_run = 0;
	int64_t wait = 5;	/* seconds to wait for an import's lock */
	long n;

	lcm_cli_init(&cli, "lcm-unanswered");
	lcm_err_init(&err);
	memset(&s, 0, sizeof(s));
	s.o.older_than = 24 * 3600;
	s.o.by = LCM_BY_PEER;
	s.max_load = 3;
	s.similar_by = LCM_SIMILAR_TFIDF;	/* measured better: man page */
	while ((c = getopt_long(argc, argv, "f:nqhV", options, NULL)) != -1) {
		if ((r = lcm_cli_option(&cli, c, optarg)) != 0) {
			if (r < 0)
				goto out;
			continue;
		}
		switch (c) {
		case 'f':
			fmt = optarg;
			break;
		case LCM_OPT_EXCEL:
			s.excel = 1;
			break;
		case OPT_OLDER_THAN:
			if (lcm_duration_parse(optarg, &s.o.older_than, &err) < 0) {
				status = lcm_cli_usage_error(&cli, "--older-than: %s", err.msg);
				goto out;
			}
			break;
		case OPT_BY:
			if (lcm_response_rule_parse(optarg, &s.o.by) < 0) {
				status = lcm_cli_usage_error(&cli, "--by: not any, peer or staff: '%s'",
							   optarg);
				goto out;
			}
			break;
		case OPT_INCLUDE_STAFF:
			s.o.include_staff = 1;
			break;
		case OPT_QUESTIONS:
			s.o.questions_only = 1;
			break;
		case OPT_COURSE:
			add_filter(&s.o.courses, optarg);
			break;
		case OPT_FORUM:
			add_filter(&s.o.forums, optarg);
			break;
		case OPT_COHORT:
			add_filter(&s.o.cohorts, optarg);
			break;
		case OPT_POSTS:
			s.o.posts = 1;
			break;
		case OPT_BUSINESS_HOURS:
			if (lcm_bizhours_parse(optarg, &bh, &err) < 0) {
				status = lcm_cli_usage_error(&cli, "--business-hours: %s", err.msg);
				goto out;
			}
			s.o.bizhours = &bh;
			break;
		case OPT_ONCE:
			s.o.once = optarg;
			break;
		case 'n':
			dry_run = 1;
			break;
		case OPT_SUGGEST:
		case OPT_MAX_LOAD:
		case OPT_SIMILAR:
			n = strtol(optarg, &end, 10);
			if (*end || end == optarg || n < 1 || n > 100) {
				status = lcm_cli_usage_error(&cli, "--%s: not a number from 1 to 100: '%s'",
							   c == OPT_SUGGEST ? "suggest" : c == OPT_SIMILAR ?
							   "similar" : "max-load",
							   optarg);
				goto out;
			}
			if (c == OPT_SUGGEST)
				s.suggest = (int)n;
			else if (c == OPT_SIMILAR)
				s.similar = (int)n;
			else
				s.max_load = (int)n;
			break;
		case OPT_SIMILAR_BY:
			if (lcm_similar_method_parse(optarg, &s.similar_by) < 0) {
				status = lcm_cli_usage_error(&cli, "--similar-by: not bm25, tfidf or recent: '%s'",
							   optarg);
				goto out;
			}
			break;
		case OPT_URL:
			s.url = optarg;
			break;
		case OPT_EXPLAIN:
			s.explain = s.o.explain = 1;
			break;
		case OPT_PSEUDONYMIZE:
			s.pseudo = 1;
			break;
		case OPT_WAIT:
			/* as lcm-import's: a duration, at most a day */
			if (lcm_duration_parse(optarg, &wait, &err) < 0 || wait > 86400) {
				status = lcm_cli_usage_error(&cli, "--wait: %s", err.msg[0] ?
							   err.msg : "at most a day");
				goto out;
			}
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
	if (dry_run && !s.o.once) {
		status = lcm_cli_usage_error(&cli, "--dry-run goes with --once");
		goto out;
	}
	if (lcm_cli_format(&cli, fmt, &s.fmt) < 0)
		goto out;
	/* refused before the store is touched: no key, no list */
	if (s.pseudo && lcm_pseudo_key(&cli, &s.key) != LCM_EXIT_OK)
		goto out;
	s.o.now = cli.now;

	status = LCM_EXIT_ERROR;
	if (lcm_open_input(&st, cli.db, argv + optind, argc - optind, NULL,
			   s.o.once && !dry_run ? LCM_OPEN_WRITE : 0, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	opened = 1;
	/*
	 * --once records in a transaction, which waits for an import's
	 * lock: as long as --wait says, not the 5 s lcm_open_input sets.
	 */
	st.busy_ms = (int)wait * 1000;
	sqlite3_busy_timeout(st.db, st.busy_ms);
	if (lcm_unanswered_find(&st, &s.o, &list, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	if (s.suggest && lcm_suggest(&st, &list, s.suggest, s.max_load, s.o.now,
				     &sug, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	if (s.similar && lcm_similar(&st, &list, s.similar, s.similar_by, s.o.now,
				     &sim, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	/* after the ranking, which needs no names: only what is printed changes */
	if (s.key) {
		lcm_unanswered_pseudonymize(&list, s.key);
		lcm_suggestions_pseudonymize(&sug, s.key);
	}
	/* -q silences messages, never the list: --once records what was shown */
	r = render(&s, &list, &sug, &sim);
	/* recorded only once all of it is out: a full disk marks nothing */
	if ((r = lcm_cli_flush(&cli, r)) != 0) {
		status = r < 0 ? LCM_EXIT_ERROR : list.n ? LCM_EXIT_OK : LCM_EXIT_NONE;
		goto out;
	}
	if (s.o.once && !dry_run && list.n &&
	    lcm_unanswered_mark(&st, &list, s.o.once, s.o.now, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	status = list.n ? LCM_EXIT_OK : LCM_EXIT_NONE;
out:
	lcm_suggestions_free(&sug);
	lcm_similars_free(&sim);
	lcm_unanswered_list_free(&list);
	if (opened)
		lcm_store_close(&st);
	free(s.o.courses.v);
	free(s.o.forums.v);
	free(s.o.cohorts.v);
	return lcm_cli_finish(&cli, status);
}
