/* timefmt.c - timestamps in and out: see timefmt.h. */
#include "timefmt.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define DAY	INT64_C(86400)
#define NCACHE	4

/*
 * Times lcm_time_parse takes: the years 0 to 9999 that ISO 8601 and the
 * Moodle forms can write, so that an epoch in a hostile file cannot make
 * "now - created" overflow in the analyses.
 */
#define TIME_MIN	INT64_C(-62167219200)	/* 0000-01-01T00:00:00Z */
#define TIME_MAX	INT64_C(253402300799)	/* 9999-12-31T23:59:59Z */

static const char *const month_en[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* Spellings accepted per month and per day (lowercase, dots removed). */
static const char *const month_words[12] = {
	"january jan janvier janv",
	"february feb février fevrier févr fevr fév fev",
	"march mar mars",
	"april apr avril avr",
	"may mai",
	"june jun juin",
	"july jul juillet juil",
	"august aug août aout",
	"september sep sept septembre",
	"october oct octobre",
	"november nov novembre",
	"december dec décembre decembre déc"
};
static const char *const day_words[7] = {
	"sunday sun dimanche dim",
	"monday mon lundi lun",
	"tuesday tue tues mardi mar",
	"wednesday wed mercredi mer",
	"thursday thu thur thurs jeudi jeu",
	"friday fri vendredi ven",
	"saturday sat samedi sam"
};

/*
 * The zone set by lcm_time_set_zone, and the UTC offsets of the last
 * local hours converted: hour is the local time as if it were UTC,
 * divided by 3600. Not thread-safe, like TZ itself.
 */
static struct {
	int set;
	int utc;
	int n, next;
	struct {
		int64_t hour;
		int64_t off;
	} cache[NCACHE];
} zone;

/* a / b rounded down, for times before 1970 (b > 0). */
static int64_t
floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b < 0);
}

/* Gregorian leap years. */
static int
is_leap(int64_t y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

/* Days in month m (1..12) of year y. */
static int
days_in_month(int64_t y, int m)
{
	static const int n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : n[m - 1];
}

/* Howard Hinnant's days_from_civil, in signed arithmetic throughout. */
int64_t
lcm_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t mm = m, era, yoe, doy, doe;

	y -= mm <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (mm > 2 ? mm - 3 : mm + 9) + 2) / 5 + (int64_t)d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The inverse: the calendar date of day z since 1970-01-01. */
static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* Months outside 1..12 carry into the year; the other fields add up. */
int64_t
lcm_time_from_utc(int y, int mon, int day, int h, int mi, int s)
{
	int64_t m0 = (int64_t)mon - 1;
	int64_t yy = y + floor_div(m0, 12);

	m0 -= floor_div(m0, 12) * 12;
	return (lcm_days_from_civil(yy, (unsigned)m0 + 1, 1) + day - 1) * DAY +
	    (int64_t)h * 3600 + (int64_t)mi * 60 + s;
}

/*
 * Fills *tm with the local time at instant t and *off with the zone's UTC
 * offset then. -1 when localtime_r cannot, or the year overflows an int.
 */
static int
local_at(int64_t t, struct tm *tm, int64_t *off)
{
	time_t tt = (time_t)t;

	if ((int64_t)tt != t || !localtime_r(&tt, tm) || tm->tm_year > INT_MAX - 1900)
		return -1;
	*off = lcm_time_from_utc(tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday,
	    tm->tm_hour, tm->tm_min, tm->tm_sec) - t;
	return 0;
}

/* 1 when the local zone shows wall time wall at instant wall - off. */
static int
shows(int64_t wall, int64_t off)
{
	struct tm tm;
	int64_t o;

	return local_at(wall - off, &tm, &o) == 0 && o == off;
}

/*
 * The instant of wall time wall (local time counted as if UTC). The
 * offsets a day before and a day after are the only candidates (no zone
 * changes twice within two days). Both valid: a fold, take the earlier
 * instant. Neither: a gap, keep the offset from before it, which moves
 * the time forward by the gap. mktime is not used: POSIX leaves its
 * choice in folds open, and glibc takes the second occurrence.
 */
static int64_t
resolve_local(int64_t wall)
{
	struct tm tm;
	int64_t before, after;
	int v1, v2;

	if (local_at(wall - DAY, &tm, &before) < 0 ||
	    local_at(wall + DAY, &tm, &after) < 0)
		return wall;
	v1 = shows(wall, before);
	v2 = shows(wall, after);
	if (v1 && v2)
		return wall - (before > after ? before : after);
	if (v2 && !v1)
		return wall - after;
	return wall - before;
}

