/*
 * test_csv_fast.c - the CSV reader's fast path (lines read without
 * libcsv) against libcsv itself: random records written plainly, which
 * the fast path takes where it can, and with a space before every field,
 * which libcsv drops and the fast path refuses, must read the same.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "csv.h"

#define NRECORDS 4000
#define MAXFIELDS 6

struct record {
	char *field[MAXFIELDS];
	int quoted[MAXFIELDS];
	int n;
	int crlf, blank_after;
};

static uint32_t seed;

/* A small fixed generator: the same records on every machine. */
static uint32_t
next(void)
{
	seed = seed * 1103515245u + 12345u;
	return seed >> 8;
}

static char *
random_field(void)
{
	static const char *const pieces[] = {
		"a", "b", "Zoé", " ", ",", "\"", "\n", "\r\n", ";", "\t", "x y", "42"
	};
	struct lcm_buf b;
	size_t n = next() % 9, i;

	lcm_buf_init(&b);
	for (i = 0; i < n; i++)
		lcm_buf_adds(&b, pieces[next() % (sizeof(pieces) / sizeof(pieces[0]))]);
	if (!b.cap)
		return strdup("");
	return lcm_buf_detach(&b);
}

/* Must the field be quoted to mean itself (or to begin as it does)? */
static int
needs_quotes(const char *s)
{
	size_t n = strlen(s);

	return strpbrk(s, ",\r\n") != NULL || s[0] == '"' ||
	    (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t'));
}

static void
make_records(struct record *r, size_t n)
{
	size_t i;
	int j;

	for (i = 0; i < n; i++) {
		r[i].n = 1 + (int)(next() % MAXFIELDS);
		for (j = 0; j < r[i].n; j++) {
			r[i].field[j] = random_field();
			r[i].quoted[j] = needs_quotes(r[i].field[j]) || next() % 10 < 3;
		}
		/* one empty unquoted field would be a blank line */
		if (r[i].n == 1 && !r[i].field[0][0])
			r[i].quoted[0] = 1;
		r[i].crlf = next() % 4 == 0;
		r[i].blank_after = next() % 50 == 0;
	}
}

static void
write_records(FILE *fp, const struct record *r, size_t n, int spaced)
{
	const char *p;
	size_t i;
	int j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < r[i].n; j++) {
			if (j)
				putc(',', fp);
			if (spaced)
				putc(' ', fp);
			if (!r[i].quoted[j]) {
				fputs(r[i].field[j], fp);
				continue;
			}
			putc('"', fp);
			for (p = r[i].field[j]; *p; p++) {
				if (*p == '"')
					putc('"', fp);
				putc(*p, fp);
			}
			putc('"', fp);
		}
		fputs(r[i].crlf ? "\r\n" : "\n", fp);
		if (r[i].blank_after)
			fputs("\n", fp);
	}
	rewind(fp);
}

/* What libcsv makes of an unquoted field: spaces and tabs trimmed. */
static int
same_as_read(const char *want, int quoted, const char *got, size_t len)
{
	size_t n = strlen(want);

	if (!quoted) {
		while (n && (*want == ' ' || *want == '\t')) {
			want++;
			n--;
		}
		while (n && (want[n - 1] == ' ' || want[n - 1] == '\t'))
			n--;
	}
	return n == len && memcmp(want, got, n) == 0;
}

static void
test_csv_next_fast_path_reads_as_libcsv(void **state)
{
	struct record *r = calloc(NRECORDS, sizeof(*r));
	struct lcm_csv_opts opts = { LCM_ENC_UTF8, ',' };
	struct lcm_csv_reader *a, *b;
	struct lcm_csv_record ra, rb;
	FILE *fa = tmpfile(), *fb = tmpfile();
	struct lcm_err err;
	size_t i, k;
	int j, ga, gb;

	(void)state;
	seed = 20261123;
	make_records(r, NRECORDS);
	assert_non_null(fa);
	assert_non_null(fb);
	write_records(fa, r, NRECORDS, 0);
	write_records(fb, r, NRECORDS, 1);
	lcm_err_init(&err);
	a = lcm_csv_open(fa, "plain", &opts, &err);
	b = lcm_csv_open(fb, "spaced", &opts, &err);
	assert_non_null(a);
	assert_non_null(b);
	for (i = 0;; i++) {
		ga = lcm_csv_next(a, &ra, &err);
		gb = lcm_csv_next(b, &rb, &err);
		assert_int_equal(ga, gb);
		if (ga <= 0)
			break;
		assert_true(i < NRECORDS);
		assert_int_equal(ra.line, rb.line);
		assert_int_equal(ra.nfields, (size_t)r[i].n);
		assert_int_equal(rb.nfields, (size_t)r[i].n);
		for (k = 0; k < ra.nfields; k++) {
			assert_int_equal(ra.lens[k], rb.lens[k]);
			assert_memory_equal(ra.fields[k], rb.fields[k], ra.lens[k] + 1);
			if (!same_as_read(r[i].field[k], r[i].quoted[k], ra.fields[k], ra.lens[k]))
				fail_msg("record %zu field %zu: '%s' read as '%s'", i, k,
					 r[i].field[k], ra.fields[k]);
		}
	}
	assert_int_equal(ga, 0);
	assert_int_equal(i, NRECORDS);
	lcm_csv_close(a);
	lcm_csv_close(b);
	fclose(fa);
	fclose(fb);
	for (i = 0; i < NRECORDS; i++)
		for (j = 0; j < r[i].n; j++)
			free(r[i].field[j]);
	free(r);
}

static void
test_csv_next_fast_path_stray_quote_kept(void **state)
{
	struct lcm_csv_opts opts = { LCM_ENC_UTF8, ',' };
	struct lcm_csv_reader *rd;
	struct lcm_csv_record rec;
	FILE *fp = tmpfile();
	struct lcm_err err;

	(void)state;
	fputs("a\"b,\"c\"\"d\",,\"\"\n", fp);
	rewind(fp);
	lcm_err_init(&err);
	rd = lcm_csv_open(fp, "x", &opts, &err);
	assert_int_equal(lcm_csv_next(rd, &rec, &err), 1);
	assert_int_equal(rec.nfields, 4);
	assert_string_equal(rec.fields[0], "a\"b");
	assert_string_equal(rec.fields[1], "c\"d");
	assert_string_equal(rec.fields[2], "");
	assert_string_equal(rec.fields[3], "");
	assert_int_equal(lcm_csv_next(rd, &rec, &err), 0);
	lcm_csv_close(rd);
	fclose(fp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_csv_next_fast_path_reads_as_libcsv),
		cmocka_unit_test(test_csv_next_fast_path_stray_quote_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
