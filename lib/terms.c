/* terms.c - content words of a text: see terms.h. */
#include "terms.h"

#include <stdlib.h>
#include <string.h>

/* Sorted, for bsearch. French without and with accents, and English. */
static const char *stop[] = {
	"about", "above", "after", "again", "ai", "aie", "ainsi", "all", "also",
	"alors", "and", "any", "are", "as", "au", "aucun", "aussi", "autre", "aux",
	"avec", "avez", "avoir", "because", "been", "before", "being", "bien", "bonjour",
	"both", "but", "can", "car", "ce", "cela", "celle", "celui", "ces", "cet",
	"cette", "ceux", "chaque", "chez", "comme", "comment", "could", "dans", "des",
	"did", "does", "doing", "donc", "dont", "down", "du", "each", "elle", "elles",
	"encore", "entre", "est", "et", "etaient", "etait", "ete", "etre", "eux",
	"few", "for", "from", "further", "had", "has", "have", "having", "hello",
	"her", "here", "hers", "him", "his", "how", "ici", "ils", "into", "its",
	"itself", "just", "les", "leur", "leurs", "lui", "mais", "me", "meme",
	"merci", "mes", "moi", "mon", "more", "most", "much", "must", "nos",
	"not", "notre", "nous", "now", "off", "once", "only", "ont", "other",
	"our", "ours", "out", "over", "own", "par", "pas", "peu", "peut", "plus",
	"pour", "pourquoi", "quand", "que", "quel", "quelle", "quelles", "quels",
	"qui", "quoi", "same", "sans", "ses", "she", "should", "since", "some",
	"son", "sont", "such", "sur", "than", "thank", "thanks", "that", "the",
	"their", "theirs", "them", "then", "there", "these", "they", "this",
	"those", "through", "tous", "tout", "toute", "toutes", "tres", "trop",
	"une", "very", "vos", "votre", "vous", "was", "were", "what", "when",
	"where", "which", "while", "who", "whom", "why", "will", "with", "would",
	"you", "your", "yours", "\xc3\xa0", "\xc3\xa9t\xc3\xa9", "\xc3\xaatre",
	"\xc3\xa7" "a", "m\xc3\xaame", "tr\xc3\xa8s",
};

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int
lcm_is_stop_word(const char *word)
{
	static int sorted;

	/* the list is written for people; sort it once for bsearch */
	if (!sorted) {
		qsort(stop, sizeof(stop) / sizeof(stop[0]), sizeof(stop[0]), cmp);
		sorted = 1;
	}
	return bsearch(&word, stop, sizeof(stop) / sizeof(stop[0]), sizeof(stop[0]),
		       cmp) != NULL;
}

/* Appends the k-byte character at s to out, lower-cased. */
static void
lower_char(const unsigned char *s, char *out, size_t *n, size_t k)
{
	size_t i;

	if (k == 1) {
		out[(*n)++] = (char)(s[0] >= 'A' && s[0] <= 'Z' ? s[0] + 32 : s[0]);
		return;
	}
	/* U+00C0-U+00DE (Latin-1 capitals, not U+00D7) -> +0x20 */
	if (k == 2 && s[0] == 0xc3 && s[1] >= 0x80 && s[1] <= 0x9e && s[1] != 0x97) {
		out[(*n)++] = (char)0xc3;
		out[(*n)++] = (char)(s[1] + 0x20);
		return;
	}
	for (i = 0; i < k; i++)
		out[(*n)++] = (char)s[i];
}

/*
 * Is p at a word character: an ASCII letter or digit, or a non-ASCII
 * character other than the punctuation French text is full of (no-break
 * space, guillemets, U+2000-U+206F such as the typographic apostrophe)?
 */
static int
word_at(const unsigned char *p)
{
	if (p[0] < 0x80)
		return (p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z') ||
			(p[0] >= '0' && p[0] <= '9');
	if (p[0] == 0xc2 && (p[1] == 0xa0 || p[1] == 0xab || p[1] == 0xbb))
		return 0;
	if (p[0] == 0xe2 && (p[1] == 0x80 || p[1] == 0x81))
		return 0;
	return 1;
}

/* Length of the character at p (1 for a stray byte). */
static size_t
char_len(const unsigned char *p)
{
	size_t n = p[0] < 0x80 ? 1 : p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc0 ? 2 : 1;
	size_t i;

	for (i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return i;
	return n;
}

void
lcm_terms_each(const char *text, void (*fn)(const char *term, void *arg), void *arg)
{
	const unsigned char *p = (const unsigned char *)text;
	char word[64];
	size_t n, k, chars;
	int digits;

	while (*p) {
		while (*p && !word_at(p))
			p += char_len(p);
		n = chars = 0;
		digits = 1;
		while (*p && word_at(p)) {
			if (*p < '0' || *p > '9')
				digits = 0;
			chars++;
			k = char_len(p);
			if (n + k + 1 < sizeof(word))
				lower_char(p, word, &n, k);
			p += k;
		}
		word[n] = '\0';
		if (chars >= 3 && !digits && !lcm_is_stop_word(word))
			fn(word, arg);
	}
}
