/*
 * fuzz_time.c - the time parsers and formatters (lib/base/timefmt.c), and the
 * small parsers of the programs' options that read times: durations
 * (--older-than, --wait) and working hours (--business-hours).
 *
 * The first byte picks the date order, --year, the zone (UTC or
 * Europe/Paris) and whether the text is also tried as a zone name; the
 * rest is the text (up to its first NUL, as from a C string). The last
 * 8 bytes are also read as an epoch time for the formatters.
 *
 * Promises checked: a parsed ISO time written by lcm_time_format_utc()
 * reads back the same; any time formats into its 32 bytes; a duration
 * is never negative; working time never exceeds the time between.
 */
#include "fuzz.h"

#include "bizhours.h"
#include "timefmt.h"

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setenv("TZ", "UTC", 1);
	return 0;
}

/* A time written by the formatter reads back as itself (years 0-9999:
 * ISO 8601's four digits). */
static void
round_trip(int64_t t)
{
	char out[32];
	int64_t back;
	struct lcm_err err;

	lcm_time_format_utc(t, out);
	FUZZ_CHECK(strlen(out) < 32);
	if (t < -62167219200LL || t > 253402300799LL)
		return;
	lcm_err_init(&err);
	FUZZ_CHECK(lcm_time_parse_iso(out, &back, &err) == 0);
	FUZZ_CHECK(back == t);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lcm_timeopt opt;
	struct lcm_bizhours bh;
	struct lcm_err err;
	int64_t t, u;
	char out[32], *s;
	int paris;

	if (size < 1)
		return 0;
	memset(&opt, 0, sizeof(opt));
	opt.order = data[0] & 1 ? LCM_MDY : LCM_DMY;
	opt.year = data[0] & 2 ? 2024 : 0;
	paris = (data[0] >> 2) & 1;
	lcm_err_init(&err);
	FUZZ_CHECK(lcm_time_set_zone(paris ? "Europe/Paris" : "UTC", &err) == 0);
	s = fuzz_strndup(data + 1, size - 1);

	if (lcm_time_parse(s, &opt, &t, &err) == 0 && !paris)
		round_trip(t);
	if (lcm_time_parse_iso(s, &t, &err) == 0) {
		lcm_time_format_local(t, out);
		FUZZ_CHECK(strlen(out) < 32);
		if (!paris)
			round_trip(t);
	}
	(void)lcm_time_parse_moodle(s, &opt, &t, &err);
	(void)lcm_time_parse_epoch(s, &t, &err);
	if (lcm_duration_parse(s, &t, &err) == 0)
		FUZZ_CHECK(t >= 0);
	if (lcm_bizhours_parse(s, &bh, &err) == 0) {
		FUZZ_CHECK(bh.start < bh.end);
		t = 1700000000;
		u = t + 9 * 86400 + 3600;
		FUZZ_CHECK(lcm_bizhours_between(&bh, t, u) <= u - t);
		FUZZ_CHECK(lcm_bizhours_between(&bh, u, t) == 0);
	}
	/* any 8 bytes as a time: the formatters fit them in 32 bytes */
	if (size >= 9) {
		memcpy(&t, data + size - 8, 8);
		lcm_time_format_utc(t, out);
		FUZZ_CHECK(strlen(out) < 32);
		lcm_time_format_local(t, out);
		FUZZ_CHECK(strlen(out) < 32);
		if (!paris)
			round_trip(t);
	}
	/* the text as --tz: a zone name or a POSIX TZ string, or refused */
	if ((data[0] >> 3) & 1) {
		if (lcm_time_set_zone(s, &err) == 0)
			(void)lcm_time_parse(s, &opt, &t, &err);
		FUZZ_CHECK(lcm_time_set_zone("UTC", &err) == 0);
	}
	free(s);
	return 0;
}
