/*
 * unanswered.h - threads (and, on demand, question posts) that nobody
 * answered: the analysis behind lcm-unanswered and the report.
 *
 * Pure queries over the store; printing is the caller's.
 */
#ifndef LCM_UNANSWERED_H
#define LCM_UNANSWERED_H

#include <stddef.h>
#include <stdint.h>

#include "bizhours.h"
#include "options.h"	/* struct lcm_filter */
#include "store.h"

/* What counts as a response. */
enum lcm_response_rule {
	LCM_BY_PEER,	/* a live, public reply by someone other than the author */
	LCM_BY_ANY,	/* any live reply, the author's own included */
	LCM_BY_STAFF	/* a live, public reply by staff or an expert */
};

struct lcm_unanswered_opts {
	int64_t now;
	int64_t older_than;		/* listed when older than this: age, wall or
					 * working seconds, > older_than (the
					 * window [now - older_than, now) is too
					 * young: half-open, as report periods) */
	const struct lcm_bizhours *bizhours;	/* NULL: wall-clock age */
	enum lcm_response_rule by;
	int include_staff;		/* keep threads opened by staff */
	int questions_only;		/* opening post reads as a question */
	int posts;			/* also question posts inside threads */
	struct lcm_filter courses, forums, cohorts;
	const char *once;		/* channel: leave out threads already notified */
	int explain;			/* count the replies that did not count */
};

/* One thread or post nobody answered. Strings owned by the row. */
struct lcm_unanswered {
	int64_t thread_id, post_id;	/* store ids */
	char *thread, *post;		/* the platform's ids */
	char *course, *forum, *author, *author_name, *subject, *body;
	char *author_key;		/* "platform:external_id", what pseudonyms
					 * hash; NULL when the author is unknown */
	int64_t author_pid;		/* store id of the author, 0 unknown */
	int64_t created;
	double age_hours;
	int replies;			/* replies of any kind in the thread */
	int question;
	int is_post;			/* a post inside a thread, not a thread */
	/* replies that did not count (o.explain only) */
	int own, deleted, private_, nonstaff;
};

struct lcm_unanswered_list {
	struct lcm_unanswered *rows;
	size_t n;
};

/*
 * Finds what nobody answered, oldest first (ties by thread id). Fills
 * list (free with lcm_unanswered_list_free). 0, or -1 with err filled.
 */
int lcm_unanswered_find(struct lcm_store *st, const struct lcm_unanswered_opts *o,
			struct lcm_unanswered_list *list, struct lcm_err *err);

void lcm_unanswered_list_free(struct lcm_unanswered_list *list);

/*
 * Shows every author of list as their pseudonym under key (pseudo.h):
 * the same as lcm-engage --pseudonymize gives the person. Names are
 * dropped; an unknown author stays NULL. Subjects and bodies are left
 * as they are: pseudonyms hide who wrote, not what was written.
 */
void lcm_unanswered_pseudonymize(struct lcm_unanswered_list *list, const char *key);

/* Records the listed threads as notified on channel at now (--once). */
int lcm_unanswered_mark(struct lcm_store *st, const struct lcm_unanswered_list *list,
			const char *channel, int64_t now, struct lcm_err *err);

/* The rules' names: any, peer, staff. */
extern const struct lcm_choice lcm_response_rules[];

/* Parses "any", "peer", "staff". -1 when unknown. */
int lcm_response_rule_parse(const char *s, enum lcm_response_rule *out);

#endif
