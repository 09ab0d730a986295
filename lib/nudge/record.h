/*
 * record.h - what lcm-nudge sent, in the store, and whether it helped.
 *
 * Table nudge_message (created by lcm_nudge_record_open until it moves
 * into the store's schema in store.c): one row per message written or
 * accepted by sendmail (channel outbox, mbox or sendmail, with its
 * Message-ID), and one per row of input that was not written to
 * (channel 'none', skipped saying why): the comparison group of
 * --followup.
 */
#ifndef LCM_NUDGE_RECORD_H
#define LCM_NUDGE_RECORD_H

#include <stdint.h>

#include "err.h"
#include "store.h"

/* One record. Strings borrowed. */
struct lcm_nudge_record {
	int64_t person_id;
	const char *template;	/* the template's file name, "nudge.txt" */
	const char *thread;	/* lcm-unanswered rows: the thread, else "" */
	const char *reasons;	/* the row's reasons, or NULL */
	const char *channel;	/* "outbox", "mbox", "sendmail" or "none" */
	const char *skipped;	/* channel "none": why */
	const char *message_id;	/* NULL for "none" */
	int64_t ts;
};

/*
 * Makes sure the table is there: created when write, else only looked
 * for. 1 when it exists, 0 when it does not (a store lcm-nudge never
 * wrote to, opened read-only), -1 with err.
 */
int lcm_nudge_record_open(struct lcm_store *st, int write, struct lcm_err *err);

/*
 * The time of the last message sent to person with template (and thread)
 * after since and not after until (a cooldown is [sent, sent + cooldown);
 * records after until, a run with a --now in the past, do not count),
 * into *ts: 1 when there is one, 0 when not, -1 with err.
 */
int lcm_nudge_record_last(struct lcm_store *st, int64_t person_id,
			  const char *template, const char *thread,
			  int64_t since, int64_t until, int64_t *ts,
			  struct lcm_err *err);

/* Adds a record (its own statement, so it is committed at once). 0 or -1. */
int lcm_nudge_record_add(struct lcm_store *st, const struct lcm_nudge_record *r,
			 struct lcm_err *err);

/* One record and what followed it. Strings owned. */
struct lcm_nudge_back {
	char *platform, *person, *name, *template, *channel, *reasons, *message_id;
	int64_t ts;		/* sent (or skipped) at */
	int64_t back;		/* first post, event or completion after, within
				   the window and before now; 0 when none */
	int pending;		/* no return yet, and the window not over */
};

struct lcm_nudge_backs {
	struct lcm_nudge_back *v;
	size_t n;
};

/*
 * The records of [since, now), oldest first, each with the person's first
 * activity within window after it. 0, or -1 with err.
 */
int lcm_nudge_followup(struct lcm_store *st, int64_t since, int64_t now,
		       int64_t window, struct lcm_nudge_backs *out,
		       struct lcm_err *err);

void lcm_nudge_backs_free(struct lcm_nudge_backs *b);

#endif
