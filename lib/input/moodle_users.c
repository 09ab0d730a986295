/*
 * moodle_users.c - a Moodle participants or user list CSV: who is who,
 * their role (teacher or manager -> staff) and cohort (or first group).
 *
 * The participants download has First name, Last name and the identity
 * fields (email by default); admin user exports add id and username. A
 * person is keyed by Moodle id when there is one (the key the forum
 * export and the log use), else matched by full name, else by username.
 * The username is kept whatever the key, so that --link-by username
 * joins the Moodle account with the same login on another platform.
 */
#include "input/input.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

enum { ID, USERNAME, FIRSTNAME, LASTNAME, FULLNAME, EMAIL, ROLES, GROUPS,
	COHORT, NCOLS };

static const struct lcm_column cols[NCOLS] = {
	[ID] = { "id|userid|user id", 0 },
	[USERNAME] = { "username|nom d'utilisateur", 0 },
	[FIRSTNAME] = { "first name|firstname|prénom", 1 },
	[LASTNAME] = { "last name|lastname|surname|nom de famille|nom", 1 },
	[FULLNAME] = { "full name|fullname|nom complet", 0 },
	[EMAIL] = { "email address|email|e-mail|adresse de courriel|adresse e-mail", 0 },
	[ROLES] = { "roles|role|rôles|rôle", 0 },
	[GROUPS] = { "groups|group|groupes|groupe", 0 },
	[COHORT] = { "cohort|cohorte|cohorts|cohortes", 0 },
};

/* Lower-cased copy of s (ASCII only; enough for role names). */
static char *
lower(const char *s)
{
	char *l = lcm_xstrdup(s), *p;

	for (p = l; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return l;
}

/* lcm's role from Moodle role names ("Teacher, Student"), NULL if none. */
static const char *
role_of(const char *roles)
{
	static const char *const staff[] = {
		"teacher", "manager", "course creator", "enseignant", "gestionnaire",
		"formateur", "tuteur", "tutor", "trainer", "créateur de cours", NULL
	};
	const char *r = NULL;
	char *l;
	int i;

	if (!roles || !*roles)
		return NULL;
	l = lower(roles);
	if (strstr(l, "expert"))
		r = "expert";
	for (i = 0; !r && staff[i]; i++)
		if (strstr(l, staff[i]))
			r = "staff";
	if (!r)
		r = "learner";
	free(l);
	return r;
}

/* The first of a ", "-list of groups, in buf. */
static const char *
first_group(const char *groups, struct lcm_buf *buf)
{
	size_t n;

	if (!groups || !*groups)
		return NULL;
	n = strcspn(groups, ",;");
	while (n > 0 && groups[n - 1] == ' ')
		n--;
	lcm_buf_reset(buf);
	lcm_buf_add(buf, groups, n);
	return buf->len ? buf->data : NULL;
}

static int
row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct lcm_person p = { 0 };
	struct lcm_buf name, ext, group;
	int64_t id, n;	/* found: ext is the person a forum or log import made */
	int rc = -1, found = 0;

	lcm_buf_init(&name);
	lcm_buf_init(&ext);
	lcm_buf_init(&group);
	if (lcm_in_opt(v[FULLNAME]))
		lcm_buf_adds(&name, v[FULLNAME]);
	else
		lcm_buf_printf(&name, "%s%s%s", v[FIRSTNAME] ? v[FIRSTNAME] : "",
			       lcm_in_opt(v[FIRSTNAME]) && lcm_in_opt(v[LASTNAME]) ? " " : "",
			       v[LASTNAME] ? v[LASTNAME] : "");
	if (lcm_in_opt(v[ID]) && lcm_in_int("id", v[ID], &n, err) < 0)
		goto out;
	if (!lcm_in_opt(v[ID]) && !name.len && !lcm_in_opt(v[USERNAME])) {
		lcm_error(err, "no id, name or username");
		goto out;
	}
	if (lcm_in_opt(v[ID])) {
		lcm_buf_adds(&ext, v[ID]);
	} else if (name.len) {
		found = lcm_store_person_ext_by_name(im->st, "moodle", name.data, &ext, err);
		if (found < 0)
			goto out;
		if (!found)
			lcm_buf_printf(&ext, "name:%s", name.data);
	} else {
		lcm_buf_printf(&ext, "username:%s", v[USERNAME]);
	}
	p.platform = "moodle";
	p.name = name.len ? name.data : NULL;
	p.email = lcm_in_opt(v[EMAIL]);
	p.role = role_of(v[ROLES]);
	p.cohort = lcm_in_opt(v[COHORT]) ? v[COHORT] : first_group(v[GROUPS], &group);
	p.external_id = ext.data;
	/* the login, for --link-by username with other platforms' accounts */
	p.username = lcm_in_opt(v[USERNAME]);
	rc = lcm_in_person(im, &p, &id, err);
out:
	lcm_buf_release(&name);
	lcm_buf_release(&ext);
	lcm_buf_release(&group);
	return rc;
}

const struct lcm_input_format lcm_fmt_moodle_users = {
	.name = "moodle-users", .platform = "moodle",
	.cols = cols, .ncols = NCOLS, .row = row, .finish = NULL
};
