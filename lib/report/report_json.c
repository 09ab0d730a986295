/*
 * report_json.c - every figure of a report as one JSON object, for other
 * tools: see report.h. Times are ISO 8601 (local with --tz), shares 0..1,
 * durations in hours; what is undefined is null. Two-space indentation,
 * keys in a fixed order, so the same report is the same bytes.
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_fmt.h"
#include "timefmt.h"

/* A writer: where commas go and how deep we are. */
struct jw {
	struct lcm_buf *b;
	int depth;
	int first;	/* nothing written yet at this depth */
};

/* A new line indented to the current depth. */
static void
indent(struct jw *w)
{
	int i;

	lcm_buf_addc(w->b, '\n');
	for (i = 0; i < w->depth; i++)
		lcm_buf_adds(w->b, "  ");
}

/* Starts a member (key != NULL) or an array element. */
static void
item(struct jw *w, const char *key)
{
	if (!w->first)
		lcm_buf_addc(w->b, ',');
	w->first = 0;
	indent(w);
	if (key) {
		lcm_report_esc_json(w->b, key);
		lcm_buf_adds(w->b, ": ");
	}
}

/* Opens an object or array (c) as member key, or as an element. */
static void
open_(struct jw *w, const char *key, char c)
{
	item(w, key);
	lcm_buf_addc(w->b, c);
	w->depth++;
	w->first = 1;
}

/* Closes what open_ opened (c: its closing character). */
static void
close_(struct jw *w, char c)
{
	int empty = w->first;

	w->depth--;
	if (!empty)
		indent(w);
	lcm_buf_addc(w->b, c);
	w->first = 0;
}

/* A string member or element; null for NULL. */
static void
str(struct jw *w, const char *key, const char *s)
{
	item(w, key);
	if (s)
		lcm_report_esc_json(w->b, s);
	else
		lcm_buf_adds(w->b, "null");
}

/* An integer member or element. */
static void
num(struct jw *w, const char *key, int64_t i)
{
	item(w, key);
	lcm_buf_printf(w->b, "%" PRId64, i);
}

/* A real: up to 4 decimals, trailing zeros cut; null when NaN. */
static void
real(struct jw *w, const char *key, double d)
{
	char n[32];

	item(w, key);
	if (!isfinite(d))
		lcm_buf_adds(w->b, "null");
	else
		lcm_buf_adds(w->b, lcm_report_num(d, 4, n));
}

/* A true or false member or element. */
static void
boolean(struct jw *w, const char *key, int v)
{
	item(w, key);
	lcm_buf_adds(w->b, v ? "true" : "false");
}

/* A time member: ISO 8601, null for INT64_MIN (never). */
static void
when(struct jw *w, const char *key, int64_t t, int local)
{
	char iso[32];

	if (t == INT64_MIN)
		str(w, key, NULL);
	else
		str(w, key, lcm_report_iso(t, local, iso));
}

/* Each headline figure, now and before. */
static void
headline(struct jw *w, const struct lcm_report *r)
{
	const struct lcm_report_figure *f;
	size_t i;

	open_(w, "headline", '{');
	for (i = 0; i < LCM_REPORT_ITEMS; i++) {
		f = lcm_report_item_figure(r, &lcm_report_items[i]);
		open_(w, lcm_report_items[i].key, '{');
		real(w, "now", f->now);
		real(w, "before", f->before);
		close_(w, '}');
	}
	close_(w, '}');
}

/* The week series. */
static void
weeks(struct jw *w, const struct lcm_report *r)
{
	char label[24], day[32];
	size_t i;

	open_(w, "weeks", '[');
	for (i = 0; i < r->nweeks; i++) {
		const struct lcm_report_week *x = &r->weeks[i];

		open_(w, NULL, '{');
		str(w, "week", lcm_engage_week_label(x->week, label));
		lcm_time_format_utc(x->monday * 86400, day);
		day[10] = '\0';	/* the date alone */
		str(w, "monday", day);
		num(w, "posts", x->posts);
		num(w, "new_threads", x->threads);
		num(w, "active_learners", x->active);
		num(w, "topdown", x->topdown);
		num(w, "questions", x->questions);
		num(w, "exchange", x->exchange);
		boolean(w, "partial", x->partial);
		close_(w, '}');
	}
	close_(w, ']');
}

