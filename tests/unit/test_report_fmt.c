/*
 * test_report_fmt.c - numbers, times, changes, escaping, widths and
 * links of the report writers (report_fmt.c).
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

#include "report_fmt.h"

static struct lcm_buf b;

static int
setup(void **state)
{
	(void)state;
	lcm_buf_init(&b);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	lcm_buf_release(&b);
	return 0;
}

static const struct lcm_report_item *
item(const char *key)
{
	size_t i;

	for (i = 0; i < LCM_REPORT_ITEMS; i++)
		if (strcmp(lcm_report_items[i].key, key) == 0)
			return &lcm_report_items[i];
	fail_msg("no item '%s'", key);
	return NULL;
}

static void
test_report_num_trims_zeros(void **state)
{
	char n[32];

	(void)state;
	assert_string_equal(lcm_report_num(0.5, 4, n), "0.5");
	assert_string_equal(lcm_report_num(2.0, 1, n), "2");
	assert_string_equal(lcm_report_num(-0.00001, 2, n), "0");
	assert_string_equal(lcm_report_num(1234.56, 0, n), "1235");
	assert_string_equal(lcm_report_num(NAN, 2, n), "-");
}

static void
test_report_hours_as_people_say(void **state)
{
	char n[32];

	(void)state;
	assert_string_equal(lcm_report_hours(0.001, n), "< 1 min");
	assert_string_equal(lcm_report_hours(0.5239, n), "31 min");
	assert_string_equal(lcm_report_hours(0.999, n), "1 h");
	assert_string_equal(lcm_report_hours(9.9008, n), "9.9 h");
	assert_string_equal(lcm_report_hours(47.9, n), "47.9 h");
	assert_string_equal(lcm_report_hours(816, n), "34 d");
	assert_string_equal(lcm_report_hours(820.8, n), "34.2 d");
	assert_string_equal(lcm_report_hours(NAN, n), "-");
}

static void
test_report_value_by_kind(void **state)
{
	char n[32];

	(void)state;
	assert_string_equal(lcm_report_value(22, LCM_KIND_COUNT, n), "22");
	assert_string_equal(lcm_report_value(0.4667, LCM_KIND_SHARE, n), "47%");
	assert_string_equal(lcm_report_value(1.5, LCM_KIND_HOURS, n), "1.5 h");
	assert_string_equal(lcm_report_value(NAN, LCM_KIND_SHARE, n), "-");
}

static void
test_report_change_counts(void **state)
{
	struct lcm_report_figure f = { 22, 20 };
	char out[48];
	int good;

	(void)state;
	assert_string_equal(lcm_report_change(&f, item("active_learners"), &good, out),
			    "+2 (+10%)");
	assert_int_equal(good, 1);
	assert_string_equal(lcm_report_change(&f, item("at_risk"), &good, out), "+2 (+10%)");
	assert_int_equal(good, -1);
	f.before = 0;
	assert_string_equal(lcm_report_change(&f, item("posts"), &good, out), "+22");
	f.before = 22;
	assert_string_equal(lcm_report_change(&f, item("posts"), &good, out), "no change");
	assert_int_equal(good, 0);
}

static void
test_report_change_shares_in_points(void **state)
{
	struct lcm_report_figure f = { 0.4667, 0.7333 };
	char out[48];
	int good;

	(void)state;
	assert_string_equal(lcm_report_change(&f, item("response_rate"), &good, out), "-27 pts");
	assert_int_equal(good, -1);
	assert_string_equal(lcm_report_change(&f, item("unanswered_share"), &good, out),
			    "-27 pts");
	assert_int_equal(good, 1);
}

static void
test_report_change_hours(void **state)
{
	struct lcm_report_figure f = { 0.5, 9.9 };
	char out[48];
	int good;

	(void)state;
	assert_string_equal(lcm_report_change(&f, item("first_response_p90"), &good, out),
			    "-9.4 h");
	assert_int_equal(good, 1);
}

static void
test_report_change_undefined(void **state)
{
	struct lcm_report_figure f = { 0.5, NAN };
	char out[48];
	int good = 7;

	(void)state;
	assert_string_equal(lcm_report_change(&f, item("response_rate"), &good, out), "-");
	assert_int_equal(good, 0);
}

static void
test_report_dates_utc(void **state)
{
	char out[48];

	(void)state;
	assert_string_equal(lcm_report_date(1795424400, 0, out), "23 Nov 2026");
	assert_string_equal(lcm_report_datetime(1795424400, 0, out), "23 Nov 2026, 09:00 UTC");
	assert_string_equal(lcm_report_day(20731, out), "5 Oct");
	assert_string_equal(lcm_report_iso(1795424400, 0, out), "2026-11-23T09:00:00Z");
}

static void
test_report_esc_html_specials(void **state)
{
	(void)state;
	lcm_report_esc_html(&b, "<script>alert('x') & \"y\"</script>");
	assert_string_equal(b.data, "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;"
			    "&lt;/script&gt;");
}

/* Controls are dropped (a raw one is not even XML), bad bytes shown. */
static void
test_report_esc_html_controls_and_bad_utf8(void **state)
{
	(void)state;
	lcm_report_esc_html(&b, "a\x01" "b\x1b[31m\tc\r\nd\xff" "e\xe2\x80\xae" "f");
	assert_string_equal(b.data, "ab[31m c d\xef\xbf\xbd" "ef");
}

