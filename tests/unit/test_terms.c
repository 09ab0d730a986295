/*
 * test_terms.c - unit tests for lib/base/terms.c: words, the stop words of
 * French and English (function words, greetings, politeness) and the
 * Snowball stemmers the report's themes use.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "terms.h"

/* The words lcm_words_each or lcm_terms_each gave, "word/chars/digits ". */
struct seen {
	char s[512];
};

static void
on_word(const char *word, size_t chars, int digits, void *arg)
{
	struct seen *w = arg;
	size_t n = strlen(w->s);

	snprintf(w->s + n, sizeof(w->s) - n, "%s/%zu/%d ", word, chars, digits);
}

static void
on_term(const char *term, void *arg)
{
	struct seen *w = arg;
	size_t n = strlen(w->s);

	snprintf(w->s + n, sizeof(w->s) - n, "%s ", term);
}

static void
test_lcm_stop_lang_french_function_words(void **state)
{
	(void)state;
	/* the three of issue 16, and others of their kind */
	assert_int_equal(lcm_stop_lang("vers"), LCM_LANG_FR);
	assert_int_equal(lcm_stop_lang("juste"), LCM_LANG_FR);
	assert_int_equal(lcm_stop_lang("déjà"), LCM_LANG_FR);
	assert_int_equal(lcm_stop_lang("deja"), LCM_LANG_FR);
	assert_int_equal(lcm_stop_lang("suis"), LCM_LANG_FR);
	assert_int_equal(lcm_stop_lang("surtout"), LCM_LANG_FR);
	assert_int_equal(lcm_stop_lang("aujourd"), LCM_LANG_FR);
	assert_int_equal(lcm_stop_lang("les"), LCM_LANG_FR);
}

static void
test_lcm_stop_lang_greetings_and_politeness(void **state)
{
	(void)state;
	assert_int_equal(lcm_stop_lang("bonsoir"), LCM_LANG_FR);
	assert_int_equal(lcm_stop_lang("bonjour"), LCM_LANG_FR);
	assert_int_equal(lcm_stop_lang("merci"), LCM_LANG_FR);
	assert_int_equal(lcm_stop_lang("bonne"), LCM_LANG_FR);
	assert_int_equal(lcm_stop_lang("thanks"), LCM_LANG_EN);
	assert_int_equal(lcm_stop_lang("everyone"), LCM_LANG_EN);
	assert_int_equal(lcm_stop_lang("great"), LCM_LANG_EN);
	/* said in both */
	assert_int_equal(lcm_stop_lang("hello"), LCM_LANG_FR | LCM_LANG_EN);
}

static void
test_lcm_stop_lang_content_words_none(void **state)
{
	(void)state;
	assert_int_equal(lcm_stop_lang("livrable"), 0);
	assert_int_equal(lcm_stop_lang("sprint"), 0);
	assert_int_equal(lcm_stop_lang("quiz"), 0);
	assert_int_equal(lcm_stop_lang("exercise"), 0);
	/* upper case is the caller's to lower */
	assert_int_equal(lcm_stop_lang("Vers"), 0);
}

static void
test_lcm_stop_words_sorted_unique(void **state)
{
	const char *const *list;
	size_t i, n;
	int lang;

	(void)state;
	for (lang = LCM_LANG_FR; lang <= LCM_LANG_EN; lang++) {
		list = lcm_stop_words(lang, &n);
		assert_true(n > 100);
		for (i = 1; i < n; i++)
			if (strcmp(list[i - 1], list[i]) >= 0)
				fail_msg("stop words of %d out of order: '%s' '%s'", lang,
					 list[i - 1], list[i]);
		for (i = 0; i < n; i++)
			assert_int_not_equal(lcm_stop_lang(list[i]) & lang, 0);
	}
}

static void
test_lcm_words_each_lowercases_all_words(void **state)
{
	struct seen w = { "" };

	(void)state;
	lcm_words_each("Bonsoir À TOUS, l\xe2\x80\x99\xc3\x89quipe : 18h30, 2026 !", on_word, &w);
	assert_string_equal(w.s, "bonsoir/7/0 à/1/0 tous/4/0 l/1/0 équipe/6/0 "
			    "18h30/5/0 2026/4/1 ");
}

