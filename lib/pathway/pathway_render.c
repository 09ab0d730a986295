/*
 * pathway_render.c - writing pathways: one row per step through
 * render.h (table, csv, tsv), or one object per learner with its steps
 * nested (json, ndjson), or a Markdown section per learner (md), which
 * render.h's flat rows cannot give. See pathway.h.
 */
#include "pathway.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD, for bytes that are not UTF-8 */

struct lcm_pathway_out {
	FILE *fp;
	enum lcm_pathway_format fmt;
	int explain;
	size_t learners;		/* written so far */
	struct lcm_render *r;		/* table, csv, tsv */
	struct lcm_buf b, reason;
};

static const char *const columns[] = {
	"learner", "step", "week", "item", "title", "format", "duration_min",
	"reason", "url", "why"
};
#define NCOL_PLAIN 9

int
lcm_pathway_format_parse(const char *name, enum lcm_pathway_format *out)
{
	static const char *const names[] = {
		[LCM_PW_TABLE] = "table", [LCM_PW_CSV] = "csv", [LCM_PW_TSV] = "tsv",
		[LCM_PW_JSON] = "json", [LCM_PW_NDJSON] = "ndjson", [LCM_PW_MD] = "md"
	};
	size_t i;

	for (i = 0; name && i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0) {
			*out = (enum lcm_pathway_format)i;
			return 0;
		}
	return -1;
}

struct lcm_pathway_out *
lcm_pathway_out_new(FILE *fp, enum lcm_pathway_format fmt, int explain, int flags)
{
	static const enum lcm_format plain[] = {
		[LCM_PW_TABLE] = LCM_FMT_TABLE, [LCM_PW_CSV] = LCM_FMT_CSV,
		[LCM_PW_TSV] = LCM_FMT_TSV
	};
	struct lcm_pathway_out *o = lcm_xcalloc(1, sizeof(*o));

	o->fp = fp;
	o->fmt = fmt;
	o->explain = explain;
	lcm_buf_init(&o->b);
	lcm_buf_init(&o->reason);
	if (fmt <= LCM_PW_TSV)
		o->r = lcm_render_new(fp, plain[fmt], columns,
				      NCOL_PLAIN + (explain != 0), flags);
	return o;
}

/* The reason column of step s: "goal:SKILL" and the like, into b. */
static const char *
reason_text(const struct lcm_step *s, struct lcm_buf *b)
{
	static const char *const prefix[] = {
		[LCM_REASON_GOAL] = "goal", [LCM_REASON_PREREQ] = "prerequisite-of",
		[LCM_REASON_REMEDIAL] = "remedial", [LCM_REASON_UNMET] = "unmet"
	};

	lcm_buf_reset(b);
	lcm_buf_printf(b, "%s:%s", prefix[s->reason], s->about ? s->about : "");
	return b->data;
}

/* Rows of one learner through render.h. */
static void
plain_learner(struct lcm_pathway_out *o, const struct lcm_catalogue *c,
	      const struct lcm_learner *l, const struct lcm_plan *p)
{
	struct lcm_cell cells[NCOL_PLAIN + 1];
	const struct lcm_brick *b;
	size_t i;

	for (i = 0; i < p->n; i++) {
		const struct lcm_step *s = &p->v[i];

		b = s->brick != LCM_CAT_NONE ? &c->b[s->brick] : NULL;
		cells[0] = lcm_cell_str(l->id);
		cells[1] = b ? lcm_cell_int(s->step) : lcm_cell_null();
		cells[2] = b ? lcm_cell_int(s->week) : lcm_cell_null();
		cells[3] = lcm_cell_str(b ? b->id : NULL);
		cells[4] = lcm_cell_str(b ? b->title : NULL);
		cells[5] = lcm_cell_str(b ? b->format : NULL);
		cells[6] = b ? lcm_cell_int(b->duration) : lcm_cell_null();
		cells[7] = lcm_cell_str(reason_text(s, &o->reason));
		cells[8] = lcm_cell_str(b ? b->url : NULL);
		cells[9] = lcm_cell_str(s->why);
		lcm_render_row(o->r, cells);
	}
}

/*
 * Appends s to b as a JSON string: quotes, backslash and controls
 * escaped, bytes that are not UTF-8 replaced; NULL gives null.
 */
