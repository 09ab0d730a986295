/* test_render.c - table, csv, tsv, json and ndjson output, byte for byte. */
#define _XOPEN_SOURCE 700	/* posix_openpt: a terminal for the tests of item 15 */
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <cmocka.h>

#include "render.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define BOM "\xef\xbb\xbf"
#define FFFD "\xef\xbf\xbd"

/*
 * Renders nrows rows of ncol cells (rows is nrows * ncol cells) and
 * returns all that was written, owned by the caller (free()).
 */
static char *
render(enum lcm_format fmt, int flags, const char *const *cols, size_t ncol,
       const struct lcm_cell *rows, size_t nrows)
{
	struct lcm_render *r;
	char *out = NULL;
	size_t len = 0, i;
	FILE *fp = open_memstream(&out, &len);

	assert_non_null(fp);
	r = lcm_render_new(fp, fmt, cols, ncol, flags);
	for (i = 0; i < nrows; i++)
		lcm_render_row(r, rows + i * ncol);
	lcm_render_end(r);
	lcm_render_free(r);
	assert_int_equal(fclose(fp), 0);
	return out;
}

/* Checks that rendering gives exactly want. */
static void
check(enum lcm_format fmt, int flags, const char *const *cols, size_t ncol,
      const struct lcm_cell *rows, size_t nrows, const char *want)
{
	char *got = render(fmt, flags, cols, ncol, rows, nrows);

	assert_string_equal(got, want);
	free(got);
}

/* One string cell in a one-column table, as the table shows it. */
static void
check_table_cell(const char *value, const char *want_line)
{
	static const char *const cols[] = { "v" };
	struct lcm_cell row[1];
	char *got;

	row[0] = lcm_cell_str(value);
	got = render(LCM_FMT_TABLE, LCM_RENDER_NO_HEADER, cols, 1, row, 1);
	assert_string_equal(got, want_line);
	free(got);
}

/* One cell in a one-column ndjson output: the object it gives. */
static void
check_json_cell(struct lcm_cell cell, const char *want)
{
	static const char *const cols[] = { "v" };

	check(LCM_FMT_NDJSON, 0, cols, 1, &cell, 1, want);
}

/* The fixed table every format is checked on. */
static const char *const cols4[] = { "name", "posts", "score", "active" };

static void
fixed_rows(struct lcm_cell *rows)
{
	rows[0] = lcm_cell_str("Alice");
	rows[1] = lcm_cell_int(12);
	rows[2] = lcm_cell_real(0.5);
	rows[3] = lcm_cell_bool(1);
	rows[4] = lcm_cell_str("Bob, \"B\"");
	rows[5] = lcm_cell_int(3);
	rows[6] = lcm_cell_real(2.0);
	rows[7] = lcm_cell_bool(0);
	rows[8] = lcm_cell_null();
	rows[9] = lcm_cell_int(-7);
	rows[10] = lcm_cell_real(0.33333);
	rows[11] = lcm_cell_str(NULL);
}

static void
test_render_table_fixed(void **state)
{
	struct lcm_cell rows[12];

	(void)state;
	fixed_rows(rows);
	check(LCM_FMT_TABLE, 0, cols4, 4, rows, 3,
	    "name      posts   score  active\n"
	    "Alice        12     0.5       1\n"
	    "Bob, \"B\"      3       2       0\n"
	    "             -7  0.3333\n");
}

static void
test_render_csv_fixed(void **state)
{
	struct lcm_cell rows[12];

	(void)state;
	fixed_rows(rows);
	check(LCM_FMT_CSV, 0, cols4, 4, rows, 3,
	    "name,posts,score,active\n"
	    "Alice,12,0.5,1\n"
	    "\"Bob, \"\"B\"\"\",3,2,0\n"
	    ",-7,0.3333,\n");
}

static void
test_render_tsv_fixed(void **state)
{
	struct lcm_cell rows[12];

	(void)state;
	fixed_rows(rows);
	check(LCM_FMT_TSV, 0, cols4, 4, rows, 3,
	    "name\tposts\tscore\tactive\n"
	    "Alice\t12\t0.5\t1\n"
	    "Bob, \"B\"\t3\t2\t0\n"
	    "\t-7\t0.3333\t\n");
}

