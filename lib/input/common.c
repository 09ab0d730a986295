/* common.c - helpers every input format uses: see input.h. */
#include "input/input.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "text.h"
#include "xalloc.h"

const char *
lcm_in_platform(const struct lcm_import *im, const struct lcm_input_format *f,
		const char *col)
{
	if (f->platform)
		return f->platform;
	if (col && *col)
		return col;
	return im->opts->platform ? im->opts->platform : "lcm";
}

const char *
lcm_in_opt(const char *v)
{
	return v && *v ? v : NULL;
}

int
lcm_in_need(const char *col, const char *v, struct lcm_err *err)
{
	if (!v || !*v)
		return lcm_error(err, "column '%s' is empty", col);
	return 0;
}

int
lcm_in_int(const char *col, const char *v, int64_t *out, struct lcm_err *err)
{
	char q[64], *end;
	long long n;

	if (lcm_in_need(col, v, err) < 0)
		return -1;
	errno = 0;
	n = strtoll(v, &end, 10);
	while (*end == ' ')
		end++;
	if (errno || *end || end == v || *v == ' ')
		return lcm_error(err, "column '%s': not a number: '%s'", col,
				 lcm_err_quote(v, q, sizeof(q)));
	*out = n;
	return 0;
}

int
lcm_in_time(const struct lcm_import *im, const char *col, const char *v,
	    int64_t *out, struct lcm_err *err)
{
	struct lcm_err e;

	if (lcm_in_need(col, v, err) < 0)
		return -1;
	lcm_err_init(&e);
	if (lcm_time_parse(v, &im->opts->time, out, &e) < 0)
		return lcm_error(err, "column '%s': %s", col, e.msg);
	return 0;
}

int
lcm_in_bool(const char *col, const char *v, int *out, struct lcm_err *err)
{
	static const char *const yes[] = { "1", "true", "yes", "oui", "y", NULL };
	static const char *const no[] = { "0", "false", "no", "non", "n", "", NULL };
	char q[64];
	int i;

	if (!v) {
		*out = 0;
		return 0;
	}
	for (i = 0; yes[i]; i++)
		if (strcasecmp(v, yes[i]) == 0)
			return *out = 1, 0;
	for (i = 0; no[i]; i++)
		if (strcasecmp(v, no[i]) == 0)
			return *out = 0, 0;
	return lcm_error(err, "column '%s': not 0 or 1: '%s'", col,
			 lcm_err_quote(v, q, sizeof(q)));
}

void
lcm_in_count(struct lcm_import *im, enum lcm_kind k, enum lcm_outcome o)
{
	im->stats->count[k][o]++;
}

int
lcm_in_person(struct lcm_import *im, const struct lcm_person *p, int64_t *id,
	      struct lcm_err *err)
{
	enum lcm_outcome o;
	struct lcm_buf key;
	int rc = 0;

	lcm_buf_init(&key);
	lcm_buf_printf(&key, "%s\x1f%s", p->platform, p->external_id);
	/* Within one file a person's details do not change from row to row. */
	if (!lcm_strmap_get(&im->persons, key.data, id)) {
		rc = lcm_store_person(im->st, p, id, &o, err);
		if (rc == 0) {
			lcm_in_count(im, LCM_K_PERSON, o);
			lcm_strmap_put(&im->persons, key.data, *id);
		}
	}
	lcm_buf_release(&key);
	return rc;
}

int
lcm_in_course(struct lcm_import *im, const char *platform, const char *name,
	      int64_t *id, struct lcm_err *err)
{
	if (!name) {
		if (im->course_id || !im->opts->course) {
			*id = im->course_id;
			return 0;
		}
		if (lcm_store_course(im->st, platform, im->opts->course,
				     im->opts->course, &im->course_id, err) < 0)
			return -1;
		*id = im->course_id;
		return 0;
	}
	return lcm_store_course(im->st, platform, name, name, id, err);
}

int
lcm_in_thread(struct lcm_import *im, const struct lcm_thread *t, int root,
	      int64_t *id, struct lcm_err *err)
{
	enum lcm_outcome o;
	int seen = lcm_strmap_get(&im->threads, t->external_id, id);

	/* a reply only needs the id; the opening post sets the details */
	if (seen && !root)
		return 0;
	if (lcm_store_thread(im->st, t, id, &o, err) < 0)
		return -1;
	if (!seen) {
		lcm_in_count(im, LCM_K_THREAD, o);
		lcm_strmap_put(&im->threads, t->external_id, *id);
	}
	return 0;
}

int
lcm_in_forum(struct lcm_import *im, const char *platform, const char *course,
	     int64_t course_id, const char *name, int64_t *id, struct lcm_err *err)
{
	struct lcm_buf ext;
	int rc;

	/* two courses may each have a forum called "Questions" */
	lcm_buf_init(&ext);
	if (course)
		lcm_buf_printf(&ext, "%s/%s", course, name);
	else
		lcm_buf_adds(&ext, name);
	rc = lcm_store_forum(im->st, platform, ext.data, course_id, name, id, err);
	lcm_buf_release(&ext);
	return rc;
}

char *
lcm_in_body(const char *message, int is_html)
{
	if (!message)
		return lcm_xstrdup("");
	if (is_html)
		return lcm_html_to_text(message, strlen(message));
	/* plain text: only whitespace is tidied, by the excerpt-free path */
	return lcm_xstrdup(message);
}