static void
json_str(struct lcm_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n, k;

	if (!s) {
		lcm_buf_adds(b, "null");
		return;
	}
	lcm_buf_addc(b, '"');
	while (*p) {
		if (*p < 0x80) {
			if (*p == '"' || *p == '\\')
				lcm_buf_printf(b, "\\%c", *p);
			else if (*p == '\n')
				lcm_buf_adds(b, "\\n");
			else if (*p == '\t')
				lcm_buf_adds(b, "\\t");
			else if (*p < 0x20 || *p == 0x7f)
				lcm_buf_printf(b, "\\u%04x", *p);
			else
				lcm_buf_addc(b, (char)*p);
			p++;
			continue;
		}
		n = *p >= 0xf0 && *p <= 0xf4 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc2 ? 2 : 0;
		for (k = 1; k < n && (p[k] & 0xc0) == 0x80; k++)
			;
		if (n == 0 || k < n) {
			lcm_buf_adds(b, REPLACEMENT);
			p += n == 0 ? 1 : k;
			continue;
		}
		lcm_buf_add(b, p, n);
		p += n;
	}
	lcm_buf_addc(b, '"');
}

/* One learner as a JSON object with its steps, into o->b. */
static void
json_learner(struct lcm_pathway_out *o, const struct lcm_catalogue *c,
	     const struct lcm_learner *l, const struct lcm_plan *p)
{
	struct lcm_buf *b = &o->b;
	const struct lcm_brick *k;
	size_t i;

	lcm_buf_adds(b, "{\"learner\":");
	json_str(b, l->id);
	lcm_buf_adds(b, ",\"name\":");
	json_str(b, l->name);
	lcm_buf_printf(b, ",\"budget\":%" PRId64 ",\"weeks\":%d,\"minutes\":%" PRId64
		       ",\"left_out\":%zu,\"steps\":[", p->budget, p->weeks, p->minutes,
		       p->left_out);
	for (i = 0; i < p->n; i++) {
		const struct lcm_step *s = &p->v[i];

		k = s->brick != LCM_CAT_NONE ? &c->b[s->brick] : NULL;
		lcm_buf_adds(b, i ? ",{" : "{");
		if (k)
			lcm_buf_printf(b, "\"step\":%d,\"week\":%d,", s->step, s->week);
		else
			lcm_buf_adds(b, "\"step\":null,\"week\":null,");
		lcm_buf_adds(b, "\"item\":");
		json_str(b, k ? k->id : NULL);
		lcm_buf_adds(b, ",\"title\":");
		json_str(b, k ? k->title : NULL);
		lcm_buf_adds(b, ",\"format\":");
		json_str(b, k ? k->format : NULL);
		if (k)
			lcm_buf_printf(b, ",\"duration_min\":%" PRId64, k->duration);
		else
			lcm_buf_adds(b, ",\"duration_min\":null");
		lcm_buf_adds(b, ",\"reason\":");
		json_str(b, reason_text(s, &o->reason));
		lcm_buf_adds(b, ",\"url\":");
		json_str(b, k ? k->url : NULL);
		lcm_buf_printf(b, ",\"over_budget\":%s", s->over_budget ? "true" : "false");
		if (o->explain) {
			lcm_buf_adds(b, ",\"why\":");
			json_str(b, s->why);
		}
		lcm_buf_addc(b, '}');
	}
	lcm_buf_adds(b, "]}");
}

/* Appends s to b for a Markdown table cell: one line, specials escaped. */
static void
md_text(struct lcm_buf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n' || *s == '\r' || *s == '\t')
			lcm_buf_addc(b, ' ');
		else if (strchr("\\|*_[]<>`#", *s))
			lcm_buf_printf(b, "\\%c", *s);
		else
			lcm_buf_addc(b, *s);
	}
}

/* Appends url to b for a Markdown <destination>: no space, '<' or '>'. */
static void
md_url(struct lcm_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ')
			lcm_buf_adds(b, "%20");
		else if (*s == '<')
			lcm_buf_adds(b, "%3C");
		else if (*s == '>')
			lcm_buf_adds(b, "%3E");
		else if ((unsigned char)*s >= 0x20)
			lcm_buf_addc(b, *s);
	}
}

