/*
 * test_sha256.c - SHA-256 against the FIPS 180-4 examples (NIST CSRC
 * "Examples with intermediate values") and HMAC-SHA-256 against the
 * RFC 4231 test cases.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sha256.h"

/* The hex digest of n bytes at p, hashed in one call. */
static const char *
digest(const void *p, size_t n, char *hex)
{
	unsigned char d[LCM_SHA256_LEN];

	lcm_sha256(p, n, d);
	return lcm_hex(d, sizeof(d), hex);
}

static const char *
hmac(const void *key, size_t klen, const void *msg, size_t mlen, char *hex)
{
	unsigned char d[LCM_SHA256_LEN];

	lcm_hmac_sha256(key, klen, msg, mlen, d);
	return lcm_hex(d, sizeof(d), hex);
}

static void
test_sha256_abc(void **state)
{
	char hex[65];

	(void)state;
	assert_string_equal(digest("abc", 3, hex),
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void
test_sha256_empty(void **state)
{
	char hex[65];

	(void)state;
	assert_string_equal(digest("", 0, hex),
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

/* 448 bits: the padding needs a second block. */
static void
test_sha256_two_blocks(void **state)
{
	static const char m[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	char hex[65];

	(void)state;
	assert_string_equal(digest(m, strlen(m), hex),
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void
test_sha256_896_bits(void **state)
{
	static const char m[] = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		"hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
	char hex[65];

	(void)state;
	assert_string_equal(digest(m, strlen(m), hex),
	    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

/* A million 'a', fed in uneven pieces to exercise the partial block. */
static void
test_sha256_update_million_a_in_pieces(void **state)
{
	struct lcm_sha256 c;
	unsigned char d[LCM_SHA256_LEN];
	char a[997], hex[65];
	size_t left = 1000000, n;

	(void)state;
	memset(a, 'a', sizeof(a));
	lcm_sha256_init(&c);
	while (left) {
		n = left < sizeof(a) ? left : sizeof(a);
		lcm_sha256_update(&c, a, n);
		left -= n;
	}
	lcm_sha256_final(&c, d);
	assert_string_equal(lcm_hex(d, sizeof(d), hex),
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

/* 55 bytes fit the length in the same block, 56 do not. */
static void
test_sha256_final_padding_edges(void **state)
{
	char m[64], hex[65];

	(void)state;
	memset(m, 'a', sizeof(m));
	assert_string_equal(digest(m, 55, hex),
	    "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
	assert_string_equal(digest(m, 56, hex),
	    "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
	assert_string_equal(digest(m, 64, hex),
	    "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

static void
test_hmac_sha256_rfc4231_case1(void **state)
{
	unsigned char key[20];
	char hex[65];

	(void)state;
	memset(key, 0x0b, sizeof(key));
	assert_string_equal(hmac(key, sizeof(key), "Hi There", 8, hex),
	    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
}

static void
test_hmac_sha256_rfc4231_case2_short_key(void **state)
{
	static const char m[] = "what do ya want for nothing?";
	char hex[65];

	(void)state;
	assert_string_equal(hmac("Jefe", 4, m, strlen(m), hex),
	    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

static void
test_hmac_sha256_rfc4231_case3(void **state)
{
	unsigned char key[20], m[50];
	char hex[65];

	(void)state;
	memset(key, 0xaa, sizeof(key));
	memset(m, 0xdd, sizeof(m));
	assert_string_equal(hmac(key, sizeof(key), m, sizeof(m), hex),
	    "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
}

static void
test_hmac_sha256_rfc4231_case4(void **state)
{
	unsigned char key[25], m[50];
	char hex[65];
	int i;

	(void)state;
	for (i = 0; i < 25; i++)
		key[i] = (unsigned char)(i + 1);
	memset(m, 0xcd, sizeof(m));
	assert_string_equal(hmac(key, sizeof(key), m, sizeof(m), hex),
	    "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
}

/* Case 5 compares the first 128 bits only. */
static void
test_hmac_sha256_rfc4231_case5_truncated(void **state)
{
	unsigned char key[20];
	char hex[65];

	(void)state;
	memset(key, 0x0c, sizeof(key));
	hmac(key, sizeof(key), "Test With Truncation", 20, hex);
	hex[32] = '\0';
	assert_string_equal(hex, "a3b6167473100ee06e0c796c2955552b");
}

/* Keys longer than a block are hashed first. */
static void
test_hmac_sha256_rfc4231_case6_long_key(void **state)
{
	static const char m[] = "Test Using Larger Than Block-Size Key - Hash Key First";
	unsigned char key[131];
	char hex[65];

	(void)state;
	memset(key, 0xaa, sizeof(key));
	assert_string_equal(hmac(key, sizeof(key), m, strlen(m), hex),
	    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

static void
test_hmac_sha256_rfc4231_case7_long_key_and_data(void **state)
{
	static const char m[] = "This is a test using a larger than block-size key and a"
		" larger than block-size data. The key needs to be hashed before"
		" being used by the HMAC algorithm.";
	unsigned char key[131];
	char hex[65];

	(void)state;
	memset(key, 0xaa, sizeof(key));
	assert_string_equal(hmac(key, sizeof(key), m, strlen(m), hex),
	    "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

static void
test_hex_empty(void **state)
{
	char hex[1] = { 'x' };

	(void)state;
	assert_string_equal(lcm_hex((const unsigned char *)"", 0, hex), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_abc),
		cmocka_unit_test(test_sha256_empty),
		cmocka_unit_test(test_sha256_two_blocks),
		cmocka_unit_test(test_sha256_896_bits),
		cmocka_unit_test(test_sha256_update_million_a_in_pieces),
		cmocka_unit_test(test_sha256_final_padding_edges),
		cmocka_unit_test(test_hmac_sha256_rfc4231_case1),
		cmocka_unit_test(test_hmac_sha256_rfc4231_case2_short_key),
		cmocka_unit_test(test_hmac_sha256_rfc4231_case3),
		cmocka_unit_test(test_hmac_sha256_rfc4231_case4),
		cmocka_unit_test(test_hmac_sha256_rfc4231_case5_truncated),
		cmocka_unit_test(test_hmac_sha256_rfc4231_case6_long_key),
		cmocka_unit_test(test_hmac_sha256_rfc4231_case7_long_key_and_data),
		cmocka_unit_test(test_hex_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
