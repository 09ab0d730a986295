/*
 * lcm-engage - engagement per learner and per group: who is active, who
 * is slipping away and why, who to praise.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "pseudo.h"
#include "contributions.h"
#include "engage.h"
#include "milestones.h"
#include "engage_groups.h"
#include "engage_score.h"
#include "expertise.h"
#include "open.h"
#include "render.h"
#include "timefmt.h"
#include "versions.h"
#include "xalloc.h"

enum {
	OPT_SINCE = LCM_OPT_FIRST_PROGRAM, OPT_UNTIL, OPT_INACTIVE_AFTER, OPT_BY,
	OPT_AT_RISK, OPT_PRAISE, OPT_TOP, OPT_MIN_GROUP, OPT_NETWORK, OPT_GRAPH,
	OPT_PSEUDONYMIZE, OPT_SCORE, OPT_COHORT, OPT_COURSE,
	OPT_CONTRIBUTIONS, OPT_MILESTONES, OPT_INCLUDE_STAFF, OPT_URL, OPT_LADDER, OPT_ALL,
	OPT_EXPERTISE, OPT_THEME, OPT_PERSON
};

static const struct option options[] = {
	LCM_CLI_OPTIONS,
	{ "format", required_argument, NULL, 'f' },
	{ "excel", no_argument, NULL, LCM_OPT_EXCEL },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "inactive-after", required_argument, NULL, OPT_INACTIVE_AFTER },
	{ "by", required_argument, NULL, OPT_BY },
	{ "at-risk", no_argument, NULL, OPT_AT_RISK },
	{ "praise", no_argument, NULL, OPT_PRAISE },
	{ "top", required_argument, NULL, OPT_TOP },
	{ "min-group", required_argument, NULL, OPT_MIN_GROUP },
	{ "network", no_argument, NULL, OPT_NETWORK },
	{ "graph", required_argument, NULL, OPT_GRAPH },
	{ "pseudonymize", no_argument, NULL, OPT_PSEUDONYMIZE },
	{ "score", no_argument, NULL, OPT_SCORE },
	{ "cohort", required_argument, NULL, OPT_COHORT },
	{ "course", required_argument, NULL, OPT_COURSE },
	{ "contributions", no_argument, NULL, OPT_CONTRIBUTIONS },
	{ "milestones", no_argument, NULL, OPT_MILESTONES },
	{ "include-staff", no_argument, NULL, OPT_INCLUDE_STAFF },
	{ "url", required_argument, NULL, OPT_URL },
	{ "ladder", required_argument, NULL, OPT_LADDER },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "expertise", no_argument, NULL, OPT_EXPERTISE },
	{ "theme", required_argument, NULL, OPT_THEME },
	{ "person", required_argument, NULL, OPT_PERSON },
	{ NULL, 0, NULL, 0 }
};

static void
usage(void)
{
	printf("Usage: lcm-engage [--db PATH] [--since TIME] [--until TIME]\n"
	       "                  [--inactive-after DUR] [--by KEY] [--at-risk | --praise]\n"
	       "                  [--top N] [--min-group K] [--network] [--score]\n"
	       "                  [--cohort NAME] [--course NAME]\n"
	       "                  [--contributions [--include-staff] [--url TEMPLATE]]\n"
	       "                  [--milestones [--ladder FILE] [--all]]\n"
	       "                  [--graph gexf|graphml|dot] [--pseudonymize] [-f FORMAT]\n"
	       "                  [--excel] [--tz ZONE] [--now TIME] [-q] [FILE...]\n"
	       "Engagement per person or per group: levels, trend, who is at risk and why.\n"
	       "\n"
	       "  --db PATH              store file (default: $LCM_DB, else ./lcm.db);\n"
	       "                         FILE... (or -) are read instead when given\n"
	       "  --since TIME           start of the period (default: the beginning)\n"
	       "  --until TIME           end of the period, and the time ages are\n"
	       "                         measured from (default: --now)\n"
	       "  --inactive-after DUR   no activity for this long is inactive (14d)\n"
	       "  --by KEY               person (default), cohort, course, forum,\n"
	       "                         manager or week\n"
	       "  --at-risk              only at-risk, inactive and never-active persons\n"
	       "  --praise               the persons to recognise, best first\n"
	       "  --top N                with --praise (10) or --at-risk: at most N rows\n"
	       "                         (per group with --by)\n"
	       "  --min-group K          blank the figures of groups under K members (5)\n"
	       "  --network              add reply-network measures\n"
	       "  --score                add the risk score (0-1, higher: more at risk)\n"
	       "  --cohort NAME          only the persons of this cohort\n"
	       "  --course NAME          only the persons active in this course\n"
	       "  --contributions        the period's posts worth highlighting, best first\n"
	       "  --include-staff        with --contributions or --expertise: staff too\n"
	       "  --url TEMPLATE         a link per post: {thread} {post} {course} {forum}\n"
	       "  --milestones           milestones crossed in the period, each once\n"
	       "  --ladder FILE          the milestones to look for (default: built in)\n"
	       "  --all                  with --milestones: those shown already too\n"
	       "  --expertise            who knows what: per theme, the best answerers\n"
	       "                         (--top N per theme, 3; --theme WORD;\n"
	       "                         --person ID; --include-staff)\n"
	       "  --graph FORMAT         write the reply network: gexf, graphml or dot\n"
	       "  --pseudonymize         persons as HMAC pseudonyms (key in LCM_PSEUDO_KEY)\n"
	       "  -f, --format FORMAT    table, csv, tsv, json, ndjson\n"
	       "                         (default: table on a terminal, else csv)\n"
	       "  --excel                CSV for Excel: BOM, ';', formulas neutralised\n"
	       "  --tz ZONE              zone of days, weeks and times shown\n"
	       "  --now TIME             the current time (default: the clock)\n"
	       "  -q, --quiet            print nothing; the exit status tells\n"
	       "  -h, --help             show this help and exit\n"
	       "  -V, --version          show the version and exit\n"
	       "\n"
	       "Exit status: 0 done (with --at-risk, --praise, --contributions or\n"
	       "--milestones: something listed),\n"
	       "1 nobody listed, 2 an error.\n");
}

struct settings {
	struct lcm_engage_opts o;
	enum lcm_engage_by by;
	enum lcm_engage_view view;
	enum lcm_format fmt;
	enum lcm_graph_format graph;
	int excel, network, graph_set, local, pseudo;
	int score;		/* --score: a score column */
	const char *cohort;	/* --cohort, or NULL */
	const char *course;	/* --course, or NULL */
	const unsigned char *in_course;	/* with course: 1 per member */
	const double *scores;	/* with score: lcm_engage_scores() */
	long top, min_group;
	int contributions, milestones, include_staff, all;	/* recognition */
	const char *url, *ladder;
	int expertise;			/* --expertise */
	const char *theme, *person;	/* with --expertise, or NULL */
};

