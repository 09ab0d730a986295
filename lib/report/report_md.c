/*
 * report_md.c - a report as GitHub-flavoured Markdown, for a chat or a
 * wiki: see report.h. Tables are GFM tables, series are Unicode
 * sparklines in code spans; learner text is escaped so that no title
 * can open a link, a table cell or an HTML tag.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_experts.h"
#include "report_fmt.h"
#include "xalloc.h"

/* Appends learner text, escaped for a table cell. */
static void
esc(struct lcm_buf *b, const char *s)
{
	lcm_report_esc_md(b, s);
}

/* A link target inside (...): what could end it, percent-encoded. */
static void
md_url(struct lcm_buf *b, const char *url)
{
	for (; *url; url++) {
		if (strchr("()<> \\", *url))
			lcm_buf_printf(b, "%%%02X", (unsigned char)*url);
		else
			lcm_buf_addc(b, *url);
	}
}

/* text as a link to url, or plain when url is NULL. */
static void
linked(struct lcm_buf *b, const char *text, const char *url)
{
	if (!url) {
		esc(b, text);
		return;
	}
	lcm_buf_addc(b, '[');
	esc(b, text);
	lcm_buf_adds(b, "](");
	md_url(b, url);
	lcm_buf_addc(b, ')');
}

/* A person as the report names them: their name, else their id (borrowed). */
static const char *
who(const struct lcm_report_person *p)
{
	return p->name ? p->name : p->person;
}

/* The title, what the report covers and its period. */
static void
title(struct lcm_buf *b, const struct lcm_report *r)
{
	struct lcm_buf scope;
	struct lcm_report_period p;

	lcm_buf_init(&scope);
	lcm_report_period_text(r, &p);
	lcm_report_scope_name(r, &scope);
	lcm_buf_adds(b, "# ");
	esc(b, r->title);
	lcm_buf_adds(b, "\n\n**");
	esc(b, scope.data);
	lcm_buf_printf(b, "**, %lld learner%s  \n", (long long)r->members,
		       lcm_report_plural(r->members));
	lcm_buf_printf(b, "%s to %s (%s days), compared with %s to %s\n",
		       p.since, p.until, p.days, p.prev_since, p.prev_until);
	lcm_buf_release(&scope);
}

/* Section 1: a table of the headline figures and their changes. */
static void
headline(struct lcm_buf *b, const struct lcm_report *r)
{
	const struct lcm_report_item *it;
	const struct lcm_report_figure *f;
	char now[32], before[32], change[48];
	size_t i;
	int good;

	lcm_buf_adds(b, "\n## Headline\n\n| | This period | Before | Change |\n"
		     "|---|---:|---:|---|\n");
	for (i = 0; i < LCM_REPORT_ITEMS; i++) {
		it = &lcm_report_items[i];
		f = lcm_report_item_figure(r, it);
		lcm_report_change(f, it, &good, change);
		lcm_buf_printf(b, "| %s | %s | %s | %s%s |\n", it->label,
			       lcm_report_value(f->now, it->kind, now),
			       lcm_report_value(f->before, it->kind, before),
			       good > 0 ? "\xe2\x9c\x85 " : good < 0 ? "\xe2\x9a\xa0\xef\xb8\x8f " : "",
			       change);
	}
}

/* "`▁▂▇`" of one field of the weeks. */
static void
spark(struct lcm_buf *b, const struct lcm_report *r, size_t off)
{
	int64_t *v = lcm_xreallocarray(NULL, r->nweeks ? r->nweeks : 1, sizeof(*v));
	size_t i;

	for (i = 0; i < r->nweeks; i++)
		v[i] = *(const int64_t *)(const void *)((const char *)&r->weeks[i] + off);
	lcm_buf_addc(b, '`');
	lcm_report_spark(b, v, r->nweeks);
	lcm_buf_addc(b, '`');
	free(v);
}

/* The first cell of a weekly row: the week of, marked when not over. */
static void
week_cell(struct lcm_buf *b, const struct lcm_report_week *w)
{
	char d[32];

	lcm_buf_printf(b, "| %s%s ", lcm_report_day(w->monday, d), w->partial ? " (to date)" : "");
}

