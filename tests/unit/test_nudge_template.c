/*
 * test_nudge_template.c - lcm-nudge's templates: merging, sections,
 * reason codes, the standalone-line rule, variants, and each error with
 * its line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nudge/template.h"

/* A row of name=value pairs, NULL-terminated. */
static const char *const *row;

static const char *
get(const void *ctx, const char *name)
{
	size_t i;

	(void)ctx;
	for (i = 0; row[i]; i += 2)
		if (strcmp(row[i], name) == 0)
			return row[i + 1];
	return NULL;
}

static int
known(const void *ctx, const char *name)
{
	size_t i;

	(void)ctx;
	for (i = 0; row[i]; i += 2)
		if (strcmp(row[i], name) == 0)
			return 1;
	return 0;
}

static const struct lcm_nudge_fields fields = { get, known, NULL, NULL, NULL };

/* The body of text merged with r; owned. NULL and err on a parse error. */
static char *
body(const char *text, const char *const *r, struct lcm_err *err)
{
	struct lcm_nudge_tpl t;
	struct lcm_buf b;

	row = r;
	lcm_err_init(err);
	if (lcm_nudge_tpl_parse(&t, "t.txt", text, strlen(text), &fields, err) < 0)
		return NULL;
	lcm_buf_init(&b);
	lcm_nudge_tpl_body(&t, &fields, &b);
	lcm_nudge_tpl_release(&t);
	return lcm_buf_detach(&b);
}

static const char *const learner[] = {
	"name", "Léa Fontaine", "reasons", "inactive:39d;declining", "events", "12",
	"cohort", "", "nl", "a\r\nBcc: x@y", NULL
};

static void
test_tpl_field_merged(void **state)
{
	struct lcm_err err;
	char *s = body("Subject: x\n\nHello {{name}}!\n", learner, &err);

	(void)state;
	assert_string_equal(s, "Hello Léa Fontaine!\n");
	free(s);
}

static void
test_tpl_value_controls_become_spaces(void **state)
{
	struct lcm_err err;
	char *s = body("Subject: x\n\n[{{nl}}]\n", learner, &err);

	(void)state;
	assert_string_equal(s, "[a  Bcc: x@y]\n");
	free(s);
}

static void
test_tpl_reason_section_and_detail(void **state)
{
	struct lcm_err err;
	char *s = body("Subject: x\n\n{{#reasons.inactive}}\nAway {{reasons.inactive}}.\n"
		       "{{/reasons.inactive}}\n{{#reasons.lurker}}\nLurker.\n{{/reasons.lurker}}\n"
		       "{{^reasons.lurker}}\nNot a lurker.\n{{/reasons.lurker}}\nEnd\n", learner, &err);

	(void)state;
	assert_non_null(s);
	assert_string_equal(s, "Away 39d.\nNot a lurker.\nEnd\n");
	free(s);
}

static void
test_tpl_reason_without_detail_holds(void **state)
{
	struct lcm_err err;
	char *s = body("Subject: x\n\n{{#reasons.declining}}yes{{/reasons.declining}}[{{reasons.declining}}]\n",
		       learner, &err);

	(void)state;
	assert_string_equal(s, "yes[]\n");
	free(s);
}

static void
test_tpl_comparison_and_empty(void **state)
{
	struct lcm_err err;
	char *s = body("Subject: x\n\n{{#events>10}}many{{/events}} {{#events<5}}few{{/events}}"
		       " {{^cohort}}no cohort{{/cohort}} {{#name=Léa Fontaine}}her{{/name}}\n",
		       learner, &err);

	(void)state;
	assert_string_equal(s, "many  no cohort her\n");
	free(s);
}

static void
test_tpl_unknown_field_has_line(void **state)
{
	struct lcm_err err;
	char *s = body("Subject: x\n\nline 3\n{{nosuch}}\n", learner, &err);

	(void)state;
	assert_null(s);
	assert_string_equal(err.file, "t.txt");
	assert_int_equal(err.line, 4);
	assert_string_equal(err.msg, "unknown field 'nosuch'");
}

