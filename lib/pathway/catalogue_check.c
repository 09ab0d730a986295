/*
 * catalogue_check.c - the faults of a catalogue that make a pathway
 * impossible: see lcm_catalogue_check() in catalogue.h.
 *
 * Prerequisites make a directed graph (brick -> what it requires). Its
 * strongly connected components (Tarjan's algorithm, without recursion
 * so that a long chain cannot exhaust the stack) are the knots of
 * cycles; a shortest cycle is reported through each brick of a knot
 * not yet on a reported one. What requires a knot, directly or not, is
 * found by walking the edges backwards from the knots.
 */
#include "catalogue.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

static void add_fault(struct lcm_faults *f, enum lcm_fault_kind kind, long line,
		      const char *fmt, ...) LCM_PRINTF(4, 5);

/* Appends a fault with a formatted message. */
static void
add_fault(struct lcm_faults *f, enum lcm_fault_kind kind, long line,
	  const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int len;

	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 16;
		f->v = lcm_xreallocarray(f->v, f->cap, sizeof(*f->v));
	}
	/* measured first: ids and cycles have no length limit */
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	msg = lcm_xmalloc((size_t)(len < 0 ? 0 : len) + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)(len < 0 ? 0 : len) + 1, fmt, ap);
	va_end(ap);
	f->v[f->n].kind = kind;
	f->v[f->n].line = line;
	f->v[f->n].msg = msg;
	f->n++;
}

void
lcm_faults_release(struct lcm_faults *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->v[i].msg);
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
}

/* Duplicate ids and unknown prerequisite and remedial ids. */
static void
check_ids(const struct lcm_catalogue *c, struct lcm_faults *f)
{
	const struct lcm_brick *b;
	size_t i, j, k, first;

	for (i = 0; i < c->n; i++) {
		b = &c->b[i];
		first = lcm_catalogue_find(c, b->id);
		if (first != i) {
			if (c->b[first].line > 0)
				add_fault(f, LCM_FAULT_DUPLICATE, b->line,
					  "duplicate id '%s' (first on line %ld)",
					  b->id, c->b[first].line);
			else
				add_fault(f, LCM_FAULT_DUPLICATE, b->line,
					  "duplicate id '%s'", b->id);
		}
		for (j = 0; j < b->prereqs.n; j++)
			if (lcm_catalogue_find(c, b->prereqs.v[j]) == LCM_CAT_NONE)
				add_fault(f, LCM_FAULT_PREREQ, b->line,
					  "brick '%s': unknown prerequisite '%s'",
					  b->id, b->prereqs.v[j]);
		for (j = 0; j < b->nbands; j++)
			for (k = 0; k < b->bands[j].ids.n; k++)
				if (lcm_catalogue_find(c, b->bands[j].ids.v[k]) == LCM_CAT_NONE)
					add_fault(f, LCM_FAULT_REMEDIAL, b->line,
						  "brick '%s': unknown remedial brick '%s'",
						  b->id, b->bands[j].ids.v[k]);
	}
}

/*
 * Tarjan's strongly connected components, iteratively. Sets comp[v] to
 * a component number for every brick; returns the number of them.
 */
static size_t
components(const struct lcm_catalogue *c, size_t *comp)
{
	size_t n = c->n, idx = 0, ncomp = 0, sp = 0, cp = 0, v, w;
	size_t *index = lcm_xreallocarray(NULL, n + 1, sizeof(*index));
	size_t *low = lcm_xreallocarray(NULL, n + 1, sizeof(*low));
	size_t *stack = lcm_xreallocarray(NULL, n + 1, sizeof(*stack));
	size_t *call = lcm_xreallocarray(NULL, n + 1, sizeof(*call));
	size_t *edge = lcm_xcalloc(n + 1, sizeof(*edge));
	unsigned char *on = lcm_xcalloc(n + 1, 1);
	size_t root;

	for (v = 0; v < n; v++)
		index[v] = LCM_CAT_NONE;
	for (root = 0; root < n; root++) {
		if (index[root] != LCM_CAT_NONE)
			continue;
		call[cp++] = root;
		index[root] = low[root] = idx++;
		stack[sp++] = root;
		on[root] = 1;
		while (cp) {
			v = call[cp - 1];
			if (edge[v] < c->b[v].npre) {
				w = c->b[v].pre[edge[v]++];
				if (index[w] == LCM_CAT_NONE) {
					index[w] = low[w] = idx++;
					stack[sp++] = w;
					on[w] = 1;
					call[cp++] = w;
				} else if (on[w] && index[w] < low[v]) {
					low[v] = index[w];
				}
				continue;
			}
			/* v is done: close its component, hand low to the caller */
			if (low[v] == index[v]) {
				do {
					w = stack[--sp];
					on[w] = 0;
					comp[w] = ncomp;
				} while (w != v);
				ncomp++;
			}
			cp--;
			if (cp && low[v] < low[call[cp - 1]])
				low[call[cp - 1]] = low[v];
		}
	}
	free(index);
	free(low);
	free(stack);
	free(call);
	free(edge);
	free(on);
	return ncomp;
}