/* Forums, threads and themes. */
static void
talk(struct jw *w, const struct lcm_report *r)
{
	size_t i;

	open_(w, "forums", '[');
	for (i = 0; i < r->nforums; i++) {
		open_(w, NULL, '{');
		str(w, "name", r->forums[i].name);
		num(w, "posts", r->forums[i].posts);
		num(w, "new_threads", r->forums[i].threads);
		num(w, "people", r->forums[i].people);
		close_(w, '}');
	}
	close_(w, ']');
	open_(w, "threads", '[');
	for (i = 0; i < r->nthreads; i++) {
		open_(w, NULL, '{');
		str(w, "title", r->threads[i].title);
		str(w, "forum", r->threads[i].forum);
		num(w, "posts", r->threads[i].posts);
		num(w, "people", r->threads[i].people);
		when(w, "last_post", r->threads[i].last, r->local);
		str(w, "url", r->threads[i].url);
		close_(w, '}');
	}
	close_(w, ']');
	open_(w, "themes", '[');
	for (i = 0; i < r->nthemes; i++) {
		open_(w, NULL, '{');
		str(w, "term", r->themes[i].term);
		num(w, "count", r->themes[i].count);
		num(w, "posts", r->themes[i].posts);
		real(w, "score", r->themes[i].score);
		close_(w, '}');
	}
	close_(w, ']');
}

/* The bins of first replies and the threads nobody answered. */
static void
responsiveness(struct jw *w, const struct lcm_report *r)
{
	size_t i;

	open_(w, "first_response", '{');
	open_(w, "bins", '[');
	for (i = 0; i < LCM_REPORT_BINS; i++) {
		open_(w, NULL, '{');
		str(w, "label", lcm_report_bin_label[i]);
		if (i < LCM_REPORT_BINS - 1)
			real(w, "under_hours", (double)lcm_report_bin_limit[i] / 3600.0);
		else
			str(w, "under_hours", NULL);
		num(w, "threads", r->bins[i]);
		close_(w, '}');
	}
	close_(w, ']');
	num(w, "not_answered", r->waiting);
	close_(w, '}');
	open_(w, "unanswered", '{');
	num(w, "total", r->open_total);
	open_(w, "oldest", '[');
	for (i = 0; i < r->nopen; i++) {
		const struct lcm_report_open *x = &r->open[i];

		open_(w, NULL, '{');
		str(w, "subject", x->subject);
		str(w, "forum", x->forum);
		str(w, "author", x->author);
		when(w, "created", x->created, r->local);
		real(w, "age_hours", floor(x->age_hours * 10 + 0.5) / 10);
		boolean(w, "question", x->question);
		num(w, "replies", x->replies);
		str(w, "url", x->url);
		close_(w, '}');
	}
	close_(w, ']');
	close_(w, '}');
}

/* A learner to nudge, or to praise. */
static void
person(struct jw *w, const struct lcm_report_person *p, int local, int praise)
{
	open_(w, NULL, '{');
	str(w, "person", p->person);
	str(w, "name", p->name);
	str(w, "cohort", p->cohort);
	if (praise) {
		num(w, "answers_given", p->answers);
		num(w, "accepted", p->accepted);
		num(w, "replies_received", p->received);
		num(w, "peers", p->peers);
	} else {
		str(w, "status", p->status);
		str(w, "reasons", p->reasons);
		when(w, "last_seen", p->last_seen, local);
	}
	close_(w, '}');
}

/* Who to nudge, who to praise, the reply network. */
static void
persons(struct jw *w, const struct lcm_report *r)
{
	size_t i;

	open_(w, "at_risk", '{');
	real(w, "total", r->at_risk.now);
	open_(w, "learners", '[');
	for (i = 0; i < r->nat_risk; i++)
		person(w, &r->at_risk_list[i], r->local, 0);
	close_(w, ']');
	close_(w, '}');
	open_(w, "praise", '[');
	for (i = 0; i < r->npraise; i++)
		person(w, &r->praise[i], r->local, 1);
	close_(w, ']');
	open_(w, "network", '{');
	real(w, "density", r->has_network ? r->density : NAN);
	real(w, "reciprocity", r->has_network ? r->reciprocity : NAN);
	real(w, "centralisation", r->has_network ? r->centralisation : NAN);
	if (r->has_network)
		num(w, "isolates", r->isolates);
	else
		str(w, "isolates", NULL);
	real(w, "staff_share", r->has_network ? r->staff_share : NAN);
	close_(w, '}');
}

/* Section 7, when lcm-nudge wrote to the store. */
static void
nudges(struct jw *w, const struct lcm_report *r)
{
	size_t i;

	if (!r->has_nudges)
		return;
	open_(w, "nudges", '{');
	num(w, "window_days", r->nudges_window / 86400);
	open_(w, "templates", '[');
	for (i = 0; i < r->nnudges; i++) {
		const struct lcm_report_nudge *x = &r->nudges[i];

		open_(w, NULL, '{');
		str(w, "template", x->template);
		num(w, "sent", x->sent);
		open_(w, "nudged", '{');
		num(w, "size", x->nudged_size);
		num(w, "came_back", x->nudged_back);
		real(w, "rate", x->nudged_rate);
		real(w, "median_days", x->nudged_days);
		close_(w, '}');
		open_(w, "comparison", '{');
		num(w, "size", x->comparison_size);
		num(w, "came_back", x->comparison_back);
		real(w, "rate", x->comparison_rate);
		real(w, "median_days", x->comparison_days);
		close_(w, '}');
		close_(w, '}');
	}
	close_(w, ']');
	close_(w, '}');
}