/*
 * Each local hour is resolved once: its offset is cached when both its
 * first and last second show that offset, which rules out a gap or a
 * fold part-way through the hour (a fold at its start keeps the first
 * occurrence, as resolve_local does).
 */
int64_t
lcm_time_from_local(int y, int mon, int day, int h, int mi, int s)
{
	int64_t wall = lcm_time_from_utc(y, mon, day, h, mi, s);
	int64_t hour = floor_div(wall, 3600), t, off;
	int i;

	for (i = 0; i < zone.n; i++)
		if (zone.cache[i].hour == hour)
			return wall - zone.cache[i].off;
	t = resolve_local(wall);
	off = wall - t;
	if (shows(hour * 3600, off) && shows(hour * 3600 + 3599, off)) {
		zone.cache[zone.next].hour = hour;
		zone.cache[zone.next].off = off;
		zone.next = (zone.next + 1) % NCACHE;
		if (zone.n < NCACHE)
			zone.n++;
	}
	return t;
}

/* 1 when the TZ value names UTC itself (local output then ends in "Z"). */
static int
is_utc_name(const char *z)
{
	static const char *const names[] = {
		"UTC", "Z", "UTC0", "Etc/UTC", "UCT", "Etc/UCT", "Universal",
		"Etc/Universal", "Zulu", "Etc/Zulu", NULL
	};
	int i;

	if (!z)
		return 0;
	if (*z == ':')
		z++;
	for (i = 0; names[i]; i++)
		if (strcmp(z, names[i]) == 0)
			return 1;
	return 0;
}

/* 1 when name is a compiled zone file (magic "TZif") under TZDIR. */
static int
zone_file_ok(const char *name)
{
	const char *dir = getenv("TZDIR");
	char path[1024], magic[4];
	FILE *fp;
	int ok;

	if (!dir || !*dir)
		dir = "/usr/share/zoneinfo";
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path))
		return 0;
	if (!(fp = fopen(path, "rb")))
		return 0;
	ok = fread(magic, 1, 4, fp) == 4 && memcmp(magic, "TZif", 4) == 0;
	fclose(fp);
	return ok;
}

/* POSIX TZ pieces: each returns the end of what it read, or NULL. */
static const char *
tz_name(const char *p)
{
	const char *q;

	if (*p == '<') {
		for (q = p + 1; isalnum((unsigned char)*q) || *q == '+' || *q == '-'; q++)
			;
		return *q == '>' && q - p > 3 ? q + 1 : NULL;
	}
	for (q = p; isalpha((unsigned char)*q); q++)
		;
	return q - p >= 3 ? q : NULL;
}

/* [+-]hh[:mm[:ss]] with hh <= maxh. */
static const char *
tz_time(const char *p, int maxh)
{
	int i, v, nd;

	if (*p == '+' || *p == '-')
		p++;
	for (i = 0; i < 3; i++) {
		if (i > 0 && *p != ':')
			break;
		if (i > 0)
			p++;
		for (v = 0, nd = 0; isdigit((unsigned char)*p) && nd < 3; p++, nd++)
			v = v * 10 + (*p - '0');
		if (nd == 0 || v > (i == 0 ? maxh : 59))
			return NULL;
	}
	return p;
}

/* Jn, n or Mm.w.d, then an optional /time. */
static const char *
tz_rule(const char *p)
{
	char *end;
	long v[3];
	int i;

	if (*p == 'M') {
		for (i = 0, p++; i < 3; i++) {
			if (!isdigit((unsigned char)*p))
				return NULL;
			v[i] = strtol(p, &end, 10);
			p = end;
			if (i < 2 && *p++ != '.')
				return NULL;
		}
		if (v[0] < 1 || v[0] > 12 || v[1] < 1 || v[1] > 5 || v[2] > 6)
			return NULL;
	} else {
		if (*p == 'J')
			p++;
		if (!isdigit((unsigned char)*p))
			return NULL;
		if (strtol(p, &end, 10) > 365)
			return NULL;
		p = end;
	}
	return *p == '/' ? tz_time(p + 1, 167) : p;
}