static void
test_render_json_fixed(void **state)
{
	struct lcm_cell rows[12];

	(void)state;
	fixed_rows(rows);
	check(LCM_FMT_JSON, 0, cols4, 4, rows, 3,
	    "[\n"
	    "{\"name\":\"Alice\",\"posts\":12,\"score\":0.5,\"active\":true},\n"
	    "{\"name\":\"Bob, \\\"B\\\"\",\"posts\":3,\"score\":2,"
	    "\"active\":false},\n"
	    "{\"name\":null,\"posts\":-7,\"score\":0.3333,\"active\":null}\n"
	    "]\n");
}

static void
test_render_ndjson_fixed(void **state)
{
	struct lcm_cell rows[12];

	(void)state;
	fixed_rows(rows);
	check(LCM_FMT_NDJSON, 0, cols4, 4, rows, 3,
	    "{\"name\":\"Alice\",\"posts\":12,\"score\":0.5,\"active\":true}\n"
	    "{\"name\":\"Bob, \\\"B\\\"\",\"posts\":3,\"score\":2,"
	    "\"active\":false}\n"
	    "{\"name\":null,\"posts\":-7,\"score\":0.3333,\"active\":null}\n");
}

static void
test_render_table_unicode_width(void **state)
{
	static const char *const cols[] = { "w", "n" };
	struct lcm_cell rows[8];

	(void)state;
	rows[0] = lcm_cell_str("\xc3\xa9");		/* é precomposed */
	rows[1] = lcm_cell_int(1);
	rows[2] = lcm_cell_str("\xe6\x97\xa5\xe6\x9c\xac");	/* 日本 */
	rows[3] = lcm_cell_int(22);
	rows[4] = lcm_cell_str("e\xcc\x81");		/* e + combining acute */
	rows[5] = lcm_cell_int(3);
	rows[6] = lcm_cell_str("ab");
	rows[7] = lcm_cell_int(4);
	check(LCM_FMT_TABLE, 0, cols, 2, rows, 4,
	    "w      n\n"
	    "\xc3\xa9      1\n"
	    "\xe6\x97\xa5\xe6\x9c\xac  22\n"
	    "e\xcc\x81      3\n"
	    "ab     4\n");
}

static void
test_render_table_strips_control_chars(void **state)
{
	(void)state;
	check_table_cell("a\x1b[31mb\x07" "c\x7f" "d\xc2\x9b" "e",
	    "a" FFFD "[31mb" FFFD "c" FFFD "d" FFFD "e\n");
}

static void
test_render_table_strips_bidi_overrides(void **state)
{
	(void)state;
	check_table_cell("abc\xe2\x80\xae" "def\xe2\x81\xa6" "g\xe2\x80\xaa",
	    "abc" FFFD "def" FFFD "g" FFFD "\n");
}

static void
test_render_table_newlines_tabs_become_space(void **state)
{
	(void)state;
	check_table_cell("x\r\ny\tz\nw", "x y z w\n");
}

static void
test_render_table_cuts_long_value(void **state)
{
	char in[71], want[64 + 4];

	(void)state;
	memset(in, 'x', 70);
	in[70] = '\0';
	memset(want, 'x', 59);
	memcpy(want + 59, "\xe2\x80\xa6\n", 5);
	check_table_cell(in, want);
}

static void
test_render_table_keeps_value_of_60_cells(void **state)
{
	char in[61], want[62];

	(void)state;
	memset(in, 'x', 60);
	in[60] = '\0';
	memcpy(want, in, 60);
	memcpy(want + 60, "\n", 2);
	check_table_cell(in, want);
}

static void
test_render_table_cuts_wide_value(void **state)
{
	static const char *const cols[] = { "v", "n" };
	struct lcm_cell rows[2];
	char in[40 * 3 + 1], want[29 * 3 + 3 + 5 + 1];
	char *got;
	size_t i;

	(void)state;
	for (i = 0; i < 40; i++)	/* 40 x 日: 80 cells */
		memcpy(in + 3 * i, "\xe6\x97\xa5", 3);
	in[120] = '\0';
	/* 29 wide chars (58 cells) and "…": a 59-cell column. */
	memcpy(want, in, 29 * 3);
	memcpy(want + 87, "\xe2\x80\xa6  7\n", 8);
	rows[0] = lcm_cell_str(in);
	rows[1] = lcm_cell_int(7);
	got = render(LCM_FMT_TABLE, LCM_RENDER_NO_HEADER, cols, 2, rows, 1);
	assert_string_equal(got, want);
	free(got);
}

