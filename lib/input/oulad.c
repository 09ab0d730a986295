/*
 * oulad.c - the Open University Learning Analytics Dataset (Kuzilek,
 * Hlosta and Zdrahal 2017, CC-BY 4.0), its CSV tables as distributed.
 *
 * Days in OULAD are offsets from a presentation's start, which the
 * dataset does not date: a presentation such as 2013J starts on the
 * first of its month (B: February, J: October, as the dataset's
 * documentation says), at 00:00 UTC. The mapping (lcm-import(1)):
 *
 *   courses.csv             a course per module (AAA)
 *   assessments.csv         an item per assessment, "AAA-2013J/1752"
 *   studentInfo.csv         a learner of cohort AAA-2013J, and the final
 *                           result as the completion of item
 *                           "AAA-2013J/final_result" (state Pass, Fail,
 *                           Withdrawn or Distinction, no time: OULAD does
 *                           not say when it was known)
 *   studentRegistration.csv the learner, and item "AAA-2013J/registration"
 *                           as registered (or unregistered) on that day
 *   studentVle.csv          an event "viewed" of the site per student, site
 *                           and day (the day's rows are one event)
 *   studentAssessment.csv   a completion of the assessment on the day it
 *                           was submitted: passed from 40 (the OU pass
 *                           mark), else failed; score / 100; "submitted"
 *                           when it has no score. Needs assessments.csv
 *                           imported before, to know the presentation.
 *
 * vle.csv (the site types) is not read: no format holds it.
 */
#include "input/oulad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "timefmt.h"
#include "value.h"
#include "xalloc.h"

#define PLATFORM "oulad"

/* The --start dates of the import (PRES=DATE), NULL when none. */
#define STARTS(im) ((im)->opts->starts)

/* The course of the last row, so that 180,000 clicks do not each ask. */
struct cache {
	char *module;
	int64_t course_id;
};

int
lcm_oulad_start(const char *presentation, int64_t *start, struct lcm_err *err)
{
	const char *p = presentation ? presentation : "";
	char q[64];
	unsigned month;
	int64_t year = 0;
	int i;

	for (i = 0; i < 4; i++) {
		if (p[i] < '0' || p[i] > '9')
			break;
		year = year * 10 + (p[i] - '0');
	}
	month = i < 4 ? 0 : p[4] == 'B' ? 2 : p[4] == 'J' ? 10 : 0;
	if (month == 0 || p[5])
		return lcm_error(err, "column 'code_presentation': not a year and B or J"
				 " (2013J): '%s'", lcm_err_quote(p, q, sizeof(q)));
	*start = lcm_days_from_civil(year, month, 1) * 86400;
	return 0;
}

int
lcm_oulad_start_of(const char *const *starts, const char *name, const char *pres,
		   int64_t *start, struct lcm_err *err)
{
	size_t nl = strlen(name), pl = strlen(pres);
	const char *v;
	char q[64], iso[32];

	if (lcm_oulad_start(pres, start, err) < 0)
		return -1;
	for (; starts && *starts; starts++) {
		if (strncmp(*starts, name, nl) == 0 && (*starts)[nl] == '=')
			v = *starts + nl + 1;
		else if (strncmp(*starts, pres, pl) == 0 && (*starts)[pl] == '=')
			v = *starts + pl + 1;
		else
			continue;
		/* a date alone, at 00:00 UTC as the default start */
		snprintf(iso, sizeof(iso), "%sT00:00:00Z", v);
		if (strlen(v) != 10 || lcm_time_parse_iso(iso, start, err) < 0)
			return lcm_error(err, "--start: not PRESENTATION=YYYY-MM-DD: '%s'",
					 lcm_err_quote(*starts, q, sizeof(q)));
		return 0;
	}
	return 0;
}

/* "AAA-2013J" into b, after checking both halves; 0 or -1. */
static int
cohort(struct lcm_import *im, const char *module, const char *pres, struct lcm_buf *b,
       int64_t *start, struct lcm_err *err)
{
	if (lcm_in_need("code_module", module, err) < 0 ||
	    lcm_in_need("code_presentation", pres, err) < 0)
		return -1;
	lcm_buf_reset(b);
	lcm_buf_printf(b, "%s-%s", module, pres);
	return lcm_oulad_start_of(STARTS(im), b->data, pres, start, err);
}

