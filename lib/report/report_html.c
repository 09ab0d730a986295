/*
 * report_html.c - a report as one self-contained web page: see report.h.
 *
 * One file to mail, open offline and print: UTF-8, CSS in a <style>,
 * charts as inline SVG (report_svg.c), no script, no font, no image,
 * nothing fetched from anywhere (the only URLs are the thread links
 * made from --url). Every piece of text from the store goes through
 * lcm_report_esc_html. The markup is also well-formed XML (void elements
 * closed, only numeric references), so any XML parser can check it.
 * Each chart has its data as a table beside it, for screen readers and
 * for whoever wants the numbers; on a phone they stack, on A4 too.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_experts.h"
#include "report_fmt.h"
#include "report_svg.h"

static const char style[] =
	":root{--ink:#1d2433;--mute:#5b6475;--line:#e3e6ec;--soft:#f5f7fa;--accent:#0b5cad;"
	"--good:#0a7d45;--bad:#b3261e;font-family:system-ui,-apple-system,'Segoe UI',Roboto,"
	"'Helvetica Neue',Arial,sans-serif;color:var(--ink);line-height:1.45}\n"
	"body{margin:0;background:#fff}\n"
	"header{background:linear-gradient(135deg,#0b5cad,#14407a);color:#fff;padding:28px 20px 22px}\n"
	"header div,main,footer{max-width:1080px;margin:0 auto}\n"
	"h1{margin:0 0 6px;font-size:1.9rem;font-weight:650;letter-spacing:-.01em}\n"
	"header p{margin:2px 0;opacity:.92}\n"
	"main{padding:8px 20px 24px}\n"
	"section{margin:28px 0 8px;break-inside:avoid-page}\n"
	"h2{font-size:1.3rem;margin:0 0 4px;padding-bottom:6px;border-bottom:2px solid var(--line)}\n"
	"h3{font-size:1.02rem;margin:20px 0 6px}\n"
	".lede{color:var(--mute);margin:4px 0 12px;font-size:.95rem}\n"
	".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:12px;"
	"margin-top:14px}\n"
	".card{border:1px solid var(--line);border-radius:10px;padding:12px 14px;background:var(--soft);"
	"border-left:5px solid #9aa3b2}\n"
	".card.good{border-left-color:var(--good)}.card.bad{border-left-color:var(--bad)}\n"
	".card .label{font-size:.85rem;color:var(--mute);font-weight:600}\n"
	".card .value{font-size:1.8rem;font-weight:700;margin:2px 0}\n"
	".card .change{font-size:.9rem;font-weight:600}\n"
	".good .change{color:var(--good)}.bad .change{color:var(--bad)}\n"
	".card .help{font-size:.78rem;color:var(--mute);margin-top:4px}\n"
	".pair{display:grid;grid-template-columns:minmax(0,1.6fr) minmax(0,1fr);gap:18px;"
	"align-items:start;margin-top:10px}\n"
	"figure{margin:0}\n"
	"svg.chart{width:100%;height:auto;display:block}\n"
	"svg .grid line{stroke:#e8ebf0}svg .axis{stroke:#8a93a3}\n"
	"svg text{font-family:inherit;fill:#3c4454;font-size:12px}\n"
	"svg .tick{font-size:11px;fill:#5b6475}svg .axis-title{font-size:12px;fill:#5b6475}\n"
	"svg .val{font-size:10.5px;fill:#1d2433}svg .inval{font-size:10.5px;fill:#fff;"
	"font-weight:600}\n"
	"svg .legend{font-size:12.5px}\n"
	".scroll{overflow-x:auto}\n"
	"table{border-collapse:collapse;width:100%;font-size:.88rem}\n"
	"caption{text-align:left;font-weight:600;color:var(--mute);font-size:.82rem;padding:0 0 4px}\n"
	"th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;"
	"vertical-align:top}\n"
	"thead th{font-size:.78rem;text-transform:uppercase;letter-spacing:.03em;color:var(--mute);"
	"border-bottom:2px solid var(--line)}\n"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	"tbody th{font-weight:500}\n"
	"tr.partial{color:var(--mute)}\n"
	".meter{display:inline-block;height:8px;border-radius:4px;background:#56b4e9;"
	"vertical-align:middle;min-width:2px}\n"
	".chips{list-style:none;padding:0;margin:6px 0;display:flex;flex-wrap:wrap;gap:8px}\n"
	".chips li{background:#e8f1fb;color:#0b4a8b;border-radius:999px;padding:4px 12px;"
	"font-weight:600}\n"
	".chips li span{font-weight:400;color:var(--mute);margin-left:6px}\n"
	".reason{display:inline-block;background:#fdecea;color:#8c1d18;border-radius:4px;"
	"padding:0 6px;margin:1px 4px 1px 0;font-size:.8rem;white-space:nowrap}\n"
	"dl.legend{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:.85rem;"
	"color:var(--mute);margin:10px 0}\n"
	"dl.legend dt{font-weight:600}dl.legend dd{margin:0}\n"
	".two{display:grid;grid-template-columns:1fr 1fr;gap:18px}\n"
	".empty{color:var(--mute);font-style:italic}\n"
	"a{color:var(--accent)}\n"
	"footer{color:var(--mute);font-size:.8rem;padding:14px 20px 30px;"
	"border-top:1px solid var(--line)}\n"
	"";

/* Phones and paper (a second string: C11 caps a literal's length). */
static const char media[] =
	"@media screen and (max-width:760px){.pair,.two{grid-template-columns:1fr}h1{font-size:1.5rem}"
	".cards{grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}.card{padding:8px 10px}"
	".card .value{font-size:1.4rem}main{padding:4px 12px 20px}header{padding:18px 12px}"
	"figure{overflow-x:auto}svg.chart{min-width:540px}}\n"
	"@media print{@page{size:A4;margin:14mm 12mm}:root{font-size:9.5pt}"
	"header{background:none;color:var(--ink);padding:0 0 8px;border-bottom:3px solid #0b5cad}"
	"main,header div,footer{max-width:none;padding-left:0;padding-right:0}"
	"section{margin-top:16px}.cards{grid-template-columns:repeat(4,1fr)}"
	".pair{grid-template-columns:minmax(0,1.25fr) minmax(0,1fr)}.scroll{overflow:visible}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit}"
	"h2{break-after:avoid}tr{break-inside:avoid}table{font-size:7.5pt}th,td{padding:2px 4px}"
	"thead th{text-transform:none;letter-spacing:0}.card{padding:6px 8px}"
	".card .value{font-size:1.35rem}}\n";

