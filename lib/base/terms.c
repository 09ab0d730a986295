/*
 * terms.c - the words of a text, stop words and stemmers: see terms.h.
 * The stop words are written in UTF-8, as the texts are.
 */
#include "terms.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/*
 * French stop words: articles, pronouns, prepositions, conjunctions, the
 * forms of être, avoir, aller, faire, pouvoir, vouloir, devoir, savoir,
 * the adverbs that say nothing of a subject (juste, vraiment, déjà...),
 * greetings and politeness (bonjour, bonsoir, merci...), what elision
 * leaves of a word (aujourd'hui reads as "aujourd" and "hui"), and the
 * spellings without accents people type. Sorted once, for bsearch.
 */
static const char *stop_fr[] = {
	/* articles, pronouns, determiners */
	"au", "aux", "ce", "ceci", "cela", "celle", "celles", "celui", "ces", "cet",
	"cette", "ceux", "ci", "ça", "ca", "chacun", "chacune", "chaque", "de", "des",
	"du", "elle", "elles", "en", "eux", "il", "ils", "je", "la", "là", "laquelle",
	"le", "lequel", "les", "lesquelles", "lesquels", "leur", "leurs", "lui", "ma",
	"me", "mes", "mien", "mienne", "moi", "mon", "nos", "notre", "nôtre", "nous",
	"on", "quel", "quelle", "quelles", "quels", "qui", "quoi", "que", "rien", "personne", "sa",
	"se", "ses", "sien", "sienne", "soi", "son", "ta", "te", "tes", "tien",
	"toi", "ton", "tu", "un", "une", "uns", "unes", "vos", "votre", "vôtre",
	"vous", "y", "tout", "tous", "toute", "toutes", "autre", "autres", "aucun",
	"aucune", "certain", "certaine", "certaines", "certains", "plusieurs",
	"quelque", "quelques", "tel", "telle", "telles", "tels", "même", "mêmes",
	"meme", "memes", "lorsque", "puisque", "quoique", "jusque",
	/* elision: aujourd'hui, jusqu'à, lorsqu'il, quelqu'un... */
	"aujourd", "hui", "jusqu", "lorsqu", "presqu", "puisqu", "quelqu", "quoiqu",
	/* prepositions and conjunctions */
	"à", "afin", "après", "apres", "auprès", "autour", "avant", "avec", "car",
	"chez", "comme", "contre", "dans", "depuis", "derrière", "dès", "devant",
	"donc", "dont", "durant", "entre", "et", "hors", "lors", "mais", "malgré",
	"ni", "or", "ou", "où", "par", "parce", "parmi", "pendant", "pour", "près",
	"pres", "quand", "quant", "sans", "selon", "si", "sinon", "sous", "sur",
	"vers", "via", "voici", "voilà", "voila",
	/* adverbs */
	"ainsi", "ailleurs", "alors", "assez", "aussi", "autant", "beaucoup", "bien",
	"bref", "cependant", "certes", "comment", "davantage", "déjà", "deja",
	"encore", "enfin", "ensuite", "environ", "etc", "ici", "jamais", "juste",
	"justement", "mal", "mieux", "moins", "ne", "non", "oui", "parfois", "pas",
	"peu", "plus", "plutôt", "plutot", "pourquoi", "pourtant",
	"presque", "puis", "seulement", "souvent", "surtout", "tant", "tard", "tôt",
	"toujours", "très", "tres", "trop", "vite", "vraiment", "chose", "choses",
	"truc", "trucs", "fois",
	/* être */
	"être", "etre", "été", "ete", "étant", "suis", "es", "est", "sommes", "êtes",
	"etes", "sont", "serai", "seras", "sera", "serons", "serez", "seront",
	"serais", "serait", "serions", "seriez", "seraient", "étais", "etais",
	"était", "etait", "étions", "étiez", "étaient", "etaient", "fus", "fut",
	"furent", "sois", "soit", "soyons", "soyez", "soient", "fût",
	/* avoir */
	"avoir", "ayant", "eu", "eue", "eues", "eus", "ai", "as", "a", "avons",
	"avez", "ont", "aurai", "auras", "aura", "aurons", "aurez", "auront",
	"aurais", "aurait", "aurions", "auriez", "auraient", "avais", "avait",
	"avions", "aviez", "avaient", "eut", "eurent", "aie", "aies", "ait",
	"ayons", "ayez", "aient",
	/* aller, faire, pouvoir, vouloir, devoir, savoir, falloir, dire */
	"aller", "vais", "vas", "va", "allons", "allez", "vont", "allé", "allée",
	"irai", "ira", "faire", "fais", "fait", "faisons", "faites", "font",
	"ferai", "fera", "ferait", "pouvoir", "peux", "peut", "pouvons", "pouvez",
	"peuvent", "pourrai", "pourra", "pourrais", "pourrait", "pourriez", "pu",
	"vouloir", "veux", "veut", "voulons", "voulez", "veulent", "voudrais",
	"voudrait", "voulu", "devoir", "dois", "doit", "devons", "devez",
	"doivent", "devrais", "devrait", "dû", "savoir", "sais", "sait", "savez",
	"savons", "su", "faut", "fallait", "faudrait", "dire", "dis", "dit",
	"dites",
	/* greetings, politeness, chat */
	"bonjour", "bonsoir", "salut", "coucou", "hello", "merci", "mercis",
	"remercie", "remercier", "svp", "stp", "plaît", "plait", "cordialement",
	"amicalement", "bises", "bisous", "revoir", "bienvenue", "bravo",
	"félicitations", "felicitations", "désolé", "désolée", "desole", "pardon",
	"excusez", "bon", "bonne", "bons", "bonnes", "super", "génial", "top",
	"hâte", "ravi", "ravie", "ok", "okay", "lol", "mdr",
};

/*
 * English stop words: the same kinds (function words, the forms of be,
 * have, do and the modals, empty adverbs, greetings and politeness).
 */
static const char *stop_en[] = {
	/* articles, pronouns, determiners */
	"a", "an", "the", "i", "me", "my", "mine", "myself", "we", "us", "our",
	"ours", "ourselves", "you", "your", "yours", "yourself", "yourselves", "he",
	"him", "his", "himself", "she", "her", "hers", "herself", "it", "its",
	"itself", "they", "them", "their", "theirs", "themselves", "what", "which",
	"who", "whom", "whose", "this", "that", "these", "those", "all", "any",
	"both", "each", "either", "neither", "every", "few", "many", "more", "most",
	"much", "other", "others", "another", "some", "such", "no", "none", "nor",
	"own", "same", "one", "ones", "anyone", "anything", "someone", "something",
	"nothing", "everything", "thing", "things", "stuff", "lot", "lots",
	/* prepositions and conjunctions */
	"about", "above", "across", "after", "against", "along", "among", "and",
	"around", "as", "at", "because", "before", "behind", "below", "between",
	"beyond", "but", "by", "down", "during", "for", "from", "if", "in", "into",
	"like", "near", "of", "off", "on", "onto", "or", "out", "over", "per",
	"since", "so", "than", "though", "through", "till", "to", "toward",
	"towards", "under", "until", "unless", "up", "upon", "via", "whether",
	"while", "with", "within", "without",
	/* adverbs */
	"again", "ago", "almost", "already", "also", "always", "anyway", "actually",
	"basically", "else", "even", "ever", "further", "here", "how", "however",
	"just", "maybe", "never", "not", "now", "often", "once", "only", "perhaps",
	"quite", "rather", "really", "still", "then", "there", "therefore", "too",
	"very", "well", "when", "where", "why", "yet", "yes", "yeah", "etc",
	/* be, have, do, the modals, and a few verbs as empty */
	"am", "is", "are", "was", "were", "be", "been", "being", "have", "has",
	"had", "having", "do", "does", "did", "doing", "done", "don", "doesn",
	"didn", "isn", "aren", "wasn", "weren", "haven", "hasn", "won", "wouldn",
	"shouldn", "couldn", "can", "cannot", "could", "may", "might", "must",
	"shall", "should", "will", "would", "ought", "get", "gets", "got", "getting",
	"go", "goes", "going", "gonna", "make", "makes", "made", "let", "lets",
	"know", "think", "want", "say", "said",
	/* greetings, politeness, chat */
	"hello", "hi", "hey", "thanks", "thank", "thx", "please", "welcome",
	"cheers", "regards", "best", "dear", "sorry", "great", "good", "nice",
	"awesome", "congrats", "congratulations", "everyone", "everybody", "guys",
	"folks", "bye", "ok", "okay", "lol",
};

/*
 * The shorter list lcm-unanswered's similarity has used so far (French
 * without and with accents, and English), kept as it was so that its
 * suggestions do not change with the themes' lists above.
 */
static const char *stop_similar[] = {
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

#define NSTOP(a) (sizeof(a) / sizeof((a)[0]))

/* For qsort and bsearch of strings. */
static int
cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The lists are written for people, by topic: sort them once for bsearch. */
static void
sort_once(void)
{
	static int sorted;

	if (!sorted) {
		qsort(stop_fr, NSTOP(stop_fr), sizeof(stop_fr[0]), cmp);
		qsort(stop_en, NSTOP(stop_en), sizeof(stop_en[0]), cmp);
		qsort(stop_similar, NSTOP(stop_similar), sizeof(stop_similar[0]), cmp);
		sorted = 1;
	}
}

int
lcm_stop_lang(const char *word)
{
	int lang = 0;

	sort_once();
	if (bsearch(&word, stop_fr, NSTOP(stop_fr), sizeof(stop_fr[0]), cmp))
		lang |= LCM_LANG_FR;
	if (bsearch(&word, stop_en, NSTOP(stop_en), sizeof(stop_en[0]), cmp))
		lang |= LCM_LANG_EN;
	return lang;
}

int
lcm_is_stop_word(const char *word)
{
	sort_once();
	return bsearch(&word, stop_similar, NSTOP(stop_similar), sizeof(stop_similar[0]),
		       cmp) != NULL;
}

const char *const *
lcm_stop_words(int lang, size_t *n)
{
	sort_once();
	if (lang == LCM_LANG_EN) {
		*n = NSTOP(stop_en);
		return (const char *const *)stop_en;
	}
	*n = NSTOP(stop_fr);
	return (const char *const *)stop_fr;
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
lcm_words_each(const char *text,
	       void (*fn)(const char *word, size_t chars, int digits, void *arg), void *arg)
{
	const unsigned char *p = (const unsigned char *)text;
	char word[64];
	size_t n, k, chars;
	int digits;

	while (*p) {
		while (*p && !word_at(p))
			p += char_len(p);
		if (!*p)
			break;
		n = chars = 0;
		digits = 1;
		while (*p && word_at(p)) {
			if (*p < '0' || *p > '9')
				digits = 0;
			chars++;
			k = char_len(p);
			/* a longer word is cut (whole characters kept) */
			if (n + k + 1 < sizeof(word))
				lower_char(p, word, &n, k);
			p += k;
		}
		word[n] = '\0';
		fn(word, chars, digits, arg);
	}
}

/* What lcm_terms_each passes through lcm_words_each. */
struct terms_call {
	void (*fn)(const char *term, void *arg);
	void *arg;
};

/* lcm_words_each callback of lcm_terms_each: content words only. */
static void
on_term(const char *word, size_t chars, int digits, void *arg)
{
	struct terms_call *c = arg;

	if (chars >= 3 && !digits && !lcm_is_stop_word(word))
		c->fn(word, c->arg);
}

void
lcm_terms_each(const char *text, void (*fn)(const char *term, void *arg), void *arg)
{
	struct terms_call c = { fn, arg };

	lcm_words_each(text, on_term, &c);
}

struct lcm_stemmer {
	struct sb_stemmer *fr, *en;
	char *buf;		/* the last stem, NUL-terminated */
	size_t cap;
};

struct lcm_stemmer *
lcm_stemmer_new(struct lcm_err *err)
{
	struct lcm_stemmer *s = lcm_xcalloc(1, sizeof(*s));

	s->fr = sb_stemmer_new("french", "UTF_8");
	s->en = sb_stemmer_new("english", "UTF_8");
	if (!s->fr || !s->en) {
		lcm_error(err, "libstemmer has no %s stemmer", s->fr ? "english" : "french");
		lcm_stemmer_free(s);
		return NULL;
	}
	return s;
}

const char *
lcm_stem(struct lcm_stemmer *s, int lang, const char *word, size_t len, size_t *stem_len)
{
	const sb_symbol *st = NULL;
	size_t n = len;

	/* words are at most 63 bytes (lcm_words_each), so the int is safe */
	if (len <= 1024) {
		st = sb_stemmer_stem(lang == LCM_LANG_EN ? s->en : s->fr,
				     (const sb_symbol *)word, (int)len);
		if (st)
			n = (size_t)sb_stemmer_length(lang == LCM_LANG_EN ? s->en : s->fr);
	}
	if (n + 1 > s->cap) {
		s->cap = n + 64;
		s->buf = lcm_xrealloc(s->buf, s->cap);
	}
	memcpy(s->buf, st ? (const char *)st : word, n);
	s->buf[n] = '\0';
	*stem_len = n;
	return s->buf;
}

void
lcm_stemmer_free(struct lcm_stemmer *s)
{
	if (!s)
		return;
	sb_stemmer_delete(s->fr);
	sb_stemmer_delete(s->en);
	free(s->buf);
	free(s);
}
