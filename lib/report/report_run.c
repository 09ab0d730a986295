/*
 * report_run.c - lcm-report's reports written out (report_run.h).
 */
#include "report_run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "needs.h"
#include "xalloc.h"

/* Writes b to path (a new file, or replaced). 0, or -1 after the message. */
static int
write_file(const struct lcm_cli *cli, const char *path, const struct lcm_buf *b)
{
	FILE *fp = fopen(path, "w");
	int bad;

	if (!fp) {
		lcm_cli_warn(cli, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	bad = fwrite(b->data, 1, b->len, fp) != b->len;
	bad |= fclose(fp) != 0;
	if (bad) {
		lcm_cli_warn(cli, "cannot write '%s': %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Writes report r in the format of -f into b (emptied first). */
static void
render(const struct lcm_report_job *s, const struct lcm_report *r, struct lcm_buf *b)
{
	lcm_buf_reset(b);
	switch (s->fmt) {
	case LCM_REPORT_MD:
		lcm_report_md(r, b);
		break;
	case LCM_REPORT_HTML:
		lcm_report_html(r, b);
		break;
	case LCM_REPORT_JSON:
		lcm_report_json(r, b);
		break;
	default:
		lcm_report_text(r, s->color, b);
		break;
	}
}

/* The one report of the whole community, to -o or standard output. */
static int
one(const struct lcm_cli *cli, const struct lcm_report_job *s, struct lcm_store *st,
    const struct lcm_report_src *src)
{
	struct lcm_report r;
	struct lcm_buf b;
	struct lcm_err err;
	int status = LCM_EXIT_ERROR, werr;

	lcm_err_init(&err);
	lcm_buf_init(&b);
	if (lcm_report_make(st, src, 0, &r, &err) < 0) {
		lcm_cli_fail(cli, &err);
		goto out;
	}
	if (s->needs) {
		if ((werr = lcm_report_needs_render(stdout, &r, s->table_fmt, 0)) != 0) {
			lcm_cli_warn(cli, "cannot write: %s", strerror(werr));
			goto out;
		}
		status = r.nneeds ? LCM_EXIT_OK : LCM_EXIT_NONE;
		goto out;
	}
	render(s, &r, &b);
	if (s->output) {
		if (write_file(cli, s->output, &b) < 0)
			goto out;
	} else if (!cli->quiet) {
		fwrite(b.data, 1, b.len, stdout);
	}
	status = LCM_EXIT_OK;
out:
	lcm_report_release(&r);
	lcm_buf_release(&b);
	return status;
}

/* Is name one of the n names of used? */
static int
used_name(char **used, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(used[i], name) == 0)
			return 1;
	return 0;
}

static const char *const split_names[] = { "", "cohort", "course", "manager" };

/* One report per group into s->out_dir, listed on standard output. */
static int
split(const struct lcm_cli *cli, const struct lcm_report_job *s, struct lcm_store *st,
      const struct lcm_report_src *src)
{
	struct lcm_report r;
	struct lcm_buf b, path;
	struct lcm_err err;
	struct stat sb;
	char **used = NULL, *slug;
	size_t i, nused = 0, k;
	int status = LCM_EXIT_ERROR;

	lcm_err_init(&err);
	lcm_buf_init(&b);
	lcm_buf_init(&path);
	if (mkdir(s->out_dir, 0777) < 0 && errno != EEXIST) {
		lcm_cli_warn(cli, "cannot make directory '%s': %s", s->out_dir, strerror(errno));
		goto out;
	}
	if (stat(s->out_dir, &sb) < 0 || !S_ISDIR(sb.st_mode)) {
		lcm_cli_warn(cli, "'%s' is not a directory", s->out_dir);
		goto out;
	}
	used = lcm_xreallocarray(NULL, src->groups.n ? src->groups.n : 1, sizeof(*used));
	for (i = 0; i < src->groups.n; i++) {
		const struct lcm_engage_group *g = &src->groups.g[i];

		if (g->suppressed) {
			if (!cli->quiet)
				lcm_cli_warn(cli, "%s '%s': %zu learner%s, under --min-group %zu:"
					     " no report", split_names[s->o.split],
					     g->key ? g->key : "none", g->nmembers,
					     g->nmembers == 1 ? "" : "s", s->o.min_group);
			continue;
		}
		/* two keys may make one slug ("Groupe A", "groupe-a"): number them */
		slug = lcm_report_slug(g->key);
		lcm_buf_reset(&b);
		lcm_buf_adds(&b, slug);
		for (k = 2; used_name(used, nused, b.data); k++) {
			lcm_buf_reset(&b);
			lcm_buf_printf(&b, "%s-%zu", slug, k);
		}
		free(slug);
		used[nused++] = lcm_xstrdup(b.data);
		lcm_buf_reset(&path);
		lcm_buf_printf(&path, "%s/%s.%s", s->out_dir, b.data,
			       lcm_report_format_ext(s->fmt));
		if (lcm_report_make(st, src, i, &r, &err) < 0) {
			lcm_cli_fail(cli, &err);
			lcm_report_release(&r);
			goto out;
		}
		render(s, &r, &b);
		lcm_report_release(&r);
		if (write_file(cli, path.data, &b) < 0)
			goto out;
		if (!cli->quiet)
			printf("%s\t%s\n", g->key ? g->key : "", path.data);
	}
	status = LCM_EXIT_OK;
out:
	for (i = 0; i < nused; i++)
		free(used[i]);
	free(used);
	lcm_buf_release(&b);
	lcm_buf_release(&path);
	return status;
}

int
lcm_report_run(const struct lcm_cli *cli, const struct lcm_report_job *job,
	       struct lcm_store *st, const struct lcm_report_src *src)
{
	return job->o.split ? split(cli, job, st, src) : one(cli, job, st, src);
}