/* The time of day offset d (column col) of a presentation starting at t0. */
static int
day(const char *col, const char *v, int64_t t0, int64_t *t, struct lcm_err *err)
{
	int64_t d;

	if (lcm_in_int(col, v, &d, err) < 0)
		return -1;
	/* OULAD's days run from about -30 to 300: far more is not a day */
	if (d < -3660 || d > 3660)
		return lcm_error(err, "column '%s': not a day of a presentation: '%lld'",
				 col, (long long)d);
	*t = t0 + d * 86400;
	return 0;
}

/* The course of module, cached in im->state. */
static int
course(struct lcm_import *im, const char *module, int64_t *id, struct lcm_err *err)
{
	struct cache *c = im->state;

	if (!c)
		c = im->state = lcm_xcalloc(1, sizeof(*c));
	if (c->module && strcmp(c->module, module) == 0) {
		*id = c->course_id;
		return 0;
	}
	if (lcm_in_course(im, PLATFORM, module, id, err) < 0)
		return -1;
	free(c->module);
	c->module = lcm_xstrdup(module);
	c->course_id = *id;
	return 0;
}

static int
finish(struct lcm_import *im, int ok, struct lcm_err *err)
{
	struct cache *c = im->state;

	(void)ok;
	(void)err;
	if (c) {
		free(c->module);
		free(c);
		im->state = NULL;
	}
	return 0;
}

/* The learner id_student of cohort name. */
static int
learner(struct lcm_import *im, const char *id, const char *name, int64_t *pid,
	struct lcm_err *err)
{
	struct lcm_person p = { 0 };

	if (lcm_in_need("id_student", id, err) < 0)
		return -1;
	p.platform = PLATFORM;
	p.external_id = id;
	p.role = "learner";
	p.cohort = name;
	return lcm_in_person(im, &p, pid, err);
}

/* The item PRES/what, made when new (title: what, format: kind). */
static int
item(struct lcm_import *im, const char *name, const char *what, const char *kind,
     int64_t *id, struct lcm_err *err)
{
	struct lcm_item it = { 0 };
	struct lcm_buf ext;
	enum lcm_outcome o;
	int rc;

	lcm_buf_init(&ext);
	lcm_buf_printf(&ext, "%s/%s", name, what);
	it.platform = PLATFORM;
	it.external_id = ext.data;
	it.title = what;
	it.format = kind;
	rc = lcm_store_item(im->st, &it, id, &o, err);
	if (rc == 0 && kind)
		lcm_in_count(im, LCM_K_ITEM, o);
	lcm_buf_release(&ext);
	return rc;
}

/* A completion, counted. */
static int
complete(struct lcm_import *im, int64_t person, int64_t it, const char *state,
	 int64_t ts, int has_ts, double score, int has_score, struct lcm_err *err)
{
	enum lcm_outcome o;

	if (lcm_store_completion(im->st, person, it, state, ts, has_ts, score, has_score,
				 &o, err) < 0)
		return -1;
	lcm_in_count(im, LCM_K_COMPLETION, o);
	return 0;
}

/* courses: code_module,code_presentation,module_presentation_length */
enum { CO_MODULE, CO_PRES, CO_LENGTH, CO_N };
static const struct lcm_column course_cols[CO_N] = {
	[CO_MODULE] = { "code_module", 1 }, [CO_PRES] = { "code_presentation", 1 },
	[CO_LENGTH] = { "module_presentation_length", 1 },
};

static int
course_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct lcm_buf b;
	int64_t t0, len, id;
	int rc = -1;

	lcm_buf_init(&b);
	if (cohort(im, v[CO_MODULE], v[CO_PRES], &b, &t0, err) < 0 ||
	    lcm_in_int("module_presentation_length", v[CO_LENGTH], &len, err) < 0)
		goto out;
	rc = course(im, v[CO_MODULE], &id, err);
out:
	lcm_buf_release(&b);
	return rc;
}