/* One learner as a Markdown section: a heading, a summary, a table. */
static void
md_learner(struct lcm_pathway_out *o, const struct lcm_catalogue *c,
	   const struct lcm_learner *l, const struct lcm_plan *p)
{
	struct lcm_buf *b = &o->b;
	const struct lcm_brick *k;
	size_t i, bricks = 0;

	if (o->learners)
		lcm_buf_addc(b, '\n');
	lcm_buf_adds(b, "## ");
	md_text(b, l->id);
	if (l->name) {
		lcm_buf_adds(b, " \xe2\x80\x94 ");
		md_text(b, l->name);
	}
	if (!p->n) {
		lcm_buf_adds(b, "\n\nNothing to plan.\n");
		return;
	}
	for (i = 0; i < p->n; i++)
		bricks += p->v[i].brick != LCM_CAT_NONE;
	lcm_buf_printf(b, "\n\n%zu brick%s, %" PRId64 " min in %d week%s of %" PRId64
		       " min.", bricks, bricks == 1 ? "" : "s", p->minutes, p->weeks,
		       p->weeks == 1 ? "" : "s", p->budget);
	if (p->left_out)
		lcm_buf_printf(b, " %zu brick%s left out beyond week %d.", p->left_out,
			       p->left_out == 1 ? "" : "s", p->weeks);
	lcm_buf_adds(b, "\n");
	lcm_buf_printf(b, "\n| step | week | brick | format | min | reason |%s\n"
		       "| ---: | ---: | --- | --- | ---: | --- |%s\n",
		       o->explain ? " why |" : "", o->explain ? " --- |" : "");
	for (i = 0; i < p->n; i++) {
		const struct lcm_step *s = &p->v[i];

		k = s->brick != LCM_CAT_NONE ? &c->b[s->brick] : NULL;
		if (k) {
			lcm_buf_printf(b, "| %d | %d | ", s->step, s->week);
			if (k->url)
				lcm_buf_adds(b, "[");
			md_text(b, k->id);
			lcm_buf_adds(b, " ");
			md_text(b, k->title);
			if (k->url) {
				lcm_buf_adds(b, "](<");
				md_url(b, k->url);
				lcm_buf_adds(b, ">)");
			}
			lcm_buf_adds(b, " | ");
			md_text(b, k->format);
			lcm_buf_printf(b, " | %" PRId64 "%s | ", k->duration,
				       s->over_budget ? " (over budget)" : "");
		} else {
			lcm_buf_adds(b, "|  |  | *no brick* |  |  | ");
		}
		md_text(b, reason_text(s, &o->reason));
		lcm_buf_adds(b, " |");
		if (o->explain) {
			lcm_buf_adds(b, " ");
			md_text(b, s->why);
			lcm_buf_adds(b, " |");
		}
		lcm_buf_addc(b, '\n');
	}
}

void
lcm_pathway_out_learner(struct lcm_pathway_out *o, const struct lcm_catalogue *c,
			const struct lcm_learner *l, const struct lcm_plan *p)
{
	lcm_buf_reset(&o->b);
	switch (o->fmt) {
	case LCM_PW_TABLE:
	case LCM_PW_CSV:
	case LCM_PW_TSV:
		plain_learner(o, c, l, p);
		break;
	case LCM_PW_JSON:
		lcm_buf_adds(&o->b, o->learners ? ",\n" : "[\n");
		json_learner(o, c, l, p);
		break;
	case LCM_PW_NDJSON:
		json_learner(o, c, l, p);
		lcm_buf_addc(&o->b, '\n');
		break;
	case LCM_PW_MD:
		md_learner(o, c, l, p);
		break;
	}
	fwrite(o->b.data, 1, o->b.len, o->fp);
	o->learners++;
}

void
lcm_pathway_out_end(struct lcm_pathway_out *o)
{
	if (o->r)
		lcm_render_end(o->r);
	else if (o->fmt == LCM_PW_JSON)
		fputs(o->learners ? "\n]\n" : "[]\n", o->fp);
}

void
lcm_pathway_out_free(struct lcm_pathway_out *o)
{
	if (!o)
		return;
	lcm_render_free(o->r);
	lcm_buf_release(&o->b);
	lcm_buf_release(&o->reason);
	free(o);
}
