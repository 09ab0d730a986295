/*
 * engage.h - engagement per person and per group, who is at risk and
 * why, who to praise: the analysis behind lcm-engage.
 *
 * lcm_engage_load() reads the store once (persons, posts, a stream of
 * events: engage.c) and computes every per-person figure, level and
 * status (engage_status.c); the groups (engage_groups.h), the reply
 * network and the graph files (engage_graph.c) work from what it loaded.
 * Nothing here prints but the graph writer, which writes to a FILE* it
 * borrows, as render.c does.
 *
 * "Staff" is role staff; experts are members like learners. Private and
 * deleted posts are left out of every figure.
 */
#ifndef LCM_ENGAGE_H
#define LCM_ENGAGE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "options.h"
#include "store.h"

#define LCM_DAY 86400
/*
 * No such index. Indexes into the loaded arrays are 32-bit in the post,
 * thread and week records (a million posts take 40 MB, not 56), so "none"
 * is the largest 32-bit value whether held in a record or a size_t.
 */
#define LCM_NONE ((size_t)UINT32_MAX)

enum lcm_engage_status {
	LCM_STATUS_NEVER,	/* no post or event at all before the period's end */
	LCM_STATUS_INACTIVE,	/* nothing for --inactive-after */
	LCM_STATUS_AT_RISK,	/* a reason below */
	LCM_STATUS_ACTIVE,
	LCM_STATUS_STAFF	/* staff are not judged */
};

/* Reason codes, in the order they are listed. */
enum {
	LCM_REASON_INACTIVE = 1 << 0,	/* inactive:Nd */
	LCM_REASON_DECLINING = 1 << 1,
	LCM_REASON_ISOLATED = 1 << 2,
	LCM_REASON_UNANSWERED = 1 << 3,
	LCM_REASON_LURKER = 1 << 4,
	LCM_REASON_BEHIND = 1 << 5,
	LCM_REASON_NOT_ENOUGH_DATA = 1 << 6
};

/* The figures the rules use, fixed here and documented in lcm-engage(1). */
#define LCM_ENGAGE_TREND_DAYS 14	/* each of the two trend windows */
#define LCM_ENGAGE_DECLINE 0.5		/* trend below this ... */
#define LCM_ENGAGE_DECLINE_MIN 4	/* ... with this much activity before */
#define LCM_ENGAGE_ISOLATED_POSTS 2	/* posts with no peer at all */
#define LCM_ENGAGE_ANSWER_WAIT (48 * 3600)	/* a question waits this long */
#define LCM_ENGAGE_MIN_ACTIVE 5		/* active persons a cohort needs */

struct lcm_engage_opts {
	/* the period is [since, until): a time at until is in the next one */
	int64_t since;		/* period start, included (INT64_MIN: none) */
	int64_t until;		/* period end, excluded, and "now" of every age */
	int64_t inactive_after;	/* seconds; 14 days by default */
	int local;		/* days and weeks in the local zone, not UTC */
	int weeks;		/* list the active weeks (e->weeks): --by week, reports */
	int64_t weeks_from;	/* with weeks: list them from here (0: since) */
};

/* One person and their figures over the period. */
struct lcm_engage_person {
	int64_t id;		/* store id */
	char *person;		/* printed id: "58", "moodle:58" or a pseudonym */
	char *key;		/* "platform:external_id", what pseudonyms hash */
	char *name, *role, *cohort, *manager;	/* NULL: unknown */
	int staff;
	int64_t threads, replies, words, replies_received, peers, questions;
	int64_t answers_given, accepted;
	int64_t first_post, last_post, last_seen;	/* INT64_MIN: none */
	int64_t active_days, active_weeks, events;
	int64_t activity;		/* posts + events in the period */
	int64_t recent, before;		/* activity in the two trend windows */
	int64_t completions;		/* items completed before the end */
	int level;			/* 0-3, -1: none */
	double trend;			/* NaN: none */
	enum lcm_engage_status status;
	unsigned reasons;		/* LCM_REASON_* */
	int64_t inactive_days;		/* for inactive:Nd */
	int64_t in_degree, out_degree;	/* lcm_engage_network() */
	double betweenness;
};

/* A live public post (and the others, hidden, to keep parents known). */
struct lcm_engage_post {
	int64_t id, created;
	int32_t day;		/* day number of created (local with o.local) */
	uint32_t author;	/* index in persons, LCM_NONE: unknown */
	uint32_t thread;	/* index in threads */
	uint32_t parent;	/* index in posts, LCM_NONE: none or missing */
	int32_t words;
	unsigned char reply, question, accepted, hidden;
};

struct lcm_engage_thread {
	int64_t id, forum_id, course_id;	/* 0: none */
	uint32_t root;			/* index of its first post, LCM_NONE */
	int64_t first_peer;		/* first live reply by another, INT64_MAX */
};

/* A week in which a person posted or did something. */
struct lcm_engage_active_week {
	uint32_t person;	/* index in persons */
	int32_t week;		/* lcm_engage_week() */
};

/* Store ids first..first+n-1 to array indexes (LCM_NONE: no such id). */
struct lcm_engage_ids {
	int64_t first;
	size_t n;
	uint32_t *at;		/* NULL: ids too sparse, search instead */
};