const struct lcm_input_format lcm_fmt_oulad_courses = {
	.name = "oulad-courses", .platform = PLATFORM,
	.cols = course_cols, .ncols = CO_N, .row = course_row, .finish = finish
};

/* assessments: code_module,code_presentation,id_assessment,assessment_type,date,weight */
enum { AS_MODULE, AS_PRES, AS_ID, AS_TYPE, AS_DATE, AS_WEIGHT, AS_N };
static const struct lcm_column assessment_cols[AS_N] = {
	[AS_MODULE] = { "code_module", 1 }, [AS_PRES] = { "code_presentation", 1 },
	[AS_ID] = { "id_assessment", 1 }, [AS_TYPE] = { "assessment_type", 1 },
	[AS_DATE] = { "date", 0 }, [AS_WEIGHT] = { "weight", 1 },
};

static int
assessment_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct lcm_buf b;
	int64_t t0, id;
	int rc = -1;

	lcm_buf_init(&b);
	if (cohort(im, v[AS_MODULE], v[AS_PRES], &b, &t0, err) < 0 ||
	    lcm_in_int("id_assessment", v[AS_ID], &id, err) < 0 ||
	    lcm_in_need("assessment_type", v[AS_TYPE], err) < 0)
		goto out;
	rc = item(im, b.data, v[AS_ID], v[AS_TYPE], &id, err);
out:
	lcm_buf_release(&b);
	return rc;
}

const struct lcm_input_format lcm_fmt_oulad_assessments = {
	.name = "oulad-assessments", .platform = PLATFORM,
	.cols = assessment_cols, .ncols = AS_N, .row = assessment_row, .finish = NULL
};

/* studentInfo: code_module,code_presentation,id_student,...,final_result */
enum { SI_MODULE, SI_PRES, SI_STUDENT, SI_RESULT, SI_N };
static const struct lcm_column info_cols[SI_N] = {
	[SI_MODULE] = { "code_module", 1 }, [SI_PRES] = { "code_presentation", 1 },
	[SI_STUDENT] = { "id_student", 1 }, [SI_RESULT] = { "final_result", 1 },
};

static int
info_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	static const char *const results[] = { "Pass", "Fail", "Withdrawn", "Distinction" };
	struct lcm_buf b;
	int64_t t0, person, it;
	size_t i;
	char q[64];
	int rc = -1;

	lcm_buf_init(&b);
	if (cohort(im, v[SI_MODULE], v[SI_PRES], &b, &t0, err) < 0)
		goto out;
	for (i = 0; i < sizeof(results) / sizeof(*results); i++)
		if (v[SI_RESULT] && strcmp(v[SI_RESULT], results[i]) == 0)
			break;
	if (i == sizeof(results) / sizeof(*results)) {
		lcm_error(err, "column 'final_result': not Pass, Fail, Withdrawn or"
			  " Distinction: '%s'",
			  lcm_err_quote(v[SI_RESULT] ? v[SI_RESULT] : "", q, sizeof(q)));
		goto out;
	}
	if (learner(im, v[SI_STUDENT], b.data, &person, err) < 0 ||
	    item(im, b.data, "final_result", NULL, &it, err) < 0 ||
	    complete(im, person, it, v[SI_RESULT], 0, 0, 0, 0, err) < 0)
		goto out;
	rc = 0;
out:
	lcm_buf_release(&b);
	return rc;
}

const struct lcm_input_format lcm_fmt_oulad_student_info = {
	.name = "oulad-student-info", .platform = PLATFORM,
	.cols = info_cols, .ncols = SI_N, .row = info_row, .finish = NULL
};

/* studentRegistration: code_module,code_presentation,id_student,
 * date_registration,date_unregistration */
enum { SR_MODULE, SR_PRES, SR_STUDENT, SR_REG, SR_UNREG, SR_N };
static const struct lcm_column reg_cols[SR_N] = {
	[SR_MODULE] = { "code_module", 1 }, [SR_PRES] = { "code_presentation", 1 },
	[SR_STUDENT] = { "id_student", 1 }, [SR_REG] = { "date_registration", 1 },
	[SR_UNREG] = { "date_unregistration", 0 },
};

