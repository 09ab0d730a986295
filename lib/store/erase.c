/*
 * erase.c - forgetting a person, purging old activity, persons under
 * pseudonyms: see erase.h.
 *
 * Foreign keys are on and checked at the end of each statement, so the
 * deletes go from the leaves up: posts (after detaching the replies that
 * stay), then the marks and threads they hang from, then the person's
 * other rows, their accounts, and the person. The rows to go are listed
 * first in temporary tables, so that each step deletes exactly what the
 * counts say. The event dictionary's words (term) that only the deleted
 * events used go too: Moodle's logs name the user a page is about
 * ("User: Ana Lopez").
 */
#include "erase.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "identity.h"
#include "pseudo.h"
#include "store_write.h"
#include "text.h"
#include "timefmt.h"
#include "xalloc.h"

/* Candidates listed at most in an "is ambiguous" message. */
#define MAX_CANDIDATES 8

static const char temp_tables[] =
	"CREATE TEMP TABLE IF NOT EXISTS erase_thread(id INTEGER PRIMARY KEY);"
	"CREATE TEMP TABLE IF NOT EXISTS erase_post(id INTEGER PRIMARY KEY);"
	"CREATE TEMP TABLE IF NOT EXISTS erase_term(id INTEGER PRIMARY KEY);"
	"DELETE FROM temp.erase_thread; DELETE FROM temp.erase_post;"
	"DELETE FROM temp.erase_term;";

/*
 * Runs sql with ?1 bound to v (when sql has it); *changes (may be NULL)
 * gets the rows it changed, or the integer of its first row for a query.
 * 0, or -1 with err.
 */
static int
step1(struct lcm_store *st, const char *sql, int64_t v, long *changes,
      struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st, sql, err);
	int rc;

	if (!s)
		return -1;
	if (sqlite3_bind_parameter_count(s) > 0)
		sqlite3_bind_int64(s, 1, v);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		if (changes)
			*changes = (long)sqlite3_column_int64(s, 0);
		rc = SQLITE_DONE;
	} else if (changes) {
		*changes = sqlite3_changes(st->db);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot erase");
	return 0;
}

/*
 * Deletes the listed posts and threads (temp.erase_post, erase_thread),
 * after setting parent_id NULL on the replies that stay. The counts are
 * the posts, threads, marks and detached replies.
 */
static int drop_if_table(struct lcm_store *st, const char *table, const char *sql,
			 int64_t id, struct lcm_err *err);

static int
drop_listed(struct lcm_store *st, long *posts, long *threads, long *notified,
	    long *detached, struct lcm_err *err)
{
	return drop_if_table(st, "post_reaction", "DELETE FROM post_reaction WHERE post_id IN"
			     " (SELECT id FROM temp.erase_post)", 0, err) < 0 ||
	       step1(st, "UPDATE post SET parent_id = NULL WHERE parent_id IN"
		     " (SELECT id FROM temp.erase_post)"
		     " AND id NOT IN (SELECT id FROM temp.erase_post)", 0, detached, err) < 0 ||
	       step1(st, "DELETE FROM post WHERE id IN (SELECT id FROM temp.erase_post)",
		     0, posts, err) < 0 ||
	       step1(st, "DELETE FROM notified WHERE thread_id IN"
		     " (SELECT id FROM temp.erase_thread)", 0, notified, err) < 0 ||
	       drop_if_table(st, "thread_tag", "DELETE FROM thread_tag WHERE thread_id IN"
			     " (SELECT id FROM temp.erase_thread)", 0, err) < 0 ||
	       drop_if_table(st, "thread_related", "DELETE FROM thread_related WHERE"
			     " thread_id IN (SELECT id FROM temp.erase_thread) OR related_id IN"
			     " (SELECT id FROM temp.erase_thread)", 0, err) < 0 ||
	       step1(st, "DELETE FROM thread WHERE id IN (SELECT id FROM temp.erase_thread)",
		     0, threads, err) < 0 ? -1 : 0;
}

/*
 * Deletes the terms of temp.erase_term that no event uses any more (two
 * scans of event, which has no index on its terms), and forgets the
 * term ids store_write.c keeps.
 */