static void
test_tpl_unclosed_section_has_its_line(void **state)
{
	struct lcm_err err;

	(void)state;
	assert_null(body("Subject: x\n\n\n{{#name}}\nx\n", learner, &err));
	assert_int_equal(err.line, 4);
	assert_string_equal(err.msg, "section 'name' not closed");
}

static void
test_tpl_wrong_close_refused(void **state)
{
	struct lcm_err err;

	(void)state;
	assert_null(body("Subject: x\n\n{{#name}}\n{{/events}}\n", learner, &err));
	assert_int_equal(err.line, 4);
	assert_null(body("Subject: x\n\n{{/name}}\n", learner, &err));
	assert_string_equal(err.msg, "'{{/name}}' closes no section");
}

static void
test_tpl_unknown_reason_code_refused(void **state)
{
	struct lcm_err err;

	(void)state;
	assert_null(body("Subject: x\n\n{{#reasons.inactiv}}{{/reasons.inactiv}}\n", learner, &err));
	assert_string_equal(err.msg, "unknown reason code 'inactiv'");
}

static void
test_tpl_headers_checked(void **state)
{
	struct lcm_err err;

	(void)state;
	assert_null(body("Bcc: a@b\n\nx\n", learner, &err));
	assert_int_equal(err.line, 1);
	assert_null(body("Subject: x\nbody\n", learner, &err));
	assert_int_equal(err.line, 2);
	assert_null(body("From: a@b\n\nx\n", learner, &err));
	assert_string_equal(err.msg, "no Subject header");
	assert_null(body("Subject: x\n", learner, &err));
	assert_string_equal(err.msg, "no blank line after the headers");
	assert_null(body("Subject: {{bad}}\n\nx\n", learner, &err));
	assert_int_equal(err.line, 1);
}

static void
test_tpl_header_merged(void **state)
{
	struct lcm_nudge_tpl t;
	struct lcm_err err;
	struct lcm_buf b;
	const char *text = "subject: Hi {{name}}\r\nCc: {{cohort}}\r\n\r\nbody\r\n";

	(void)state;
	row = learner;
	assert_int_equal(lcm_nudge_tpl_parse(&t, "t", text, strlen(text), &fields, &err), 0);
	lcm_buf_init(&b);
	lcm_nudge_tpl_header(&t, LCM_NUDGE_SUBJECT, &fields, &b);
	assert_string_equal(b.data, "Hi Léa Fontaine");
	lcm_buf_reset(&b);
	lcm_nudge_tpl_header(&t, LCM_NUDGE_CC, &fields, &b);
	assert_string_equal(b.data, "");
	lcm_buf_release(&b);
	lcm_nudge_tpl_release(&t);
}

static void
test_tpl_variant_path(void **state)
{
	char *s;

	(void)state;
	s = lcm_nudge_tpl_variant("dir/nudge.txt", "fr");
	assert_string_equal(s, "dir/nudge.fr.txt");
	free(s);
	s = lcm_nudge_tpl_variant("a.b/nudge", "FR_ca");
	assert_string_equal(s, "a.b/nudge.fr");
	free(s);
	assert_null(lcm_nudge_tpl_variant("nudge.txt", "../x"));
	assert_null(lcm_nudge_tpl_variant("nudge.txt", "french"));
	assert_null(lcm_nudge_tpl_variant("nudge.txt", NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tpl_field_merged),
		cmocka_unit_test(test_tpl_value_controls_become_spaces),
		cmocka_unit_test(test_tpl_reason_section_and_detail),
		cmocka_unit_test(test_tpl_reason_without_detail_holds),
		cmocka_unit_test(test_tpl_comparison_and_empty),
		cmocka_unit_test(test_tpl_unknown_field_has_line),
		cmocka_unit_test(test_tpl_unclosed_section_has_its_line),
		cmocka_unit_test(test_tpl_wrong_close_refused),
		cmocka_unit_test(test_tpl_unknown_reason_code_refused),
		cmocka_unit_test(test_tpl_headers_checked),
		cmocka_unit_test(test_tpl_header_merged),
		cmocka_unit_test(test_tpl_variant_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