static void
test_render_table_invalid_utf8_replaced(void **state)
{
	(void)state;
	/* lone byte, truncated, overlong 2 and 3 bytes, surrogate */
	check_table_cell("a\xff" "b\xe6\x97" "c\xc0\xaf" "d\xe0\x80\xaf"
	    "e\xed\xa0\x80",
	    "a" FFFD "b" FFFD "c" FFFD FFFD "d" FFFD FFFD FFFD
	    "e" FFFD FFFD FFFD "\n");
}

static void
test_render_table_no_header(void **state)
{
	static const char *const cols[] = { "count" };
	struct lcm_cell rows[2];

	(void)state;
	rows[0] = lcm_cell_int(5);
	rows[1] = lcm_cell_int(123);
	check(LCM_FMT_TABLE, LCM_RENDER_NO_HEADER, cols, 1, rows, 2,
	    "  5\n123\n");
}

static void
test_render_csv_excel(void **state)
{
	static const char *const cols[] = { "f", "n", "s" };
	struct lcm_cell rows[6];

	(void)state;
	rows[0] = lcm_cell_str("=1+1");
	rows[1] = lcm_cell_int(-3);
	rows[2] = lcm_cell_str("-3");
	rows[3] = lcm_cell_str("a;b");
	rows[4] = lcm_cell_int(2);
	rows[5] = lcm_cell_str("@x");
	check(LCM_FMT_CSV, LCM_RENDER_EXCEL, cols, 3, rows, 2,
	    BOM "f;n;s\n"
	    "'=1+1;-3;-3\n"
	    "\"a;b\";2;'@x\n");
}

static void
test_render_csv_no_header(void **state)
{
	struct lcm_cell rows[12];

	(void)state;
	fixed_rows(rows);
	check(LCM_FMT_CSV, LCM_RENDER_NO_HEADER, cols4, 4, rows, 1,
	    "Alice,12,0.5,1\n");
}

static void
test_render_csv_invalid_utf8_replaced(void **state)
{
	static const char *const cols[] = { "a", "b" };
	struct lcm_cell rows[2];

	(void)state;
	rows[0] = lcm_cell_str("x\xff");
	rows[1] = lcm_cell_str("\xe6\x97");
	check(LCM_FMT_CSV, 0, cols, 2, rows, 1,
	    "a,b\nx" FFFD "," FFFD "\n");
}

static void
test_render_csv_keeps_newline_quoted(void **state)
{
	static const char *const cols[] = { "a", "b" };
	struct lcm_cell rows[2];

	(void)state;
	rows[0] = lcm_cell_str("l1\nl2");
	rows[1] = lcm_cell_int(1);
	check(LCM_FMT_CSV, 0, cols, 2, rows, 1, "a,b\n\"l1\nl2\",1\n");
}

static void
test_render_tsv_flattens_tab_cr_lf(void **state)
{
	static const char *const cols[] = { "a", "b" };
	struct lcm_cell rows[2];

	(void)state;
	rows[0] = lcm_cell_str("x\ty\r\nz");
	rows[1] = lcm_cell_str("\"q\"");
	check(LCM_FMT_TSV, 0, cols, 2, rows, 1, "a\tb\nx y  z\t\"q\"\n");
}

static void
test_render_json_escapes_quote_backslash(void **state)
{
	(void)state;
	check_json_cell(lcm_cell_str("say \"hi\" \\o/"),
	    "{\"v\":\"say \\\"hi\\\" \\\\o/\"}\n");
}

static void
test_render_json_escapes_whitespace_controls(void **state)
{
	(void)state;
	check_json_cell(lcm_cell_str("a\nb\rc\td\be\ff"),
	    "{\"v\":\"a\\nb\\rc\\td\\be\\ff\"}\n");
}

static void
test_render_json_escapes_other_controls(void **state)
{
	(void)state;
	check_json_cell(lcm_cell_str("\x01\x1b[0m\x1f\x7f"),
	    "{\"v\":\"\\u0001\\u001b[0m\\u001f\x7f\"}\n");
}

