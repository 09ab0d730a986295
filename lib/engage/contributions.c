/*
 * contributions.c - the posts worth highlighting (see contributions.h).
 */
#include "contributions.h"

#include <math.h>
#include <stdlib.h>

#include "reaction.h"
#include "text.h"
#include "timefmt.h"
#include "xalloc.h"

double
lcm_contribution_score(unsigned reasons, int64_t replies, int64_t repliers,
		       int64_t reactions)
{
	double s = 0, r;

	if (reasons & LCM_CONTRIB_R_ACCEPTED)
		s += LCM_CONTRIB_ACCEPTED;
	if (reasons & LCM_CONTRIB_R_ANSWERED)
		s += LCM_CONTRIB_ANSWERED;
	s += replies < LCM_CONTRIB_CAP ? (double)replies : LCM_CONTRIB_CAP;
	s += repliers < LCM_CONTRIB_CAP ? (double)repliers : LCM_CONTRIB_CAP;
	if (reactions > 0) {
		r = log2(1.0 + (double)reactions);
		s += r < LCM_CONTRIB_CAP ? r : LCM_CONTRIB_CAP;
	}
	if (reasons & LCM_CONTRIB_R_LONG)
		s += LCM_CONTRIB_LONG;
	if (reasons & LCM_CONTRIB_R_LINK)
		s += LCM_CONTRIB_LINK;
	return s;
}

/* A reply (index) and its parent, to count distinct repliers. */
struct pair {
	uint32_t parent, author;
};

static int
pair_cmp(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->parent != y->parent)
		return x->parent < y->parent ? -1 : 1;
	return x->author < y->author ? -1 : x->author > y->author;
}

/* The net reactions of each post of e into r (nposts), from post_reaction. */
static int
reactions(struct lcm_store *st, const struct lcm_engage *e, int64_t *r, struct lcm_err *err)
{
	sqlite3_stmt *s;
	size_t i;
	int rc, have = lcm_reaction_present(st, err);

	if (have <= 0)
		return have;
	if (!(s = lcm_store_prepare(st, "SELECT post_id, sum(count) FROM post_reaction"
				    " GROUP BY post_id", err)))
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		i = lcm_engage_find_post(e, sqlite3_column_int64(s, 0));
		if (i != LCM_NONE)
			r[i] = sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "reading reactions");
	return 0;
}

/* Marks in link (nposts) the posts of e's period whose text holds an http(s) link. */
static int
links(struct lcm_store *st, const struct lcm_engage *e, unsigned char *link, struct lcm_err *err)
{
	sqlite3_stmt *s;
	size_t i;
	int rc;

	if (!(s = lcm_store_prepare(st, "SELECT id FROM post WHERE created >= ?1 AND created < ?2"
				    " AND (instr(body, 'http://') > 0 OR instr(body, 'https://') > 0)",
				    err)))
		return -1;
	sqlite3_bind_int64(s, 1, e->o.since);
	sqlite3_bind_int64(s, 2, e->o.until);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		i = lcm_engage_find_post(e, sqlite3_column_int64(s, 0));
		if (i != LCM_NONE)
			link[i] = 1;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return lcm_store_fail(st, err, "reading posts");
	return 0;
}

static const struct lcm_engage *sort_e;

/* Best first: score, then earlier, then store id. */
static int
contrib_cmp(const void *a, const void *b)
{
	const struct lcm_contribution *x = a, *y = b;
	const struct lcm_engage_post *px = &sort_e->posts[x->post], *py = &sort_e->posts[y->post];

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (px->created != py->created)
		return px->created < py->created ? -1 : 1;
	return px->id < py->id ? -1 : px->id > py->id;
}

/* Is post p of e in the period, live, and by a wanted author? */
static int
wanted(const struct lcm_engage *e, const struct lcm_engage_post *p, int include_staff)
{
	if (p->hidden || p->created >= e->o.until ||
	    (e->o.since != INT64_MIN && p->created < e->o.since))
		return 0;
	return include_staff || p->author == LCM_NONE || !e->persons[p->author].staff;
}