/* The path "A -> B -> A" of bricks path[0..n-1], then path[0], into b. */
static void
cycle_text(const struct lcm_catalogue *c, const size_t *path, size_t n,
	   struct lcm_buf *b)
{
	size_t i;

	lcm_buf_reset(b);
	for (i = 0; i < n; i++)
		lcm_buf_printf(b, "%s -> ", c->b[path[i]].id);
	lcm_buf_adds(b, c->b[path[0]].id);
}

/*
 * A shortest cycle through brick s within its component (breadth-first
 * from s along prerequisites); its bricks into path, from s. Returns
 * its length. par and queue are scratch of c->n entries.
 */
static size_t
shortest_cycle(const struct lcm_catalogue *c, const size_t *comp, size_t s,
	       size_t *par, size_t *queue, size_t *path)
{
	size_t head = 0, tail = 0, v, w, j, n = 0, end = LCM_CAT_NONE;

	for (v = 0; v < c->n; v++)
		par[v] = LCM_CAT_NONE;
	queue[tail++] = s;
	while (head < tail && end == LCM_CAT_NONE) {
		v = queue[head++];
		for (j = 0; j < c->b[v].npre; j++) {
			w = c->b[v].pre[j];
			if (comp[w] != comp[s])
				continue;
			if (w == s) {
				end = v;
				break;
			}
			if (par[w] == LCM_CAT_NONE) {
				par[w] = v;
				queue[tail++] = w;
			}
		}
	}
	/* walk back from the last brick before s, then reverse */
	for (v = end; v != s; v = par[v])
		path[n++] = v;
	path[n++] = s;
	for (j = 0; j < n / 2; j++) {
		v = path[j];
		path[j] = path[n - 1 - j];
		path[n - 1 - j] = v;
	}
	return n;
}

/* Marks in cyclic[] the bricks of a cycle and reports the cycles. */
static void
check_cycles(const struct lcm_catalogue *c, unsigned char *cyclic,
	     struct lcm_faults *f)
{
	size_t *comp = lcm_xreallocarray(NULL, c->n + 1, sizeof(*comp));
	size_t *size, *par, *queue, *path, i, j, k, len, ncomp;
	unsigned char *covered = lcm_xcalloc(c->n + 1, 1);
	struct lcm_buf b;

	ncomp = components(c, comp);
	size = lcm_xcalloc(ncomp + 1, sizeof(*size));
	for (i = 0; i < c->n; i++)
		size[comp[i]]++;
	for (i = 0; i < c->n; i++) {
		if (size[comp[i]] > 1)
			cyclic[i] = 1;
		for (j = 0; j < c->b[i].npre; j++)
			if (c->b[i].pre[j] == i)
				cyclic[i] = 1;
	}
	par = lcm_xreallocarray(NULL, c->n + 1, sizeof(*par));
	queue = lcm_xreallocarray(NULL, c->n + 1, sizeof(*queue));
	path = lcm_xreallocarray(NULL, c->n + 1, sizeof(*path));
	lcm_buf_init(&b);
	for (i = 0; i < c->n; i++) {
		if (!cyclic[i] || covered[i])
			continue;
		len = shortest_cycle(c, comp, i, par, queue, path);
		for (k = 0; k < len; k++)
			covered[path[k]] = 1;
		cycle_text(c, path, len, &b);
		add_fault(f, LCM_FAULT_CYCLE, c->b[i].line, "prerequisite cycle: %s",
			  b.data);
	}
	lcm_buf_release(&b);
	free(comp);
	free(size);
	free(par);
	free(queue);
	free(path);
	free(covered);
}