/* Section 2: sparklines and the weekly table. */
static void
weeks(struct lcm_buf *b, const struct lcm_report *r)
{
	size_t i;

	lcm_buf_adds(b, "\n## Activity by week\n\n");
	if (!r->nweeks)
		return;
	lcm_buf_adds(b, "Posts ");
	spark(b, r, offsetof(struct lcm_report_week, posts));
	lcm_buf_adds(b, " \xc2\xb7 new threads ");
	spark(b, r, offsetof(struct lcm_report_week, threads));
	lcm_buf_adds(b, " \xc2\xb7 active learners ");
	spark(b, r, offsetof(struct lcm_report_week, active));
	lcm_buf_adds(b, "\n\n| Week of | Posts | New threads | Active learners |\n"
		     "|---|---:|---:|---:|\n");
	for (i = 0; i < r->nweeks; i++) {
		week_cell(b, &r->weeks[i]);
		lcm_buf_printf(b, "| %lld | %lld | %lld |\n", (long long)r->weeks[i].posts,
			       (long long)r->weeks[i].threads, (long long)r->weeks[i].active);
	}
}

/* Section 3: the mix of new threads, forums, threads, themes. */
static void
talk(struct lcm_buf *b, const struct lcm_report *r)
{
	size_t i;

	lcm_buf_adds(b, "\n## What the community talks about\n\nNew threads by kind: top-down ");
	spark(b, r, offsetof(struct lcm_report_week, topdown));
	lcm_buf_adds(b, " \xc2\xb7 members' questions ");
	spark(b, r, offsetof(struct lcm_report_week, questions));
	lcm_buf_adds(b, " \xc2\xb7 exchange ");
	spark(b, r, offsetof(struct lcm_report_week, exchange));
	lcm_buf_adds(b, "\n\n| Week of | Top-down | Members' questions | Exchange |\n"
		     "|---|---:|---:|---:|\n");
	for (i = 0; i < r->nweeks; i++) {
		week_cell(b, &r->weeks[i]);
		lcm_buf_printf(b, "| %lld | %lld | %lld |\n", (long long)r->weeks[i].topdown,
			       (long long)r->weeks[i].questions, (long long)r->weeks[i].exchange);
	}
	if (r->nforums)
		lcm_buf_adds(b, "\n### Most active forums\n\n| Forum | Posts | New threads |"
			     " People |\n|---|---:|---:|---:|\n");
	for (i = 0; i < r->nforums; i++) {
		lcm_buf_adds(b, "| ");
		esc(b, r->forums[i].name);
		lcm_buf_printf(b, " | %lld | %lld | %lld |\n", (long long)r->forums[i].posts,
			       (long long)r->forums[i].threads, (long long)r->forums[i].people);
	}
	if (r->nthreads)
		lcm_buf_adds(b, "\n### Most active threads\n\n| Thread | Forum | Posts | People |\n"
			     "|---|---|---:|---:|\n");
	for (i = 0; i < r->nthreads; i++) {
		lcm_buf_adds(b, "| ");
		linked(b, r->threads[i].title[0] ? r->threads[i].title : "(no title)",
		       r->threads[i].url);
		lcm_buf_adds(b, " | ");
		esc(b, r->threads[i].forum);
		lcm_buf_printf(b, " | %lld | %lld |\n", (long long)r->threads[i].posts,
			       (long long)r->threads[i].people);
	}
	lcm_buf_adds(b, "\n### Themes\n\n");
	for (i = 0; i < r->nthemes; i++) {
		lcm_buf_adds(b, i ? ", **" : "**");
		esc(b, r->themes[i].term);
		lcm_buf_printf(b, "** (%lld)", (long long)r->themes[i].count);
	}
	lcm_buf_adds(b, r->nthemes ? "\n" : "No word stands out in this period.\n");
}

