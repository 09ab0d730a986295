/*
 * network.c - reply networks and their measures: see network.h.
 *
 * The adjacency is compressed (CSR): edges sorted by source give the
 * out-lists, and a second array of sources sorted by target the in-lists
 * that Brandes' dependency pass walks instead of predecessor lists.
 */
#include "network.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
lcm_graph_init(struct lcm_graph *g, size_t n)
{
	memset(g, 0, sizeof(*g));
	g->n = n;
}

void
lcm_graph_release(struct lcm_graph *g)
{
	free(g->e);
	free(g->out);
	free(g->in);
	free(g->in_from);
	lcm_graph_init(g, 0);
}

void
lcm_graph_add(struct lcm_graph *g, size_t from, size_t to, int64_t when)
{
	struct lcm_graph_edge *e;

	if (from == to || from >= g->n || to >= g->n || g->finished)
		return;
	if (g->m == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->e = lcm_xreallocarray(g->e, g->cap, sizeof(*g->e));
	}
	e = &g->e[g->m++];
	e->from = from;
	e->to = to;
	e->weight = 1;
	e->first = e->last = when;
}

static int
cmp_edge(const void *a, const void *b)
{
	const struct lcm_graph_edge *x = a, *y = b;

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	return (x->to > y->to) - (x->to < y->to);
}

void
lcm_graph_finish(struct lcm_graph *g)
{
	size_t i, k, v, *fill;

	if (g->finished)
		return;
	g->finished = 1;
	if (g->m)
		qsort(g->e, g->m, sizeof(*g->e), cmp_edge);
	/* merge runs of the same (from, to) */
	for (i = 0, k = 0; i < g->m; i++) {
		if (k && g->e[k - 1].from == g->e[i].from && g->e[k - 1].to == g->e[i].to) {
			g->e[k - 1].weight += g->e[i].weight;
			if (g->e[i].first < g->e[k - 1].first)
				g->e[k - 1].first = g->e[i].first;
			if (g->e[i].last > g->e[k - 1].last)
				g->e[k - 1].last = g->e[i].last;
		} else {
			g->e[k++] = g->e[i];
		}
	}
	g->m = k;
	g->out = lcm_xcalloc(g->n + 1, sizeof(*g->out));
	g->in = lcm_xcalloc(g->n + 1, sizeof(*g->in));
	g->in_from = lcm_xreallocarray(NULL, g->m ? g->m : 1, sizeof(*g->in_from));
	for (i = 0; i < g->m; i++) {
		g->out[g->e[i].from + 1]++;
		g->in[g->e[i].to + 1]++;
	}
	for (v = 0; v < g->n; v++) {
		g->out[v + 1] += g->out[v];
		g->in[v + 1] += g->in[v];
	}
	fill = lcm_xcalloc(g->n ? g->n : 1, sizeof(*fill));
	for (i = 0; i < g->m; i++) {
		v = g->e[i].to;
		g->in_from[g->in[v] + fill[v]++] = g->e[i].from;
	}
	free(fill);
}

void
lcm_graph_degrees(const struct lcm_graph *g, int64_t *in, int64_t *out)
{
	size_t v;

	for (v = 0; v < g->n; v++) {
		if (in)
			in[v] = (int64_t)(g->in[v + 1] - g->in[v]);
		if (out)
			out[v] = (int64_t)(g->out[v + 1] - g->out[v]);
	}
}

/*
 * One source of Brandes' algorithm: a breadth-first search from s
 * counting shortest paths (sigma), then dependencies (delta) accumulated
 * in order of decreasing distance. order, dist, sigma and delta are
 * scratch arrays of n, borrowed.
 */
static void
brandes_from(const struct lcm_graph *g, size_t s, size_t *order, long *dist,
	     double *sigma, double *delta, double *bc)
{
	size_t head = 0, tail = 0, i, j, v, w;

	for (v = 0; v < g->n; v++) {
		dist[v] = -1;
		sigma[v] = 0;
		delta[v] = 0;
	}
	dist[s] = 0;
	sigma[s] = 1;
	order[tail++] = s;
	while (head < tail) {
		v = order[head++];
		for (j = g->out[v]; j < g->out[v + 1]; j++) {
			w = g->e[j].to;
			if (dist[w] < 0) {
				dist[w] = dist[v] + 1;
				order[tail++] = w;
			}
			if (dist[w] == dist[v] + 1)
				sigma[w] += sigma[v];
		}
	}
	/* the queue order is by distance: walk it backwards */
	for (i = tail; i-- > 1;) {
		w = order[i];
		for (j = g->in[w]; j < g->in[w + 1]; j++) {
			v = g->in_from[j];
			if (dist[v] >= 0 && dist[v] == dist[w] - 1)
				delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
		}
		bc[w] += delta[w];
	}
}

