/*
 * pathway_run.c - lcm-pathway's run once its options are read
 * (pathway_run.h): the catalogue and the learners loaded, checked, and
 * each selected learner's pathway written.
 */
#include "pathway_run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "catalogue.h"
#include "xalloc.h"

/* Opens path for reading ("-": standard input); NULL with err filled. */
static FILE *
fopen_in(const char *path, struct lcm_err *err)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");

	if (!fp)
		lcm_error(err, "cannot open '%s': %s", path, strerror(errno));
	return fp;
}

/* Closes what fopen_in opened (not standard input). */
static void
close_in(FILE *fp)
{
	if (fp && fp != stdin)
		fclose(fp);
}

/* Prints faults as "prog: file:line: message"; returns their number. */
static size_t
print_faults(const struct lcm_cli *cli, const struct lcm_faults *f, const char *file)
{
	struct lcm_err e;
	size_t i;

	for (i = 0; i < f->n; i++) {
		lcm_err_init(&e);
		if (f->v[i].kind != LCM_FAULT_UNTAUGHT) {
			snprintf(e.file, sizeof(e.file), "%s", file);
			e.line = f->v[i].line;
		}
		snprintf(e.msg, sizeof(e.msg), "%s", f->v[i].msg);
		lcm_err_print(&e, cli->prog, stderr);
	}
	return f->n;
}

/* "L1, L2, L3 and 4 more" of the learners ids[0..n-1], into b. */
static void
name_some(struct lcm_buf *b, const struct lcm_strlist *ids)
{
	size_t i;

	lcm_buf_reset(b);
	lcm_buf_printf(b, "learner%s ", ids->n == 1 ? "" : "s");
	for (i = 0; i < ids->n && i < 3; i++)
		lcm_buf_printf(b, "%s'%s'", i ? ", " : "", ids->v[i]);
	if (ids->n > 3)
		lcm_buf_printf(b, " and %zu more", ids->n - 3);
}

/*
 * Goals no brick teaches, with the learners who have them, as faults;
 * the learners' own goals, or the --goal ones for those without.
 */
static void
untaught(const struct lcm_pathway_job *s, const struct lcm_catalogue *c, const struct lcm_learners *ls,
	 const unsigned char *sel, struct lcm_faults *f)
{
	struct lcm_strlist skills = { 0 }, *who = NULL;
	const struct lcm_strlist *goals;
	struct lcm_buf b;
	size_t i, j, k;

	for (i = 0; i < ls->n; i++) {
		if (!sel[i])
			continue;
		goals = ls->v[i].goals.n ? &ls->v[i].goals : &s->goals;
		for (j = 0; j < goals->n; j++) {
			if (lcm_catalogue_skill(c, goals->v[j]) ||
			    lcm_strlist_find(&ls->v[i].has, goals->v[j]) != LCM_CAT_NONE)
				continue;
			if ((k = lcm_strlist_find(&skills, goals->v[j])) == LCM_CAT_NONE) {
				k = skills.n;
				lcm_strlist_add(&skills, goals->v[j]);
				who = lcm_xreallocarray(who, skills.n, sizeof(*who));
				memset(&who[k], 0, sizeof(*who));
			}
			lcm_strlist_add(&who[k], ls->v[i].id);
		}
	}
	lcm_buf_init(&b);
	for (k = 0; k < skills.n; k++) {
		name_some(&b, &who[k]);
		lcm_catalogue_check_goal(c, skills.v[k], b.data, f);
		lcm_strlist_release(&who[k]);
	}
	/* --goal with no learner to give it to (--check alone) */
	for (j = 0; j < s->goals.n; j++)
		if (lcm_strlist_find(&skills, s->goals.v[j]) == LCM_CAT_NONE && !ls->n)
			lcm_catalogue_check_goal(c, s->goals.v[j], "--goal", f);
	lcm_buf_release(&b);
	lcm_strlist_release(&skills);
	free(who);
}

/*
 * Plans and writes the pathway of every selected learner, then warns
 * of bricks over a week's budget and of bricks left out by --weeks.
 */
