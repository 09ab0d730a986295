/* test_timefmt.c - unit tests for lib/base/timefmt.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "timefmt.h"

/* Parisian DST rules written out, so one test needs no zone files. */
#define PARIS_POSIX "CET-1CEST,M3.5.0,M10.5.0/3"

static void
zone(const char *z)
{
	struct lcm_err err;

	lcm_err_init(&err);
	assert_int_equal(lcm_time_set_zone(z, &err), 0);
}

static int64_t
utc(int y, int mo, int d, int h, int mi, int s)
{
	return lcm_time_from_utc(y, mo, d, h, mi, s);
}

static int64_t
iso_ok(const char *s)
{
	struct lcm_err err;
	int64_t t = 0;

	lcm_err_init(&err);
	if (lcm_time_parse_iso(s, &t, &err) != 0)
		fail_msg("'%s': %s", s, err.msg);
	return t;
}

static void
iso_err(const char *s, const char *msg)
{
	struct lcm_err err;
	int64_t t = 0;

	lcm_err_init(&err);
	assert_int_equal(lcm_time_parse_iso(s, &t, &err), -1);
	assert_string_equal(err.msg, msg);
}

static int64_t
moodle_ok(const char *s, enum lcm_date_order order, int year)
{
	struct lcm_timeopt opt = { order, year };
	struct lcm_err err;
	int64_t t = 0;

	lcm_err_init(&err);
	if (lcm_time_parse_moodle(s, &opt, &t, &err) != 0)
		fail_msg("'%s': %s", s, err.msg);
	return t;
}

static void
moodle_err(const char *s, enum lcm_date_order order, int year, const char *msg)
{
	struct lcm_timeopt opt = { order, year };
	struct lcm_err err;
	int64_t t = 0;

	lcm_err_init(&err);
	assert_int_equal(lcm_time_parse_moodle(s, &opt, &t, &err), -1);
	assert_string_equal(err.msg, msg);
}

static int64_t
dur_ok(const char *s)
{
	struct lcm_err err;
	int64_t v = -1;

	lcm_err_init(&err);
	if (lcm_duration_parse(s, &v, &err) != 0)
		fail_msg("'%s': %s", s, err.msg);
	return v;
}

static void
dur_err(const char *s, const char *msg)
{
	struct lcm_err err;
	int64_t v = 0;

	lcm_err_init(&err);
	assert_int_equal(lcm_duration_parse(s, &v, &err), -1);
	assert_string_equal(err.msg, msg);
}

/* --- calendar arithmetic --- */

