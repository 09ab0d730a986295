/*
 * engage_groupnet.c - the reply network of one group: density,
 * reciprocity, centralisation, isolates and staff share (see
 * engage_groups.h). Each group gets its own small graph over its members
 * and whoever they exchanged with, numbered locally.
 */
#include "engage_groups.h"

#include <stdlib.h>

#include "network.h"
#include "xalloc.h"

/* The local node of person p, numbered on first sight. */
static size_t
node(size_t *local, size_t **nodes, size_t *n, size_t *cap, size_t p)
{
	if (local[p] != LCM_NONE)
		return local[p];
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*nodes = lcm_xreallocarray(*nodes, *cap, sizeof(**nodes));
	}
	(*nodes)[*n] = p;
	local[p] = (*n)++;
	return local[p];
}

void
lcm_engage_group_network(const struct lcm_engage *e, struct lcm_engage_group *g,
			 const size_t *edges, size_t n, size_t *local)
{
	struct lcm_graph gr;
	unsigned char *member, *staff;
	size_t *nodes = NULL, nn = 0, cap = 0, i, nmembers;

	/* members first, so that nodes[0..nmembers) are the members */
	if (g->members) {
		for (i = 0; i < g->nmembers; i++)
			node(local, &nodes, &nn, &cap, g->members[i]);
	} else {
		for (i = 0; i < e->npersons; i++)
			if (!e->persons[i].staff)
				node(local, &nodes, &nn, &cap, i);
	}
	nmembers = nn;
	for (i = 0; i < n; i++) {
		node(local, &nodes, &nn, &cap, edges[4 * i + 1]);
		node(local, &nodes, &nn, &cap, edges[4 * i + 2]);
	}
	lcm_graph_init(&gr, nn);
	for (i = 0; i < n; i++)
		lcm_graph_add(&gr, local[edges[4 * i + 1]], local[edges[4 * i + 2]],
			      e->posts[edges[4 * i + 3]].created);
	lcm_graph_finish(&gr);
	member = lcm_xcalloc(nn ? nn : 1, 1);
	staff = lcm_xcalloc(nn ? nn : 1, 1);
	for (i = 0; i < nn; i++) {
		member[i] = i < nmembers;
		staff[i] = (unsigned char)e->persons[nodes[i]].staff;
	}
	g->has_network = 1;
	g->density = lcm_graph_density(&gr);
	g->reciprocity = lcm_graph_reciprocity(&gr);
	g->centralisation = lcm_graph_centralisation(&gr);
	g->isolates = (int64_t)lcm_graph_isolates(&gr, member);
	g->staff_share = lcm_graph_share_touching(&gr, staff);
	lcm_graph_release(&gr);
	for (i = 0; i < nn; i++)
		local[nodes[i]] = LCM_NONE;
	free(nodes);
	free(member);
	free(staff);
}
