/*
 * test_nudge_mime.c - lcm-nudge's messages: RFC 2047 words, quoted-
 * printable, addresses, and no header injection.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nudge/mime.h"
#include "xalloc.h"

static void
test_encode_words_q(void **state)
{
	struct lcm_buf b;

	(void)state;
	lcm_buf_init(&b);
	lcm_nudge_encode_words("Léa, ça va ?", &b);
	assert_string_equal(b.data, "=?UTF-8?Q?L=C3=A9a=2C_=C3=A7a_va_=3F?=");
	lcm_buf_release(&b);
}

static void
test_encode_words_at_most_75_and_whole_characters(void **state)
{
	struct lcm_buf b;
	char *line, *save = NULL;
	size_t n = 0;

	(void)state;
	lcm_buf_init(&b);
	/* 40 e-acute: 240 encoded bytes, several words */
	for (int i = 0; i < 40; i++)
		lcm_buf_adds(&b, "é");
	{
		struct lcm_buf out;

		lcm_buf_init(&out);
		lcm_nudge_encode_words(b.data, &out);
		for (line = strtok_r(out.data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			if (*line == ' ')
				line++;
			assert_true(strlen(line) <= 75);
			assert_memory_equal(line, "=?UTF-8?Q?", 10);
			/* a word never ends inside a character: whole "=C3=A9" pairs */
			assert_int_equal((strlen(line) - 12) % 6, 0);
			n++;
		}
		assert_true(n >= 4);
		lcm_buf_release(&out);
	}
	lcm_buf_release(&b);
}

static void
test_qp_soft_breaks_and_trailing_space(void **state)
{
	struct lcm_buf b;
	char *p;

	(void)state;
	lcm_buf_init(&b);
	lcm_nudge_qp("a = b \nécole\n", &b);
	assert_string_equal(b.data, "a =3D b=20\n=C3=A9cole\n");
	lcm_buf_reset(&b);
	for (int i = 0; i < 200; i++)
		lcm_buf_addc(&b, 'x');
	p = lcm_xstrdup(b.data);
	lcm_buf_reset(&b);
	lcm_nudge_qp(p, &b);
	assert_true(strchr(b.data, '\n') - b.data <= 76);
	assert_memory_equal(b.data + 75, "=\n", 2);
	free(p);
	lcm_buf_release(&b);
}

static void
test_email_ok(void **state)
{
	(void)state;
	assert_true(lcm_nudge_email_ok("a.b+c@example.org"));
	assert_false(lcm_nudge_email_ok("a@b>, x@y"));
	assert_false(lcm_nudge_email_ok("a@b\nBcc: x@y"));
	assert_false(lcm_nudge_email_ok("a b@c"));
	assert_false(lcm_nudge_email_ok("@c"));
	assert_false(lcm_nudge_email_ok("a@"));
	assert_false(lcm_nudge_email_ok("a@b@c"));
	assert_false(lcm_nudge_email_ok("é@c"));
}

/* The header lines (up to the blank line) of m. Owned. */
static char *
headers(const struct lcm_nudge_msg *m)
{
	struct lcm_buf b;
	char *end;

	lcm_buf_init(&b);
	lcm_nudge_msg_mime(m, &b);
	end = strstr(b.data, "\n\n");
	assert_non_null(end);
	end[1] = '\0';
	return lcm_buf_detach(&b);
}

static void
test_msg_injected_lines_stay_in_their_header(void **state)
{
	struct lcm_nudge_msg m = { 0 };
	char *h, *line, *save = NULL;

	(void)state;
	m.hdr[LCM_NUDGE_TO] = lcm_xstrdup("Eve\r\nBcc: x@y <eve@example.org>");
	m.hdr[LCM_NUDGE_SUBJECT] = lcm_xstrdup("Hi\nBcc: x@y");
	m.body = lcm_xstrdup("body\n");
	m.message_id = lcm_nudge_message_id("k", "example.org");
	h = headers(&m);
	assert_non_null(strstr(h, "To: \"Eve  Bcc: x@y\" <eve@example.org>\n"));
	assert_non_null(strstr(h, "Subject: Hi Bcc: x@y\n"));
	for (line = strtok_r(h, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		assert_true(strncmp(line, "Bcc", 3) != 0);
	free(h);
	lcm_nudge_msg_release(&m);
}

static void
test_msg_mime_headers_and_encoding(void **state)
{
	struct lcm_nudge_msg m = { 0 };
	struct lcm_buf b;

	(void)state;
	m.hdr[LCM_NUDGE_FROM] = lcm_xstrdup("Équipe <team@example.org>");
	m.hdr[LCM_NUDGE_TO] = lcm_xstrdup("Zoé <zoe@example.org>");
	m.hdr[LCM_NUDGE_SUBJECT] = lcm_xstrdup("Plain subject");
	m.body = lcm_xstrdup("Bonjour Zoé\r\n");
	m.date = 1795420800;	/* 2026-11-23T08:00:00Z, a Monday */
	m.message_id = lcm_nudge_message_id("k", "example.org>");
	lcm_buf_init(&b);
	lcm_nudge_msg_mime(&m, &b);
	assert_string_equal(b.data,
			    "From: =?UTF-8?Q?=C3=89quipe?= <team@example.org>\n"
			    "To: =?UTF-8?Q?Zo=C3=A9?= <zoe@example.org>\n"
			    "Subject: Plain subject\n"
			    "Date: Mon, 23 Nov 2026 08:00:00 +0000\n"
			    "Message-ID: <8254c329a92850f6d539dd37@example.org>\n"
			    "MIME-Version: 1.0\n"
			    "Content-Type: text/plain; charset=UTF-8\n"
			    "Content-Transfer-Encoding: quoted-printable\n"
			    "\n"
			    "Bonjour Zo=C3=A9\n");
	lcm_buf_release(&b);
	lcm_nudge_msg_release(&m);
}

static void
test_message_id_stable_and_safe(void **state)
{
	char *a = lcm_nudge_message_id("same", "x.org"), *b = lcm_nudge_message_id("same", "x.org");
	char *c = lcm_nudge_message_id("same", "x.org\nBcc: y>");

	(void)state;
	assert_string_equal(a, b);
	assert_non_null(strstr(c, "@lcm.invalid>"));
	free(a);
	free(b);
	free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_encode_words_q),
		cmocka_unit_test(test_encode_words_at_most_75_and_whole_characters),
		cmocka_unit_test(test_qp_soft_breaks_and_trailing_space),
		cmocka_unit_test(test_email_ok),
		cmocka_unit_test(test_msg_injected_lines_stay_in_their_header),
		cmocka_unit_test(test_msg_mime_headers_and_encoding),
		cmocka_unit_test(test_message_id_stable_and_safe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