static int
drop_terms(struct lcm_store *st, struct lcm_err *err)
{
	if (step1(st, "DELETE FROM temp.erase_term WHERE id IN (SELECT verb FROM event"
		  " WHERE verb IN (SELECT id FROM temp.erase_term) UNION SELECT object"
		  " FROM event WHERE object IN (SELECT id FROM temp.erase_term))",
		  0, NULL, err) < 0 ||
	    step1(st, "DELETE FROM term WHERE id IN (SELECT id FROM temp.erase_term)",
		  0, NULL, err) < 0)
		return -1;
	lcm_store_stmts_free(st);
	return 0;
}

/*
 * The threads person ?1 opened: those whose first opening post is theirs
 * (or, with no opening post stored, whose author they are). Another
 * person's question on the same object, opened later, is not theirs.
 */
static const char threads_opened[] =
	"INSERT INTO temp.erase_thread SELECT t.id FROM thread t"
	" WHERE (t.author_id = ?1 OR t.id IN (SELECT thread_id FROM post"
	"  WHERE author_id = ?1 AND parent_ext IS NULL))"
	" AND coalesce((SELECT p.author_id FROM post p WHERE p.thread_id = t.id"
	"  AND p.parent_ext IS NULL ORDER BY p.created, p.id LIMIT 1), t.author_id) = ?1";

/* Threads left that still name ?1 as author go to their first other opener. */
static const char hand_over[] =
	"UPDATE thread SET author_id = (SELECT p.author_id FROM post p"
	" WHERE p.thread_id = thread.id AND p.parent_ext IS NULL"
	" AND p.author_id IS NOT ?1 ORDER BY p.created, p.id LIMIT 1)"
	" WHERE author_id = ?1";

/* A string to replace in others' words (a name, an address, a mention). */
struct needle {
	char *s;	/* owned */
	size_t len;
	int icase;	/* ASCII case ignored */
};

/* The needles of one erased person, longest first. */
struct needles {
	struct needle *v;
	size_t n, cap;
};

static void
needles_release(struct needles *nd)
{
	size_t i;

	for (i = 0; i < nd->n; i++)
		free(nd->v[i].s);
	free(nd->v);
	memset(nd, 0, sizeof(*nd));
}

/* Adds prefix + s[0..len) (once); an empty one is left out. */
static void
needle_add(struct needles *nd, const char *prefix, const char *s, size_t len, int icase)
{
	struct lcm_buf b;
	size_t i;

	if (!len)
		return;
	lcm_buf_init(&b);
	lcm_buf_adds(&b, prefix);
	lcm_buf_add(&b, s, len);
	for (i = 0; i < nd->n; i++)
		if (nd->v[i].icase == icase && strcmp(nd->v[i].s, b.data) == 0) {
			lcm_buf_release(&b);
			return;
		}
	if (nd->n == nd->cap) {
		nd->cap = nd->cap ? 2 * nd->cap : 16;
		nd->v = lcm_xreallocarray(nd->v, nd->cap, sizeof(*nd->v));
	}
	nd->v[nd->n].len = b.len;
	nd->v[nd->n].icase = icase;
	nd->v[nd->n++].s = lcm_buf_detach(&b);
}

/* Characters (UTF-8 code points) in s[0..len). */
static size_t
nchars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/* s without leading and trailing white space: *len gets its length. */
static const char *
trimmed(const char *s, size_t *len)
{
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
		     s[n - 1] == '\r'))
		n--;
	*len = n;
	return s;
}

/* A name: whole (case ignored), its long parts as written, @mentions. */
static void
add_name(struct needles *nd, const char *name)
{
	const char *p, *end, *w;
	size_t len;

	p = trimmed(name, &len);
	end = p + len;
	if (memchr(p, ' ', len))
		needle_add(nd, "", p, len, 1);
	needle_add(nd, "@", p, len, 1);
	while (p < end) {
		for (w = p; w < end && *w != ' '; w++)
			;
		if (nchars(p, (size_t)(w - p)) >= LCM_ERASE_MIN_PART)
			needle_add(nd, "", p, (size_t)(w - p), 0);
		needle_add(nd, "@", p, (size_t)(w - p), 1);
		for (p = w; p < end && *p == ' '; p++)
			;
	}
}