static void
test_days_from_civil_known_days(void **state)
{
	(void)state;
	assert_int_equal(lcm_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(lcm_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(lcm_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(lcm_days_from_civil(0, 3, 1), -719468);
}

static void
test_time_from_utc_known_instants(void **state)
{
	(void)state;
	assert_int_equal(utc(2024, 2, 29, 0, 0, 0), 1709164800);
	assert_int_equal(utc(1900, 1, 1, 0, 0, 0), INT64_C(-2208988800));
	assert_int_equal(utc(9999, 12, 31, 23, 59, 59), INT64_C(253402300799));
	assert_int_equal(utc(1969, 7, 20, 20, 17, 40), -14182940);
}

static void
test_time_from_utc_month_carries(void **state)
{
	(void)state;
	assert_int_equal(utc(2024, 13, 1, 0, 0, 0), utc(2025, 1, 1, 0, 0, 0));
	assert_int_equal(utc(2024, 0, 1, 0, 0, 0), utc(2023, 12, 1, 0, 0, 0));
	assert_int_equal(utc(2024, 3, 0, 0, 0, 0), utc(2024, 2, 29, 0, 0, 0));
}

/* --- zones --- */

static void
test_time_set_zone_unknown(void **state)
{
	struct lcm_err err;

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_time_set_zone("Not/AZone", &err), -1);
	assert_string_equal(err.msg, "unknown time zone 'Not/AZone'");
}

static void
test_time_set_zone_rejects_paths(void **state)
{
	struct lcm_err err;

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_time_set_zone("../zoneinfo/Europe/Paris", &err), -1);
	assert_string_equal(err.msg,
	    "unknown time zone '../zoneinfo/Europe/Paris'");
	assert_int_equal(lcm_time_set_zone("/usr/share/zoneinfo/UTC", &err), -1);
	assert_int_equal(lcm_time_set_zone("", &err), -1);
}

static void
test_time_set_zone_rejects_non_zone_file(void **state)
{
	struct lcm_err err;

	(void)state;
	lcm_err_init(&err);
	/* a file in the zone directory, but a table, not a zone */
	assert_int_equal(lcm_time_set_zone("zone.tab", &err), -1);
}

static void
test_time_set_zone_posix_string(void **state)
{
	(void)state;
	zone(PARIS_POSIX);
	assert_int_equal(iso_ok("2024-07-15T10:00"), utc(2024, 7, 15, 8, 0, 0));
	zone("EST5");
	assert_int_equal(iso_ok("2024-07-15T10:00"), utc(2024, 7, 15, 15, 0, 0));
}

static void
test_time_set_zone_bad_posix_string(void **state)
{
	struct lcm_err err;

	(void)state;
	lcm_err_init(&err);
	assert_int_equal(lcm_time_set_zone("CET-1CEST,M13.5.0,M10.5.0/3", &err), -1);
	assert_int_equal(lcm_time_set_zone("ABC", &err), -1);	/* no offset */
	assert_int_equal(lcm_time_set_zone("CET-1CEST,M3.5.0", &err), -1);
	assert_int_equal(lcm_time_set_zone("CET-1CEST,M3.5.0,M10.5.0/200", &err), -1);
	assert_int_equal(lcm_time_set_zone("CET-1CEST,M3.5.0,M10.5.0x", &err), -1);
	assert_int_equal(lcm_time_set_zone("CET-25", &err), -1);
}

static void
test_time_set_zone_utc_z(void **state)
{
	char buf[32];

	(void)state;
	zone("Z");
	assert_string_equal(lcm_time_format_local(0, buf), "1970-01-01T00:00:00Z");
	assert_int_equal(iso_ok("2024-07-15T10:00"), utc(2024, 7, 15, 10, 0, 0));
}

static void
test_time_set_zone_null_keeps_environment(void **state)
{
	char buf[32];

	(void)state;
	assert_int_equal(setenv("TZ", "Europe/Paris", 1), 0);
	zone(NULL);
	assert_string_equal(lcm_time_format_local(1705309200, buf),
	    "2024-01-15T10:00:00+01:00");
	assert_int_equal(setenv("TZ", "UTC", 1), 0);
	zone(NULL);
	assert_string_equal(lcm_time_format_local(1705309200, buf),
	    "2024-01-15T09:00:00Z");
}

static void
test_time_set_zone_resets_cache(void **state)
{
	(void)state;
	zone("Europe/Paris");
	assert_int_equal(lcm_time_from_local(2024, 1, 15, 10, 0, 0), 1705309200);
	zone("UTC");
	assert_int_equal(lcm_time_from_local(2024, 1, 15, 10, 0, 0),
	    1705309200 + 3600);
}

/* --- local times, Europe/Paris --- */

static void
test_time_from_local_paris_winter(void **state)
{
	(void)state;
	zone("Europe/Paris");
	assert_int_equal(lcm_time_from_local(2024, 1, 15, 10, 0, 0), 1705309200);
}

static void
test_time_from_local_paris_summer(void **state)
{
	(void)state;
	zone("Europe/Paris");
	assert_int_equal(lcm_time_from_local(2024, 7, 15, 10, 0, 0), 1721030400);
}

static void
test_time_from_local_gap_moves_forward(void **state)
{
	(void)state;
	zone("Europe/Paris");
	/* 02:30 does not exist on 2024-03-31: it is read as 03:30 CEST */
	assert_int_equal(lcm_time_from_local(2024, 3, 31, 2, 30, 0), 1711848600);
	assert_int_equal(lcm_time_from_local(2024, 3, 31, 2, 30, 0), 1711848600);
	assert_int_equal(lcm_time_from_local(2024, 3, 31, 1, 59, 59),
	    1711848600 - 1801);
	assert_int_equal(lcm_time_from_local(2024, 3, 31, 3, 0, 0),
	    1711848600 - 1800);
}

static void
test_time_from_local_fold_takes_first(void **state)
{
	(void)state;
	zone("Europe/Paris");
	/* 02:30 happens twice on 2024-10-27: first in CEST (00:30Z) */
	assert_int_equal(lcm_time_from_local(2024, 10, 27, 2, 30, 0), 1729989000);
	assert_int_equal(lcm_time_from_local(2024, 10, 27, 2, 59, 0),
	    1729989000 + 1740);
	assert_int_equal(lcm_time_from_local(2024, 10, 27, 3, 30, 0), 1729996200);
	assert_int_equal(lcm_time_from_local(2024, 10, 27, 1, 30, 0),
	    1729989000 - 3600);
}

static void
test_time_from_local_half_hour_gap_not_cached(void **state)
{
	(void)state;
	zone("Australia/Lord_Howe");
	/* 2024-10-06 02:00 (+10:30) became 02:30 (+11): only half the hour */
	assert_int_equal(lcm_time_from_local(2024, 10, 6, 2, 10, 0),
	    1728143100 - 300);
	assert_int_equal(lcm_time_from_local(2024, 10, 6, 2, 45, 0), 1728143100);
}

static void
test_time_from_local_posix_zone_gap_and_fold(void **state)
{
	(void)state;
	zone(PARIS_POSIX);
	assert_int_equal(lcm_time_from_local(2024, 3, 31, 2, 30, 0), 1711848600);
	assert_int_equal(lcm_time_from_local(2024, 10, 27, 2, 30, 0), 1729989000);
}

/* The local wall time of instant t, counted as if it were UTC. */
static int64_t
wall_of(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	localtime_r(&tt, &tm);
	return utc(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
}

/*
 * Every 10 minutes of 2024 in Paris, in order (the cache's best case):
 * the result must show the same wall time (one hour later in the gap)
 * and be its first occurrence.
 */
static void
test_time_from_local_whole_year_matches_localtime(void **state)
{
	int64_t w, t, end = utc(2025, 1, 1, 0, 0, 0);
	int64_t gap = utc(2024, 3, 31, 2, 0, 0);
	struct tm tm;
	time_t tt;

	(void)state;
	zone("Europe/Paris");
	for (w = utc(2024, 1, 1, 0, 0, 0); w < end; w += 600) {
		tt = (time_t)w;
		gmtime_r(&tt, &tm);
		t = lcm_time_from_local(tm.tm_year + 1900, tm.tm_mon + 1,
		    tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
		if (w >= gap && w < gap + 3600)
			assert_int_equal(wall_of(t), w + 3600);
		else
			assert_int_equal(wall_of(t), w);
		assert_true(wall_of(t - 3600) != w);
	}
}

/* --- epoch --- */

static void
test_time_parse_epoch_positive(void **state)
{
	struct lcm_err err;
	int64_t t;

	(void)state;
	assert_int_equal(lcm_time_parse_epoch("1729167180", &t, &err), 0);
	assert_int_equal(t, 1729167180);
}

static void
test_time_parse_epoch_negative(void **state)
{
	struct lcm_err err;
	int64_t t;

	(void)state;
	assert_int_equal(lcm_time_parse_epoch("-14182940", &t, &err), 0);
	assert_int_equal(t, -14182940);
}

static void
test_time_parse_epoch_garbage(void **state)
{
	struct lcm_err err;
	int64_t t;

	(void)state;
	assert_int_equal(lcm_time_parse_epoch("12x", &t, &err), -1);
	assert_string_equal(err.msg, "not a time: '12x'");
	assert_int_equal(lcm_time_parse_epoch("-", &t, &err), -1);
	assert_int_equal(lcm_time_parse_epoch(" 12", &t, &err), -1);
}

static void
test_time_parse_epoch_overflow(void **state)
{
	struct lcm_err err;
	int64_t t;

	(void)state;
	assert_int_equal(lcm_time_parse_epoch("9223372036854775807", &t, &err), 0);
	assert_int_equal(t, INT64_MAX);
	assert_int_equal(lcm_time_parse_epoch("9223372036854775808", &t, &err), -1);
	assert_string_equal(err.msg, "time out of range: '9223372036854775808'");
}

static void
test_time_parse_epoch_fraction_dropped(void **state)
{
	struct lcm_err err;
	int64_t t;

	(void)state;
	assert_int_equal(lcm_time_parse_epoch("1452837318.000002", &t, &err), 0);
	assert_int_equal(t, 1452837318);
	assert_int_equal(lcm_time_parse_epoch("1452837318.999999", &t, &err), 0);
	assert_int_equal(t, 1452837318);
	assert_int_equal(lcm_time_parse_epoch("1452837318.0", &t, &err), 0);
	assert_int_equal(t, 1452837318);
}

static void
test_time_parse_epoch_fraction_negative_floor(void **state)
{
	struct lcm_err err;
	int64_t t;

	(void)state;
	/* as ISO's "1969-12-31T23:59:58.5Z" is -2 */
	assert_int_equal(lcm_time_parse_epoch("-1.5", &t, &err), 0);
	assert_int_equal(t, -2);
	assert_int_equal(lcm_time_parse_epoch("-2.000", &t, &err), 0);
	assert_int_equal(t, -2);
}

static void
test_time_parse_epoch_fraction_malformed(void **state)
{
	struct lcm_err err;
	int64_t t;

	(void)state;
	assert_int_equal(lcm_time_parse_epoch("12.", &t, &err), -1);
	assert_string_equal(err.msg, "not a time: '12.'");
	assert_int_equal(lcm_time_parse_epoch("12.5x", &t, &err), -1);
	assert_int_equal(lcm_time_parse_epoch("1.2.3", &t, &err), -1);
	assert_int_equal(lcm_time_parse_epoch(".5", &t, &err), -1);
	assert_int_equal(lcm_time_parse_epoch("12,5", &t, &err), -1);
}

static void
test_time_parse_dispatch_epoch_fraction(void **state)
{
	struct lcm_err err;
	int64_t t;

	(void)state;
	assert_int_equal(lcm_time_parse("1452837318.000002", NULL, &t, &err), 0);
	assert_int_equal(t, 1452837318);
	assert_int_equal(lcm_time_parse("253402300800.5", NULL, &t, &err), -1);
	assert_string_equal(err.msg,
			    "time out of range (years 0 to 9999): '253402300800.5'");
}

/* --- ISO 8601 --- */

static void
test_time_parse_iso_zulu(void **state)
{
	(void)state;
	zone("Europe/Paris");
	assert_int_equal(iso_ok("2024-10-17T12:13:00Z"), 1729167180);
	assert_int_equal(iso_ok("2024-10-17t12:13:00z"), 1729167180);
	assert_int_equal(iso_ok("2024-10-17 12:13Z"), 1729167180);
}

static void
test_time_parse_iso_fraction(void **state)
{
	(void)state;
	assert_int_equal(iso_ok("2015-09-14T07:39:55.481713+00:00"),
	    utc(2015, 9, 14, 7, 39, 55));
	assert_int_equal(iso_ok("2015-09-14T07:39:55,5Z"),
	    utc(2015, 9, 14, 7, 39, 55));
	iso_err("2015-09-14T07:39:55.Z", "not a time: '2015-09-14T07:39:55.Z'");
}

static void
test_time_parse_iso_offsets(void **state)
{
	int64_t want = utc(2024, 10, 17, 11, 13, 0);

	(void)state;
	assert_int_equal(iso_ok("2024-10-17T12:13:00+01:00"), want);
	assert_int_equal(iso_ok("2024-10-17T12:13:00+0100"), want);
	assert_int_equal(iso_ok("2024-10-17T12:13+01"), want);
	assert_int_equal(iso_ok("2024-10-17T06:13:00-05:00"), want);
}

static void
test_time_parse_iso_bad_offset(void **state)
{
	(void)state;
	iso_err("2024-10-17T12:13+24:00", "offset out of range in '2024-10-17T12:13+24:00'");
	iso_err("2024-10-17T12:13+1", "not a time: '2024-10-17T12:13+1'");
}

static void
test_time_parse_iso_local_zone(void **state)
{
	(void)state;
	zone("Europe/Paris");
	assert_int_equal(iso_ok("2024-07-15T10:00:00"), 1721030400);
	assert_int_equal(iso_ok("2024-01-15"), utc(2024, 1, 14, 23, 0, 0));
}

static void
test_time_parse_iso_leap_day(void **state)
{
	(void)state;
	zone("UTC");
	assert_int_equal(iso_ok("2024-02-29"), 1709164800);
	iso_err("2023-02-29",
	    "day 29 does not exist in February 2023 in '2023-02-29'");
	iso_err("1900-02-29",
	    "day 29 does not exist in February 1900 in '1900-02-29'");
	assert_int_equal(iso_ok("2000-02-29"), utc(2000, 2, 29, 0, 0, 0));
}

static void
test_time_parse_iso_bad_month(void **state)
{
	(void)state;
	iso_err("2024-13-01", "month 13 does not exist in '2024-13-01'");
	iso_err("2024-00-01", "month 0 does not exist in '2024-00-01'");
}

static void
test_time_parse_iso_bad_clock(void **state)
{
	(void)state;
	iso_err("2024-01-01T24:00", "hour 24 out of range in '2024-01-01T24:00'");
	iso_err("2024-01-01T10:60", "minute 60 out of range in '2024-01-01T10:60'");
	iso_err("2024-01-01T10:00:61Z",
	    "second 61 out of range in '2024-01-01T10:00:61Z'");
}

static void
test_time_parse_iso_leap_second(void **state)
{
	(void)state;
	assert_int_equal(iso_ok("2016-12-31T23:59:60Z"),
	    utc(2016, 12, 31, 23, 59, 59));
}

static void
test_time_parse_iso_trailing_garbage(void **state)
{
	(void)state;
	iso_err("2024-01-01T10:00:00Zx",
	    "trailing characters in time '2024-01-01T10:00:00Zx'");
	iso_err("2024-01-01 ", "not a time: '2024-01-01 '");
	iso_err("2024-01-01x", "trailing characters in time '2024-01-01x'");
}

static void
test_time_parse_iso_malformed(void **state)
{
	(void)state;
	iso_err("", "empty time");
	iso_err("2024-1-01", "not a time: '2024-1-01'");
	iso_err("2024-01-01T1:00", "not a time: '2024-01-01T1:00'");
}

/* --- Moodle forms --- */

static void
test_time_parse_moodle_short(void **state)
{
	(void)state;
	zone("UTC");
	assert_int_equal(moodle_ok("23/01/23, 12:09", LCM_DMY, 0), 1674475740);
	assert_int_equal(moodle_ok("23/01/23, 12:09:05", LCM_DMY, 0),
	    1674475740 + 5);
	assert_int_equal(moodle_ok("3/1/2023 12:09", LCM_DMY, 0),
	    utc(2023, 1, 3, 12, 9, 0));
}

static void
test_time_parse_moodle_short_local(void **state)
{
	(void)state;
	zone("Europe/Paris");
	assert_int_equal(moodle_ok("15/07/24, 10:00", LCM_DMY, 0), 1721030400);
}

static void
test_time_parse_moodle_two_digit_years(void **state)
{
	(void)state;
	zone("UTC");
	assert_int_equal(moodle_ok("01/01/70, 00:00", LCM_DMY, 0), 0);
	assert_int_equal(moodle_ok("31/12/69, 00:00", LCM_DMY, 0),
	    utc(2069, 12, 31, 0, 0, 0));
	assert_int_equal(moodle_ok("01/01/99, 00:00", LCM_DMY, 0),
	    utc(1999, 1, 1, 0, 0, 0));
}

static void
test_time_parse_moodle_mdy(void **state)
{
	(void)state;
	zone("UTC");
	assert_int_equal(moodle_ok("01/23/23, 12:09", LCM_MDY, 0), 1674475740);
	assert_int_equal(moodle_ok("03/04/24, 10:00", LCM_MDY, 0),
	    utc(2024, 3, 4, 10, 0, 0));
	assert_int_equal(moodle_ok("03/04/24, 10:00", LCM_DMY, 0),
	    utc(2024, 4, 3, 10, 0, 0));
}

static void
test_time_parse_moodle_order_error_dmy(void **state)
{
	(void)state;
	moodle_err("01/23/23, 12:09", LCM_DMY, 0, "month 23 in '01/23/23, 12:09': "
	    "day/month order is not dmy (try --date-order mdy)");
}

static void
test_time_parse_moodle_order_error_mdy(void **state)
{
	(void)state;
	moodle_err("13/01/23, 10:00", LCM_MDY, 0, "month 13 in '13/01/23, 10:00': "
	    "day/month order is not mdy (try --date-order dmy)");
}

static void
test_time_parse_moodle_month_invalid_both_orders(void **state)
{
	(void)state;
	moodle_err("13/14/23, 10:00", LCM_DMY, 0,
	    "month 14 does not exist in '13/14/23, 10:00'");
}

static void
test_time_parse_moodle_day_not_in_month(void **state)
{
	(void)state;
	moodle_err("31/04/24, 10:00", LCM_DMY, 0,
	    "day 31 does not exist in April 2024 in '31/04/24, 10:00'");
}

static void
test_time_parse_moodle_leap_day(void **state)
{
	(void)state;
	zone("UTC");
	assert_int_equal(moodle_ok("29/02/24, 00:00", LCM_DMY, 0), 1709164800);
	moodle_err("29/02/23, 00:00", LCM_DMY, 0,
	    "day 29 does not exist in February 2023 in '29/02/23, 00:00'");
}

static void
test_time_parse_moodle_no_year(void **state)
{
	(void)state;
	moodle_err("9 Mar, 14:05", LCM_DMY, 0,
	    "no year in '9 Mar, 14:05' (give --year)");
}

static void
test_time_parse_moodle_year_option(void **state)
{
	(void)state;
	zone("UTC");
	assert_int_equal(moodle_ok("9 Mar, 14:05", LCM_DMY, 2024),
	    utc(2024, 3, 9, 14, 5, 0));
	/* a year in the text wins over the option */
	assert_int_equal(moodle_ok("9 Mar 2023, 14:05", LCM_DMY, 2024),
	    utc(2023, 3, 9, 14, 5, 0));
	moodle_err("29 Feb, 14:05", LCM_DMY, 2023,
	    "day 29 does not exist in February 2023 in '29 Feb, 14:05'");
}

static void
test_time_parse_moodle_day_date_time(void **state)
{
	(void)state;
	zone("UTC");
	assert_int_equal(moodle_ok("Thursday, 17 October 2024, 12:13 PM",
	    LCM_DMY, 0), 1729167180);
	assert_int_equal(moodle_ok("Friday, 1 November 2024, 7:27 AM",
	    LCM_DMY, 0), utc(2024, 11, 1, 7, 27, 0));
}

static void
test_time_parse_moodle_accurate(void **state)
{
	(void)state;
	zone("UTC");
	assert_int_equal(moodle_ok("17 October 2024, 12:13:05 PM", LCM_DMY, 0),
	    1729167180 + 5);
	assert_int_equal(moodle_ok("17 october 2024, 12:13:05\xe2\x80\xafpm",
	    LCM_DMY, 0), 1729167180 + 5);
}

static void
test_time_parse_moodle_twelve_oclock(void **state)
{
	(void)state;
	zone("UTC");
	assert_int_equal(moodle_ok("17 October 2024, 12:05 AM", LCM_DMY, 0),
	    utc(2024, 10, 17, 0, 5, 0));
	assert_int_equal(moodle_ok("17 October 2024, 12:05 PM", LCM_DMY, 0),
	    utc(2024, 10, 17, 12, 5, 0));
	assert_int_equal(moodle_ok("17 October 2024, 11:05 PM", LCM_DMY, 0),
	    utc(2024, 10, 17, 23, 5, 0));
	moodle_err("17 October 2024, 13:05 PM", LCM_DMY, 0, "hour 13 out of range "
	    "in '17 October 2024, 13:05 PM' (12-hour clock)");
}

static void
test_time_parse_moodle_month_first(void **state)
{
	(void)state;
	zone("UTC");
	assert_int_equal(moodle_ok("Thursday, October 17, 2024, 12:13 PM",
	    LCM_DMY, 0), 1729167180);
	assert_int_equal(moodle_ok("Oct 17 2024, 12:13", LCM_DMY, 0), 1729167180);
}

static void
test_time_parse_moodle_french(void **state)
{
	(void)state;
	zone("UTC");
	assert_int_equal(moodle_ok("jeudi 17 octobre 2024, 12:13", LCM_DMY, 0),
	    1729167180);
	assert_int_equal(moodle_ok("1 févr. 2024, 08:00", LCM_DMY, 0),
	    utc(2024, 2, 1, 8, 0, 0));
	assert_int_equal(moodle_ok("1 fevrier 2024, 08:00", LCM_DMY, 0),
	    utc(2024, 2, 1, 8, 0, 0));
	assert_int_equal(moodle_ok("mardi 3 déc. 2024, 08:00", LCM_DMY, 0),
	    utc(2024, 12, 3, 8, 0, 0));
	assert_int_equal(moodle_ok("15 août 2024, 08:00", LCM_DMY, 0),
	    utc(2024, 8, 15, 8, 0, 0));
	assert_int_equal(moodle_ok("15 aout 2024, 08:00", LCM_DMY, 0),
	    utc(2024, 8, 15, 8, 0, 0));
	assert_int_equal(moodle_ok("Vendredi 5 janv. 2024, 23:59", LCM_DMY, 0),
	    utc(2024, 1, 5, 23, 59, 0));
}

static void
test_time_parse_moodle_day_name_not_checked(void **state)
{
	(void)state;
	zone("UTC");
	/* 17 October 2024 was a Thursday */
	assert_int_equal(moodle_ok("Monday, 17 October 2024, 12:13 PM",
	    LCM_DMY, 0), 1729167180);
}

static void
test_time_parse_moodle_unknown_names(void **state)
{
	(void)state;
	moodle_err("Thorsday, 17 October 2024, 12:13 PM", LCM_DMY, 0,
	    "unknown day name 'Thorsday' in 'Thorsday, 17 October 2024, 12:13 PM'");
	moodle_err("17 Octobar 2024, 12:13", LCM_DMY, 0,
	    "unknown month 'Octobar' in '17 Octobar 2024, 12:13'");
}

static void
test_time_parse_moodle_trailing_garbage(void **state)
{
	(void)state;
	moodle_err("23/01/23, 12:09 x", LCM_DMY, 0,
	    "trailing characters in time '23/01/23, 12:09 x'");
	moodle_err("23/01/23, 12:09;", LCM_DMY, 0,
	    "not a time: '23/01/23, 12:09;'");
}

static void
test_time_parse_moodle_not_a_time(void **state)
{
	(void)state;
	moodle_err("abc", LCM_DMY, 0, "not a time: 'abc'");
	moodle_err("   ", LCM_DMY, 0, "empty time");
	moodle_err("23/01/2, 12:09", LCM_DMY, 0, "not a time: '23/01/2, 12:09'");
	moodle_err("17 October 2024", LCM_DMY, 0, "not a time: '17 October 2024'");
	moodle_err("9 Mar", LCM_DMY, 0, "not a time: '9 Mar'");
}

/* --- dispatch --- */

static void
test_time_parse_dispatch(void **state)
{
	struct lcm_err err;
	int64_t t;

	(void)state;
	zone("UTC");
	assert_int_equal(lcm_time_parse("-86400", NULL, &t, &err), 0);
	assert_int_equal(t, -86400);
	assert_int_equal(lcm_time_parse("2024-10-17T12:13Z", NULL, &t, &err), 0);
	assert_int_equal(t, 1729167180);
	assert_int_equal(lcm_time_parse("17/10/24, 12:13", NULL, &t, &err), 0);
	assert_int_equal(t, 1729167180);
}

static void
test_time_parse_errors_from_likely_parser(void **state)
{
	struct lcm_timeopt opt = { LCM_DMY, 0 };
	struct lcm_err err;
	int64_t t;

	(void)state;
	assert_int_equal(lcm_time_parse("", &opt, &t, &err), -1);
	assert_string_equal(err.msg, "empty time");
	assert_int_equal(lcm_time_parse("abc", &opt, &t, &err), -1);
	assert_string_equal(err.msg, "not a time: 'abc'");
	assert_int_equal(lcm_time_parse("2024-13-01", &opt, &t, &err), -1);
	assert_string_equal(err.msg, "month 13 does not exist in '2024-13-01'");
	assert_int_equal(lcm_time_parse("9 Mar, 14:05", &opt, &t, &err), -1);
	assert_string_equal(err.msg, "no year in '9 Mar, 14:05' (give --year)");
}

/* --- durations --- */

static void
test_duration_parse_units(void **state)
{
	(void)state;
	assert_int_equal(dur_ok("90m"), 5400);
	assert_int_equal(dur_ok("48h"), 172800);
	assert_int_equal(dur_ok("2d"), 172800);
	assert_int_equal(dur_ok("1w"), 604800);
	assert_int_equal(dur_ok("30s"), 30);
}

static void
test_duration_parse_compound(void **state)
{
	(void)state;
	assert_int_equal(dur_ok("1d12h"), 129600);
	assert_int_equal(dur_ok("1h30m15s"), 5415);
}

static void
test_duration_parse_bare_seconds(void **state)
{
	(void)state;
	assert_int_equal(dur_ok("45"), 45);
	assert_int_equal(dur_ok("0"), 0);
}

static void
test_duration_parse_empty(void **state)
{
	(void)state;
	dur_err("", "empty duration");
}

static void
test_duration_parse_negative(void **state)
{
	(void)state;
	dur_err("-5m", "negative duration '-5m'");
}

static void
test_duration_parse_unknown_unit(void **state)
{
	(void)state;
	dur_err("3x", "unknown unit 'x' in '3x' (use s, m, h, d or w)");
	dur_err("3min", "unknown unit 'min' in '3min' (use s, m, h, d or w)");
}

static void
test_duration_parse_malformed(void **state)
{
	(void)state;
	dur_err("h", "not a duration: 'h'");
	dur_err("1.5h", "not a duration: '1.5h'");
	dur_err("1d 2h", "not a duration: '1d 2h'");
	dur_err("1d12", "missing unit in '1d12' (use s, m, h, d or w)");
}

static void
test_duration_parse_overflow(void **state)
{
	(void)state;
	dur_err("99999999999999999999", "duration too large: '99999999999999999999'");
	dur_err("15250284452472w", "duration too large: '15250284452472w'");
	dur_err("9223372036854775807s1s",
	    "duration too large: '9223372036854775807s1s'");
}

/* --- output --- */

static void
test_time_format_utc_epoch_zero(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(lcm_time_format_utc(0, buf), "1970-01-01T00:00:00Z");
	assert_string_equal(lcm_time_format_utc(253402300799, buf),
	    "9999-12-31T23:59:59Z");
}

static void
test_time_format_utc_negative(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(lcm_time_format_utc(-1, buf), "1969-12-31T23:59:59Z");
	assert_string_equal(lcm_time_format_utc(-14182940, buf),
	    "1969-07-20T20:17:40Z");
	assert_string_equal(lcm_time_format_utc(INT64_C(-2208988800), buf),
	    "1900-01-01T00:00:00Z");
}

static void
test_time_format_utc_round_trip(void **state)
{
	static const int64_t ts[] = { 0, -1, 951868799, 1709164800, 1729167185,
		-14182940, INT64_C(-62135596800) };
	char buf[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ts) / sizeof(ts[0]); i++)
		assert_int_equal(iso_ok(lcm_time_format_utc(ts[i], buf)), ts[i]);
}

static void
test_time_format_local_paris_offsets(void **state)
{
	char buf[32];

	(void)state;
	zone("Europe/Paris");
	assert_string_equal(lcm_time_format_local(1705309200, buf),
	    "2024-01-15T10:00:00+01:00");
	assert_string_equal(lcm_time_format_local(1721030400, buf),
	    "2024-07-15T10:00:00+02:00");
}

static void
test_time_format_local_negative_offset(void **state)
{
	char buf[32];

	(void)state;
	zone("America/St_Johns");
	assert_string_equal(lcm_time_format_local(1705309200, buf),
	    "2024-01-15T05:30:00-03:30");
}

static void
test_time_format_local_utc_is_z(void **state)
{
	char buf[32];

	(void)state;
	zone("UTC");
	assert_string_equal(lcm_time_format_local(1729167180, buf),
	    "2024-10-17T12:13:00Z");
}

static void
test_time_format_local_round_trip(void **state)
{
	int64_t t;
	char buf[32];

	(void)state;
	zone("Europe/Paris");
	/* across the autumn fold, each instant must come back */
	for (t = 1729989000 - 7200; t < 1729989000 + 7200; t += 900)
		assert_int_equal(iso_ok(lcm_time_format_local(t, buf)), t);
	assert_int_equal(iso_ok(lcm_time_format_local(-14182940, buf)), -14182940);
}

/*
 * The log report's shape is read by a short path; with two spaces after
 * the comma it takes the general one: both agree on every day of two
 * years, both orders, with and without seconds, in a zone with DST.
 */
static void
test_moodle_fast_path_agrees(void **state)
{
	static const char *const clocks[] = {
		"0:00:00", "9:05", "12:30:59", "23:59:60", "02:30:00", "24:00:00",
		"7:5"
	};
	struct lcm_timeopt opt = { LCM_DMY, 0 };
	struct lcm_err e1, e2;
	char fast[40], slow[40];
	int64_t t1, t2;
	int y, m, d, c, o, r1, r2;

	(void)state;
	zone("Europe/Paris");
	for (o = 0; o < 2; o++) {
		opt.order = o ? LCM_MDY : LCM_DMY;
		for (y = 23; y <= 24; y++)
			for (m = 1; m <= 13; m++)
				for (d = 1; d <= 32; d += (d < 27 ? 3 : 1))
					for (c = 0; c < 7; c++) {
						snprintf(fast, sizeof(fast), "%d/%02d/%d, %s",
						    o ? m : d, o ? d : m, y, clocks[c]);
						snprintf(slow, sizeof(slow), "%d/%02d/%d,  %s",
						    o ? m : d, o ? d : m, y, clocks[c]);
						lcm_err_init(&e1);
						lcm_err_init(&e2);
						t1 = t2 = 0;
						r1 = lcm_time_parse_moodle(fast, &opt, &t1, &e1);
						r2 = lcm_time_parse_moodle(slow, &opt, &t2, &e2);
						assert_int_equal(r1, r2);
						assert_int_equal(t1, t2);
					}
	}
	zone("UTC");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_from_civil_known_days),
		cmocka_unit_test(test_time_from_utc_known_instants),
		cmocka_unit_test(test_time_from_utc_month_carries),
		cmocka_unit_test(test_time_set_zone_unknown),
		cmocka_unit_test(test_time_set_zone_rejects_paths),
		cmocka_unit_test(test_time_set_zone_rejects_non_zone_file),
		cmocka_unit_test(test_time_set_zone_posix_string),
		cmocka_unit_test(test_time_set_zone_bad_posix_string),
		cmocka_unit_test(test_time_set_zone_utc_z),
		cmocka_unit_test(test_time_set_zone_null_keeps_environment),
		cmocka_unit_test(test_time_set_zone_resets_cache),
		cmocka_unit_test(test_time_from_local_paris_winter),
		cmocka_unit_test(test_time_from_local_paris_summer),
		cmocka_unit_test(test_time_from_local_gap_moves_forward),
		cmocka_unit_test(test_time_from_local_fold_takes_first),
		cmocka_unit_test(test_time_from_local_half_hour_gap_not_cached),
		cmocka_unit_test(test_time_from_local_posix_zone_gap_and_fold),
		cmocka_unit_test(test_time_from_local_whole_year_matches_localtime),
		cmocka_unit_test(test_time_parse_epoch_positive),
		cmocka_unit_test(test_time_parse_epoch_negative),
		cmocka_unit_test(test_time_parse_epoch_garbage),
		cmocka_unit_test(test_time_parse_epoch_overflow),
		cmocka_unit_test(test_time_parse_epoch_fraction_dropped),
		cmocka_unit_test(test_time_parse_epoch_fraction_negative_floor),
		cmocka_unit_test(test_time_parse_epoch_fraction_malformed),
		cmocka_unit_test(test_time_parse_dispatch_epoch_fraction),
		cmocka_unit_test(test_time_parse_iso_zulu),
		cmocka_unit_test(test_time_parse_iso_fraction),
		cmocka_unit_test(test_time_parse_iso_offsets),
		cmocka_unit_test(test_time_parse_iso_bad_offset),
		cmocka_unit_test(test_time_parse_iso_local_zone),
		cmocka_unit_test(test_time_parse_iso_leap_day),
		cmocka_unit_test(test_time_parse_iso_bad_month),
		cmocka_unit_test(test_time_parse_iso_bad_clock),
		cmocka_unit_test(test_time_parse_iso_leap_second),
		cmocka_unit_test(test_time_parse_iso_trailing_garbage),
		cmocka_unit_test(test_time_parse_iso_malformed),
		cmocka_unit_test(test_time_parse_moodle_short),
		cmocka_unit_test(test_time_parse_moodle_short_local),
		cmocka_unit_test(test_time_parse_moodle_two_digit_years),
		cmocka_unit_test(test_time_parse_moodle_mdy),
		cmocka_unit_test(test_time_parse_moodle_order_error_dmy),
		cmocka_unit_test(test_time_parse_moodle_order_error_mdy),
		cmocka_unit_test(test_time_parse_moodle_month_invalid_both_orders),
		cmocka_unit_test(test_time_parse_moodle_day_not_in_month),
		cmocka_unit_test(test_time_parse_moodle_leap_day),
		cmocka_unit_test(test_time_parse_moodle_no_year),
		cmocka_unit_test(test_time_parse_moodle_year_option),
		cmocka_unit_test(test_time_parse_moodle_day_date_time),
		cmocka_unit_test(test_time_parse_moodle_accurate),
		cmocka_unit_test(test_time_parse_moodle_twelve_oclock),
		cmocka_unit_test(test_time_parse_moodle_month_first),
		cmocka_unit_test(test_time_parse_moodle_french),
		cmocka_unit_test(test_time_parse_moodle_day_name_not_checked),
		cmocka_unit_test(test_time_parse_moodle_unknown_names),
		cmocka_unit_test(test_time_parse_moodle_trailing_garbage),
		cmocka_unit_test(test_time_parse_moodle_not_a_time),
		cmocka_unit_test(test_time_parse_dispatch),
		cmocka_unit_test(test_time_parse_errors_from_likely_parser),
		cmocka_unit_test(test_duration_parse_units),
		cmocka_unit_test(test_duration_parse_compound),
		cmocka_unit_test(test_duration_parse_bare_seconds),
		cmocka_unit_test(test_duration_parse_empty),
		cmocka_unit_test(test_duration_parse_negative),
		cmocka_unit_test(test_duration_parse_unknown_unit),
		cmocka_unit_test(test_duration_parse_malformed),
		cmocka_unit_test(test_duration_parse_overflow),
		cmocka_unit_test(test_time_format_utc_epoch_zero),
		cmocka_unit_test(test_time_format_utc_negative),
		cmocka_unit_test(test_time_format_utc_round_trip),
		cmocka_unit_test(test_time_format_local_paris_offsets),
		cmocka_unit_test(test_time_format_local_negative_offset),
		cmocka_unit_test(test_time_format_local_utc_is_z),
		cmocka_unit_test(test_time_format_local_round_trip),
		cmocka_unit_test(test_moodle_fast_path_agrees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
