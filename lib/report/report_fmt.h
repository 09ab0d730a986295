/*
 * report_fmt.h - what the four writers of a report share: the headline
 * items, numbers, times and changes in words, escaping for HTML, JSON
 * and Markdown, display widths, links. Internal to lib/report*.c.
 */
#ifndef LCM_REPORT_FMT_H
#define LCM_REPORT_FMT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "report.h"

/* What a headline figure is, for its value and its change in words. */
enum lcm_report_kind {
	LCM_KIND_COUNT,	/* "22", change "+2" */
	LCM_KIND_SHARE,	/* 0..1: "68%", change "+5 pts" */
	LCM_KIND_HOURS	/* "29 min", "5.2 h", change "-0.3 h" */
};

/* Which way is good news. */
enum lcm_report_better { LCM_BETTER_UP, LCM_BETTER_DOWN };

struct lcm_report_item {
	const char *key;	/* JSON name: "active_learners" */
	const char *label;	/* "Active learners" */
	const char *help;	/* one line: what it counts */
	enum lcm_report_kind kind;
	enum lcm_report_better better;
	size_t off;		/* offsetof(struct lcm_report, figure) */
};

#define LCM_REPORT_ITEMS 8
extern const struct lcm_report_item lcm_report_items[LCM_REPORT_ITEMS];

/* The figure of item it in r (borrowed). */
const struct lcm_report_figure *lcm_report_item_figure(const struct lcm_report *r,
						       const struct lcm_report_item *it);

/* A value of kind in words into out (size >= 32): "22", "68%", "29 min";
 * "-" when NaN. Returns out. */
char *lcm_report_value(double v, enum lcm_report_kind kind, char *out);

/*
 * The change of f in words into out (size >= 48): "+2 (+10%)", "-5 pts",
 * "+0.3 h", "no change", "-" when either side is NaN. *good is 1 when it
 * is good news, -1 bad, 0 neither. Returns out.
 */
char *lcm_report_change(const struct lcm_report_figure *f, const struct lcm_report_item *it,
			int *good, char *out);

/* "s" unless n is 1: "%lld learner%s". */
const char *lcm_report_plural(int64_t n);

/* d with at most places decimals, trailing zeros cut, never "-0";
 * "-" when NaN (out: size >= 32). Returns out. */
char *lcm_report_num(double d, int places, char *out);

/* Hours as people say them: "45 min", "5.2 h", "3.4 d"; "-" when NaN. */
char *lcm_report_hours(double h, char *out);

/* "23 Nov 2026" and "23 Nov 2026, 09:00" of t, in the local zone when
 * local, else UTC (out: size >= 48). Return out. */
char *lcm_report_date(int64_t t, int local, char *out);
char *lcm_report_datetime(int64_t t, int local, char *out);

/* "5 Oct" of a day number (days since 1970-01-01). Returns out (>= 32). */
char *lcm_report_day(int64_t day, char *out);

/* ISO 8601 of t: local with its offset when local, else UTC (out >= 32). */
char *lcm_report_iso(int64_t t, int local, char *out);

/* "The whole community", "Manager: ann@example.org", "Cohort: none"
 * into b (emptied first): what the report covers. */
void lcm_report_scope_name(const struct lcm_report *r, struct lcm_buf *b);

/* A person of the recognition section as named: their name, else their
 * id; a milestone's who: the person, else the course it is about. */
const char *lcm_report_named(const char *person, const char *name);
const char *lcm_report_milestone_who(const struct lcm_report_milestone *m);

/* The period's dates as every format prints them: "1 Oct 2026", its end
 * with the time, its length in days, and the period before. */
struct lcm_report_period {
	char since[48], until[48], days[32], prev_since[48], prev_until[48];
};
void lcm_report_period_text(const struct lcm_report *r, struct lcm_report_period *p);

/* What a reason code (as lcm_engage_reasons writes it) means; NULL if
 * unknown. "inactive:39d" means "inactive". */
const char *lcm_report_reason_help(const char *code);

/*
 * Appends s with the special characters of the target escaped: every
 * one of them also drops controls (but tab and newline as a space) and
 * writes bad UTF-8 as U+FFFD, so learner text can break nothing.
 *   html: & < > " ' as references;
 *   json: a JSON string with its quotes (RFC 8259);
 *   md:   a table cell's inline text: \ ` * _ [ ] | ~ backslashed, < > &
 *         as references (so no tag, link, code or cell can start);
 *   text: one line, as is.
 */
void lcm_report_esc_html(struct lcm_buf *b, const char *s);
void lcm_report_esc_json(struct lcm_buf *b, const char *s);
void lcm_report_esc_md(struct lcm_buf *b, const char *s);
void lcm_report_esc_text(struct lcm_buf *b, const char *s);

/* Display width of UTF-8 s in terminal cells (wide East Asian 2,
 * combining marks 0). */
size_t lcm_report_width(const char *s);

/*
 * Appends s (made one line, as lcm_report_esc_text) cut to at most width
 * cells, ending with "…" when cut; with pad, spaces up to width.
 */
void lcm_report_fit(struct lcm_buf *b, const char *s, size_t width, int pad);

/* Appends a sparkline of the n values: one of ▁▂▃▄▅▆▇█ each, ▁ for 0,
 * scaled to the largest. */
void lcm_report_spark(struct lcm_buf *b, const int64_t *v, size_t n);

/* Appends a bar of v out of max in at most width cells, in eighths of
 * a cell (█ and ▏▎▍▌▋▊▉); nothing for 0, at least ▏ for more. */
void lcm_report_bar(struct lcm_buf *b, int64_t v, int64_t max, size_t width);

/*
 * The link of a thread: tpl with {thread} {post} {course} {forum}
 * replaced by the values, percent-encoded (NULL values are empty).
 * NULL when tpl is NULL or the result is not an http(s) URL, so no
 * "javascript:" link can come from the data. Owned by the caller.
 */
char *lcm_report_url(const char *tpl, const char *thread, const char *post,
		     const char *course, const char *forum);

#endif
