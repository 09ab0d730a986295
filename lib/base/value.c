/*
 * value.c - the one check of each value the store holds. See value.h.
 */
#include "value.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* 1 for an ASCII digit (isdigit() would depend on the locale). */
static int
digit(char c)
{
	return c >= '0' && c <= '9';
}

/* 1 when v is digits[.digits][e[+-]digits], with a digit in the mantissa. */
static int
decimal(const char *v)
{
	int n = 0;

	while (digit(*v)) {
		v++;
		n++;
	}
	if (*v == '.')
		for (v++; digit(*v); v++)
			n++;
	if (n == 0)
		return 0;
	if (*v == 'e' || *v == 'E') {
		v++;
		if (*v == '+' || *v == '-')
			v++;
		if (!digit(*v))
			return 0;
		while (digit(*v))
			v++;
	}
	return *v == '\0';
}

int
lcm_value_score_ok(double s)
{
	return isfinite(s) && s >= 0 && s <= 1;
}

int
lcm_value_score(const char *col, const char *v, double *out, struct lcm_err *err)
{
	char q[64];
	double s;

	if (!v || !*v)
		return lcm_error(err, "column '%s' is empty", col);
	if (!decimal(v))
		goto bad;
	errno = 0;
	s = strtod(v, NULL);
	/* ERANGE: too large, or too small to be told from 0 */
	if (errno == ERANGE || !lcm_value_score_ok(s))
		goto bad;
	*out = s;
	return 0;
bad:
	return lcm_error(err, "column '%s': not a number from 0 to 1: '%s'", col,
			 lcm_err_quote(v, q, sizeof(q)));
}

int
lcm_value_count_ok(int64_t n, int64_t max)
{
	return n >= 0 && n <= max;
}

int
lcm_value_count(const char *col, const char *v, int64_t max, int64_t *out,
		struct lcm_err *err)
{
	const char *p;
	char q[64];
	int64_t n = 0;

	if (!v || !*v)
		return lcm_error(err, "column '%s' is empty", col);
	for (p = v; *p; p++)
		if (!digit(*p) && !(p == v && *p == '-' && p[1]))
			return lcm_error(err, "column '%s': not a number: '%s'", col,
					 lcm_err_quote(v, q, sizeof(q)));
	/* digits one by one: an overflow is out of range, not "not a number" */
	for (p = v + (*v == '-'); *p && n <= max; p++)
		n = n * 10 + (*p - '0');
	if (*v == '-' || n > max)
		return lcm_error(err, "column '%s': not from 0 to %lld: '%s'", col,
				 (long long)max, lcm_err_quote(v, q, sizeof(q)));
	*out = n;
	return 0;
}

int
lcm_value_duration(const char *col, const char *v, int64_t *out, struct lcm_err *err)
{
	return lcm_value_count(col, v, LCM_DURATION_MAX, out, err);
}

int
lcm_value_level(const char *col, const char *v, int64_t *out, struct lcm_err *err)
{
	return lcm_value_count(col, v, LCM_LEVEL_MAX, out, err);
}

int
lcm_state_is_done(const char *state)
{
	static const char *const prefixes[] = {
		"complet", "pass", "done", "finished", "termin", "r\xc3\xa9ussi",
		"valid"
	};
	size_t i;

	if (!state)
		return 0;
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (strncasecmp(state, prefixes[i], strlen(prefixes[i])) == 0)
			return 1;
	return 0;
}
