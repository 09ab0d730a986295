/*
 * mime.c - writing lcm-nudge's messages (see mime.h).
 */
#include "mime.h"

#include <stdlib.h>
#include <string.h>

#include "sha256.h"
#include "timefmt.h"
#include "xalloc.h"

void
lcm_nudge_msg_release(struct lcm_nudge_msg *m)
{
	size_t h;

	for (h = 0; h < LCM_NUDGE_NHEADERS; h++)
		free(m->hdr[h]);
	free(m->body);
	free(m->message_id);
	memset(m, 0, sizeof(*m));
}

void
lcm_nudge_header_clean(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = ' ';
}

int
lcm_nudge_email_ok(const char *s)
{
	const char *at = strchr(s, '@');
	size_t n = strlen(s);

	if (!at || at == s || !at[1] || strchr(at + 1, '@') || n > 254)
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f ||
		    strchr("\"()<>[],;:\\", *s))
			return 0;
	return 1;
}

int
lcm_nudge_addresses_ok(const char *list)
{
	const char *p = list, *end, *a, *b;
	char *addr;
	int ok = 1, n = 0;

	for (; ok && *p; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ",");
		for (a = p; a < end && *a == ' '; a++)
			;
		for (b = end; b > a && b[-1] == ' '; b--)
			;
		if (a == b)
			continue;
		if (b[-1] == '>') {
			for (a = b - 1; a > p && *a != '<'; a--)
				;
			if (*a != '<')
				return 0;
			a++;
			b--;
		}
		addr = lcm_xstrndup(a, (size_t)(b - a));
		ok = lcm_nudge_email_ok(addr);
		free(addr);
		n++;
	}
	return ok && n > 0;
}

const char *
lcm_nudge_email_domain(const char *s)
{
	const char *lt = s ? strrchr(s, '<') : NULL, *at;

	if (!s)
		return NULL;
	at = strrchr(lt ? lt : s, '@');
	return at && at[1] ? at + 1 : NULL;
}

char *
lcm_nudge_message_id(const char *key, const char *domain)
{
	unsigned char h[LCM_SHA256_LEN];
	char hex[2 * LCM_SHA256_LEN + 1], *out;
	size_t n, i, len;

	lcm_sha256(key, strlen(key), h);
	lcm_hex(h, 12, hex);
	/* the domain of "Name <a@b.org>" ends at '>'; one that could break
	   the id is not used */
	len = domain ? strcspn(domain, ">") : 0;
	for (i = 0; i < len; i++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-",
			    domain[i]))
			len = 0;
	if (!len) {
		domain = "lcm.invalid";
		len = strlen(domain);
	}
	n = strlen(hex) + len + 4;
	out = lcm_xmalloc(n);
	snprintf(out, n, "<%s@%.*s>", hex, (int)len, domain);
	return out;
}

char *
lcm_nudge_date(int64_t t, char *out)
{
	static const char *const day[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	char iso[32];
	int y, m, d, hh, mi, ss;
	int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);

	lcm_time_format_utc(t, iso);
	if (sscanf(iso, "%d-%d-%dT%d:%d:%d", &y, &m, &d, &hh, &mi, &ss) != 6)
		y = 1970, m = d = 1, hh = mi = ss = 0;
	snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d +0000",
		 day[((days % 7) + 7) % 7], d, mon[m - 1], y, hh, mi, ss);
	return out;
}

/* Is s all printable ASCII (and spaces)? */
static int
ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

/* The length of the UTF-8 character starting with byte c (1 for a stray byte). */
static size_t
u8len(unsigned char c)
{
	return c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

void
lcm_nudge_encode_words(const char *s, struct lcm_buf *out)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t word = 0, k, n;
	unsigned char c;

	while (*s) {
		n = u8len((unsigned char)*s);
		for (k = 1; k < n; k++)
			if (!s[k])
				n = k;
		/* 12 of each word's 75 bytes are "=?UTF-8?Q?" and "?=" */
		if (word && word + 3 * n > 75 - 12) {
			lcm_buf_adds(out, "?=\n ");
			word = 0;
		}
		if (!word)
			lcm_buf_adds(out, "=?UTF-8?Q?");
		for (k = 0; k < n; k++) {
			c = (unsigned char)s[k];
			if (c == ' ') {
				lcm_buf_addc(out, '_');
				word++;
			} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
				   (c >= '0' && c <= '9')) {
				lcm_buf_addc(out, (char)c);
				word++;
			} else {
				lcm_buf_addc(out, '=');
				lcm_buf_addc(out, hex[c >> 4]);
				lcm_buf_addc(out, hex[c & 15]);
				word += 3;
			}
		}
		s += n;
	}
	if (word)
		lcm_buf_adds(out, "?=");
}

/* Does the body need quoted-printable: non-ASCII, controls, or long lines? */
static int
needs_qp(const char *s)
{
	size_t col = 0;

	for (; *s; s++) {
		if (*s == '\n') {
			col = 0;
			continue;
		}
		if (((unsigned char)*s < 0x20 && *s != '\t') || (unsigned char)*s >= 0x7f ||
		    ++col > 76)
			return 1;
	}
	return 0;
}

