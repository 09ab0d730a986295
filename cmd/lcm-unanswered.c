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
#include "options.h"
#include "pseudo.h"
#include "render.h"
#include "similar.h"
#include "suggest.h"
#include "text.h"
#include "timefmt.h"
#include "unanswered.h"
#include "unanswered_render.h"
#include "versions.h"
#include "xalloc.h"

struct settings {
	struct lcm_unanswered_opts o;
	struct lcm_bizhours bh;	/* --business-hours, o.bizhours then points here */
	const char *fmt;	/* -f, else NULL: lcm_cli_format decides */
	enum lcm_format format;
	int excel, explain, suggest, max_load, pseudo, similar, dry_run;
	enum lcm_similar_method similar_by;
	int64_t wait;		/* seconds to wait for an import's lock */
	const char *url;
	const char *key;	/* --pseudonymize: LCM_PSEUDO_KEY, else NULL */
};

static struct lcm_cli cli;
/* main starts from these (the option fuzzer calls it again and again) */
static const struct settings defaults = {
	.o = { .older_than = 24 * 3600, .by = LCM_BY_PEER },
	.max_load = 3,
	.similar_by = LCM_SIMILAR_TFIDF,	/* measured better: man page */
	.wait = 5,
};
static struct settings s;

/* --business-hours: the spec read into s.bh, and used. */
static int
business_hours(const char *arg, void *value, struct lcm_err *err)
{
	struct settings *set = value;

	if (lcm_bizhours_parse(arg, &set->bh, err) < 0)
		return -1;
	set->o.bizhours = &set->bh;
	return 0;
}

static const struct lcm_option options[] = {
	LCM_OPTION_DB(cli, "store file (default: $LCM_DB, else ./lcm.db); FILE... (or -)"
		      " are read instead when given"),
	LCM_DURATION("older-than", "DUR", &s.o.older_than, 0,
		     "only threads older than this (default: 24h)"),
	LCM_CHOICE("by", "any|peer|staff", &s.o.by, lcm_response_rules,
		   "what counts as an answer (default: peer):\npeer: a reply by someone"
		   " else; any: any reply;\nstaff: a reply by staff or an expert"),
	LCM_FLAG("include-staff", 0, &s.o.include_staff,
		 "keep threads opened by staff (announcements)"),
	LCM_FLAG("questions", 0, &s.o.questions_only,
		 "only threads whose first post is a question"),
	LCM_FLAG("posts", 0, &s.o.posts, "also question posts inside threads"),
	LCM_LIST("course", "NAME", &s.o.courses, "only this course (repeatable)"),
	LCM_LIST("forum", "NAME", &s.o.forums, "only this forum (repeatable)"),
	LCM_LIST("cohort", "NAME", &s.o.cohorts, "only this cohort (repeatable)"),
	LCM_FUNC("business-hours", 0, "SPEC", &s, business_hours,
		 "age in working time, e.g. 'Mon-Fri 09:00-18:00'"),
	LCM_OPTION_TZ(cli, "zone of working hours and of times without one"),
	LCM_STR("once", 0, "CHANNEL", &s.o.once,
		"list each thread once per channel, and record it"),
	LCM_FLAG("dry-run", 'n', &s.dry_run, "with --once: show, record nothing"),
	LCM_DURATION("wait", "DUR", &s.wait, 86400,
		     "wait that long for an import's lock (default: 5s, at most a day)"),
	LCM_INT("suggest", "N", &s.suggest, 1, 100,
		"the N people best placed to answer each thread"),
	LCM_INT("max-load", "K", &s.max_load, 1, 100,
		"with --suggest: at most K threads per person (default: 3)"),
	LCM_INT("similar", "N", &s.similar, 1, 100,
		"the N answered threads most like each one, and its probable duplicates"
		" among the threads listed"),
	LCM_CHOICE("similar-by", "METHOD", &s.similar_by, lcm_similar_methods,
		   "tfidf (default), bm25, or recent (a baseline)"),
	LCM_STR("url", 0, "TEMPLATE", &s.url,
		"a link per row: {thread} {post} {course} {forum}, values percent-encoded"),
	LCM_FLAG("explain", 0, &s.explain,
		 "a 'why' column: the rule, the replies that did not count"),
	LCM_OPTION_FORMAT(&s.fmt, "table, csv, tsv, json, ndjson (default: table on a"
			  " terminal, else csv)"),
	LCM_FLAG("excel", 0, &s.excel, "CSV for Excel: BOM, ';', formulas neutralised"),
	LCM_OPTION_NOW(cli, "the time to measure ages from (default: now)"),
	LCM_OPTION_QUIET(cli, "no messages but errors (the list is still printed)"),
	LCM_FLAG("pseudonymize", 0, &s.pseudo,
		 "persons as HMAC pseudonyms (key in LCM_PSEUDO_KEY); subjects and excerpts"
		 " are shown as written"),
	LCM_OPTIONS_END(cli)
};

static const struct lcm_program program = {
	.options = options,
	.operands = "[FILE...]",
	.operand_complete = "@file",
	.purpose = "List the forum threads nobody answered, oldest first.",
	.epilogue = "Exit status: 0 something listed, 1 nothing listed, 2 an error.\n",
	.version = lcm_print_versions,
};

int
main(int argc, char **argv)
{
	struct lcm_store st = { 0 };
	struct lcm_unanswered_list list = { 0 };
	struct lcm_unanswered_columns cols;
	struct lcm_suggestions sug = { 0 };
	struct lcm_similars sim = { 0 };
	struct lcm_err err;
	int r, first, status = LCM_EXIT_ERROR, opened = 0;

	lcm_cli_init(&cli, "lcm-unanswered");
	s = defaults;
	lcm_err_init(&err);
	if ((r = lcm_options_parse(&cli, &program, argc, argv, &first)) != 0) {
		status = r > 0 ? LCM_EXIT_OK : LCM_EXIT_ERROR;
		goto out;
	}
	s.o.explain = s.explain;
	if (s.dry_run && !s.o.once) {
		status = lcm_cli_usage_error(&cli, "--dry-run goes with --once");
		goto out;
	}
	if (lcm_cli_format(&cli, s.fmt, &s.format) < 0)
		goto out;
	/* refused before the store is touched: no key, no list */
	if (s.pseudo && lcm_pseudo_key(&cli, &s.key) != LCM_EXIT_OK)
		goto out;
	s.o.now = cli.now;

	status = LCM_EXIT_ERROR;
	if (lcm_open_input(&st, cli.db, argv + first, argc - first, NULL,
			   s.o.once && !s.dry_run ? LCM_OPEN_WRITE : 0, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	opened = 1;
	/*
	 * --once records in a transaction, which waits for an import's
	 * lock: as long as --wait says, not the 5 s lcm_open_input sets.
	 */
	st.busy_ms = (int)s.wait * 1000;
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
	cols.posts = s.o.posts;
	cols.suggest = s.suggest;
	cols.explain = s.explain;
	cols.similar = s.similar;
	cols.url = s.url;
	cols.by = s.o.by;
	r = lcm_unanswered_render(stdout, s.format, s.excel ? LCM_RENDER_EXCEL : 0, &cols,
				  &list, &sug, &sim);
	/* recorded only once all of it is out: a full disk marks nothing */
	if ((r = lcm_cli_flush(&cli, r)) != 0) {
		status = r < 0 ? LCM_EXIT_ERROR : list.n ? LCM_EXIT_OK : LCM_EXIT_NONE;
		goto out;
	}
	if (s.o.once && !s.dry_run && list.n &&
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
