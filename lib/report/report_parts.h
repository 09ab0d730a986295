/*
 * report_parts.h - the sections of a report computed in report_talk.c
 * (forums, threads, themes, threads nobody answered, resources), and
 * the scope every section shares. Internal to lib/report*.c.
 */
#ifndef LCM_REPORT_PARTS_H
#define LCM_REPORT_PARTS_H

#include "report_types.h"

/*
 * What one report covers. Posts count by the rule of lcm_engage_groups:
 * for the whole community every post with a known author; for a cohort
 * or manager the posts of persons with that cohort or manager (staff
 * included, so their announcements count); for a course the posts in
 * its forums. Persons (learners at risk, events) are the group's
 * members: learners, never staff.
 */
struct lcm_report_scope {
	enum lcm_report_split split;
	const char *key;		/* the group's key, NULL: none */
	unsigned char *author;		/* per person: their posts count */
	unsigned char *member;		/* per person: a learner of the report */
	int64_t *courses;		/* course split: store ids of the course */
	size_t ncourses;
};

/* Does post i of e count in sc? (hidden posts are the caller's) */
int lcm_report_post_in(const struct lcm_report_scope *sc, const struct lcm_engage *e,
		       size_t i);

/* Does an event in course (store id, 0: none) count in sc? */
int lcm_report_course_in(const struct lcm_report_scope *sc, int64_t course);

/*
 * Reads the words of every live post up to e's end (e borrowed): how
 * many posts hold each word, and the words of each post of e's period
 * (by index in e->posts), and the stems of each thread-opening post
 * from q_since on. Words of persons' names are left out. *out is
 * owned (lcm_report_terms_free). 0, or -1 with err filled.
 */
int lcm_report_terms_load(struct lcm_store *st, const struct lcm_engage *e, int64_t q_since,
			  struct lcm_report_terms **out, struct lcm_err *err);

/* A thread-opening post from q_since (of lcm_report_terms_load) to the
 * end, with its distinct stems; by post id. */
struct lcm_report_question {
	int64_t id, created;
	size_t off, n;		/* its stems (lcm_report_question_stems) */
};

const struct lcm_report_question *lcm_report_questions(const struct lcm_report_terms *t,
							size_t *n);
const int *lcm_report_question_stems(const struct lcm_report_terms *t,
				     const struct lcm_report_question *q);

/* Stems of t: how many, each's text, and the word it reads as. */
size_t lcm_report_terms_count(const struct lcm_report_terms *t);
const char *lcm_report_stem_text(const struct lcm_report_terms *t, int w);
const char *lcm_report_stem_shown(const struct lcm_report_terms *t, int w);

void lcm_report_terms_free(struct lcm_report_terms *t);

/* The top themes of the period's posts in sc (e: the engagement t was
 * loaded with) into r->themes. */
void lcm_report_themes(const struct lcm_report_terms *t, const struct lcm_engage *e,
		       const struct lcm_report_scope *sc, int top, struct lcm_report *r);

/* The most active forums and threads of the period in sc (e: the
 * period's engagement) into r. 0, or -1 with err filled. */
int lcm_report_places(struct lcm_store *st, const struct lcm_engage *e,
		      const struct lcm_report_scope *sc, const struct lcm_report_opts *o,
		      struct lcm_report *r, struct lcm_err *err);

/* The oldest threads of list (every thread nobody answered, by
 * lcm_unanswered_find) whose author or course is in sc, into r. */
void lcm_report_open_threads(const struct lcm_unanswered_list *list,
			     const struct lcm_engage *e, const struct lcm_report_scope *sc,
			     const struct lcm_report_opts *o, struct lcm_report *r);

/*
 * Reads the events of e's period by known persons (e borrowed) and the
 * names of what they were about. *out is owned (lcm_report_log_free).
 * 0, or -1 with err filled.
 */
int lcm_report_log_load(struct lcm_store *st, const struct lcm_engage *e,
			struct lcm_report_log **out, struct lcm_err *err);

void lcm_report_log_free(struct lcm_report_log *log);

/* The most used resources and activities of the period, by learners of
 * sc (e: the engagement log was loaded with), into r. */
void lcm_report_resources(const struct lcm_report_log *log, const struct lcm_engage *e,
			  const struct lcm_report_scope *sc, int top, struct lcm_report *r);

/* The nudges section into r (whole community): nothing when the store has
 * no table nudge_message. 0, or -1 with err filled. */
int lcm_report_nudges(struct lcm_store *st, const struct lcm_report_opts *o,
		      struct lcm_report *r, struct lcm_err *err);

/*
 * The recognition section into r (whole community): the period's top
 * posts by lcm-engage --contributions' score (staff left out) and the
 * milestones of the default ladder crossed in the period, as
 * lcm-engage --milestones --all lists them: the report only reads, it
 * records nothing. 0, or -1 with err filled.
 */
int lcm_report_recognition(struct lcm_store *st, const struct lcm_engage *e,
			   const struct lcm_report_opts *o, struct lcm_report *r,
			   struct lcm_err *err);

/* Frees what lcm_report_recognition put in r. */
void lcm_report_recognition_release(struct lcm_report *r);

/*
 * The section's themes for o: at most o->top, with
 * LCM_REPORT_EXPERTS_PER_THEME learners each, persons as pseudonyms
 * under o->pseudo_key when it is set (as lcm-engage --expertise
 * --pseudonymize shows them). *out (owned: lcm_report_known_free) gets
 * *n themes, none when no learner answered on a theme; *themes is set
 * to how many themes were ranked. 0, or -1 with err filled.
 */
int lcm_report_experts(struct lcm_store *st, const struct lcm_report_opts *o,
		       struct lcm_report_known **out, size_t *n, size_t *themes,
		       struct lcm_err *err);

/* A copy of the n themes of v, owned by the caller (lcm_report_known_free). */
struct lcm_report_known *lcm_report_known_dup(const struct lcm_report_known *v, size_t n);

/* Frees n themes of v and v (NULL allowed). */
void lcm_report_known_free(struct lcm_report_known *v, size_t n);

#endif
