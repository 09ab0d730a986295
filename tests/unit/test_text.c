/* test_text.c - unit tests for lib/base/text.c: HTML to text, words, questions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

/* Converts in (n bytes) and compares with want. */
static void
html_n(const char *in, size_t n, const char *want)
{
	char *got = lcm_html_to_text(in, n);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void
html(const char *in, const char *want)
{
	html_n(in, strlen(in), want);
}

static void
excerpt(const char *in, size_t max, const char *want)
{
	char *got = lcm_text_excerpt(in, max);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

/* Each text must give want; the failing text is named. */
static void
questions(const char *const *texts, int want)
{
	for (; *texts; texts++) {
		if (lcm_text_is_question(*texts) != want)
			fail_msg("'%s': want %d", *texts, want);
	}
}

/* lcm_html_to_text */

static void
test_lcm_html_to_text_empty(void **state)
{
	(void)state;
	html("", "");
	html_n(NULL, 0, "");
	html("<p></p><br>  \n ", "");
}

static void
test_lcm_html_to_text_moodle_paragraph(void **state)
{
	(void)state;
	html("<p dir=\"ltr\" style=\"text-align: left;\">Bonjour&nbsp;"
	    "\xc3\xa0 tous</p>", "Bonjour \xc3\xa0 tous");
}

static void
test_lcm_html_to_text_paragraphs_blank_line(void **state)
{
	(void)state;
	html("<p>Un</p>\n\n<p>Deux</p><h3>Titre</h3>fin",
	    "Un\n\nDeux\n\nTitre\n\nfin");
}

static void
test_lcm_html_to_text_br_breaks(void **state)
{
	(void)state;
	html("a<br>b<br/>c<BR />d", "a\nb\nc\nd");
	html("a<br><br>b", "a\n\nb");
	html("a<br><br><br><br>b", "a\n\nb");
}

static void
test_lcm_html_to_text_html_newlines_are_spaces(void **state)
{
	(void)state;
	html("<p>une\nlongue\r\n  ligne</p>", "une longue ligne");
}

static void
test_lcm_html_to_text_lists(void **state)
{
	(void)state;
	html("<p>Liste :</p><ul><li>un</li><li> deux <b>gras</b></li></ul>"
	    "<ol><li>trois</li></ol>",
	    "Liste :\n\n- un\n- deux gras\n- trois");
}

static void
test_lcm_html_to_text_nested_inline_tags(void **state)
{
	(void)state;
	html("<div><p>Le <strong>cours <em>tr\xc3\xa8s</em></strong>"
	    "<span>bien</span></p></div>", "Le cours tr\xc3\xa8sbien");
	html("<div>l1</div><div><div>l2</div></div>", "l1\nl2");
}

static void
test_lcm_html_to_text_table_cells(void **state)
{
	(void)state;
	html("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr>"
	    "</table>apr\xc3\xa8s", "a b\nc\n\napr\xc3\xa8s");
}

static void
test_lcm_html_to_text_quoted_gt_in_attribute(void **state)
{
	(void)state;
	html("<a href=\"x?a>b\" title='1 > 0'>lien</a> ok", "lien ok");
	html("<img alt = \"a>b\">x", "x");
}

static void
test_lcm_html_to_text_script_style_dropped(void **state)
{
	(void)state;
	html("a<script type=\"text/javascript\">if (x < 1) "
	    "document.write(\"<p>no</p>\");</script>b", "ab");
	html("<STYLE>p { color: red }</Style >c", "c");
	html("<p>x</p><script>never closed <b>", "x");
}

static void
test_lcm_html_to_text_comments(void **state)
{
	(void)state;
	html("a<!-- <p>cach\xc3\xa9</p> -->b", "ab");
	html("a<!---->b<!-->c", "abc");
	html("<p>x</p><!-- open to the end", "x");
}

static void
test_lcm_html_to_text_cdata_kept(void **state)
{
	(void)state;
	html("<p>A</p><![CDATA[<b>&amp;</b>]]>Z", "A\n\n<b>&amp;</b>Z");
}

static void
test_lcm_html_to_text_doctype_dropped(void **state)
{
	(void)state;
	html("<!DOCTYPE html><?xml version=\"1.0\"?><p>x</p>", "x");
}

static void
test_lcm_html_to_text_lt_not_a_tag(void **state)
{
	(void)state;
	html("<p>a < b et 3 <= 4, <3</p>", "a < b et 3 <= 4, <3");
	html("<b>x</b> a <", "x a <");
}

static void
test_lcm_html_to_text_truncated_tag_dropped(void **state)
{
	(void)state;
	html("<p>Bonjour</p><p cla", "Bonjour");
	html("<p>x</p><a href=\"never closed>y", "x");
}

static void
test_lcm_html_to_text_pre_keeps_lines(void **state)
{
	(void)state;
	html("<p>code :</p><pre>a = 1\nb = 2\n</pre>fin",
	    "code :\n\na = 1\nb = 2\n\nfin");
}

static void
test_lcm_html_to_text_named_entities(void **state)
{
	(void)state;
	html("&eacute;&egrave;&ecirc;&euml;&agrave;&acirc;&ccedil;&ocirc;"
	    "&ugrave;&oelig;&OElig;&Eacute;&AElig;",
	    "\xc3\xa9\xc3\xa8\xc3\xaa\xc3\xab\xc3\xa0\xc3\xa2\xc3\xa7\xc3\xb4"
	    "\xc3\xb9\xc5\x93\xc5\x92\xc3\x89\xc3\x86");
	html("&laquo;&nbsp;oui&nbsp;&raquo; &hellip; &rsquo;&mdash;&euro;",
	    "\xc2\xab oui \xc2\xbb \xe2\x80\xa6 \xe2\x80\x99\xe2\x80\x94"
	    "\xe2\x82\xac");
	html("&lt;b&gt; &amp; &quot;&apos; &copy;&trade;&deg;&times;&divide;",
	    "<b> & \"' \xc2\xa9\xe2\x84\xa2\xc2\xb0\xc3\x97\xc3\xb7");
}

static void
test_lcm_html_to_text_numeric_entities(void **state)
{
	(void)state;
	html("&#233;&#xE9;&#Xe9;&#0000233;&#x1F600;",
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xf0\x9f\x98\x80");
	/* 128-159 are Windows-1252, as browsers read them */
	html("l&#146;&#150;", "l\xe2\x80\x99\xe2\x80\x93");
}

static void
test_lcm_html_to_text_invalid_code_points(void **state)
{
	(void)state;
	html("&#0;|&#xD800;|&#x110000;|&#99999999999999999999;",
	    "\xef\xbf\xbd|\xef\xbf\xbd|\xef\xbf\xbd|\xef\xbf\xbd");
}

static void
test_lcm_html_to_text_malformed_entities_kept(void **state)
{
	(void)state;
	html("AT&T &amp &bogus; &#; &#x; &#12a; & fin &",
	    "AT&T &amp &bogus; &#; &#x; &#12a; & fin &");
}

static void
test_lcm_html_to_text_entity_not_markup(void **state)
{
	(void)state;
	html("<p>&lt;script&gt;x&lt;/script&gt;</p>", "<script>x</script>");
}

static void
test_lcm_html_to_text_plain_text_keeps_newlines(void **state)
{
	(void)state;
	html("  Bonjour,\r\n\r\n\r\n\tje  bloque   \nsur a<b  \n",
	    "Bonjour,\n\nje bloque\nsur a<b");
}

static void
test_lcm_html_to_text_invalid_utf8(void **state)
{
	(void)state;
	/* lone continuation, truncated sequence, overlong, surrogate */
	html("a\x80" "b\xc3" "c\xc0\xaf" "d\xed\xa0\x80" "e",
	    "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd\xef\xbf\xbd"
	    "d\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "e");
	html("<p>fin\xe2\x82</p>", "fin\xef\xbf\xbd");
}

static void
test_lcm_html_to_text_nul_dropped(void **state)
{
	static const char in[] = "<p>a\0b</p>\0c";

	(void)state;
	html_n(in, sizeof(in) - 1, "ab\n\nc");
}

static void
test_lcm_html_to_text_len_bounds_input(void **state)
{
	(void)state;
	html_n("<p>abc</p>def", 9, "abc");
	html_n("abc&eacute;", 9, "abc&eacut");
}

/* lcm_text_words */

static void
test_lcm_text_words_empty(void **state)
{
	(void)state;
	assert_int_equal(lcm_text_words(""), 0);
	assert_int_equal(lcm_text_words(NULL), 0);
	assert_int_equal(lcm_text_words(" \n\t -- ... !? "), 0);
}

static void
test_lcm_text_words_english(void **state)
{
	(void)state;
	assert_int_equal(lcm_text_words("Hello, world! It's a well-known "
	    "test."), 6);
}

static void
test_lcm_text_words_french_accents(void **state)
{
	(void)state;
	assert_int_equal(lcm_text_words("\xc3\x89t\xc3\xa9 tr\xc3\xa8s "
	    "ch\xc3\xa2teau"), 3);
}

static void
test_lcm_text_words_apostrophe_hyphen_join(void **state)
{
	(void)state;
	assert_int_equal(lcm_text_words("aujourd'hui"), 1);
	assert_int_equal(lcm_text_words("aujourd\xe2\x80\x99hui"), 1);
	assert_int_equal(lcm_text_words("Est-ce que l'exercice"), 3);
	assert_int_equal(lcm_text_words("c'est-\xc3\xa0-dire"), 1);
}

static void
test_lcm_text_words_edge_punctuation_splits(void **state)
{
	(void)state;
	assert_int_equal(lcm_text_words("'cit\xc3\xa9' - fin -"), 2);
	assert_int_equal(lcm_text_words("a--b l' x"), 4);
}

static void
test_lcm_text_words_typographic_marks_not_words(void **state)
{
	(void)state;
	/* « oui » — d’accord … 😀 € */
	assert_int_equal(lcm_text_words("\xc2\xab\xc2\xa0oui\xc2\xa0\xc2\xbb "
	    "\xe2\x80\x94 d\xe2\x80\x99" "accord \xe2\x80\xa6 \xf0\x9f\x98\x80 "
	    "\xe2\x82\xac"), 2);
}

static void
test_lcm_text_words_numbers(void **state)
{
	(void)state;
	assert_int_equal(lcm_text_words("exercice 3.5, page 1,5 ou 12"), 6);
	assert_int_equal(lcm_text_words("fin. D\xc3\xa9" "but"), 2);
}

/* lcm_text_is_question */

static void
test_lcm_text_is_question_mark(void **state)
{
	static const char *const yes[] = {
		"Ok?", "Vous avez fini ?", "Tu viens\xc2\xa0?",
		"Je pense que oui... non ?", "Quoi ?!", NULL
	};

	(void)state;
	questions(yes, 1);
}

static void
test_lcm_text_is_question_mark_in_url(void **state)
{
	static const char *const no[] = {
		"See http://example.org/page?id=3 for details.",
		"Lien : https://moodle.example.fr/mod/forum/view.php?id=12&x=1",
		"voir www.example.org/x?a=1 merci",
		"(https://example.org/?q=a)", NULL
	};
	static const char *const yes[] = {
		"Have you seen http://example.org/?",
		"Vous avez lu https://example.org/page ?",
		"Did it work (http://example.org/x?)", NULL
	};

	(void)state;
	questions(no, 0);
	questions(yes, 1);
}

static void
test_lcm_text_is_question_french_openers(void **state)
{
	static const char *const yes[] = {
		"Est-ce que quelqu'un sait",
		"Est ce que le quiz compte",
		"Comment faire pour rendre le devoir",
		"Pourquoi le quiz est ferm\xc3\xa9",
		"Quand est-ce que le cours commence",
		"O\xc3\xb9 trouver le corrig\xc3\xa9",
		"O\xc3\x99 est le corrig\xc3\xa9",
		"Quel est le d\xc3\xa9lai",
		"Quelle note faut-il",
		"Qui a fait l'exercice 2",
		"Que veut dire RGPD",
		"Combien de temps dure le module",
		"Qu'est-ce qu'un MOOC",
		"Qu\xe2\x80\x99" "est-ce qu'un MOOC",
		"Quelqu'un a une id\xc3\xa9" "e",
		"\xc3\x80 quoi sert ce module",
		"A quoi sert ce module",
		"Y a-t-il une correction",
		"Pourriez-vous v\xc3\xa9rifier mon devoir",
		"Auriez-vous un exemple",
		"Peut-on rendre en retard",
		"Faut-il s'inscrire",
		"Dois-je refaire le quiz",
		"Savez-vous o\xc3\xb9 est le cours",
		"Je voudrais savoir si le quiz compte",
		NULL
	};

	(void)state;
	questions(yes, 1);
}

static void
test_lcm_text_is_question_english_openers(void **state)
{
	static const char *const yes[] = {
		"Does anyone know",
		"How do I submit the assignment",
		"Why is the quiz closed",
		"What's the deadline",
		"When is the deadline",
		"Where can I find the slides",
		"Which module comes first",
		"Who grades the essays",
		"Has anyone finished week 2",
		"Can anyone help me with task 3",
		"Is there a transcript",
		"Are there any prerequisites",
		"Is it possible to resubmit",
		"Can I submit late",
		"Should I redo the quiz",
		"Did you get my message",
		"Any idea why it fails",
		"Anyone know a good book",
		NULL
	};

	(void)state;
	questions(yes, 1);
}

static void
test_lcm_text_is_question_statements(void **state)
{
	static const char *const no[] = {
		"",
		"Thanks, that works.",
		"Here is my answer.",
		"Merci pour ce cours !",
		"J'ai fini l'exercice 3.",
		"Le cours est super. Merci",
		"However, this works.",
		"Whatever.",
		"Quoi qu'il en soit, merci.",
		"Qui plus est, c'est gratuit.",
		"Quelle que soit la r\xc3\xa9ponse, bravo.",
		"Quand m\xc3\xaame, bravo \xc3\xa0 tous.",
		"Howard sent the slides.",
		"Questionnaire rendu.",
		NULL
	};

	(void)state;
	questions(no, 0);
	assert_int_equal(lcm_text_is_question(NULL), 0);
}

static void
test_lcm_text_is_question_ou_needs_accent(void **state)
{
	static const char *const no[] = {
		"Ou alors on fait autrement.",
		"Ou bien tu recommences.",
		"OU PAS.",
		NULL
	};

	(void)state;
	questions(no, 0);
}

static void
test_lcm_text_is_question_comment_needs_word(void **state)
{
	static const char *const no[] = {
		"Comment: great work",
		"Comment : tr\xc3\xa8s bon travail",
		"Comment",
		"Comments welcome.",
		NULL
	};
	static const char *const yes[] = {
		"Comment \xc3\xa7" "a marche",
		"\xc2\xab Comment faire pour valider \xc2\xbb",
		NULL
	};

	(void)state;
	questions(no, 0);
	questions(yes, 1);
}

static void
test_lcm_text_is_question_exclamation_not(void **state)
{
	static const char *const no[] = {
		"Quel plaisir !",
		"Quelle belle journ\xc3\xa9" "e !",
		"What a great course!",
		"What a great course.",
		"Great job everyone, what a week!",
		"Comment dire, bravo !!!",
		NULL
	};

	(void)state;
	questions(no, 0);
}

static void
test_lcm_text_is_question_subordinate_clause_not(void **state)
{
	static const char *const no[] = {
		"When I click submit, the page crashes.",
		"Quand je clique, rien ne se passe.",
		"Quand j'ouvre le quiz, il plante.",
		"How I solved it: with a loop.",
		"What you need is a calculator.",
		NULL
	};

	(void)state;
	questions(no, 0);
}

static void
test_lcm_text_is_question_later_sentence(void **state)
{
	static const char *const yes[] = {
		"J'ai fini. Pourriez-vous v\xc3\xa9rifier",
		"Super cours !\nComment valider le module",
		"Hi! How do I submit",
		"Merci. Where are the slides",
		NULL
	};

	(void)state;
	questions(yes, 1);
}

static void
test_lcm_text_is_question_clause_appeal(void **state)
{
	static const char *const yes[] = {
		"Je ne comprends pas l'exercice 3, quelqu'un peut m'aider",
		"I am stuck on task 3, does anyone know the trick",
		"J'ai essay\xc3\xa9 trois fois; est-ce normal",
		"I did it, could you check",
		NULL
	};
	static const char *const no[] = {
		"Je ne comprends pas l'exercice 3, comment dire, c'est dur.",
		"I finished the quiz, which was easy.",
		NULL
	};

	(void)state;
	questions(yes, 1);
	questions(no, 0);
}

static void
test_lcm_text_is_question_greeting_lead_in(void **state)
{
	static const char *const yes[] = {
		"Bonjour \xc3\xa0 tous, comment rendre le devoir",
		"Hello everyone, how do I reset my password",
		"Petite question : pourquoi le quiz est ferm\xc3\xa9",
		NULL
	};

	(void)state;
	questions(yes, 1);
}

/* lcm_text_excerpt */

static void
test_lcm_text_excerpt_short_unchanged(void **state)
{
	(void)state;
	excerpt("Bonjour tout le monde", 21, "Bonjour tout le monde");
	excerpt("", 5, "");
	excerpt(NULL, 5, "");
}

static void
test_lcm_text_excerpt_collapses_whitespace(void **state)
{
	(void)state;
	excerpt("  Bonjour\n\n\ttout \xc2\xa0 le\r\nmonde  ", 50,
	    "Bonjour tout le monde");
}

static void
test_lcm_text_excerpt_cut_at_space(void **state)
{
	(void)state;
	excerpt("Bonjour tout le monde", 10, "Bonjour\xe2\x80\xa6");
	excerpt("Le cours de math\xc3\xa9matiques appliqu\xc3\xa9"
	    "es commence", 30, "Le cours de math\xc3\xa9matiques\xe2\x80\xa6");
}

static void
test_lcm_text_excerpt_cut_before_space(void **state)
{
	(void)state;
	/* the 9th character is a space: nothing of "tout" is lost */
	excerpt("Bonjour a tout le monde", 10, "Bonjour a\xe2\x80\xa6");
}

static void
test_lcm_text_excerpt_long_word_cut_hard(void **state)
{
	(void)state;
	excerpt("a anticonstitutionnellementissimement", 25,
	    "a anticonstitutionnellem\xe2\x80\xa6");
}

static void
test_lcm_text_excerpt_multibyte_not_split(void **state)
{
	char *got;

	(void)state;
	/* 11 × "é" (2 bytes each), 5 characters at most: 4 + "…" */
	excerpt("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 5,
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xe2\x80\xa6");
	excerpt("\xe2\x82\xac\xf0\x9f\x98\x80\xe2\x82\xac\xf0\x9f\x98\x80", 3,
	    "\xe2\x82\xac\xf0\x9f\x98\x80\xe2\x80\xa6");
	/* exactly max characters: kept whole, no "…" */
	got = lcm_text_excerpt("\xc3\xa9t\xc3\xa9", 3);
	assert_string_equal(got, "\xc3\xa9t\xc3\xa9");
	free(got);
}

static void
test_lcm_text_excerpt_tiny_max(void **state)
{
	(void)state;
	excerpt("abc", 1, "\xe2\x80\xa6");
	excerpt("abc", 0, "");
	excerpt("a", 1, "a");
}

static void
test_lcm_text_excerpt_invalid_utf8_replaced(void **state)
{
	(void)state;
	excerpt("a\xff" "b", 10, "a\xef\xbf\xbd" "b");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lcm_html_to_text_empty),
		cmocka_unit_test(test_lcm_html_to_text_moodle_paragraph),
		cmocka_unit_test(test_lcm_html_to_text_paragraphs_blank_line),
		cmocka_unit_test(test_lcm_html_to_text_br_breaks),
		cmocka_unit_test(test_lcm_html_to_text_html_newlines_are_spaces),
		cmocka_unit_test(test_lcm_html_to_text_lists),
		cmocka_unit_test(test_lcm_html_to_text_nested_inline_tags),
		cmocka_unit_test(test_lcm_html_to_text_table_cells),
		cmocka_unit_test(test_lcm_html_to_text_quoted_gt_in_attribute),
		cmocka_unit_test(test_lcm_html_to_text_script_style_dropped),
		cmocka_unit_test(test_lcm_html_to_text_comments),
		cmocka_unit_test(test_lcm_html_to_text_cdata_kept),
		cmocka_unit_test(test_lcm_html_to_text_doctype_dropped),
		cmocka_unit_test(test_lcm_html_to_text_lt_not_a_tag),
		cmocka_unit_test(test_lcm_html_to_text_truncated_tag_dropped),
		cmocka_unit_test(test_lcm_html_to_text_pre_keeps_lines),
		cmocka_unit_test(test_lcm_html_to_text_named_entities),
		cmocka_unit_test(test_lcm_html_to_text_numeric_entities),
		cmocka_unit_test(test_lcm_html_to_text_invalid_code_points),
		cmocka_unit_test(test_lcm_html_to_text_malformed_entities_kept),
		cmocka_unit_test(test_lcm_html_to_text_entity_not_markup),
		cmocka_unit_test(test_lcm_html_to_text_plain_text_keeps_newlines),
		cmocka_unit_test(test_lcm_html_to_text_invalid_utf8),
		cmocka_unit_test(test_lcm_html_to_text_nul_dropped),
		cmocka_unit_test(test_lcm_html_to_text_len_bounds_input),
		cmocka_unit_test(test_lcm_text_words_empty),
		cmocka_unit_test(test_lcm_text_words_english),
		cmocka_unit_test(test_lcm_text_words_french_accents),
		cmocka_unit_test(test_lcm_text_words_apostrophe_hyphen_join),
		cmocka_unit_test(test_lcm_text_words_edge_punctuation_splits),
		cmocka_unit_test(test_lcm_text_words_typographic_marks_not_words),
		cmocka_unit_test(test_lcm_text_words_numbers),
		cmocka_unit_test(test_lcm_text_is_question_mark),
		cmocka_unit_test(test_lcm_text_is_question_mark_in_url),
		cmocka_unit_test(test_lcm_text_is_question_french_openers),
		cmocka_unit_test(test_lcm_text_is_question_english_openers),
		cmocka_unit_test(test_lcm_text_is_question_statements),
		cmocka_unit_test(test_lcm_text_is_question_ou_needs_accent),
		cmocka_unit_test(test_lcm_text_is_question_comment_needs_word),
		cmocka_unit_test(test_lcm_text_is_question_exclamation_not),
		cmocka_unit_test(test_lcm_text_is_question_subordinate_clause_not),
		cmocka_unit_test(test_lcm_text_is_question_later_sentence),
		cmocka_unit_test(test_lcm_text_is_question_clause_appeal),
		cmocka_unit_test(test_lcm_text_is_question_greeting_lead_in),
		cmocka_unit_test(test_lcm_text_excerpt_short_unchanged),
		cmocka_unit_test(test_lcm_text_excerpt_collapses_whitespace),
		cmocka_unit_test(test_lcm_text_excerpt_cut_at_space),
		cmocka_unit_test(test_lcm_text_excerpt_cut_before_space),
		cmocka_unit_test(test_lcm_text_excerpt_long_word_cut_hard),
		cmocka_unit_test(test_lcm_text_excerpt_multibyte_not_split),
		cmocka_unit_test(test_lcm_text_excerpt_tiny_max),
		cmocka_unit_test(test_lcm_text_excerpt_invalid_utf8_replaced),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