int
lcm_contributions(struct lcm_store *st, const struct lcm_engage *e, int include_staff,
		  size_t top, struct lcm_contribution **out, size_t *n,
		  struct lcm_err *err)
{
	struct lcm_contribution *c = NULL;
	struct pair *pairs;
	int64_t *replies, *repliers, *react;
	unsigned char *link;
	size_t i, np = 0, nc = 0, m = e->nposts ? e->nposts : 1;
	int rc = -1;

	replies = lcm_xcalloc(m, sizeof(*replies));
	repliers = lcm_xcalloc(m, sizeof(*repliers));
	react = lcm_xcalloc(m, sizeof(*react));
	link = lcm_xcalloc(m, 1);
	pairs = lcm_xreallocarray(NULL, m, sizeof(*pairs));
	if (reactions(st, e, react, err) < 0 || links(st, e, link, err) < 0)
		goto out;
	/* replies drawn from others, until the period's end */
	for (i = 0; i < e->nposts; i++) {
		const struct lcm_engage_post *p = &e->posts[i];

		if (p->hidden || p->parent == LCM_NONE || p->author == LCM_NONE ||
		    p->author == e->posts[p->parent].author)
			continue;
		replies[p->parent]++;
		pairs[np].parent = p->parent;
		pairs[np++].author = p->author;
	}
	qsort(pairs, np, sizeof(*pairs), pair_cmp);
	for (i = 0; i < np; i++)
		if (!i || pair_cmp(&pairs[i], &pairs[i - 1]) != 0)
			repliers[pairs[i].parent]++;
	c = lcm_xreallocarray(NULL, m, sizeof(*c));
	for (i = 0; i < e->nposts; i++) {
		const struct lcm_engage_post *p = &e->posts[i];
		struct lcm_contribution k = { 0 };
		uint32_t root;

		if (!wanted(e, p, include_staff))
			continue;
		k.post = i;
		if (p->accepted)
			k.reasons |= LCM_CONTRIB_R_ACCEPTED;
		root = p->thread != LCM_NONE ? e->threads[p->thread].root : LCM_NONE;
		if (p->reply && root != LCM_NONE && root != i && e->posts[root].question &&
		    e->posts[root].author != p->author &&
		    e->threads[p->thread].first_peer == p->created)
			k.reasons |= LCM_CONTRIB_R_ANSWERED;
		if (p->words >= LCM_CONTRIB_LONG_WORDS)
			k.reasons |= LCM_CONTRIB_R_LONG;
		if (link[i])
			k.reasons |= LCM_CONTRIB_R_LINK;
		k.replies = replies[i];
		k.repliers = repliers[i];
		k.reactions = react[i];
		k.score = lcm_contribution_score(k.reasons, k.replies, k.repliers, k.reactions);
		if (k.score >= LCM_CONTRIB_MIN)
			c[nc++] = k;
	}
	sort_e = e;
	qsort(c, nc, sizeof(*c), contrib_cmp);
	if (top && nc > top)
		nc = top;
	*out = c;
	*n = nc;
	c = NULL;
	rc = 0;
out:
	free(c);
	free(pairs);
	free(link);
	free(replies);
	free(repliers);
	free(react);
	return rc;
}

void
lcm_contribution_reasons(const struct lcm_contribution *c, struct lcm_buf *b)
{
	lcm_buf_reset(b);
	if (c->reasons & LCM_CONTRIB_R_ACCEPTED)
		lcm_buf_printf(b, "%saccepted", b->len ? ";" : "");
	if (c->reasons & LCM_CONTRIB_R_ANSWERED)
		lcm_buf_printf(b, "%sanswered-peer", b->len ? ";" : "");
	if (c->replies)
		lcm_buf_printf(b, "%sreplies:%lld", b->len ? ";" : "", (long long)c->replies);
	if (c->repliers)
		lcm_buf_printf(b, "%srepliers:%lld", b->len ? ";" : "", (long long)c->repliers);
	if (c->reactions)
		lcm_buf_printf(b, "%sreactions:%lld", b->len ? ";" : "", (long long)c->reactions);
	if (c->reasons & LCM_CONTRIB_R_LONG)
		lcm_buf_printf(b, "%slong", b->len ? ";" : "");
	if (c->reasons & LCM_CONTRIB_R_LINK)
		lcm_buf_printf(b, "%slink", b->len ? ";" : "");
}

