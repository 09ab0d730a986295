/*
 * report_svg.c - the three charts of the HTML report: see report_svg.h.
 *
 * Every chart is drawn on the same 720 x 300 canvas (the viewBox; the
 * page scales it): a plot area with horizontal grid lines at round
 * steps, the y axis labelled on the left, the x labels under the plot
 * and the axis title under them, the legend above. Coordinates are
 * printed with one decimal, so the same report is the same bytes.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_fmt.h"
#include "report_svg.h"

#define W 720.0
#define H 300.0
#define X0 52.0		/* plot area */
#define X1 704.0
#define Y0 44.0
#define Y1 248.0

#define C_POSTS "#56b4e9"
#define C_THREADS "#0072b2"
#define C_ACTIVE "#e69f00"
#define C_TOPDOWN "#cc79a7"
#define C_QUESTIONS "#0072b2"
#define C_EXCHANGE "#009e73"
#define C_WAITING "#d55e00"

/* A round top for the y axis (1, 2 or 5 times a power of ten times at
 * most 5 steps) and its step. */
static double
nice_top(int64_t max, double *step)
{
	double s = 1;
	int k = 0;

	if (max < 1)
		max = 1;
	while (ceil((double)max / s) > 5) {
		s = (k % 3 == 1) ? s * 2.5 : s * 2;	/* 1 2 5 10 20 50 ... */
		k++;
	}
	*step = s;
	return s * ceil((double)max / s);
}

/* The y of value v on an axis from 0 to top. */
static double
ypos(double v, double top)
{
	return Y1 - v / top * (Y1 - Y0);
}

/* Opens the chart: svg element, title, description, grid and y axis. */
static void
open_chart(struct lcm_buf *b, const char *id, const char *title, const char *desc,
	   double top, double step, const char *ytitle, const char *xtitle)
{
	double v, y;

	lcm_buf_printf(b, "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\""
		       " aria-labelledby=\"%s-title %s-desc\">\n<title id=\"%s-title\">",
		       W, H, id, id, id);
	lcm_report_esc_html(b, title);
	lcm_buf_printf(b, "</title>\n<desc id=\"%s-desc\">", id);
	lcm_report_esc_html(b, desc);
	lcm_buf_adds(b, "</desc>\n<g class=\"grid\">\n");
	for (v = 0; v <= top + step / 2; v += step) {
		y = ypos(v, top);
		lcm_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>"
			       "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>\n",
			       X0, y, X1, y, X0 - 6, y + 4, v);
	}
	lcm_buf_printf(b, "</g>\n<line class=\"axis\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
		       X0, Y1, X1, Y1);
	lcm_buf_printf(b, "<text class=\"axis-title\" transform=\"translate(14 %.1f) rotate(-90)\""
		       " text-anchor=\"middle\">", (Y0 + Y1) / 2);
	lcm_report_esc_html(b, ytitle);
	lcm_buf_printf(b, "</text>\n<text class=\"axis-title\" x=\"%.1f\" y=\"%.1f\""
		       " text-anchor=\"middle\">", (X0 + X1) / 2, H - 8);
	lcm_report_esc_html(b, xtitle);
	lcm_buf_adds(b, "</text>\n");
}

/* A legend entry at x (top row); line: a line swatch, else a square.
 * Returns the x of the next one. */
static double
legend(struct lcm_buf *b, double x, const char *color, const char *label, int line)
{
	if (line)
		lcm_buf_printf(b, "<line x1=\"%.1f\" y1=\"18\" x2=\"%.1f\" y2=\"18\" stroke=\"%s\""
			       " stroke-width=\"3\"/><circle cx=\"%.1f\" cy=\"18\" r=\"3.5\" fill=\"%s\"/>",
			       x, x + 18, color, x + 9, color);
	else
		lcm_buf_printf(b, "<rect x=\"%.1f\" y=\"12\" width=\"12\" height=\"12\" rx=\"2\""
			       " fill=\"%s\"/>", x, color);
	lcm_buf_printf(b, "<text class=\"legend\" x=\"%.1f\" y=\"22\">", x + (line ? 24 : 17));
	lcm_report_esc_html(b, label);
	lcm_buf_adds(b, "</text>\n");
	return x + (line ? 24 : 17) + 7.2 * (double)lcm_report_width(label) + 22;
}

/* A bar from y0 down to y1, faint for a week not over; nothing when flat. */
static void
bar(struct lcm_buf *b, double x, double w, double y0, double y1, const char *color,
    int faint)
{
	if (y1 - y0 < 0.05)
		return;
	lcm_buf_printf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"%s/>\n",
		       x, y0, w, y1 - y0, color, faint ? " fill-opacity=\"0.45\"" : "");
}

