/*
 * network.h - a directed graph of who replied to whom, and the measures
 * of social network analysis lcm-engage reports: degrees, Brandes
 * betweenness, density, reciprocity, Freeman centralisation, isolates.
 *
 * Nodes are numbered 0..n-1 by the caller. Edges are added one reply at
 * a time; lcm_graph_finish() merges repeated edges into one, weighted by
 * how many replies it stands for, with the time of the first and last.
 *
 *	struct lcm_graph g;
 *	lcm_graph_init(&g, n);
 *	lcm_graph_add(&g, from, to, when);  ...
 *	lcm_graph_finish(&g);
 *	lcm_graph_betweenness(&g, 0, bc);
 *	lcm_graph_release(&g);
 *
 * Measures read a finished graph; those that are undefined (density of
 * one node) return NaN.
 */
#ifndef LCM_NETWORK_H
#define LCM_NETWORK_H

#include <stddef.h>
#include <stdint.h>

/* One distinct edge from -> to. */
struct lcm_graph_edge {
	size_t from, to;
	int64_t weight;		/* replies it stands for */
	int64_t first, last;	/* times of the first and last of them */
};

struct lcm_graph {
	size_t n;			/* nodes */
	struct lcm_graph_edge *e;	/* m edges; sorted by (from, to) once finished */
	size_t m, cap;
	size_t *out;		/* n + 1 offsets into e: node v's out-edges */
	size_t *in;		/* n + 1 offsets into in_from */
	size_t *in_from;	/* sources of each node's in-edges */
	int finished;
};

/* An empty graph of n nodes (no allocation until the first edge). */
void lcm_graph_init(struct lcm_graph *g, size_t n);

/* Frees the contents; g may be initialised again. */
void lcm_graph_release(struct lcm_graph *g);

/*
 * Adds a reply from -> to at time when (both < n). Loops (a reply to
 * oneself) are not interaction and are ignored. Not after finish.
 */
void lcm_graph_add(struct lcm_graph *g, size_t from, size_t to, int64_t when);

/* Merges repeated edges and builds the adjacency; call once. */
void lcm_graph_finish(struct lcm_graph *g);

/*
 * Distinct neighbours: in[v] = nodes with an edge to v, out[v] = nodes v
 * has an edge to. Either may be NULL. Arrays of n, filled.
 */
void lcm_graph_degrees(const struct lcm_graph *g, int64_t *in, int64_t *out);

/*
 * Betweenness centrality of every node (Brandes 2001, unweighted,
 * directed, not normalised) into bc (n values). With 0 < sources < n,
 * only that many source nodes, evenly spaced, are used and the sums are
 * scaled by n / sources (Brandes and Pich 2007): an estimate that keeps
 * a network of a million replies to seconds.
 */
void lcm_graph_betweenness(const struct lcm_graph *g, size_t sources, double *bc);

/* Edges over possible edges, m / (n (n - 1)); NaN when n < 2. */
double lcm_graph_density(const struct lcm_graph *g);

/* Share of edges whose reverse edge exists too; NaN without edges. */
double lcm_graph_reciprocity(const struct lcm_graph *g);

/*
 * Freeman's degree centralisation of the graph taken as undirected:
 * sum over v of (max degree - degree(v)) / ((n - 1)(n - 2)). 1 for a
 * star, 0 when everyone has the same degree; NaN when n < 3.
 */
double lcm_graph_centralisation(const struct lcm_graph *g);

/* Nodes with no edge at all (among those with mask[v], or all if NULL). */
size_t lcm_graph_isolates(const struct lcm_graph *g, const unsigned char *mask);

/* Share of edges with at least one end v where flag[v]; NaN without edges. */
double lcm_graph_share_touching(const struct lcm_graph *g, const unsigned char *flag);

#endif