void
lcm_nudge_qp(const char *s, struct lcm_buf *out)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t col = 0, w;
	unsigned char c;
	char enc[4];

	for (; *s; s++) {
		c = (unsigned char)*s;
		if (c == '\n') {
			lcm_buf_addc(out, '\n');
			col = 0;
			continue;
		}
		/* a space or tab before a line end would be lost in transit */
		if ((c >= 33 && c <= 126 && c != '=') ||
		    ((c == ' ' || c == '\t') && s[1] && s[1] != '\n')) {
			enc[0] = (char)c;
			w = 1;
		} else {
			enc[0] = '=';
			enc[1] = hex[c >> 4];
			enc[2] = hex[c & 15];
			w = 3;
		}
		/* a soft break keeps lines at 76, "=" included */
		if (col + w > 75) {
			lcm_buf_adds(out, "=\n");
			col = 0;
		}
		lcm_buf_add(out, enc, w);
		col += w;
	}
}

/* Appends one address "Name <addr>" or "addr", the name encoded if need be. */
static void
address(const char *a, size_t n, struct lcm_buf *out)
{
	const char *lt, *p;
	char *name;
	size_t k;

	while (n && *a == ' ')
		a++, n--;
	while (n && a[n - 1] == ' ')
		n--;
	for (lt = NULL, p = a; p < a + n; p++)
		if (*p == '<')
			lt = p;
	if (!lt || a[n - 1] != '>') {
		lcm_buf_add(out, a, n);
		return;
	}
	k = (size_t)(lt - a);
	while (k && a[k - 1] == ' ')
		k--;
	name = lcm_xstrndup(a, k);
	if (k && strncmp(name, "\"", 1) != 0) {
		if (!ascii(name)) {
			lcm_nudge_encode_words(name, out);
		} else if (strpbrk(name, "()<>[]:;@\\,.\"")) {
			lcm_buf_addc(out, '"');
			for (p = name; *p; p++) {
				if (*p == '"' || *p == '\\')
					lcm_buf_addc(out, '\\');
				lcm_buf_addc(out, *p);
			}
			lcm_buf_addc(out, '"');
		} else {
			lcm_buf_adds(out, name);
		}
		lcm_buf_addc(out, ' ');
	} else if (k) {
		lcm_buf_adds(out, name);
		lcm_buf_addc(out, ' ');
	}
	lcm_buf_add(out, lt, (size_t)(a + n - lt));
	free(name);
}

/* Appends "Name: value\n", value cleaned and encoded as its header needs. */
static void
header(struct lcm_buf *out, enum lcm_nudge_header h, const char *value)
{
	char *v = lcm_xstrdup(value);
	const char *p, *comma;

	lcm_nudge_header_clean(v);
	lcm_buf_printf(out, "%s: ", lcm_nudge_header_names[h]);
	if (h == LCM_NUDGE_SUBJECT) {
		/* long ASCII too: encoded words are folded, a line stays < 998 */
		if (ascii(v) && strlen(v) < 900)
			lcm_buf_adds(out, v);
		else
			lcm_nudge_encode_words(v, out);
	} else {
		for (p = v; ; p = comma + 1) {
			comma = strchr(p, ',');
			address(p, comma ? (size_t)(comma - p) : strlen(p), out);
			if (!comma)
				break;
			lcm_buf_adds(out, ",\n ");
		}
	}
	lcm_buf_addc(out, '\n');
	free(v);
}

/* The body with LF line ends and a last LF. Owned. */
static char *
body_lf(const char *s)
{
	struct lcm_buf b;

	lcm_buf_init(&b);
	for (; *s; s++) {
		if (*s == '\r') {
			if (s[1] != '\n')
				lcm_buf_addc(&b, '\n');
			continue;
		}
		lcm_buf_addc(&b, *s);
	}
	if (!b.len || b.data[b.len - 1] != '\n')
		lcm_buf_addc(&b, '\n');
	return lcm_buf_detach(&b);
}

void
lcm_nudge_msg_mime(const struct lcm_nudge_msg *m, struct lcm_buf *out)
{
	char date[40], *body = body_lf(m->body ? m->body : "");
	size_t h;

	for (h = 0; h < LCM_NUDGE_NHEADERS; h++)
		if (m->hdr[h] && *m->hdr[h])
			header(out, (enum lcm_nudge_header)h, m->hdr[h]);
	lcm_buf_printf(out, "Date: %s\n", lcm_nudge_date(m->date, date));
	lcm_buf_printf(out, "Message-ID: %s\n", m->message_id);
	lcm_buf_adds(out, "MIME-Version: 1.0\n"
		     "Content-Type: text/plain; charset=UTF-8\n");
	if (needs_qp(body)) {
		lcm_buf_adds(out, "Content-Transfer-Encoding: quoted-printable\n\n");
		lcm_nudge_qp(body, out);
	} else {
		lcm_buf_adds(out, "Content-Transfer-Encoding: 7bit\n\n");
		lcm_buf_adds(out, body);
	}
	free(body);
}

void
lcm_nudge_msg_text(const struct lcm_nudge_msg *m, struct lcm_buf *out)
{
	char date[40], *v, *body = body_lf(m->body ? m->body : "");
	size_t h;

	for (h = 0; h < LCM_NUDGE_NHEADERS; h++) {
		if (!m->hdr[h] || !*m->hdr[h])
			continue;
		v = lcm_xstrdup(m->hdr[h]);
		lcm_nudge_header_clean(v);
		lcm_buf_printf(out, "%s: %s\n", lcm_nudge_header_names[h], v);
		free(v);
	}
	lcm_buf_printf(out, "Date: %s\nMessage-ID: %s\n\n%s",
		       lcm_nudge_date(m->date, date), m->message_id, body);
	free(body);
}
