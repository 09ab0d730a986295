/*
 * report_text.c - a report as a terminal summary: see report.h.
 *
 * Every line fits 80 columns (learner text is cut with "…" to its
 * column, by display width); charts are Unicode bars. Colour is ANSI
 * bold, green and red, only when the caller says the output is a
 * terminal that wants it; without colour the text says the same.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_experts.h"
#include "report_fmt.h"
#include "xalloc.h"

#define WIDTH 80

struct txt {
	struct lcm_buf *b;
	int color;
};

/* An ANSI SGR code, when colour is on. */
static void
ansi(struct txt *t, const char *code)
{
	if (t->color)
		lcm_buf_printf(t->b, "\033[%sm", code);
}

/* A section heading, bold with colour. */
static void
heading(struct txt *t, const char *s)
{
	lcm_buf_addc(t->b, '\n');
	ansi(t, "1");
	lcm_buf_adds(t->b, s);
	ansi(t, "0");
	lcm_buf_addc(t->b, '\n');
}

/* s cut or padded to width cells, left-aligned. */
static void
cell(struct txt *t, const char *s, size_t width)
{
	lcm_report_fit(t->b, s, width, 1);
}

/* s right-aligned in width cells (s is short: numbers, dates). */
static void
rcell(struct txt *t, const char *s, size_t width)
{
	size_t w = lcm_report_width(s);

	while (w++ < width)
		lcm_buf_addc(t->b, ' ');
	lcm_buf_adds(t->b, s);
}

/* A number right-aligned in width cells. */
static void
rnum(struct txt *t, int64_t v, size_t width)
{
	char n[32];

	snprintf(n, sizeof(n), "%lld", (long long)v);
	rcell(t, n, width);
}

/* Ends a line, without the spaces padding left at its end. */
static void
eol(struct txt *t)
{
	while (t->b->len && t->b->data[t->b->len - 1] == ' ')
		t->b->data[--t->b->len] = '\0';
	lcm_buf_addc(t->b, '\n');
}

/* Appends text (made one line) wrapped at WIDTH, each line after the
 * first indented by indent spaces; the first starts at column col. */
static void
wrap(struct txt *t, const char *text, size_t col, size_t indent)
{
	struct lcm_buf one, word;
	const char *p, *sp;
	size_t w, start = col;

	lcm_buf_init(&one);
	lcm_buf_init(&word);
	lcm_report_esc_text(&one, text);
	for (p = one.data; *p; p = *sp ? sp + 1 : sp) {
		sp = strchr(p, ' ');
		if (!sp)
			sp = p + strlen(p);
		lcm_buf_reset(&word);
		lcm_buf_add(&word, p, (size_t)(sp - p));
		w = lcm_report_width(word.data);
		if (col > start && col + 1 + w > WIDTH) {
			eol(t);
			for (col = 0; col < indent; col++)
				lcm_buf_addc(t->b, ' ');
			start = col;
		} else if (col > start) {
			lcm_buf_addc(t->b, ' ');
			col++;
		}
		lcm_report_fit(t->b, word.data, WIDTH > col ? WIDTH - col : 1, 0);
		col += w;
	}
	eol(t);
	lcm_buf_release(&one);
	lcm_buf_release(&word);
}

/* A person as the report names them: their name, else their id (borrowed). */
static const char *
who(const struct lcm_report_person *p)
{
	return p->name ? p->name : p->person;
}

static void
title(struct txt *t, const struct lcm_report *r)
{
	struct lcm_buf scope;
	struct lcm_report_period p;

	lcm_buf_init(&scope);
	lcm_report_period_text(r, &p);
	ansi(t, "1");
	lcm_report_fit(t->b, r->title, WIDTH, 0);
	ansi(t, "0");
	lcm_buf_addc(t->b, '\n');
	lcm_report_scope_name(r, &scope);
	lcm_buf_printf(&scope, ", %lld learner%s", (long long)r->members,
		       lcm_report_plural(r->members));
	lcm_report_fit(t->b, scope.data, WIDTH, 0);
	lcm_buf_printf(t->b, "\nperiod  %s to %s (%s days)\nbefore  %s to %s\n",
		       p.since, p.until, p.days, p.prev_since, p.prev_until);
	lcm_buf_release(&scope);
}