/* Appends learner text, escaped. */
static void
esc(struct lcm_buf *b, const char *s)
{
	lcm_report_esc_html(b, s);
}

/* A person as the report names them: their name, else their id (borrowed). */
static const char *
who(const struct lcm_report_person *p)
{
	return p->name ? p->name : p->person;
}

/* Opens a section with its heading and, when lede, an introduction. */
static void
section(struct lcm_buf *b, const char *id, const char *title, const char *lede)
{
	lcm_buf_printf(b, "<section id=\"%s\" aria-labelledby=\"%s-h\">\n<h2 id=\"%s-h\">", id, id,
		       id);
	esc(b, title);
	lcm_buf_adds(b, "</h2>\n");
	if (lede) {
		lcm_buf_adds(b, "<p class=\"lede\">");
		esc(b, lede);
		lcm_buf_adds(b, "</p>\n");
	}
}

/* A right-aligned number cell. */
static void
num_cell(struct lcm_buf *b, int64_t v)
{
	lcm_buf_printf(b, "<td class=\"n\">%lld</td>", (long long)v);
}

/* A table's caption and head: cols are "name" or ">name" (a number). */
static void
table_head(struct lcm_buf *b, const char *caption, const char *const *cols, size_t n)
{
	size_t i;

	lcm_buf_adds(b, "<div class=\"scroll\"><table>\n<caption>");
	esc(b, caption);
	lcm_buf_adds(b, "</caption>\n<thead><tr>");
	for (i = 0; i < n; i++) {
		lcm_buf_printf(b, "<th scope=\"col\"%s>", cols[i][0] == '>' ? " class=\"n\"" : "");
		esc(b, cols[i] + (cols[i][0] == '>'));
		lcm_buf_adds(b, "</th>");
	}
	lcm_buf_adds(b, "</tr></thead>\n<tbody>\n");
}

/* Closes what table_head opened. */
static void
table_end(struct lcm_buf *b)
{
	lcm_buf_adds(b, "</tbody></table></div>\n");
}

/* A row header cell with text, linked when url. */
static void
row_head(struct lcm_buf *b, const char *text, const char *url)
{
	lcm_buf_adds(b, "<th scope=\"row\">");
	if (url) {
		lcm_buf_adds(b, "<a href=\"");
		esc(b, url);
		lcm_buf_adds(b, "\">");
	}
	esc(b, text && *text ? text : "(no title)");
	lcm_buf_adds(b, url ? "</a></th>" : "</th>");
}