/* A time cell, NULL when t is INT64_MIN. tmp holds the text (32 bytes). */
static struct lcm_cell
time_cell(const struct settings *s, int64_t t, char *tmp)
{
	if (t == INT64_MIN)
		return lcm_cell_null();
	return lcm_cell_str(s->local ? lcm_time_format_local(t, tmp) :
			    lcm_time_format_utc(t, tmp));
}

/* A real cell rounded to places decimals, NULL when NaN. */
static struct lcm_cell
real_cell(double d, int places)
{
	double m = places == 1 ? 10 : places == 2 ? 100 : 10000;

	if (isnan(d))
		return lcm_cell_null();
	return lcm_cell_real(floor(d * m + 0.5) / m);
}

/* Renders person rows idx[0..n) (with the group key first when key). */
static void
person_rows(struct lcm_render *r, const struct settings *s, const struct lcm_engage *e,
	    const size_t *idx, size_t n, int with_key, const char *key)
{
	struct lcm_cell c[32];
	struct lcm_buf why;
	char t1[32], t2[32], t3[32];
	size_t i, k;

	lcm_buf_init(&why);
	for (i = 0; i < n; i++) {
		const struct lcm_engage_person *p = &e->persons[idx[i]];

		k = 0;
		if (with_key)
			c[k++] = lcm_cell_str(key);
		c[k++] = lcm_cell_str(p->person);
		c[k++] = lcm_cell_str(p->name);
		c[k++] = lcm_cell_str(p->role);
		c[k++] = lcm_cell_str(p->cohort);
		c[k++] = lcm_cell_int(p->threads);
		c[k++] = lcm_cell_int(p->replies);
		c[k++] = lcm_cell_int(p->words);
		c[k++] = lcm_cell_int(p->replies_received);
		c[k++] = lcm_cell_int(p->peers);
		c[k++] = lcm_cell_int(p->questions);
		c[k++] = lcm_cell_int(p->answers_given);
		c[k++] = lcm_cell_int(p->accepted);
		c[k++] = time_cell(s, p->first_post, t1);
		c[k++] = time_cell(s, p->last_post, t2);
		c[k++] = time_cell(s, p->last_seen, t3);
		c[k++] = lcm_cell_int(p->active_days);
		c[k++] = lcm_cell_int(p->active_weeks);
		c[k++] = lcm_cell_int(p->events);
		c[k++] = p->level < 0 ? lcm_cell_null() : lcm_cell_int(p->level);
		c[k++] = real_cell(p->trend, 2);
		c[k++] = lcm_cell_str(lcm_engage_status_name(p->status));
		lcm_engage_reasons(p, &why);
		c[k++] = lcm_cell_str(why.data);
		if (s->score)
			c[k++] = real_cell(s->scores[idx[i]], 4);
		if (s->network) {
			c[k++] = lcm_cell_int(p->in_degree);
			c[k++] = lcm_cell_int(p->out_degree);
			c[k++] = real_cell(p->betweenness, 4);
		}
		lcm_render_row(r, c);
	}
	lcm_buf_release(&why);
}

