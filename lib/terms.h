/*
 * terms.h - the content words of a text, for similarity (TF-IDF):
 * lower-cased, French and English stop words and short words dropped.
 */
#ifndef LCM_TERMS_H
#define LCM_TERMS_H

#include <stddef.h>

/*
 * Calls fn once per content word of text, in order. term is a lower-case
 * UTF-8 word (ASCII letters lowered, accented capitals of Latin-1 too),
 * NUL-terminated, borrowed for the call. Words shorter than 3 characters,
 * numbers and stop words are skipped.
 */
void lcm_terms_each(const char *text, void (*fn)(const char *term, void *arg),
		    void *arg);

/* 1 when word (lower case) is a French or English stop word. */
int lcm_is_stop_word(const char *word);

#endif
