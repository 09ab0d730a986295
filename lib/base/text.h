/*
 * text.h - the words of a post: HTML to text, word count, questions.
 */
#ifndef LCM_TEXT_H
#define LCM_TEXT_H

#include <stddef.h>

/*
 * Plain text of an HTML fragment, as Moodle and Canvas store messages:
 * tags dropped (<script>/<style> content too, comments, a tag cut off by
 * the end of the input), CDATA kept as text, <p> <hr> <pre> <table>
 * <blockquote> and headings become a blank line, <br> <div> <li> <ul>
 * <ol> <tr> a line break, <li> starts with "- ". Named (the HTML 4 set
 * and &apos;) and numeric (&#233; &#xE9;) entities are decoded to UTF-8
 * when they end with ';' (else kept as written); &nbsp; and other
 * no-break spaces become plain spaces; code points that are not
 * characters become U+FFFD. Runs of spaces collapse, lines and the
 * result are trimmed, at most one blank line is kept. Input without
 * any markup is plain text: '<' is a character and newlines are kept.
 * Invalid UTF-8 becomes U+FFFD; NUL and other control characters within
 * len are dropped. html (len bytes) is borrowed; NULL reads as "".
 * Returns a string owned by the caller (free()).
 */
char *lcm_html_to_text(const char *html, size_t len);

/*
 * Number of words: runs of letters and digits (any script; punctuation,
 * symbols and emoji beyond ASCII are not letters). An apostrophe (' or
 * ’) or a hyphen inside a word joins it ("aujourd'hui", "l'exercice",
 * "est-ce": one word each), and so do '.' ',' between digits ("3.5").
 * text is borrowed; NULL counts 0.
 */
int lcm_text_words(const char *text);

/*
 * 1 when the text reads as a question, in French or English: a '?'
 * (outside URLs: "x.php?id=3" does not ask), or a sentence opening with
 * an interrogative: comment (followed by a word, not "Comment:"),
 * pourquoi, quand, où, quel(le)(s), qui, que, quoi, combien, est-ce
 * que, qu'est-ce, quelqu'un, savez-vous, y a-t-il, pourriez-vous ... /
 * how, why, what, when, where, which, who, does anyone, can anyone, is
 * there, is it, can i, should i, do you ... (the list is in text.c). A
 * sentence ending with '!' never asks. Case and accents are ignored,
 * except that "Ou" (or) is not "Où" (where). text is borrowed; NULL
 * gives 0. 0 otherwise.
 */
int lcm_text_is_question(const char *text);

/*
 * Copies at most max characters (UTF-8 code points, not bytes) of text
 * into a new string, white space (newlines too) collapsed to single
 * spaces and trimmed. When the text is longer, the excerpt keeps max - 1
 * characters, ending at a space when one is in the last 20, and "…" is
 * appended, so it never holds more than max characters. text is
 * borrowed (NULL is ""). Returns a string owned by the caller (free()).
 */
char *lcm_text_excerpt(const char *text, size_t max);

#endif
