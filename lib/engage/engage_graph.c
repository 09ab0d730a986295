/*
 * engage_graph.c - the reply network of the period: per-person degrees
 * and betweenness, and the network written as GEXF (Gephi), GraphML or
 * DOT (Graphviz). See engage.h.
 *
 * Like render.c, the writers print to a FILE* they borrow; the rest of
 * the analysis never prints.
 */
#include "engage.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "network.h"
#include "timefmt.h"
#include "xalloc.h"

void
lcm_engage_each_edge(const struct lcm_engage *e,
		     void (*fn)(size_t from, size_t to, size_t post, void *arg),
		     void *arg)
{
	size_t i, to;

	for (i = 0; i < e->nposts; i++) {
		const struct lcm_engage_post *q = &e->posts[i];

		if (q->hidden || !q->reply || q->author == LCM_NONE ||
		    q->parent == LCM_NONE || q->created < e->o.since)
			continue;
		to = e->posts[q->parent].author;
		if (to != LCM_NONE && to != q->author)
			fn(q->author, to, i, arg);
	}
}

/* The network over the persons it touches, numbered in local[]. */
struct net {
	const struct lcm_engage *e;
	size_t *local;		/* person -> node, LCM_NONE */
	size_t *nodes;		/* node -> person */
	size_t n;
	struct lcm_graph g;
	int adding;		/* second pass: add the edges */
};

static void
mark(struct net *x, size_t p)
{
	if (x->local[p] == LCM_NONE) {
		x->local[p] = 0;	/* numbered after sorting */
		x->nodes[x->n++] = p;
	}
}

static void
on_edge(size_t from, size_t to, size_t post, void *arg)
{
	struct net *x = arg;

	if (x->adding) {
		lcm_graph_add(&x->g, x->local[from], x->local[to], x->e->posts[post].created);
		return;
	}
	mark(x, from);
	mark(x, to);
}

/* Nodes in person id order, so that the output is too. */
struct byid {
	size_t i;
	const struct lcm_engage *e;
};

static int
cmp_node(const void *a, const void *b)
{
	const struct byid *x = a, *y = b;

	return lcm_engage_person_cmp(x->e, &x->e->persons[x->i], &y->e->persons[y->i]);
}

/*
 * Builds the network of e: persons with an edge, and also those who
 * posted when posters is set. Release with net_release.
 */
static void
net_build(struct net *x, const struct lcm_engage *e, int posters)
{
	struct byid *v;
	size_t i;

	memset(x, 0, sizeof(*x));
	x->e = e;
	x->local = lcm_xreallocarray(NULL, e->npersons ? e->npersons : 1, sizeof(*x->local));
	x->nodes = lcm_xreallocarray(NULL, e->npersons ? e->npersons : 1, sizeof(*x->nodes));
	for (i = 0; i < e->npersons; i++)
		x->local[i] = LCM_NONE;
	lcm_engage_each_edge(e, on_edge, x);
	for (i = 0; posters && i < e->nposts; i++)
		if (!e->posts[i].hidden && e->posts[i].author != LCM_NONE &&
		    e->posts[i].created >= e->o.since)
			mark(x, e->posts[i].author);
	v = lcm_xreallocarray(NULL, x->n ? x->n : 1, sizeof(*v));
	for (i = 0; i < x->n; i++) {
		v[i].i = x->nodes[i];
		v[i].e = e;
	}
	if (x->n)
		qsort(v, x->n, sizeof(*v), cmp_node);
	for (i = 0; i < x->n; i++) {
		x->nodes[i] = v[i].i;
		x->local[v[i].i] = i;
	}
	free(v);
	lcm_graph_init(&x->g, x->n);
	x->adding = 1;
	lcm_engage_each_edge(e, on_edge, x);
	lcm_graph_finish(&x->g);
}

static void
net_release(struct net *x)
{
	lcm_graph_release(&x->g);
	free(x->local);
	free(x->nodes);
}

