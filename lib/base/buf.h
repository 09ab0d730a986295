/*
 * buf.h - a growable byte buffer, always NUL-terminated.
 *
 * struct lcm_buf b;
 * lcm_buf_init(&b);  lcm_buf_adds(&b, "x");  ...  lcm_buf_release(&b);
 *
 * data is never NULL after init (it points to a static "" until the
 * first add), so b.data can always be printed.
 */
#ifndef LCM_BUF_H
#define LCM_BUF_H

#include <stddef.h>

#include "err.h"

struct lcm_buf {
	char *data;	/* len bytes, then a NUL */
	size_t len;
	size_t cap;	/* 0 while data is the static "" */
};

void lcm_buf_init(struct lcm_buf *b);
/* Frees the contents; the buffer is empty and usable again. */
void lcm_buf_release(struct lcm_buf *b);
/* Empties the buffer, keeping its memory. */
void lcm_buf_reset(struct lcm_buf *b);
/* Makes room for n more bytes. */
void lcm_buf_grow(struct lcm_buf *b, size_t n);
void lcm_buf_add(struct lcm_buf *b, const void *p, size_t n);
void lcm_buf_adds(struct lcm_buf *b, const char *s);
void lcm_buf_addc(struct lcm_buf *b, char c);
void lcm_buf_printf(struct lcm_buf *b, const char *fmt, ...) LCM_PRINTF(2, 3);
/* Returns the contents, owned by the caller (free()); b is left empty. */
char *lcm_buf_detach(struct lcm_buf *b);

#endif
