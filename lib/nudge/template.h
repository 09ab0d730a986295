/*
 * template.h - lcm-nudge's message templates.
 *
 * A template is a text file: header lines ("Subject:" required; "From:",
 * "Reply-To:", "Cc:" and "To:" optional), a blank line, then the body.
 * Everywhere, a small mustache-like syntax:
 *
 *	{{field}}                the value of a field ("" when empty)
 *	{{#cond}}...{{/cond}}    shown when cond holds
 *	{{^cond}}...{{/cond}}    shown when it does not
 *	{{! comment }}           nothing
 *	{{#rows}}...{{/rows}}    with --group-by: once per row of the group
 *
 * cond is a field (holds when not empty, "0" nor "false"), a reason code
 * "reasons.inactive" (holds when the row's reasons list has it), or a
 * comparison "field>3", "field<0.5", "field=value". "{{reasons.X}}" is
 * the code's detail ("39d" of "inactive:39d"). A line holding only a
 * section tag leaves no blank line. A merged value's control characters
 * (CR, LF, TAB...) become spaces: a value never adds a line. Fields unknown to the caller and
 * malformed tags are errors at template:line, found when parsing, so
 * nothing is sent from a bad template.
 */
#ifndef LCM_NUDGE_TEMPLATE_H
#define LCM_NUDGE_TEMPLATE_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

struct lcm_nudge_node;

/* The headers a template may set, in the order messages write them. */
enum lcm_nudge_header {
	LCM_NUDGE_FROM, LCM_NUDGE_TO, LCM_NUDGE_CC, LCM_NUDGE_REPLY_TO,
	LCM_NUDGE_SUBJECT, LCM_NUDGE_NHEADERS
};

/* Their names ("From" ...), indexed by enum lcm_nudge_header. */
extern const char *const lcm_nudge_header_names[LCM_NUDGE_NHEADERS];

struct lcm_nudge_tpl {
	char *path;					/* as given, owned */
	struct lcm_nudge_node *hdr[LCM_NUDGE_NHEADERS];	/* NULL when absent */
	struct lcm_nudge_node *body;
};

/*
 * What a template can name, and the values of one message: get returns
 * the value of a field (borrowed; NULL or "" when empty) or NULL, and
 * known says whether a field exists at all (for the parse-time check).
 */
struct lcm_nudge_fields {
	const char *(*get)(const void *ctx, const char *name);
	int (*known)(const void *ctx, const char *name);
	/* a group's rows, for {{#rows}}...{{/rows}} (NULL outside --group-by):
	   how many, and which one the fields read (SIZE_MAX: the group) */
	size_t (*nrows)(const void *ctx);
	void (*select)(void *ctx, size_t i);
	void *ctx;
};

/*
 * Parses the template in text (len bytes; path for messages) into t,
 * checking each field with f->known. 0, or -1 with err at path:line.
 */
int lcm_nudge_tpl_parse(struct lcm_nudge_tpl *t, const char *path,
			const char *text, size_t len,
			const struct lcm_nudge_fields *f, struct lcm_err *err);

/* Reads the file at path and parses it. */
int lcm_nudge_tpl_load(struct lcm_nudge_tpl *t, const char *path,
		       const struct lcm_nudge_fields *f, struct lcm_err *err);

void lcm_nudge_tpl_release(struct lcm_nudge_tpl *t);

/* Appends header h (empty when the template has none) merged with f. */
void lcm_nudge_tpl_header(const struct lcm_nudge_tpl *t, enum lcm_nudge_header h,
			  const struct lcm_nudge_fields *f, struct lcm_buf *out);

/* Appends the body merged with f. */
void lcm_nudge_tpl_body(const struct lcm_nudge_tpl *t,
			const struct lcm_nudge_fields *f, struct lcm_buf *out);

/*
 * The path of the variant for language lang: "dir/nudge.fr.txt" for
 * "dir/nudge.txt" and "fr" (or "fr-CA"; only the 2 or 3 letters before
 * '-' or '_' count, lowercased). NULL when lang is no such code. Owned.
 */
char *lcm_nudge_tpl_variant(const char *path, const char *lang);

/* The known reason codes of lcm-engage, for reasons.X (NULL-terminated). */
extern const char *const lcm_nudge_reason_codes[];

#endif