static void
test_render_json_escapes_line_separators(void **state)
{
	(void)state;
	check_json_cell(lcm_cell_str("a\xe2\x80\xa8" "b\xe2\x80\xa9"),
	    "{\"v\":\"a\\u2028b\\u2029\"}\n");
}

static void
test_render_json_keeps_html_chars_and_slash(void **state)
{
	(void)state;
	check_json_cell(lcm_cell_str("<a href=\"/x\">&</a>"),
	    "{\"v\":\"<a href=\\\"/x\\\">&</a>\"}\n");
}

static void
test_render_json_invalid_utf8_replaced(void **state)
{
	(void)state;
	check_json_cell(lcm_cell_str("a\xff" "b\xc3"),
	    "{\"v\":\"a" FFFD "b" FFFD "\"}\n");
}

static void
test_render_json_escapes_keys(void **state)
{
	static const char *const cols[] = { "a\"b" };
	struct lcm_cell row = lcm_cell_int(1);

	(void)state;
	check(LCM_FMT_NDJSON, 0, cols, 1, &row, 1, "{\"a\\\"b\":1}\n");
}

static void
test_render_json_nonfinite_is_null(void **state)
{
	static const char *const cols[] = { "a", "b", "c" };
	struct lcm_cell row[3];

	(void)state;
	row[0] = lcm_cell_real(NAN);
	row[1] = lcm_cell_real(INFINITY);
	row[2] = lcm_cell_real(-INFINITY);
	check(LCM_FMT_NDJSON, 0, cols, 3, row, 1,
	    "{\"a\":null,\"b\":null,\"c\":null}\n");
}

static void
test_render_csv_nonfinite_is_empty(void **state)
{
	static const char *const cols[] = { "a", "b", "c" };
	struct lcm_cell row[3];

	(void)state;
	row[0] = lcm_cell_real(NAN);
	row[1] = lcm_cell_real(INFINITY);
	row[2] = lcm_cell_str("x");
	check(LCM_FMT_CSV, LCM_RENDER_NO_HEADER, cols, 3, row, 1, ",,x\n");
}

/* One REAL as tsv prints it (one column, no header). */
static void
check_real(double d, const char *want)
{
	static const char *const cols[] = { "r" };
	struct lcm_cell cell = lcm_cell_real(d);
	char line[64];

	snprintf(line, sizeof(line), "%s\n", want);
	check(LCM_FMT_TSV, LCM_RENDER_NO_HEADER, cols, 1, &cell, 1, line);
}

static void
test_render_real_strips_trailing_zeros(void **state)
{
	(void)state;
	check_real(0.5, "0.5");
	check_real(2.0, "2");
	check_real(-2.25, "-2.25");
	check_real(100.0, "100");
}

static void
test_render_real_rounds_to_four_decimals(void **state)
{
	(void)state;
	check_real(0.33333, "0.3333");
	check_real(0.99999, "1");
	check_real(123456.78901, "123456.789");
	check_real(1e-4, "0.0001");
}

static void
test_render_real_zero_has_no_sign(void **state)
{
	(void)state;
	check_real(0.0, "0");
	check_real(-0.0, "0");
}

static void
test_render_real_exponent_outside_range(void **state)
{
	(void)state;
	check_real(1e-5, "1e-05");
	check_real(-2.5e-7, "-2.5e-07");
	check_real(1e15, "1e+15");
	check_real(123456789e10, "1.23457e+18");
}

static void
test_render_int_extremes(void **state)
{
	static const char *const cols[] = { "a", "b" };
	struct lcm_cell row[2];

	(void)state;
	row[0] = lcm_cell_int(INT64_MIN);
	row[1] = lcm_cell_int(INT64_MAX);
	check(LCM_FMT_CSV, LCM_RENDER_NO_HEADER, cols, 2, row, 1,
	    "-9223372036854775808,9223372036854775807\n");
}

/* An empty result: the header alone, or what stands for nothing. */
static void
test_render_empty_result_each_format(void **state)
{
	(void)state;
	check(LCM_FMT_TABLE, 0, cols4, 4, NULL, 0,
	    "name  posts  score  active\n");
	check(LCM_FMT_CSV, 0, cols4, 4, NULL, 0, "name,posts,score,active\n");
	check(LCM_FMT_CSV, LCM_RENDER_EXCEL, cols4, 4, NULL, 0,
	    BOM "name;posts;score;active\n");
	check(LCM_FMT_TSV, 0, cols4, 4, NULL, 0, "name\tposts\tscore\tactive\n");
	check(LCM_FMT_JSON, 0, cols4, 4, NULL, 0, "[]\n");
	check(LCM_FMT_NDJSON, 0, cols4, 4, NULL, 0, "");
}

