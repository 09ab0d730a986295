/* xalloc.c - allocation that cannot fail: see xalloc.h. */
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
oom(void)
{
	fputs("lcm: out of memory\n", stderr);
	abort();
}

void *
lcm_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *
lcm_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *
lcm_xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *
lcm_xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		oom();
	return lcm_xrealloc(p, n * size);
}

char *
lcm_xstrdup(const char *s)
{
	return lcm_xstrndup(s, strlen(s));
}

char *
lcm_xstrndup(const char *s, size_t n)
{
	char *p = lcm_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
