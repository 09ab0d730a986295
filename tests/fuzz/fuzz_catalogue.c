/*
 * fuzz_catalogue.c - the pathway catalogue reader (lib/pathway/catalogue.h): CSV
 * or JSON bytes read, indexed and checked as lcm-pathway --check does.
 *
 * Promises checked: a failed read says why and where; every brick read
 * has an id, a duration >= 0 and a level >= 0; lcm_catalogue_find finds
 * each id; every fault has a message.
 */
#include "fuzz.h"

#include "catalogue.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lcm_catalogue c;
	struct lcm_faults f = { 0 };
	struct lcm_err err;
	size_t i, n;

	lcm_catalogue_init(&c);
	lcm_err_init(&err);
	if (lcm_catalogue_read_mem(&c, (const char *)data, size, "fuzz", &err) < 0) {
		FUZZ_CHECK(err.msg[0] != '\0');
		lcm_catalogue_release(&c);
		return 0;
	}
	for (i = 0; i < c.n; i++) {
		FUZZ_CHECK(c.b[i].id && c.b[i].id[0]);
		FUZZ_CHECK(c.b[i].duration >= 0 && c.b[i].level >= 0);
		FUZZ_CHECK(lcm_catalogue_find(&c, c.b[i].id) != LCM_CAT_NONE);
		if (c.b[i].skills.n)
			FUZZ_CHECK(lcm_catalogue_skill(&c, c.b[i].skills.v[0]));
		(void)lcm_brick_band(&c.b[i], 0.5);
	}
	n = lcm_catalogue_check(&c, &f);
	FUZZ_CHECK(n == f.n);
	for (i = 0; i < f.n; i++)
		FUZZ_CHECK(f.v[i].msg && f.v[i].msg[0]);
	(void)lcm_catalogue_check_goal(&c, "fuzz", NULL, &f);
	lcm_faults_release(&f);
	lcm_catalogue_release(&c);
	return 0;
}