static void
test_render_one_column_each_format(void **state)
{
	static const char *const cols[] = { "x" };
	struct lcm_cell rows[2];

	(void)state;
	rows[0] = lcm_cell_str("a");
	rows[1] = lcm_cell_int(5);
	check(LCM_FMT_TABLE, 0, cols, 1, rows, 2, "x\na\n5\n");
	check(LCM_FMT_CSV, 0, cols, 1, rows, 2, "x\na\n5\n");
	check(LCM_FMT_TSV, 0, cols, 1, rows, 2, "x\na\n5\n");
	check(LCM_FMT_JSON, 0, cols, 1, rows, 2,
	    "[\n{\"x\":\"a\"},\n{\"x\":5}\n]\n");
	check(LCM_FMT_NDJSON, 0, cols, 1, rows, 2, "{\"x\":\"a\"}\n{\"x\":5}\n");
}

static void
test_render_end_twice_writes_once(void **state)
{
	static const char *const cols[] = { "x" };
	struct lcm_cell row = lcm_cell_int(1);
	struct lcm_render *r;
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);

	(void)state;
	assert_non_null(fp);
	r = lcm_render_new(fp, LCM_FMT_JSON, cols, 1, 0);
	lcm_render_end(r);
	lcm_render_row(r, &row);	/* too late: ignored */
	lcm_render_end(r);
	lcm_render_free(r);
	assert_int_equal(fclose(fp), 0);
	assert_string_equal(out, "[]\n");
	free(out);
}

static void
test_render_free_null(void **state)
{
	(void)state;
	lcm_render_free(NULL);
}

static void
test_lcm_format_parse_known_names(void **state)
{
	static const struct {
		const char *name;
		enum lcm_format fmt;
	} t[] = {
		{ "table", LCM_FMT_TABLE }, { "csv", LCM_FMT_CSV },
		{ "tsv", LCM_FMT_TSV }, { "json", LCM_FMT_JSON },
		{ "ndjson", LCM_FMT_NDJSON }
	};
	enum lcm_format f;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(t); i++) {
		f = LCM_FMT_TABLE;
		assert_int_equal(lcm_format_parse(t[i].name, &f), 0);
		assert_int_equal(f, t[i].fmt);
	}
}

static void
test_lcm_format_parse_unknown_fails(void **state)
{
	enum lcm_format f = LCM_FMT_TSV;

	(void)state;
	assert_int_equal(lcm_format_parse("xml", &f), -1);
	assert_int_equal(lcm_format_parse("", &f), -1);
	assert_int_equal(lcm_format_parse("jsonx", &f), -1);
	assert_int_equal(lcm_format_parse(NULL, &f), -1);
	assert_int_equal(f, LCM_FMT_TSV);
}

static void
test_lcm_cell_str_null_is_null_cell(void **state)
{
	(void)state;
	assert_int_equal(lcm_cell_str(NULL).type, LCM_CELL_NULL);
	assert_int_equal(lcm_cell_str("").type, LCM_CELL_STR);
	assert_int_equal(lcm_cell_bool(7).i, 1);
}

/* Item 15: what a terminal must not run, in a csv or tsv cell. */
#define HOSTILE "a\x1b]0;x\x07" "b\r" "c\xc2\x9b" "d\xe2\x80\xae" "e\xe2\x81\xa6" "f\x7f"
#define HOSTILE_SAFE "a" FFFD "]0;x" FFFD "b" FFFD "c" FFFD "d" FFFD "e" FFFD "f" FFFD

static void
test_render_tsv_keeps_controls_off_terminal(void **state)
{
	static const char *const cols[] = { "v" };
	struct lcm_cell row[1];

	(void)state;
	row[0] = lcm_cell_str(HOSTILE);
	/* a pipe or a file gets every byte (the CR, as tsv can hold none, a space) */
	check(LCM_FMT_TSV, LCM_RENDER_NO_HEADER, cols, 1, row, 1,
	      "a\x1b]0;x\x07" "b c\xc2\x9b" "d\xe2\x80\xae" "e\xe2\x81\xa6" "f\x7f\n");
}