static int
longest_first(const void *a, const void *b)
{
	size_t x = ((const struct needle *)a)->len, y = ((const struct needle *)b)->len;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* What the store knows of person id that others may have written. */
static int
gather(struct lcm_store *st, int64_t id, struct needles *nd, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st, "SELECT name, email, username FROM"
		" person_link WHERE person_id = ?1 UNION SELECT name, email, username"
		" FROM person WHERE id = ?1", err);
	const char *t;
	size_t len;
	int rc;

	if (!s)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if ((t = (const char *)sqlite3_column_text(s, 0)))
			add_name(nd, t);
		if ((t = (const char *)sqlite3_column_text(s, 1))) {
			t = trimmed(t, &len);
			needle_add(nd, "", t, len, 1);
		}
		if ((t = (const char *)sqlite3_column_text(s, 2))) {
			t = trimmed(t, &len);
			needle_add(nd, "", t, len, 1);
			needle_add(nd, "@", t, len, 1);
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "cannot read a person");
	if (nd->n)
		qsort(nd->v, nd->n, sizeof(*nd->v), longest_first);
	return 0;
}

/*
 * Is the character starting at s[i] part of a word? ASCII letters,
 * digits and '_' are, other ASCII is not; beyond ASCII, letters are,
 * and the punctuation of U+0080-U+00BF (no-break space, guillemets) and
 * U+2000-U+206F (typographic quotes and dashes) is not.
 */
static int
word_at(const char *s, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		       (c >= '0' && c <= '9') || c == '_';
	if (c == 0xc2)
		return 0;
	if (c == 0xe2 && ((unsigned char)s[i + 1] == 0x80 || (unsigned char)s[i + 1] == 0x81))
		return 0;
	return 1;
}

/* Is the character ending before s[i] part of a word (0 at the start)? */
static int
word_before(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	i--;
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return word_at(s, i);
}

/*
 * text with each whole-word needle replaced by LCM_ERASE_PLACEHOLDER,
 * owned by the caller, or NULL when nothing is (text may be NULL).
 */
static char *
scrub(const char *text, const struct needles *nd)
{
	struct lcm_buf b;
	const struct needle *x;
	size_t i = 0, len, k;
	int hits = 0;

	if (!text || !nd->n)
		return NULL;
	len = strlen(text);
	lcm_buf_init(&b);
	while (i < len) {
		k = nd->n;
		if (!word_before(text, i))
			for (k = 0; k < nd->n; k++) {
				x = &nd->v[k];
				if (x->len <= len - i && !word_at(text, i + x->len) &&
				    (x->icase ? strncasecmp(text + i, x->s, x->len) :
				     memcmp(text + i, x->s, x->len)) == 0)
					break;
			}
		if (k < nd->n) {
			lcm_buf_adds(&b, LCM_ERASE_PLACEHOLDER);
			i += nd->v[k].len;
			hits++;
		} else {
			lcm_buf_addc(&b, text[i++]);
		}
	}
	if (!hits) {
		lcm_buf_release(&b);
		return NULL;
	}
	return lcm_buf_detach(&b);
}

/* One row whose text changes: id and up to two new texts (owned). */
struct scrubbed {
	int64_t id;
	char *a, *b;
};

/*
 * Replaces the needles in the columns of query (id, col1[, col2]) and
 * writes them back with update (?1 id, ?2 col1, ?3 col2, ?4 words of
 * col2). The changes are listed first and written after the scan.
 * *n gets the rows changed. 0, or -1 with err.
 */
