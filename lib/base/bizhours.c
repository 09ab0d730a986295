/* bizhours.c - working time between two instants: see bizhours.h. */
#include "bizhours.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "timefmt.h"

static const char *const en[7] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
static const char *const fr[7] = { "lun", "mar", "mer", "jeu", "ven", "sam", "dim" };

/* Day index 0-6 of the 3-letter name at s, or -1. */
static int
day_at(const char *s)
{
	int i;

	for (i = 0; i < 7; i++)
		if (strncasecmp(s, en[i], 3) == 0 || strncasecmp(s, fr[i], 3) == 0)
			return i;
	return -1;
}

/* "HH:MM" at *s into minutes; advances *s. */
static int
clock_at(const char **s, int *min)
{
	const char *p = *s;
	int h, m;

	if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) || p[2] != ':' ||
	    !isdigit((unsigned char)p[3]) || !isdigit((unsigned char)p[4]))
		return -1;
	h = (p[0] - '0') * 10 + (p[1] - '0');
	m = (p[3] - '0') * 10 + (p[4] - '0');
	if (h > 24 || m > 59 || (h == 24 && m))
		return -1;
	*min = h * 60 + m;
	*s = p + 5;
	return 0;
}

int
lcm_bizhours_parse(const char *spec, struct lcm_bizhours *bh, struct lcm_err *err)
{
	const char *p = spec;
	int a, b, i;

	bh->days = 0;
	for (;;) {
		if ((a = day_at(p)) < 0)
			goto bad;
		p += 3;
		b = a;
		if (*p == '-') {
			if ((b = day_at(p + 1)) < 0)
				goto bad;
			p += 4;
		}
		for (i = a;; i = (i + 1) % 7) {
			bh->days |= 1u << i;
			if (i == b)
				break;
		}
		if (*p != ',')
			break;
		p++;
	}
	if (*p != ' ')
		goto bad;
	while (*p == ' ')
		p++;
	if (clock_at(&p, &bh->start) < 0 || *p++ != '-' || clock_at(&p, &bh->end) < 0 || *p)
		goto bad;
	if (bh->end <= bh->start)
		return lcm_error(err, "working hours end before they start in '%s'", spec);
	return 0;
bad:
	return lcm_error(err, "not working hours: '%s' (expected like 'Mon-Fri 09:00-18:00')",
			 spec);
}

/* The calendar date of a day number (Howard Hinnant's civil_from_days). */
static void
civil_from_days(int64_t days, int *y, int *mon, int *d)
{
	int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*mon = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*mon <= 2));
}

/*
 * The working time of local day number day that falls in [from, to):
 * its window clipped to the range, 0 on a day off.
 */
static int64_t
day_share(const struct lcm_bizhours *bh, int64_t day, int64_t from, int64_t to)
{
	int64_t open, close, lo, hi;
	int y, mon, d;

	/* 1970-01-01, day 0, was a Thursday (3 when Monday is 0) */
	if (!(bh->days & (1u << (((day % 7) + 7 + 3) % 7))))
		return 0;
	civil_from_days(day, &y, &mon, &d);
	open = lcm_time_from_local(y, mon, d, bh->start / 60, bh->start % 60, 0);
	/* the window's length in seconds: no DST change falls in office hours */
	close = open + (int64_t)(bh->end - bh->start) * 60;
	lo = open > from ? open : from;
	hi = close < to ? close : to;
	return hi > lo ? hi - lo : 0;
}

/* The local day number of t (with DST a day lasts 23 or 25 hours). */
static int64_t
local_day(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!localtime_r(&tt, &tm))
		return t / 86400 - (t % 86400 < 0);
	return lcm_days_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1,
				   (unsigned)tm.tm_mday);
}

int64_t
lcm_bizhours_between(const struct lcm_bizhours *bh, int64_t from, int64_t to)
{
	return lcm_bizhours_between_walked(bh, from, to, NULL);
}

int64_t
lcm_bizhours_between_walked(const struct lcm_bizhours *bh, int64_t from, int64_t to,
			    int64_t *walked)
{
	int64_t total = 0, first, last, day, weeks = 0, n = 0;
	int per_week = 0, i;

	if (walked)
		*walked = 0;
	if (to <= from)
		return 0;
	first = local_day(from);
	last = local_day(to);
	/*
	 * Days first + 1 to last - 2 lie wholly inside (from, to): their
	 * windows count in full, whatever DST does, so whole weeks of them
	 * are counted by multiplication and only the first day and the
	 * last 8 or fewer are walked.
	 */
	if (last - first > 9) {
		weeks = (last - first - 2) / 7;
		for (i = 0; i < 7; i++)
			per_week += (bh->days >> i) & 1;
		total = weeks * per_week * (int64_t)(bh->end - bh->start) * 60;
		total += day_share(bh, first, from, to);
		n++;
		first += 1 + 7 * weeks;
	}
	for (day = first; day <= last; day++, n++)
		total += day_share(bh, day, from, to);
	if (walked)
		*walked = n;
	return total;
}
