/*
 * pathway.c - planning one learner's pathway: choosing the bricks,
 * closing over prerequisites, ordering, weeks. See pathway.h.
 *
 * The planner keeps per-brick scratch arrays the size of the catalogue,
 * stamped with a generation number that changes for each learner, so
 * that planning 10,000 learners never clears 10,000 times 2,000 cells:
 * a brick is "in" the current pathway when in[b] == gen.
 */
#include "pathway.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "xalloc.h"

#define EXPLAIN_MAX 8	/* alternatives named in a why, then "and N more" */

struct lcm_planner {
	const struct lcm_catalogue *c;
	const struct lcm_plan_opts *o;
	unsigned gen;
	unsigned *done;		/* gen: completed by this learner */
	unsigned *in;		/* gen: in this pathway */
	size_t *local;		/* when in: index in members */
	size_t *members;	/* bricks in, in the order they came in */
	size_t nmembers;
	enum lcm_reason *reason;	/* by local index */
	const char **about;
	char **why;
	size_t *indeg, *heap, *order, *estart, *edges;
	unsigned char *interest;	/* by local index: teaches an interest */
	struct lcm_buf buf;
};

/* What the planner works with for one learner: its values or defaults. */
struct view {
	const struct lcm_learner *l;
	const struct lcm_strlist *goals, *formats;
	const char *lang;
	int64_t budget;
};

void
lcm_plan_release(struct lcm_plan *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->v[i].why);
	free(p->v);
	memset(p, 0, sizeof(*p));
}

struct lcm_planner *
lcm_planner_new(const struct lcm_catalogue *c, const struct lcm_plan_opts *o)
{
	struct lcm_planner *p = lcm_xcalloc(1, sizeof(*p));
	size_t n = c->n + 1, edges = 1, i;

	for (i = 0; i < c->n; i++)
		edges += c->b[i].npre;
	p->c = c;
	p->o = o;
	p->done = lcm_xcalloc(n, sizeof(*p->done));
	p->in = lcm_xcalloc(n, sizeof(*p->in));
	p->local = lcm_xcalloc(n, sizeof(*p->local));
	p->members = lcm_xcalloc(n, sizeof(*p->members));
	p->reason = lcm_xcalloc(n, sizeof(*p->reason));
	p->about = lcm_xcalloc(n, sizeof(*p->about));
	p->why = lcm_xcalloc(n, sizeof(*p->why));
	p->indeg = lcm_xcalloc(n, sizeof(*p->indeg));
	p->heap = lcm_xcalloc(n, sizeof(*p->heap));
	p->order = lcm_xcalloc(n, sizeof(*p->order));
	p->estart = lcm_xcalloc(n + 1, sizeof(*p->estart));
	p->edges = lcm_xcalloc(edges, sizeof(*p->edges));
	p->interest = lcm_xcalloc(n, 1);
	lcm_buf_init(&p->buf);
	return p;
}

void
lcm_planner_free(struct lcm_planner *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->nmembers; i++)
		free(p->why[i]);
	free(p->done);
	free(p->in);
	free(p->local);
	free(p->members);
	free(p->reason);
	free(p->about);
	free(p->why);
	free(p->indeg);
	free(p->heap);
	free(p->order);
	free(p->estart);
	free(p->edges);
	free(p->interest);
	lcm_buf_release(&p->buf);
	free(p);
}

/* 1 when two language tags share their primary part: "fr" and "fr-CA". */
static int
same_language(const char *a, const char *b)
{
	size_t na = strcspn(a, "-_"), nb = strcspn(b, "-_");

	return na == nb && strncasecmp(a, b, na) == 0;
}

/* How well brick b fits a goal for the learner: smaller is better. */
struct rank {
	int lang;	/* 0 in the learner's language (or no preference) */
	size_t fmt;	/* place of its format among the preferred ones */
	int dist;	/* levels above the learner's */
	int64_t dur;
	const char *id;
};