static int
scrub_table(struct lcm_store *st, const struct needles *nd, const char *query,
	    const char *update, int two, long *n, struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st, query, err), *u = NULL;
	struct scrubbed *v = NULL, *r;
	size_t len = 0, cap = 0, i;
	char *a, *b;
	int rc = -1, step;

	*n = 0;
	if (!s)
		return -1;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		a = scrub((const char *)sqlite3_column_text(s, 1), nd);
		b = two ? scrub((const char *)sqlite3_column_text(s, 2), nd) : NULL;
		if (!a && !b)
			continue;
		if (len == cap) {
			cap = cap ? 2 * cap : 16;
			v = lcm_xreallocarray(v, cap, sizeof(*v));
		}
		r = &v[len++];
		r->id = sqlite3_column_int64(s, 0);
		/* the unchanged column is written back as it is */
		r->a = a ? a : sqlite3_column_text(s, 1) ?
		       lcm_xstrdup((const char *)sqlite3_column_text(s, 1)) : NULL;
		r->b = b ? b : two && sqlite3_column_text(s, 2) ?
		       lcm_xstrdup((const char *)sqlite3_column_text(s, 2)) : NULL;
	}
	if (step != SQLITE_DONE) {
		lcm_store_fail(st, err, "cannot read the text to erase names from");
		goto out;
	}
	if (len && !(u = lcm_store_prepare(st, update, err)))
		goto out;
	for (i = 0; i < len; i++) {
		sqlite3_reset(u);
		sqlite3_bind_int64(u, 1, v[i].id);
		sqlite3_bind_text(u, 2, v[i].a, -1, SQLITE_STATIC);
		if (two) {
			sqlite3_bind_text(u, 3, v[i].b, -1, SQLITE_STATIC);
			sqlite3_bind_int(u, 4, lcm_text_words(v[i].b));
		}
		if (sqlite3_step(u) != SQLITE_DONE) {
			lcm_store_fail(st, err, "cannot erase a name");
			goto out;
		}
	}
	*n = (long)len;
	rc = 0;
out:
	for (i = 0; i < len; i++) {
		free(v[i].a);
		free(v[i].b);
	}
	free(v);
	sqlite3_finalize(s);
	sqlite3_finalize(u);
	return rc;
}

/* Others' posts and thread titles, without the needles. */
static int
scrub_all(struct lcm_store *st, const struct needles *nd, struct lcm_erase_counts *c,
	  struct lcm_err *err)
{
	if (!nd->n)
		return 0;
	return scrub_table(st, nd, "SELECT id, subject, body FROM post",
			   "UPDATE post SET subject = ?2, body = ?3, words = ?4 WHERE id = ?1",
			   1, &c->scrubbed_posts, err) < 0 ||
	       scrub_table(st, nd, "SELECT id, title FROM thread",
			   "UPDATE thread SET title = ?2 WHERE id = ?1", 0,
			   &c->scrubbed_threads, err) < 0 ? -1 : 0;
}

/*
 * lcm-nudge's records of the person, when lcm-nudge made its table
 * (lib/nudge/record.c creates it until it moves into the schema).
 */
static int
drop_nudges(struct lcm_store *st, int64_t id, struct lcm_err *err)
{
	long have = 0;

	if (step1(st, "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
		  " AND name = 'nudge_message'", 0, &have, err) < 0)
		return -1;
	return have ? step1(st, "DELETE FROM nudge_message WHERE person_id = ?1", id,
			    NULL, err) : 0;
}

/* Runs sql (bound to id) when the store has table: lcm-engage's and the
 * readers' own tables (lib/store/reaction.c, lib/engage/milestones.c). */
static int
drop_if_table(struct lcm_store *st, const char *table, const char *sql, int64_t id,
	      struct lcm_err *err)
{
	int rc = lcm_store_has_table(st, table, err);

	return rc > 0 ? step1(st, sql, id, NULL, err) : rc;
}

int
lcm_erase_person(struct lcm_store *st, int64_t id, struct lcm_erase_counts *c,
		 struct lcm_err *err)
{
	struct needles nd = { NULL, 0, 0 };
	long all = 0;
	int rc = -1;