/* The document up to <main>: head, style, the title band. */
static void
head(struct lcm_buf *b, const struct lcm_report *r)
{
	struct lcm_buf scope;
	struct lcm_report_period p;

	lcm_buf_init(&scope);
	lcm_report_period_text(r, &p);
	lcm_report_scope_name(r, &scope);
	lcm_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
		     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
		     "<meta name=\"generator\" content=\"lcm-report\"/>\n<title>");
	esc(b, r->title);
	lcm_buf_adds(b, " \xe2\x80\x94 ");
	esc(b, scope.data);
	lcm_buf_printf(b, "</title>\n<style>\n%s%s</style>\n</head>\n<body>\n<header><div>\n<h1>",
		       style, media);
	esc(b, r->title);
	lcm_buf_adds(b, "</h1>\n<p><strong>");
	esc(b, scope.data);
	lcm_buf_printf(b, "</strong> \xc2\xb7 %lld learner%s</p>\n", (long long)r->members,
		       lcm_report_plural(r->members));
	lcm_buf_printf(b, "<p>%s \xe2\x80\x93 %s (%s days) \xc2\xb7 compared with %s \xe2\x80\x93 %s</p>\n",
		       p.since, p.until, p.days, p.prev_since, p.prev_until);
	lcm_buf_adds(b, "</div></header>\n<main>\n");
	lcm_buf_release(&scope);
}

/* Section 1: a card per headline figure, its change coloured. */
static void
headline(struct lcm_buf *b, const struct lcm_report *r)
{
	const struct lcm_report_item *it;
	const struct lcm_report_figure *f;
	char now[32], before[32], change[48];
	size_t i;
	int good;

	section(b, "headline", "Headline", "This period against the period of the same length"
		" before it.");
	lcm_buf_adds(b, "<div class=\"cards\">\n");
	for (i = 0; i < LCM_REPORT_ITEMS; i++) {
		it = &lcm_report_items[i];
		f = lcm_report_item_figure(r, it);
		lcm_report_change(f, it, &good, change);
		lcm_buf_printf(b, "<div class=\"card%s\"><div class=\"label\">%s</div>"
			       "<div class=\"value\">%s</div><div class=\"change\">%s%s"
			       " <span class=\"help\">(before: %s)</span></div>"
			       "<div class=\"help\">%s</div></div>\n",
			       good > 0 ? " good" : good < 0 ? " bad" : "", it->label,
			       lcm_report_value(f->now, it->kind, now),
			       good ? (f->now > f->before ? "\xe2\x96\xb2 " : "\xe2\x96\xbc ") : "",
			       change, lcm_report_value(f->before, it->kind, before), it->help);
	}
	lcm_buf_adds(b, "</div>\n</section>\n");
}

/* A row of a weekly table: the week, then n numbers. */
static void
week_row(struct lcm_buf *b, const struct lcm_report_week *w, const int64_t *v, size_t n)
{
	char d[32];
	size_t i;

	lcm_buf_printf(b, "<tr%s><th scope=\"row\">%s%s</th>", w->partial ? " class=\"partial\"" : "",
		       lcm_report_day(w->monday, d), w->partial ? " (to date)" : "");
	for (i = 0; i < n; i++)
		num_cell(b, v[i]);
	lcm_buf_adds(b, "</tr>\n");
}

/* Section 2 and the charts of section 3, each with its data table. */
static void
weeks(struct lcm_buf *b, const struct lcm_report *r)
{
	static const char *const cols[] = { "Week of", ">Posts", ">New threads", ">Active" };
	static const char *const mcols[] = { "Week of", ">Top-down", ">Questions", ">Exchange" };
	int64_t v[3];
	size_t i;

	section(b, "activity", "Activity by week", "Posts (replies included), new threads, and"
		" learners who did anything on the platform, week by week.");
	lcm_buf_adds(b, "<div class=\"pair\"><figure>\n");
	lcm_report_svg_activity(r, "chart-activity", b);
	lcm_buf_adds(b, "</figure>\n");
	table_head(b, "Activity by week, the chart's data", cols, 4);
	for (i = 0; i < r->nweeks; i++) {
		v[0] = r->weeks[i].posts;
		v[1] = r->weeks[i].threads;
		v[2] = r->weeks[i].active;
		week_row(b, &r->weeks[i], v, 3);
	}
	table_end(b);
	lcm_buf_adds(b, "</div>\n</section>\n");
	section(b, "talk", "What the community talks about", "Who starts the conversations:"
		" announcements and prompts from staff (top-down), questions from members, and"
		" other exchanges between members.");
	lcm_buf_adds(b, "<div class=\"pair\"><figure>\n");
	lcm_report_svg_mix(r, "chart-mix", b);
	lcm_buf_adds(b, "</figure>\n");
	table_head(b, "New threads by kind, the chart's data", mcols, 4);
	for (i = 0; i < r->nweeks; i++) {
		v[0] = r->weeks[i].topdown;
		v[1] = r->weeks[i].questions;
		v[2] = r->weeks[i].exchange;
		week_row(b, &r->weeks[i], v, 3);
	}
	table_end(b);
	lcm_buf_adds(b, "</div>\n");
}

