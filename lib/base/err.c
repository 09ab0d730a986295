/* err.c - error reports: see err.h. */
#include "err.h"

#include <stdarg.h>
#include <string.h>

void
lcm_err_init(struct lcm_err *err)
{
	err->msg[0] = '\0';
	err->file[0] = '\0';
	err->line = 0;
}

int
lcm_error(struct lcm_err *err, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int
lcm_error_at(struct lcm_err *err, const char *file, long line,
	     const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return -1;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "");
	err->line = line;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

void
lcm_err_locate(struct lcm_err *err, const char *file, long line)
{
	if (!err)
		return;
	if (!err->file[0] && file)
		snprintf(err->file, sizeof(err->file), "%s", file);
	if (!err->line)
		err->line = line;
}

void
lcm_err_print(const struct lcm_err *err, const char *prog, FILE *fp)
{
	fprintf(fp, "%s: ", prog);
	if (err->file[0] && err->line > 0)
		fprintf(fp, "%s:%ld: ", err->file, err->line);
	else if (err->file[0])
		fprintf(fp, "%s: ", err->file);
	fprintf(fp, "%s\n", err->msg[0] ? err->msg : "unknown failure");
}

char *
lcm_err_quote(const char *s, char *out, size_t size)
{
	size_t i, n = 0, max = size > 48 ? 40 : size / 2;

	for (i = 0; s[i] && n < max; i++)
		out[n++] = ((unsigned char)s[i] < 0x20 || s[i] == 0x7f) ? '?' : s[i];
	/* never cut a UTF-8 sequence in two */
	if (s[i])
		while (n > 0 && ((unsigned char)out[n - 1] & 0xc0) == 0x80)
			n--;
	if (s[i] && n > 0 && ((unsigned char)out[n - 1] & 0xc0) == 0xc0)
		n--;
	if (s[i] && n + 4 < size) {
		memcpy(out + n, "...", 3);
		n += 3;
	}
	out[n] = '\0';
	return out;
}
