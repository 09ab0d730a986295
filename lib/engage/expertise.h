/*
 * expertise.h - who knows what: per theme, the persons who answered
 * questions on it, and how well those answers were received.
 *
 * A theme is a tag the platform gave the thread (thread_tag, tag.h:
 * StackExchange's Tags), lower-cased; for a thread without tags, a
 * Snowball (English) stem of a content word of its opening subject. A
 * theme is held by at least two threads. A person's evidence on
 * a theme counts their replies in threads of the theme opened by someone
 * else (answers), those marked accepted or endorsed (post.accepted), and
 * the replies to them by others that thank or confirm (thanks: the body
 * holds "thank", "merci", "solved", "résolu", "works", "fonctionne",
 * "marche", "perfect", "parfait", "gracias"). The score:
 *
 *   score = answers + 3 * accepted + 2 * thanks
 *
 * an accepted answer being the site's own verdict, a thank-you a
 * learner's. Declared skills and completed bricks are not counted yet.
 */
#ifndef LCM_EXPERTISE_H
#define LCM_EXPERTISE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "store.h"

struct lcm_expert {
	char *theme;		/* the stem */
	int rank;		/* 1 = best on the theme */
	char *person;		/* external id */
	char *name;		/* NULL when unknown */
	char *key;		/* "platform:external_id", what pseudonyms hash */
	int staff;
	int threads;		/* threads holding the theme */
	int answers, accepted, thanks;
	double score;
};

struct lcm_expertise {
	struct lcm_expert *e;	/* by theme, then rank */
	size_t n;
};

/* The score of the evidence counts (the formula above). */
double lcm_expertise_score(int answers, int accepted, int thanks);

/*
 * The map: staff left out unless include_staff; at most top persons per
 * theme (0: all); only theme (a word: the themes equal to its stem, or
 * to the word as a tag; NULL for all). 0 or -1.
 */
int lcm_expertise_build(struct lcm_store *st, int include_staff, int top,
			const char *theme, struct lcm_expertise *out,
			struct lcm_err *err);

/*
 * The stem of word as themes are made (its first content word), into
 * out (size bytes); 0, or -1 when word has no content word (err filled).
 */
int lcm_expertise_theme(const char *word, char *out, size_t size, struct lcm_err *err);

/*
 * Renders the rows of x (only person's when person is not NULL), persons
 * as pseudonyms under key when key is not NULL; returns how many rows.
 */
size_t lcm_expertise_render(const struct lcm_expertise *x, const char *person,
			    const char *key, FILE *fp, int fmt, int flags, int quiet);

void lcm_expertise_free(struct lcm_expertise *x);

#endif