/* A number written at x, y. */
static void
value_label(struct lcm_buf *b, double x, double y, int64_t v, const char *cls)
{
	lcm_buf_printf(b, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%lld</text>\n",
		       cls, x, y, (long long)v);
}

/* The week labels under the plot, every k-th when they would crowd. */
static void
week_labels(struct lcm_buf *b, const struct lcm_report *r, double slot)
{
	size_t i, k = (size_t)ceil(48.0 / slot);
	char d[32];

	if (k < 1)
		k = 1;
	for (i = 0; i < r->nweeks; i++) {
		if ((r->nweeks - 1 - i) % k)
			continue;
		lcm_buf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s%s</text>\n",
			       X0 + slot * ((double)i + 0.5), Y1 + 16, lcm_report_day(r->weeks[i].monday, d),
			       r->weeks[i].partial ? "*" : "");
	}
}

/* "8 weeks from 5 Oct to 23 Nov 2026" for the descriptions. */
static void
weeks_span(struct lcm_buf *b, const struct lcm_report *r)
{
	char a[32], z[48];

	if (!r->nweeks)
		return;
	lcm_buf_printf(b, "%zu weeks, from the week of %s to that of %s", r->nweeks,
		       lcm_report_day(r->weeks[0].monday, a),
		       lcm_report_date(r->weeks[r->nweeks - 1].monday * 86400, 0, z));
}

void
lcm_report_svg_activity(const struct lcm_report *r, const char *id, struct lcm_buf *b)
{
	struct lcm_buf desc;
	double top, step, slot, bw, x, y;
	int64_t max = 0, mp = 0;
	size_t i, n;

	for (i = 0; i < r->nweeks; i++) {
		const struct lcm_report_week *w = &r->weeks[i];

		max = w->posts > max ? w->posts : max;
		max = w->active > max ? w->active : max;
		mp = w->posts > mp ? w->posts : mp;
	}
	top = nice_top(max, &step);
	lcm_buf_init(&desc);
	weeks_span(&desc, r);
	lcm_buf_printf(&desc, "; at most %lld posts in a week. The table beside gives every value.",
		       (long long)mp);
	open_chart(b, id, "Posts, new threads and active learners per week", desc.data, top,
		   step, "per week", "week, by its Monday (* not over yet)");
	lcm_buf_release(&desc);
	x = legend(b, X0, C_POSTS, "posts", 0);
	x = legend(b, x, C_THREADS, "new threads", 0);
	legend(b, x, C_ACTIVE, "active learners", 1);
	slot = (X1 - X0) / (double)(r->nweeks ? r->nweeks : 1);
	bw = slot * 0.34;
	for (i = 0; i < r->nweeks; i++) {
		const struct lcm_report_week *w = &r->weeks[i];

		x = X0 + slot * (double)i + slot * 0.14;
		bar(b, x, bw, ypos((double)w->posts, top), Y1, C_POSTS, w->partial);
		bar(b, x + bw + 1, bw, ypos((double)w->threads, top), Y1, C_THREADS, w->partial);
		if (bw >= 11) {
			value_label(b, x + bw / 2, ypos((double)w->posts, top) - 4, w->posts, "val");
			value_label(b, x + bw * 1.5 + 1, ypos((double)w->threads, top) - 4,
				    w->threads, "val");
		}
	}
	/* a week not over yet is drawn dashed: its low count is no fall */
	n = r->nweeks && r->weeks[r->nweeks - 1].partial ? r->nweeks - 1 : r->nweeks;
	lcm_buf_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\""
		       " points=\"", C_ACTIVE);
	for (i = 0; i < n; i++)
		lcm_buf_printf(b, "%s%.1f,%.1f", i ? " " : "", X0 + slot * ((double)i + 0.5),
			       ypos((double)r->weeks[i].active, top));
	lcm_buf_adds(b, "\"/>\n");
	if (n < r->nweeks && n > 0)
		lcm_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
			       " stroke-width=\"2\" stroke-dasharray=\"4 4\"/>\n",
			       X0 + slot * ((double)n - 0.5), ypos((double)r->weeks[n - 1].active, top),
			       X0 + slot * ((double)n + 0.5), ypos((double)r->weeks[n].active, top),
			       C_ACTIVE);
	for (i = 0; i < r->nweeks; i++) {
		y = ypos((double)r->weeks[i].active, top);
		lcm_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\" stroke=\"%s\""
			       " stroke-width=\"2\"/>\n", X0 + slot * ((double)i + 0.5), y,
			       i < n ? C_ACTIVE : "#fff", C_ACTIVE);
	}
	week_labels(b, r, slot);
	lcm_buf_adds(b, "</svg>\n");
}

