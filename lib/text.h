/*
 * text.h - the words of a post: HTML to text, word count, questions.
 */
#ifndef LCM_TEXT_H
#define LCM_TEXT_H

#include <stddef.h>

/*
 * Plain text of an HTML fragment, as Moodle and Canvas store messages:
 * tags dropped (<script>/<style> content too), <br> <p> <div> <li> and
 * headings become line breaks, named (&eacute; &nbsp; &rsquo; ... the
 * HTML 4 set at least) and numeric (&#233; &#xE9;) entities decoded to
 * UTF-8, runs of spaces collapsed, at most one blank line kept, leading
 * and trailing space trimmed. Plain text passes through unchanged except
 * for whitespace. Invalid UTF-8 bytes become U+FFFD. NUL-safe on len.
 * Returns a string owned by the caller (free()).
 */
char *lcm_html_to_text(const char *html, size_t len);

/* Number of words (runs of letters/digits, UTF-8 letters included). */
int lcm_text_words(const char *text);

/*
 * 1 when the text reads as a question, in French or English: a '?'
 * (outside URLs), or a sentence opening with an interrogative:
 * comment, pourquoi, quand, où, quel(le)(s), qui, que, quoi, combien,
 * est-ce que/qu', savez-vous, connaissez-vous, y a-t-il, auriez-vous,
 * pouvez-vous / how, why, what, when, where, which, who, does anyone,
 * can anyone, is there, is it, are there, could, can i, should i ...
 * Case and accents ("Ou" for "Où") are ignored. 0 otherwise.
 */
int lcm_text_is_question(const char *text);

/*
 * Copies at most max characters (UTF-8 code points, not bytes) of text
 * into a new string, whitespace collapsed to single spaces, "…" appended
 * when cut. Returns a string owned by the caller (free()).
 */
char *lcm_text_excerpt(const char *text, size_t max);

#endif