/* Section 4: first replies in bins, the threads nobody answered. */
static void
responsiveness(struct lcm_buf *b, const struct lcm_report *r)
{
	int64_t max = r->waiting, v;
	char h1[32], h2[32], age[32], when[48];
	size_t i;

	lcm_buf_adds(b, "\n## Responsiveness\n\n| First reply from someone else |"
		     " New threads | |\n|---|---:|---|\n");
	for (i = 0; i < LCM_REPORT_BINS; i++)
		if (r->bins[i] > max)
			max = r->bins[i];
	for (i = 0; i <= LCM_REPORT_BINS; i++) {
		v = i < LCM_REPORT_BINS ? r->bins[i] : r->waiting;
		lcm_buf_printf(b, "| %s | %lld | ", i < LCM_REPORT_BINS ?
			       lcm_report_bin_label[i] : "no reply yet", (long long)v);
		lcm_report_bar(b, v, max, 20);
		lcm_buf_adds(b, " |\n");
	}
	if (isnan(r->ttfr_median_h.now))
		lcm_buf_adds(b, "\nNo new thread of the period had a reply from someone else.\n");
	else
		lcm_buf_printf(b, "\nMedian %s; 9 in 10 within %s.\n",
			       lcm_report_hours(r->ttfr_median_h.now, h1),
			       lcm_report_hours(r->ttfr_p90_h.now, h2));
	lcm_buf_printf(b, "\n### Threads nobody answered (%lld)\n\n", (long long)r->open_total);
	if (!r->nopen) {
		lcm_buf_adds(b, "None.\n");
		return;
	}
	if ((int64_t)r->nopen < r->open_total)
		lcm_buf_printf(b, "The %zu oldest.\n\n", r->nopen);
	lcm_buf_adds(b, "| Waiting | Since | Author | Forum | Thread |\n|---:|---|---|---|---|\n");
	for (i = 0; i < r->nopen; i++) {
		lcm_buf_printf(b, "| %s | %s | ", lcm_report_hours(r->open[i].age_hours, age),
			       lcm_report_date(r->open[i].created, r->local, when));
		esc(b, r->open[i].author);
		lcm_buf_adds(b, " | ");
		esc(b, r->open[i].forum);
		lcm_buf_adds(b, " | ");
		linked(b, r->open[i].subject[0] ? r->open[i].subject : "(no title)", r->open[i].url);
		lcm_buf_adds(b, " |\n");
	}
}

/* Section 5, first part: who to nudge and what their reasons mean. */
static void
at_risk(struct lcm_buf *b, const struct lcm_report *r)
{
	static const char *const codes[] = { "inactive", "declining", "isolated",
		"unanswered", "lurker", "behind", "not-enough-data" };
	struct lcm_buf all;
	char seen[48], n[32], key[32];
	size_t i;

	lcm_buf_printf(b, "\n## People\n\n### Learners to nudge (%s)\n\n",
		       lcm_report_num(r->at_risk.now, 0, n));
	if (!r->nat_risk) {
		lcm_buf_adds(b, "Nobody.\n");
		return;
	}
	if ((double)r->nat_risk < r->at_risk.now)
		lcm_buf_printf(b, "The first %zu; `lcm-engage --at-risk` lists them all.\n\n",
			       r->nat_risk);
	lcm_buf_init(&all);
	lcm_buf_adds(b, "| Learner | Cohort | Status | Last seen | Why |\n|---|---|---|---|---|\n");
	for (i = 0; i < r->nat_risk; i++) {
		const struct lcm_report_person *x = &r->at_risk_list[i];

		lcm_buf_adds(b, "| ");
		esc(b, who(x));
		lcm_buf_adds(b, " | ");
		esc(b, x->cohort ? x->cohort : "");
		lcm_buf_printf(b, " | %s | %s | `%s` |\n", x->status,
			       x->last_seen == INT64_MIN ? "never" :
			       lcm_report_date(x->last_seen, r->local, seen), x->reasons);
		lcm_buf_printf(&all, ";%s", x->reasons);
	}
	lcm_buf_addc(b, '\n');
	for (i = 0; i < sizeof(codes) / sizeof(*codes); i++) {
		snprintf(key, sizeof(key), ";%s", codes[i]);
		if (strstr(all.data, key))
			lcm_buf_printf(b, "- `%s`: %s\n", codes[i], lcm_report_reason_help(codes[i]));
	}
	lcm_buf_release(&all);
}