/* The rest of "what the community talks about": places and themes. */
static void
talk(struct lcm_buf *b, const struct lcm_report *r)
{
	static const char *const fcols[] = { "Forum", ">Posts", ">New threads", ">People", "" };
	static const char *const tcols[] = { "Thread", "Forum", ">Posts", ">People" };
	size_t i;

	lcm_buf_adds(b, "<div class=\"two\"><div>\n<h3>Most active forums</h3>\n");
	if (!r->nforums)
		lcm_buf_adds(b, "<p class=\"empty\">No post in this period.</p>\n");
	else
		table_head(b, "Forums by posts in the period", fcols, 5);
	for (i = 0; i < r->nforums; i++) {
		lcm_buf_adds(b, "<tr>");
		row_head(b, r->forums[i].name, NULL);
		num_cell(b, r->forums[i].posts);
		num_cell(b, r->forums[i].threads);
		num_cell(b, r->forums[i].people);
		lcm_buf_printf(b, "<td aria-hidden=\"true\"><span class=\"meter\" style=\"width:%lldpx\">"
			       "</span></td></tr>\n",
			       (long long)(r->forums[i].posts * 80 / (r->forums[0].posts ? r->forums[0].posts : 1)));
	}
	if (r->nforums)
		table_end(b);
	lcm_buf_adds(b, "</div><div>\n<h3>Themes of the period</h3>\n");
	if (!r->nthemes)
		lcm_buf_adds(b, "<p class=\"empty\">No word stands out in this period.</p>\n");
	else
		lcm_buf_adds(b, "<p class=\"lede\">Words that set this period's posts apart from the"
			     " whole history (TF-IDF), with how often they were used.</p>\n"
			     "<ul class=\"chips\">\n");
	for (i = 0; i < r->nthemes; i++) {
		lcm_buf_adds(b, "<li>");
		esc(b, r->themes[i].term);
		lcm_buf_printf(b, "<span>%lld</span></li>\n", (long long)r->themes[i].count);
	}
	if (r->nthemes)
		lcm_buf_adds(b, "</ul>\n");
	lcm_buf_adds(b, "</div></div>\n<h3>Most active threads</h3>\n");
	if (!r->nthreads)
		lcm_buf_adds(b, "<p class=\"empty\">No post in this period.</p>\n");
	else
		table_head(b, "Threads by posts in the period", tcols, 4);
	for (i = 0; i < r->nthreads; i++) {
		lcm_buf_adds(b, "<tr>");
		row_head(b, r->threads[i].title, r->threads[i].url);
		lcm_buf_adds(b, "<td>");
		esc(b, r->threads[i].forum);
		lcm_buf_adds(b, "</td>");
		num_cell(b, r->threads[i].posts);
		num_cell(b, r->threads[i].people);
		lcm_buf_adds(b, "</tr>\n");
	}
	if (r->nthreads)
		table_end(b);
	lcm_buf_adds(b, "</section>\n");
}