static const char *const person_cols[] = {
	"person", "name", "role", "cohort", "threads", "replies", "words",
	"replies_received", "peers", "questions", "answers_given", "accepted",
	"first_post", "last_post", "last_seen", "active_days", "active_weeks",
	"events", "level", "trend", "status", "reasons"
};
static const char *const net_person_cols[] = { "in_degree", "out_degree", "betweenness" };
static const char *const group_cols[] = {
	"members", "active", "active_rate", "threads", "replies", "questions",
	"response_rate", "ttfr_median_h", "ttfr_p90_h", "unanswered_share",
	"topdown", "questions_open", "exchange"
};
static const char *const net_group_cols[] = {
	"density", "reciprocity", "centralisation", "isolates", "staff_share"
};

#define N(a) (sizeof(a) / sizeof(*(a)))

/* A renderer with key (or not), the columns of cols and, with
 * --network, of net. */
static struct lcm_render *
open_render(const struct settings *s, const char *key, const char *const *cols,
	    size_t ncols, const char *const *net, size_t nnet)
{
	const char *names[32];
	size_t i, n = 0;

	if (key)
		names[n++] = key;
	for (i = 0; i < ncols; i++)
		names[n++] = cols[i];
	if (s->score && cols == person_cols)
		names[n++] = "score";
	for (i = 0; s->network && i < nnet; i++)
		names[n++] = net[i];
	return lcm_render_new(stdout, s->fmt, names, n, s->excel ? LCM_RENDER_EXCEL : 0);
}

/*
 * Marks in[i] the members of course name (who posted or have an event in
 * it before the period's end, as --by course counts them). 0 or -1.
 */
static int
course_members(struct lcm_store *st, const struct lcm_engage *e, const char *name,
	       unsigned char *in, struct lcm_err *err)
{
	struct lcm_engage_groups gs = { 0 };
	size_t i, j;

	if (lcm_engage_groups(st, e, LCM_ENGAGE_BY_COURSE, 0, 0, &gs, err) < 0)
		return -1;
	for (i = 0; i < gs.n; i++) {
		if (!gs.g[i].key || strcmp(gs.g[i].key, name) != 0)
			continue;
		for (j = 0; j < gs.g[i].nmembers; j++)
			in[gs.g[i].members[j]] = 1;
	}
	lcm_engage_groups_release(&gs);
	return 0;
}

/* Is person i of e wanted by --cohort and --course (all without them)? */
static int
selected(const struct settings *s, const struct lcm_engage *e, size_t i)
{
	const struct lcm_engage_person *p = &e->persons[i];

	if (s->course && !s->in_course[i])
		return 0;
	return !s->cohort || (p->cohort && strcmp(p->cohort, s->cohort) == 0);
}

