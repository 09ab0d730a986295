/*
 * mime.h - one lcm-nudge message, and its RFC 5322 form: MIME 1.0,
 * text/plain UTF-8, quoted-printable when the body needs it, RFC 2047
 * encoded words for headers with non-ASCII text. A merged value can
 * never start a header of its own: every control character of a header
 * value (CR and LF first) becomes a space before it is written.
 */
#ifndef LCM_NUDGE_MIME_H
#define LCM_NUDGE_MIME_H

#include <stdint.h>

#include "buf.h"
#include "template.h"

struct lcm_nudge_msg {
	/* header values as merged, UTF-8; NULL when absent. Address headers
	   (From, To, Cc, Reply-To) read "Name <addr>" or "addr", several
	   separated by ','. */
	char *hdr[LCM_NUDGE_NHEADERS];
	char *body;		/* the text, any line ends */
	char *message_id;	/* "<hex@domain>" */
	int64_t date;		/* epoch seconds */
};

/* Frees the contents. */
void lcm_nudge_msg_release(struct lcm_nudge_msg *m);

/* Turns every control character of s (CR, LF, TAB...) into a space, in place. */
void lcm_nudge_header_clean(char *s);

/*
 * 1 when s is an address lcm-nudge writes to: one '@' between a local
 * part and a domain, printable ASCII without spaces, quotes, brackets,
 * ',' ';' ':' or '\', at most 254 bytes.
 */
int lcm_nudge_email_ok(const char *s);

/*
 * 1 when list ("Name <a@b>, c@d") has at least one address and each is
 * one lcm_nudge_email_ok takes.
 */
int lcm_nudge_addresses_ok(const char *list);

/* The domain of an address ("a@b.org" gives "b.org"), else NULL. Borrowed. */
const char *lcm_nudge_email_domain(const char *s);

/*
 * "<hex@domain>" from the SHA-256 of key (what makes the message: template,
 * person, thread, time): the same run gives the same id. domain may end
 * with '>' (taken from "Name <a@b.org>"); NULL or one with other
 * characters than letters, digits, '.' and '-' gives "lcm.invalid". Owned.
 */
char *lcm_nudge_message_id(const char *key, const char *domain);

/* RFC 5322 date of t in UTC, "Mon, 23 Nov 2026 08:00:00 +0000" (size >= 40). */
char *lcm_nudge_date(int64_t t, char *out);

/*
 * Appends the text encoded as RFC 2047 words ("=?UTF-8?Q?...?="), each at
 * most 75 bytes and never cutting a UTF-8 character, folded with "\n ".
 */
void lcm_nudge_encode_words(const char *s, struct lcm_buf *out);

/* Appends s as quoted-printable (RFC 2045, lines at most 76; LF ends). */
void lcm_nudge_qp(const char *s, struct lcm_buf *out);

/* Appends the whole message, RFC 5322 with LF line ends. */
void lcm_nudge_msg_mime(const struct lcm_nudge_msg *m, struct lcm_buf *out);

/* Appends the message as a person reads it (a dry run): headers, body. */
void lcm_nudge_msg_text(const struct lcm_nudge_msg *m, struct lcm_buf *out);

#endif
