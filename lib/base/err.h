/*
 * err.h - error reports filled by the library, printed by the programs.
 *
 * The library never prints and never exits: a failing function fills a
 * caller's struct lcm_err and returns -1 (or NULL), so the usual form is
 *
 *	return lcm_error(err, "column '%s': not a time: '%s'", name, value);
 *
 * The program then prints "lcm-import: FILE:LINE: message" with
 * lcm_err_print().
 */
#ifndef LCM_ERR_H
#define LCM_ERR_H

#include <stdio.h>

/* Where and what went wrong. file and line are optional (empty, 0). */
struct lcm_err {
	char msg[1024];		/* "column 'created': not a time: 'abc'" */
	char file[512];		/* input file name as the user gave it */
	long line;		/* 1-based line in file, 0 when unknown */
};

#if defined(__GNUC__)
#define LCM_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define LCM_PRINTF(a, b)
#endif

/* Empties *err. */
void lcm_err_init(struct lcm_err *err);

/* Sets the message (file and line untouched); returns -1. err may be NULL. */
int lcm_error(struct lcm_err *err, const char *fmt, ...) LCM_PRINTF(2, 3);

/* Sets file, line and message at once; returns -1. err may be NULL. */
int lcm_error_at(struct lcm_err *err, const char *file, long line,
		 const char *fmt, ...) LCM_PRINTF(4, 5);

/* Sets file and line of an error already filled, unless already set. */
void lcm_err_locate(struct lcm_err *err, const char *file, long line);

/* Prints "prog: file:line: msg\n" (parts that are empty left out) to fp. */
void lcm_err_print(const struct lcm_err *err, const char *prog, FILE *fp);

/*
 * Copies at most 40 bytes of s into out (size >= 64) for quoting in a
 * message, with control characters shown as '?' and "..." when cut.
 * Returns out.
 */
char *lcm_err_quote(const char *s, char *out, size_t size);

#endif