/* Section 1: the figures, before, and the change coloured by its news. */
static void
headline(struct txt *t, const struct lcm_report *r)
{
	const struct lcm_report_item *it;
	const struct lcm_report_figure *f;
	char now[32], before[32], change[48];
	size_t i;
	int good;

	heading(t, "HEADLINE");
	cell(t, "", 36);
	rcell(t, "this period", 12);
	rcell(t, "before", 10);
	lcm_buf_adds(t->b, "   change");
	eol(t);
	for (i = 0; i < LCM_REPORT_ITEMS; i++) {
		it = &lcm_report_items[i];
		f = lcm_report_item_figure(r, it);
		cell(t, it->label, 36);
		rcell(t, lcm_report_value(f->now, it->kind, now), 12);
		rcell(t, lcm_report_value(f->before, it->kind, before), 10);
		lcm_report_change(f, it, &good, change);
		lcm_buf_adds(t->b, "   ");
		ansi(t, good > 0 ? "32" : good < 0 ? "31" : "0");
		lcm_buf_adds(t->b, change);
		ansi(t, "0");
		eol(t);
	}
}

/* "5 Oct", with a star for the week not over, into out (size >= 48). */
static void
week_label(const struct lcm_report_week *w, char *out)
{
	char d[32];

	snprintf(out, 48, "%s%s", lcm_report_day(w->monday, d), w->partial ? " *" : "");
}

/* Section 2: a bar per week and a sparkline of active learners. */
static void
weeks(struct txt *t, const struct lcm_report *r)
{
	int64_t max = 0, *v;
	char label[48];
	size_t i;

	heading(t, "ACTIVITY BY WEEK");
	if (!r->nweeks)
		return;
	for (i = 0; i < r->nweeks; i++)
		if (r->weeks[i].posts > max)
			max = r->weeks[i].posts;
	cell(t, "week of", 12);
	rcell(t, "posts", 7);
	rcell(t, "new threads", 13);
	rcell(t, "active", 8);
	lcm_buf_adds(t->b, "  posts");
	eol(t);
	for (i = 0; i < r->nweeks; i++) {
		week_label(&r->weeks[i], label);
		cell(t, label, 12);
		rnum(t, r->weeks[i].posts, 7);
		rnum(t, r->weeks[i].threads, 13);
		rnum(t, r->weeks[i].active, 8);
		lcm_buf_adds(t->b, "  ");
		lcm_report_bar(t->b, r->weeks[i].posts, max, 36);
		eol(t);
	}
	v = lcm_xreallocarray(NULL, r->nweeks, sizeof(*v));
	for (i = 0; i < r->nweeks; i++)
		v[i] = r->weeks[i].active;
	lcm_buf_adds(t->b, "active learners ");
	lcm_report_spark(t->b, v, r->nweeks);
	free(v);
	if (r->weeks[r->nweeks - 1].partial)
		lcm_buf_adds(t->b, "   * week not over");
	eol(t);
}

/* New threads per week by kind, as a stacked bar of three shades. */
static void
mix(struct txt *t, const struct lcm_report *r)
{
	static const char *const shade[] = { "\xe2\x96\x93", "\xe2\x96\x92", "\xe2\x96\x91" };
	int64_t max = 0, k[3], j, cells;
	char label[48];
	size_t i, s;

	heading(t, "WHAT THE COMMUNITY TALKS ABOUT");
	for (i = 0; i < r->nweeks; i++)
		if (r->weeks[i].threads > max)
			max = r->weeks[i].threads;
	cell(t, "new threads", 12);
	rcell(t, "top-down", 9);
	rcell(t, "questions", 10);
	rcell(t, "exchange", 9);
	lcm_buf_printf(t->b, "  %s top-down %s questions %s exchange", shade[0], shade[1],
		       shade[2]);
	eol(t);
	for (i = 0; i < r->nweeks; i++) {
		week_label(&r->weeks[i], label);
		cell(t, label, 12);
		rnum(t, r->weeks[i].topdown, 9);
		rnum(t, r->weeks[i].questions, 10);
		rnum(t, r->weeks[i].exchange, 9);
		lcm_buf_adds(t->b, "  ");
		k[0] = r->weeks[i].topdown;
		k[1] = r->weeks[i].questions;
		k[2] = r->weeks[i].exchange;
		for (s = 0; s < 3 && max; s++) {
			cells = (int64_t)floor((double)k[s] / (double)max * 36 + 0.5);
			for (j = 0; j < cells; j++)
				lcm_buf_adds(t->b, shade[s]);
		}
		eol(t);
	}
}

