/*
 * timefmt.h - timestamps in and out.
 *
 * Times are int64_t UTC epoch seconds everywhere in lcm. Times written
 * without a zone (Moodle's log report, human-readable forum dates) are
 * read in the process's local zone, which the programs set from --tz or
 * TZ (lcm_time_set_zone). Output is ISO 8601, UTC ("Z") unless a zone
 * was set with lcm_time_set_zone and the caller asks for local output.
 */
#ifndef LCM_TIMEFMT_H
#define LCM_TIMEFMT_H

#include <stdint.h>

#include "err.h"

/* Day/month order of numeric dates such as 03/04/24. */
enum lcm_date_order {
	LCM_DMY = 0,	/* 03/04/24 = 3 April 2024 (Moodle's default) */
	LCM_MDY		/* 03/04/24 = 4 March 2024 (en_us) */
};

/* How to read zone-less or partial times. */
struct lcm_timeopt {
	enum lcm_date_order order;
	int year;		/* for forms without a year ("9 Mar, 14:05"); 0 = none given */
};

/*
 * Sets the zone used for zone-less times and for local output: an IANA
 * name ("Europe/Paris", a file under /usr/share/zoneinfo or $TZDIR),
 * "UTC" or "Z", a POSIX TZ string ("CET-1CEST,M3.5.0,M10.5.0/3"), or NULL
 * for the environment's TZ as it is. Sets TZ for the whole process and
 * empties lcm_time_from_local's cache: change the zone only through here.
 * Returns -1 with err filled ("unknown time zone 'X'") when the name is
 * not a zone; names with ".." or a leading '/' are refused.
 */
int lcm_time_set_zone(const char *zone, struct lcm_err *err);

/*
 * Epoch seconds: optional '-', digits, then optionally '.' and digits
 * ("1452837318.000002", as Slack and many APIs write), nothing else.
 * The fraction is dropped as ISO's is: the second the time falls in
 * ("-1.5" is -2).
 */
int lcm_time_parse_epoch(const char *s, int64_t *out, struct lcm_err *err);

/*
 * ISO 8601 / RFC 3339: "2026-11-23" (00:00 local), "2026-11-23T14:05",
 * "…T14:05:00", fractional seconds of any length after '.' or ','
 * (dropped), 'T', 't' or ' ' between date and time, then "Z", "z",
 * "+01:00", "+0100", "+01" or nothing (local zone). Nothing may follow.
 */
int lcm_time_parse_iso(const char *s, int64_t *out, struct lcm_err *err);

/*
 * Moodle's userdate() forms, always zone-less (local zone):
 *   "23/01/23, 12:09"  "23/01/23, 12:09:05"     (%d/%m/%y per opt->order)
 *   "9 Mar, 14:05"                               (needs opt->year)
 *   "Thursday, 17 October 2024, 12:13 PM"        (strftimedaydatetime)
 *   "17 October 2024, 12:13:05 PM"               (strftimedatetimeaccurate)
 * English month and day names, full or 3-letter, any case; French ones
 * too, with or without accents ("jeudi 17 octobre 2024, 12:13", "févr.").
 * "October 17, 2024" (month first) is read too. A day name must be a known
 * one but is not checked against the date. Two-digit years: 00-69 are
 * 20yy, 70-99 19yy. opt may be NULL (dmy, no year).
 * Errors say which: "month 13 in '01/13/23, 10:00': day/month order is
 * not dmy (try --date-order mdy)", "no year in '9 Mar, 14:05' (give
 * --year)", "day 31 does not exist in April 2024 in '31/04/24, 10:00'".
 */
int lcm_time_parse_moodle(const char *s, const struct lcm_timeopt *opt,
			  int64_t *out, struct lcm_err *err);

/*
 * Picks the parser by shape, so that the error is the likely one: digits
 * (with an optional '-', and an optional '.' fraction) is epoch, 4 digits and '-' is ISO 8601, the
 * rest goes to the Moodle forms. opt may be NULL.
 */
int lcm_time_parse(const char *s, const struct lcm_timeopt *opt,
		   int64_t *out, struct lcm_err *err);

/*
 * Durations: "90m", "48h", "2d", "1w", "30s", a bare number = seconds;
 * several parts may follow each other ("1d12h"). Sets *out to seconds.
 * Empty, negative, unknown units and overflow are errors.
 */
int lcm_duration_parse(const char *s, int64_t *out, struct lcm_err *err);

/*
 * Writes "2026-11-23T14:05:00Z" into out (size >= 32), for any t,
 * negative ones included. Returns out.
 */
char *lcm_time_format_utc(int64_t t, char *out);

/*
 * Writes ISO 8601 in the zone set by lcm_time_set_zone, with its offset
 * ("2026-11-23T15:05:00+01:00"), or with "Z" when that zone is UTC.
 * Returns out (size >= 32).
 */
char *lcm_time_format_local(int64_t t, char *out);

/*
 * Days since 1970-01-01 of a proleptic Gregorian date (no zone); m is
 * 1..12, d past the month's end just adds up.
 */
int64_t lcm_days_from_civil(int64_t y, unsigned m, unsigned d);

/*
 * Epoch seconds of a UTC calendar time, by arithmetic (no timegm). Out of
 * range fields carry over: month 13 is January of the next year, day 0
 * the last day of the month before, and so on.
 */
int64_t lcm_time_from_utc(int y, int mon, int day, int h, int mi, int s);

/*
 * Epoch seconds of a local calendar time in the current zone. Times in a
 * DST gap move forward; ambiguous times take the first (DST) occurrence.
 * The UTC offsets of the last few local hours are cached (not
 * thread-safe), so that a log of millions of rows costs a few lookups.
 */
int64_t lcm_time_from_local(int y, int mon, int day, int h, int mi, int s);

#endif