/* Everything loaded and computed; arrays sorted by store id. */
struct lcm_engage {
	struct lcm_engage_opts o;
	struct lcm_engage_person *persons;
	size_t npersons;
	struct lcm_engage_post *posts;	/* created before the end */
	size_t nposts;
	struct lcm_engage_thread *threads;
	size_t nthreads;
	struct lcm_engage_active_week *weeks;	/* by person, then week (o.weeks) */
	size_t nweeks;
	int64_t first_activity;		/* earliest post or event, INT64_MAX */
	int several_platforms;
	int pseudonymized;		/* ids are hex digests: byte order */
	struct lcm_engage_ids person_ids, thread_ids, post_ids;
};

/*
 * Loads the store and computes every per-person figure, level and status.
 * e is filled (free with lcm_engage_release). 0, or -1 with err filled.
 */
int lcm_engage_load(struct lcm_store *st, const struct lcm_engage_opts *o,
		    struct lcm_engage *e, struct lcm_err *err);

void lcm_engage_release(struct lcm_engage *e);

/*
 * Frees the posts, threads and weeks of e, keeping its persons and
 * their figures (lcm_engage_find and lcm_engage_select still work): a
 * finished period kept to be compared with. Release e as usual.
 */
void lcm_engage_keep_persons(struct lcm_engage *e);

/*
 * The second half of lcm_engage_load (engage_status.c): completions,
 * unanswered questions, trend, levels, reasons and statuses.
 */
int lcm_engage_judge(struct lcm_store *st, struct lcm_engage *e, struct lcm_err *err);

/* Index of the person with store id, or LCM_NONE. */
size_t lcm_engage_find(const struct lcm_engage *e, int64_t id);

/* Index of the post with store id (posts are sorted by id), or LCM_NONE. */
size_t lcm_engage_find_post(const struct lcm_engage *e, int64_t id);

/*
 * Quantile p (0..1) of n sorted values, linear between closest ranks
 * (Hyndman and Fan's type 7, as R and NumPy by default). n > 0.
 */
double lcm_engage_quantile(const double *sorted, size_t n, double p);

/* Day number (days since 1970-01-01) of t, in UTC or the local zone. */
int64_t lcm_engage_day(int64_t t, int local);

/* ISO week of day number d: Monday-based week number since 1970. */
int64_t lcm_engage_week(int64_t day);

/* "2026-W47" for a week number into out (size >= 24). Returns out. */
char *lcm_engage_week_label(int64_t week, char *out);

/* "active", "at-risk", "inactive", "never", "staff". */
const char *lcm_engage_status_name(enum lcm_engage_status s);

/* The ';'-list of a person's reason codes into b (emptied first). */
void lcm_engage_reasons(const struct lcm_engage_person *p, struct lcm_buf *b);

/*
 * Replaces every person's id with the first 16 hex digits of
 * HMAC-SHA-256(key, "platform:external_id"), and drops names; managers
 * (often e-mail addresses) are replaced the same way. Borrows key.
 */
void lcm_engage_pseudonymize(struct lcm_engage *e, const char *key);

/* Which rows, in which order. */
enum lcm_engage_view {
	LCM_VIEW_ALL,		/* everyone, by person id */
	LCM_VIEW_AT_RISK,	/* at-risk, inactive, never: severity, last_seen, id */
	LCM_VIEW_PRAISE		/* non-staff who helped, best first */
};

/*
 * Sorts and selects among the n person indices in idx (in place); keeps
 * at most top (0: all). Returns how many are kept.
 */
size_t lcm_engage_select(const struct lcm_engage *e, enum lcm_engage_view v,
			 size_t *idx, size_t n, size_t top);

/* Compares two printed ids in natural order: digit runs as numbers. */
int lcm_engage_idcmp(const char *a, const char *b);

/* The order of persons a and b of e: their ids, naturally (pseudonyms
 * byte by byte, digit runs in hex meaning nothing), then the store key. */
int lcm_engage_person_cmp(const struct lcm_engage *e,
			  const struct lcm_engage_person *a,
			  const struct lcm_engage_person *b);

/*
 * The reply network of the period: in_degree, out_degree and betweenness
 * (normalised by (k-1)(k-2), k persons with an edge) for every person.
 * Exact up to LCM_ENGAGE_EXACT_BC node-edge products, else estimated
 * from a sample of sources (network.h).
 */
#define LCM_ENGAGE_EXACT_BC 200000000.0
void lcm_engage_network(struct lcm_engage *e);

/* Calls fn once per reply edge of the period (author -> parent's author). */
void lcm_engage_each_edge(const struct lcm_engage *e,
			  void (*fn)(size_t from, size_t to, size_t post, void *arg),
			  void *arg);

enum lcm_graph_format { LCM_GRAPH_GEXF, LCM_GRAPH_GRAPHML, LCM_GRAPH_DOT };

/* --graph's formats: gexf, graphml, dot. */
extern const struct lcm_choice lcm_graph_formats[];

/* "gexf", "graphml", "dot"; -1 when unknown. */
int lcm_graph_format_parse(const char *s, enum lcm_graph_format *out);

/*
 * Writes the reply network of the period to fp (borrowed): persons who
 * posted or have an edge as nodes, one weighted edge per pair with the
 * times of the first and last reply. local: times in the local zone.
 */
void lcm_engage_graph_write(const struct lcm_engage *e, enum lcm_graph_format f,
			    int local, FILE *fp);

#endif
