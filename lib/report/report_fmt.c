/* report_fmt.c - numbers, times, changes and escaping for the report writers: see report_fmt.h. */
#include "report_fmt.h"

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "render.h"
#include "timefmt.h"
#include "xalloc.h"

#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */
#define ELLIPSIS "\xe2\x80\xa6"		/* U+2026 */

const struct lcm_report_item lcm_report_items[LCM_REPORT_ITEMS] = {
	{ "active_learners", "Active learners",
	  "learners who posted or did anything on the platform",
	  LCM_KIND_COUNT, LCM_BETTER_UP, offsetof(struct lcm_report, active) },
	{ "posts", "Posts", "messages posted, replies included",
	  LCM_KIND_COUNT, LCM_BETTER_UP, offsetof(struct lcm_report, posts) },
	{ "new_threads", "New threads", "discussions opened",
	  LCM_KIND_COUNT, LCM_BETTER_UP, offsetof(struct lcm_report, new_threads) },
	{ "response_rate", "Response rate",
	  "new threads that got a reply from someone else",
	  LCM_KIND_SHARE, LCM_BETTER_UP, offsetof(struct lcm_report, response_rate) },
	{ "first_response_median", "First response, median",
	  "time from a new thread to its first reply by someone else",
	  LCM_KIND_HOURS, LCM_BETTER_DOWN, offsetof(struct lcm_report, ttfr_median_h) },
	{ "first_response_p90", "First response, 9 in 10",
	  "nine answered threads in ten had a reply within this time",
	  LCM_KIND_HOURS, LCM_BETTER_DOWN, offsetof(struct lcm_report, ttfr_p90_h) },
	{ "unanswered_share", "Still unanswered",
	  "new threads by learners with no reply from anyone else yet",
	  LCM_KIND_SHARE, LCM_BETTER_DOWN, offsetof(struct lcm_report, unanswered_share) },
	{ "at_risk", "Learners to nudge",
	  "at risk, inactive or never seen, as lcm-engage --at-risk",
	  LCM_KIND_COUNT, LCM_BETTER_DOWN, offsetof(struct lcm_report, at_risk) },
};

const int64_t lcm_report_bin_limit[LCM_REPORT_BINS - 1] = {
	3600, 4 * 3600, 12 * 3600, 24 * 3600, 48 * 3600, 7 * 24 * 3600
};

const char *const lcm_report_bin_label[LCM_REPORT_BINS] = {
	"< 1 h", "1-4 h", "4-12 h", "12-24 h", "1-2 d", "2-7 d", "> 7 d"
};

const struct lcm_report_figure *
lcm_report_item_figure(const struct lcm_report *r, const struct lcm_report_item *it)
{
	return (const struct lcm_report_figure *)(const void *)((const char *)r + it->off);
}

const char *
lcm_report_plural(int64_t n)
{
	return n == 1 ? "" : "s";
}

char *
lcm_report_num(double d, int places, char *out)
{
	char *end;

	if (isnan(d)) {
		snprintf(out, 32, "-");
		return out;
	}
	snprintf(out, 32, "%.*f", places, d);
	if (strchr(out, '.')) {
		end = out + strlen(out);
		while (end[-1] == '0')
			*--end = '\0';
		if (end[-1] == '.')
			*--end = '\0';
	}
	if (strcmp(out, "-0") == 0)
		snprintf(out, 32, "0");
	return out;
}

char *
lcm_report_hours(double h, char *out)
{
	char n[32];
	double m;

	if (isnan(h)) {
		snprintf(out, 32, "-");
		return out;
	}
	m = floor(h * 60 + 0.5);
	if (m < 1)
		snprintf(out, 32, "< 1 min");
	else if (m < 60)
		snprintf(out, 32, "%.0f min", m);
	else if (h < 48)
		snprintf(out, 32, "%s h", lcm_report_num(h, 1, n));
	else
		snprintf(out, 32, "%s d", lcm_report_num(h / 24, 1, n));
	return out;
}

char *
lcm_report_value(double v, enum lcm_report_kind kind, char *out)
{
	if (isnan(v)) {
		snprintf(out, 32, "-");
		return out;
	}
	switch (kind) {
	case LCM_KIND_SHARE:
		snprintf(out, 32, "%.0f%%", floor(v * 100 + 0.5));
		return out;
	case LCM_KIND_HOURS:
		return lcm_report_hours(v, out);
	default:
		return lcm_report_num(v, 0, out);
	}
}

