/*
 * names.c - a list of names a person typed (names.h).
 */
#include "names.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "xalloc.h"

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

void
lcm_names_add(struct lcm_names *names, const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t'))
		s++, len--;
	while (len && is_blank(s[len - 1]))
		len--;
	if (!len)
		return;
	if (names->n == names->cap) {
		names->cap = names->cap ? 2 * names->cap : 8;
		names->v = lcm_xreallocarray(names->v, names->cap, sizeof(*names->v));
	}
	names->v[names->n] = lcm_xmalloc(len + 1);
	memcpy(names->v[names->n], s, len);
	names->v[names->n++][len] = '\0';
}

size_t
lcm_names_add_list(struct lcm_names *names, const char *arg)
{
	size_t before = names->n;
	const char *comma;

	for (; (comma = strchr(arg, ',')); arg = comma + 1)
		lcm_names_add(names, arg, (size_t)(comma - arg));
	lcm_names_add(names, arg, strlen(arg));
	return names->n - before;
}

int
lcm_names_add_file(struct lcm_names *names, const char *path, struct lcm_err *err)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	FILE *fp = fopen(path, "r");
	int rc = 0;

	if (!fp)
		return lcm_error_at(err, path, 0, "cannot open: %s", strerror(errno));
	while ((len = getline(&line, &cap, fp)) >= 0)
		if (line[strspn(line, " \t")] != '#')
			lcm_names_add(names, line, (size_t)len);
	if (ferror(fp))
		rc = lcm_error_at(err, path, 0, "cannot read: %s", strerror(errno));
	free(line);
	fclose(fp);
	return rc;
}

void
lcm_names_release(struct lcm_names *names)
{
	size_t i;

	for (i = 0; i < names->n; i++)
		free(names->v[i]);
	free(names->v);
	memset(names, 0, sizeof(*names));
}
