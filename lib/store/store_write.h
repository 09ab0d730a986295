/*
 * store_write.h - writing imported rows into the store, idempotently.
 *
 * Every write is an upsert by (platform, external_id): a new row is
 * inserted, a known row is updated only when a value differs, so a second
 * import of the same file reports "0 new, 0 updated". Strings are
 * borrowed for the duration of the call; NULL means unknown (and, for
 * persons and threads, keeps what the store already knows).
 * Call inside a transaction (lcm_store_begin) for speed.
 */
#ifndef LCM_STORE_WRITE_H
#define LCM_STORE_WRITE_H

#include <stdint.h>

#include "buf.h"
#include "store.h"

/* What an upsert did. */
enum lcm_outcome {
	LCM_SAME = 0,
	LCM_NEW,
	LCM_UPDATED
};

/*
 * A person as one platform knows them. The store keeps each platform's
 * account (person_link) and derives the person from all the accounts
 * linked to it (see identity.h): the first non-NULL value of each field
 * in the order the accounts were first seen, and the strongest role
 * (staff, then expert, then learner).
 */
struct lcm_person {
	const char *platform, *external_id;
	const char *name, *email, *role, *cohort, *manager;	/* NULL: keep */
	const char *username;	/* login name, for --link-by username; NULL: keep */
};

struct lcm_thread {
	const char *platform, *external_id;
	int64_t forum_id;		/* 0: keep */
	const char *title;		/* NULL: keep */
	int64_t author_id;		/* 0: keep */
	int64_t created;
	int has_created;
};

struct lcm_post {
	const char *platform, *external_id;
	int64_t thread_id;
	const char *parent_ext;		/* NULL for a thread's first post */
	int64_t author_id;		/* 0: unknown */
	int64_t created, modified;
	int has_modified;
	const char *subject, *body;
	int words, is_question, deleted, private_, accepted;
};

struct lcm_event {
	const char *platform, *external_id;
	int64_t person_id, course_id;	/* 0: none */
	int64_t ts;
	int64_t verb, object;		/* term ids (lcm_store_term); object 0: none */
};

struct lcm_item {
	const char *platform, *external_id;
	const char *title, *format, *language, *url;
	int64_t duration_min, level;
	int has_duration, has_level;
};

/* Each returns 0 and sets *id (and *outcome when not NULL), or -1. */
int lcm_store_person(struct lcm_store *st, const struct lcm_person *p,
		     int64_t *id, enum lcm_outcome *outcome, struct lcm_err *err);
/*
 * Derives person id's fields from its links again (after a merge); sets
 * *changed (may be NULL) when the row changed. 0 or -1.
 */
int lcm_store_person_derive(struct lcm_store *st, int64_t id, int *changed,
			    struct lcm_err *err);
/* The first person of platform named name: 1 found (*id), 0 not, -1 error. */
int lcm_store_person_by_name(struct lcm_store *st, const char *platform,
			     const char *name, int64_t *id, struct lcm_err *err);
/* The same, giving the person's external id in ext. */
int lcm_store_person_ext_by_name(struct lcm_store *st, const char *platform,
				 const char *name, struct lcm_buf *ext,
				 struct lcm_err *err);
int lcm_store_course(struct lcm_store *st, const char *platform,
		     const char *external_id, const char *name, int64_t *id,
		     struct lcm_err *err);
int lcm_store_forum(struct lcm_store *st, const char *platform,
		    const char *external_id, int64_t course_id, const char *name,
		    int64_t *id, struct lcm_err *err);
int lcm_store_thread(struct lcm_store *st, const struct lcm_thread *t,
		     int64_t *id, enum lcm_outcome *outcome, struct lcm_err *err);
int lcm_store_post(struct lcm_store *st, const struct lcm_post *p,
		   int64_t *id, enum lcm_outcome *outcome, struct lcm_err *err);