char *
lcm_report_change(const struct lcm_report_figure *f, const struct lcm_report_item *it,
		  int *good, char *out)
{
	double d = f->now - f->before, a = fabs(d);
	char n[32];
	int sign;

	*good = 0;
	if (isnan(d)) {
		snprintf(out, 48, "-");
		return out;
	}
	switch (it->kind) {
	case LCM_KIND_SHARE:
		a = floor(a * 100 + 0.5);
		snprintf(out, 48, "%s%.0f pts", d < 0 ? "-" : "+", a);
		break;
	case LCM_KIND_HOURS:
		a = floor(a * 60 + 0.5) / 60;
		snprintf(out, 48, "%s%s", d < 0 ? "-" : "+", lcm_report_hours(a, n));
		break;
	default:
		if (f->before > 0)
			snprintf(out, 48, "%s%.0f (%s%.0f%%)", d < 0 ? "-" : "+", a,
				 d < 0 ? "-" : "+", floor(a / f->before * 100 + 0.5));
		else
			snprintf(out, 48, "%s%.0f", d < 0 ? "-" : "+", a);
		break;
	}
	if (a == 0) {
		snprintf(out, 48, "no change");
		return out;
	}
	sign = d > 0 ? 1 : -1;
	*good = it->better == LCM_BETTER_UP ? sign : -sign;
	return out;
}

static const char *const months[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

/* The calendar time of t, local or UTC; 0, or -1 when out of range. */
static int
calendar(int64_t t, int local, struct tm *tm)
{
	time_t tt = (time_t)t;

	if ((int64_t)tt != t)
		return -1;
	return (local ? localtime_r(&tt, tm) : gmtime_r(&tt, tm)) ? 0 : -1;
}

char *
lcm_report_date(int64_t t, int local, char *out)
{
	struct tm tm;

	if (calendar(t, local, &tm) < 0)
		snprintf(out, 48, "?");
	else
		snprintf(out, 48, "%d %s %d", tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900);
	return out;
}

char *
lcm_report_datetime(int64_t t, int local, char *out)
{
	struct tm tm;
	char zone[16] = "UTC";

	if (calendar(t, local, &tm) < 0) {
		snprintf(out, 48, "?");
		return out;
	}
	if (local && strftime(zone, sizeof(zone), "%Z", &tm) == 0)
		snprintf(zone, sizeof(zone), "local");
	snprintf(out, 48, "%d %s %d, %02d:%02d %s", tm.tm_mday, months[tm.tm_mon],
		 tm.tm_year + 1900, tm.tm_hour, tm.tm_min, zone);
	return out;
}

char *
lcm_report_day(int64_t day, char *out)
{
	struct tm tm;

	if (calendar(day * 86400, 0, &tm) < 0)
		snprintf(out, 32, "?");
	else
		snprintf(out, 32, "%d %s", tm.tm_mday, months[tm.tm_mon]);
	return out;
}

char *
lcm_report_iso(int64_t t, int local, char *out)
{
	return local ? lcm_time_format_local(t, out) : lcm_time_format_utc(t, out);
}

const char *
lcm_report_named(const char *person, const char *name)
{
	return name ? name : person ? person : "";
}

const char *
lcm_report_milestone_who(const struct lcm_report_milestone *m)
{
	return m->person ? lcm_report_named(m->person, m->name) : m->course ? m->course : "";
}

void
lcm_report_period_text(const struct lcm_report *r, struct lcm_report_period *p)
{
	lcm_report_date(r->since, r->local, p->since);
	lcm_report_datetime(r->until, r->local, p->until);
	lcm_report_num((double)(r->until - r->since) / 86400.0, 1, p->days);
	lcm_report_date(r->prev_since, r->local, p->prev_since);
	lcm_report_date(r->prev_until, r->local, p->prev_until);
}

void
lcm_report_scope_name(const struct lcm_report *r, struct lcm_buf *b)
{
	lcm_buf_reset(b);
	if (!r->split)
		lcm_buf_adds(b, "The whole community");
	else
		lcm_buf_printf(b, "%c%s: %s", r->split[0] - 'a' + 'A', r->split + 1,
			       r->group ? r->group : "none");
}

const char *
lcm_report_reason_help(const char *code)
{
	static const char *const help[][2] = {
		{ "inactive", "no activity at all for that many days" },
		{ "declining", "activity of the last two weeks under half of the two before" },
		{ "isolated", "posts, but no exchange with anyone" },
		{ "unanswered", "asked a question that no peer answered within 48 hours" },
		{ "lurker", "uses the platform but never posts" },
		{ "behind", "completed fewer items than most of the cohort" },
		{ "not-enough-data", "too few active people in the cohort to compare" },
	};
	size_t i, n;

	for (i = 0; i < sizeof(help) / sizeof(*help); i++) {
		n = strlen(help[i][0]);
		if (strncmp(code, help[i][0], n) == 0 && (code[n] == '\0' || code[n] == ':'))
			return help[i][1];
	}
	return NULL;
}

/*
 * Decodes the UTF-8 character at s into *cp and returns its length; an
 * invalid sequence gives *cp = -1 and the length of its valid prefix
 * (at least 1), overlong forms and surrogates included.
 */
static size_t
utf8(const unsigned char *s, long *cp)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t n, i;
	long v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		v = c & 0x0f;
		lo = c == 0xe0 ? 0xa0 : 0x80;
		hi = c == 0xed ? 0x9f : 0xbf;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		v = c & 0x07;
		lo = c == 0xf0 ? 0x90 : 0x80;
		hi = c == 0xf4 ? 0x8f : 0xbf;
	} else {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xbf)) {
			*cp = -1;
			return i;
		}
		v = v << 6 | (s[i] & 0x3f);
	}
	*cp = v;
	return n;
}