/* Section 4: the histogram and the threads nobody answered. */
static void
responsiveness(struct lcm_buf *b, const struct lcm_report *r)
{
	static const char *const cols[] = { "First reply after", ">New threads" };
	static const char *const ocols[] = { "Thread", "Forum", "Author", "Since", ">Waiting" };
	char h1[32], h2[32], age[32], when[48];
	size_t i;

	section(b, "responsiveness", "Responsiveness", NULL);
	if (isnan(r->ttfr_median_h.now))
		lcm_buf_adds(b, "<p class=\"lede\">No new thread of the period had a reply from"
			     " someone else.</p>\n");
	else
		lcm_buf_printf(b, "<p class=\"lede\">How long new threads of the period waited for"
			       " a first reply from someone else: half of them %s, nine in ten %s."
			       "</p>\n", lcm_report_hours(r->ttfr_median_h.now, h1),
			       lcm_report_hours(r->ttfr_p90_h.now, h2));
	lcm_buf_adds(b, "<div class=\"pair\"><figure>\n");
	lcm_report_svg_response(r, "chart-response", b);
	lcm_buf_adds(b, "</figure>\n");
	table_head(b, "Time to a first reply, the chart's data", cols, 2);
	for (i = 0; i <= LCM_REPORT_BINS; i++) {
		lcm_buf_adds(b, "<tr>");
		row_head(b, i < LCM_REPORT_BINS ? lcm_report_bin_label[i] : "no reply yet", NULL);
		num_cell(b, i < LCM_REPORT_BINS ? r->bins[i] : r->waiting);
		lcm_buf_adds(b, "</tr>\n");
	}
	table_end(b);
	lcm_buf_printf(b, "</div>\n<h3>Threads nobody answered (%lld)</h3>\n",
		       (long long)r->open_total);
	if (!r->nopen) {
		lcm_buf_adds(b, "<p class=\"empty\">None: every thread has a reply.</p>\n</section>\n");
		return;
	}
	lcm_buf_printf(b, "<p class=\"lede\">No reply from anyone but their author, oldest first%s."
		       "</p>\n", (int64_t)r->nopen < r->open_total ? "; the oldest only" : "");
	table_head(b, "Threads nobody answered, oldest first", ocols, 5);
	for (i = 0; i < r->nopen; i++) {
		lcm_buf_adds(b, "<tr>");
		row_head(b, r->open[i].subject, r->open[i].url);
		lcm_buf_adds(b, "<td>");
		esc(b, r->open[i].forum);
		lcm_buf_adds(b, "</td><td>");
		esc(b, r->open[i].author);
		lcm_buf_printf(b, "</td><td>%s</td><td class=\"n\">%s</td></tr>\n",
			       lcm_report_date(r->open[i].created, r->local, when),
			       lcm_report_hours(r->open[i].age_hours, age));
	}
	table_end(b);
	lcm_buf_adds(b, "</section>\n");
}

/* Section 5, first part: who to nudge, their reasons and what they mean. */
static void
at_risk(struct lcm_buf *b, const struct lcm_report *r)
{
	static const char *const cols[] = { "Learner", "Cohort", "Status", "Last seen", "Why" };
	static const char *const codes[] = { "inactive", "declining", "isolated",
		"unanswered", "lurker", "behind", "not-enough-data" };
	struct lcm_buf all;
	const char *p, *q;
	char seen[48], n[32], key[32];
	size_t i;

	section(b, "people", "People", NULL);
	lcm_buf_printf(b, "<h3>Learners to nudge (%s)</h3>\n", lcm_report_num(r->at_risk.now, 0, n));
	if (!r->nat_risk) {
		lcm_buf_adds(b, "<p class=\"empty\">Nobody.</p>\n");
		return;
	}
	lcm_buf_printf(b, "<p class=\"lede\">At risk, inactive or never seen, most urgent first%s."
		       "</p>\n", (double)r->nat_risk < r->at_risk.now ?
		       "; the others are listed by lcm-engage --at-risk" : "");
	table_head(b, "Learners to nudge and why", cols, 5);
	lcm_buf_init(&all);
	for (i = 0; i < r->nat_risk; i++) {
		const struct lcm_report_person *x = &r->at_risk_list[i];

		lcm_buf_adds(b, "<tr>");
		row_head(b, who(x), NULL);
		lcm_buf_adds(b, "<td>");
		esc(b, x->cohort ? x->cohort : "");
		lcm_buf_printf(b, "</td><td>%s</td><td>%s</td><td>", x->status,
			       x->last_seen == INT64_MIN ? "never" :
			       lcm_report_date(x->last_seen, r->local, seen));
		for (p = x->reasons; *p; p = *q ? q + 1 : q) {
			q = strchr(p, ';');
			if (!q)
				q = p + strlen(p);
			lcm_buf_adds(b, "<span class=\"reason\">");
			lcm_buf_add(b, p, (size_t)(q - p));
			lcm_buf_adds(b, "</span>");
		}
		lcm_buf_adds(b, "</td></tr>\n");
		lcm_buf_printf(&all, ";%s", x->reasons);
	}
	table_end(b);
	lcm_buf_adds(b, "<dl class=\"legend\">\n");
	for (i = 0; i < sizeof(codes) / sizeof(*codes); i++) {
		snprintf(key, sizeof(key), ";%s", codes[i]);
		if (strstr(all.data, key))
			lcm_buf_printf(b, "<dt>%s</dt><dd>%s</dd>\n", codes[i],
				       lcm_report_reason_help(codes[i]));
	}
	lcm_buf_adds(b, "</dl>\n");
	lcm_buf_release(&all);
}

