/*
 * terms.h - the words of a text: lower-cased words, the French and
 * English stop words (function words, greetings and politeness), and the
 * Snowball stemmers of both languages.
 *
 * lcm-unanswered's similarity (TF-IDF) reads the content words of
 * lcm_terms_each; lcm-report's themes read every word (lcm_words_each),
 * guess each post's language from its stop words, and stem the rest.
 */
#ifndef LCM_TERMS_H
#define LCM_TERMS_H

#include <stddef.h>

#include "err.h"

/* Languages, as bits: a stop word may be of both. */
#define LCM_LANG_FR 1
#define LCM_LANG_EN 2

/*
 * Calls fn once per content word of text, in order. term is a lower-case
 * UTF-8 word (ASCII letters lowered, accented capitals of Latin-1 too),
 * NUL-terminated, borrowed for the call. Words shorter than 3 characters,
 * numbers and stop words are skipped.
 */
void lcm_terms_each(const char *text, void (*fn)(const char *term, void *arg),
		    void *arg);

/*
 * Calls fn once per word of text, in order, lower-cased as for
 * lcm_terms_each but none skipped: chars is the word's length in
 * characters, digits 1 when it is a number. word is borrowed for the call.
 */
void lcm_words_each(const char *text,
		    void (*fn)(const char *word, size_t chars, int digits, void *arg),
		    void *arg);

/*
 * 1 when word (lower case) is a stop word of lcm-unanswered's similarity:
 * a shorter list than lcm_stop_lang's, French and English together.
 */
int lcm_is_stop_word(const char *word);

/* The languages (LCM_LANG_* bits) word (lower case) is a stop word of, or 0. */
int lcm_stop_lang(const char *word);

/*
 * The stop words of lang (one LCM_LANG_* value), sorted by bytes; *n is
 * set to their number. The list is static: borrowed for ever.
 */
const char *const *lcm_stop_words(int lang, size_t *n);

/* The French and English Snowball stemmers, and the stem last made. */
struct lcm_stemmer;

/*
 * A new stemmer pair, owned (lcm_stemmer_free), or NULL with err filled
 * when libstemmer lacks one of the languages.
 */
struct lcm_stemmer *lcm_stemmer_new(struct lcm_err *err);

/*
 * The stem of word (lower case UTF-8, len bytes) in lang (LCM_LANG_FR or
 * LCM_LANG_EN), NUL-terminated, borrowed until the next call; *stem_len
 * is set to its length in bytes. The word itself when the stemmer fails.
 */
const char *lcm_stem(struct lcm_stemmer *s, int lang, const char *word, size_t len,
		     size_t *stem_len);

/* Frees s and its stemmers; s may be NULL. */
void lcm_stemmer_free(struct lcm_stemmer *s);

#endif