void
lcm_engage_network(struct lcm_engage *e)
{
	struct net x;
	int64_t *in, *out;
	double *bc, norm;
	size_t i, sources = 0, k;

	net_build(&x, e, 0);
	in = lcm_xreallocarray(NULL, x.n ? x.n : 1, sizeof(*in));
	out = lcm_xreallocarray(NULL, x.n ? x.n : 1, sizeof(*out));
	bc = lcm_xreallocarray(NULL, x.n ? x.n : 1, sizeof(*bc));
	lcm_graph_degrees(&x.g, in, out);
	if ((double)x.n * (double)x.g.m > LCM_ENGAGE_EXACT_BC)
		sources = (size_t)(LCM_ENGAGE_EXACT_BC / (double)(x.n + x.g.m)) + 1;
	lcm_graph_betweenness(&x.g, sources, bc);
	k = x.n;
	norm = k > 2 ? (double)(k - 1) * (double)(k - 2) : 0;
	for (i = 0; i < e->npersons; i++) {
		e->persons[i].in_degree = e->persons[i].out_degree = 0;
		e->persons[i].betweenness = 0;
	}
	for (i = 0; i < x.n; i++) {
		struct lcm_engage_person *p = &e->persons[x.nodes[i]];

		p->in_degree = in[i];
		p->out_degree = out[i];
		p->betweenness = norm > 0 ? bc[i] / norm : 0;
	}
	free(in);
	free(out);
	free(bc);
	net_release(&x);
}

const struct lcm_choice lcm_graph_formats[] = {
	{ "gexf", LCM_GRAPH_GEXF }, { "graphml", LCM_GRAPH_GRAPHML }, { "dot", LCM_GRAPH_DOT },
	{ NULL, 0 }
};

int
lcm_graph_format_parse(const char *s, enum lcm_graph_format *out)
{
	int v;

	if (lcm_choice_find(lcm_graph_formats, s, &v) < 0)
		return -1;
	*out = (enum lcm_graph_format)v;
	return 0;
}

/* s as XML attribute or text: the five entities; controls become '?'. */
static void
xml(FILE *fp, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\'': fputs("&apos;", fp); break;
		default:
			fputc((unsigned char)*s < 0x20 ? '?' : *s, fp);
		}
	}
}

/* s as a DOT quoted string, quotes included. */
static void
dot(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', fp);
		if (*s == '\n')
			fputs("\\n", fp);
		else if ((unsigned char)*s >= 0x20)
			fputc(*s, fp);
	}
	fputc('"', fp);
}

static const char *
when(int64_t t, int local, char *out)
{
	return local ? lcm_time_format_local(t, out) : lcm_time_format_utc(t, out);
}

static void
gexf(const struct net *x, int local, FILE *fp)
{
	const struct lcm_engage_person *p;
	char t1[32], t2[32];
	size_t i;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
	      "  <meta>\n    <creator>lcm-engage</creator>\n"
	      "    <description>replies: an edge from a reply's author to the parent post's author"
	      "</description>\n  </meta>\n"
	      "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"dateTime\">\n"
	      "    <attributes class=\"node\">\n"
	      "      <attribute id=\"role\" title=\"role\" type=\"string\"/>\n"
	      "      <attribute id=\"cohort\" title=\"cohort\" type=\"string\"/>\n"
	      "    </attributes>\n    <nodes>\n", fp);
	for (i = 0; i < x->n; i++) {
		p = &x->e->persons[x->nodes[i]];
		fputs("      <node id=\"", fp);
		xml(fp, p->person);
		fputs("\" label=\"", fp);
		xml(fp, p->name ? p->name : p->person);
		fputs("\">\n        <attvalues>\n", fp);
		fputs("          <attvalue for=\"role\" value=\"", fp);
		xml(fp, p->role ? p->role : "learner");
		fputs("\"/>\n", fp);
		if (p->cohort) {
			fputs("          <attvalue for=\"cohort\" value=\"", fp);
			xml(fp, p->cohort);
			fputs("\"/>\n", fp);
		}
		fputs("        </attvalues>\n      </node>\n", fp);
	}
	fputs("    </nodes>\n    <edges>\n", fp);
	for (i = 0; i < x->g.m; i++) {
		const struct lcm_graph_edge *ed = &x->g.e[i];

		fprintf(fp, "      <edge id=\"%zu\" source=\"", i);
		xml(fp, x->e->persons[x->nodes[ed->from]].person);
		fputs("\" target=\"", fp);
		xml(fp, x->e->persons[x->nodes[ed->to]].person);
		fprintf(fp, "\" weight=\"%lld\" start=\"%s\" end=\"%s\"/>\n",
			(long long)ed->weight, when(ed->first, local, t1),
			when(ed->last, local, t2));
	}
	fputs("    </edges>\n  </graph>\n</gexf>\n", fp);
}