	memset(c, 0, sizeof(*c));
	if (gather(st, id, &nd, err) < 0 ||
	    lcm_store_exec(st, temp_tables, err) < 0 ||
	    step1(st, threads_opened, id, NULL, err) < 0 ||
	    step1(st, "INSERT INTO temp.erase_post SELECT id FROM post WHERE author_id = ?1"
		  " UNION SELECT id FROM post WHERE thread_id IN"
		  " (SELECT id FROM temp.erase_thread)", id, NULL, err) < 0 ||
	    step1(st, "SELECT count(*) FROM post WHERE id IN (SELECT id FROM temp.erase_post)"
		  " AND author_id IS NOT ?1", id, &c->others, err) < 0 ||
	    drop_listed(st, &all, &c->threads, &c->notified, &c->detached, err) < 0 ||
	    step1(st, hand_over, id, NULL, err) < 0 ||
	    step1(st, "INSERT INTO temp.erase_term SELECT verb FROM event WHERE person_id = ?1"
		  " UNION SELECT object FROM event WHERE person_id = ?1 AND object IS NOT NULL",
		  id, NULL, err) < 0 ||
	    step1(st, "DELETE FROM event WHERE person_id = ?1", id, &c->events, err) < 0 ||
	    (c->events && drop_terms(st, err) < 0) ||
	    step1(st, "DELETE FROM completion WHERE person_id = ?1", id,
		  &c->completions, err) < 0 ||
	    step1(st, "DELETE FROM person_skill WHERE person_id = ?1", id,
		  &c->skills, err) < 0 ||
	    step1(st, "DELETE FROM person_link WHERE person_id = ?1", id,
		  &c->accounts, err) < 0 ||
	    drop_nudges(st, id, err) < 0 ||
	    drop_if_table(st, "milestone_seen", "DELETE FROM milestone_seen"
			  " WHERE person_id = ?1", id, err) < 0 ||
	    step1(st, "DELETE FROM person WHERE id = ?1", id, &c->persons, err) < 0 ||
	    scrub_all(st, &nd, c, err) < 0)
		goto out;
	c->posts = all - c->others;
	rc = 0;
out:
	needles_release(&nd);
	return rc;
}

int
lcm_erase_purge(struct lcm_store *st, int64_t before, struct lcm_purge_counts *c,
		struct lcm_err *err)
{
	memset(c, 0, sizeof(*c));
	/* a thread without posts goes by its own date, or with the old
	 * when it has none */
	return lcm_store_exec(st, temp_tables, err) < 0 ||
	       step1(st, "INSERT INTO temp.erase_thread SELECT t.id FROM thread t"
		     " WHERE coalesce((SELECT max(created) FROM post WHERE thread_id = t.id),"
		     " t.created, ?1 - 1) < ?1", before, NULL, err) < 0 ||
	       step1(st, "INSERT INTO temp.erase_post SELECT id FROM post WHERE thread_id IN"
		     " (SELECT id FROM temp.erase_thread)", 0, NULL, err) < 0 ||
	       drop_listed(st, &c->posts, &c->threads, &c->notified, &c->detached, err) < 0 ||
	       step1(st, "INSERT INTO temp.erase_term SELECT verb FROM event WHERE ts < ?1"
		     " UNION SELECT object FROM event WHERE ts < ?1 AND object IS NOT NULL",
		     before, NULL, err) < 0 ||
	       step1(st, "DELETE FROM event WHERE ts < ?1", before, &c->events, err) < 0 ||
	       (c->events && drop_terms(st, err) < 0) ? -1 : 0;
}

void
lcm_erase_who_release(struct lcm_erase_who *who)
{
	free(who->key);
	free(who->name);
	who->key = who->name = NULL;
}

/*
 * Every person spec can name (?1 platform, ?2 id, ?3 spec, ?4 an e-mail?,
 * ?5 the store's number of a person when spec is one: the first column
 * of lcm-import --persons, so "9" read only as an external id would
 * erase someone else without a word).
 */
static const char find_sql[] =
	"SELECT id, platform || ':' || external_id, name FROM person WHERE id IN ("
	" SELECT id FROM person WHERE id = ?5 UNION"
	" SELECT person_id FROM person_link WHERE platform = ?1 AND external_id = ?2"
	" UNION SELECT id FROM person WHERE platform = ?1 AND external_id = ?2"
	" UNION SELECT person_id FROM person_link WHERE external_id = ?3"
	" UNION SELECT id FROM person WHERE external_id = ?3"
	" UNION SELECT person_id FROM person_link WHERE ?4 AND email IS NOT NULL"
	"  AND trim(email) <> '' AND lower(trim(email)) = lower(trim(?3))"
	" UNION SELECT id FROM person WHERE ?4 AND lower(trim(email)) = lower(trim(?3))"
	") ORDER BY id";

/* "moodle:58 (Ana Lopez)", or the key alone when the name is unknown. */
static void
describe(struct lcm_buf *b, const char *key, const char *name)
{
	lcm_buf_adds(b, key);
	if (name)
		lcm_buf_printf(b, " (%s)", name);
}