void
lcm_report_svg_mix(const struct lcm_report *r, const char *id, struct lcm_buf *b)
{
	static const char *const colors[] = { C_TOPDOWN, C_QUESTIONS, C_EXCHANGE };
	struct lcm_buf desc;
	double top, step, slot, bw, x, y, h;
	int64_t max = 0, k[3], sum, total[3] = { 0, 0, 0 };
	size_t i, s;

	for (i = 0; i < r->nweeks; i++) {
		max = r->weeks[i].threads > max ? r->weeks[i].threads : max;
		total[0] += r->weeks[i].topdown;
		total[1] += r->weeks[i].questions;
		total[2] += r->weeks[i].exchange;
	}
	top = nice_top(max, &step);
	lcm_buf_init(&desc);
	weeks_span(&desc, r);
	lcm_buf_printf(&desc, ": %lld threads opened by staff, %lld questions from members,"
		       " %lld other exchanges between members.", (long long)total[0],
		       (long long)total[1], (long long)total[2]);
	open_chart(b, id, "New threads per week, by kind", desc.data, top, step,
		   "new threads", "week, by its Monday (* not over yet)");
	lcm_buf_release(&desc);
	x = legend(b, X0, C_TOPDOWN, "top-down (staff)", 0);
	x = legend(b, x, C_QUESTIONS, "members' questions", 0);
	legend(b, x, C_EXCHANGE, "exchange", 0);
	slot = (X1 - X0) / (double)(r->nweeks ? r->nweeks : 1);
	bw = slot * 0.56;
	for (i = 0; i < r->nweeks; i++) {
		const struct lcm_report_week *w = &r->weeks[i];

		k[0] = w->topdown;
		k[1] = w->questions;
		k[2] = w->exchange;
		x = X0 + slot * (double)i + (slot - bw) / 2;
		for (s = 0, sum = 0; s < 3; s++) {
			y = ypos((double)(sum + k[s]), top);
			h = ypos((double)sum, top) - y;
			bar(b, x, bw, y, y + h, colors[s], w->partial);
			if (k[s] && h >= 15 && bw >= 14)
				value_label(b, x + bw / 2, y + h / 2 + 4, k[s], "inval");
			sum += k[s];
		}
		if (sum && bw >= 11)
			value_label(b, x + bw / 2, ypos((double)sum, top) - 4, sum, "val");
	}
	week_labels(b, r, slot);
	lcm_buf_adds(b, "</svg>\n");
}

void
lcm_report_svg_response(const struct lcm_report *r, const char *id, struct lcm_buf *b)
{
	struct lcm_buf desc;
	double top, step, slot, bw, x;
	int64_t max = r->waiting, v, answered = 0;
	char h[32];
	size_t i;

	for (i = 0; i < LCM_REPORT_BINS; i++) {
		max = r->bins[i] > max ? r->bins[i] : max;
		answered += r->bins[i];
	}
	top = nice_top(max, &step);
	lcm_buf_init(&desc);
	lcm_buf_printf(&desc, "%lld new threads of the period had a first reply from someone"
		       " else, half of them within %s; %lld have none yet.", (long long)answered,
		       lcm_report_hours(r->ttfr_median_h.now, h), (long long)r->waiting);
	open_chart(b, id, "Time to a first reply, new threads of the period", desc.data, top, step,
		   "new threads", "time to the first reply by someone else");
	lcm_buf_release(&desc);
	x = legend(b, X0, C_THREADS, "answered after", 0);
	legend(b, x, C_WAITING, "no reply yet", 0);
	/* the bins, then a gap, then the threads still waiting */
	slot = (X1 - X0) / (LCM_REPORT_BINS + 1.5);
	bw = slot * 0.7;
	for (i = 0; i <= LCM_REPORT_BINS; i++) {
		v = i < LCM_REPORT_BINS ? r->bins[i] : r->waiting;
		x = X0 + slot * ((double)i + (i < LCM_REPORT_BINS ? 0 : 0.5)) + (slot - bw) / 2;
		bar(b, x, bw, ypos((double)v, top), Y1, i < LCM_REPORT_BINS ? C_THREADS : C_WAITING, 0);
		value_label(b, x + bw / 2, ypos((double)v, top) - 4, v, "val");
		lcm_buf_printf(b, "<text class=\"tick\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">",
			       x + bw / 2, Y1 + 16);
		lcm_report_esc_html(b, i < LCM_REPORT_BINS ? lcm_report_bin_label[i] : "no reply yet");
		lcm_buf_adds(b, "</text>\n");
	}
	lcm_buf_adds(b, "</svg>\n");
}