/* The rank of brick b for a learner whose level in the skill is held. */
static struct rank
rank_of(const struct lcm_brick *b, const struct view *v, int held)
{
	struct rank r;
	size_t i;

	r.lang = v->lang && (!b->language || !same_language(b->language, v->lang));
	r.fmt = v->formats->n;
	for (i = 0; b->format && i < v->formats->n; i++)
		if (strcasecmp(b->format, v->formats->v[i]) == 0) {
			r.fmt = i;
			break;
		}
	r.dist = b->level - held;
	r.dur = b->duration;
	r.id = b->id;
	return r;
}

/* Compares ranks; *why is set to the first criterion that differs. */
static int
cmp_rank(const struct rank *x, const struct rank *y, int *why)
{
	int c;

	*why = 0;
	if (x->lang != y->lang)
		return (*why = 1), x->lang - y->lang;
	if (x->fmt != y->fmt)
		return (*why = 2), x->fmt < y->fmt ? -1 : 1;
	if (x->dist != y->dist)
		return (*why = 3), x->dist - y->dist;
	if (x->dur != y->dur)
		return (*why = 4), x->dur < y->dur ? -1 : 1;
	c = strcmp(x->id, y->id);
	return (*why = 5), c;
}

/* Puts brick b into the pathway for reason r. */
static void
add_member(struct lcm_planner *p, size_t b, enum lcm_reason r, const char *about)
{
	size_t k = p->nmembers++;

	p->in[b] = p->gen;
	p->local[b] = k;
	p->members[k] = b;
	p->reason[k] = r;
	p->about[k] = about;
	p->why[k] = NULL;
}

/*
 * The why of a goal brick: the skill, the learner's level in it, and
 * the alternatives passed over with the criterion that ruled each out.
 */
static char *
explain_goal(struct lcm_planner *p, const struct lcm_skill *sk, size_t best,
	     const struct view *v, int held, const char *goal)
{
	const struct lcm_catalogue *c = p->c;
	const struct lcm_brick *b;
	struct rank rb = rank_of(&c->b[best], v, held), ra;
	struct lcm_buf *w = &p->buf;
	size_t i, named = 0, more = 0;
	int why;

	lcm_buf_reset(w);
	lcm_buf_printf(w, "teaches '%s'", goal);
	if (held >= 0)
		lcm_buf_printf(w, " (level %d done)", held);
	for (i = 0; i < sk->n; i++) {
		b = &c->b[sk->bricks[i]];
		if (sk->bricks[i] == best)
			continue;
		if (named == EXPLAIN_MAX) {
			more++;
			continue;
		}
		lcm_buf_adds(w, named++ ? ", " : "; passed over: ");
		lcm_buf_printf(w, "%s (", b->id);
		if (p->done[sk->bricks[i]] == p->gen) {
			lcm_buf_adds(w, "completed)");
			continue;
		}
		if (b->level <= held) {
			lcm_buf_printf(w, "level %d, not above the level done)", b->level);
			continue;
		}
		ra = rank_of(b, v, held);
		cmp_rank(&ra, &rb, &why);
		if (why == 1)
			lcm_buf_printf(w, "language %s, not %s)",
				       b->language ? b->language : "unknown", v->lang);
		else if (why == 2)
			lcm_buf_printf(w, "format %s, less preferred)",
				       b->format ? b->format : "unknown");
		else if (why == 3)
			lcm_buf_printf(w, "level %d, further up)", b->level);
		else if (why == 4)
			lcm_buf_printf(w, "%lld min, longer)", (long long)b->duration);
		else
			lcm_buf_adds(w, "as good, id after)");
	}
	if (more)
		lcm_buf_printf(w, " and %zu more", more);
	return lcm_buf_detach(w);
}

/*
 * Chooses the brick for goal skill g: returns it, or LCM_CAT_NONE when the
 * learner holds the skill (*unmet 0) or no brick teaches it (*unmet 1).
 */