/* The rest of section 3: forums, threads, themes. */
static void
places(struct txt *t, const struct lcm_report *r)
{
	struct lcm_buf line;
	size_t i;

	if (r->nforums) {
		lcm_buf_addc(t->b, '\n');
		cell(t, "forum", 50);
		rcell(t, "posts", 7);
		rcell(t, "new threads", 13);
		rcell(t, "people", 8);
		eol(t);
	}
	for (i = 0; i < r->nforums; i++) {
		cell(t, r->forums[i].name, 50);
		rnum(t, r->forums[i].posts, 7);
		rnum(t, r->forums[i].threads, 13);
		rnum(t, r->forums[i].people, 8);
		eol(t);
	}
	if (r->nthreads) {
		lcm_buf_addc(t->b, '\n');
		cell(t, "thread", 44);
		lcm_buf_addc(t->b, ' ');
		cell(t, "forum", 20);
		rcell(t, "posts", 7);
		rcell(t, "people", 8);
		eol(t);
	}
	for (i = 0; i < r->nthreads; i++) {
		cell(t, r->threads[i].title[0] ? r->threads[i].title : "(no title)", 44);
		lcm_buf_addc(t->b, ' ');
		cell(t, r->threads[i].forum, 20);
		rnum(t, r->threads[i].posts, 7);
		rnum(t, r->threads[i].people, 8);
		eol(t);
	}
	lcm_buf_init(&line);
	lcm_buf_adds(&line, "themes:");
	for (i = 0; i < r->nthemes; i++)
		lcm_buf_printf(&line, " %s (%lld)%s", r->themes[i].term,
			       (long long)r->themes[i].count, i + 1 < r->nthemes ? "," : "");
	if (!r->nthemes)
		lcm_buf_adds(&line, " none stand out");
	lcm_buf_addc(t->b, '\n');
	wrap(t, line.data, 0, 2);
	lcm_buf_release(&line);
}

/* Section 4: first replies in bins, the threads nobody answered. */
static void
responsiveness(struct txt *t, const struct lcm_report *r)
{
	int64_t max = r->waiting;
	char h1[32], h2[32], age[32], line[160];
	size_t i;

	heading(t, "RESPONSIVENESS");
	lcm_buf_adds(t->b, "new threads of the period, by time to a first reply from someone else\n");
	for (i = 0; i < LCM_REPORT_BINS; i++)
		if (r->bins[i] > max)
			max = r->bins[i];
	for (i = 0; i <= LCM_REPORT_BINS; i++) {
		int64_t v = i < LCM_REPORT_BINS ? r->bins[i] : r->waiting;

		cell(t, i < LCM_REPORT_BINS ? lcm_report_bin_label[i] : "no reply yet", 14);
		rnum(t, v, 5);
		lcm_buf_adds(t->b, "  ");
		lcm_report_bar(t->b, v, max, 40);
		eol(t);
	}
	if (isnan(r->ttfr_median_h.now))
		snprintf(line, sizeof(line), "no new thread of the period had a reply from"
			 " someone else");
	else
		snprintf(line, sizeof(line), "median %s, 9 in 10 within %s",
			 lcm_report_hours(r->ttfr_median_h.now, h1),
			 lcm_report_hours(r->ttfr_p90_h.now, h2));
	wrap(t, line, 0, 0);
	lcm_buf_printf(t->b, "\nthreads nobody answered: %lld", (long long)r->open_total);
	if ((int64_t)r->nopen < r->open_total)
		lcm_buf_printf(t->b, ", the %zu oldest", r->nopen);
	eol(t);
	for (i = 0; i < r->nopen; i++) {
		lcm_buf_adds(t->b, "  ");
		rcell(t, lcm_report_hours(r->open[i].age_hours, age), 8);
		lcm_buf_adds(t->b, "  ");
		cell(t, r->open[i].author, 18);
		lcm_buf_addc(t->b, ' ');
		cell(t, r->open[i].forum, 16);
		lcm_buf_addc(t->b, ' ');
		cell(t, r->open[i].subject[0] ? r->open[i].subject : "(no title)", 32);
		eol(t);
	}
}