static void
test_render_tsv_terminal_replaces_controls(void **state)
{
	static const char *const cols[] = { "v" };
	struct lcm_cell row[1];

	(void)state;
	row[0] = lcm_cell_str(HOSTILE "\tg\nh");
	check(LCM_FMT_TSV, LCM_RENDER_NO_HEADER | LCM_RENDER_TERMINAL, cols, 1, row, 1,
	      "a" FFFD "]0;x" FFFD "b c" FFFD "d" FFFD "e" FFFD "f" FFFD " g h\n");
}

static void
test_render_csv_terminal_replaces_controls(void **state)
{
	static const char *const cols[] = { "v", "w" };
	struct lcm_cell row[2];

	(void)state;
	row[0] = lcm_cell_str(HOSTILE);
	row[1] = lcm_cell_str("x\ny\tz");	/* LF and TAB kept: they run nothing */
	check(LCM_FMT_CSV, LCM_RENDER_NO_HEADER | LCM_RENDER_TERMINAL, cols, 2, row, 1,
	      HOSTILE_SAFE ",\"x\ny\tz\"\n");
}

static void
test_render_csv_keeps_controls_off_terminal(void **state)
{
	static const char *const cols[] = { "v" };
	struct lcm_cell row[1];

	(void)state;
	row[0] = lcm_cell_str("a\x1b[31mb");
	check(LCM_FMT_CSV, LCM_RENDER_NO_HEADER, cols, 1, row, 1, "a\x1b[31mb\n");
}

static void
test_render_json_escapes_c1_and_bidi(void **state)
{
	(void)state;
	check_json_cell(lcm_cell_str("a\xc2\x9b" "b\xe2\x80\xae" "c\xe2\x81\xa9" "d\x7f"),
			"{\"v\":\"a\\u009bb\\u202ec\\u2069d\x7f\"}\n");
}

static void
test_render_terminal_flags_not_a_terminal(void **state)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);

	(void)state;
	assert_non_null(fp);
	assert_int_equal(lcm_render_terminal_flags(LCM_RENDER_EXCEL, fp), LCM_RENDER_EXCEL);
	assert_int_equal(lcm_render_terminal_flags(0, NULL), 0);
	fclose(fp);
	free(out);
}

/*
 * A real terminal (a pseudo-terminal): lcm_render_new sees it and a tsv
 * row arrives with no ESC, as `lcm-unanswered -f tsv` prints on a screen.
 */
static void
test_render_tsv_on_pty_is_sanitised(void **state)
{
	static const char *const cols[] = { "v" };
	struct lcm_cell row[1];
	struct lcm_render *r;
	struct termios tio;
	char buf[256];
	ssize_t n;
	size_t got = 0;
	int master, slave;
	FILE *fp;

	(void)state;
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0) {
		if (master >= 0)
			close(master);
		skip();
	}
	slave = open(ptsname(master), O_RDWR | O_NOCTTY);
	assert_true(slave >= 0);
	/* raw output: the bytes as written, no LF to CRLF */
	assert_int_equal(tcgetattr(slave, &tio), 0);
	tio.c_oflag &= ~(tcflag_t)OPOST;
	assert_int_equal(tcsetattr(slave, TCSANOW, &tio), 0);
	fp = fdopen(slave, "w");
	assert_non_null(fp);
	assert_true(lcm_render_terminal_flags(0, fp) & LCM_RENDER_TERMINAL);
	row[0] = lcm_cell_str("a\x1b[2Jb");
	r = lcm_render_new(fp, LCM_FMT_TSV, cols, 1, LCM_RENDER_NO_HEADER);
	lcm_render_row(r, row);
	lcm_render_end(r);
	lcm_render_free(r);
	assert_int_equal(fclose(fp), 0);
	while (got < sizeof("a" FFFD "[2Jb\n") - 1 &&
	       (n = read(master, buf + got, sizeof(buf) - 1 - got)) > 0)
		got += (size_t)n;
	buf[got] = '\0';
	close(master);
	assert_string_equal(buf, "a" FFFD "[2Jb\n");
}