static size_t
choose(struct lcm_planner *p, const struct view *v, const char *g,
       const struct lcm_skill **skp, int *heldp, int *unmet)
{
	const struct lcm_catalogue *c = p->c;
	const struct lcm_skill *sk = lcm_catalogue_skill(c, g);
	struct rank rb, r;
	size_t i, b, best = LCM_CAT_NONE;
	int held = -1, why;

	*unmet = 0;
	*skp = sk;
	if (lcm_strlist_find(&v->l->has, g) != LCM_CAT_NONE)
		return LCM_CAT_NONE;
	if (!sk) {
		*unmet = 1;
		return LCM_CAT_NONE;
	}
	/* the learner's level in g: the highest brick teaching it done */
	for (i = 0; i < sk->n; i++)
		if (p->done[sk->bricks[i]] == p->gen && c->b[sk->bricks[i]].level > held)
			held = c->b[sk->bricks[i]].level;
	*heldp = held;
	for (i = 0; i < sk->n; i++) {
		b = sk->bricks[i];
		if (p->done[b] == p->gen || c->b[b].level <= held)
			continue;
		r = rank_of(&c->b[b], v, held);
		if (best == LCM_CAT_NONE || cmp_rank(&r, &rb, &why) < 0) {
			best = b;
			rb = r;
		}
	}
	return best;
}

/* Heap order of two local members: level, interest, duration, id. */
static int
before(const struct lcm_planner *p, size_t x, size_t y)
{
	const struct lcm_brick *a = &p->c->b[p->members[x]];
	const struct lcm_brick *b = &p->c->b[p->members[y]];

	if (a->level != b->level)
		return a->level < b->level;
	if (p->interest[x] != p->interest[y])
		return p->interest[x] > p->interest[y];
	if (a->duration != b->duration)
		return a->duration < b->duration;
	return strcmp(a->id, b->id) < 0;
}

/* Pushes member x on the heap of *n members (before() first). */
static void
heap_push(struct lcm_planner *p, size_t *n, size_t x)
{
	size_t i = (*n)++, up;

	p->heap[i] = x;
	for (; i > 0; i = up) {
		up = (i - 1) / 2;
		if (!before(p, p->heap[i], p->heap[up]))
			break;
		x = p->heap[i];
		p->heap[i] = p->heap[up];
		p->heap[up] = x;
	}
}

/* Pops the first member of the heap of *n members. */
static size_t
heap_pop(struct lcm_planner *p, size_t *n)
{
	size_t top = p->heap[0], i = 0, l, m, t;

	p->heap[0] = p->heap[--(*n)];
	for (;;) {
		l = 2 * i + 1;
		m = i;
		if (l < *n && before(p, p->heap[l], p->heap[m]))
			m = l;
		if (l + 1 < *n && before(p, p->heap[l + 1], p->heap[m]))
			m = l + 1;
		if (m == i)
			break;
		t = p->heap[i];
		p->heap[i] = p->heap[m];
		p->heap[m] = t;
		i = m;
	}
	return top;
}

/*
 * Orders the members so each follows its prerequisites (Kahn's
 * algorithm, the smallest by before() first) into p->order. Returns
 * 0, or -1 when some are left: a cycle.
 */
static int
sort_members(struct lcm_planner *p, const struct view *v)
{
	const struct lcm_catalogue *c = p->c;
	size_t k, j, x, q, nh = 0, placed = 0;

	/* edges prerequisite -> dependant, grouped by prerequisite */
	memset(p->estart, 0, (p->nmembers + 1) * sizeof(*p->estart));
	for (k = 0; k < p->nmembers; k++) {
		const struct lcm_brick *b = &c->b[p->members[k]];

		p->indeg[k] = 0;
		p->interest[k] = 0;
		for (j = 0; j < b->skills.n && !p->interest[k]; j++)
			p->interest[k] = lcm_strlist_find(&v->l->interests,
							  b->skills.v[j]) != LCM_CAT_NONE;
		for (j = 0; j < b->npre; j++)
			if (p->in[b->pre[j]] == p->gen) {
				p->estart[p->local[b->pre[j]] + 1]++;
				p->indeg[k]++;
			}
	}
	for (k = 0; k < p->nmembers; k++)
		p->estart[k + 1] += p->estart[k];
	/* order is free until Kahn's loop: the fill cursor of each group */
	memset(p->order, 0, p->nmembers * sizeof(*p->order));
	for (k = 0; k < p->nmembers; k++) {
		const struct lcm_brick *b = &c->b[p->members[k]];

		for (j = 0; j < b->npre; j++)
			if (p->in[b->pre[j]] == p->gen) {
				q = p->local[b->pre[j]];
				p->edges[p->estart[q] + p->order[q]++] = k;
			}
	}
	for (k = 0; k < p->nmembers; k++)
		if (p->indeg[k] == 0)
			heap_push(p, &nh, k);
	while (nh) {
		x = heap_pop(p, &nh);
		p->order[placed++] = x;
		for (j = p->estart[x]; j < p->estart[x + 1]; j++)
			if (--p->indeg[p->edges[j]] == 0)
				heap_push(p, &nh, p->edges[j]);
	}
	return placed == p->nmembers ? 0 : -1;
}