/* Persons (all, at risk or to praise); returns how many rows. */
static size_t
persons(const struct settings *s, const struct lcm_engage *e, int quiet)
{
	struct lcm_render *r = NULL;
	size_t *idx, i, n;

	idx = lcm_xreallocarray(NULL, e->npersons ? e->npersons : 1, sizeof(*idx));
	for (i = 0, n = 0; i < e->npersons; i++)
		if (selected(s, e, i))
			idx[n++] = i;
	n = lcm_engage_select(e, s->view, idx, n, (size_t)s->top);
	if (!quiet) {
		r = open_render(s, NULL, person_cols, N(person_cols), net_person_cols,
				N(net_person_cols));
		person_rows(r, s, e, idx, n, 0, NULL);
		lcm_render_end(r);
		lcm_render_free(r);
	}
	free(idx);
	return n;
}

/*
 * Persons of each group in turn, the group's key first (but for cohorts:
 * every row already has its cohort).
 */
static size_t
persons_by_group(const struct settings *s, const struct lcm_engage *e,
		 const struct lcm_engage_groups *gs, int quiet)
{
	struct lcm_render *r = NULL;
	size_t *idx, i, j, n, total = 0;
	int with_key = s->by != LCM_ENGAGE_BY_COHORT;

	if (!quiet)
		r = open_render(s, with_key ? lcm_engage_by_name(s->by) : NULL, person_cols,
				N(person_cols), net_person_cols, N(net_person_cols));
	for (i = 0; i < gs->n; i++) {
		const struct lcm_engage_group *g = &gs->g[i];

		idx = lcm_xreallocarray(NULL, g->nmembers ? g->nmembers : 1, sizeof(*idx));
		for (j = 0, n = 0; j < g->nmembers; j++)
			if (selected(s, e, g->members[j]))
				idx[n++] = g->members[j];
		n = lcm_engage_select(e, s->view, idx, n, (size_t)s->top);
		if (r)
			person_rows(r, s, e, idx, n, with_key, g->key);
		total += n;
		free(idx);
	}
	if (r) {
		lcm_render_end(r);
		lcm_render_free(r);
	}
	return total;
}

static void
group_rows(const struct settings *s, const struct lcm_engage_groups *gs)
{
	struct lcm_render *r;
	struct lcm_cell c[32];
	size_t i, k, j, nfig;

	r = open_render(s, lcm_engage_by_name(s->by), group_cols, N(group_cols),
			net_group_cols, N(net_group_cols));
	for (i = 0; i < gs->n; i++) {
		const struct lcm_engage_group *g = &gs->g[i];

		k = 0;
		c[k++] = lcm_cell_str(g->key);
		c[k++] = lcm_cell_int((int64_t)g->nmembers);
		c[k++] = lcm_cell_int(g->active);
		c[k++] = real_cell(g->active_rate, 4);
		c[k++] = lcm_cell_int(g->threads);
		c[k++] = lcm_cell_int(g->replies);
		c[k++] = lcm_cell_int(g->questions);
		c[k++] = real_cell(g->response_rate, 4);
		c[k++] = real_cell(g->ttfr_median_h, 1);
		c[k++] = real_cell(g->ttfr_p90_h, 1);
		c[k++] = real_cell(g->unanswered_share, 4);
		c[k++] = lcm_cell_int(g->topdown);
		c[k++] = lcm_cell_int(g->questions_open);
		c[k++] = lcm_cell_int(g->exchange);
		if (s->network) {
			c[k++] = real_cell(g->density, 4);
			c[k++] = real_cell(g->reciprocity, 4);
			c[k++] = real_cell(g->centralisation, 4);
			c[k++] = lcm_cell_int(g->isolates);
			c[k++] = real_cell(g->staff_share, 4);
		}
		/* k-anonymity: a small group shows its size and nothing else */
		nfig = k;
		for (j = 2; g->suppressed && j < nfig; j++)
			c[j] = lcm_cell_null();
		lcm_render_row(r, c);
	}
	lcm_render_end(r);
	lcm_render_free(r);
}

/* A whole number from lo to hi for option name, or -1 after the message. */
static long
number(const struct lcm_cli *cli, const char *name, const char *arg, long lo, long hi)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (*end || end == arg || n < lo || n > hi) {
		lcm_cli_usage_error(cli, "--%s: not a number from %ld to %ld: '%s'",
				    name, lo, hi, arg);
		return -1;
	}
	return n;
}

