/*
 * nudge.c - one lcm-nudge run (see nudge.h).
 */
#include "nudge.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "csv.h"
#include "deliver.h"
#include "mime.h"
#include "record.h"
#include "render.h"
#include "strmap.h"
#include "template.h"
#include "timefmt.h"
#include "xalloc.h"

/* The person's fields a template may name besides the row's columns. */
static const char *const person_fields[] = {
	"name", "first_name", "email", "role", "cohort", "manager", "username",
	"platform", "person", NULL
};

/* What one message merges: a row, its person, its link; or a group. */
struct ctx {
	const struct lcm_nudge_table *t;
	size_t row;
	const struct lcm_nudge_person *p;
	const char *url;	/* the row's link, or NULL */
	int has_url;		/* --url given and the rows have threads */
	int grouping;		/* --group-by: rows, group and count are fields */
	const char *group;	/* the group's value */
	const size_t *grp;	/* its rows */
	size_t ngrp;
	const struct lcm_nudge_person *persons;	/* every row's person */
	char count[24];		/* ngrp, as text */
};

/* The number of rows of the group. */
static size_t
nrows(const void *c)
{
	return ((const struct ctx *)c)->ngrp;
}

/* Fields read row i of the group; SIZE_MAX: its first row, for the rest. */
static void
select_row(void *c, size_t i)
{
	struct ctx *x = c;

	x->row = x->grp[i == SIZE_MAX ? 0 : i];
	x->p = &x->persons[x->row];
}

static int
known(const void *c, const char *name)
{
	const struct ctx *x = c;
	size_t i;

	if (lcm_nudge_table_col(x->t, name) >= 0 || (x->has_url && strcmp(name, "url") == 0))
		return 1;
	if (x->grouping && (strcmp(name, "rows") == 0 || strcmp(name, "group") == 0 ||
			    strcmp(name, "count") == 0))
		return 1;
	for (i = 0; person_fields[i]; i++)
		if (strcmp(name, person_fields[i]) == 0)
			return 1;
	return 0;
}

/* A row's column wins; then the person's field; "" for nothing. */
static const char *
get(const void *c, const char *name)
{
	const struct ctx *x = c;
	const struct lcm_nudge_person *p = x->p;
	long col = lcm_nudge_table_col(x->t, name);

	if (col >= 0 && x->t->rows[x->row][col])
		return x->t->rows[x->row][col];
	if (x->grouping && strcmp(name, "group") == 0)
		return x->group;
	if (x->grouping && strcmp(name, "count") == 0)
		return x->count;
	if (strcmp(name, "url") == 0)
		return x->url;
	if (!p)
		return NULL;
	if (strcmp(name, "name") == 0)
		return p->name;
	if (strcmp(name, "first_name") == 0)
		return p->first_name;
	if (strcmp(name, "email") == 0)
		return p->email;
	if (strcmp(name, "role") == 0)
		return p->role;
	if (strcmp(name, "cohort") == 0)
		return p->cohort;
	if (strcmp(name, "manager") == 0)
		return p->manager;
	if (strcmp(name, "username") == 0)
		return p->username;
	if (strcmp(name, "platform") == 0)
		return p->platform;
	if (strcmp(name, "person") == 0)
		return p->external_id;
	return NULL;
}

/* The row's value of column name, or NULL. */
static const char *
cell(const struct lcm_nudge_table *t, size_t row, const char *name)
{
	long c = lcm_nudge_table_col(t, name);

	return c >= 0 ? t->rows[row][c] : NULL;
}

/* A template per language, the base one first (lang NULL). */
struct tpls {
	struct lcm_nudge_tpl *v;
	char **lang;
	size_t n;
};

/* The template for lang: its variant if loaded, else the base one. */
static const struct lcm_nudge_tpl *
tpl_for(const struct tpls *ts, const char *lang)
{
	char *path = lcm_nudge_tpl_variant(ts->v[0].path, lang);
	size_t i;

	for (i = 1; path && i < ts->n; i++)
		if (strcmp(ts->v[i].path, path) == 0)
			break;
	free(path);
	return path && i < ts->n ? &ts->v[i] : &ts->v[0];
}

