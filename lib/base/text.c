/*
 * text.c - the words of a post: HTML to text, word count, questions,
 * excerpts. See text.h. Every function here runs in linear time: no
 * regular expression, no backtracking beyond a bounded look-ahead.
 */
#include "text.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

#define NONE	((size_t)-1)
#define REPL	0xFFFDu		/* U+FFFD REPLACEMENT CHARACTER */

/*
 * Decodes one UTF-8 sequence of s (n > 0 bytes) into *cp and returns
 * the bytes used. Overlongs, surrogates and code points past U+10FFFF
 * give U+FFFD for the longest ill-formed prefix (at least one byte), as
 * Unicode recommends, so a bad byte never swallows the text after it.
 */
static size_t
utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t need, i;
	uint32_t v;

	*cp = REPL;
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		lo = c == 0xE0 ? 0xA0 : 0x80;	/* no overlong */
		hi = c == 0xED ? 0x9F : 0xBF;	/* no surrogate */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;	/* <= U+10FFFF */
	} else {
		return 1;
	}
	for (i = 1; i <= need; i++) {
		if (i >= n || s[i] < lo || s[i] > hi)
			return i;
		v = v << 6 | (s[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return i;
}

/* Encodes cp (a valid scalar value) into u; returns its length. */
static size_t
utf8_enc(uint32_t cp, char u[4])
{
	if (cp < 0x80) {
		u[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (char)(0xF0 | cp >> 18);
	u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	u[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Appends cp to b as UTF-8. */
static void
utf8_put(struct lcm_buf *b, uint32_t cp)
{
	char u[4];

	lcm_buf_add(b, u, utf8_enc(cp, u));
}

/* ASCII classes, whatever the locale. */
static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(uint32_t c)
{
	return c >= '0' && c <= '9';
}

/* ASCII white space, for scanning bytes. */
static int
is_blank_byte(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* ASCII lower case; other bytes unchanged. */
static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

/* White space for every function here, no-break spaces included. */
static int
is_space(uint32_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 ||
	    (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
	    c == 0x3000;
}

/* Characters dropped from text: controls, soft hyphen, BOM. */
static int
is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xAD || c == 0xFEFF;
}

/*
 * Part of a word: ASCII letters and digits, and any other code point
 * outside the blocks of punctuation and symbols ("«", "—", "…", "€",
 * arrows, emoji, U+FFFD...), so accented and non-Latin letters count.
 */
static int
is_word(uint32_t c)
{
	if (c < 0x80)
		return is_alpha((int)c) || is_digit(c);
	if (c < 0xC0)		/* Latin-1 signs, but ª ² ³ µ ¹ º */
		return c == 0xAA || c == 0xB2 || c == 0xB3 || c == 0xB5 ||
		    c == 0xB9 || c == 0xBA;
	return !(c == 0xD7 || c == 0xF7 || (c >= 0x2000 && c <= 0x2BFF) ||
	    (c >= 0x3000 && c <= 0x303F) || (c >= 0xFE10 && c <= 0xFE6F) ||
	    (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
	    (c >= 0xFFF0 && c <= 0xFFFF) || (c >= 0x1F000 && c <= 0x1FAFF));
}

/*
 * Named entities: the whole HTML 4 set, plus &apos;. Latin-1 and Greek
 * are runs of consecutive code points ("" for a hole).
 */
static const char *const latin1[96] = {		/* U+00A0 ... */
	"nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect",
	"uml", "copy", "ordf", "laquo", "not", "shy", "reg", "macr",
	"deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot",
	"cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34",
	"iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring",
	"AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave",
	"Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
	"Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute",
	"Ucirc", "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute",
	"acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave",
	"eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth",
	"ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml", "divide",
	"oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn",
	"yuml"
};
static const char *const greek[2][25] = { {	/* U+0391, U+03B1 ... */
	"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Zeta", "Eta", "Theta",
	"Iota", "Kappa", "Lambda", "Mu", "Nu", "Xi", "Omicron", "Pi", "Rho",
	"", "Sigma", "Tau", "Upsilon", "Phi", "Chi", "Psi", "Omega"
}, {
	"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta",
	"iota", "kappa", "lambda", "mu", "nu", "xi", "omicron", "pi", "rho",
	"sigmaf", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega"
} };
static const struct {
	const char *name;
	uint32_t cp;
} named[] = {
	{"quot", 34}, {"amp", 38}, {"apos", 39}, {"lt", 60}, {"gt", 62},
	{"OElig", 338}, {"oelig", 339}, {"Scaron", 352}, {"scaron", 353},
	{"Yuml", 376}, {"fnof", 402}, {"circ", 710}, {"tilde", 732},
	{"thetasym", 977}, {"upsih", 978}, {"piv", 982}, {"ensp", 8194},
	{"emsp", 8195}, {"thinsp", 8201}, {"zwnj", 8204}, {"zwj", 8205},
	{"lrm", 8206}, {"rlm", 8207}, {"ndash", 8211}, {"mdash", 8212},
	{"lsquo", 8216}, {"rsquo", 8217}, {"sbquo", 8218}, {"ldquo", 8220},
	{"rdquo", 8221}, {"bdquo", 8222}, {"dagger", 8224}, {"Dagger", 8225},
	{"bull", 8226}, {"hellip", 8230}, {"permil", 8240}, {"prime", 8242},
	{"Prime", 8243}, {"lsaquo", 8249}, {"rsaquo", 8250}, {"oline", 8254},
	{"frasl", 8260}, {"euro", 8364}, {"image", 8465}, {"weierp", 8472},
	{"real", 8476}, {"trade", 8482}, {"alefsym", 8501}, {"larr", 8592},
	{"uarr", 8593}, {"rarr", 8594}, {"darr", 8595}, {"harr", 8596},
	{"crarr", 8629}, {"lArr", 8656}, {"uArr", 8657}, {"rArr", 8658},
	{"dArr", 8659}, {"hArr", 8660}, {"forall", 8704}, {"part", 8706},
	{"exist", 8707}, {"empty", 8709}, {"nabla", 8711}, {"isin", 8712},
	{"notin", 8713}, {"ni", 8715}, {"prod", 8719}, {"sum", 8721},
	{"minus", 8722}, {"lowast", 8727}, {"radic", 8730}, {"prop", 8733},
	{"infin", 8734}, {"ang", 8736}, {"and", 8743}, {"or", 8744},
	{"cap", 8745}, {"cup", 8746}, {"int", 8747}, {"there4", 8756},
	{"sim", 8764}, {"cong", 8773}, {"asymp", 8776}, {"ne", 8800},
	{"equiv", 8801}, {"le", 8804}, {"ge", 8805}, {"sub", 8834},
	{"sup", 8835}, {"nsub", 8836}, {"sube", 8838}, {"supe", 8839},
	{"oplus", 8853}, {"otimes", 8855}, {"perp", 8869}, {"sdot", 8901},
	{"lceil", 8968}, {"rceil", 8969}, {"lfloor", 8970}, {"rfloor", 8971},
	/* HTML 4 said U+2329/U+232A; browsers now use the mathematical ones */
	{"lang", 0x27E8}, {"rang", 0x27E9}, {"loz", 9674}, {"spades", 9824},
	{"clubs", 9827}, {"hearts", 9829}, {"diams", 9830}
};

/* &#128; to &#159; mean Windows-1252 (Word's quotes and dashes). */
static const uint16_t cp1252[32] = {
	0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
	0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
};

/* Code point of a named entity (without & and ;), or NONE. */
static size_t
entity_named(const char *name)
{
	size_t i, g;

	for (i = 0; i < 96; i++)
		if (strcmp(name, latin1[i]) == 0)
			return 0xA0 + i;
	for (g = 0; g < 2; g++)
		for (i = 0; i < 25; i++)
			if (strcmp(name, greek[g][i]) == 0)
				return (g ? 0x3B1 : 0x391) + i;
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strcmp(name, named[i].name) == 0)
			return named[i].cp;
	return NONE;
}

/*
 * Decodes the entity at s[i] == '&' into *cp; returns its length, or 0
 * when it is not one (the caller keeps it as written). The ';' is
 * required, even where HTML5 would accept "&amp" or "&#233 " for old
 * pages: "AT&T" or "&copy" in a post stay as typed. Numbers that are
 * not characters (0, surrogates, past U+10FFFF) give U+FFFD.
 */
static size_t
entity(const unsigned char *s, size_t len, size_t i, uint32_t *cp)
{
	char name[33];
	size_t j = i + 1, k = 0, v;
	uint32_t n = 0, base = 10, d;

	if (j < len && s[j] == '#') {
		if (++j < len && lower(s[j]) == 'x') {
			base = 16;
			j++;
		}
		for (; j < len; j++, k++) {
			if (is_digit(s[j]))
				d = s[j] - '0';
			else if (base == 16 && lower(s[j]) >= 'a' &&
			    lower(s[j]) <= 'f')
				d = (uint32_t)lower(s[j]) - 'a' + 10;
			else
				break;
			n = n > 0x10FFFF ? n : n * base + d;	/* saturates */
		}
		if (k == 0 || j >= len || s[j] != ';')
			return 0;
		if (n >= 0x80 && n <= 0x9F)
			n = cp1252[n - 0x80];
		else if (n == 0 || (n >= 0xD800 && n <= 0xDFFF) || n > 0x10FFFF)
			n = REPL;
		*cp = n;
		return j + 1 - i;
	}
	for (; j < len && k < 32 && (is_alpha(s[j]) || is_digit(s[j])); j++)
		name[k++] = (char)s[j];
	name[k] = '\0';
	if (k == 0 || j >= len || s[j] != ';' ||
	    (v = entity_named(name)) == NONE)
		return 0;
	*cp = (uint32_t)v;
	return j + 1 - i;
}

/* The writer behind lcm_html_to_text: white space collapses as it goes. */
struct out {
	struct lcm_buf b;
	int html;	/* a newline in the source is a space, outside <pre> */
	int pre;	/* depth of <pre> elements */
	int space;	/* a space is pending */
	int nl;		/* line breaks pending: 2 is one blank line, the most */
};

/*
 * Writes one character of text. Pending space and line breaks are only
 * written before a visible character, so lines and the result come out
 * trimmed.
 */
static void
put(struct out *o, uint32_t cp)
{
	if (cp == '\n' || cp == '\r') {
		if (o->html && o->pre == 0)
			o->space = 1;
		else if (o->nl < 2)
			o->nl++;
		return;
	}
	if (is_space(cp)) {
		o->space = 1;
		return;
	}
	if (is_control(cp))
		return;
	if (o->b.len > 0 && o->nl > 0)
		lcm_buf_add(&o->b, "\n\n", (size_t)o->nl);
	else if (o->b.len > 0 && o->space)
		lcm_buf_addc(&o->b, ' ');
	o->nl = o->space = 0;
	utf8_put(&o->b, cp);
}

/* Asks for at least n line breaks before the next text (a block edge). */
static void
brk(struct out *o, int n)
{
	if (o->nl < n)
		o->nl = n;
}

/* Writes s[i..j) as text, no entity decoded (CDATA, a stray '<'). */
static void
put_span(struct out *o, const unsigned char *s, size_t i, size_t j)
{
	uint32_t cp;

	while (i < j) {
		i += utf8_decode(s + i, j - i, &cp);
		put(o, cp);
	}
}

/* Position of the first needle in s[i..len), or NONE. */
static size_t
find(const unsigned char *s, size_t len, size_t i, const char *needle)
{
	size_t n = strlen(needle);

	for (; i + n <= len; i++)
		if (s[i] == (unsigned char)needle[0] &&
		    memcmp(s + i, needle, n) == 0)
			return i;
	return NONE;
}

/*
 * 1 when the input holds markup: a '<' opening a tag, end tag, comment
 * or declaration, with a '>' after it. Without any, the input is plain
 * text: every '<' is a character and newlines are line breaks.
 */
static int
looks_like_html(const unsigned char *s, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i++) {
		if (s[i] != '<')
			continue;
		if (is_alpha(s[i + 1]) || s[i + 1] == '!' || s[i + 1] == '?' ||
		    (s[i + 1] == '/' && i + 2 < len && is_alpha(s[i + 2])))
			return memchr(s + i, '>', len - i) != NULL;
	}
	return 0;
}

enum { T_INLINE, T_LINE, T_PARA, T_BR, T_LI, T_CELL, T_PRE, T_RAW };

static const struct {
	const char *name;
	int kind;
} tags[] = {
	{"p", T_PARA}, {"h1", T_PARA}, {"h2", T_PARA}, {"h3", T_PARA},
	{"h4", T_PARA}, {"h5", T_PARA}, {"h6", T_PARA}, {"hr", T_PARA},
	{"blockquote", T_PARA}, {"table", T_PARA}, {"pre", T_PRE},
	{"br", T_BR}, {"li", T_LI}, {"td", T_CELL}, {"th", T_CELL},
	{"div", T_LINE}, {"ul", T_LINE}, {"ol", T_LINE}, {"dl", T_LINE},
	{"dt", T_LINE}, {"dd", T_LINE}, {"tr", T_LINE}, {"caption", T_LINE},
	{"section", T_LINE}, {"article", T_LINE}, {"header", T_LINE},
	{"footer", T_LINE}, {"nav", T_LINE}, {"aside", T_LINE},
	{"main", T_LINE}, {"figure", T_LINE}, {"figcaption", T_LINE},
	{"address", T_LINE}, {"form", T_LINE}, {"fieldset", T_LINE},
	{"details", T_LINE}, {"summary", T_LINE},
	{"script", T_RAW}, {"style", T_RAW}
};

/* Applies a tag to the text; returns its kind. */
static int
tag(struct out *o, const char *name, int end)
{
	size_t i;
	int kind = T_INLINE;

	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++)
		if (strcmp(name, tags[i].name) == 0) {
			kind = tags[i].kind;
			break;
		}
	switch (kind) {
	case T_PRE:
		o->pre += end ? (o->pre > 0 ? -1 : 0) : 1;
		brk(o, 2);
		break;
	case T_PARA:
		brk(o, 2);
		break;
	case T_LINE:
		brk(o, 1);
		break;
	case T_BR:		/* each <br> counts: <br><br> is a blank line */
		if (o->nl < 2)
			o->nl++;
		break;
	case T_LI:
		brk(o, 1);
		if (!end) {
			put(o, '-');
			o->space = 1;
		}
		break;
	case T_CELL:
		o->space = 1;
		break;
	}
	return kind;
}

/* After <script> or <style>: the position past its end tag, or len. */
static size_t
skip_raw(const unsigned char *s, size_t len, size_t i, const char *name)
{
	size_t n = strlen(name), k;
	const unsigned char *gt;

	for (; i + 2 + n <= len; i++) {
		if (s[i] != '<' || s[i + 1] != '/')
			continue;
		for (k = 0; k < n && lower(s[i + 2 + k]) == name[k]; k++)
			;
		if (k < n || (i + 2 + n < len && s[i + 2 + n] != '>' &&
		    s[i + 2 + n] != '/' && !is_blank_byte(s[i + 2 + n])))
			continue;
		gt = memchr(s + i, '>', len - i);
		return gt ? (size_t)(gt - s) + 1 : len;
	}
	return len;
}

/*
 * Reads the markup at s[i] == '<' and returns the position after it.
 * Markup cut off by the end of the input (an export that truncated the
 * message) is dropped; a '<' that opens no tag ("a < b", "<3") is text.
 */
static size_t
markup(struct out *o, const unsigned char *s, size_t len, size_t i)
{
	char name[16];
	size_t j = i + 1, k, n = 0;
	const unsigned char *q;
	int end = 0, eq = 0;

	if (len - j >= 3 && memcmp(s + j, "!--", 3) == 0) {
		k = find(s, len, i + 2, "-->");		/* "<!-->" closes too */
		return k == NONE ? len : k + 3;
	}
	if (len - j >= 8 && memcmp(s + j, "![CDATA[", 8) == 0) {
		k = find(s, len, j + 8, "]]>");
		put_span(o, s, j + 8, k == NONE ? len : k);
		return k == NONE ? len : k + 3;
	}
	if (j < len && (s[j] == '!' || s[j] == '?')) {	/* <!DOCTYPE> <?xml?> */
		q = memchr(s + j, '>', len - j);
		return q ? (size_t)(q - s) + 1 : len;
	}
	if (j < len && s[j] == '/') {
		end = 1;
		j++;
	}
	if (j >= len || !is_alpha(s[j])) {
		put(o, '<');
		return i + 1;
	}
	for (; j < len && (is_alpha(s[j]) || is_digit(s[j])); j++)
		if (n < sizeof(name) - 1)
			name[n++] = (char)lower(s[j]);
	name[n] = '\0';
	/* attributes: a quoted value may hold '>' */
	for (k = j; k < len && s[k] != '>'; k++) {
		if ((s[k] == '"' || s[k] == '\'') && eq) {
			if ((q = memchr(s + k + 1, s[k], len - k - 1)) == NULL)
				return len;
			k = (size_t)(q - s);
			eq = 0;
		} else if (s[k] == '=') {
			eq = 1;
		} else if (!is_blank_byte(s[k])) {
			eq = 0;
		}
	}
	if (k >= len)
		return len;
	if (tag(o, name, end) == T_RAW && !end && s[k - 1] != '/')
		return skip_raw(s, len, k + 1, name);
	return k + 1;
}

char *
lcm_html_to_text(const char *html, size_t len)
{
	const unsigned char *s = (const unsigned char *)html;
	struct out o;
	size_t i = 0, n;
	uint32_t cp;

	lcm_buf_init(&o.b);
	o.pre = o.space = o.nl = 0;
	if (s == NULL)
		len = 0;
	o.html = looks_like_html(s, len);
	while (i < len) {
		if (s[i] == '<' && o.html) {
			i = markup(&o, s, len, i);
		} else if (s[i] == '&' && (n = entity(s, len, i, &cp)) > 0) {
			put(&o, cp);
			i += n;
		} else if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') {
			i++;	/* CRLF is one line break */
		} else if (s[i] > ' ' && s[i] < 0x7F && s[i] != '&') {
			/* a run of visible ASCII: what put() does, at once */
			for (n = i + 1; n < len && s[n] > ' ' && s[n] < 0x7F &&
			    s[n] != '&' && s[n] != '<'; n++)
				;
			put(&o, s[i]);
			lcm_buf_add(&o.b, (const char *)s + i + 1, n - i - 1);
			i = n;
		} else {
			i += utf8_decode(s + i, len - i, &cp);
			put(&o, cp);
		}
	}
	return lcm_buf_detach(&o.b);
}

/*
 * Words: runs of word characters (is_word). An apostrophe (' or U+2019)
 * or a hyphen (-, U+2010, U+2011) between two word characters joins
 * them, and so do '.' and ',' between two digits, as Moodle's
 * count_words does: "aujourd'hui", "l'exercice", "est-ce", "3.5" are
 * one word each.
 */
int
lcm_text_words(const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = text ? strlen(text) : 0, i = 0;
	uint32_t cp, next, prev = 0;
	int words = 0, in = 0, join;

	while (i < n) {
		if (s[i] < 0x80)	/* most of a text: no decoding */
			cp = s[i++];
		else
			i += utf8_decode(s + i, n - i, &cp);
		if (is_word(cp)) {
			if (!in && words < INT_MAX)
				words++;
			in = 1;
			prev = cp;
			continue;
		}
		join = cp == '\'' || cp == 0x2019 || cp == '-' ||
		    cp == 0x2010 || cp == 0x2011;
		if (in && i < n &&
		    (join || ((cp == '.' || cp == ',') && is_digit(prev)))) {
			utf8_decode(s + i, n - i, &next);
			if (join ? is_word(next) : is_digit(next))
				continue;	/* the word goes on */
		}
		in = 0;
	}
	return words;
}

/*
 * Questions. A text is a question when
 *  1. it holds a '?' outside URLs (tokens with "://" or "www."), where
 *     only a '?' ending the token counts ("Vu http://x.org/?" asks;
 *     "http://x.org/?id=3" does not); or
 *  2. a sentence opens with an interrogative of openers[] below. A
 *     sentence starts the text or follows a newline or . ! ? … and a
 *     space; one that ends with '!' is exclamatory and never counts
 *     ("Quel plaisir !", "What a course!"). A clause after , ; : counts
 *     too when it opens with an appeal for help (F_CLAUSE: "..., does
 *     anyone know", "l'exercice 3, quelqu'un peut m'aider"), or with any
 *     interrogative after a lead-in of at most three words ("Bonjour à
 *     tous, comment...", "Question: how...").
 * Openings are compared folded: lower case, accents dropped (é è ê ë à
 * â ç î ï ô û ü ...), ’ read as '. The one accent kept is ù: "où" asks
 * but "ou" (or) opens statements ("Ou alors on..."), and a writer who
 * means "where" without the accent is not told from one who means "or".
 */
#define F_CLAUSE 1	/* may open a clause too, not only a sentence */
#define F_WORD	2	/* a word follows: "Comment faire", not "Comment:" */
#define F_EN	4	/* not before I, you, it, a...: "When I click, ..." */
#define F_FR	8	/* not before je, on, vous...: "Quand je clique, ..." */
#define F_NOT	16	/* opens a statement: "Quoi qu'il en soit" */

static const struct {
	const char *words;
	int flags;
} openers[] = {
	{"quoi que", F_NOT}, {"quoi qu'", F_NOT}, {"quel que", F_NOT},
	{"quelle que", F_NOT}, {"quels que", F_NOT}, {"quelles que", F_NOT},
	{"qui plus est", F_NOT}, {"quand meme", F_NOT},
	{"comment", F_WORD}, {"pourquoi", 0}, {"quand", F_FR},
	{"o\xc3\xb9", 0}, {"d'o\xc3\xb9", 0}, {"quel", 0}, {"quelle", 0},
	{"quels", 0}, {"quelles", 0}, {"lequel", 0}, {"laquelle", 0},
	{"lesquels", 0}, {"lesquelles", 0}, {"qui", 0}, {"que", 0},
	{"quoi", 0}, {"combien", 0}, {"a quoi", 0}, {"a qui", 0},
	{"a quel", 0}, {"a quelle", 0}, {"de quoi", 0}, {"qu'en", 0},
	{"qu'est-ce", F_CLAUSE}, {"qu'est ce", F_CLAUSE},
	{"est-ce", F_CLAUSE}, {"est ce que", F_CLAUSE},
	{"est ce qu'", F_CLAUSE}, {"quelqu'un", F_CLAUSE},
	{"y a-t-il", F_CLAUSE}, {"y a t il", F_CLAUSE},
	{"y a-t'il", F_CLAUSE}, {"y'a t'il", F_CLAUSE},
	{"savez-vous", F_CLAUSE}, {"connaissez-vous", F_CLAUSE},
	{"auriez-vous", F_CLAUSE}, {"pourriez-vous", F_CLAUSE},
	{"pouvez-vous", F_CLAUSE}, {"avez-vous", F_CLAUSE},
	{"pensez-vous", F_CLAUSE}, {"peut-on", F_CLAUSE},
	{"faut-il", F_CLAUSE}, {"dois-je", F_CLAUSE}, {"puis-je", F_CLAUSE},
	{"peux-tu", F_CLAUSE}, {"pourrais-tu", F_CLAUSE},
	{"sais-tu", F_CLAUSE}, {"aurais-tu", F_CLAUSE}, {"as-tu", F_CLAUSE},
	{"est-il", F_CLAUSE}, {"existe-t-il", F_CLAUSE},
	{"je voudrais savoir", F_CLAUSE}, {"j'aimerais savoir", F_CLAUSE},
	{"je me demande", F_CLAUSE}, {"je me demandais", F_CLAUSE},
	{"how", F_EN}, {"why", F_EN}, {"what", F_EN}, {"when", F_EN},
	{"where", F_EN}, {"which", F_EN}, {"who", F_EN}, {"whom", F_EN},
	{"whose", 0}, {"does", 0}, {"did", 0}, {"do i", 0}, {"do you", 0},
	{"do we", 0}, {"am i", 0}, {"are you", 0}, {"is it", 0},
	{"is this", 0}, {"can i", 0}, {"could i", 0}, {"should i", 0},
	{"can we", 0}, {"should we", 0},
	{"is there", F_CLAUSE}, {"are there", F_CLAUSE},
	{"does anyone", F_CLAUSE}, {"does anybody", F_CLAUSE},
	{"has anyone", F_CLAUSE}, {"have you", F_CLAUSE},
	{"can anyone", F_CLAUSE}, {"could anyone", F_CLAUSE},
	{"can someone", F_CLAUSE}, {"could someone", F_CLAUSE},
	{"can you", F_CLAUSE}, {"could you", F_CLAUSE},
	{"would you", F_CLAUSE}, {"anyone know", F_CLAUSE},
	{"anybody know", F_CLAUSE}, {"any idea", F_CLAUSE},
	{"any ideas", F_CLAUSE}, {"i wonder", F_CLAUSE},
	{"i was wondering", F_CLAUSE}
};

static const char *const pron_en[] = {
	"i", "you", "we", "they", "he", "she", "it", "a", "an", NULL
};
static const char *const pron_fr[] = {
	"je", "j", "tu", "il", "elle", "on", "nous", "vous", "ils", "elles",
	NULL
};

/* U+00C0 to U+00FF folded ('*': kept as is); ù is handled apart. */
static const char fold_latin1[] =
	"aaaaaa*ceeeeiiii*nooooo**uuuuy**aaaaaa*ceeeeiiii*nooooo**uuuuy*y";

/*
 * Folds the start of p[0..end) into out (size > 8): at most size - 1
 * bytes, from at most 4 * size bytes of input (runs of spaces fold to
 * one), so that folding each clause of a text stays linear.
 */
static void
fold(const unsigned char *p, const unsigned char *end, char *out,
     size_t size)
{
	size_t n = 0;
	uint32_t cp;

	if ((size_t)(end - p) > 4 * size)
		end = p + 4 * size;
	while (p < end && n + 5 < size) {
		p += utf8_decode(p, (size_t)(end - p), &cp);
		if (is_space(cp)) {
			if (n > 0 && out[n - 1] != ' ')
				out[n++] = ' ';
		} else if (cp < 0x80) {
			out[n++] = (char)lower((int)cp);
		} else if (cp == 0x2019 || cp == 0x02BC) {
			out[n++] = '\'';
		} else if (cp == 0x2010 || cp == 0x2011) {
			out[n++] = '-';
		} else if (cp >= 0xC0 && cp <= 0xFF && (cp & 0x1F) != 0x19 &&
		    fold_latin1[cp - 0xC0] != '*') {
			out[n++] = fold_latin1[cp - 0xC0];
		} else {
			if (cp == 0xD9)		/* Ù */
				cp = 0xF9;
			n += utf8_enc(cp, out + n);
		}
	}
	out[n] = '\0';
}

/* 1 when the folded text f opens with a word of list. */
static int
next_word_in(const char *f, const char *const *list)
{
	size_t n = 0;

	while (*f == ' ')
		f++;
	while (is_alpha(f[n]))
		n++;
	if ((unsigned char)f[n] >= 0x80)
		return 0;
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(f, *list, n) == 0)
			return 1;
	return 0;
}

/*
 * 1 when p[0..end), a sentence or clause, opens with an interrogative;
 * clause: only openers marked F_CLAUSE count.
 */
static int
opens(const unsigned char *p, const unsigned char *end, int clause)
{
	char f[64];
	const char *after;
	size_t i, k, n;
	uint32_t cp;
	int fl;

	/* skip quotes, bullets, "« ", but not into the next clause */
	while (p < end && *p != ',' && *p != ';' && *p != ':') {
		k = utf8_decode(p, (size_t)(end - p), &cp);
		if (is_word(cp))
			break;
		p += k;
	}
	if (p >= end || *p == ',' || *p == ';' || *p == ':')
		return 0;
	/* an ASCII letter folds to itself in lower case: no opener, no fold */
	if (*p < 0x80) {
		for (i = 0; i < sizeof(openers) / sizeof(openers[0]) &&
		    openers[i].words[0] != lower(*p); i++)
			;
		if (i == sizeof(openers) / sizeof(openers[0]))
			return 0;
	}
	fold(p, end, f, sizeof(f));
	for (i = 0; i < sizeof(openers) / sizeof(openers[0]); i++) {
		if (f[0] != openers[i].words[0])	/* most sentences: no opener */
			continue;
		fl = openers[i].flags;
		n = strlen(openers[i].words);
		if ((clause && !(fl & (F_CLAUSE | F_NOT))) ||
		    strncmp(f, openers[i].words, n) != 0)
			continue;
		after = f + n;
		/* whole words only: "how" is not "however" */
		if ((is_alpha(f[n - 1]) || (unsigned char)f[n - 1] >= 0x80) &&
		    (is_alpha(*after) || is_digit((unsigned char)*after) ||
		    (unsigned char)*after >= 0x80 || *after == '-'))
			continue;
		if (fl & F_NOT)
			return 0;
		while (*after == ' ')
			after++;
		if ((fl & F_WORD) && !is_alpha(*after) &&
		    (unsigned char)*after < 0x80)
			continue;
		if (((fl & F_EN) && next_word_in(after, pron_en)) ||
		    ((fl & F_FR) && next_word_in(after, pron_fr)))
			continue;
		return 1;
	}
	return 0;
}

/* 1 when a sentence p[0..end) asks, by its opening or a clause's. */
static int
sentence_asks(const unsigned char *p, const unsigned char *end)
{
	size_t words = 0;
	uint32_t cp;
	int in = 0;

	if (opens(p, end, 0))
		return 1;
	while (p < end) {
		if (*p == ',' || *p == ';' || *p == ':') {
			if (opens(p + 1, end, words > 3 || *p == ';'))
				return 1;
			words = 4;	/* the lead-in is over */
			in = 0;
			p++;
			continue;
		}
		p += utf8_decode(p, (size_t)(end - p), &cp);
		if (is_word(cp) && !in)
			words++;
		in = is_word(cp);
	}
	return 0;
}

/* Length of the sentence end at p (newline, "…", ". " "!" "?"), or 0. */
static size_t
stop_len(const unsigned char *p)
{
	if (*p == '\n')
		return 1;
	if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xA6)
		return 3;
	if ((*p == '.' || *p == '!' || *p == '?') && (p[1] == '\0' ||
	    is_blank_byte(p[1]) || p[1] == '.' || p[1] == '!' || p[1] == '?'))
		return 1;
	return 0;
}

/* Rule 1: a '?' outside URLs. */
static int
has_mark(const unsigned char *s)
{
	const unsigned char *t, *e;
	size_t n, i;
	int url;

	while (*s) {
		while (is_blank_byte(*s))
			s++;
		for (t = s; *s && !is_blank_byte(*s); s++)
			;
		n = (size_t)(s - t);
		if (memchr(t, '?', n) == NULL)
			continue;
		for (i = 0, url = 0; !url && i + 3 <= n; i++)
			url = memcmp(t + i, "://", 3) == 0 || (i + 4 <= n &&
			    lower(t[i]) == 'w' && lower(t[i + 1]) == 'w' &&
			    lower(t[i + 2]) == 'w' && t[i + 3] == '.');
		if (!url)
			return 1;
		for (e = s; e > t && strchr(")]}>\"'.,;:!", e[-1]) != NULL; e--)
			;
		if (e > t && e[-1] == '?')
			return 1;
	}
	return 0;
}

int
lcm_text_is_question(const char *text)
{
	const unsigned char *p = (const unsigned char *)text, *start, *e;
	size_t k;
	int bang;

	if (p == NULL)
		return 0;
	if (has_mark(p))
		return 1;
	while (*p) {
		start = p;
		for (e = p; *e && stop_len(e) == 0; e++)
			;
		bang = 0;
		for (p = e; *p && ((k = stop_len(p)) > 0 || is_blank_byte(*p));
		    p += k ? k : 1)
			bang |= *p == '!';
		if (!bang && sentence_asks(start, e))
			return 1;
	}
	return 0;
}

/*
 * The excerpt keeps max - 1 characters and adds "…" when the text is
 * longer than max, so it never takes more than max columns' worth of
 * code points. A word cut within its last 20 characters is dropped
 * whole.
 */
char *
lcm_text_excerpt(const char *text, size_t max)
{
	const unsigned char *s = (const unsigned char *)(text ? text : "");
	size_t n = strlen((const char *)s), i = 0, chars = 0, k, c, keep;
	size_t sp = NONE, spc = 0;
	struct lcm_buf b;
	uint32_t cp;
	int pend = 0;

	lcm_buf_init(&b);
	while (i < n && chars <= max) {	/* up to max + 1 characters */
		i += utf8_decode(s + i, n - i, &cp);
		if (is_space(cp)) {
			pend = chars > 0;
			continue;
		}
		if (is_control(cp))
			continue;
		if (pend) {
			lcm_buf_addc(&b, ' ');
			chars++;
			pend = 0;
		}
		utf8_put(&b, cp);
		chars++;
	}
	if (chars <= max)
		return lcm_buf_detach(&b);
	keep = max > 0 ? max - 1 : 0;
	for (k = 0, c = 0; c < keep; c++) {	/* k: bytes of keep chars */
		if (b.data[k] == ' ') {
			sp = k;
			spc = c;
		}
		for (k++; ((unsigned char)b.data[k] & 0xC0) == 0x80; k++)
			;
	}
	if (b.data[k] != ' ' && sp != NONE && keep - spc <= 20)
		k = sp;
	b.len = k;
	b.data[k] = '\0';
	if (max > 0)
		lcm_buf_adds(&b, "\xe2\x80\xa6");
	return lcm_buf_detach(&b);
}