static int
plan_all(const struct lcm_cli *cli, const struct lcm_pathway_job *s, const struct lcm_catalogue *c, const struct lcm_learners *ls,
	 const unsigned char *sel, struct lcm_err *err)
{
	struct lcm_planner *p = lcm_planner_new(c, &s->o);
	struct lcm_pathway_out *out = NULL;
	struct lcm_plan plan = { 0 };
	struct lcm_strlist cut = { 0 };
	struct lcm_buf b;
	size_t *over = lcm_xcalloc(c->n + 1, sizeof(*over)), i, j;
	int rc = -1;

	lcm_buf_init(&b);
	out = lcm_pathway_out_new(stdout, s->fmt, s->o.explain,
				  s->excel ? LCM_RENDER_EXCEL : 0);
	for (i = 0; i < ls->n; i++) {
		if (!sel[i])
			continue;
		if (lcm_planner_plan(p, &ls->v[i], &plan, err) < 0)
			goto out;
		lcm_pathway_out_learner(out, c, &ls->v[i], &plan);
		for (j = 0; j < plan.n; j++)
			if (plan.v[j].over_budget)
				over[plan.v[j].brick]++;
		if (plan.left_out)
			lcm_strlist_add(&cut, ls->v[i].id);
	}
	lcm_pathway_out_end(out);
	for (i = 0; !cli->quiet && i < c->n; i++)
		if (over[i])
			lcm_cli_warn(cli, "brick '%s' (%lld min) is longer than the weekly "
				     "budget of %zu learner%s: it has a week of its own",
				     c->b[i].id, (long long)c->b[i].duration, over[i],
				     over[i] == 1 ? "" : "s");
	if (cut.n && !cli->quiet) {
		name_some(&b, &cut);
		lcm_cli_warn(cli, "bricks left out beyond week %d for %s", s->o.weeks,
			     b.data);
	}
	rc = 0;
out:
	lcm_pathway_out_free(out);
	lcm_planner_free(p);
	lcm_plan_release(&plan);
	lcm_strlist_release(&cut);
	lcm_buf_release(&b);
	free(over);
	return rc;
}

/* Reads the catalogue: the file, else the store. */
static int
load_catalogue(const struct lcm_pathway_job *s, struct lcm_catalogue *c, struct lcm_store *st, int opened, struct lcm_err *err)
{
	FILE *fp;
	int rc;

	if (!s->catalogue) {
		if (!opened)
			return lcm_error(err, "no catalogue: give --catalogue FILE");
		if (lcm_catalogue_load_store(c, st, err) < 0)
			return -1;
		if (!c->n)
			return lcm_error(err, "store '%s' holds no catalogue: give "
					 "--catalogue FILE", st->path);
		return 0;
	}
	if (!(fp = fopen_in(s->catalogue, err)))
		return -1;
	rc = lcm_catalogue_read(c, fp, s->catalogue, err);
	close_in(fp);
	return rc;
}

/* Reads the learners and scores files, completed from the store. */
static int
load_learners(const struct lcm_pathway_job *s, struct lcm_learners *ls, struct lcm_store *st, int opened, struct lcm_err *err)
{
	FILE *fp;
	int rc = 0, flags = LCM_LOAD_ADD;

	if (s->learners) {
		if (!(fp = fopen_in(s->learners, err)))
			return -1;
		rc = lcm_learners_read_csv(ls, fp, s->learners, err);
		close_in(fp);
		flags = 0;
	}
	/* the store's learners: those with goals, or all when goals are given */
	if (s->goals.n || s->only.n)
		flags |= LCM_LOAD_ALL;
	if (rc == 0 && opened)
		rc = lcm_learners_load_store(ls, st, flags, s->key, err);
	if (rc == 0 && s->scores) {
		if (!(fp = fopen_in(s->scores, err)))
			return -1;
		rc = lcm_scores_read_csv(ls, fp, s->scores, err);
		close_in(fp);
	}
	return rc;
}

/* Marks in sel the learners to plan for: all, or those of --learner. */
static unsigned char *
select_learners(const struct lcm_pathway_job *s, struct lcm_learners *ls, const char *source, struct lcm_err *err)
{
	unsigned char *sel = lcm_xcalloc(ls->n + 1, 1);
	struct lcm_learner *l;
	size_t i;

	if (!s->only.n)
		memset(sel, 1, ls->n);
	for (i = 0; i < s->only.n; i++) {
		if (!(l = lcm_learners_find(ls, s->only.v[i]))) {
			lcm_error(err, "learner '%s' not found in '%s'", s->only.v[i], source);
			free(sel);
			return NULL;
		}
		sel[l - ls->v] = 1;
	}
	return sel;
}