/* std offset [dst [offset] [,rule,rule]], e.g. "CET-1CEST,M3.5.0,M10.5.0/3". */
static int
posix_tz_ok(const char *p)
{
	if (!(p = tz_name(p)) || !(p = tz_time(p, 24)))
		return 0;
	if (!*p)
		return 1;
	if (!(p = tz_name(p)))
		return 0;
	if (*p && *p != ',' && !(p = tz_time(p, 24)))
		return 0;
	if (!*p)
		return 1;
	if (*p++ != ',' || !(p = tz_rule(p)) || *p++ != ',' || !(p = tz_rule(p)))
		return 0;
	return !*p;
}

/* Borrows name; sets TZ for the whole process and empties the cache. */
int
lcm_time_set_zone(const char *name, struct lcm_err *err)
{
	const char *val = name;
	char q[64];

	if (name) {
		if (strcmp(name, "UTC") == 0 || strcmp(name, "Z") == 0)
			val = "UTC0";	/* needs no zone file */
		else if (!*name || *name == '/' || strstr(name, "..") ||
		    (!zone_file_ok(name) && !posix_tz_ok(name)))
			return lcm_error(err, "unknown time zone '%s'",
			    lcm_err_quote(name, q, sizeof(q)));
		if (setenv("TZ", val, 1) != 0)
			return lcm_error(err, "cannot set time zone '%s'",
			    lcm_err_quote(name, q, sizeof(q)));
	}
	tzset();
	zone.set = 1;
	zone.utc = is_utc_name(name ? name : getenv("TZ"));
	zone.n = 0;
	zone.next = 0;
	return 0;
}

/* Errors quoting the input s: nothing like a time (or nothing at all). */
static int
not_a_time(const char *s, struct lcm_err *err)
{
	char q[64];

	if (!*s)
		return lcm_error(err, "empty time");
	return lcm_error(err, "not a time: '%s'", lcm_err_quote(s, q, sizeof(q)));
}

/* Input that was a time up to some extra characters. */
static int
trailing(const char *s, struct lcm_err *err)
{
	char q[64];

	return lcm_error(err, "trailing characters in time '%s'",
	    lcm_err_quote(s, q, sizeof(q)));
}

/* Range checks shared by the parsers; a leap second 60 becomes 59. */
static int
check_fields(const char *s, int64_t y, int mo, int d, int h, int mi, int *sec,
	     struct lcm_err *err)
{
	char q[64];

	if (mo >= 1 && mo <= 12 && d >= 1 && d <= days_in_month(y, mo) &&
	    h <= 23 && mi <= 59 && *sec <= 60) {
		if (*sec == 60)
			*sec = 59;
		return 0;
	}
	lcm_err_quote(s, q, sizeof(q));
	if (mo < 1 || mo > 12)
		return lcm_error(err, "month %d does not exist in '%s'", mo, q);
	if (d < 1 || d > days_in_month(y, mo))
		return lcm_error(err, "day %d does not exist in %s %lld in '%s'",
		    d, month_en[mo - 1], (long long)y, q);
	if (h > 23)
		return lcm_error(err, "hour %d out of range in '%s'", h, q);
	if (mi > 59)
		return lcm_error(err, "minute %d out of range in '%s'", mi, q);
	if (*sec > 60)
		return lcm_error(err, "second %d out of range in '%s'", *sec, q);
	if (*sec == 60)
		*sec = 59;
	return 0;
}

/* Borrows s; sets *out. INT64_MIN itself is refused (out of range). */
int
lcm_time_parse_epoch(const char *s, int64_t *out, struct lcm_err *err)
{
	const char *p = s + (*s == '-');
	int64_t v = 0;
	int frac = 0;
	char q[64];

	if (!isdigit((unsigned char)*p))
		return not_a_time(s, err);
	for (; isdigit((unsigned char)*p); p++) {
		if (v > (INT64_MAX - (*p - '0')) / 10)
			return lcm_error(err, "time out of range: '%s'",
			    lcm_err_quote(s, q, sizeof(q)));
		v = v * 10 + (*p - '0');
	}
	/* a fraction ("1452837318.000002", as Slack writes): dropped, as
	 * ISO's, so the time is the second it falls in (floor) */
	if (*p == '.' && isdigit((unsigned char)p[1])) {
		for (p++; isdigit((unsigned char)*p); p++)
			frac |= *p != '0';
	}
	if (*p)
		return not_a_time(s, err);
	*out = *s == '-' ? -v - frac : v;
	return 0;
}

