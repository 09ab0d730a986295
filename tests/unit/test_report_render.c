/*
 * test_report_render.c - the four writers of a report (report_text.c,
 * report_md.c, report_html.c with report_svg.c, report_json.c) on a
 * report made by hand, full of text that tries to break out of its
 * place: markup, pipes, controls, very long names.
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
#include <jansson.h>

#include "report_fmt.h"
#include "xalloc.h"

#define NOW 1795424400	/* 2026-11-23T09:00:00Z */
#define EVIL "<script>alert(1)</script>"

static struct lcm_report r;
static struct lcm_buf b;

static char *
dup(const char *s)
{
	return lcm_xstrdup(s);
}

static void
fill(int with_url)
{
	size_t i;

	memset(&r, 0, sizeof(r));
	r.title = dup("Weekly " EVIL);
	r.since = NOW - 7 * 86400;
	r.until = NOW;
	r.prev_since = NOW - 14 * 86400;
	r.prev_until = NOW - 7 * 86400 - 1;
	r.members = 12;
	r.active.now = 10, r.active.before = 8;
	r.posts.now = 30, r.posts.before = 30;
	r.new_threads.now = 6, r.new_threads.before = 9;
	r.response_rate.now = 0.5, r.response_rate.before = NAN;
	r.ttfr_median_h.now = 0.4, r.ttfr_median_h.before = 2;
	r.ttfr_p90_h.now = 30, r.ttfr_p90_h.before = 20;
	r.unanswered_share.now = 0.25, r.unanswered_share.before = 0.5;
	r.at_risk.now = 3, r.at_risk.before = 1;
	r.nweeks = 3;
	r.weeks = lcm_xcalloc(3, sizeof(*r.weeks));
	for (i = 0; i < 3; i++) {
		r.weeks[i].week = 2918 + (int64_t)i;
		r.weeks[i].monday = r.weeks[i].week * 7 - 3;
		r.weeks[i].posts = 10 * (int64_t)i + 3;
		r.weeks[i].threads = (int64_t)i + 1;
		r.weeks[i].active = 5;
		r.weeks[i].topdown = 1;
		r.weeks[i].questions = (int64_t)i;
		r.weeks[i].exchange = 0;
	}
	r.weeks[2].partial = 1;
	r.nforums = 1;
	r.forums = lcm_xcalloc(1, sizeof(*r.forums));
	r.forums[0].name = dup("Caf\xc3\xa9 | des apprenants");
	r.forums[0].posts = 20;
	r.nthreads = 1;
	r.threads = lcm_xcalloc(1, sizeof(*r.threads));
	r.threads[0].title = dup(EVIL " | a title long enough to be cut in a terminal, really"
				 " long, longer than any column\x1b[31m");
	r.threads[0].forum = dup("Questions");
	r.threads[0].url = with_url ? dup("https://lms.example.org/d.php?d=1&x=\"2\"") : NULL;
	r.threads[0].posts = 4;
	r.nthemes = 1;
	r.themes = lcm_xcalloc(1, sizeof(*r.themes));
	r.themes[0].term = dup("sprint");
	r.themes[0].count = 5;
	r.bins[0] = 2;
	r.bins[4] = 1;
	r.waiting = 1;
	r.open_total = 2;
	r.nopen = 1;
	r.open = lcm_xcalloc(1, sizeof(*r.open));
	r.open[0].subject = dup(EVIL);
	r.open[0].forum = dup("Questions");
	r.open[0].author = dup("Ma\xc3\xaftre Corbeau-Renard de la Fontaine des Bois Jolis");
	r.open[0].url = with_url ? dup("https://lms.example.org/d.php?d=9") : NULL;
	r.open[0].created = NOW - 30 * 3600;
	r.open[0].age_hours = 30;
	r.nat_risk = 1;
	r.at_risk_list = lcm_xcalloc(1, sizeof(*r.at_risk_list));
	r.at_risk_list[0].person = dup("45");
	r.at_risk_list[0].name = dup(EVIL);
	r.at_risk_list[0].reasons = dup("inactive:39d;declining;isolated;unanswered;lurker");
	r.at_risk_list[0].status = "inactive";
	r.at_risk_list[0].last_seen = NOW - 39 * 86400;
	r.npraise = 1;
	r.praise = lcm_xcalloc(1, sizeof(*r.praise));
	r.praise[0].person = dup("51");
	r.praise[0].answers = 4;
	r.has_network = 1;
	r.density = 0.1, r.reciprocity = 0.4, r.staff_share = 0.2, r.isolates = 3;
	r.events = 9;
	r.nresources = 1;
	r.resources = lcm_xcalloc(1, sizeof(*r.resources));
	r.resources[0].name = dup("Page: <b>Plan</b>");
	r.resources[0].events = 9;
	r.resources[0].people = 4;
}

static int
setup(void **state)
{
	(void)state;
	fill(0);
	lcm_buf_init(&b);
	return 0;
}

static int
setup_url(void **state)
{
	(void)state;
	fill(1);
	lcm_buf_init(&b);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	lcm_report_release(&r);
	lcm_buf_release(&b);
	return 0;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (; (hay = strstr(hay, needle)); hay += strlen(needle))
		n++;
	return n;
}

