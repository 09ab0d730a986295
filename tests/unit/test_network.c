/*
 * test_network.c - reply networks: merging, degrees, and the measures on
 * textbook graphs whose values are known by hand (paths, stars, cycles,
 * a diamond of two shortest paths).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "network.h"

/* A finished graph of n nodes with edges given as pairs. */
static void
build(struct lcm_graph *g, size_t n, const size_t (*pairs)[2], size_t m)
{
	size_t i;

	lcm_graph_init(g, n);
	for (i = 0; i < m; i++)
		lcm_graph_add(g, pairs[i][0], pairs[i][1], (int64_t)i);
	lcm_graph_finish(g);
}

/* The star of 5: node 0 and each leaf reply to each other. */
static void
star(struct lcm_graph *g)
{
	static const size_t p[][2] = { {0, 1}, {1, 0}, {0, 2}, {2, 0}, {0, 3},
		{3, 0}, {0, 4}, {4, 0} };

	build(g, 5, p, 8);
}

static void
test_graph_finish_merges_repeated_edges(void **state)
{
	struct lcm_graph g;

	(void)state;
	lcm_graph_init(&g, 3);
	lcm_graph_add(&g, 1, 2, 50);
	lcm_graph_add(&g, 0, 1, 10);
	lcm_graph_add(&g, 1, 2, 20);
	lcm_graph_add(&g, 1, 2, 30);
	lcm_graph_finish(&g);
	assert_int_equal(g.m, 2);
	assert_int_equal(g.e[0].from, 0);
	assert_int_equal(g.e[1].from, 1);
	assert_int_equal(g.e[1].to, 2);
	assert_int_equal(g.e[1].weight, 3);
	assert_int_equal(g.e[1].first, 20);
	assert_int_equal(g.e[1].last, 50);
	lcm_graph_release(&g);
}

static void
test_graph_add_ignores_loops(void **state)
{
	struct lcm_graph g;

	(void)state;
	lcm_graph_init(&g, 2);
	lcm_graph_add(&g, 1, 1, 0);
	lcm_graph_add(&g, 0, 5, 0);	/* out of range */
	lcm_graph_finish(&g);
	assert_int_equal(g.m, 0);
	assert_int_equal(lcm_graph_isolates(&g, NULL), 2);
	lcm_graph_release(&g);
}

static void
test_graph_degrees_count_distinct_neighbours(void **state)
{
	static const size_t p[][2] = { {0, 1}, {0, 1}, {0, 2}, {2, 1} };
	struct lcm_graph g;
	int64_t in[3], out[3];

	(void)state;
	build(&g, 3, p, 4);
	lcm_graph_degrees(&g, in, out);
	assert_int_equal(out[0], 2);
	assert_int_equal(in[1], 2);
	assert_int_equal(in[0], 0);
	assert_int_equal(out[2], 1);
	lcm_graph_release(&g);
}

/* a -> b -> c: b lies on the one path a..c. */
static void
test_graph_betweenness_path(void **state)
{
	static const size_t p[][2] = { {0, 1}, {1, 2} };
	struct lcm_graph g;
	double bc[3];

	(void)state;
	build(&g, 3, p, 2);
	lcm_graph_betweenness(&g, 0, bc);
	assert_true(bc[0] == 0 && bc[2] == 0);
	assert_true(fabs(bc[1] - 1.0) < 1e-12);
	lcm_graph_release(&g);
}

/* The centre of a star of 5 is on every path between two of the 4
 * leaves: 4 * 3 ordered pairs. */
static void
test_graph_betweenness_star(void **state)
{
	struct lcm_graph g;
	double bc[5];

	(void)state;
	star(&g);
	lcm_graph_betweenness(&g, 0, bc);
	assert_true(fabs(bc[0] - 12.0) < 1e-12);
	assert_true(bc[1] == 0 && bc[4] == 0);
	lcm_graph_release(&g);
}