static void
graphml_data(FILE *fp, const char *key, const char *v)
{
	fprintf(fp, "      <data key=\"%s\">", key);
	xml(fp, v);
	fputs("</data>\n", fp);
}

static void
graphml(const struct net *x, int local, FILE *fp)
{
	static const char *const keys[][3] = {
		{ "label", "node", "string" }, { "role", "node", "string" },
		{ "cohort", "node", "string" }, { "weight", "edge", "int" },
		{ "first", "edge", "string" }, { "last", "edge", "string" },
	};
	const struct lcm_engage_person *p;
	char t[32];
	size_t i;

	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n", fp);
	for (i = 0; i < sizeof(keys) / sizeof(*keys); i++)
		fprintf(fp, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
			keys[i][0], keys[i][1], keys[i][0], keys[i][2]);
	fputs("  <graph id=\"replies\" edgedefault=\"directed\">\n", fp);
	for (i = 0; i < x->n; i++) {
		p = &x->e->persons[x->nodes[i]];
		fputs("    <node id=\"", fp);
		xml(fp, p->person);
		fputs("\">\n", fp);
		graphml_data(fp, "label", p->name ? p->name : p->person);
		graphml_data(fp, "role", p->role ? p->role : "learner");
		if (p->cohort)
			graphml_data(fp, "cohort", p->cohort);
		fputs("    </node>\n", fp);
	}
	for (i = 0; i < x->g.m; i++) {
		const struct lcm_graph_edge *ed = &x->g.e[i];

		fputs("    <edge source=\"", fp);
		xml(fp, x->e->persons[x->nodes[ed->from]].person);
		fputs("\" target=\"", fp);
		xml(fp, x->e->persons[x->nodes[ed->to]].person);
		fprintf(fp, "\">\n      <data key=\"weight\">%lld</data>\n", (long long)ed->weight);
		graphml_data(fp, "first", when(ed->first, local, t));
		graphml_data(fp, "last", when(ed->last, local, t));
		fputs("    </edge>\n", fp);
	}
	fputs("  </graph>\n</graphml>\n", fp);
}

static void
dotfile(const struct net *x, int local, FILE *fp)
{
	const struct lcm_engage_person *p;
	char t1[32], t2[32];
	size_t i;

	fputs("digraph replies {\n", fp);
	for (i = 0; i < x->n; i++) {
		p = &x->e->persons[x->nodes[i]];
		fputc('\t', fp);
		dot(fp, p->person);
		fputs(" [label=", fp);
		dot(fp, p->name ? p->name : p->person);
		fputs(", role=", fp);
		dot(fp, p->role ? p->role : "learner");
		if (p->cohort) {
			fputs(", cohort=", fp);
			dot(fp, p->cohort);
		}
		fputs("];\n", fp);
	}
	for (i = 0; i < x->g.m; i++) {
		const struct lcm_graph_edge *ed = &x->g.e[i];

		fputc('\t', fp);
		dot(fp, x->e->persons[x->nodes[ed->from]].person);
		fputs(" -> ", fp);
		dot(fp, x->e->persons[x->nodes[ed->to]].person);
		fprintf(fp, " [weight=%lld, first=\"%s\", last=\"%s\"];\n",
			(long long)ed->weight, when(ed->first, local, t1),
			when(ed->last, local, t2));
	}
	fputs("}\n", fp);
}

void
lcm_engage_graph_write(const struct lcm_engage *e, enum lcm_graph_format f,
		       int local, FILE *fp)
{
	struct net x;

	net_build(&x, e, 1);
	if (f == LCM_GRAPH_GEXF)
		gexf(&x, local, fp);
	else if (f == LCM_GRAPH_GRAPHML)
		graphml(&x, local, fp);
	else
		dotfile(&x, local, fp);
	net_release(&x);
}