int
lcm_erase_find(struct lcm_store *st, const char *spec, struct lcm_erase_who *who,
	       struct lcm_err *err)
{
	sqlite3_stmt *s = lcm_store_prepare(st, find_sql, err);
	const char *colon = strchr(spec, ':'), *name;
	struct lcm_buf list;
	char q[64];
	int rc, n = 0;

	memset(who, 0, sizeof(*who));
	if (!s)
		return -1;
	lcm_buf_init(&list);
	if (colon) {
		sqlite3_bind_text(s, 1, spec, (int)(colon - spec), SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, colon + 1, -1, SQLITE_STATIC);
	}
	sqlite3_bind_text(s, 3, spec, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, strchr(spec, '@') != NULL);
	if (*spec && strspn(spec, "0123456789") == strlen(spec) && strlen(spec) < 19)
		sqlite3_bind_int64(s, 5, strtoll(spec, NULL, 10));
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(s, 2);
		if (n++ == 0) {
			who->id = sqlite3_column_int64(s, 0);
			who->key = lcm_xstrdup((const char *)sqlite3_column_text(s, 1));
			who->name = name ? lcm_xstrdup(name) : NULL;
		}
		if (n <= MAX_CANDIDATES) {
			if (n > 1)
				lcm_buf_adds(&list, ", ");
			describe(&list, (const char *)sqlite3_column_text(s, 1), name);
		}
	}
	sqlite3_finalize(s);
	lcm_err_quote(spec, q, sizeof(q));
	if (rc != SQLITE_DONE)
		rc = lcm_store_fail(st, err, "cannot look up a person");
	else if (n == 0)
		rc = lcm_error(err, "no person '%s' in the store (give platform:id, an id"
			       " or an e-mail address; see lcm-import --persons)", q);
	else if (n > 1)
		rc = lcm_error(err, "'%s' is ambiguous: %d persons match: %s%s; give one"
			       " as platform:id", q, n, list.data,
			       n > MAX_CANDIDATES ? ", ..." : "");
	else
		rc = 0;
	lcm_buf_release(&list);
	if (rc < 0)
		lcm_erase_who_release(who);
	return rc;
}

/* ", 3 events" after a part, in the singular for 1. */
static void
part(struct lcm_buf *b, long n, const char *one, const char *many)
{
	lcm_buf_printf(b, "%s%ld %s", b->len && b->data[b->len - 1] != ' ' ? ", " : "",
		       n, n == 1 ? one : many);
}

/* "forgot moodle:58 (Ana Lopez): 1 person, 2 accounts, 12 posts, ..." */
static void
forget_line(struct lcm_buf *b, const struct lcm_erase_who *who,
	    const struct lcm_erase_counts *c, int dry)
{
	lcm_buf_printf(b, "%sforgot ", dry ? "(dry run) " : "");
	describe(b, who->key, who->name);
	lcm_buf_adds(b, ": ");
	part(b, c->persons, "person", "persons");
	part(b, c->accounts, "account", "accounts");
	part(b, c->posts, "post", "posts");
	part(b, c->threads, "thread", "threads");
	if (c->others)
		lcm_buf_printf(b, " with %ld repl%s by others", c->others,
			       c->others == 1 ? "y" : "ies");
	part(b, c->events, "event", "events");
	part(b, c->completions, "completion", "completions");
	if (c->skills)
		part(b, c->skills, "skill", "skills");
	if (c->notified)
		part(b, c->notified, "notified mark", "notified marks");
	if (c->detached)
		lcm_buf_printf(b, "; %ld repl%s by others to their posts kept", c->detached,
			       c->detached == 1 ? "y" : "ies");
	if (c->scrubbed_posts || c->scrubbed_threads)
		lcm_buf_printf(b, "; their name replaced with " LCM_ERASE_PLACEHOLDER " in %ld"
			       " post%s and %ld thread title%s of others", c->scrubbed_posts,
			       c->scrubbed_posts == 1 ? "" : "s", c->scrubbed_threads,
			       c->scrubbed_threads == 1 ? "" : "s");
}