/* In a directed 4-cycle each node is inside (n-1)(n-2)/2 = 3 paths. */
static void
test_graph_betweenness_directed_cycle(void **state)
{
	static const size_t p[][2] = { {0, 1}, {1, 2}, {2, 3}, {3, 0} };
	struct lcm_graph g;
	double bc[4];
	int i;

	(void)state;
	build(&g, 4, p, 4);
	lcm_graph_betweenness(&g, 0, bc);
	for (i = 0; i < 4; i++)
		assert_true(fabs(bc[i] - 3.0) < 1e-12);
	lcm_graph_release(&g);
}

/* 0 -> {1, 2} -> 3: two shortest paths share the pair 0..3. */
static void
test_graph_betweenness_diamond_splits_paths(void **state)
{
	static const size_t p[][2] = { {0, 1}, {0, 2}, {1, 3}, {2, 3} };
	struct lcm_graph g;
	double bc[4];

	(void)state;
	build(&g, 4, p, 4);
	lcm_graph_betweenness(&g, 0, bc);
	assert_true(fabs(bc[1] - 0.5) < 1e-12);
	assert_true(fabs(bc[2] - 0.5) < 1e-12);
	assert_true(bc[0] == 0 && bc[3] == 0);
	lcm_graph_release(&g);
}

/* Sources 0 and 2 of the undirected 4-cycle, scaled by 4 / 2. */
static void
test_graph_betweenness_sampled_sources_scaled(void **state)
{
	static const size_t p[][2] = { {0, 1}, {1, 0}, {1, 2}, {2, 1}, {2, 3},
		{3, 2}, {3, 0}, {0, 3} };
	struct lcm_graph g;
	double bc[4];

	(void)state;
	build(&g, 4, p, 8);
	lcm_graph_betweenness(&g, 2, bc);
	assert_true(bc[0] == 0 && bc[2] == 0);
	assert_true(fabs(bc[1] - 2.0) < 1e-12);
	assert_true(fabs(bc[3] - 2.0) < 1e-12);
	/* exact: every node is half the paths of the pair across it, twice */
	lcm_graph_betweenness(&g, 0, bc);
	assert_true(fabs(bc[0] - 1.0) < 1e-12 && fabs(bc[3] - 1.0) < 1e-12);
	lcm_graph_release(&g);
}

static void
test_graph_betweenness_no_edges(void **state)
{
	struct lcm_graph g;
	double bc[3] = { 7, 7, 7 };

	(void)state;
	build(&g, 3, NULL, 0);
	lcm_graph_betweenness(&g, 0, bc);
	assert_true(bc[0] == 0 && bc[1] == 0 && bc[2] == 0);
	lcm_graph_release(&g);
}

static void
test_graph_density_star(void **state)
{
	struct lcm_graph g;

	(void)state;
	star(&g);
	assert_true(fabs(lcm_graph_density(&g) - 8.0 / 20.0) < 1e-12);
	lcm_graph_release(&g);
}

static void
test_graph_density_one_node_is_nan(void **state)
{
	struct lcm_graph g;

	(void)state;
	build(&g, 1, NULL, 0);
	assert_true(isnan(lcm_graph_density(&g)));
	lcm_graph_release(&g);
}

static void
test_graph_reciprocity_half(void **state)
{
	static const size_t p[][2] = { {0, 1}, {1, 0}, {1, 2}, {2, 0} };
	struct lcm_graph g;

	(void)state;
	build(&g, 3, p, 4);
	assert_true(fabs(lcm_graph_reciprocity(&g) - 0.5) < 1e-12);
	lcm_graph_release(&g);
}

static void
test_graph_reciprocity_no_edges_is_nan(void **state)
{
	struct lcm_graph g;

	(void)state;
	build(&g, 2, NULL, 0);
	assert_true(isnan(lcm_graph_reciprocity(&g)));
	lcm_graph_release(&g);
}

static void
test_graph_centralisation_star_is_one(void **state)
{
	struct lcm_graph g;

	(void)state;
	star(&g);
	assert_true(fabs(lcm_graph_centralisation(&g) - 1.0) < 1e-12);
	lcm_graph_release(&g);
}

/* One direction only still makes a star when taken as undirected. */
static void
test_graph_centralisation_one_way_star(void **state)
{
	static const size_t p[][2] = { {1, 0}, {2, 0}, {3, 0} };
	struct lcm_graph g;

	(void)state;
	build(&g, 4, p, 3);
	assert_true(fabs(lcm_graph_centralisation(&g) - 1.0) < 1e-12);
	lcm_graph_release(&g);
}

