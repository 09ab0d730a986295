/*
 * sha256.c - SHA-256 and HMAC-SHA-256: see sha256.h.
 *
 * A plain transcription of FIPS 180-4 section 6.2, one block at a time;
 * pseudonyms hash a few bytes per person, so speed does not matter and
 * clarity does.
 */
#include "sha256.h"

#include <string.h>

static const uint32_t k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

/* Hashes one 64-byte block into the state (FIPS 180-4, 6.2.2). */
static void
block(uint32_t h[8], const unsigned char *p)
{
	uint32_t w[64], a, b, c, d, e, f, g, hh, t1, t2, s0, s1;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (i = 16; i < 64; i++) {
		s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = h[0]; b = h[1]; c = h[2]; d = h[3];
	e = h[4]; f = h[5]; g = h[6]; hh = h[7];
	for (i = 0; i < 64; i++) {
		t1 = hh + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) +
		    ((e & f) ^ (~e & g)) + k[i] + w[i];
		t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) +
		    ((a & b) ^ (a & c) ^ (b & c));
		hh = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void
lcm_sha256_init(struct lcm_sha256 *c)
{
	static const uint32_t h0[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
	};

	memcpy(c->h, h0, sizeof(h0));
	c->len = 0;
	c->nbuf = 0;
}

/* Borrows p. Whole blocks are hashed in place, the rest kept in buf. */
void
lcm_sha256_update(struct lcm_sha256 *c, const void *p, size_t n)
{
	const unsigned char *s = p;
	size_t take;

	c->len += n;
	if (c->nbuf) {
		take = LCM_SHA256_BLOCK - c->nbuf;
		if (take > n)
			take = n;
		memcpy(c->buf + c->nbuf, s, take);
		c->nbuf += take;
		s += take;
		n -= take;
		if (c->nbuf < LCM_SHA256_BLOCK)
			return;
		block(c->h, c->buf);
		c->nbuf = 0;
	}
	for (; n >= LCM_SHA256_BLOCK; s += LCM_SHA256_BLOCK, n -= LCM_SHA256_BLOCK)
		block(c->h, s);
	memcpy(c->buf, s, n);
	c->nbuf = n;
}

/* Pads with 0x80, zeros and the length in bits (big-endian), 5.1.1. */
void
lcm_sha256_final(struct lcm_sha256 *c, unsigned char out[LCM_SHA256_LEN])
{
	uint64_t bits = c->len * 8;
	int i;

	c->buf[c->nbuf++] = 0x80;
	if (c->nbuf > LCM_SHA256_BLOCK - 8) {
		memset(c->buf + c->nbuf, 0, LCM_SHA256_BLOCK - c->nbuf);
		block(c->h, c->buf);
		c->nbuf = 0;
	}
	memset(c->buf + c->nbuf, 0, LCM_SHA256_BLOCK - 8 - c->nbuf);
	for (i = 0; i < 8; i++)
		c->buf[LCM_SHA256_BLOCK - 1 - i] = (unsigned char)(bits >> (8 * i));
	block(c->h, c->buf);
	for (i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(c->h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(c->h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(c->h[i] >> 8);
		out[4 * i + 3] = (unsigned char)c->h[i];
	}
}

void
lcm_sha256(const void *p, size_t n, unsigned char out[LCM_SHA256_LEN])
{
	struct lcm_sha256 c;

	lcm_sha256_init(&c);
	lcm_sha256_update(&c, p, n);
	lcm_sha256_final(&c, out);
}

/* H((K ^ opad) || H((K ^ ipad) || msg)), K zero-padded to a block. */
void
lcm_hmac_sha256(const void *key, size_t klen, const void *msg, size_t mlen,
		unsigned char out[LCM_SHA256_LEN])
{
	unsigned char kb[LCM_SHA256_BLOCK], pad[LCM_SHA256_BLOCK];
	unsigned char inner[LCM_SHA256_LEN];
	struct lcm_sha256 c;
	size_t i;

	memset(kb, 0, sizeof(kb));
	if (klen > LCM_SHA256_BLOCK)
		lcm_sha256(key, klen, kb);
	else if (klen)
		memcpy(kb, key, klen);
	for (i = 0; i < LCM_SHA256_BLOCK; i++)
		pad[i] = kb[i] ^ 0x36;
	lcm_sha256_init(&c);
	lcm_sha256_update(&c, pad, sizeof(pad));
	lcm_sha256_update(&c, msg, mlen);
	lcm_sha256_final(&c, inner);
	for (i = 0; i < LCM_SHA256_BLOCK; i++)
		pad[i] = kb[i] ^ 0x5c;
	lcm_sha256_init(&c);
	lcm_sha256_update(&c, pad, sizeof(pad));
	lcm_sha256_update(&c, inner, sizeof(inner));
	lcm_sha256_final(&c, out);
}

char *
lcm_hex(const unsigned char *p, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[p[i] >> 4];
		out[2 * i + 1] = digits[p[i] & 15];
	}
	out[2 * n] = '\0';
	return out;
}