/* lcm-engage --expertise (expertise.h): the exit status. */
static int
expertise(struct lcm_cli *cli, struct lcm_store *st, const struct settings *s,
	  const char *key)
{
	struct lcm_expertise x;
	struct lcm_err err;
	char stem[256];
	size_t n;

	lcm_err_init(&err);
	if (s->theme && lcm_expertise_theme(s->theme, stem, sizeof(stem), &err) < 0)
		return lcm_cli_usage_error(cli, "--theme: %s", err.msg);
	if (lcm_expertise_build(st, s->include_staff, s->person ? 0 : (int)s->top,
				s->theme ? stem : NULL, &x, &err) < 0) {
		lcm_cli_fail(cli, &err);
		return LCM_EXIT_ERROR;
	}
	n = lcm_expertise_render(&x, s->person, key, stdout, (int)s->fmt,
				 s->excel ? LCM_RENDER_EXCEL : 0, cli->quiet);
	lcm_expertise_free(&x);
	if (!n && s->person && !cli->quiet)
		fprintf(stderr, "%s: --person %s: no answer on any theme\n", cli->prog,
			s->person);
	return n ? LCM_EXIT_OK : LCM_EXIT_NONE;
}

/* Checks the options together; LCM_EXIT_OK or the usage error's status. */
static int
check(const struct lcm_cli *cli, struct settings *s, int top_set, const char **key)
{
	if (s->o.since != INT64_MIN && s->o.since > s->o.until)
		return lcm_cli_usage_error(cli, "--since is after --until");
	if (s->graph_set && (s->by != LCM_ENGAGE_BY_PERSON || s->view != LCM_VIEW_ALL))
		return lcm_cli_usage_error(cli, "--graph goes without --by, --at-risk and --praise");
	if (s->by == LCM_ENGAGE_BY_WEEK && s->view != LCM_VIEW_ALL)
		return lcm_cli_usage_error(cli, "--at-risk and --praise do not go with --by week");
	if ((s->cohort || s->course) && (s->graph_set ||
					  (s->by != LCM_ENGAGE_BY_PERSON && s->view == LCM_VIEW_ALL)))
		return lcm_cli_usage_error(cli, "--cohort and --course select persons: not with"
					   " --graph, nor --by without --at-risk or --praise");
	if (s->contributions + s->milestones + s->expertise + (s->view != LCM_VIEW_ALL) > 1 ||
	    ((s->contributions || s->milestones || s->expertise) &&
	     (s->by != LCM_ENGAGE_BY_PERSON || s->graph_set)))
		return lcm_cli_usage_error(cli, "--contributions, --milestones, --expertise,"
					   " --at-risk, --praise, --by and --graph exclude each other");
	if (s->include_staff && !s->contributions && !s->expertise)
		return lcm_cli_usage_error(cli, "--include-staff goes with --contributions"
					   " or --expertise");
	if (s->url && !s->contributions)
		return lcm_cli_usage_error(cli, "--url goes with --contributions");
	if ((s->ladder || s->all) && !s->milestones)
		return lcm_cli_usage_error(cli, "--ladder and --all go with --milestones");
	if ((s->theme || s->person) && !s->expertise)
		return lcm_cli_usage_error(cli, "--theme and --person go with --expertise");
	if (s->contributions && !top_set)
		s->top = 10;
	if (s->expertise && !top_set)
		s->top = 3;
	if (top_set && s->view == LCM_VIEW_ALL && !s->contributions && !s->expertise)
		return lcm_cli_usage_error(cli, "--top goes with --praise or --at-risk");
	if (s->view == LCM_VIEW_PRAISE && !top_set)
		s->top = 10;
	*key = NULL;
	if (s->pseudo) {
		if (lcm_pseudo_key(cli, key) != LCM_EXIT_OK)
			return LCM_EXIT_ERROR;
	}
	return LCM_EXIT_OK;
}

/*
 * --contributions or --milestones (lib/engage/contributions.h,
 * milestones.h): rendered, flushed, and only then recorded as shown.
 */
