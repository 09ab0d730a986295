/*
 * size.c - sizes in bytes, read from an option and said in a message.
 */
#include "size.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
lcm_size_parse(const char *s, size_t max, size_t *out, struct lcm_err *err)
{
	static const char units[] = "kKMG";
	unsigned long long v;
	const char *u;
	char *end, most[32];
	int shift = 0;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (end == s || !isdigit((unsigned char)*s) || errno)
		return lcm_error(err, "not a size: '%s' (bytes, or with k, M or G)", s);
	if (*end && (u = strchr(units, *end))) {
		shift = u - units < 2 ? 10 : u - units == 2 ? 20 : 30;
		end++;
		if (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0)
			end += strlen(end);
	}
	if (*end)
		return lcm_error(err, "not a size: '%s' (bytes, or with k, M or G)", s);
	if (v == 0)
		return lcm_error(err, "a size of 0: '%s'", s);
	if (v > max >> shift)
		return lcm_error(err, "size over %s: '%s'",
				 lcm_size_format(max, most, sizeof(most)), s);
	*out = (size_t)v << shift;
	return 0;
}

char *
lcm_size_format(size_t n, char *out, size_t size)
{
	if (n && n % ((size_t)1 << 30) == 0)
		snprintf(out, size, "%zu GiB", n >> 30);
	else if (n && n % ((size_t)1 << 20) == 0)
		snprintf(out, size, "%zu MiB", n >> 20);
	else if (n && n % ((size_t)1 << 10) == 0)
		snprintf(out, size, "%zu KiB", n >> 10);
	else
		snprintf(out, size, "%zu byte%s", n, n == 1 ? "" : "s");
	return out;
}