/* Section 5: who to nudge and why, who to praise, the reply network. */
static void
people(struct txt *t, const struct lcm_report *r)
{
	struct lcm_buf why, codes;
	char seen[48], n[32];
	const char *p, *h;
	size_t i;

	lcm_buf_init(&why);
	lcm_buf_init(&codes);
	heading(t, "PEOPLE");
	lcm_buf_printf(t->b, "learners to nudge: %s", lcm_report_num(r->at_risk.now, 0, n));
	if ((double)r->nat_risk < r->at_risk.now)
		lcm_buf_printf(t->b, ", the first %zu (lcm-engage --at-risk lists all)", r->nat_risk);
	eol(t);
	for (i = 0; i < r->nat_risk; i++) {
		const struct lcm_report_person *x = &r->at_risk_list[i];

		lcm_buf_adds(t->b, "  ");
		cell(t, who(x), 20);
		lcm_buf_addc(t->b, ' ');
		cell(t, x->cohort ? x->cohort : "", 10);
		lcm_buf_addc(t->b, ' ');
		cell(t, x->status, 9);
		lcm_buf_addc(t->b, ' ');
		cell(t, x->last_seen == INT64_MIN ? "never seen" :
		     lcm_report_date(x->last_seen, r->local, seen), 12);
		lcm_buf_addc(t->b, ' ');
		lcm_buf_reset(&why);
		for (p = x->reasons; *p; p++) {
			if (*p == ';')
				lcm_buf_adds(&why, ", ");
			else
				lcm_buf_addc(&why, *p);
		}
		wrap(t, why.data, 57, 57);
		lcm_buf_printf(&codes, ";%s", x->reasons);
	}
	/* what each code shown means, once */
	for (i = 0; i < 7; i++) {
		static const char *const all[] = { "inactive", "declining", "isolated",
			"unanswered", "lurker", "behind", "not-enough-data" };
		char key[32];

		snprintf(key, sizeof(key), ";%s", all[i]);
		if (!strstr(codes.data, key) || !(h = lcm_report_reason_help(all[i])))
			continue;
		lcm_buf_reset(&why);
		lcm_buf_printf(&why, "%s: %s", all[i], h);
		lcm_buf_adds(t->b, "    ");
		wrap(t, why.data, 4, 6);
	}
	lcm_buf_printf(t->b, "\nto praise, for helping others: %zu", r->npraise);
	eol(t);
	if (r->npraise) {
		lcm_buf_adds(t->b, "  ");
		cell(t, "", 28);
		rcell(t, "answers", 9);
		rcell(t, "accepted", 10);
		rcell(t, "replies got", 13);
		rcell(t, "peers", 7);
		eol(t);
	}
	for (i = 0; i < r->npraise; i++) {
		lcm_buf_adds(t->b, "  ");
		cell(t, who(&r->praise[i]), 28);
		rnum(t, r->praise[i].answers, 9);
		rnum(t, r->praise[i].accepted, 10);
		rnum(t, r->praise[i].received, 13);
		rnum(t, r->praise[i].peers, 7);
		eol(t);
	}
	if (r->has_network) {
		char d[32], rc[32], s[32];

		lcm_buf_reset(&why);
		lcm_buf_printf(&why, "reply network: density %s, reciprocity %s, %lld learner%s"
			       " with no exchange, staff in %s of the links",
			       lcm_report_value(r->density, LCM_KIND_SHARE, d),
			       lcm_report_value(r->reciprocity, LCM_KIND_SHARE, rc),
			       (long long)r->isolates, lcm_report_plural(r->isolates),
			       lcm_report_value(r->staff_share, LCM_KIND_SHARE, s));
		lcm_buf_addc(t->b, '\n');
		wrap(t, why.data, 0, 2);
	}
	lcm_buf_release(&why);
	lcm_buf_release(&codes);
}

