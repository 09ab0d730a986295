/* pseudo.c - stable pseudonyms: see pseudo.h. */
#include "pseudo.h"

#include <stdlib.h>
#include <string.h>

#include "sha256.h"
#include "xalloc.h"

int
lcm_pseudo_key(const struct lcm_cli *cli, const char **key)
{
	*key = getenv("LCM_PSEUDO_KEY");
	if (!*key || strlen(*key) < LCM_PSEUDO_MIN_KEY) {
		lcm_cli_warn(cli, "--pseudonymize needs a key of %d characters or more"
			     " in LCM_PSEUDO_KEY", LCM_PSEUDO_MIN_KEY);
		*key = NULL;
		return LCM_EXIT_ERROR;
	}
	return LCM_EXIT_OK;
}

char *
lcm_pseudonym(const char *key, const char *s, char *out)
{
	unsigned char mac[LCM_SHA256_LEN];

	lcm_hmac_sha256(key, strlen(key), s, strlen(s), mac);
	return lcm_hex(mac, LCM_PSEUDO_LEN / 2, out);
}

char *
lcm_pseudonym_dup(const char *key, const char *s)
{
	char out[LCM_PSEUDO_LEN + 1];

	return lcm_xstrdup(lcm_pseudonym(key, s, out));
}
