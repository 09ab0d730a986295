/*
 * fuzz.h - what the libFuzzer harnesses share: checks that abort (so
 * that libFuzzer keeps the input as a crash) and a UTF-8 validator for
 * the properties the library promises about its output.
 *
 * Each harness is one tests/fuzz/fuzz_<target>.c defining
 * LLVMFuzzerTestOneInput; tests/fuzz/run.sh builds and runs them.
 */
#ifndef LCM_FUZZ_H
#define LCM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A broken promise: say which and abort, so libFuzzer saves the input. */
#define FUZZ_CHECK(cond) do { \
	if (!(cond)) { \
		fprintf(stderr, "%s:%d: broken: %s\n", __FILE__, __LINE__, #cond); \
		abort(); \
	} \
} while (0)

/*
 * 1 when the n bytes at s are valid UTF-8 (no overlong form, surrogate
 * or code point above U+10FFFF), as every string the library hands out
 * must be.
 */
static inline int
fuzz_utf8_ok(const unsigned char *s, size_t n)
{
	size_t i = 0, k, need;
	unsigned char lo, hi;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		lo = 0x80;
		hi = 0xBF;
		if (s[i] >= 0xC2 && s[i] <= 0xDF) {
			need = 1;
		} else if (s[i] >= 0xE0 && s[i] <= 0xEF) {
			need = 2;
			if (s[i] == 0xE0)
				lo = 0xA0;
			else if (s[i] == 0xED)
				hi = 0x9F;
		} else if (s[i] >= 0xF0 && s[i] <= 0xF4) {
			need = 3;
			if (s[i] == 0xF0)
				lo = 0x90;
			else if (s[i] == 0xF4)
				hi = 0x8F;
		} else {
			return 0;
		}
		for (k = 1; k <= need; k++) {
			if (i + k >= n || s[i + k] < lo || s[i + k] > hi)
				return 0;
			lo = 0x80;
			hi = 0xBF;
		}
		i += need + 1;
	}
	return 1;
}

/* The n bytes at data as a NUL-terminated string, owned by the caller. */
static inline char *
fuzz_strndup(const uint8_t *data, size_t n)
{
	char *s = malloc(n + 1);

	if (!s)
		abort();
	if (n)
		memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

#endif