/* Reads exactly n digits at *p into *v; 0 on success. */
static int
fixed(const char **p, int n, int *v)
{
	int i;

	for (*v = 0, i = 0; i < n; i++, (*p)++) {
		if (!isdigit((unsigned char)**p))
			return -1;
		*v = *v * 10 + (**p - '0');
	}
	return 0;
}

/* Skips c at *p if it is there; 1 if it was. */
static int
eat(const char **p, char c)
{
	if (**p != c)
		return 0;
	(*p)++;
	return 1;
}

/* Borrows s; sets *out. Fields are checked after the whole shape is read. */
int
lcm_time_parse_iso(const char *s, int64_t *out, struct lcm_err *err)
{
	const char *p = s;
	int y, mo, d, h = 0, mi = 0, sec = 0, oh, om = 0, zoned = 0;
	int64_t off = 0;
	char q[64];

	if (fixed(&p, 4, &y) || !eat(&p, '-') || fixed(&p, 2, &mo) ||
	    !eat(&p, '-') || fixed(&p, 2, &d))
		return not_a_time(s, err);
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (fixed(&p, 2, &h) || !eat(&p, ':') || fixed(&p, 2, &mi))
			return not_a_time(s, err);
		if (eat(&p, ':') && fixed(&p, 2, &sec))
			return not_a_time(s, err);
		if (*p == '.' || *p == ',') {
			/* fractions are dropped: times are whole seconds */
			if (!isdigit((unsigned char)*++p))
				return not_a_time(s, err);
			while (isdigit((unsigned char)*p))
				p++;
		}
		if (*p == 'Z' || *p == 'z') {
			p++;
			zoned = 1;
		} else if (*p == '+' || *p == '-') {
			zoned = *p++ == '-' ? -1 : 1;
			if (fixed(&p, 2, &oh) ||
			    ((eat(&p, ':') || isdigit((unsigned char)*p)) &&
			    fixed(&p, 2, &om)))
				return not_a_time(s, err);
			if (oh > 23 || om > 59)
				return lcm_error(err, "offset out of range in '%s'",
				    lcm_err_quote(s, q, sizeof(q)));
			off = zoned * ((int64_t)oh * 3600 + om * 60);
		}
	}
	if (*p)
		return trailing(s, err);
	if (check_fields(s, y, mo, d, h, mi, &sec, err) < 0)
		return -1;
	if (zoned)
		*out = lcm_time_from_utc(y, mo, d, h, mi, sec) - off;
	else
		*out = lcm_time_from_local(y, mo, d, h, mi, sec);
	return 0;
}

/* A token of the Moodle forms: a number, a word or one of ",/:". */
struct tok {
	char kind;		/* 'n', 'w' or the punctuation itself */
	int num, ndig;		/* 'n' */
	char word[24];		/* 'w': lowercased, dots removed */
	const char *at;		/* where it starts in the input */
	int len;
};

#define MAXTOK 16

