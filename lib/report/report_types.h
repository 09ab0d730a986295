/*
 * report_types.h - what a report holds: its options, the figures of each
 * section, and the store's rows read once for all groups (struct
 * lcm_report_src). Declared apart from report.h so that the sections'
 * modules (report_parts.h, needs.h) and the driver (report.c) share them
 * without including each other.
 */
#ifndef LCM_REPORT_TYPES_H
#define LCM_REPORT_TYPES_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "engage.h"
#include "engage_groups.h"
#include "options.h"
#include "store.h"
#include "unanswered.h"

/* One report per what (--split-by), or one for everyone. */
enum lcm_report_split {
	LCM_SPLIT_NONE, LCM_SPLIT_COHORT, LCM_SPLIT_COURSE, LCM_SPLIT_MANAGER
};

enum lcm_report_format {
	LCM_REPORT_TEXT, LCM_REPORT_MD, LCM_REPORT_HTML, LCM_REPORT_JSON
};

/* The --split-by keys: cohort, course, manager. */
extern const struct lcm_choice lcm_report_splits[];

/* "cohort", "course", "manager"; -1 when unknown. */
int lcm_report_split_parse(const char *s, enum lcm_report_split *out);

/* "text", "md", "html", "json"; -1 when unknown. */
int lcm_report_format_parse(const char *s, enum lcm_report_format *out);

/* The format an output file name asks for (".html", ".md" ...); -1: none. */
int lcm_report_format_of_path(const char *path, enum lcm_report_format *out);

/* File name extension of a format, without the dot ("html", "txt"). */
const char *lcm_report_format_ext(enum lcm_report_format f);

struct lcm_report_opts {
	int64_t since, until;		/* the period: [since, until) */
	int64_t inactive_after;		/* as lcm-engage (14 days) */
	int weeks;			/* weeks in the weekly series (12) */
	int top;			/* rows of each list (10) */
	int local;			/* days, weeks and times in the local zone */
	enum lcm_report_split split;
	size_t min_group;		/* groups under this are suppressed */
	const char *title;		/* NULL: "Community report" */
	const char *url;		/* link template ({thread} {post} {course}
					   {forum}), NULL: no links */
	const char *pseudo_key;		/* NULL: real names */
	int needs_periods;		/* periods before, for rising themes (4) */
	int64_t nudge_window;		/* as lcm-nudge --window (7 days) */
	int no_experts;			/* no "who knows what" (lcm-report --needs
					   does not print it: its map is not built) */
};

/* Bins of the times to a first response: under 1 h, 4 h, 12 h, 1 d, 2 d,
 * 7 d, and more. */
#define LCM_REPORT_BINS 7
extern const int64_t lcm_report_bin_limit[LCM_REPORT_BINS - 1];	/* seconds */
extern const char *const lcm_report_bin_label[LCM_REPORT_BINS];	/* "< 1 h" */

/* A figure of the period and of the period before; NaN when undefined. */
struct lcm_report_figure {
	double now, before;
};

struct lcm_report_week {
	int64_t week;		/* lcm_engage_week() number */
	int64_t monday;		/* day number of its Monday */
	int64_t posts, threads, active;
	int64_t topdown, questions, exchange;	/* threads by their seed */
	int partial;		/* the period ends inside this week */
};

struct lcm_report_forum {
	char *name;
	int64_t posts, threads, people;
};

struct lcm_report_thread {
	char *title, *forum, *url;	/* url NULL without --url */
	int64_t posts, people;		/* in the period */
	int64_t last;			/* time of its last post */
};

struct lcm_report_theme {
	char *term;
	int64_t count, posts;	/* occurrences, posts holding it */
	double score;		/* count * ln(history posts / posts with it) */
};

/* A thread nobody answered (lcm_unanswered_find, peer rule). */
struct lcm_report_open {
	char *subject, *forum, *author, *url;
	int64_t created;
	double age_hours;
	int question, replies;
};

/* A learner at risk or to praise. */
struct lcm_report_person {
	char *person, *name, *cohort;	/* name NULL: unknown or pseudonymised */
	char *reasons;			/* lcm_engage_reasons() */
	const char *status;		/* lcm_engage_status_name() */
	int64_t last_seen;		/* INT64_MIN: never */
	int64_t answers, accepted, received, peers;
};

struct lcm_report_resource {
	char *name;
	int64_t events, people;
};

/* Messages of lcm-nudge sent in the period, per template (nudges section). */
struct lcm_report_nudge {
	char *template;
	int64_t sent;			/* written to in the period */
	int64_t nudged_size, nudged_back;	/* window over (or back) */
	int64_t comparison_size, comparison_back;
	double nudged_rate, comparison_rate;	/* NaN: no record */
	double nudged_days, comparison_days;	/* median days to return */
};

/* A theme of the period's questions (needs.h: what learners ask about). */
struct lcm_report_need {
	char *theme;			/* the stem's word */
	int64_t questions;		/* questions of the period holding it */
	double before;			/* mean of the periods before; NaN: none */
	int rising;			/* lcm_needs_rising() */
	int64_t unanswered;		/* of questions, none answered by the end */
	double unanswered_share;
	double answer_median_h;		/* to the first answer; NaN: none */
	char *bricks;			/* "; "-joined titles teaching it, NULL: none */
	int no_brick;			/* a catalogue is there, and none teaches it */
};