static void
test_report_json_parses_with_values(void **state)
{
	json_error_t e;
	json_t *j, *h;

	(void)state;
	lcm_report_json(&r, &b);
	j = json_loads(b.data, 0, &e);
	if (!j)
		fail_msg("line %d: %s", e.line, e.text);
	assert_string_equal(json_string_value(json_object_get(j, "title")), "Weekly " EVIL);
	h = json_object_get(json_object_get(j, "headline"), "response_rate");
	assert_float_equal(json_real_value(json_object_get(h, "now")), 0.5, 1e-12);
	assert_true(json_is_null(json_object_get(h, "before")));
	assert_int_equal(json_array_size(json_object_get(j, "weeks")), 3);
	assert_true(json_is_true(json_object_get(json_array_get(json_object_get(j, "weeks"), 2),
						 "partial")));
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(j,
			    "weeks"), 0), "monday")), "2025-12-01");
	assert_true(json_is_null(json_object_get(json_array_get(json_object_get(j, "threads"), 0),
						 "url")));
	json_decref(j);
}

/* Three charts, three svg; the learner's markup is text. */
static void
test_report_html_charts_and_escaping(void **state)
{
	(void)state;
	lcm_report_html(&r, &b);
	assert_int_equal(count(b.data, "<svg"), 3);
	assert_int_equal(count(b.data, "</svg>"), 3);
	assert_int_equal(count(b.data, "<title id="), 3);
	assert_null(strstr(b.data, "<script"));
	assert_null(strstr(b.data, "<b>"));
	assert_non_null(strstr(b.data, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_null(strstr(b.data, "\x1b"));
	assert_int_equal(strncmp(b.data, "<!DOCTYPE html>", 15), 0);
	assert_non_null(strstr(b.data, "</html>\n"));
}

/* Tables have a caption and column headers, for screen readers. */
static void
test_report_html_tables_are_labelled(void **state)
{
	(void)state;
	lcm_report_html(&r, &b);
	assert_int_equal(count(b.data, "<table>"), count(b.data, "<caption>"));
	assert_true(count(b.data, "<table>") >= 7);
	assert_true(count(b.data, "<th scope=\"col\"") > count(b.data, "<table>"));
}

static void
test_report_html_no_request_without_links(void **state)
{
	(void)state;
	lcm_report_html(&r, &b);
	assert_null(strstr(b.data, "http"));
	assert_null(strstr(b.data, "url("));
	assert_null(strstr(b.data, "@import"));
	assert_null(strstr(b.data, "<img"));
}

static void
test_report_html_links_escaped(void **state)
{
	(void)state;
	lcm_report_html(&r, &b);
	assert_non_null(strstr(b.data, "<a href=\"https://lms.example.org/d.php?d=1&amp;x=&quot;2&quot;\">"));
	assert_int_equal(count(b.data, "http"), 2);
}

/* Every line fits 80 terminal columns, whatever the names. */
static void
test_report_text_fits_80_columns(void **state)
{
	char *line, *save = NULL, *copy;

	(void)state;
	lcm_report_text(&r, 0, &b);
	copy = lcm_xstrdup(b.data);
	for (line = copy; line; line = save) {
		save = strchr(line, '\n');
		if (save)
			*save++ = '\0';
		if (lcm_report_width(line) > 80)
			fail_msg("%zu columns: %s", lcm_report_width(line), line);
	}
	free(copy);
	assert_null(strstr(b.data, "\x1b"));
}

static void
test_report_text_colour_on_request(void **state)
{
	(void)state;
	lcm_report_text(&r, 1, &b);
	assert_non_null(strstr(b.data, "\x1b[1m"));
	assert_non_null(strstr(b.data, "\x1b[32m"));	/* fewer unanswered: good */
	/* the bad news: fewer threads, slower p90, more at risk; not the title's */
	assert_int_equal(count(b.data, "\x1b[31m"), 3);
}

/* The learner's pipe cannot add a cell; markup is shown, not made. */
static void
test_report_md_escapes_cells(void **state)
{
	const char *row;

	(void)state;
	lcm_report_md(&r, &b);
	row = strstr(b.data, "| Caf");
	assert_non_null(row);
	assert_int_equal(strncmp(row, "| Caf\xc3\xa9 \\| des apprenants | 20 |", 31), 0);
	assert_null(strstr(b.data, "<script"));
	assert_non_null(strstr(b.data, "&lt;script&gt;"));
	assert_non_null(strstr(b.data, "`\xe2\x96\x81\xe2\x96\x85\xe2\x96\x88`"));	/* posts 3 13 23 */
}

static void
test_report_md_links(void **state)
{
	(void)state;
	lcm_report_md(&r, &b);
	assert_non_null(strstr(b.data, "](https://lms.example.org/d.php?d=9)"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define F(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
		F(test_report_json_parses_with_values),
		F(test_report_html_charts_and_escaping),
		F(test_report_html_tables_are_labelled),
		F(test_report_html_no_request_without_links),
		cmocka_unit_test_setup_teardown(test_report_html_links_escaped, setup_url, teardown),
		F(test_report_text_fits_80_columns),
		F(test_report_text_colour_on_request),
		F(test_report_md_escapes_cells),
		cmocka_unit_test_setup_teardown(test_report_md_links, setup_url, teardown),
#undef F
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
