/*
 * oulad.h - the formats of the OULAD tables (oulad.c), for the format
 * table of lib/import.c.
 */
#ifndef LCM_INPUT_OULAD_H
#define LCM_INPUT_OULAD_H

#include "input/input.h"

extern const struct lcm_input_format lcm_fmt_oulad_courses;
extern const struct lcm_input_format lcm_fmt_oulad_assessments;
extern const struct lcm_input_format lcm_fmt_oulad_student_info;
extern const struct lcm_input_format lcm_fmt_oulad_registration;
extern const struct lcm_input_format lcm_fmt_oulad_student_vle;
extern const struct lcm_input_format lcm_fmt_oulad_student_assessment;

/*
 * The start of an OULAD presentation ("2013J"): the first of its month
 * (B February, J October) at 00:00 UTC, into *start (epoch seconds).
 * 0, or -1 with err filled.
 */
int lcm_oulad_start(const char *presentation, int64_t *start, struct lcm_err *err);

/*
 * The start of presentation pres ("2013J") of cohort name ("AAA-2013J"):
 * the date given for it in starts ("AAA-2013J=2013-10-05" or
 * "2013J=2013-10-05", 00:00 UTC; the first that names it; NULL-terminated,
 * may be NULL), else lcm_oulad_start(). 0, or -1 with err filled.
 */
int lcm_oulad_start_of(const char *const *starts, const char *name, const char *pres,
		       int64_t *start, struct lcm_err *err);

#endif