static void
test_lcm_words_each_empty_and_punctuation(void **state)
{
	struct seen w = { "" };

	(void)state;
	lcm_words_each("", on_word, &w);
	lcm_words_each(" ... \xc2\xab \xc2\xbb ", on_word, &w);
	assert_string_equal(w.s, "");
}

static void
test_lcm_terms_each_skips_stop_short_numbers(void **state)
{
	struct seen w = { "" };

	(void)state;
	lcm_terms_each("Merci pour le livrable du 20 novembre, ok", on_term, &w);
	assert_string_equal(w.s, "livrable novembre ");
}

/* The stem of word in lang, copied to out. */
static void
stem(struct lcm_stemmer *s, int lang, const char *word, char *out, size_t size)
{
	size_t len;
	const char *st = lcm_stem(s, lang, word, strlen(word), &len);

	assert_int_equal(strlen(st), len);
	assert_true(len < size);
	memcpy(out, st, len + 1);
}

static void
test_lcm_stem_french_plural_same_stem(void **state)
{
	struct lcm_err err;
	struct lcm_stemmer *s = lcm_stemmer_new(&err);
	char a[64], b[64];

	(void)state;
	assert_non_null(s);
	stem(s, LCM_LANG_FR, "livrables", a, sizeof(a));
	stem(s, LCM_LANG_FR, "livrable", b, sizeof(b));
	assert_string_equal(a, b);
	stem(s, LCM_LANG_FR, "évaluations", a, sizeof(a));
	stem(s, LCM_LANG_FR, "évaluation", b, sizeof(b));
	assert_string_equal(a, b);
	lcm_stemmer_free(s);
}

static void
test_lcm_stem_english_plural_same_stem(void **state)
{
	struct lcm_err err;
	struct lcm_stemmer *s = lcm_stemmer_new(&err);
	char a[64], b[64];

	(void)state;
	assert_non_null(s);
	stem(s, LCM_LANG_EN, "exercises", a, sizeof(a));
	stem(s, LCM_LANG_EN, "exercise", b, sizeof(b));
	assert_string_equal(a, b);
	stem(s, LCM_LANG_EN, "joins", a, sizeof(a));
	assert_string_equal(a, "join");
	lcm_stemmer_free(s);
}

static void
test_lcm_stem_language_matters(void **state)
{
	struct lcm_err err;
	struct lcm_stemmer *s = lcm_stemmer_new(&err);
	char a[64], b[64];

	(void)state;
	assert_non_null(s);
	/* English strips -ing, French does not */
	stem(s, LCM_LANG_EN, "planning", a, sizeof(a));
	stem(s, LCM_LANG_FR, "planning", b, sizeof(b));
	assert_string_equal(a, "plan");
	assert_string_equal(b, "planning");
	lcm_stemmer_free(s);
}

static void
test_lcm_stem_long_word_and_free_null(void **state)
{
	struct lcm_err err;
	struct lcm_stemmer *s = lcm_stemmer_new(&err);
	char w[2000];
	size_t len;

	(void)state;
	assert_non_null(s);
	memset(w, 'a', sizeof(w) - 1);
	w[sizeof(w) - 1] = '\0';
	/* past what a stemmer is asked: the word as it is */
	assert_string_equal(lcm_stem(s, LCM_LANG_FR, w, strlen(w), &len), w);
	assert_int_equal(len, strlen(w));
	lcm_stemmer_free(s);
	lcm_stemmer_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lcm_stop_lang_french_function_words),
		cmocka_unit_test(test_lcm_stop_lang_greetings_and_politeness),
		cmocka_unit_test(test_lcm_stop_lang_content_words_none),
		cmocka_unit_test(test_lcm_stop_words_sorted_unique),
		cmocka_unit_test(test_lcm_words_each_lowercases_all_words),
		cmocka_unit_test(test_lcm_words_each_empty_and_punctuation),
		cmocka_unit_test(test_lcm_terms_each_skips_stop_short_numbers),
		cmocka_unit_test(test_lcm_stem_french_plural_same_stem),
		cmocka_unit_test(test_lcm_stem_english_plural_same_stem),
		cmocka_unit_test(test_lcm_stem_language_matters),
		cmocka_unit_test(test_lcm_stem_long_word_and_free_null),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
