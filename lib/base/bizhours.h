/*
 * bizhours.h - working time: "Mon-Fri 09:00-18:00".
 *
 * An age in working time lets a Friday-evening question wait until
 * Monday without being overdue. Days and hours are read in the zone set
 * by lcm_time_set_zone (--tz), DST included.
 */
#ifndef LCM_BIZHOURS_H
#define LCM_BIZHOURS_H

#include <stdint.h>

#include "err.h"

struct lcm_bizhours {
	unsigned days;		/* bit 0 = Monday ... bit 6 = Sunday */
	int start, end;		/* minutes after midnight, start < end */
};

/*
 * Parses "Mon-Fri 09:00-18:00", "Mon,Wed,Fri 08:30-12:00", "Sat 10:00-12:00"
 * (English 3-letter day names, any case, or French lun mar mer jeu ven sam
 * dim). Returns 0, or -1 with err filled.
 */
int lcm_bizhours_parse(const char *spec, struct lcm_bizhours *bh,
		       struct lcm_err *err);

/*
 * Seconds of working time in [from, to) (0 when to <= from). The cost
 * does not grow with the span: whole weeks are counted by
 * multiplication, and at most 10 days are looked at one by one.
 */
int64_t lcm_bizhours_between(const struct lcm_bizhours *bh, int64_t from,
			     int64_t to);

/*
 * lcm_bizhours_between, also setting *walked (when not NULL) to the
 * number of days it looked at one by one: what a test holds to at most
 * 10, whatever the span.
 */
int64_t lcm_bizhours_between_walked(const struct lcm_bizhours *bh, int64_t from,
				    int64_t to, int64_t *walked);

#endif