static int
recognition(struct lcm_cli *cli, const struct settings *s, struct lcm_store *st,
	    const struct lcm_engage *e)
{
	struct lcm_recognition_out o = { s->fmt, s->excel, s->local, s->url };
	struct lcm_contribution *c = NULL;
	struct lcm_milestones ms = { 0 };
	struct lcm_ladder l = { 0 };
	struct lcm_err err;
	size_t n = 0;
	int r, status = LCM_EXIT_ERROR;

	lcm_err_init(&err);
	if (s->contributions) {
		if (lcm_contributions(st, e, s->include_staff, (size_t)s->top, &c, &n, &err) < 0)
			goto fail;
		r = cli->quiet ? 0 : lcm_contributions_render(st, e, c, n, &o, stdout, &err);
	} else {
		if ((s->ladder ? lcm_ladder_load(s->ladder, &l, &err) :
		     lcm_ladder_parse(lcm_ladder_default, "default ladder", &l, &err)) < 0)
			goto fail;
		lcm_milestones_find(e, &l, &ms);
		if (!s->all && lcm_milestones_drop_seen(st, e, &l, &ms, &err) < 0)
			goto fail;
		n = ms.n;
		/* -q silences messages, never the list: what is recorded was shown */
		r = lcm_milestones_render(st, e, &l, &ms, &o, stdout, &err);
	}
	if (r < 0 && err.msg[0])
		goto fail;
	if ((r = lcm_cli_flush(cli, r)) != 0) {
		status = r < 0 ? LCM_EXIT_ERROR : n ? LCM_EXIT_OK : LCM_EXIT_NONE;
		goto out;
	}
	if (s->milestones && !s->all && n &&
	    lcm_milestones_record(st, e, &l, &ms, cli->now, &err) < 0)
		goto fail;
	status = n ? LCM_EXIT_OK : LCM_EXIT_NONE;
	goto out;
fail:
	lcm_cli_fail(cli, &err);
out:
	free(c);
	free(ms.m);
	lcm_ladder_release(&l);
	return status;
}

