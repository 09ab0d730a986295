/*
 * sha256.h - SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), for
 * stable pseudonyms: lcm-engage --pseudonymize shows a person as the
 * HMAC of their id under a key only the operator holds.
 *
 *	struct lcm_sha256 c;
 *	lcm_sha256_init(&c);  lcm_sha256_update(&c, p, n);  ...
 *	lcm_sha256_final(&c, digest);
 */
#ifndef LCM_SHA256_H
#define LCM_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define LCM_SHA256_LEN 32	/* bytes in a digest */
#define LCM_SHA256_BLOCK 64	/* bytes in a block */

/* A running hash: no allocation, copy it freely. */
struct lcm_sha256 {
	uint32_t h[8];			/* the chaining state */
	uint64_t len;			/* bytes hashed so far */
	unsigned char buf[LCM_SHA256_BLOCK];	/* a partial block */
	size_t nbuf;			/* bytes in buf */
};

void lcm_sha256_init(struct lcm_sha256 *c);
/* Adds n bytes at p (borrowed); n may be 0. */
void lcm_sha256_update(struct lcm_sha256 *c, const void *p, size_t n);
/* Writes the digest into out; c must be initialised again before reuse. */
void lcm_sha256_final(struct lcm_sha256 *c, unsigned char out[LCM_SHA256_LEN]);

/* The digest of n bytes at p, in one call. */
void lcm_sha256(const void *p, size_t n, unsigned char out[LCM_SHA256_LEN]);

/* HMAC-SHA-256 of msg under key (keys longer than a block are hashed). */
void lcm_hmac_sha256(const void *key, size_t klen, const void *msg,
		     size_t mlen, unsigned char out[LCM_SHA256_LEN]);

/* Lower-case hex of n bytes into out (room for 2 * n + 1). Returns out. */
char *lcm_hex(const unsigned char *p, size_t n, char *out);

#endif
