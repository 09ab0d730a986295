/*
 * fuzz_html.c - HTML to text (lib/base/text.c) on any bytes, then what the
 * programs do with the text: words, question, excerpt.
 *
 * Promises checked (text.h): the text is valid UTF-8 holding no NUL,
 * tab or other control character (C0, DEL, C1) but the line break; it
 * never holds more blank lines than one in a row, nor starts or ends
 * with white space; an excerpt never holds more characters than asked.
 */
#include "fuzz.h"

#include "text.h"

/* Characters (code points) of the UTF-8 string s. */
static size_t
chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *ex;
	size_t len, i, max;
	const unsigned char *t;

	text = lcm_html_to_text((const char *)data, size);
	FUZZ_CHECK(text);
	len = strlen(text);
	t = (const unsigned char *)text;
	FUZZ_CHECK(fuzz_utf8_ok(t, len));
	for (i = 0; i < len; i++) {
		/* no C0 control but \n (tabs are spaces), no DEL, no C1 */
		FUZZ_CHECK(t[i] >= 0x20 || t[i] == '\n');
		FUZZ_CHECK(t[i] != 0x7F);
		FUZZ_CHECK(!(t[i] == 0xC2 && t[i + 1] >= 0x80 && t[i + 1] < 0xA0));
	}
	if (len) {
		FUZZ_CHECK(t[0] != ' ' && t[0] != '\n');
		FUZZ_CHECK(t[len - 1] != ' ' && t[len - 1] != '\n');
	}
	FUZZ_CHECK(!strstr(text, "\n\n\n"));
	FUZZ_CHECK(lcm_text_words(text) >= 0);
	(void)lcm_text_is_question(text);
	max = size ? data[0] % 64 + 1 : 1;
	ex = lcm_text_excerpt(text, max);
	FUZZ_CHECK(fuzz_utf8_ok((const unsigned char *)ex, strlen(ex)));
	FUZZ_CHECK(chars(ex) <= max);
	free(ex);
	free(text);
	return 0;
}
