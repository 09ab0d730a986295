/*
 * engage_run.c - lcm-engage's runs that are more than one table
 * (engage_run.h).
 */
#include "engage_run.h"

#include <stdio.h>
#include <stdlib.h>

#include "contributions.h"
#include "expertise.h"
#include "milestones.h"

int
lcm_engage_expertise_run(const struct lcm_cli *cli, struct lcm_store *st,
			 const struct lcm_engage_job *s, const char *key)
{
	struct lcm_expertise x;
	struct lcm_err err;
	char stem[256];
	size_t n;

	lcm_err_init(&err);
	if (s->theme && lcm_expertise_theme(s->theme, stem, sizeof(stem), &err) < 0)
		return lcm_cli_usage_error(cli, "--theme: %s", err.msg);
	if (lcm_expertise_build(st, s->include_staff, s->person ? 0 : s->top, s->theme,
				&x, &err) < 0) {
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

int
lcm_engage_recognition_run(struct lcm_cli *cli, struct lcm_store *st,
			   const struct lcm_engage *e, const struct lcm_engage_job *s)
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
		if (lcm_milestones_find(st, e, &l, &ms, &err) < 0)
			goto fail;
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
