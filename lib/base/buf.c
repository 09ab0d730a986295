/* buf.c - growable byte buffer: see buf.h. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static char empty[1];

void
lcm_buf_init(struct lcm_buf *b)
{
	b->data = empty;
	b->len = 0;
	b->cap = 0;
}

void
lcm_buf_release(struct lcm_buf *b)
{
	if (b->cap)
		free(b->data);
	lcm_buf_init(b);
}

void
lcm_buf_reset(struct lcm_buf *b)
{
	b->len = 0;
	if (b->cap)
		b->data[0] = '\0';
}

void
lcm_buf_grow(struct lcm_buf *b, size_t n)
{
	size_t want = b->len + n + 1, cap = b->cap ? b->cap : 64;

	if (want <= b->cap)
		return;
	while (cap < want)
		cap *= 2;
	if (b->cap) {
		b->data = lcm_xrealloc(b->data, cap);
	} else {
		b->data = lcm_xmalloc(cap);
		b->data[0] = '\0';
	}
	b->cap = cap;
}

void
lcm_buf_add(struct lcm_buf *b, const void *p, size_t n)
{
	lcm_buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
lcm_buf_adds(struct lcm_buf *b, const char *s)
{
	lcm_buf_add(b, s, strlen(s));
}

void
lcm_buf_addc(struct lcm_buf *b, char c)
{
	lcm_buf_add(b, &c, 1);
}

void
lcm_buf_printf(struct lcm_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	lcm_buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *
lcm_buf_detach(struct lcm_buf *b)
{
	char *p = b->cap ? b->data : lcm_xstrdup("");

	lcm_buf_init(b);
	return p;
}