static int
reg_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct lcm_buf b;
	int64_t t0, t = 0, person, it;
	int unreg = lcm_in_opt(v[SR_UNREG]) != NULL, has = 1, rc = -1;

	lcm_buf_init(&b);
	if (cohort(im, v[SR_MODULE], v[SR_PRES], &b, &t0, err) < 0)
		goto out;
	/* some students have no registration day: no time then */
	if (unreg) {
		if (day("date_unregistration", v[SR_UNREG], t0, &t, err) < 0)
			goto out;
	} else if (lcm_in_opt(v[SR_REG])) {
		if (day("date_registration", v[SR_REG], t0, &t, err) < 0)
			goto out;
	} else {
		has = 0;
	}
	if (learner(im, v[SR_STUDENT], b.data, &person, err) < 0 ||
	    item(im, b.data, "registration", NULL, &it, err) < 0 ||
	    complete(im, person, it, unreg ? "unregistered" : "registered", t, has, 0, 0,
		     err) < 0)
		goto out;
	rc = 0;
out:
	lcm_buf_release(&b);
	return rc;
}

const struct lcm_input_format lcm_fmt_oulad_registration = {
	.name = "oulad-registration", .platform = PLATFORM,
	.cols = reg_cols, .ncols = SR_N, .row = reg_row, .finish = NULL
};

/* studentVle: code_module,code_presentation,id_student,id_site,date,sum_click */
enum { SV_MODULE, SV_PRES, SV_STUDENT, SV_SITE, SV_DATE, SV_CLICKS, SV_N };
static const struct lcm_column vle_cols[SV_N] = {
	[SV_MODULE] = { "code_module", 1 }, [SV_PRES] = { "code_presentation", 1 },
	[SV_STUDENT] = { "id_student", 1 }, [SV_SITE] = { "id_site", 1 },
	[SV_DATE] = { "date", 1 }, [SV_CLICKS] = { "sum_click", 1 },
};

static int
vle_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct lcm_event e = { 0 };
	struct lcm_person p = { 0 };
	enum lcm_outcome o;
	struct lcm_buf b, ext;
	int64_t t0, clicks, site;
	int rc = -1;

	lcm_buf_init(&b);
	lcm_buf_init(&ext);
	if (cohort(im, v[SV_MODULE], v[SV_PRES], &b, &t0, err) < 0 ||
	    lcm_in_need("id_student", v[SV_STUDENT], err) < 0 ||
	    lcm_in_int("id_site", v[SV_SITE], &site, err) < 0 ||
	    day("date", v[SV_DATE], t0, &e.ts, err) < 0 ||
	    lcm_in_int("sum_click", v[SV_CLICKS], &clicks, err) < 0)
		goto out;
	if (clicks < 0) {
		lcm_error(err, "column 'sum_click': below 0: '%lld'", (long long)clicks);
		goto out;
	}
	/* a person only by id: the cohort comes from studentInfo */
	p.platform = PLATFORM;
	p.external_id = v[SV_STUDENT];
	e.platform = PLATFORM;
	if (lcm_in_person(im, &p, &e.person_id, err) < 0 ||
	    course(im, v[SV_MODULE], &e.course_id, err) < 0 ||
	    lcm_store_term(im->st, "viewed", &e.verb, err) < 0 ||
	    lcm_store_term(im->st, v[SV_SITE], &e.object, err) < 0)
		goto out;
	/* the day's rows of a site are one event: the same id */
	lcm_buf_printf(&ext, "%s/%s/%s/%s", b.data, v[SV_STUDENT], v[SV_SITE], v[SV_DATE]);
	e.external_id = ext.data;
	if (lcm_store_event(im->st, &e, &o, err) < 0)
		goto out;
	lcm_in_count(im, LCM_K_EVENT, o);
	rc = 0;
out:
	lcm_buf_release(&b);
	lcm_buf_release(&ext);
	return rc;
}

const struct lcm_input_format lcm_fmt_oulad_student_vle = {
	.name = "oulad-student-vle", .platform = PLATFORM,
	.cols = vle_cols, .ncols = SV_N, .row = vle_row, .finish = finish
};