static void
test_graph_centralisation_cycle_is_zero(void **state)
{
	static const size_t p[][2] = { {0, 1}, {1, 2}, {2, 3}, {3, 0} };
	struct lcm_graph g;

	(void)state;
	build(&g, 4, p, 4);
	assert_true(fabs(lcm_graph_centralisation(&g)) < 1e-12);
	lcm_graph_release(&g);
}

/* Path of 3 plus an isolate: degrees 1 2 1 0, max 2: (1+0+1+2)/(3*2). */
static void
test_graph_centralisation_path_and_isolate(void **state)
{
	static const size_t p[][2] = { {0, 1}, {1, 2} };
	struct lcm_graph g;

	(void)state;
	build(&g, 4, p, 2);
	assert_true(fabs(lcm_graph_centralisation(&g) - 4.0 / 6.0) < 1e-12);
	lcm_graph_release(&g);
}

static void
test_graph_centralisation_two_nodes_is_nan(void **state)
{
	static const size_t p[][2] = { {0, 1} };
	struct lcm_graph g;

	(void)state;
	build(&g, 2, p, 1);
	assert_true(isnan(lcm_graph_centralisation(&g)));
	lcm_graph_release(&g);
}

static void
test_graph_isolates_with_mask(void **state)
{
	static const size_t p[][2] = { {0, 1} };
	static const unsigned char mask[4] = { 1, 0, 1, 0 };
	struct lcm_graph g;

	(void)state;
	build(&g, 4, p, 1);
	assert_int_equal(lcm_graph_isolates(&g, NULL), 2);
	assert_int_equal(lcm_graph_isolates(&g, mask), 1);
	lcm_graph_release(&g);
}

static void
test_graph_share_touching_staff(void **state)
{
	static const size_t p[][2] = { {0, 1}, {1, 2}, {2, 3}, {3, 2} };
	static const unsigned char staff[4] = { 1, 0, 0, 0 };
	struct lcm_graph g;

	(void)state;
	build(&g, 4, p, 4);
	assert_true(fabs(lcm_graph_share_touching(&g, staff) - 0.25) < 1e-12);
	lcm_graph_release(&g);
}

static void
test_graph_share_touching_no_edges_is_nan(void **state)
{
	static const unsigned char staff[2] = { 1, 0 };
	struct lcm_graph g;

	(void)state;
	build(&g, 2, NULL, 0);
	assert_true(isnan(lcm_graph_share_touching(&g, staff)));
	lcm_graph_release(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_graph_finish_merges_repeated_edges),
		cmocka_unit_test(test_graph_add_ignores_loops),
		cmocka_unit_test(test_graph_degrees_count_distinct_neighbours),
		cmocka_unit_test(test_graph_betweenness_path),
		cmocka_unit_test(test_graph_betweenness_star),
		cmocka_unit_test(test_graph_betweenness_directed_cycle),
		cmocka_unit_test(test_graph_betweenness_diamond_splits_paths),
		cmocka_unit_test(test_graph_betweenness_sampled_sources_scaled),
		cmocka_unit_test(test_graph_betweenness_no_edges),
		cmocka_unit_test(test_graph_density_star),
		cmocka_unit_test(test_graph_density_one_node_is_nan),
		cmocka_unit_test(test_graph_reciprocity_half),
		cmocka_unit_test(test_graph_reciprocity_no_edges_is_nan),
		cmocka_unit_test(test_graph_centralisation_star_is_one),
		cmocka_unit_test(test_graph_centralisation_one_way_star),
		cmocka_unit_test(test_graph_centralisation_cycle_is_zero),
		cmocka_unit_test(test_graph_centralisation_path_and_isolate),
		cmocka_unit_test(test_graph_centralisation_two_nodes_is_nan),
		cmocka_unit_test(test_graph_isolates_with_mask),
		cmocka_unit_test(test_graph_share_touching_staff),
		cmocka_unit_test(test_graph_share_touching_no_edges_is_nan),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