int lcm_store_event(struct lcm_store *st, const struct lcm_event *e,
		    enum lcm_outcome *outcome, struct lcm_err *err);
/*
 * Finds a post by origin: 1 (and *id, *thread_id; either may be NULL),
 * 0 when there is none, -1 on error.
 */
int lcm_store_post_find(struct lcm_store *st, const char *platform,
			const char *external_id, int64_t *id, int64_t *thread_id,
			struct lcm_err *err);
/* Finds a thread by origin: 1 (and *id), 0 when there is none, -1. */
int lcm_store_thread_find(struct lcm_store *st, const char *platform,
			  const char *external_id, int64_t *id, struct lcm_err *err);
/*
 * The external id of a thread's opening post (the earliest post without
 * a parent) into ext: 1 found, 0 none, -1 on error.
 */
int lcm_store_thread_root(struct lcm_store *st, int64_t thread_id,
			  struct lcm_buf *ext, struct lcm_err *err);
int lcm_store_item(struct lcm_store *st, const struct lcm_item *it,
		   int64_t *id, enum lcm_outcome *outcome, struct lcm_err *err);
/* 1 and *id when the item exists, 0 when not, -1 on error. */
int lcm_store_item_find(struct lcm_store *st, const char *platform,
			const char *external_id, int64_t *id, struct lcm_err *err);
/* Replaces an item's skills or prerequisites with a ';'-list. */
int lcm_store_item_skills(struct lcm_store *st, int64_t item_id,
			  const char *list, struct lcm_err *err);
int lcm_store_item_prereqs(struct lcm_store *st, int64_t item_id,
			   const char *list, struct lcm_err *err);
int lcm_store_completion(struct lcm_store *st, int64_t person_id,
			 int64_t item_id, const char *state, int64_t ts,
			 int has_ts, double score, int has_score,
			 enum lcm_outcome *outcome, struct lcm_err *err);
int lcm_store_person_skill(struct lcm_store *st, int64_t person_id,
			   const char *skill, const char *kind,
			   enum lcm_outcome *outcome, struct lcm_err *err);

/*
 * Like lcm_store_completion, but a known completion is replaced only by
 * a later one (ts greater, or equal and a greater state), so that the
 * statements of a log give the same result in any order and twice.
 */
int lcm_store_completion_latest(struct lcm_store *st, int64_t person_id,
				int64_t item_id, const char *state, int64_t ts,
				double score, int has_score,
				enum lcm_outcome *outcome, struct lcm_err *err);

/* Id of a dictionary term, added when new. Cached in memory. */
int lcm_store_term(struct lcm_store *st, const char *text, int64_t *id,
		   struct lcm_err *err);
/* Sets a term's display name (label borrowed; NULL clears it). */
int lcm_store_term_label(struct lcm_store *st, int64_t id, const char *label,
			 struct lcm_err *err);

/*
 * Voids the row imported from (platform, external_id): its event is
 * deleted (with the completion it made, when that completion is still
 * the one of the same time), its post marked deleted, and the id is
 * remembered so that the row is not imported again later. Sets *found
 * (may be NULL) to 1 when something was there to void. 0 or -1.
 */
int lcm_store_void(struct lcm_store *st, const char *platform,
		   const char *external_id, int *found, struct lcm_err *err);
/* 1 when (platform, external_id) was voided, 0 when not, -1 on error. */
int lcm_store_is_voided(struct lcm_store *st, const char *platform,
			const char *external_id, struct lcm_err *err);

/* Links replies imported before their parent (post.parent_ext). */
int lcm_store_link_parents(struct lcm_store *st, struct lcm_err *err);

/* Records an imported file. */
int lcm_store_source(struct lcm_store *st, const char *platform,
		     const char *format, const char *path, int64_t when,
		     int64_t rows, struct lcm_err *err);

/* Frees the prepared statements and caches (lcm_store_close calls it). */
void lcm_store_stmts_free(struct lcm_store *st);

#endif