/* Reports the bricks that require a brick of a cycle, with the way there. */
static void
check_unreachable(const struct lcm_catalogue *c, const unsigned char *cyclic,
		  struct lcm_faults *f)
{
	size_t *next = lcm_xreallocarray(NULL, c->n + 1, sizeof(*next));
	size_t *queue = lcm_xreallocarray(NULL, c->n + 1, sizeof(*queue));
	size_t *rstart = lcm_xcalloc(c->n + 2, sizeof(*rstart));
	size_t *rev, *fill, head = 0, tail = 0, i, j, v, w, total = 0;
	struct lcm_buf b;

	/* reverse edges, grouped by the required brick, ascending */
	for (i = 0; i < c->n; i++)
		for (j = 0; j < c->b[i].npre; j++)
			rstart[c->b[i].pre[j] + 1]++;
	for (i = 0; i < c->n; i++)
		rstart[i + 1] += rstart[i];
	total = rstart[c->n];
	rev = lcm_xreallocarray(NULL, total + 1, sizeof(*rev));
	fill = lcm_xreallocarray(NULL, c->n + 1, sizeof(*fill));
	memcpy(fill, rstart, c->n * sizeof(*fill));
	for (i = 0; i < c->n; i++)
		for (j = 0; j < c->b[i].npre; j++)
			rev[fill[c->b[i].pre[j]]++] = i;
	for (i = 0; i < c->n; i++) {
		next[i] = LCM_CAT_NONE;
		if (cyclic[i])
			queue[tail++] = i;
	}
	while (head < tail) {
		v = queue[head++];
		for (j = rstart[v]; j < rstart[v + 1]; j++) {
			w = rev[j];
			if (cyclic[w] || next[w] != LCM_CAT_NONE)
				continue;
			next[w] = v;
			queue[tail++] = w;
		}
	}
	lcm_buf_init(&b);
	for (i = 0; i < c->n; i++) {
		if (next[i] == LCM_CAT_NONE)
			continue;
		lcm_buf_reset(&b);
		for (v = i; !cyclic[v]; v = next[v])
			lcm_buf_printf(&b, "%s -> ", c->b[v].id);
		lcm_buf_adds(&b, c->b[v].id);
		add_fault(f, LCM_FAULT_UNREACHABLE, c->b[i].line,
			  "brick '%s' cannot be reached: it requires a brick of a cycle (%s)",
			  c->b[i].id, b.data);
	}
	lcm_buf_release(&b);
	free(next);
	free(queue);
	free(rstart);
	free(rev);
	free(fill);
}

/* A fault and its place in the list, for a stable sort by line. */
struct ranked {
	struct lcm_fault f;
	size_t seq;
};

/* qsort order of faults: by line, then as they were found. */
static int
cmp_ranked(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->f.line != y->f.line)
		return x->f.line < y->f.line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

size_t
lcm_catalogue_check(const struct lcm_catalogue *c, struct lcm_faults *f)
{
	unsigned char *cyclic = lcm_xcalloc(c->n + 1, 1);
	size_t start = f->n, n, i;
	struct ranked *r;

	check_ids(c, f);
	check_cycles(c, cyclic, f);
	check_unreachable(c, cyclic, f);
	free(cyclic);
	n = f->n - start;
	r = lcm_xreallocarray(NULL, n + 1, sizeof(*r));
	for (i = 0; i < n; i++) {
		r[i].f = f->v[start + i];
		r[i].seq = i;
	}
	qsort(r, n, sizeof(*r), cmp_ranked);
	for (i = 0; i < n; i++)
		f->v[start + i] = r[i].f;
	free(r);
	return n;
}

int
lcm_catalogue_check_goal(const struct lcm_catalogue *c, const char *skill,
			 const char *who, struct lcm_faults *f)
{
	if (lcm_catalogue_skill(c, skill))
		return 0;
	if (who && *who)
		add_fault(f, LCM_FAULT_UNTAUGHT, 0, "no brick teaches goal '%s' (%s)",
			  skill, who);
	else
		add_fault(f, LCM_FAULT_UNTAUGHT, 0, "no brick teaches goal '%s'", skill);
	return 1;
}