/* Length of the space at p: ASCII, U+00A0 or U+202F (ICU before AM/PM). */
static int
space_len(const char *p)
{
	if (*p == ' ' || *p == '\t')
		return 1;
	if (strncmp(p, "\xc2\xa0", 2) == 0)
		return 2;
	if (strncmp(p, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

/* Splits s into at most MAXTOK tokens; the count, or -1 if s is not that. */
static int
tokenize(const char *s, struct tok *t)
{
	const char *p = s;
	int n = 0, k;

	for (;;) {
		while ((k = space_len(p)) > 0)
			p += k;
		if (!*p)
			return n;
		if (n == MAXTOK)
			return -1;
		t[n].at = p;
		t[n].kind = *p;
		if (isdigit((unsigned char)*p)) {
			t[n].kind = 'n';
			for (t[n].num = 0, t[n].ndig = 0; isdigit((unsigned char)*p); p++) {
				if (++t[n].ndig > 9)
					return -1;
				t[n].num = t[n].num * 10 + (*p - '0');
			}
		} else if (isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80) {
			t[n].kind = 'w';
			for (k = 0; (isalpha((unsigned char)*p) || *p == '.' ||
			    (unsigned char)*p >= 0x80) && !space_len(p); p++) {
				if (*p == '.')
					continue;
				if (k == (int)sizeof(t[n].word) - 1)
					return -1;
				t[n].word[k++] = (char)tolower((unsigned char)*p);
			}
			t[n].word[k] = '\0';
		} else if (*p == ',' || *p == '/' || *p == ':') {
			p++;
		} else {
			return -1;
		}
		t[n].len = (int)(p - t[n].at);
		n++;
	}
}

/* Index (0-based) of word in a table of space-separated spellings, or -1. */
static int
lookup(const char *const *table, int n, const char *word)
{
	size_t len = strlen(word);
	const char *p, *e;
	int i;

	for (i = 0; i < n; i++)
		for (p = table[i]; *p; p = *e ? e + 1 : e) {
			e = strchr(p, ' ');
			if (!e)
				e = p + strlen(p);
			if ((size_t)(e - p) == len && memcmp(p, word, len) == 0)
				return i;
		}
	return -1;
}

/* 1 when token i exists and is of that kind. */
static int
is(const struct tok *t, int n, int i, char kind)
{
	return i < n && t[i].kind == kind;
}

/* H:MM[:SS] [AM|PM] at t[i], ending the input. 12 AM is 00h, 12 PM 12h. */
static int
parse_clock(const char *s, const struct tok *t, int n, int i, int *h,
	    int *mi, int *sec, struct lcm_err *err)
{
	char q[64];

	if (!is(t, n, i, 'n') || !is(t, n, i + 1, ':') || !is(t, n, i + 2, 'n') ||
	    t[i].ndig > 2 || t[i + 2].ndig != 2)
		return not_a_time(s, err);
	*h = t[i].num;
	*mi = t[i + 2].num;
	*sec = 0;
	i += 3;
	if (is(t, n, i, ':')) {
		if (!is(t, n, i + 1, 'n') || t[i + 1].ndig != 2)
			return not_a_time(s, err);
		*sec = t[i + 1].num;
		i += 2;
	}
	if (is(t, n, i, 'w') && (strcmp(t[i].word, "am") == 0 ||
	    strcmp(t[i].word, "pm") == 0)) {
		if (*h < 1 || *h > 12)
			return lcm_error(err, "hour %d out of range in '%s' "
			    "(12-hour clock)", *h, lcm_err_quote(s, q, sizeof(q)));
		*h = *h % 12 + (t[i].word[0] == 'p' ? 12 : 0);
		i++;
	}
	return i == n ? 0 : trailing(s, err);
}

/* dd/mm/yy or mm/dd/yy (per order), then the clock. */
static int
parse_numeric(const char *s, const struct tok *t, int n, enum lcm_date_order order,
	      int64_t *out, struct lcm_err *err)
{
	int d, mo, y, h, mi, sec, i = 5;
	char q[64];

	if (!is(t, n, 2, 'n') || !is(t, n, 3, '/') || !is(t, n, 4, 'n') ||
	    (t[4].ndig != 2 && t[4].ndig != 4))
		return not_a_time(s, err);
	y = t[4].ndig == 4 ? t[4].num : t[4].num + (t[4].num < 70 ? 2000 : 1900);
	d = order == LCM_MDY ? t[2].num : t[0].num;
	mo = order == LCM_MDY ? t[0].num : t[2].num;
	if (mo > 12 && d >= 1 && d <= 12)
		return lcm_error(err, "month %d in '%s': day/month order is not %s "
		    "(try --date-order %s)", mo, lcm_err_quote(s, q, sizeof(q)),
		    order == LCM_MDY ? "mdy" : "dmy", order == LCM_MDY ? "dmy" : "mdy");
	i += is(t, n, i, ',');
	if (parse_clock(s, t, n, i, &h, &mi, &sec, err) < 0 ||
	    check_fields(s, y, mo, d, h, mi, &sec, err) < 0)
		return -1;
	*out = lcm_time_from_local(y, mo, d, h, mi, sec);
	return 0;
}

/*
 * [Dayname[,]] D Month | Month D, then [,] [YYYY] [,] and the clock. The
 * day name is not checked against the date: language packs differ.
 */
static int
parse_text(const char *s, const struct tok *t, int n, int year, int64_t *out,
	   struct lcm_err *err)
{
	int i = 0, d, mo, y, h, mi, sec, j;
	char q[64];

	lcm_err_quote(s, q, sizeof(q));
	if (is(t, n, 0, 'w')) {
		j = 1 + is(t, n, 1, ',');
		/* a word or "D Month" follows: the first word is a day name */
		if (is(t, n, j, 'w') || (is(t, n, j, 'n') && is(t, n, j + 1, 'w'))) {
			if (lookup(day_words, 7, t[0].word) < 0)
				return lcm_error(err, "unknown day name '%.*s' in '%s'",
				    t[0].len, t[0].at, q);
			i = j;
		}
	}
	if (is(t, n, i, 'n') && is(t, n, i + 1, 'w')) {
		d = t[i].num;
		j = i + 1;
	} else if (is(t, n, i, 'w') && is(t, n, i + 1, 'n') && !is(t, n, i + 2, ':')) {
		d = t[i + 1].num;
		j = i;
	} else {
		return not_a_time(s, err);
	}
	if ((mo = lookup(month_words, 12, t[j].word) + 1) == 0)
		return lcm_error(err, "unknown month '%.*s' in '%s'", t[j].len,
		    t[j].at, q);
	i += 2;
	i += is(t, n, i, ',');
	if (is(t, n, i, 'n') && !is(t, n, i + 1, ':')) {
		if (t[i].ndig != 4)
			return not_a_time(s, err);
		y = t[i++].num;
		i += is(t, n, i, ',');
	} else if (!is(t, n, i, 'n')) {
		return not_a_time(s, err);
	} else if (year) {
		y = year;
	} else {
		return lcm_error(err, "no year in '%s' (give --year)", q);
	}
	if (parse_clock(s, t, n, i, &h, &mi, &sec, err) < 0 ||
	    check_fields(s, y, mo, d, h, mi, &sec, err) < 0)
		return -1;
	*out = lcm_time_from_local(y, mo, d, h, mi, sec);
	return 0;
}

/* Reads 1 to max ASCII digits at *p into *v; their count, or 0. */
static int
digits(const char **p, int max, int *v)
{
	int k = 0;

	for (*v = 0; k < max && **p >= '0' && **p <= '9'; (*p)++, k++)
		*v = *v * 10 + (**p - '0');
	return k;
}

/*
 * The log report's own shape, "D/M/YY, H:MM:SS" (or MM/DD by order, a
 * 4-digit year, no seconds), read without tokens: 1 when s has that shape
 * and valid fields (*out set as parse_numeric would), 0 to take the
 * general path, which also words every error.
 */
static int
fast_numeric(const char *s, enum lcm_date_order order, int64_t *out)
{
	const char *p = s;
	int a, b, y, h, mi, sec = 0, ny, d, mo;

	if (!digits(&p, 2, &a) || *p++ != '/' || !digits(&p, 2, &b) ||
	    *p++ != '/' || ((ny = digits(&p, 4, &y)) != 2 && ny != 4) ||
	    *p++ != ',' || *p++ != ' ' || !digits(&p, 2, &h) || *p++ != ':' ||
	    digits(&p, 2, &mi) != 2)
		return 0;
	if (*p == ':' && (p++, digits(&p, 2, &sec) != 2))
		return 0;
	if (*p)
		return 0;
	if (ny == 2)
		y += y < 70 ? 2000 : 1900;
	d = order == LCM_MDY ? b : a;
	mo = order == LCM_MDY ? a : b;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 ||
	    mi > 59 || sec > 60)
		return 0;
	*out = lcm_time_from_local(y, mo, d, h, mi, sec == 60 ? 59 : sec);
	return 1;
}

/* Borrows s and opt (may be NULL); sets *out. */
int
lcm_time_parse_moodle(const char *s, const struct lcm_timeopt *opt,
		      int64_t *out, struct lcm_err *err)
{
	struct tok t[MAXTOK];
	int n, i, has_clock = 0;

	if (fast_numeric(s, opt ? opt->order : LCM_DMY, out))
		return 0;
	n = tokenize(s, t);
	if (n < 0)
		return not_a_time(s, err);
	if (n == 0)
		return lcm_error(err, "empty time");
	for (i = 0; i < n; i++)
		has_clock |= t[i].kind == ':';
	/*
	 * Only a word or a number can start a date; an unknown first word is
	 * named in the error only when a clock time makes a date likely.
	 */
	if (t[0].kind != 'n' && t[0].kind != 'w')
		return not_a_time(s, err);
	if (t[0].kind == 'w' && !has_clock && lookup(day_words, 7, t[0].word) < 0 &&
	    lookup(month_words, 12, t[0].word) < 0)
		return not_a_time(s, err);
	if (is(t, n, 0, 'n') && is(t, n, 1, '/'))
		return parse_numeric(s, t, n, opt ? opt->order : LCM_DMY, out, err);
	return parse_text(s, t, n, opt ? opt->year : 0, out, err);
}

/* Borrows s and opt; dispatches on the shape of s (see timefmt.h). */
int
lcm_time_parse(const char *s, const struct lcm_timeopt *opt, int64_t *out,
	       struct lcm_err *err)
{
	const char *p = s + (*s == '-');
	char q[64];

	while (isdigit((unsigned char)*p))
		p++;
	/* digits, then maybe '.' and digits: epoch seconds */
	if (*p == '.' && p > s + (*s == '-') && isdigit((unsigned char)p[1]))
		for (p++; isdigit((unsigned char)*p); p++)
			;
	if (!*p && p > s + (*s == '-')) {
		if (lcm_time_parse_epoch(s, out, err) < 0)
			return -1;
		if (*out < TIME_MIN || *out > TIME_MAX)
			return lcm_error(err, "time out of range (years 0 to 9999): '%s'",
			    lcm_err_quote(s, q, sizeof(q)));
		return 0;
	}
	if (p == s + 4 && *p == '-')
		return lcm_time_parse_iso(s, out, err);
	return lcm_time_parse_moodle(s, opt, out, err);
}

/* Borrows s; sets *out to seconds. */
int
lcm_duration_parse(const char *s, int64_t *out, struct lcm_err *err)
{
	static const char units[] = "smhdw";
	static const int64_t mult[] = { 1, 60, 3600, 86400, 604800 };
	const char *p = s, *u;
	int64_t total = 0, v, m;
	int parts = 0;
	char q[64];

	lcm_err_quote(s, q, sizeof(q));
	if (!*s)
		return lcm_error(err, "empty duration");
	if (*s == '-')
		return lcm_error(err, "negative duration '%s'", q);
	for (; *p; parts++) {
		if (!isdigit((unsigned char)*p))
			return lcm_error(err, "not a duration: '%s'", q);
		for (v = 0; isdigit((unsigned char)*p); p++) {
			if (v > (INT64_MAX - (*p - '0')) / 10)
				return lcm_error(err, "duration too large: '%s'", q);
			v = v * 10 + (*p - '0');
		}
		for (u = p; isalpha((unsigned char)*p); p++)
			;
		if (p == u && !*p && parts == 0) {
			m = 1;	/* a bare number: seconds */
		} else if (p == u) {
			return lcm_error(err, *p ? "not a duration: '%s'" :
			    "missing unit in '%s' (use s, m, h, d or w)", q);
		} else if (p - u != 1 || !strchr(units, *u)) {
			return lcm_error(err, "unknown unit '%.*s' in '%s' "
			    "(use s, m, h, d or w)", (int)(p - u), u, q);
		} else {
			m = mult[strchr(units, *u) - units];
		}
		if (v > INT64_MAX / m || v * m > INT64_MAX - total)
			return lcm_error(err, "duration too large: '%s'", q);
		total += v * m;
	}
	*out = total;
	return 0;
}

/* Fills out (size >= 32) by civil_from_days; no zone is involved. */
char *
lcm_time_format_utc(int64_t t, char *out)
{
	int64_t days = floor_div(t, DAY), secs = t % DAY, y;
	int m, d;

	/* not t - days * DAY: it overflows on the first day of int64_t */
	if (secs < 0)
		secs += DAY;
	civil_from_days(days, &y, &m, &d);
	/* years of int64_t seconds have at most 12 digits: 29 bytes at most */
	if (snprintf(out, 32, "%s%04lld-%02d-%02dT%02d:%02d:%02dZ",
	    y < 0 ? "-" : "", (long long)(y < 0 ? -y : y), m, d,
	    (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60)) >= 32)
		out[0] = '\0';
	return out;
}

/*
 * Fills out (size >= 32) from localtime_r; offsets with seconds (local
 * mean time before ~1900) lose them.
 */
char *
lcm_time_format_local(int64_t t, char *out)
{
	struct tm tm;
	int64_t off;
	int utc = zone.set ? zone.utc : is_utc_name(getenv("TZ"));

	if (utc || local_at(t, &tm, &off) < 0)
		return lcm_time_format_utc(t, out);
	if (snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+',
	    (int)((off < 0 ? -off : off) / 3600),
	    (int)((off < 0 ? -off : off) / 60 % 60)) >= 32)
		return lcm_time_format_utc(t, out);	/* 10-digit years BC */
	return out;
}
