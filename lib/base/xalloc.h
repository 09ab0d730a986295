/*
 * xalloc.h - allocation that cannot fail.
 *
 * Out of memory is the one failure the library does not report: these
 * print "lcm: out of memory" and abort, so callers never check.
 */
#ifndef LCM_XALLOC_H
#define LCM_XALLOC_H

#include <stddef.h>

void *lcm_xmalloc(size_t size);
void *lcm_xcalloc(size_t n, size_t size);
void *lcm_xrealloc(void *p, size_t size);
/* n * size, aborting on overflow. */
void *lcm_xreallocarray(void *p, size_t n, size_t size);
char *lcm_xstrdup(const char *s);
char *lcm_xstrndup(const char *s, size_t n);

#endif