static void
test_report_esc_json_string(void **state)
{
	(void)state;
	lcm_report_esc_json(&b, "a\"b\\c\nd\xe2\x80\xa8");
	assert_string_equal(b.data, "\"a\\\"b\\\\c d\\u2028\"");
}

static void
test_report_esc_md_cell(void **state)
{
	(void)state;
	lcm_report_esc_md(&b, "a|b *c* [x](javascript:y) <b>&");
	assert_string_equal(b.data, "a\\|b \\*c\\* \\[x\\](javascript:y) &lt;b&gt;&amp;");
}

static void
test_report_width_of_scripts(void **state)
{
	(void)state;
	assert_int_equal(lcm_report_width("abc"), 3);
	assert_int_equal(lcm_report_width("\xc3\xa9t\xc3\xa9"), 3);	/* été */
	assert_int_equal(lcm_report_width("e\xcc\x81"), 1);		/* e + combining acute */
	assert_int_equal(lcm_report_width("\xe6\x97\xa5\xe6\x9c\xac"), 4);	/* 日本 */
	assert_int_equal(lcm_report_width("\xff"), 1);
}

static void
test_report_fit_cuts_and_pads(void **state)
{
	(void)state;
	lcm_report_fit(&b, "R\xc3\xa9trospective", 6, 0);
	assert_string_equal(b.data, "R\xc3\xa9tro\xe2\x80\xa6");
	lcm_buf_reset(&b);
	lcm_report_fit(&b, "ab", 4, 1);
	assert_string_equal(b.data, "ab  ");
	lcm_buf_reset(&b);
	lcm_report_fit(&b, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4, 1);	/* 日本語 */
	assert_string_equal(b.data, "\xe6\x97\xa5\xe2\x80\xa6 ");
}

static void
test_report_url_fills_and_encodes(void **state)
{
	char *u;

	(void)state;
	u = lcm_report_url("https://lms/d.php?d={thread}#p{post}&c={course}&f={forum}", "212",
			   "1045", "AGILE-2026", "Caf\xc3\xa9 des apprenants");
	assert_string_equal(u, "https://lms/d.php?d=212#p1045&c=AGILE-2026"
			    "&f=Caf%C3%A9%20des%20apprenants");
	free(u);
	u = lcm_report_url("HTTP://x/{thread}", "a\"b", NULL, NULL, NULL);
	assert_string_equal(u, "HTTP://x/a%22b");
	free(u);
}

static void
test_report_url_only_http(void **state)
{
	(void)state;
	assert_null(lcm_report_url("{thread}", "javascript:alert(1)", NULL, NULL, NULL));
	assert_null(lcm_report_url("ftp://x/{thread}", "1", NULL, NULL, NULL));
	assert_null(lcm_report_url(NULL, "1", NULL, NULL, NULL));
}

static void
test_report_spark_levels(void **state)
{
	int64_t v[] = { 0, 1, 4, 8 };

	(void)state;
	lcm_report_spark(&b, v, 4);
	assert_string_equal(b.data, "\xe2\x96\x81\xe2\x96\x83\xe2\x96\x85\xe2\x96\x88");
	lcm_buf_reset(&b);
	lcm_report_spark(&b, v, 1);	/* all zero */
	assert_string_equal(b.data, "\xe2\x96\x81");
}

static void
test_report_bar_eighths(void **state)
{
	(void)state;
	lcm_report_bar(&b, 5, 10, 3);	/* 1.5 cells */
	assert_string_equal(b.data, "\xe2\x96\x88\xe2\x96\x8c");
	lcm_buf_reset(&b);
	lcm_report_bar(&b, 1, 1000, 3);	/* tiny, but seen */
	assert_string_equal(b.data, "\xe2\x96\x8f");
	lcm_buf_reset(&b);
	lcm_report_bar(&b, 0, 10, 3);
	assert_string_equal(b.data, "");
}

static void
test_report_reason_help_codes(void **state)
{
	(void)state;
	assert_non_null(lcm_report_reason_help("inactive:39d"));
	assert_non_null(lcm_report_reason_help("not-enough-data"));
	assert_null(lcm_report_reason_help("inactivex"));
	assert_null(lcm_report_reason_help("bored"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define F(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
		F(test_report_num_trims_zeros),
		F(test_report_hours_as_people_say),
		F(test_report_value_by_kind),
		F(test_report_change_counts),
		F(test_report_change_shares_in_points),
		F(test_report_change_hours),
		F(test_report_change_undefined),
		F(test_report_dates_utc),
		F(test_report_esc_html_specials),
		F(test_report_esc_html_controls_and_bad_utf8),
		F(test_report_esc_json_string),
		F(test_report_esc_md_cell),
		F(test_report_width_of_scripts),
		F(test_report_fit_cuts_and_pads),
		F(test_report_url_fills_and_encodes),
		F(test_report_url_only_http),
		F(test_report_spark_levels),
		F(test_report_bar_eighths),
		F(test_report_reason_help_codes),
#undef F
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