/* "purged before 2026-10-01T00:00:00Z: 3 threads with 14 posts, 120 events" */
static void
purge_line(struct lcm_buf *b, int64_t before, const struct lcm_purge_counts *c, int dry)
{
	char t[32];

	lcm_buf_printf(b, "%spurged before %s: ", dry ? "(dry run) " : "",
		       lcm_time_format_utc(before, t));
	part(b, c->threads, "thread", "threads");
	lcm_buf_printf(b, " with %ld post%s", c->posts, c->posts == 1 ? "" : "s");
	part(b, c->events, "event", "events");
	if (c->notified)
		part(b, c->notified, "notified mark", "notified marks");
	if (c->detached)
		lcm_buf_printf(b, "; %ld later repl%s kept", c->detached,
			       c->detached == 1 ? "y" : "ies");
}

/*
 * Looks every person of req up; who[i].id is 0 for a person already
 * named before (forgotten once). 0, or -1 after fail() for each missing
 * one, with err filled.
 */
static int
find_all(struct lcm_store *st, const struct lcm_erase_req *req,
	 struct lcm_erase_who *who, struct lcm_err *err)
{
	struct lcm_err e;
	size_t i, j;
	int bad = 0;

	for (i = 0; i < req->nforget; i++) {
		lcm_err_init(&e);
		if (lcm_erase_find(st, req->forget[i], &who[i], &e) < 0) {
			if (strncmp(e.msg, "store ", 6) == 0) {
				*err = e;
				return -1;
			}
			if (req->fail)
				req->fail(req->arg, &e);
			bad++;
			continue;
		}
		for (j = 0; j < i; j++)
			if (who[j].id == who[i].id)
				who[i].id = 0;
	}
	if (bad)
		return lcm_error(err, "nothing erased: the store is unchanged");
	return 0;
}

/* Forgets who[], purges, and writes the summaries into lines. */
static int
erase_all(struct lcm_store *st, const struct lcm_erase_req *req,
	  const struct lcm_erase_who *who, struct lcm_buf *lines, struct lcm_err *err)
{
	struct lcm_erase_counts c;
	struct lcm_purge_counts pc;
	size_t i;

	for (i = 0; i < req->nforget; i++) {
		if (!who[i].id)
			continue;
		if (lcm_erase_person(st, who[i].id, &c, err) < 0)
			return -1;
		forget_line(lines, &who[i], &c, req->dry_run);
		lcm_buf_addc(lines, '\n');
	}
	if (req->purge) {
		if (lcm_erase_purge(st, req->before, &pc, err) < 0)
			return -1;
		purge_line(lines, req->before, &pc, req->dry_run);
		lcm_buf_addc(lines, '\n');
	}
	return lcm_store_exec(st, "DROP TABLE IF EXISTS temp.erase_thread;"
			      "DROP TABLE IF EXISTS temp.erase_post;"
			      "DROP TABLE IF EXISTS temp.erase_term;", err);
}

/*
 * Copies the WAL into the database and empties it, so that the pages
 * as they were before the erasure are in neither file. A program that
 * reads the store holds it back (the busy timeout is waited): the
 * erasure's pages cannot go into the database while one reads from a
 * snapshot older than them, so the old pages stay in the database file
 * itself (and the WAL); once they are in, the WAL still holds its old
 * frames until no one reads from it.
 */
static int
checkpoint(struct lcm_store *st, struct lcm_err *err)
{
	int rc, log = 0, done = 0;

	rc = sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
	if ((rc & 0xff) == SQLITE_BUSY && done < log)
		return lcm_error(err, "store '%s': erased, but a program still reading it"
				 " kept the erasure out of the file: until it ends, the old"
				 " copies are in '%s' itself (and '%s-wal'), and a backup taken"
				 " now keeps them; then run sqlite3 '%s'"
				 " 'PRAGMA wal_checkpoint(TRUNCATE)'",
				 st->path, st->path, st->path, st->path);
	if ((rc & 0xff) == SQLITE_BUSY)
		return lcm_error(err, "store '%s': erased, but a program still reading it"
				 " kept old copies in '%s-wal': once it ends, run sqlite3 '%s'"
				 " 'PRAGMA wal_checkpoint(TRUNCATE)'", st->path, st->path, st->path);
	if (rc != SQLITE_OK)
		return lcm_store_fail(st, err, "cannot checkpoint the WAL");
	return 0;
}

/* Hands each line of lines to req->line. */
static void
report(const struct lcm_erase_req *req, struct lcm_buf *lines)
{
	char *p, *nl;

	if (!req->line || !lines->len)
		return;
	for (p = lines->data; (nl = strchr(p, '\n')); p = nl + 1) {
		*nl = '\0';
		req->line(req->arg, p);
	}
}