/*
 * Shows the learners by pseudonym, and warns of ids that look like
 * pseudonyms but that the store does not know: they are hashed again
 * (never printed as given: they may be real ids), so they will not
 * match lcm-engage's->
 */
static void
pseudonymize(const struct lcm_cli *cli, struct lcm_learners *ls, const char *key)
{
	size_t again = lcm_learners_pseudonymize(ls, key);

	if (again && !cli->quiet)
		lcm_cli_warn(cli, "%zu learner%s the store does not know look%s like %s: "
			     "hashed again (another key or store?)", again,
			     again == 1 ? "" : "s", again == 1 ? "s" : "",
			     again == 1 ? "a pseudonym" : "pseudonyms");
}

int
lcm_pathway_run(const struct lcm_cli *cli, const struct lcm_pathway_job *s)
{
	struct lcm_store st = { 0 };
	struct lcm_catalogue c;
	struct lcm_learners ls;
	struct lcm_faults faults = { 0 }, unmet = { 0 };
	struct lcm_err err;
	unsigned char *sel = NULL;
	const char *path;
	int status = LCM_EXIT_ERROR, opened = 0, need_store;
	long n;
	size_t i, nogoal = 0;

	lcm_err_init(&err);
	lcm_catalogue_init(&c);
	lcm_learners_init(&ls);
	/*
	 * The store is needed for a catalogue or learners not given as
	 * files; otherwise it completes the learners file when it exists.
	 */
	path = lcm_store_default_path(cli->db);
	need_store = !s->catalogue || (!s->learners && (!s->check || cli->db));
	if (need_store || cli->db || (s->learners && access(path, F_OK) == 0)) {
		if (lcm_store_open(&st, path, LCM_STORE_READONLY, 5000, &err) < 0) {
			lcm_cli_fail(cli, &err);
			goto out;
		}
		opened = 1;
	}
	if (load_catalogue(s, &c, &st, opened, &err) < 0) {
		lcm_cli_fail(cli, &err);
		goto out;
	}
	lcm_catalogue_check(&c, &faults);
	if (!s->check || s->learners || cli->db) {
		if (load_learners(s, &ls, &st, opened, &err) < 0) {
			lcm_cli_fail(cli, &err);
			goto out;
		}
		if (s->key)
			pseudonymize(cli, &ls, s->key);
		if (!(sel = select_learners(s, &ls, s->learners ? s->learners : path, &err))) {
			lcm_cli_fail(cli, &err);
			goto out;
		}
	} else {
		sel = lcm_xcalloc(1, 1);
	}
	untaught(s, &c, &ls, sel, &unmet);
	if (s->check) {
		n = (long)(print_faults(cli, &faults, c.name) +
			   print_faults(cli, &unmet, c.name));
		if (n)
			lcm_cli_warn(cli, "%ld fault%s found", n, n == 1 ? "" : "s");
		status = n ? LCM_EXIT_ERROR : LCM_EXIT_OK;
		goto out;
	}
	if (print_faults(cli, &faults, c.name)) {
		lcm_cli_warn(cli, "cannot plan: the catalogue '%s' has %zu fault%s",
			     c.name, faults.n, faults.n == 1 ? "" : "s");
		goto out;
	}
	if (s->strict && print_faults(cli, &unmet, c.name)) {
		lcm_cli_warn(cli, "--strict: %zu goal%s no brick teaches", unmet.n,
			     unmet.n == 1 ? "" : "s");
		goto out;
	}
	for (i = 0; !cli->quiet && i < unmet.n; i++)
		lcm_cli_warn(cli, "%s", unmet.v[i].msg);
	for (i = 0; i < ls.n; i++)
		nogoal += sel[i] && !ls.v[i].goals.n && !s->goals.n && !ls.v[i].nscores;
	if (nogoal && !cli->quiet)
		lcm_cli_warn(cli, "%zu learner%s without a goal: give --goal or a goals "
			     "column", nogoal, nogoal == 1 ? "" : "s");
	if (!ls.n && !cli->quiet)
		lcm_cli_warn(cli, "no learner to plan for");
	if (plan_all(cli, s, &c, &ls, sel, &err) < 0) {
		lcm_cli_fail(cli, &err);
		goto out;
	}
	status = LCM_EXIT_OK;
out:
	free(sel);
	lcm_faults_release(&faults);
	lcm_faults_release(&unmet);
	lcm_learners_release(&ls);
	lcm_catalogue_release(&c);
	if (opened)
		lcm_store_close(&st);
	return status;
}