/* Loads the base template and each language's variant that exists. */
static int
tpls_load(struct tpls *ts, const struct lcm_nudge_table *t, const char *path,
	  const struct lcm_nudge_fields *f, struct lcm_err *err)
{
	const char *lang;
	char *vp;
	size_t i, j;

	ts->v = lcm_xcalloc(1, sizeof(*ts->v));
	ts->n = 1;
	if (lcm_nudge_tpl_load(&ts->v[0], path, f, err) < 0)
		return -1;
	for (i = 0; i < t->n; i++) {
		if (!(lang = cell(t, i, "language")) && !(lang = cell(t, i, "lang")))
			continue;
		if (!(vp = lcm_nudge_tpl_variant(path, lang)))
			continue;
		for (j = 1; j < ts->n && strcmp(ts->v[j].path, vp) != 0; j++)
			;
		if (j < ts->n || access(vp, F_OK) != 0) {
			free(vp);
			continue;
		}
		ts->v = lcm_xreallocarray(ts->v, ts->n + 1, sizeof(*ts->v));
		if (lcm_nudge_tpl_load(&ts->v[ts->n], vp, f, err) < 0) {
			free(vp);
			return -1;
		}
		ts->n++;
		free(vp);
	}
	return 0;
}

static void
tpls_release(struct tpls *ts)
{
	size_t i;

	for (i = 0; i < ts->n; i++)
		lcm_nudge_tpl_release(&ts->v[i]);
	free(ts->v);
	memset(ts, 0, sizeof(*ts));
}

/* Adds a skip to res. */
static void
skip_add(struct lcm_nudge_result *res, const char *who, const char *name,
	 const char *reason)
{
	struct lcm_nudge_skip *s;

	res->skips = lcm_xreallocarray(res->skips, res->nskips + 1, sizeof(*res->skips));
	s = &res->skips[res->nskips++];
	s->person = lcm_xstrdup(who);
	s->name = name ? lcm_xstrdup(name) : NULL;
	s->reason = lcm_xstrdup(reason);
}

/* The base name of a path: "nudge.txt" of "dir/nudge.txt". Borrowed. */
static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

/*
 * Makes a message into m: to is the To when the template has none, key
 * what tells it from others of the run (person and thread, or group).
 */
static void
make_msg(const struct lcm_nudge_tpl *tpl, const struct lcm_nudge_fields *f,
	 const struct lcm_nudge_opts *o, const char *to, const char *key,
	 struct lcm_nudge_msg *m)
{
	struct lcm_buf b, id;
	size_t h;

	memset(m, 0, sizeof(*m));
	lcm_buf_init(&b);
	for (h = 0; h < LCM_NUDGE_NHEADERS; h++) {
		if (!tpl->hdr[h])
			continue;
		lcm_nudge_tpl_header(tpl, (enum lcm_nudge_header)h, f, &b);
		m->hdr[h] = lcm_buf_detach(&b);
	}
	if (!m->hdr[LCM_NUDGE_FROM] && o->from)
		m->hdr[LCM_NUDGE_FROM] = lcm_xstrdup(o->from);
	if (!m->hdr[LCM_NUDGE_TO])
		m->hdr[LCM_NUDGE_TO] = lcm_xstrdup(to);
	lcm_nudge_tpl_body(tpl, f, &b);
	m->body = lcm_buf_detach(&b);
	m->date = o->now;
	/* what makes the message, so that a rerun gives the same id */
	lcm_buf_init(&id);
	lcm_buf_printf(&id, "%s\n%s\n%lld", base_name(o->template), key, (long long)o->now);
	m->message_id = lcm_nudge_message_id(id.data,
					     lcm_nudge_email_domain(m->hdr[LCM_NUDGE_FROM]));
	lcm_buf_release(&id);
}

/*
 * "20261123T080000Z-nudge-moodle-45-1a2b3c4d.eml" (who is "moodle-45", or
 * "group-x" for a group): stable, safe characters.
 */