int
main(int argc, char **argv)
{
	struct lcm_cli cli;
	struct settings s;
	struct lcm_store st = { 0 };
	struct lcm_engage e;
	struct lcm_engage_groups gs = { 0 };
	struct lcm_err err;
	const char *fmt = NULL, *key = NULL;
	int64_t until = INT64_MIN;
	double *scores = NULL;
	unsigned char *in_course = NULL;
	int c, r, status, opened = 0, loaded = 0, top_set = 0;
	size_t n = 0;

	lcm_cli_init(&cli, "lcm-engage");
	lcm_err_init(&err);
	memset(&s, 0, sizeof(s));
	s.o.since = INT64_MIN;
	s.o.inactive_after = 14 * (int64_t)LCM_DAY;
	s.min_group = 5;
	while ((c = getopt_long(argc, argv, "f:qhV", options, NULL)) != -1) {
		if ((r = lcm_cli_option(&cli, c, optarg)) != 0) {
			if (r < 0)
				return LCM_EXIT_ERROR;
			continue;
		}
		switch (c) {
		case 'f':
			fmt = optarg;
			break;
		case LCM_OPT_EXCEL:
			s.excel = 1;
			break;
		case OPT_SINCE:
		case OPT_UNTIL:
			if (lcm_time_parse(optarg, NULL, c == OPT_SINCE ? &s.o.since : &until,
					   &err) < 0)
				return lcm_cli_usage_error(&cli, "--%s: %s",
							   c == OPT_SINCE ? "since" : "until", err.msg);
			break;
		case OPT_INACTIVE_AFTER:
			if (lcm_duration_parse(optarg, &s.o.inactive_after, &err) < 0)
				return lcm_cli_usage_error(&cli, "--inactive-after: %s", err.msg);
			break;
		case OPT_BY:
			if (lcm_engage_by_parse(optarg, &s.by) < 0)
				return lcm_cli_usage_error(&cli, "--by: not person, cohort, course,"
							   " forum, manager or week: '%s'", optarg);
			break;
		case OPT_AT_RISK:
		case OPT_PRAISE:
			if (s.view != LCM_VIEW_ALL)
				return lcm_cli_usage_error(&cli, "--at-risk and --praise exclude"
							   " each other");
			s.view = c == OPT_AT_RISK ? LCM_VIEW_AT_RISK : LCM_VIEW_PRAISE;
			break;
		case OPT_TOP:
			if ((s.top = number(&cli, "top", optarg, 1, 1000000)) < 0)
				return LCM_EXIT_ERROR;
			top_set = 1;
			break;
		case OPT_MIN_GROUP:
			if ((s.min_group = number(&cli, "min-group", optarg, 0, 1000000)) < 0)
				return LCM_EXIT_ERROR;
			break;
		case OPT_NETWORK:
			s.network = 1;
			break;
		case OPT_GRAPH:
			if (lcm_graph_format_parse(optarg, &s.graph) < 0)
				return lcm_cli_usage_error(&cli, "--graph: not gexf, graphml or dot: '%s'",
							   optarg);
			s.graph_set = 1;
			break;
		case OPT_PSEUDONYMIZE:
			s.pseudo = 1;
			break;
		case OPT_SCORE:
			s.score = 1;
			break;
		case OPT_COHORT:
			s.cohort = optarg;
			break;
		case OPT_COURSE:
			s.course = optarg;
			break;
		case OPT_CONTRIBUTIONS:
			s.contributions = 1;
			break;
		case OPT_MILESTONES:
			s.milestones = 1;
			break;
		case OPT_INCLUDE_STAFF:
			s.include_staff = 1;
			break;
		case OPT_URL:
			s.url = optarg;
			break;
		case OPT_LADDER:
			s.ladder = optarg;
			break;
		case OPT_ALL:
			s.all = 1;
			break;
		case OPT_EXPERTISE:
			s.expertise = 1;
			break;
		case OPT_THEME:
		case OPT_PERSON:
			*(c == OPT_THEME ? &s.theme : &s.person) = optarg;
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
	s.o.until = until != INT64_MIN ? until : cli.now;
	s.o.local = s.local = cli.tz != NULL;
	s.o.weeks = s.by == LCM_ENGAGE_BY_WEEK;
	if ((status = check(&cli, &s, top_set, &key)) != LCM_EXIT_OK)
		return status;
	if (lcm_cli_format(&cli, fmt, &s.fmt) < 0)
		return LCM_EXIT_ERROR;

	status = LCM_EXIT_ERROR;
	if (lcm_open_input(&st, cli.db, argv + optind, argc - optind, NULL,
			   s.milestones && !s.all ? LCM_OPEN_WRITE : 0, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	opened = 1;
	if (s.expertise) {
		status = expertise(&cli, &st, &s, key);
		goto out;
	}
	if (lcm_engage_load(&st, &s.o, &e, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	loaded = 1;
	if (key)
		lcm_engage_pseudonymize(&e, key);
	if (s.graph_set) {
		if (!cli.quiet)
			lcm_engage_graph_write(&e, s.graph, s.local, stdout);
		status = LCM_EXIT_OK;
		goto out;
	}
	if (s.contributions || s.milestones) {
		status = recognition(&cli, &s, &st, &e);
		goto out;
	}
	if (s.network)
		lcm_engage_network(&e);
	if (s.course) {
		in_course = lcm_xcalloc(e.npersons ? e.npersons : 1, 1);
		if (course_members(&st, &e, s.course, in_course, &err) < 0) {
			lcm_cli_fail(&cli, &err);
			goto out;
		}
		s.in_course = in_course;
	}
	if (s.score) {
		scores = lcm_xreallocarray(NULL, e.npersons ? e.npersons : 1, sizeof(*scores));
		if (lcm_engage_scores(&st, &e, scores, &err) < 0) {
			lcm_cli_fail(&cli, &err);
			goto out;
		}
		s.scores = scores;
	}
	if (s.by != LCM_ENGAGE_BY_PERSON &&
	    lcm_engage_groups(&st, &e, s.by, s.network && s.view == LCM_VIEW_ALL,
			      (size_t)s.min_group, &gs, &err) < 0) {
		lcm_cli_fail(&cli, &err);
		goto out;
	}
	if (s.by == LCM_ENGAGE_BY_PERSON)
		n = persons(&s, &e, cli.quiet);
	else if (s.view != LCM_VIEW_ALL)
		n = persons_by_group(&s, &e, &gs, cli.quiet);
	else if (!cli.quiet)
		group_rows(&s, &gs);
	status = s.view == LCM_VIEW_ALL || n ? LCM_EXIT_OK : LCM_EXIT_NONE;
out:
	lcm_engage_groups_release(&gs);
	free(scores);
	free(in_course);
	if (loaded)
		lcm_engage_release(&e);
	if (opened)
		lcm_store_close(&st);
	return lcm_cli_finish(&cli, status);
}