/* A post's origin and text, for the excerpt and the link. */
static const char where_sql[] =
	"SELECT p.external_id, t.external_id, c.external_id, f.name, p.subject, p.body"
	" FROM post p JOIN thread t ON t.id = p.thread_id"
	" LEFT JOIN forum f ON f.id = t.forum_id"
	" LEFT JOIN course c ON c.id = f.course_id"
	" WHERE p.id = ?1";

int
lcm_contributions_render(struct lcm_store *st, const struct lcm_engage *e,
			 const struct lcm_contribution *c, size_t n,
			 const struct lcm_recognition_out *o, FILE *fp,
			 struct lcm_err *err)
{
	static const char *const cols[] = {
		"post", "thread", "person", "name", "created", "score", "reasons",
		"excerpt", "url"
	};
	struct lcm_render *r;
	struct lcm_buf why;
	sqlite3_stmt *s;
	size_t i;
	int rc = 0;

	if (!(s = lcm_store_prepare(st, where_sql, err)))
		return -1;
	lcm_buf_init(&why);
	r = lcm_render_new(fp, o->fmt, cols, o->url ? 9 : 8, o->excel ? LCM_RENDER_EXCEL : 0);
	for (i = 0; i < n; i++) {
		const struct lcm_engage_post *p = &e->posts[c[i].post];
		const struct lcm_engage_person *a = p->author != LCM_NONE ?
			&e->persons[p->author] : NULL;
		struct lcm_cell cell[9];
		char t[32], *excerpt, *url = NULL;
		const char *text;

		sqlite3_bind_int64(s, 1, p->id);
		if (sqlite3_step(s) != SQLITE_ROW) {
			rc = lcm_store_fail(st, err, "reading posts");
			break;
		}
		text = (const char *)sqlite3_column_text(s, 5);
		if (!text || !*text)
			text = (const char *)sqlite3_column_text(s, 4);
		excerpt = lcm_text_excerpt(text, 120);
		lcm_contribution_reasons(&c[i], &why);
		cell[0] = lcm_cell_str((const char *)sqlite3_column_text(s, 0));
		cell[1] = lcm_cell_str((const char *)sqlite3_column_text(s, 1));
		cell[2] = a ? lcm_cell_str(a->person) : lcm_cell_null();
		cell[3] = a ? lcm_cell_str(a->name) : lcm_cell_null();
		cell[4] = lcm_cell_str(o->local ? lcm_time_format_local(p->created, t) :
				       lcm_time_format_utc(p->created, t));
		cell[5] = lcm_cell_real(floor(c[i].score * 100 + 0.5) / 100);
		cell[6] = lcm_cell_str(why.data ? why.data : "");
		cell[7] = lcm_cell_str(excerpt);
		if (o->url) {
			url = lcm_url_expand(o->url, (const char *)sqlite3_column_text(s, 1),
					     (const char *)sqlite3_column_text(s, 0),
					     (const char *)sqlite3_column_text(s, 2),
					     (const char *)sqlite3_column_text(s, 3));
			cell[8] = lcm_cell_str(url);
		}
		lcm_render_row(r, cell);
		free(url);
		free(excerpt);
		sqlite3_reset(s);
	}
	lcm_render_end(r);
	if (!rc)
		rc = lcm_render_error(r);
	lcm_render_free(r);
	lcm_buf_release(&why);
	sqlite3_finalize(s);
	return rc;
}