/* Section 5, second part: who to praise and the reply network. */
static void
praise(struct lcm_buf *b, const struct lcm_report *r)
{
	static const char *const cols[] = { "Learner", ">Answers", ">Accepted",
		">Replies received", ">Peers" };
	char v[4][32];
	size_t i;

	lcm_buf_adds(b, "<div class=\"two\"><div>\n<h3>To praise, for helping others</h3>\n");
	if (!r->npraise)
		lcm_buf_adds(b, "<p class=\"empty\">Nobody yet.</p>\n");
	else
		table_head(b, "Learners who helped others most", cols, 5);
	for (i = 0; i < r->npraise; i++) {
		lcm_buf_adds(b, "<tr>");
		row_head(b, who(&r->praise[i]), NULL);
		num_cell(b, r->praise[i].answers);
		num_cell(b, r->praise[i].accepted);
		num_cell(b, r->praise[i].received);
		num_cell(b, r->praise[i].peers);
		lcm_buf_adds(b, "</tr>\n");
	}
	if (r->npraise)
		table_end(b);
	lcm_buf_adds(b, "</div><div>\n<h3>Reply network</h3>\n");
	if (!r->has_network) {
		lcm_buf_adds(b, "<p class=\"empty\">No network measured.</p>\n");
	} else {
		lcm_buf_printf(b, "<div class=\"cards\">"
			       "<div class=\"card\"><div class=\"label\">Density</div><div class=\"value\">%s</div>"
			       "<div class=\"help\">of the possible reply links exist</div></div>"
			       "<div class=\"card\"><div class=\"label\">Reciprocity</div><div class=\"value\">%s</div>"
			       "<div class=\"help\">of the links go both ways</div></div>"
			       "<div class=\"card\"><div class=\"label\">Isolated learners</div><div class=\"value\">%lld</div>"
			       "<div class=\"help\">exchanged with nobody in the period</div></div>"
			       "<div class=\"card\"><div class=\"label\">Staff share</div><div class=\"value\">%s</div>"
			       "<div class=\"help\">of the links have staff at one end</div></div></div>\n",
			       lcm_report_value(r->density, LCM_KIND_SHARE, v[0]),
			       lcm_report_value(r->reciprocity, LCM_KIND_SHARE, v[1]),
			       (long long)r->isolates,
			       lcm_report_value(r->staff_share, LCM_KIND_SHARE, v[2]));
	}
	lcm_buf_adds(b, "</div></div>\n</section>\n");
}

/* Section 6, when there are events. */
static void
resources(struct lcm_buf *b, const struct lcm_report *r)
{
	static const char *const cols[] = { "Resource or activity", ">Events", ">Learners", "" };
	size_t i;

	if (!r->events)
		return;
	section(b, "resources", "Resources and activities", NULL);
	lcm_buf_printf(b, "<p class=\"lede\">What learners opened, from the platform's log: %lld"
		       " event%s in the period.</p>\n", (long long)r->events,
		       lcm_report_plural(r->events));
	if (!r->nresources) {
		lcm_buf_adds(b, "<p class=\"empty\">No resource named in the log.</p>\n</section>\n");
		return;
	}
	table_head(b, "Most used resources and activities", cols, 4);
	for (i = 0; i < r->nresources; i++) {
		lcm_buf_adds(b, "<tr>");
		row_head(b, r->resources[i].name, NULL);
		num_cell(b, r->resources[i].events);
		num_cell(b, r->resources[i].people);
		lcm_buf_printf(b, "<td aria-hidden=\"true\"><span class=\"meter\" style=\"width:%lldpx\">"
			       "</span></td></tr>\n", (long long)(r->resources[i].events * 120 /
			       (r->resources[0].events ? r->resources[0].events : 1)));
	}
	table_end(b);
	lcm_buf_adds(b, "</section>\n");
}