/* The why of a prerequisite: the bricks of the pathway requiring it. */
static char *
explain_prereq(struct lcm_planner *p, size_t pos)
{
	const struct lcm_catalogue *c = p->c;
	size_t target = p->members[p->order[pos]], k, j, n = 0;
	const struct lcm_brick *b;

	lcm_buf_reset(&p->buf);
	lcm_buf_adds(&p->buf, "required by ");
	for (k = pos + 1; k < p->nmembers; k++) {
		b = &c->b[p->members[p->order[k]]];
		for (j = 0; j < b->npre; j++)
			if (b->pre[j] == target) {
				lcm_buf_printf(&p->buf, "%s%s", n++ ? ", " : "", b->id);
				break;
			}
	}
	return lcm_buf_detach(&p->buf);
}

/* The remedial bricks of the bands the learner's scores fall in. */
static void
add_remedial(struct lcm_planner *p, const struct view *v)
{
	const struct lcm_catalogue *c = p->c;
	const struct lcm_band *band;
	size_t i, j, b, r;

	for (i = 0; i < v->l->nscores; i++) {
		b = lcm_catalogue_find(c, v->l->scores[i].item);
		if (b == LCM_CAT_NONE ||
		    !(band = lcm_brick_band(&c->b[b], v->l->scores[i].score)))
			continue;
		for (j = 0; j < band->ids.n; j++) {
			r = lcm_catalogue_find(c, band->ids.v[j]);
			if (r == LCM_CAT_NONE || p->done[r] == p->gen || p->in[r] == p->gen)
				continue;
			add_member(p, r, LCM_REASON_REMEDIAL, c->b[b].id);
			if (p->o->explain) {
				lcm_buf_reset(&p->buf);
				lcm_buf_printf(&p->buf, "score %g on '%s', in band %g-%g",
					       v->l->scores[i].score, c->b[b].id,
					       band->lo, band->hi);
				p->why[p->nmembers - 1] = lcm_buf_detach(&p->buf);
			}
		}
	}
}

/* Adds every prerequisite not completed of the members, transitively. */
static void
add_prereqs(struct lcm_planner *p)
{
	const struct lcm_brick *b;
	size_t k, j, q;

	/* members grows while it is walked: a breadth-first closure */
	for (k = 0; k < p->nmembers; k++) {
		b = &p->c->b[p->members[k]];
		for (j = 0; j < b->npre; j++) {
			q = b->pre[j];
			/* a completed brick's own prerequisites were met then */
			if (p->done[q] == p->gen || p->in[q] == p->gen)
				continue;
			add_member(p, q, LCM_REASON_PREREQ, NULL);
		}
	}
}

/* Appends a step to out. */
static struct lcm_step *
push_step(struct lcm_plan *out, size_t brick, enum lcm_reason r, const char *about)
{
	struct lcm_step *s;

	if (out->n == out->cap) {
		out->cap = out->cap ? 2 * out->cap : 16;
		out->v = lcm_xreallocarray(out->v, out->cap, sizeof(*out->v));
	}
	s = &out->v[out->n++];
	memset(s, 0, sizeof(*s));
	s->brick = brick;
	s->reason = r;
	s->about = about;
	return s;
}

