/*
 * size.h - sizes in bytes: the limits' options (--max-field-size 64M)
 * and their messages ("over 1 GiB").
 */
#ifndef LCM_SIZE_H
#define LCM_SIZE_H

#include <stddef.h>

#include "err.h"

/*
 * A size in bytes: digits, then k, M or G (powers of 1024, with or
 * without "iB": "64M", "64MiB"). 0, or -1 with err filled when s is not
 * one, is 0, or is over max.
 */
int lcm_size_parse(const char *s, size_t max, size_t *out, struct lcm_err *err);

/* n as "4 MiB", "64 KiB" when a whole number of them, else "1000 bytes";
 * into out (32 bytes or more). Returns out. */
char *lcm_size_format(size_t n, char *out, size_t size);

#endif