/* Characters no report shows: controls, bidi overrides, noncharacters. */
static int
hidden(long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x202a && cp <= 0x202e) ||
		(cp >= 0x2066 && cp <= 0x2069) || cp == 0xfffe || cp == 0xffff;
}

/*
 * The one walk behind every escaper: calls out(b, bytes, n, cp) for each
 * character of s to show, a space for a run of white space controls,
 * U+FFFD for bad UTF-8; other hidden characters are dropped.
 */
static void
walk(struct lcm_buf *b, const char *s, void (*out)(struct lcm_buf *, const char *, size_t, long))
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n;
	long cp;

	while (*p) {
		n = utf8(p, &cp);
		if (cp == '\t' || cp == '\n' || cp == '\r') {
			while (*p == '\t' || *p == '\n' || *p == '\r')
				p++;
			out(b, " ", 1, ' ');
			continue;
		}
		if (cp < 0)
			out(b, REPLACEMENT, 3, 0xfffd);
		else if (!hidden(cp))
			out(b, (const char *)p, n, cp);
		p += n;
	}
}

/* One character of walk() as HTML text or attribute value. */
static void
out_html(struct lcm_buf *b, const char *s, size_t n, long cp)
{
	switch (cp) {
	case '&': lcm_buf_adds(b, "&amp;"); break;
	case '<': lcm_buf_adds(b, "&lt;"); break;
	case '>': lcm_buf_adds(b, "&gt;"); break;
	case '"': lcm_buf_adds(b, "&quot;"); break;
	case '\'': lcm_buf_adds(b, "&#39;"); break;
	default: lcm_buf_add(b, s, n); break;
	}
}

/* One character of walk() inside a JSON string. */
static void
out_json(struct lcm_buf *b, const char *s, size_t n, long cp)
{
	if (cp == '"' || cp == '\\')
		lcm_buf_printf(b, "\\%c", (char)cp);
	else if (cp == 0x2028 || cp == 0x2029)
		lcm_buf_printf(b, "\\u%04lx", cp);
	else
		lcm_buf_add(b, s, n);
}

/* One character of walk() in a Markdown table cell. */
static void
out_md(struct lcm_buf *b, const char *s, size_t n, long cp)
{
	if (cp == '<')
		lcm_buf_adds(b, "&lt;");
	else if (cp == '>')
		lcm_buf_adds(b, "&gt;");
	else if (cp == '&')
		lcm_buf_adds(b, "&amp;");
	else if (cp < 0x80 && cp > 0 && strchr("\\`*_[]|~", (int)cp))
		lcm_buf_printf(b, "\\%c", (char)cp);
	else
		lcm_buf_add(b, s, n);
}

