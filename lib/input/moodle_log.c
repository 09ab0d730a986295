/*
 * moodle_log.c - Moodle's standard log report download (report/log).
 *
 * Columns are found by their header, in English or French; extra columns
 * (an index added by a spreadsheet, the site-wide "Course") are ignored.
 * The acting user's Moodle id is read from the Description ("The user
 * with id '58' ...") so log events join the same person as forum posts;
 * without it the user is matched by full name. Rows carry no id of their
 * own: a row's id is made of its time cell's digits, a hash of its cells,
 * and how many identical rows came before it at the same time, so a
 * re-import changes nothing (see row_id).
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

/* A row hash seen at the current time value, and how many times. */
struct seen {
	uint64_t hash;
	int64_t n;
	unsigned gen;			/* the slot is used when this is state.gen */
};

/*
 * Moodle user id -> person id, for the actor of every row: numbers
 * kept in the table itself, where lcm_in_person's cache of strings
 * chases a pointer per row. Key 0 is a free slot (user 0 is nobody).
 */
struct idmap {
	uint64_t *keys;
	int64_t *vals;
	size_t cap, len;	/* cap a power of two, or 0 */
};

/* Slot of key in m (which has a free one). */
static size_t
idmap_slot(const struct idmap *m, uint64_t key)
{
	size_t i = (size_t)(key * UINT64_C(0x9e3779b97f4a7c15) >> 32) & (m->cap - 1);

	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* Adds or replaces key's value, growing m to keep it half empty. */
static void
idmap_put(struct idmap *m, uint64_t key, int64_t val)
{
	struct idmap old = *m;
	size_t i, j;

	/* a cache: full at 2^18 persons (8 MB), it starts again */
	if (m->len >= (1u << 18)) {
		memset(m->keys, 0, m->cap * sizeof(*m->keys));
		m->len = 0;
	}
	if ((m->len + 1) * 2 > m->cap) {
		m->cap = old.cap ? 2 * old.cap : 1024;
		m->keys = lcm_xcalloc(m->cap, sizeof(*m->keys));
		m->vals = lcm_xcalloc(m->cap, sizeof(*m->vals));
		for (i = 0; i < old.cap; i++) {
			if (!old.keys[i])
				continue;
			j = idmap_slot(m, old.keys[i]);
			m->keys[j] = old.keys[i];
			m->vals[j] = old.vals[i];
		}
		free(old.keys);
		free(old.vals);
	}
	i = idmap_slot(m, key);
	if (!m->keys[i])
		m->len++;
	m->keys[i] = key;
	m->vals[i] = val;
}

/* 1 and *val when key is in m, else 0. */
static int
idmap_get(const struct idmap *m, uint64_t key, int64_t *val)
{
	size_t i;

	if (!m->cap)
		return 0;
	i = idmap_slot(m, key);
	if (!m->keys[i])
		return 0;
	*val = m->vals[i];
	return 1;
}

/*
 * The number a user id reads as, when it is one the idmap can hold: no
 * leading zero ("058" is another account than "58"), 18 digits at most.
 * 0 otherwise.
 */
static uint64_t
uid_number(const char *uid)
{
	uint64_t n = 0;
	size_t i;

	if (uid[0] == '0')
		return 0;
	for (i = 0; uid[i]; i++) {
		if (i == 18)
			return 0;
		n = n * 10 + (uint64_t)(uid[i] - '0');
	}
	return n;
}

struct state {
	struct lcm_buf time;		/* the time cell of the rows in seen */
	struct seen *seen;		/* rows so far at that time: a hash table */
	size_t nseen, capseen;		/* capseen a power of two, or 0 */
	unsigned gen;			/* a new time empties seen by a new gen */
	struct lcm_buf parsed;		/* the last time cell parsed ... */
	int64_t ts;			/* ... and its time */
	struct lcm_strmap by_name;	/* full name -> person id */
	struct idmap by_uid;		/* Moodle user id -> person id */
	int legacy;			/* ids of the first form (see row_id) */
};

/*
 * The Moodle user id in "The user with id '58' ...", copied to out
 * (size bytes), or NULL when there is none.
 */
static const char *
user_id_of(const char *desc, char *out, size_t size)
{
	static const char lead[] = "The user with id '";
	const char *p = strstr(desc, lead), *end;

	if (!p)
		return NULL;
	p += sizeof(lead) - 1;
	end = p;
	while (*end >= '0' && *end <= '9')
		end++;
	if (end == p || *end != '\'' || (size_t)(end - p) >= size)
		return NULL;
	memcpy(out, p, (size_t)(end - p));
	out[end - p] = '\0';
	return out;
}

/* The person acting in the row, 0 when "-" (no user). */
static int
actor(struct lcm_import *im, struct state *s, const char *name,
      const char *desc, int64_t *id, struct lcm_err *err)
{
	struct lcm_person p = { 0 };
	struct lcm_buf ext;
	char num[24];
	const char *uid = user_id_of(desc, num, sizeof(num));
	uint64_t n;
	int rc = 0, found;

	*id = 0;
	p.platform = "moodle";
	p.name = strcmp(name, "-") == 0 || !*name ? NULL : name;
	/* id 0 is Moodle's visitor who is not logged in: nobody */
	if (uid && strcmp(uid, "0") == 0)
		return 0;
	if (uid) {
		n = uid_number(uid);
		if (n && idmap_get(&s->by_uid, n, id))
			return 0;
		p.external_id = uid;
		if (lcm_in_person(im, &p, id, err) < 0)
			return -1;
		if (n)
			idmap_put(&s->by_uid, n, *id);
		return 0;
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
	if (rc == 0) {
		/* a cache, kept small whatever the log */
		if (s->by_name.len >= (1u << 16)) {
			lcm_strmap_release(&s->by_name);
			lcm_strmap_init(&s->by_name);
		}
		lcm_strmap_put(&s->by_name, name, *id);
	}
	return rc;
}

/*
 * Does the store hold log rows whose ids are of the first form (a bare
 * hash)? Then this import writes that form too, or the rows would come
 * in twice. Ids of the current form start with 't', the others with a
 * hex digit: the range [0, g) of the unique index holds only those.
 */
#define HEX4 "[0-9a-f][0-9a-f][0-9a-f][0-9a-f]"

static int
legacy_ids(struct lcm_import *im, int *legacy, struct lcm_err *err)
{
	sqlite3_stmt *q = lcm_store_prepare(im->st, "SELECT 1 FROM event"
		" WHERE platform = 'moodle' AND external_id >= '0' AND external_id < 'g'"
		" AND external_id GLOB '" HEX4 HEX4 HEX4 HEX4 "-[0-9]*' LIMIT 1", err);
	int rc;

	if (!q)
		return -1;
	rc = sqlite3_step(q);
	sqlite3_finalize(q);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lcm_store_fail(im->st, err, "cannot read log ids");
	*legacy = rc == SQLITE_ROW;
	return 0;
}

/* Where hash h is, or would go, in s->seen (which has a free slot). */
static struct seen *
seen_at(struct state *s, uint64_t h)
{
	size_t i = (size_t)(h ^ h >> 32) & (s->capseen - 1);

	while (s->seen[i].gen == s->gen && s->seen[i].hash != h)
		i = (i + 1) & (s->capseen - 1);
	return &s->seen[i];
}

/*
 * The slot of hash h among the rows at the current time (one of this
 * gen, or a free one for it). Rows of one time value are a few, or, in
 * a log whose times have no seconds, hundreds: a table, not a list.
 */
static struct seen *
seen_slot(struct state *s, uint64_t h)
{
	struct seen *old = s->seen;
	size_t i, n = s->capseen;

	if ((s->nseen + 1) * 2 > s->capseen) {
		s->capseen = n ? 2 * n : 64;
		s->seen = lcm_xcalloc(s->capseen, sizeof(*s->seen));
		for (i = 0; i < n; i++)
			if (old[i].gen == s->gen)
				*seen_at(s, old[i].hash) = old[i];
		free(old);
	}
	return seen_at(s, h);
}

/* The first form's hash of the cells: FNV-1a, byte by byte. */
static uint64_t
fnv_cells(const char *const *v)
{
	uint64_t h = LCM_FNV_INIT;
	int c;

	for (c = 0; c < NCOLS; c++) {
		if (v[c])
			h = lcm_fnv1a(h, v[c], strlen(v[c]));
		h = lcm_fnv1a(h, "\x1f", 1);
	}
	return h;
}

/* One step of hash_cells: a multiply and a shift mix w into h. */
static uint64_t
mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * UINT64_C(0xff51afd7ed558ccd);
	return h ^ h >> 32;
}

/*
 * The hash of the cells in ids of the current form: 8 bytes a step, read
 * little-endian whatever the machine, so that a store's ids are the same
 * everywhere (FNV took a twentieth of a log import). An absent cell
 * hashes as an empty one, as in the first form.
 */
static uint64_t
hash_cells(const char *const *v)
{
	uint64_t h = UINT64_C(0x9e3779b97f4a7c15), w;
	const unsigned char *p;
	size_t n, i, k;
	int c;

	for (c = 0; c < NCOLS; c++) {
		p = (const unsigned char *)(v[c] ? v[c] : "");
		n = strlen((const char *)p);
		h = mix(h, n);
		for (i = 0; i + 8 <= n; i += 8) {
			w = 0;
			for (k = 0; k < 8; k++)
				w |= (uint64_t)p[i + k] << 8 * k;
			h = mix(h, w);
		}
		w = 0;
		for (k = 0; i + k < n; k++)
			w |= (uint64_t)p[i + k] << 8 * k;
		h = mix(h, w);
	}
	h ^= h >> 33;
	h *= UINT64_C(0xc4ceb9fe1a85ec53);
	return h ^ h >> 33;
}

/*
 * Writes "%016llx-%lld" of h and rank into out (size >= 38 bytes), by
 * hand: snprintf was a tenth of the id's cost, once per log row.
 */
static void
put_hex_rank(char *out, size_t size, uint64_t h, long long rank)
{
	static const char hex[] = "0123456789abcdef";
	char dec[24];
	size_t o, k = 0;

	if (size < 38) {	/* never with the callers' buffers */
		snprintf(out, size, "%016llx-%lld", (unsigned long long)h, rank);
		return;
	}
	for (o = 0; o < 16; o++)
		out[o] = hex[h >> (60 - 4 * o) & 0xF];
	out[o++] = '-';
	do
		dec[k++] = (char)('0' + rank % 10);
	while ((rank /= 10) > 0);
	while (k > 0)
		out[o++] = dec[--k];
	out[o] = '\0';
}

/*
 * The row's external id: 't', the digits of its time cell (each run of
 * digits at least two long, so that they sort as times do within a day),
 * a hash of its cells, and its rank among identical rows at that time,
 * so that a re-import changes nothing, whatever the options (--tz ...).
 * The time in front makes the ids of a download, which is in time order,
 * nearly sorted: the unique index is written at one place, not all over
 * (13 million rows: 60 s less). The first form, still written into stores
 * that have it, is the hash and the rank alone.
 */
static void
row_id(struct state *s, const char *const *v, char *out, size_t size)
{
	uint64_t h = s->legacy ? fnv_cells(v) : hash_cells(v);
	struct seen *seen;
	const char *t;
	size_t i, o = 0, run;
	if (s->time.cap == 0 || strcmp(s->time.data, v[TIME]) != 0) {
		lcm_buf_reset(&s->time);
		lcm_buf_adds(&s->time, v[TIME]);
		s->nseen = 0;
		s->gen++;
	}
	seen = seen_slot(s, h);
	if (seen->gen != s->gen) {
		seen->gen = s->gen;
		seen->hash = h;
		seen->n = 0;
		s->nseen++;
	}
	if (!s->legacy) {
		/* at most 24 digits: the hash makes it unique, not they */
		out[o++] = 't';
		for (t = v[TIME]; *t && o < 25; t += run) {
			run = strspn(t, "0123456789");
			if (!run) {
				run = 1;
				continue;
			}
			if (run == 1)
				out[o++] = '0';
			for (i = 0; i < run && o < 25; i++)
				out[o++] = t[i];
		}
		out[o++] = '-';
	}
	put_hex_rank(out + o, size - o, h, seen->n++);
}

/* The row's time: the last cell's again when it is the same text. */
static int
row_time(struct lcm_import *im, struct state *s, const char *cell, int64_t *ts,
	 struct lcm_err *err)
{
	if (s->parsed.cap && strcmp(s->parsed.data, cell) == 0) {
		*ts = s->ts;
		return 0;
	}
	if (lcm_in_time(im, "time", cell, ts, err) < 0)
		return -1;
	lcm_buf_reset(&s->parsed);
	lcm_buf_adds(&s->parsed, cell);
	s->ts = *ts;
	return 0;
}

static int
row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct state *s = im->state;
	struct lcm_event e = { 0 };
	enum lcm_outcome o;
	char ext[80];

	if (!s) {
		s = im->state = lcm_xcalloc(1, sizeof(*s));
		lcm_buf_init(&s->time);
		lcm_buf_init(&s->parsed);
		lcm_strmap_init(&s->by_name);
		if (legacy_ids(im, &s->legacy, err) < 0)
			return -1;
	}
	if (row_time(im, s, v[TIME], &e.ts, err) < 0 ||
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
		lcm_buf_release(&s->time);
		lcm_buf_release(&s->parsed);
		free(s->seen);
		free(s->by_uid.keys);
		free(s->by_uid.vals);
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