/* Item 14: every value in a link percent-encoded, the template kept. */
static void
test_url_expand_encodes_values(void **state)
{
	char *u;

	(void)state;
	u = lcm_url_expand("https://x/{thread}", "t\"><script>alert(1)</script>", NULL, NULL, NULL);
	assert_string_equal(u, "https://x/t%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E");
	free(u);
	u = lcm_url_expand("https://x/d.php?d={thread}&c={course}#p{post}{forum}",
			   "1&a=b", "{post}", "Agile 2026/é", NULL);
	assert_string_equal(u, "https://x/d.php?d=1%26a%3Db&c=Agile%202026%2F%C3%A9#p%7Bpost%7D");
	free(u);
	u = lcm_url_expand("", "1", NULL, NULL, NULL);
	assert_string_equal(u, "");
	free(u);
	u = lcm_url_expand("{thread}", "A-z_0.9~", NULL, NULL, NULL);
	assert_string_equal(u, "A-z_0.9~");
	free(u);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render_table_fixed),
		cmocka_unit_test(test_render_csv_fixed),
		cmocka_unit_test(test_render_tsv_fixed),
		cmocka_unit_test(test_render_json_fixed),
		cmocka_unit_test(test_render_ndjson_fixed),
		cmocka_unit_test(test_render_table_unicode_width),
		cmocka_unit_test(test_render_table_strips_control_chars),
		cmocka_unit_test(test_render_table_strips_bidi_overrides),
		cmocka_unit_test(test_render_table_newlines_tabs_become_space),
		cmocka_unit_test(test_render_table_cuts_long_value),
		cmocka_unit_test(test_render_table_keeps_value_of_60_cells),
		cmocka_unit_test(test_render_table_cuts_wide_value),
		cmocka_unit_test(test_render_table_invalid_utf8_replaced),
		cmocka_unit_test(test_render_table_no_header),
		cmocka_unit_test(test_render_csv_excel),
		cmocka_unit_test(test_render_csv_no_header),
		cmocka_unit_test(test_render_csv_invalid_utf8_replaced),
		cmocka_unit_test(test_render_csv_keeps_newline_quoted),
		cmocka_unit_test(test_render_tsv_flattens_tab_cr_lf),
		cmocka_unit_test(test_render_json_escapes_quote_backslash),
		cmocka_unit_test(test_render_json_escapes_whitespace_controls),
		cmocka_unit_test(test_render_json_escapes_other_controls),
		cmocka_unit_test(test_render_json_escapes_line_separators),
		cmocka_unit_test(test_render_json_keeps_html_chars_and_slash),
		cmocka_unit_test(test_render_json_invalid_utf8_replaced),
		cmocka_unit_test(test_render_json_escapes_keys),
		cmocka_unit_test(test_render_json_nonfinite_is_null),
		cmocka_unit_test(test_render_csv_nonfinite_is_empty),
		cmocka_unit_test(test_render_real_strips_trailing_zeros),
		cmocka_unit_test(test_render_real_rounds_to_four_decimals),
		cmocka_unit_test(test_render_real_zero_has_no_sign),
		cmocka_unit_test(test_render_real_exponent_outside_range),
		cmocka_unit_test(test_render_int_extremes),
		cmocka_unit_test(test_render_empty_result_each_format),
		cmocka_unit_test(test_render_one_column_each_format),
		cmocka_unit_test(test_render_end_twice_writes_once),
		cmocka_unit_test(test_render_free_null),
		cmocka_unit_test(test_lcm_format_parse_known_names),
		cmocka_unit_test(test_lcm_format_parse_unknown_fails),
		cmocka_unit_test(test_lcm_cell_str_null_is_null_cell),
		cmocka_unit_test(test_render_tsv_keeps_controls_off_terminal),
		cmocka_unit_test(test_render_tsv_terminal_replaces_controls),
		cmocka_unit_test(test_render_csv_terminal_replaces_controls),
		cmocka_unit_test(test_render_csv_keeps_controls_off_terminal),
		cmocka_unit_test(test_render_json_escapes_c1_and_bidi),
		cmocka_unit_test(test_render_terminal_flags_not_a_terminal),
		cmocka_unit_test(test_render_tsv_on_pty_is_sanitised),
		cmocka_unit_test(test_url_expand_encodes_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
