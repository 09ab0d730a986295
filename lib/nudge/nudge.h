/*
 * nudge.h - lcm-nudge's run: rows in, one message per row (or per
 * suggested answerer), each checked (an address, the cooldown, the cap),
 * written or sent, and recorded once out.
 */
#ifndef LCM_NUDGE_H
#define LCM_NUDGE_H

#include <stdint.h>
#include <stdio.h>

#include "err.h"
#include "store.h"
#include "rows.h"

enum lcm_nudge_mode {
	LCM_NUDGE_DRY,		/* print what would be sent, record nothing */
	LCM_NUDGE_OUTBOX,	/* one file per message in a directory */
	LCM_NUDGE_MBOX,		/* appended to an mbox */
	LCM_NUDGE_SEND		/* piped to a sendmail command */
};

struct lcm_nudge_opts {
	enum lcm_nudge_mode mode;
	const char *dest;	/* the directory, mbox or sendmail command */
	const char *template;	/* the base template's path */
	const char *from;	/* --from, used when the template has no From */
	const char *url;	/* --url, for rows with a thread; NULL if none */
	int64_t now;		/* Date, the record's time, the cooldown's end */
	int64_t cooldown;	/* seconds; 0 for none */
	long max;		/* messages at most; 0 for no cap */
	const char *group_by;	/* one message per value of this field, or NULL */
	FILE *dry;		/* LCM_NUDGE_DRY: where the messages go (borrowed) */
};

/* A row that got no message, and why. Strings owned. */
struct lcm_nudge_skip {
	char *person;		/* the row's person, e-mail, or "line N" */
	char *name;		/* the person's name, or NULL */
	char *reason;		/* "no e-mail address", "cooldown: ..." */
};

struct lcm_nudge_result {
	size_t sent;		/* written, accepted, or shown (dry run) */
	struct lcm_nudge_skip *skips;
	size_t nskips;
};

/*
 * Loads the templates (the base one, and the variant of each language
 * the rows name in a "language" or "lang" column when its file exists)
 * and checks every field against the rows' columns and the person's
 * fields, then makes and delivers a message per row of t. st is open for
 * writing unless the mode is LCM_NUDGE_DRY. Stops at the first failure
 * (a template error before anything is sent; a delivery error after the
 * messages before it were recorded): -1 with err. 0 otherwise, with
 * what was done in res (lcm_nudge_result_release).
 */
int lcm_nudge_run(struct lcm_store *st, struct lcm_nudge_table *t,
		  const struct lcm_nudge_opts *o, struct lcm_nudge_result *res,
		  struct lcm_err *err);

/* Writes the skips as CSV (person,name,reason) to fp: 0, or -1 on a write error. */
int lcm_nudge_skips_write(FILE *fp, const struct lcm_nudge_result *res);

void lcm_nudge_result_release(struct lcm_nudge_result *res);

#endif
