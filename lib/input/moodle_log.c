/*
 * moodle_log.c - Moodle's standard log report download (report/log).
 *
 * Columns are found by their header, in English or French; extra columns
 * (an index added by a spreadsheet, the site-wide "Course") are ignored.
 * The acting user's Moodle id is read from the Description ("The user
 * with id '58' ...") so log events join the same person as forum posts;
 * without it the user is matched by full name. Rows carry no id of their
 * own: a row's id is a hash of its cells, plus how many identical rows
 * came before it at the same time, so a re-import changes nothing.
 */
#include "input/input.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

enum { TIME, USER, AFFECTED, CONTEXT, COMPONENT, EVENT, DESCRIPTION, ORIGIN,
	IP, COURSE, NCOLS };

static const struct lcm_column cols[NCOLS] = {
	[TIME] = { "time|heure|date", 1 },
	[USER] = { "user full name|nom complet de l'utilisateur|nom complet", 1 },
	[AFFECTED] = { "affected user|utilisateur concerné", 0 },
	[CONTEXT] = { "event context|contexte de l'événement|contexte", 1 },
	[COMPONENT] = { "component|composant", 0 },
	[EVENT] = { "event name|nom de l'événement|événement", 1 },
	[DESCRIPTION] = { "description", 1 },
	[ORIGIN] = { "origin|origine", 0 },
	[IP] = { "ip address|adresse ip", 0 },
	[COURSE] = { "course|cours", 0 },
};

/* Identical rows seen at the current time value, to number duplicates. */
struct state {
	char *time;			/* the time cell of the rows in seen */
	struct lcm_strmap seen;		/* row hash -> rows so far */
	struct lcm_strmap by_name;	/* full name -> person id */
};

/* The Moodle user id in "The user with id '58' ...", or NULL. */
static char *
user_id_of(const char *desc)
{
	static const char lead[] = "The user with id '";
	const char *p = strstr(desc, lead), *end;

	if (!p)
		return NULL;
	p += sizeof(lead) - 1;
	end = p;
	while (*end >= '0' && *end <= '9')
		end++;
	if (end == p || *end != '\'')
		return NULL;
	return lcm_xstrndup(p, (size_t)(end - p));
}

/* The person acting in the row, 0 when "-" (no user). */
static int
actor(struct lcm_import *im, struct state *s, const char *name,
      const char *desc, int64_t *id, struct lcm_err *err)
{
	struct lcm_person p = { 0 };
	struct lcm_buf ext;
	char *uid = user_id_of(desc);
	int rc = 0, found;

	*id = 0;
	p.platform = "moodle";
	p.name = strcmp(name, "-") == 0 || !*name ? NULL : name;
	/* id 0 is Moodle's visitor who is not logged in: nobody */
	if (uid && strcmp(uid, "0") == 0) {
		free(uid);
		return 0;
	}
	if (uid) {
		p.external_id = uid;
		rc = lcm_in_person(im, &p, id, err);
		free(uid);
		return rc;
	}
	if (!p.name)
		return 0;
	if (lcm_strmap_get(&s->by_name, name, id))
		return 0;
	found = lcm_store_person_by_name(im->st, "moodle", name, id, err);
	if (found < 0)
		return -1;
	if (!found) {
		/* no id anywhere: the name is all we have */
		lcm_buf_init(&ext);
		lcm_buf_printf(&ext, "name:%s", name);
		p.external_id = ext.data;
		rc = lcm_in_person(im, &p, id, err);
		lcm_buf_release(&ext);
	}
	if (rc == 0)
		lcm_strmap_put(&s->by_name, name, *id);
	return rc;
}

/* The row's external id: hash of its cells and its rank among equals. */
static void
row_id(struct state *s, const char *const *v, char *out, size_t size)
{
	uint64_t h = LCM_FNV_INIT;
	int64_t n = 0;
	char key[32];
	int i;

	for (i = 0; i < NCOLS; i++) {
		if (v[i])
			h = lcm_fnv1a(h, v[i], strlen(v[i]));
		h = lcm_fnv1a(h, "\x1f", 1);
	}
	if (!s->time || strcmp(s->time, v[TIME]) != 0) {
		free(s->time);
		s->time = lcm_xstrdup(v[TIME]);
		lcm_strmap_release(&s->seen);
	}
	snprintf(key, sizeof(key), "%016llx", (unsigned long long)h);
	lcm_strmap_get(&s->seen, key, &n);
	lcm_strmap_put(&s->seen, key, n + 1);
	snprintf(out, size, "%s-%lld", key, (long long)n);
}

static int
row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct state *s = im->state;
	struct lcm_event e = { 0 };
	enum lcm_outcome o;
	char ext[64];

	if (!s) {
		s = im->state = lcm_xcalloc(1, sizeof(*s));
		lcm_strmap_init(&s->seen);
		lcm_strmap_init(&s->by_name);
	}
	if (lcm_in_time(im, "time", v[TIME], &e.ts, err) < 0 ||
	    lcm_in_need("event name", v[EVENT], err) < 0)
		return -1;
	if (actor(im, s, v[USER], v[DESCRIPTION], &e.person_id, err) < 0)
		return -1;
	if (lcm_in_opt(v[COURSE]) && strcmp(v[COURSE], "-") != 0) {
		if (lcm_in_course(im, "moodle", v[COURSE], &e.course_id, err) < 0)
			return -1;
	} else if (lcm_in_course(im, "moodle", NULL, &e.course_id, err) < 0) {
		return -1;
	}
	if (lcm_store_term(im->st, v[EVENT], &e.verb, err) < 0)
		return -1;
	if (lcm_in_opt(v[CONTEXT]) && lcm_store_term(im->st, v[CONTEXT], &e.object, err) < 0)
		return -1;
	row_id(s, v, ext, sizeof(ext));
	e.platform = "moodle";
	e.external_id = ext;
	if (lcm_store_event(im->st, &e, &o, err) < 0)
		return -1;
	lcm_in_count(im, LCM_K_EVENT, o);
	return 0;
}

static int
finish(struct lcm_import *im, int ok, struct lcm_err *err)
{
	struct state *s = im->state;

	(void)ok;
	(void)err;
	if (s) {
		free(s->time);
		lcm_strmap_release(&s->seen);
		lcm_strmap_release(&s->by_name);
		free(s);
		im->state = NULL;
	}
	return 0;
}

const struct lcm_input_format lcm_fmt_moodle_log = {
	.name = "moodle-log", .platform = "moodle",
	.cols = cols, .ncols = NCOLS, .row = row, .finish = finish
};