static char *
outbox_name(const struct lcm_nudge_opts *o, const char *who, const char *message_id)
{
	struct lcm_buf b;
	char iso[32], *s;
	const char *stem = base_name(o->template), *dot = strrchr(stem, '.');
	size_t i;

	lcm_time_format_utc(o->now, iso);
	lcm_buf_init(&b);
	for (i = 0; iso[i]; i++)
		if (iso[i] != '-' && iso[i] != ':')
			lcm_buf_addc(&b, iso[i]);
	lcm_buf_printf(&b, "-%.*s-%s-%.8s.eml", (int)(dot ? (size_t)(dot - stem) : strlen(stem)),
		       stem, who, message_id + 1);
	s = lcm_buf_detach(&b);
	for (i = 0; s[i]; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_", s[i]))
			s[i] = '_';
	return s;
}

/* Delivers one message; 0 once it is safely out, -1 with err. */
static int
deliver(const struct lcm_nudge_opts *o, const char *who, const struct lcm_nudge_msg *m,
	struct lcm_err *err)
{
	struct lcm_buf b;
	char *name;
	int rc = 0;

	lcm_buf_init(&b);
	switch (o->mode) {
	case LCM_NUDGE_DRY:
		lcm_nudge_msg_text(m, &b);
		fprintf(o->dry, "%s\n", b.data);
		break;
	case LCM_NUDGE_OUTBOX:
		lcm_nudge_msg_mime(m, &b);
		name = outbox_name(o, who, m->message_id);
		rc = lcm_nudge_outbox(o->dest, name, b.data, b.len, err);
		free(name);
		break;
	case LCM_NUDGE_MBOX:
		lcm_nudge_msg_mime(m, &b);
		rc = lcm_nudge_mbox(o->dest, "lcm-nudge", (long long)o->now, b.data, b.len, err);
		break;
	case LCM_NUDGE_SEND:
		lcm_nudge_msg_mime(m, &b);
		rc = lcm_nudge_sendmail(o->dest, b.data, b.len, err);
		break;
	}
	lcm_buf_release(&b);
	return rc;
}

/*
 * A template's To (a manager) or Cc may merge to no address: 1 with why
 * said, else 0.
 */
static int
unaddressed(const struct lcm_nudge_msg *m, struct lcm_buf *why)
{
	const char *bad = NULL;
	char q[64];

	if (!lcm_nudge_addresses_ok(m->hdr[LCM_NUDGE_TO]))
		bad = "To";
	else if (m->hdr[LCM_NUDGE_CC] && *m->hdr[LCM_NUDGE_CC] &&
		 !lcm_nudge_addresses_ok(m->hdr[LCM_NUDGE_CC]))
		bad = "Cc";
	if (bad)
		lcm_buf_printf(why, "%s: no e-mail address: '%s'", bad,
			       lcm_err_quote(m->hdr[*bad == 'T' ? LCM_NUDGE_TO : LCM_NUDGE_CC],
					     q, sizeof(q)));
	return bad != NULL;
}

static const char *const channel[] = {
	[LCM_NUDGE_DRY] = "none", [LCM_NUDGE_OUTBOX] = "outbox",
	[LCM_NUDGE_MBOX] = "mbox", [LCM_NUDGE_SEND] = "sendmail",
};

/* The groups of a --group-by run: values, first seen first, and rows. */
struct groups {
	char **key;
	size_t **rows, *n;
	size_t ng;
	struct lcm_strmap idx;		/* key to its index */
};

/* Adds row i to the group of key. */
static void
group_add(struct groups *g, const char *key, size_t i)
{
	int64_t k;

	if (!lcm_strmap_get(&g->idx, key, &k)) {
		k = (int64_t)g->ng++;
		lcm_strmap_put(&g->idx, key, k);
		g->key = lcm_xreallocarray(g->key, g->ng, sizeof(*g->key));
		g->rows = lcm_xreallocarray(g->rows, g->ng, sizeof(*g->rows));
		g->n = lcm_xreallocarray(g->n, g->ng, sizeof(*g->n));
		g->key[k] = lcm_xstrdup(key);
		g->rows[k] = NULL;
		g->n[k] = 0;
	}
	g->rows[k] = lcm_xreallocarray(g->rows[k], g->n[k] + 1, sizeof(**g->rows));
	g->rows[k][g->n[k]++] = i;
}

static void
groups_release(struct groups *g)
{
	size_t i;

	for (i = 0; i < g->ng; i++) {
		free(g->key[i]);
		free(g->rows[i]);
	}
	free(g->key);
	free(g->rows);
	free(g->n);
	lcm_strmap_release(&g->idx);
}

/* Records row i's person as written to (channel, mid) or not (skipped why). */
static int
record_row(struct lcm_store *st, const struct lcm_nudge_opts *o,
	   const struct lcm_nudge_table *t, size_t i, const struct lcm_nudge_person *p,
	   const char *chan, const char *why, const char *mid, struct lcm_err *err)
{
	struct lcm_nudge_record rec = {
		.person_id = p->id, .template = base_name(o->template),
		.reasons = cell(t, i, "reasons"), .channel = chan, .skipped = why,
		.message_id = mid, .ts = o->now
	};

	return o->mode == LCM_NUDGE_DRY ? 0 : lcm_nudge_record_add(st, &rec, err);
}

/*
 * --group-by: one message per value of o->group_by, listing the group's
 * rows ({{#rows}}), to that value (an address) unless the template says
 * To; each row's person is recorded with it, and skipped alone (not in
 * the store, twice, within the cooldown, no value).
 */
static int
run_groups(struct lcm_store *st, const struct lcm_nudge_table *t,
	   const struct lcm_nudge_opts *o, const struct tpls *ts, struct ctx *x,
	   const struct lcm_nudge_fields *f, int have, struct lcm_nudge_people *people,
	   struct lcm_nudge_result *res, struct lcm_err *err)
{
	struct lcm_nudge_person *persons = lcm_xcalloc(t->n + 1, sizeof(*persons));
	struct groups g = { 0 };
	struct lcm_nudge_msg m = { 0 };
	struct lcm_strmap seen;
	struct lcm_buf why, key;
	const char *tname = base_name(o->template), *v, *who;
	char when[32], id[24];
	int64_t last, dummy;
	size_t i, k;
	int rc = -1, r;

	lcm_strmap_init(&seen);
	lcm_strmap_init(&g.idx);
	lcm_buf_init(&why);
	lcm_buf_init(&key);
	for (i = 0; i < t->n; i++) {
		lcm_buf_reset(&why);
		if ((r = lcm_nudge_person_find(people, st, t, i, &persons[i], err)) < 0)
			goto out;
		if (!(who = cell(t, i, "person")) && !(who = cell(t, i, "email")))
			who = "?";
		if (r == 0) {
			skip_add(res, who, cell(t, i, "name"), "not a person of the store");
			continue;
		}
		snprintf(id, sizeof(id), "%lld", (long long)persons[i].id);
		x->row = i;
		x->p = &persons[i];
		if (lcm_strmap_get(&seen, id, &dummy)) {
			skip_add(res, who, persons[i].name, "already in this run");
			continue;
		}
		lcm_strmap_put(&seen, id, 1);
		if (have && o->cooldown &&
		    (r = lcm_nudge_record_last(st, persons[i].id, tname, NULL, o->now - o->cooldown,
					       o->now, &last, err)) != 0) {
			if (r < 0)
				goto out;
			lcm_buf_printf(&why, "cooldown: %s sent %s", tname,
				       lcm_time_format_utc(last, when));
			skip_add(res, who, persons[i].name, why.data);
			continue;
		}
		if (!(v = get(x, o->group_by)) || !*v) {
			lcm_buf_printf(&why, "no %s", o->group_by);
			skip_add(res, who, persons[i].name, why.data);
			if (record_row(st, o, t, i, &persons[i], "none", why.data, NULL, err) < 0)
				goto out;
			continue;
		}
		group_add(&g, v, i);
	}
	for (k = 0; k < g.ng; k++) {
		x->grp = g.rows[k];
		x->ngrp = g.n[k];
		x->persons = persons;
		x->group = g.key[k];
		snprintf(x->count, sizeof(x->count), "%zu", g.n[k]);
		select_row(x, SIZE_MAX);
		lcm_buf_reset(&why);
		lcm_nudge_msg_release(&m);
		lcm_buf_reset(&key);
		lcm_buf_printf(&key, "group:%s", g.key[k]);
		make_msg(tpl_for(ts, cell(t, x->row, "language") ? cell(t, x->row, "language") :
				 cell(t, x->row, "lang")), f, o, g.key[k], key.data, &m);
		if (o->max && res->sent >= (size_t)o->max)
			lcm_buf_printf(&why, "--max %ld reached", o->max);
		else
			unaddressed(&m, &why);
		for (i = 0; why.len && i < g.n[k]; i++) {
			size_t row = g.rows[k][i];

			if (!(who = cell(t, row, "person")) && !(who = cell(t, row, "email")))
				who = "?";
			skip_add(res, who, persons[row].name, why.data);
			if (record_row(st, o, t, row, &persons[row], "none", why.data, NULL, err) < 0)
				goto out;
		}
		if (why.len)
			continue;
		lcm_buf_reset(&key);
		lcm_buf_printf(&key, "group-%s", g.key[k]);
		if (deliver(o, key.data, &m, err) < 0)
			goto out;
		res->sent++;
		/* each row's person, now that the message is out */
		for (i = 0; i < g.n[k]; i++)
			if (record_row(st, o, t, g.rows[k][i], &persons[g.rows[k][i]],
				       channel[o->mode], NULL, m.message_id, err) < 0)
				goto out;
	}
	rc = 0;
out:
	for (i = 0; i < t->n; i++)
		lcm_nudge_person_release(&persons[i]);
	free(persons);
	groups_release(&g);
	lcm_nudge_msg_release(&m);
	lcm_strmap_release(&seen);
	lcm_buf_release(&why);
	lcm_buf_release(&key);
	return rc;
}

int
lcm_nudge_run(struct lcm_store *st, struct lcm_nudge_table *t,
	      const struct lcm_nudge_opts *o, struct lcm_nudge_result *res,
	      struct lcm_err *err)
{
	struct ctx x = { .t = t };
	struct lcm_nudge_fields f = { get, known, o->group_by ? nrows : NULL,
				      o->group_by ? select_row : NULL, &x };
	struct lcm_nudge_person p = { 0 };
	struct lcm_nudge_people people = { 0 };
	struct lcm_nudge_record rec;
	struct lcm_nudge_msg m = { 0 };
	struct lcm_strmap seen;
	struct lcm_buf why, who, key;
	struct tpls ts = { 0 };
	const char *thread, *tname = base_name(o->template), *v;
	char when[32], q[64], *url = NULL;
	int64_t last, dummy;
	size_t i;
	int have, rc = -1, r, dup;

	memset(res, 0, sizeof(*res));
	lcm_strmap_init(&seen);
	lcm_buf_init(&why);
	lcm_buf_init(&who);
	lcm_buf_init(&key);
	x.has_url = o->url && lcm_nudge_table_col(t, "thread") >= 0;
	x.grouping = o->group_by != NULL;
	if (o->group_by && !known(&x, o->group_by)) {
		lcm_error(err, "--group-by: unknown field '%s'", o->group_by);
		goto out;
	}
	if (tpls_load(&ts, t, o->template, &f, err) < 0)
		goto out;
	if ((have = lcm_nudge_record_open(st, o->mode != LCM_NUDGE_DRY, err)) < 0 ||
	    lcm_nudge_people_open(&people, st, err) < 0)
		goto out;
	if (o->group_by) {
		rc = run_groups(st, t, o, &ts, &x, &f, have, &people, res, err);
		goto out;
	}
	for (i = 0; i < t->n; i++) {
		lcm_nudge_person_release(&p);
		lcm_buf_reset(&why);
		lcm_buf_reset(&who);
		free(url);
		url = NULL;
		x.row = i;
		x.p = NULL;
		thread = cell(t, i, "thread");
		if ((r = lcm_nudge_person_find(&people, st, t, i, &p, err)) < 0)
			goto out;
		if ((v = cell(t, i, "person")) || (v = cell(t, i, "email")))
			lcm_buf_adds(&who, v);
		else
			lcm_buf_printf(&who, "line %ld", t->lines[i]);
		if (r == 0) {
			skip_add(res, who.data, cell(t, i, "name"), "not a person of the store");
			continue;
		}
		/* dup: the person was written to (now, or in the cooldown) */
		dup = 0;
		if (!p.email) {
			lcm_buf_adds(&why, "no e-mail address");
		} else if (!lcm_nudge_email_ok(p.email)) {
			lcm_buf_printf(&why, "not an e-mail address: '%s'",
				       lcm_err_quote(p.email, q, sizeof(q)));
		} else {
			lcm_buf_printf(&why, "%lld\t%s", (long long)p.id, thread ? thread : "");
			if (lcm_strmap_get(&seen, why.data, &dummy)) {
				lcm_buf_reset(&why);
				lcm_buf_adds(&why, "already in this run");
				dup = 1;
			} else {
				lcm_strmap_put(&seen, why.data, 1);
				lcm_buf_reset(&why);
				if (have && o->cooldown &&
				    (r = lcm_nudge_record_last(st, p.id, tname, thread,
							       o->now - o->cooldown, o->now, &last, err)) != 0) {
					if (r < 0)
						goto out;
					lcm_buf_printf(&why, "cooldown: %s sent %s", tname,
						       lcm_time_format_utc(last, when));
					dup = 1;
				} else if (o->max && res->sent >= (size_t)o->max) {
					lcm_buf_printf(&why, "--max %ld reached", o->max);
				}
			}
		}
		memset(&rec, 0, sizeof(rec));
		rec.person_id = p.id;
		rec.template = tname;
		rec.thread = thread;
		rec.reasons = cell(t, i, "reasons");
		rec.ts = o->now;
		if (why.len) {
			skip_add(res, who.data, p.name, why.data);
			/* the comparison group of --followup (not who got one now) */
			rec.channel = "none";
			rec.skipped = why.data;
			if (o->mode != LCM_NUDGE_DRY && !dup && lcm_nudge_record_add(st, &rec, err) < 0)
				goto out;
			continue;
		}
		if (x.has_url)
			url = lcm_url_expand(o->url, thread, cell(t, i, "post"),
					     cell(t, i, "course"), cell(t, i, "forum"));
		x.url = url;
		x.p = &p;
		lcm_nudge_msg_release(&m);
		lcm_buf_reset(&why);
		if (p.name)
			lcm_buf_printf(&why, "%s <%s>", p.name, p.email);
		else
			lcm_buf_adds(&why, p.email);
		lcm_buf_reset(&key);
		lcm_buf_printf(&key, "%s:%s\n%s", p.platform, p.external_id, thread ? thread : "");
		make_msg(tpl_for(&ts, cell(t, i, "language") ? cell(t, i, "language") :
				 cell(t, i, "lang")), &f, o, why.data, key.data, &m);
		lcm_buf_reset(&why);
		if (unaddressed(&m, &why)) {
			skip_add(res, who.data, p.name, why.data);
			continue;
		}
		lcm_buf_reset(&who);
		lcm_buf_printf(&who, "%s-%s", p.platform, p.external_id);
		if (deliver(o, who.data, &m, err) < 0)
			goto out;
		res->sent++;
		/* only now that it is out */
		rec.channel = channel[o->mode];
		rec.message_id = m.message_id;
		if (o->mode != LCM_NUDGE_DRY && lcm_nudge_record_add(st, &rec, err) < 0)
			goto out;
	}
	rc = 0;
out:
	free(url);
	lcm_nudge_msg_release(&m);
	lcm_nudge_person_release(&p);
	lcm_nudge_people_close(&people);
	lcm_strmap_release(&seen);
	lcm_buf_release(&why);
	lcm_buf_release(&who);
	lcm_buf_release(&key);
	tpls_release(&ts);
	return rc;
}

int
lcm_nudge_skips_write(FILE *fp, const struct lcm_nudge_result *res)
{
	const char *f[3];
	size_t i;

	fprintf(fp, "person,name,reason\n");
	for (i = 0; i < res->nskips; i++) {
		f[0] = res->skips[i].person;
		f[1] = res->skips[i].name;
		f[2] = res->skips[i].reason;
		lcm_csv_write_record(fp, f, 3, ',', 0);
	}
	return fflush(fp) != 0 || ferror(fp) ? -1 : 0;
}

void
lcm_nudge_result_release(struct lcm_nudge_result *res)
{
	size_t i;

	for (i = 0; i < res->nskips; i++) {
		free(res->skips[i].person);
		free(res->skips[i].name);
		free(res->skips[i].reason);
	}
	free(res->skips);
	memset(res, 0, sizeof(*res));
}