/* studentAssessment: id_assessment,id_student,date_submitted,is_banked,score */
enum { SA_ID, SA_STUDENT, SA_DATE, SA_BANKED, SA_SCORE, SA_N };
static const struct lcm_column result_cols[SA_N] = {
	[SA_ID] = { "id_assessment", 1 }, [SA_STUDENT] = { "id_student", 1 },
	[SA_DATE] = { "date_submitted", 1 }, [SA_BANKED] = { "is_banked", 1 },
	[SA_SCORE] = { "score", 0 },
};

/*
 * The item of assessment id and its presentation's start, from what
 * assessments.csv wrote ("AAA-2013J/1752"). 0, or -1 when not imported.
 */
static int
assessment(struct lcm_import *im, int64_t id, int64_t *item_id, int64_t *t0,
	   struct lcm_err *err)
{
	sqlite3_stmt *s;
	struct lcm_buf tail;
	const char *ext, *slash;
	int rc = -1, step;

	lcm_buf_init(&tail);
	lcm_buf_printf(&tail, "%%/%lld", (long long)id);
	s = lcm_store_prepare(im->st, "SELECT id, external_id FROM item WHERE platform = ?1"
			      " AND external_id LIKE ?2 AND format IS NOT NULL LIMIT 1", err);
	if (!s)
		goto out;
	sqlite3_bind_text(s, 1, PLATFORM, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, tail.data, -1, SQLITE_STATIC);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		*item_id = sqlite3_column_int64(s, 0);
		ext = (const char *)sqlite3_column_text(s, 1);
		slash = ext ? strrchr(ext, '/') : NULL;
		if (slash && slash - ext > 6 && slash - ext < 64) {
			char name[64];

			/* "AAA-2013J/1752": the cohort, ending with the presentation */
			memcpy(name, ext, (size_t)(slash - ext));
			name[slash - ext] = '\0';
			rc = lcm_oulad_start_of(STARTS(im), name, name + (slash - ext) - 5, t0,
						err);
		} else {
			lcm_error(err, "assessment %lld: not an OULAD item: '%s'",
				  (long long)id, ext ? ext : "");
		}
	} else if (step == SQLITE_DONE) {
		lcm_error(err, "column 'id_assessment': no such assessment: '%lld'"
			  " (import assessments.csv first)", (long long)id);
	} else {
		lcm_store_fail(im->st, err, "cannot read items");
	}
	sqlite3_finalize(s);
out:
	lcm_buf_release(&tail);
	return rc;
}

static int
result_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct lcm_person p = { 0 };
	int64_t id, t0 = 0, ts = 0, person, it, mark = 0;
	const char *score = lcm_in_opt(v[SA_SCORE]);
	const char *state = "submitted";
	int banked;
	char q[64];

	/* OULAD writes "?" for a missing score */
	if (score && strcmp(score, "?") == 0)
		score = NULL;
	if (lcm_in_int("id_assessment", v[SA_ID], &id, err) < 0 ||
	    lcm_in_need("id_student", v[SA_STUDENT], err) < 0 ||
	    lcm_in_bool("is_banked", v[SA_BANKED], &banked, err) < 0 ||
	    (score && lcm_in_int("score", score, &mark, err) < 0))
		return -1;
	if (score && (mark < 0 || mark > 100))
		return lcm_error(err, "column 'score': not from 0 to 100: '%s'",
				 lcm_err_quote(score, q, sizeof(q)));
	if (assessment(im, id, &it, &t0, err) < 0 ||
	    day("date_submitted", v[SA_DATE], t0, &ts, err) < 0)
		return -1;
	if (score)
		state = mark >= 40 ? "passed" : "failed";
	p.platform = PLATFORM;
	p.external_id = v[SA_STUDENT];
	if (lcm_in_person(im, &p, &person, err) < 0)
		return -1;
	return complete(im, person, it, state, ts, 1, (double)mark / 100, score != NULL, err);
}

const struct lcm_input_format lcm_fmt_oulad_student_assessment = {
	.name = "oulad-student-assessment", .platform = PLATFORM,
	.cols = result_cols, .ncols = SA_N, .row = result_row, .finish = NULL
};