/* One character of walk() as it is. */
static void
out_text(struct lcm_buf *b, const char *s, size_t n, long cp)
{
	(void)cp;
	lcm_buf_add(b, s, n);
}

void
lcm_report_esc_html(struct lcm_buf *b, const char *s)
{
	walk(b, s, out_html);
}

void
lcm_report_esc_json(struct lcm_buf *b, const char *s)
{
	lcm_buf_addc(b, '"');
	walk(b, s, out_json);
	lcm_buf_addc(b, '"');
}

void
lcm_report_esc_md(struct lcm_buf *b, const char *s)
{
	walk(b, s, out_md);
}

void
lcm_report_esc_text(struct lcm_buf *b, const char *s)
{
	walk(b, s, out_text);
}

/* Terminal cells of code point cp (a simple wcwidth: no locale needed). */
static size_t
cp_width(long cp)
{
	if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	    (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	    (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xfe20 && cp <= 0xfe2f) ||
	    (cp >= 0x200b && cp <= 0x200f))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
	    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd))
		return 2;
	return 1;
}

size_t
lcm_report_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t w = 0, n;
	long cp;

	while (*p) {
		n = utf8(p, &cp);
		w += cp < 0 ? 1 : cp_width(cp);
		p += n;
	}
	return w;
}

void
lcm_report_fit(struct lcm_buf *b, const char *s, size_t width, int pad)
{
	struct lcm_buf one;
	const unsigned char *p;
	size_t w = 0, n, cw, cut = 0, cutw = 0;
	long cp;

	lcm_buf_init(&one);
	lcm_report_esc_text(&one, s);
	p = (const unsigned char *)one.data;
	if (lcm_report_width(one.data) <= width) {
		lcm_buf_adds(b, one.data);
		w = lcm_report_width(one.data);
	} else {
		/* keep what fits with room for the "…" */
		while (*p) {
			n = utf8(p, &cp);
			cw = cp < 0 ? 1 : cp_width(cp);
			if (w + cw + 1 > width)
				break;
			w += cw;
			p += n;
			cut = (size_t)((const char *)p - one.data);
			cutw = w;
		}
		lcm_buf_add(b, one.data, cut);
		if (width > 0) {
			lcm_buf_adds(b, ELLIPSIS);
			cutw++;
		}
		w = cutw;
	}
	while (pad && w++ < width)
		lcm_buf_addc(b, ' ');
	lcm_buf_release(&one);
}

void
lcm_report_spark(struct lcm_buf *b, const int64_t *v, size_t n)
{
	static const char *const level[] = {
		"\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
		"\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88"
	};
	int64_t max = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] > max)
			max = v[i];
	for (i = 0; i < n; i++) {
		/* 0 is the lowest block; anything else at least the second */
		int k = v[i] <= 0 || max == 0 ? 0 :
			1 + (int)floor((double)v[i] / (double)max * 6 + 0.5);

		lcm_buf_adds(b, level[k > 7 ? 7 : k]);
	}
}

void
lcm_report_bar(struct lcm_buf *b, int64_t v, int64_t max, size_t width)
{
	static const char *const part[] = {
		"", "\xe2\x96\x8f", "\xe2\x96\x8e", "\xe2\x96\x8d", "\xe2\x96\x8c",
		"\xe2\x96\x8b", "\xe2\x96\x8a", "\xe2\x96\x89"
	};
	int64_t eighths;

	if (v <= 0 || max <= 0)
		return;
	eighths = (int64_t)floor((double)v / (double)max * (double)width * 8 + 0.5);
	if (eighths < 1)
		eighths = 1;
	for (; eighths >= 8; eighths -= 8)
		lcm_buf_adds(b, "\xe2\x96\x88");
	lcm_buf_adds(b, part[eighths]);
}

char *
lcm_report_url(const char *tpl, const char *thread, const char *post,
	       const char *course, const char *forum)
{
	char *u;

	if (!tpl)
		return NULL;
	u = lcm_url_expand(tpl, thread, post, course, forum);
	if (strncasecmp(u, "http://", 7) != 0 && strncasecmp(u, "https://", 8) != 0) {
		free(u);
		return NULL;
	}
	return u;
}