/* Section 7, when lcm-nudge wrote to the store. */
static void
nudges(struct lcm_buf *b, const struct lcm_report *r)
{
	static const char *const cols[] = {
		"Template", ">Sent", ">Came back", ">Rate", ">Median days",
		">Not sent", ">Came back", ">Rate", ">Median days"
	};
	char v[4][32];
	size_t i;

	if (!r->has_nudges)
		return;
	section(b, "nudges", "Nudges", NULL);
	lcm_buf_printf(b, "<p class=\"lede\">Messages lcm-nudge sent in the period, and whether"
		       " the persons came back within %lld days, against those flagged but not"
		       " written to. Observational, not a trial.</p>\n",
		       (long long)(r->nudges_window / 86400));
	if (!r->nnudges) {
		lcm_buf_adds(b, "<p class=\"empty\">No message in the period.</p>\n</section>\n");
		return;
	}
	table_head(b, "Came back after a nudge, and without one", cols, 9);
	for (i = 0; i < r->nnudges; i++) {
		const struct lcm_report_nudge *x = &r->nudges[i];

		lcm_buf_adds(b, "<tr>");
		row_head(b, x->template, NULL);
		num_cell(b, x->sent);
		num_cell(b, x->nudged_back);
		lcm_buf_printf(b, "<td class=\"n\">%s</td><td class=\"n\">%s</td>",
			       lcm_report_value(x->nudged_rate, LCM_KIND_SHARE, v[0]),
			       lcm_report_num(x->nudged_days, 1, v[1]));
		num_cell(b, x->comparison_size);
		num_cell(b, x->comparison_back);
		lcm_buf_printf(b, "<td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
			       lcm_report_value(x->comparison_rate, LCM_KIND_SHARE, v[2]),
			       lcm_report_num(x->comparison_days, 1, v[3]));
	}
	table_end(b);
	lcm_buf_adds(b, "</section>\n");
}

/* Section 8, when learners asked questions in the period. */
static void
needs(struct lcm_buf *b, const struct lcm_report *r)
{
	static const char *const cols[] = {
		"Theme", ">Questions", ">Before", "Rising", ">Unanswered", ">First answer", "Bricks"
	};
	char v[3][32];
	size_t i;

	if (!r->needs_questions)
		return;
	section(b, "needs", "What learners ask about", NULL);
	lcm_buf_printf(b, "<p class=\"lede\">The themes of %lld question%s by learners in the"
		       " period, against the mean of the %d period%s before.</p>\n",
		       (long long)r->needs_questions, lcm_report_plural(r->needs_questions),
		       r->needs_periods, lcm_report_plural(r->needs_periods));
	if (!r->nneeds) {
		lcm_buf_adds(b, "<p class=\"empty\">No theme in two questions or more.</p>\n"
			     "</section>\n");
		return;
	}
	table_head(b, "Themes of the questions", cols, r->has_catalogue ? 7 : 6);
	for (i = 0; i < r->nneeds; i++) {
		const struct lcm_report_need *x = &r->needs[i];

		lcm_buf_adds(b, "<tr>");
		row_head(b, x->theme, NULL);
		num_cell(b, x->questions);
		lcm_buf_printf(b, "<td class=\"n\">%s</td><td>%s</td><td class=\"n\">%s</td>"
			       "<td class=\"n\">%s</td>", lcm_report_num(x->before, 1, v[0]),
			       x->rising ? "rising" : "",
			       lcm_report_value(x->unanswered_share, LCM_KIND_SHARE, v[1]),
			       lcm_report_hours(x->answer_median_h, v[2]));
		if (r->has_catalogue) {
			lcm_buf_adds(b, "<td>");
			if (x->no_brick)
				lcm_buf_adds(b, "<strong>no brick</strong>");
			else
				esc(b, x->bricks);
			lcm_buf_adds(b, "</td>");
		}
		lcm_buf_adds(b, "</tr>\n");
	}
	table_end(b);
	lcm_buf_adds(b, "</section>\n");
}