/* Section 5, second part: who to praise and the reply network. */
static void
praise(struct lcm_buf *b, const struct lcm_report *r)
{
	char d[32], rc[32], s[32];
	size_t i;

	lcm_buf_adds(b, "\n### To praise, for helping others\n\n");
	if (!r->npraise)
		lcm_buf_adds(b, "Nobody yet.\n");
	else
		lcm_buf_adds(b, "| Learner | Answers | Accepted | Replies received | Peers |\n"
			     "|---|---:|---:|---:|---:|\n");
	for (i = 0; i < r->npraise; i++) {
		lcm_buf_adds(b, "| ");
		esc(b, who(&r->praise[i]));
		lcm_buf_printf(b, " | %lld | %lld | %lld | %lld |\n",
			       (long long)r->praise[i].answers, (long long)r->praise[i].accepted,
			       (long long)r->praise[i].received, (long long)r->praise[i].peers);
	}
	if (!r->has_network)
		return;
	lcm_buf_printf(b, "\n### Reply network\n\n"
		       "- Density: %s of the possible reply links\n"
		       "- Reciprocity: %s of the links go both ways\n"
		       "- Learners who exchanged with nobody: %lld\n"
		       "- Links with staff at one end: %s\n",
		       lcm_report_value(r->density, LCM_KIND_SHARE, d),
		       lcm_report_value(r->reciprocity, LCM_KIND_SHARE, rc),
		       (long long)r->isolates,
		       lcm_report_value(r->staff_share, LCM_KIND_SHARE, s));
}

/* Section 6, when there are events. */
static void
resources(struct lcm_buf *b, const struct lcm_report *r)
{
	size_t i;

	if (!r->events)
		return;
	lcm_buf_printf(b, "\n## Resources and activities\n\n%lld event%s by learners in the"
		       " period%s.\n", (long long)r->events, lcm_report_plural(r->events),
		       r->nresources ? "" : ", none about a resource named in the log");
	if (r->nresources)
		lcm_buf_adds(b, "\n| Resource or activity | Events | Learners |\n|---|---:|---:|\n");
	for (i = 0; i < r->nresources; i++) {
		lcm_buf_adds(b, "| ");
		esc(b, r->resources[i].name);
		lcm_buf_printf(b, " | %lld | %lld |\n", (long long)r->resources[i].events,
			       (long long)r->resources[i].people);
	}
}