int
lcm_planner_plan(struct lcm_planner *p, const struct lcm_learner *l,
		 struct lcm_plan *out, struct lcm_err *err)
{
	static const struct lcm_strlist none = { NULL, 0 };
	const struct lcm_catalogue *c = p->c;
	const struct lcm_skill *sk;
	struct lcm_strlist unmet = { NULL, 0 };
	struct view v;
	size_t i, j, b, k;
	int held = -1, is_unmet, rc = -1;

	lcm_plan_release(out);
	for (i = 0; i < p->nmembers; i++)
		free(p->why[i]);
	p->nmembers = 0;
	if (++p->gen == 0) {
		/* wrapped: old stamps could match again */
		memset(p->done, 0, c->n * sizeof(*p->done));
		memset(p->in, 0, c->n * sizeof(*p->in));
		p->gen = 1;
	}
	v.l = l;
	v.goals = l->goals.n ? &l->goals : p->o->goals ? p->o->goals : &none;
	v.formats = l->formats.n ? &l->formats : p->o->prefer ? p->o->prefer : &none;
	v.lang = l->language ? l->language : p->o->lang;
	v.budget = l->budget > 0 ? l->budget : p->o->budget > 0 ? p->o->budget : 120;
	for (i = 0; i < l->completed.n; i++)
		if ((b = lcm_catalogue_find(c, l->completed.v[i])) != LCM_CAT_NONE)
			p->done[b] = p->gen;

	for (i = 0; i < v.goals->n; i++) {
		const char *g = v.goals->v[i];

		b = choose(p, &v, g, &sk, &held, &is_unmet);
		if (is_unmet)
			lcm_strlist_add(&unmet, g);
		if (b == LCM_CAT_NONE)
			continue;
		if (p->in[b] == p->gen) {
			/* one brick for two goals: said in the why of the first */
			k = p->local[b];
			if (p->o->explain) {
				lcm_buf_reset(&p->buf);
				lcm_buf_printf(&p->buf, "%s; also teaches '%s'", p->why[k], g);
				free(p->why[k]);
				p->why[k] = lcm_buf_detach(&p->buf);
			}
			continue;
		}
		add_member(p, b, LCM_REASON_GOAL, g);
		if (p->o->explain)
			p->why[p->nmembers - 1] = explain_goal(p, sk, b, &v, held, g);
	}
	add_remedial(p, &v);
	add_prereqs(p);
	if (sort_members(p, &v) < 0) {
		lcm_error(err, "learner '%s': the prerequisites of the pathway make a cycle",
			  l->id);
		goto out;
	}
	/* each prerequisite is there for the first brick requiring it */
	for (i = 0; i < p->nmembers; i++) {
		const struct lcm_brick *x = &c->b[p->members[p->order[i]]];

		for (j = 0; j < x->npre; j++) {
			b = x->pre[j];
			if (p->in[b] != p->gen)
				continue;
			k = p->local[b];
			if (p->reason[k] == LCM_REASON_PREREQ && !p->about[k])
				p->about[k] = x->id;
		}
	}
	for (i = 0; i < p->nmembers; i++) {
		struct lcm_step *s;

		k = p->order[i];
		s = push_step(out, p->members[k], p->reason[k], p->about[k]);
		if (p->o->explain) {
			if (p->reason[k] == LCM_REASON_PREREQ)
				s->why = explain_prereq(p, i);
			else
				s->why = lcm_xstrdup(p->why[k] ? p->why[k] : "");
		}
	}
	lcm_plan_schedule(out, c, v.budget, p->o->weeks);
	for (i = 0; i < unmet.n; i++) {
		/* about must outlive unmet: point into the goals list */
		j = lcm_strlist_find(v.goals, unmet.v[i]);
		push_step(out, LCM_CAT_NONE, LCM_REASON_UNMET, v.goals->v[j])->why =
			p->o->explain ? lcm_xstrdup("no brick teaches it") : NULL;
	}
	rc = 0;
out:
	lcm_strlist_release(&unmet);
	return rc;
}