/* Section 9: whom to congratulate (whole community). */
static void
recognition(struct lcm_buf *b, const struct lcm_report *r)
{
	static const char *const ccols[] = { "Excerpt", ">Score", "By", "Why" };
	static const char *const mcols[] = { "Milestone", "Who", ">Count", "When" };
	char v[32];
	size_t i;

	if (!r->has_recognition)
		return;
	section(b, "contributions", "Contributions of the period",
		"Posts worth showing, by the score of lcm-engage --contributions.");
	if (!r->ncontributions) {
		lcm_buf_adds(b, "<p class=\"empty\">No post stands out in the period.</p>\n");
	} else {
		table_head(b, "Best contributions", ccols, 4);
		for (i = 0; i < r->ncontributions; i++) {
			const struct lcm_report_contribution *x = &r->contributions[i];

			lcm_buf_adds(b, "<tr>");
			row_head(b, x->excerpt, x->url);
			lcm_buf_printf(b, "<td class=\"n\">%s</td><td>", lcm_report_num(x->score, 2, v));
			esc(b, lcm_report_named(x->person, x->name));
			lcm_buf_adds(b, "</td><td>");
			esc(b, x->reasons);
			lcm_buf_adds(b, "</td></tr>\n");
		}
		table_end(b);
	}
	lcm_buf_adds(b, "</section>\n");
	section(b, "milestones", "Milestones crossed",
		"Firsts and thresholds of the period, each a reason to congratulate.");
	if (!r->nmilestones) {
		lcm_buf_adds(b, "<p class=\"empty\">No milestone crossed in the period.</p>\n"
			     "</section>\n");
		return;
	}
	table_head(b, "Milestones", mcols, 4);
	for (i = 0; i < r->nmilestones; i++) {
		const struct lcm_report_milestone *x = &r->milestones[i];

		lcm_buf_adds(b, "<tr>");
		row_head(b, x->milestone, NULL);
		lcm_buf_adds(b, "<td>");
		esc(b, lcm_report_milestone_who(x));
		lcm_buf_adds(b, "</td>");
		num_cell(b, x->value);
		lcm_buf_printf(b, "<td>%s</td></tr>\n", lcm_report_datetime(x->at, r->local, v));
	}
	table_end(b);
	lcm_buf_adds(b, "</section>\n");
}

/* Section 10: who knows what (the store's expertise map, whole community). */
static void
experts(struct lcm_buf *b, const struct lcm_report *r)
{
	static const char *const cols[] = {
		"Theme", ">Threads", ">Rank", "Learner", ">Answers", ">Accepted", ">Thanks", ">Score"
	};
	char v[32];
	size_t i, k;

	if (!r->nknown)
		return;
	section(b, "experts", "Who knows what", NULL);
	lcm_buf_printf(b, "<p class=\"lede\">Themes shown: %zu of %zu, those with the most evidence."
		       " For each, the learners who know it best (at most %d): their answers to"
		       " others' questions on it, those accepted, the thanks they got, ranked as"
		       " lcm-engage --expertise ranks them. The map is the whole store's, not only"
		       " the period's; staff are left out.</p>\n", r->nknown, r->known_themes,
		       LCM_REPORT_EXPERTS_PER_THEME);
	table_head(b, "Themes and the learners who know them", cols, 8);
	for (i = 0; i < r->nknown; i++) {
		const struct lcm_report_known *x = &r->known[i];

		for (k = 0; k < x->nexperts; k++) {
			const struct lcm_report_expert *p = &x->experts[k];

			lcm_buf_adds(b, "<tr>");
			if (!k) {
				lcm_buf_printf(b, "<th scope=\"rowgroup\" rowspan=\"%zu\">", x->nexperts);
				esc(b, x->theme);
				lcm_buf_printf(b, "</th><td class=\"n\" rowspan=\"%zu\">%lld</td>",
					       x->nexperts, (long long)x->threads);
			}
			lcm_buf_printf(b, "<td class=\"n\">%d</td><td>", p->rank);
			esc(b, p->name ? p->name : p->person);
			lcm_buf_adds(b, "</td>");
			num_cell(b, p->answers);
			num_cell(b, p->accepted);
			num_cell(b, p->thanks);
			lcm_buf_printf(b, "<td class=\"n\">%s</td></tr>\n",
				       lcm_report_num(p->score, 2, v));
		}
	}
	table_end(b);
	lcm_buf_adds(b, "</section>\n");
}

void
lcm_report_html(const struct lcm_report *r, struct lcm_buf *out)
{
	char made[48];

	head(out, r);
	headline(out, r);
	weeks(out, r);
	talk(out, r);
	responsiveness(out, r);
	at_risk(out, r);
	praise(out, r);
	resources(out, r);
	nudges(out, r);
	needs(out, r);
	recognition(out, r);
	experts(out, r);
	lcm_buf_printf(out, "</main>\n<footer><div>Made by lcm-report for the period ending %s."
		       " Counts leave out deleted and private posts; staff are not learners."
		       " See lcm-report(1) for how each figure is computed.</div></footer>\n"
		       "</body>\n</html>\n", lcm_report_datetime(r->until, r->local, made));
}