/* Section 7, when lcm-nudge wrote to the store. */
static void
nudges(struct lcm_buf *b, const struct lcm_report *r)
{
	char x1[32], x2[32], d1[32], d2[32];
	size_t i;

	if (!r->has_nudges)
		return;
	lcm_buf_printf(b, "\n## Nudges\n\nMessages lcm-nudge sent in the period, and whether the"
		       " persons came back within %lld days, against those flagged but not"
		       " written to (observational, not a trial).\n",
		       (long long)(r->nudges_window / 86400));
	if (!r->nnudges) {
		lcm_buf_adds(b, "\nNo message in the period.\n");
		return;
	}
	lcm_buf_adds(b, "\n| Template | Sent | Came back | Rate | Median days |"
		     " Not sent | Came back | Rate | Median days |\n"
		     "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
	for (i = 0; i < r->nnudges; i++) {
		const struct lcm_report_nudge *x = &r->nudges[i];

		lcm_buf_adds(b, "| ");
		esc(b, x->template);
		lcm_buf_printf(b, " | %lld | %lld | %s | %s | %lld | %lld | %s | %s |\n",
			       (long long)x->sent, (long long)x->nudged_back,
			       lcm_report_value(x->nudged_rate, LCM_KIND_SHARE, x1),
			       lcm_report_num(x->nudged_days, 1, d1),
			       (long long)x->comparison_size, (long long)x->comparison_back,
			       lcm_report_value(x->comparison_rate, LCM_KIND_SHARE, x2),
			       lcm_report_num(x->comparison_days, 1, d2));
	}
}

/* Section 8, when learners asked questions in the period. */
static void
needs(struct lcm_buf *b, const struct lcm_report *r)
{
	char a[32], u[32], h[32];
	size_t i;

	if (!r->needs_questions)
		return;
	lcm_buf_printf(b, "\n## What learners ask about\n\nThe themes of %lld question%s by"
		       " learners in the period, against the %d period%s before.\n",
		       (long long)r->needs_questions, lcm_report_plural(r->needs_questions),
		       r->needs_periods, lcm_report_plural(r->needs_periods));
	if (!r->nneeds) {
		lcm_buf_adds(b, "\nNo theme in two questions or more.\n");
		return;
	}
	lcm_buf_printf(b, "\n| Theme | Questions | Before | Rising | Unanswered | First answer |%s\n"
		       "|---|---:|---:|---|---:|---:|%s\n",
		       r->has_catalogue ? " Bricks |" : "", r->has_catalogue ? "---|" : "");
	for (i = 0; i < r->nneeds; i++) {
		const struct lcm_report_need *x = &r->needs[i];

		lcm_buf_adds(b, "| ");
		esc(b, x->theme);
		lcm_buf_printf(b, " | %lld | %s | %s | %s | %s |", (long long)x->questions,
			       lcm_report_num(x->before, 1, a), x->rising ? "yes" : "",
			       lcm_report_value(x->unanswered_share, LCM_KIND_SHARE, u),
			       lcm_report_hours(x->answer_median_h, h));
		if (r->has_catalogue) {
			lcm_buf_adds(b, " ");
			if (x->no_brick)
				lcm_buf_adds(b, "**no brick**");
			else
				esc(b, x->bricks);
			lcm_buf_adds(b, " |");
		}
		lcm_buf_addc(b, '\n');
	}
}

/* Section 9: whom to congratulate (whole community). */
static void
recognition(struct lcm_buf *b, const struct lcm_report *r)
{
	char v[32];
	size_t i;

	if (!r->has_recognition)
		return;
	lcm_buf_adds(b, "\n## Contributions of the period\n\n");
	if (!r->ncontributions) {
		lcm_buf_adds(b, "No post stands out in the period.\n");
	} else {
		lcm_buf_adds(b, "| Score | By | Why | Excerpt |\n|---:|---|---|---|\n");
		for (i = 0; i < r->ncontributions; i++) {
			const struct lcm_report_contribution *x = &r->contributions[i];

			lcm_buf_printf(b, "| %s | ", lcm_report_num(x->score, 2, v));
			esc(b, lcm_report_named(x->person, x->name));
			lcm_buf_adds(b, " | ");
			esc(b, x->reasons);
			lcm_buf_adds(b, " | ");
			if (x->url)
				lcm_buf_adds(b, "[");
			esc(b, x->excerpt);
			if (x->url) {
				lcm_buf_adds(b, "](");
				lcm_buf_adds(b, x->url);
				lcm_buf_adds(b, ")");
			}
			lcm_buf_adds(b, " |\n");
		}
	}
	lcm_buf_adds(b, "\n## Milestones crossed\n\n");
	if (!r->nmilestones) {
		lcm_buf_adds(b, "No milestone crossed in the period.\n");
		return;
	}
	lcm_buf_adds(b, "| When | Who | Milestone | Count |\n|---|---|---|---:|\n");
	for (i = 0; i < r->nmilestones; i++) {
		const struct lcm_report_milestone *x = &r->milestones[i];

		lcm_buf_printf(b, "| %s | ", lcm_report_datetime(x->at, r->local, v));
		esc(b, lcm_report_milestone_who(x));
		lcm_buf_adds(b, " | ");
		esc(b, x->milestone);
		lcm_buf_printf(b, " | %lld |\n", (long long)x->value);
	}
}

/* Section 10: who knows what (the store's expertise map, whole community). */
static void
experts(struct lcm_buf *b, const struct lcm_report *r)
{
	char v[32];
	size_t i, k;

	if (!r->nknown)
		return;
	lcm_buf_printf(b, "\n## Who knows what\n\nThemes shown: %zu of %zu, those with the most"
		       " evidence. For each, the learners who know it best (at most %d), ranked as"
		       " `lcm-engage --expertise` ranks them. The map is the whole store's, not"
		       " only the period's; staff are left out.\n\n", r->nknown, r->known_themes,
		       LCM_REPORT_EXPERTS_PER_THEME);
	lcm_buf_adds(b, "| Theme | Threads | Rank | Learner | Answers | Accepted | Thanks | Score |\n"
		     "|---|---:|---:|---|---:|---:|---:|---:|\n");
	for (i = 0; i < r->nknown; i++) {
		const struct lcm_report_known *x = &r->known[i];

		for (k = 0; k < x->nexperts; k++) {
			const struct lcm_report_expert *p = &x->experts[k];

			lcm_buf_adds(b, "| ");
			if (!k) {
				esc(b, x->theme);
				lcm_buf_printf(b, " | %lld", (long long)x->threads);
			} else {
				lcm_buf_adds(b, " |");
			}
			lcm_buf_printf(b, " | %d | ", p->rank);
			esc(b, p->name ? p->name : p->person);
			lcm_buf_printf(b, " | %lld | %lld | %lld | %s |\n", (long long)p->answers,
				       (long long)p->accepted, (long long)p->thanks,
				       lcm_report_num(p->score, 2, v));
		}
	}
}

void
lcm_report_md(const struct lcm_report *r, struct lcm_buf *out)
{
	title(out, r);
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
}