int
lcm_erase_run(struct lcm_store *st, const struct lcm_erase_req *req,
	      struct lcm_err *err)
{
	struct lcm_erase_who *who = lcm_xcalloc(req->nforget + 1, sizeof(*who));
	struct lcm_buf lines;
	size_t i;
	int rc = -1;

	lcm_buf_init(&lines);
	/* the bytes of deleted rows are overwritten, not left in free space */
	if (lcm_store_exec(st, "PRAGMA secure_delete=ON;", err) < 0 ||
	    lcm_store_begin(st, err) < 0)
		goto out;
	if (find_all(st, req, who, err) < 0 || erase_all(st, req, who, &lines, err) < 0 ||
	    (!req->dry_run && lcm_store_commit(st, err) < 0)) {
		lcm_store_rollback(st);
		goto out;
	}
	if (req->dry_run)
		lcm_store_rollback(st);
	report(req, &lines);
	rc = req->dry_run ? 0 : checkpoint(st, err);
out:
	for (i = 0; i < req->nforget; i++)
		lcm_erase_who_release(&who[i]);
	free(who);
	lcm_buf_release(&lines);
	return rc;
}

/* A person of the listing, owned, before sorting. */
struct pseudo_row {
	char person[LCM_PSEUDO_LEN + 1];
	char *role, *platforms;
	int naccounts;
};

struct pseudo_list {
	const char *key;
	sqlite3_stmt *origin;	/* the person's first account, by id */
	struct pseudo_row *rows;
	size_t n, cap;
	int failed;
};

/* lcm_identity_each's callback: one person, pseudonymised. */
static int
pseudo_add(void *arg, const struct lcm_identity *id)
{
	struct pseudo_list *l = arg;
	struct pseudo_row *r;

	sqlite3_reset(l->origin);
	sqlite3_bind_int64(l->origin, 1, id->person);
	if (sqlite3_step(l->origin) != SQLITE_ROW) {
		l->failed = 1;
		return -1;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->rows = lcm_xreallocarray(l->rows, l->cap, sizeof(*l->rows));
	}
	r = &l->rows[l->n++];
	lcm_pseudonym(l->key, (const char *)sqlite3_column_text(l->origin, 0), r->person);
	r->role = lcm_xstrdup(id->role ? id->role : "");
	r->platforms = lcm_xstrdup(id->platforms ? id->platforms : "");
	r->naccounts = id->naccounts;
	return 0;
}

static int
by_pseudonym(const void *a, const void *b)
{
	return strcmp(((const struct pseudo_row *)a)->person,
		      ((const struct pseudo_row *)b)->person);
}

int
lcm_erase_persons_pseudo(struct lcm_store *st, const char *key,
			 int (*fn)(void *arg, const struct lcm_pseudo_person *p),
			 void *arg, struct lcm_err *err)
{
	struct pseudo_list l = { key, NULL, NULL, 0, 0, 0 };
	struct lcm_pseudo_person p;
	size_t i;
	int rc = -1;

	/* the key lcm-engage hashes: engage.c's p->key */
	l.origin = lcm_store_prepare(st, "SELECT platform || ':' || external_id"
				     " FROM person WHERE id = ?1", err);
	if (!l.origin)
		return -1;
	if (lcm_identity_each(st, 0, pseudo_add, &l, err) < 0) {
		if (l.failed)
			lcm_store_fail(st, err, "cannot read a person");
		goto out;
	}
	/* by pseudonym: the store's order would tell who came first */
	if (l.n)
		qsort(l.rows, l.n, sizeof(*l.rows), by_pseudonym);
	rc = 0;
	for (i = 0; i < l.n && rc == 0; i++) {
		p.person = l.rows[i].person;
		p.role = l.rows[i].role;
		p.platforms = l.rows[i].platforms;
		p.naccounts = l.rows[i].naccounts;
		rc = fn(arg, &p) < 0 ? -1 : 0;
	}
out:
	for (i = 0; i < l.n; i++) {
		free(l.rows[i].role);
		free(l.rows[i].platforms);
	}
	free(l.rows);
	sqlite3_finalize(l.origin);
	return rc;
}
