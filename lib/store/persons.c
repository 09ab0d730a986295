/*
 * persons.c - the persons table (persons.h).
 */
#include "persons.h"

#include "erase.h"
#include "identity.h"
#include "pseudo.h"

static int
person_row(void *arg, const struct lcm_identity *id)
{
	struct lcm_cell c[6];

	c[0] = lcm_cell_int(id->person);
	c[1] = lcm_cell_str(id->name);
	c[2] = lcm_cell_str(id->email);
	c[3] = lcm_cell_str(id->role);
	c[4] = lcm_cell_str(id->platforms);
	c[5] = lcm_cell_str(id->accounts);
	lcm_render_row(arg, c);
	return 0;
}

static int
pseudo_row(void *arg, const struct lcm_pseudo_person *p)
{
	struct lcm_cell c[4];

	c[0] = lcm_cell_str(p->person);
	c[1] = lcm_cell_str(p->role);
	c[2] = lcm_cell_str(p->platforms);
	c[3] = lcm_cell_int(p->naccounts);
	lcm_render_row(arg, c);
	return 0;
}

int
lcm_persons_render(struct lcm_store *st, const char *key, enum lcm_format fmt,
		   FILE *fp, struct lcm_err *err)
{
	static const char *const cols[] = {
		"person", "name", "email", "role", "platforms", "accounts"
	};
	static const char *const pcols[] = { "person", "role", "platforms", "accounts" };
	struct lcm_render *r;
	int rc;

	r = key ? lcm_render_new(fp, fmt, pcols, 4, 0) : lcm_render_new(fp, fmt, cols, 6, 0);
	rc = key ? lcm_erase_persons_pseudo(st, key, pseudo_row, r, err) :
		   lcm_identity_each(st, 0, person_row, r, err);
	lcm_render_end(r);
	lcm_render_free(r);
	return rc;
}