/* A post worth highlighting (contributions.h), of the recognition section. */
struct lcm_report_contribution {
	char *person, *name;		/* its author; name NULL: unknown or pseudonymised */
	char *subject;			/* the post's subject, else its thread's */
	char *excerpt;			/* 120 characters of its text */
	char *reasons;			/* lcm_contribution_reasons() */
	char *url;			/* NULL without --url */
	int64_t created;
	double score;			/* lcm_contribution_score() */
};

/* A milestone crossed in the period (milestones.h, the default ladder). */
struct lcm_report_milestone {
	char *person, *name;		/* NULL: a course's milestone */
	char *course;			/* the course's id or name, NULL: none */
	char *milestone;		/* the rule's name */
	int64_t value, at;		/* the count, and when it was crossed */
};

/* A learner who knows a theme (expertise.h), of the "who knows what" section. */
struct lcm_report_expert {
	char *person, *name;		/* name NULL: unknown or pseudonymised */
	int rank;			/* on the theme, among learners: 1 = best */
	int64_t answers, accepted, thanks;
	double score;			/* lcm_expertise_score() */
};

/* A theme of the expertise map with its best learners (report_experts.h). */
struct lcm_report_known {
	char *theme;			/* the map's theme: a tag or an English stem */
	int64_t threads;		/* threads holding it */
	int64_t people;			/* learners with evidence on it */
	double evidence;		/* the sum of their scores */
	struct lcm_report_expert *experts;	/* the best, rank order */
	size_t nexperts;
};

struct lcm_report {
	char *title;
	char *group;		/* the group's key; NULL: everyone or "none" */
	const char *split;	/* "cohort", "course", "manager"; NULL */
	int none;		/* the group of those with no cohort ... */
	int64_t since, until, prev_since, prev_until;
	int local;
	int64_t members;	/* learners in the report (not staff) */

	/* 1. headline */
	struct lcm_report_figure active, posts, new_threads, response_rate,
		ttfr_median_h, ttfr_p90_h, unanswered_share, at_risk;

	/* 2. by week, oldest first */
	struct lcm_report_week *weeks;
	size_t nweeks;

	/* 3. what the community talks about */
	struct lcm_report_forum *forums;
	size_t nforums;
	struct lcm_report_thread *threads;
	size_t nthreads;
	struct lcm_report_theme *themes;
	size_t nthemes;

	/* 4. responsiveness */
	int64_t bins[LCM_REPORT_BINS];	/* threads of the period answered */
	int64_t waiting;		/* threads of the period not answered */
	struct lcm_report_open *open;	/* the oldest, at most top */
	size_t nopen;
	int64_t open_total;

	/* 5. people */
	struct lcm_report_person *at_risk_list;	/* at most top, of at_risk.now */
	size_t nat_risk;
	struct lcm_report_person *praise;
	size_t npraise;
	int has_network;
	double density, reciprocity, centralisation, staff_share;
	int64_t isolates;

	/* 6. resources, from the event log */
	struct lcm_report_resource *resources;
	size_t nresources;
	int64_t events;		/* events of the period in the report */

	/* 7. nudges, when lcm-nudge wrote to the store (table nudge_message) */
	int has_nudges;
	struct lcm_report_nudge *nudges;
	size_t nnudges;
	int64_t nudges_window;	/* seconds: came back within */

	/* 8. what learners ask about, when the period has questions */
	struct lcm_report_need *needs;
	size_t nneeds;
	int64_t needs_questions;	/* learners' questions of the period */
	int needs_periods;		/* periods compared with */
	int has_catalogue;

	/* 9. recognition: the period's best posts, the milestones crossed */
	int has_recognition;		/* the section was made (whole community) */
	struct lcm_report_contribution *contributions;
	size_t ncontributions;
	struct lcm_report_milestone *milestones;
	size_t nmilestones;

	/* 10. who knows what: the expertise map of the whole store, not the
	   period's; absent (nknown 0) when no learner answered on a theme */
	struct lcm_report_known *known;
	size_t nknown;
	size_t known_themes;		/* themes of the map with a learner */
};

/* Words of the history, for the themes (report_terms.c). */
struct lcm_report_terms;

/* Events of the period, for the resources (report_talk.c). */
struct lcm_report_log;

/* What every report of a run shares: the store read once. */
struct lcm_report_src {
	struct lcm_report_opts o;
	struct lcm_engage cur;		/* the period */
	struct lcm_engage prev;		/* the period before, as long: persons only */
	struct lcm_engage weekly;	/* cur seen from the series' start: shares cur's arrays */
	int64_t week0;			/* first week of the series */
	struct lcm_engage_groups groups;	/* of the split, or one: everyone */
	struct lcm_engage_groups prev_groups;
	struct lcm_report_terms *terms;
	struct lcm_report_log *log;
	struct lcm_unanswered_list open;	/* every thread nobody answered */
	struct lcm_report_known *known;		/* who knows what (whole community) */
	size_t nknown, known_themes;
};

#endif