/* Section 8, when learners asked questions in the period. */
static void
needs(struct jw *w, const struct lcm_report *r)
{
	size_t i;

	if (!r->needs_questions)
		return;
	open_(w, "needs", '{');
	num(w, "questions", r->needs_questions);
	num(w, "periods_before", r->needs_periods);
	boolean(w, "catalogue", r->has_catalogue);
	open_(w, "themes", '[');
	for (i = 0; i < r->nneeds; i++) {
		const struct lcm_report_need *x = &r->needs[i];

		open_(w, NULL, '{');
		str(w, "theme", x->theme);
		num(w, "questions", x->questions);
		real(w, "before", x->before);
		boolean(w, "rising", x->rising);
		num(w, "unanswered", x->unanswered);
		real(w, "unanswered_share", x->unanswered_share);
		real(w, "first_answer_median_h", x->answer_median_h);
		str(w, "bricks", x->bricks);
		boolean(w, "no_brick", x->no_brick);
		close_(w, '}');
	}
	close_(w, ']');
	close_(w, '}');
}

/* Section 9: whom to congratulate (whole community). */
static void
recognition(struct jw *w, const struct lcm_report *r)
{
	size_t i;

	if (!r->has_recognition)
		return;
	open_(w, "contributions", '[');
	for (i = 0; i < r->ncontributions; i++) {
		const struct lcm_report_contribution *x = &r->contributions[i];

		open_(w, NULL, '{');
		str(w, "person", x->person);
		str(w, "name", x->name);
		when(w, "created", x->created, r->local);
		real(w, "score", x->score);
		str(w, "reasons", x->reasons);
		str(w, "subject", x->subject);
		str(w, "excerpt", x->excerpt);
		str(w, "url", x->url);
		close_(w, '}');
	}
	close_(w, ']');
	open_(w, "milestones", '[');
	for (i = 0; i < r->nmilestones; i++) {
		const struct lcm_report_milestone *x = &r->milestones[i];

		open_(w, NULL, '{');
		str(w, "person", x->person);
		str(w, "name", x->name);
		str(w, "course", x->course);
		str(w, "milestone", x->milestone);
		num(w, "value", x->value);
		when(w, "at", x->at, r->local);
		close_(w, '}');
	}
	close_(w, ']');
}

/* Section 10: who knows what (the store's expertise map, whole community). */
static void
experts(struct jw *w, const struct lcm_report *r)
{
	size_t i, k;

	if (!r->nknown)
		return;
	open_(w, "experts", '{');
	num(w, "themes", (int64_t)r->known_themes);
	open_(w, "top", '[');
	for (i = 0; i < r->nknown; i++) {
		const struct lcm_report_known *x = &r->known[i];

		open_(w, NULL, '{');
		str(w, "theme", x->theme);
		num(w, "threads", x->threads);
		num(w, "learners", x->people);
		real(w, "evidence", x->evidence);
		open_(w, "best", '[');
		for (k = 0; k < x->nexperts; k++) {
			const struct lcm_report_expert *p = &x->experts[k];

			open_(w, NULL, '{');
			num(w, "rank", p->rank);
			str(w, "person", p->person);
			str(w, "name", p->name);
			num(w, "answers", p->answers);
			num(w, "accepted", p->accepted);
			num(w, "thanks", p->thanks);
			real(w, "score", p->score);
			close_(w, '}');
		}
		close_(w, ']');
		close_(w, '}');
	}
	close_(w, ']');
	close_(w, '}');
}

void
lcm_report_json(const struct lcm_report *r, struct lcm_buf *out)
{
	struct jw w = { out, 0, 1 };
	size_t i;

	lcm_buf_addc(out, '{');
	w.depth = 1;
	str(&w, "title", r->title);
	str(&w, "split", r->split);
	str(&w, "group", r->group);
	open_(&w, "period", '{');
	when(&w, "since", r->since, r->local);
	when(&w, "until", r->until, r->local);
	when(&w, "previous_since", r->prev_since, r->local);
	when(&w, "previous_until", r->prev_until, r->local);
	close_(&w, '}');
	num(&w, "learners", r->members);
	headline(&w, r);
	weeks(&w, r);
	talk(&w, r);
	responsiveness(&w, r);
	persons(&w, r);
	open_(&w, "resources", '{');
	num(&w, "events", r->events);
	open_(&w, "top", '[');
	for (i = 0; i < r->nresources; i++) {
		open_(&w, NULL, '{');
		str(&w, "name", r->resources[i].name);
		num(&w, "events", r->resources[i].events);
		num(&w, "people", r->resources[i].people);
		close_(&w, '}');
	}
	close_(&w, ']');
	close_(&w, '}');
	nudges(&w, r);
	needs(&w, r);
	recognition(&w, r);
	experts(&w, r);
	w.depth = 0;
	lcm_buf_adds(out, "\n}\n");
}