/* Section 6, when there are events. */
static void
resources(struct txt *t, const struct lcm_report *r)
{
	char line[96];
	size_t i;

	if (!r->events)
		return;
	snprintf(line, sizeof(line), "RESOURCES AND ACTIVITIES (%lld event%s by learners)",
		 (long long)r->events, lcm_report_plural(r->events));
	heading(t, line);
	if (!r->nresources)
		lcm_buf_adds(t->b, "none named in the log\n");
	if (r->nresources) {
		cell(t, "", 56);
		rcell(t, "events", 9);
		rcell(t, "learners", 10);
		eol(t);
	}
	for (i = 0; i < r->nresources; i++) {
		cell(t, r->resources[i].name, 56);
		rnum(t, r->resources[i].events, 9);
		rnum(t, r->resources[i].people, 10);
		eol(t);
	}
}

/* Section 7, when lcm-nudge wrote to the store. */
static void
nudges(struct txt *t, const struct lcm_report *r)
{
	char a[32], b[32], line[96];
	size_t i;

	if (!r->has_nudges)
		return;
	snprintf(line, sizeof(line), "NUDGES (came back within %lld days)",
		 (long long)(r->nudges_window / 86400));
	heading(t, line);
	if (!r->nnudges) {
		lcm_buf_adds(t->b, "no message in the period\n");
		return;
	}
	cell(t, "template", 24);
	rcell(t, "sent", 6);
	rcell(t, "back", 6);
	rcell(t, "rate", 7);
	rcell(t, "not sent", 10);
	rcell(t, "back", 6);
	rcell(t, "rate", 7);
	eol(t);
	for (i = 0; i < r->nnudges; i++) {
		const struct lcm_report_nudge *x = &r->nudges[i];

		cell(t, x->template, 24);
		rnum(t, x->sent, 6);
		rnum(t, x->nudged_back, 6);
		rcell(t, lcm_report_value(x->nudged_rate, LCM_KIND_SHARE, a), 7);
		rnum(t, x->comparison_size, 10);
		rnum(t, x->comparison_back, 6);
		rcell(t, lcm_report_value(x->comparison_rate, LCM_KIND_SHARE, b), 7);
		eol(t);
	}
}

/* Section 8, when learners asked questions in the period. */
static void
needs(struct txt *t, const struct lcm_report *r)
{
	char a[32], b[32], c[32], line[96];
	size_t i;

	if (!r->needs_questions)
		return;
	snprintf(line, sizeof(line), "WHAT LEARNERS ASK ABOUT (%lld question%s)",
		 (long long)r->needs_questions, lcm_report_plural(r->needs_questions));
	heading(t, line);
	if (!r->nneeds) {
		lcm_buf_adds(t->b, "no theme in two questions or more\n");
		return;
	}
	cell(t, "theme", 18);
	rcell(t, "asked", 6);
	rcell(t, "before", 7);
	rcell(t, "rising", 7);
	rcell(t, "open", 6);
	rcell(t, "1st answer", 11);
	lcm_buf_adds(t->b, "  ");
	cell(t, r->has_catalogue ? "bricks" : "", 23);
	eol(t);
	for (i = 0; i < r->nneeds; i++) {
		const struct lcm_report_need *x = &r->needs[i];

		cell(t, x->theme, 18);
		rnum(t, x->questions, 6);
		rcell(t, lcm_report_num(x->before, 1, a), 7);
		rcell(t, x->rising ? "yes" : "", 7);
		rcell(t, lcm_report_value(x->unanswered_share, LCM_KIND_SHARE, b), 6);
		rcell(t, lcm_report_hours(x->answer_median_h, c), 11);
		lcm_buf_adds(t->b, "  ");
		cell(t, x->no_brick ? "NO BRICK" : x->bricks ? x->bricks : "", 23);
		eol(t);
	}
}

