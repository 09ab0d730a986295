/*
 * suggest.h - who is best placed to answer a thread nobody answered.
 *
 * A person's profile is the TF-IDF vector of the threads they replied in
 * (threads opened by others); a thread's is its own text. The score is
 * the cosine of the two, weighted:
 *
 *   score = cosine * role * recency * quality
 *   role     1.5 for staff and experts, 1 otherwise
 *   recency  1 / (1 + days since their last post / 90)
 *   quality  1 + (accepted answers + replies their answers got)
 *                / (answers + 1), at most 2
 *
 * The thread's author is never suggested; nobody gets more than max_load
 * threads in one run (threads are served oldest first).
 */
#ifndef LCM_SUGGEST_H
#define LCM_SUGGEST_H

#include <stddef.h>

#include "buf.h"
#include "unanswered.h"

struct lcm_suggestion {
	char *person;		/* the platform's id, or its pseudonym */
	char *name;		/* the person's name; NULL when unknown or
				   pseudonymised */
	char *key;		/* "platform:external_id", what pseudonyms hash */
	double score;
};

/* For each listed row i: n[i] suggestions in s[i], best first. */
struct lcm_suggestions {
	struct lcm_suggestion **s;
	size_t *n;
	size_t rows;
};

/* Fills out for every row of list. 0, or -1 with err filled. */
int lcm_suggest(struct lcm_store *st, const struct lcm_unanswered_list *list,
		int topn, int max_load, int64_t now, struct lcm_suggestions *out,
		struct lcm_err *err);

/*
 * "Grace Hopper (12): 0.83; 7: 0.41" for row i, into b (emptied first):
 * the name and the id in parentheses, the id alone when the store has
 * no name (or under a pseudonym), then the score.
 */
void lcm_suggestions_format(const struct lcm_suggestions *sug, size_t i,
			    struct lcm_buf *b);

/*
 * Shows every suggested person as their pseudonym under key (pseudo.h),
 * the same as lcm-engage --pseudonymize gives them; names are dropped.
 */
void lcm_suggestions_pseudonymize(struct lcm_suggestions *sug, const char *key);

void lcm_suggestions_free(struct lcm_suggestions *sug);

#endif
