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

/*
 * Entries a cache of ids (im->persons, im->threads) holds, some 8 MB:
 * then it starts again, and an entry missed costs one store lookup.
 */
#define CACHE_MAX 131072

/* Adds id to b (grown as needed); returns 1 when it was there already. */
static int
mark(struct lcm_idbits *b, int64_t id)
{
	size_t byte = (size_t)id / 8, n;
	unsigned bit = 1u << (id % 8);
	int had;

	if (byte >= b->len) {
		n = b->len ? b->len : 4096;
		while (n <= byte)
			n *= 2;
		b->bits = lcm_xrealloc(b->bits, n);
		memset(b->bits + b->len, 0, n - b->len);
		b->len = n;
	}
	had = (b->bits[byte] & bit) != 0;
	b->bits[byte] |= bit;
	return had;
}

/* Caches key -> id in m, emptying m first when it is full. */
static void
cache(struct lcm_strmap *m, const char *key, int64_t id)
{
	if (m->len >= CACHE_MAX) {
		lcm_strmap_release(m);
		lcm_strmap_init(m);
	}
	lcm_strmap_put(m, key, id);
}

int
lcm_in_person(struct lcm_import *im, const struct lcm_person *p, int64_t *id,
	      struct lcm_err *err)
{
	enum lcm_outcome o;
	struct lcm_buf big;
	char small[128], *key = small;
	size_t lp = strlen(p->platform), le = strlen(p->external_id);
	int rc = 0;

	/* called for every row of a log: the key is made without malloc */
	lcm_buf_init(&big);
	if (lp + le + 2 > sizeof(small)) {
		lcm_buf_grow(&big, lp + le + 2);
		key = big.data;
	}
	memcpy(key, p->platform, lp);
	key[lp] = '\x1f';
	memcpy(key + lp + 1, p->external_id, le + 1);
	/* Within one file a person's details do not change from row to row. */
	if (!lcm_strmap_get(&im->persons, key, id)) {
		rc = lcm_store_person(im->st, p, id, &o, err);
		if (rc == 0) {
			if (!mark(&im->persons_counted, *id))
				lcm_in_count(im, LCM_K_PERSON, o);
			cache(&im->persons, key, *id);
		}
	}
	lcm_buf_release(&big);
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
		if (!mark(&im->threads_counted, *id))
			lcm_in_count(im, LCM_K_THREAD, o);
		cache(&im->threads, t->external_id, *id);
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