/* Section 9: whom to congratulate (whole community). */
static void
recognition(struct txt *t, const struct lcm_report *r)
{
	char v[32], line[96];
	size_t i;

	if (!r->has_recognition)
		return;
	snprintf(line, sizeof(line), "CONTRIBUTIONS OF THE PERIOD (%zu)", r->ncontributions);
	heading(t, line);
	if (!r->ncontributions)
		lcm_buf_adds(t->b, "no post stands out in the period\n");
	for (i = 0; i < r->ncontributions; i++) {
		const struct lcm_report_contribution *x = &r->contributions[i];

		rcell(t, lcm_report_num(x->score, 2, v), 6);
		lcm_buf_adds(t->b, "  ");
		cell(t, lcm_report_named(x->person, x->name), 20);
		lcm_buf_adds(t->b, "  ");
		cell(t, x->reasons, 50);
		eol(t);
		lcm_buf_adds(t->b, "        ");
		wrap(t, x->excerpt, 8, 8);
		if (x->url) {
			lcm_buf_adds(t->b, "        ");
			lcm_buf_adds(t->b, x->url);
			eol(t);
		}
	}
	snprintf(line, sizeof(line), "MILESTONES CROSSED (%zu)", r->nmilestones);
	heading(t, line);
	if (!r->nmilestones) {
		lcm_buf_adds(t->b, "no milestone crossed in the period\n");
		return;
	}
	for (i = 0; i < r->nmilestones; i++) {
		const struct lcm_report_milestone *x = &r->milestones[i];

		cell(t, lcm_report_datetime(x->at, r->local, v), 24);
		cell(t, lcm_report_milestone_who(x), 20);
		cell(t, x->milestone, 24);
		rnum(t, x->value, 6);
		eol(t);
	}
}

/* Section 10: who knows what (the store's expertise map, whole community). */
static void
experts(struct txt *t, const struct lcm_report *r)
{
	char v[32], line[160];
	size_t i, k;

	if (!r->nknown)
		return;
	heading(t, "WHO KNOWS WHAT (the whole store, not only the period)");
	cell(t, "theme", 16);
	rcell(t, "threads", 8);
	lcm_buf_adds(t->b, "  ");
	cell(t, "learner", 22);
	rcell(t, "answers", 8);
	rcell(t, "accepted", 9);
	rcell(t, "thanks", 7);
	rcell(t, "score", 7);
	eol(t);
	for (i = 0; i < r->nknown; i++) {
		const struct lcm_report_known *x = &r->known[i];

		for (k = 0; k < x->nexperts; k++) {
			const struct lcm_report_expert *p = &x->experts[k];

			cell(t, k ? "" : x->theme, 16);
			if (k)
				cell(t, "", 8);
			else
				rnum(t, x->threads, 8);
			lcm_buf_adds(t->b, "  ");
			cell(t, p->name ? p->name : p->person, 22);
			rnum(t, p->answers, 8);
			rnum(t, p->accepted, 9);
			rnum(t, p->thanks, 7);
			rcell(t, lcm_report_num(p->score, 2, v), 7);
			eol(t);
		}
	}
	snprintf(line, sizeof(line), "themes shown: %zu of %zu, those with the most evidence;"
		 " at most %d learners each, ranked as lcm-engage --expertise ranks them;"
		 " staff left out", r->nknown, r->known_themes, LCM_REPORT_EXPERTS_PER_THEME);
	wrap(t, line, 0, 0);
}

void
lcm_report_text(const struct lcm_report *r, int color, struct lcm_buf *out)
{
	struct txt t = { out, color };

	title(&t, r);
	headline(&t, r);
	weeks(&t, r);
	mix(&t, r);
	places(&t, r);
	responsiveness(&t, r);
	people(&t, r);
	resources(&t, r);
	nudges(&t, r);
	needs(&t, r);
	recognition(&t, r);
	experts(&t, r);
}