void
lcm_graph_betweenness(const struct lcm_graph *g, size_t sources, double *bc)
{
	size_t *order, s, k;
	long *dist;
	double *sigma, *delta;
	size_t n = g->n ? g->n : 1;

	for (s = 0; s < g->n; s++)
		bc[s] = 0;
	if (g->n < 3 || !g->m)
		return;
	order = lcm_xreallocarray(NULL, n, sizeof(*order));
	dist = lcm_xreallocarray(NULL, n, sizeof(*dist));
	sigma = lcm_xreallocarray(NULL, n, sizeof(*sigma));
	delta = lcm_xreallocarray(NULL, n, sizeof(*delta));
	if (sources == 0 || sources >= g->n) {
		for (s = 0; s < g->n; s++)
			if (g->out[s + 1] > g->out[s])	/* no out-edge: no path */
				brandes_from(g, s, order, dist, sigma, delta, bc);
	} else {
		for (k = 0; k < sources; k++)
			brandes_from(g, k * g->n / sources, order, dist, sigma, delta, bc);
		for (s = 0; s < g->n; s++)
			bc[s] *= (double)g->n / (double)sources;
	}
	free(order);
	free(dist);
	free(sigma);
	free(delta);
}

double
lcm_graph_density(const struct lcm_graph *g)
{
	if (g->n < 2)
		return NAN;
	return (double)g->m / ((double)g->n * (double)(g->n - 1));
}

/* 1 when the finished graph has the edge from -> to (binary search). */
static int
has_edge(const struct lcm_graph *g, size_t from, size_t to)
{
	size_t lo = g->out[from], hi = g->out[from + 1], mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (g->e[mid].to == to)
			return 1;
		if (g->e[mid].to < to)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

double
lcm_graph_reciprocity(const struct lcm_graph *g)
{
	size_t i, mutual = 0;

	if (!g->m)
		return NAN;
	for (i = 0; i < g->m; i++)
		mutual += has_edge(g, g->e[i].to, g->e[i].from);
	return (double)mutual / (double)g->m;
}

/*
 * Undirected degree of v: distinct nodes joined to v either way. The
 * out-list and in-list are both sorted, so a merge counts the union.
 */
static size_t
undirected_degree(const struct lcm_graph *g, size_t v)
{
	size_t i = g->out[v], j = g->in[v], d = 0, a, b;

	while (i < g->out[v + 1] || j < g->in[v + 1]) {
		a = i < g->out[v + 1] ? g->e[i].to : SIZE_MAX;
		b = j < g->in[v + 1] ? g->in_from[j] : SIZE_MAX;
		d++;
		if (a <= b)
			i++;
		if (b <= a)
			j++;
	}
	return d;
}

double
lcm_graph_centralisation(const struct lcm_graph *g)
{
	size_t v, *deg, max = 0;
	double sum = 0;

	if (g->n < 3)
		return NAN;
	deg = lcm_xreallocarray(NULL, g->n, sizeof(*deg));
	for (v = 0; v < g->n; v++) {
		deg[v] = undirected_degree(g, v);
		if (deg[v] > max)
			max = deg[v];
	}
	for (v = 0; v < g->n; v++)
		sum += (double)(max - deg[v]);
	free(deg);
	return sum / ((double)(g->n - 1) * (double)(g->n - 2));
}

size_t
lcm_graph_isolates(const struct lcm_graph *g, const unsigned char *mask)
{
	size_t v, k = 0;

	for (v = 0; v < g->n; v++)
		if ((!mask || mask[v]) && g->out[v + 1] == g->out[v] &&
		    g->in[v + 1] == g->in[v])
			k++;
	return k;
}

double
lcm_graph_share_touching(const struct lcm_graph *g, const unsigned char *flag)
{
	size_t i, k = 0;

	if (!g->m)
		return NAN;
	for (i = 0; i < g->m; i++)
		if (flag[g->e[i].from] || flag[g->e[i].to])
			k++;
	return (double)k / (double)g->m;
}
