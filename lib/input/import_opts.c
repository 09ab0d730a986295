/*
 * import_opts.c - the readers of lcm-import's option values
 * (import_opts.h), as the option table calls them.
 */
#include "import_opts.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "size.h"

/* --max-json-size goes up to 4 GiB, or what a size_t holds */
#if SIZE_MAX > 0xffffffffu
#define JSON_SIZE_MAX ((size_t)4 << 30)
#else
#define JSON_SIZE_MAX SIZE_MAX
#endif

int
lcm_import_read_year(const char *arg, void *value, struct lcm_err *err)
{
	char *end;
	long y = strtol(arg, &end, 10);

	if (*end || end == arg || y < 1970 || y > 9999)
		return lcm_error(err, "not a year: '%s'", arg);
	*(int *)value = (int)y;
	return 0;
}

int
lcm_import_read_encoding(const char *arg, void *value, struct lcm_err *err)
{
	if (lcm_encoding_parse(arg, value) < 0)
		return lcm_error(err, "unknown encoding '%s'", arg);
	return 0;
}

int
lcm_import_read_lang(const char *arg, void *value, struct lcm_err *err)
{
	if (!*arg || strspn(arg, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			    "0123456789-") != strlen(arg))
		return lcm_error(err, "not a language tag: '%s'", arg);
	*(const char **)value = arg;
	return 0;
}

int
lcm_import_read_field_size(const char *arg, void *value, struct lcm_err *err)
{
	return lcm_size_parse(arg, (size_t)1 << 30, value, err);
}

int
lcm_import_read_json_size(const char *arg, void *value, struct lcm_err *err)
{
	return lcm_size_parse(arg, JSON_SIZE_MAX, value, err);
}
