/*
 * lcm_formats.c - the project's own CSVs, the door for every platform
 * lcm has no importer for. Columns are documented in lcm-import(1).
 * Ids are the platform's own; the platform is the "platform" column,
 * else --platform, else "lcm".
 */
#include "input/input.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "text.h"
#include "value.h"
#include "xalloc.h"

/* A person named only by id, made when first referenced. */
static int
person_ref(struct lcm_import *im, const char *platform, const char *ext,
	   int64_t *id, struct lcm_err *err)
{
	struct lcm_person p = { 0 };

	p.platform = platform;
	p.external_id = ext;
	return lcm_in_person(im, &p, id, err);
}

static int
check_role(const char *role, struct lcm_err *err)
{
	char q[64];

	if (role && strcmp(role, "learner") != 0 && strcmp(role, "staff") != 0 &&
	    strcmp(role, "expert") != 0)
		return lcm_error(err, "column 'role': not learner, staff or expert: '%s'",
				 lcm_err_quote(role, q, sizeof(q)));
	return 0;
}

/* persons: id,name,email,role,cohort,manager[,platform] */
enum { P_ID, P_NAME, P_EMAIL, P_ROLE, P_COHORT, P_MANAGER, P_PLATFORM, P_N };
static const struct lcm_column person_cols[P_N] = {
	[P_ID] = { "id|person", 1 }, [P_NAME] = { "name", 1 },
	[P_EMAIL] = { "email", 0 }, [P_ROLE] = { "role", 0 },
	[P_COHORT] = { "cohort", 0 }, [P_MANAGER] = { "manager", 0 },
	[P_PLATFORM] = { "platform", 0 },
};

static int
person_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct lcm_person p = { 0 };
	int64_t id;

	if (lcm_in_need("id", v[P_ID], err) < 0 ||
	    check_role(lcm_in_opt(v[P_ROLE]), err) < 0)
		return -1;
	p.platform = lcm_in_platform(im, &lcm_fmt_lcm_persons, v[P_PLATFORM]);
	p.external_id = v[P_ID];
	p.name = lcm_in_opt(v[P_NAME]);
	p.email = lcm_in_opt(v[P_EMAIL]);
	p.role = lcm_in_opt(v[P_ROLE]);
	p.cohort = lcm_in_opt(v[P_COHORT]);
	p.manager = lcm_in_opt(v[P_MANAGER]);
	return lcm_in_person(im, &p, &id, err);
}

const struct lcm_input_format lcm_fmt_lcm_persons = {
	.name = "lcm-persons", .platform = NULL,
	.cols = person_cols, .ncols = P_N, .row = person_row, .finish = NULL
};

/* posts: id,thread,parent,author,created,subject,body,course,forum
 *        [,modified,deleted,private,accepted,author_name,platform] */
enum { T_ID, T_THREAD, T_PARENT, T_AUTHOR, T_CREATED, T_SUBJECT, T_BODY,
	T_COURSE, T_FORUM, T_MODIFIED, T_DELETED, T_PRIVATE, T_ACCEPTED,
	T_AUTHOR_NAME, T_PLATFORM, T_N };
static const struct lcm_column post_cols[T_N] = {
	[T_ID] = { "id|post", 1 }, [T_THREAD] = { "thread", 1 },
	[T_PARENT] = { "parent", 0 }, [T_AUTHOR] = { "author", 1 },
	[T_CREATED] = { "created", 1 }, [T_SUBJECT] = { "subject|title", 0 },
	[T_BODY] = { "body|message", 0 }, [T_COURSE] = { "course", 0 },
	[T_FORUM] = { "forum", 0 }, [T_MODIFIED] = { "modified", 0 },
	[T_DELETED] = { "deleted", 0 }, [T_PRIVATE] = { "private", 0 },
	[T_ACCEPTED] = { "accepted", 0 }, [T_AUTHOR_NAME] = { "author_name", 0 },
	[T_PLATFORM] = { "platform", 0 },
};

static int
post_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct lcm_person author = { 0 };
	struct lcm_thread th = { 0 };
	struct lcm_post p = { 0 };
	const char *platform = lcm_in_platform(im, &lcm_fmt_lcm_posts, v[T_PLATFORM]);
	const char *forum = lcm_in_opt(v[T_FORUM]) ? v[T_FORUM] : im->opts->forum;
	int64_t created, modified = 0, course = 0, forum_id = 0, thread_id, post_id;
	int deleted, private_, accepted, root, rc = -1;
	enum lcm_outcome o;
	char *body = NULL;

	if (lcm_in_need("id", v[T_ID], err) < 0 ||
	    lcm_in_need("thread", v[T_THREAD], err) < 0 ||
	    lcm_in_need("author", v[T_AUTHOR], err) < 0 ||
	    lcm_in_time(im, "created", v[T_CREATED], &created, err) < 0 ||
	    (lcm_in_opt(v[T_MODIFIED]) &&
	     lcm_in_time(im, "modified", v[T_MODIFIED], &modified, err) < 0) ||
	    lcm_in_bool("deleted", v[T_DELETED], &deleted, err) < 0 ||
	    lcm_in_bool("private", v[T_PRIVATE], &private_, err) < 0 ||
	    lcm_in_bool("accepted", v[T_ACCEPTED], &accepted, err) < 0)
		return -1;
	root = !lcm_in_opt(v[T_PARENT]) || strcmp(v[T_PARENT], "0") == 0;
	if (lcm_in_course(im, platform, lcm_in_opt(v[T_COURSE]), &course, err) < 0)
		return -1;
	if (forum && lcm_in_forum(im, platform, lcm_in_opt(v[T_COURSE]) ? v[T_COURSE] :
				  im->opts->course, course, forum, &forum_id, err) < 0)
		return -1;
	author.platform = platform;
	author.external_id = v[T_AUTHOR];
	author.name = lcm_in_opt(v[T_AUTHOR_NAME]);
	if (lcm_in_person(im, &author, &p.author_id, err) < 0)
		return -1;
	th.platform = platform;
	th.external_id = v[T_THREAD];
	th.forum_id = forum_id;
	if (root) {
		th.title = lcm_in_opt(v[T_SUBJECT]);
		th.author_id = p.author_id;
		th.created = created;
		th.has_created = 1;
	}
	if (lcm_in_thread(im, &th, root, &thread_id, err) < 0)
		return -1;
	body = lcm_in_body(v[T_BODY], 1);
	p.platform = platform;
	p.external_id = v[T_ID];
	p.thread_id = thread_id;
	p.parent_ext = root ? NULL : v[T_PARENT];
	p.created = created;
	p.modified = modified;
	p.has_modified = lcm_in_opt(v[T_MODIFIED]) != NULL;
	p.subject = lcm_in_opt(v[T_SUBJECT]);
	p.body = body;
	p.words = lcm_text_words(body);
	p.is_question = lcm_text_is_question(body) ||
		(root && p.subject && lcm_text_is_question(p.subject));
	p.deleted = deleted;
	p.private_ = private_;
	p.accepted = accepted;
	if (lcm_store_post(im->st, &p, &post_id, &o, err) == 0) {
		lcm_in_count(im, LCM_K_POST, o);
		rc = 0;
	}
	free(body);
	return rc;
}

const struct lcm_input_format lcm_fmt_lcm_posts = {
	.name = "lcm-posts", .platform = NULL,
	.cols = post_cols, .ncols = T_N, .row = post_row, .finish = NULL
};

/* events: person,time,verb[,object,course,id,platform] */
enum { E_PERSON, E_TIME, E_VERB, E_OBJECT, E_COURSE, E_ID, E_PLATFORM, E_N };
static const struct lcm_column event_cols[E_N] = {
	[E_PERSON] = { "person", 1 }, [E_TIME] = { "time", 1 },
	[E_VERB] = { "verb", 1 }, [E_OBJECT] = { "object", 0 },
	[E_COURSE] = { "course", 0 }, [E_ID] = { "id", 0 },
	[E_PLATFORM] = { "platform", 0 },
};

static int
event_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct lcm_event e = { 0 };
	enum lcm_outcome o;
	struct lcm_buf ext;
	uint64_t h = LCM_FNV_INIT;
	int i, rc;

	e.platform = lcm_in_platform(im, &lcm_fmt_lcm_events, v[E_PLATFORM]);
	if (lcm_in_need("person", v[E_PERSON], err) < 0 ||
	    lcm_in_time(im, "time", v[E_TIME], &e.ts, err) < 0 ||
	    lcm_in_need("verb", v[E_VERB], err) < 0 ||
	    person_ref(im, e.platform, v[E_PERSON], &e.person_id, err) < 0 ||
	    lcm_in_course(im, e.platform, lcm_in_opt(v[E_COURSE]), &e.course_id, err) < 0 ||
	    lcm_store_term(im->st, v[E_VERB], &e.verb, err) < 0 ||
	    (lcm_in_opt(v[E_OBJECT]) &&
	     lcm_store_term(im->st, v[E_OBJECT], &e.object, err) < 0))
		return -1;
	lcm_buf_init(&ext);
	if (lcm_in_opt(v[E_ID])) {
		lcm_buf_adds(&ext, v[E_ID]);
	} else {
		/* no id: the same person, time, verb and object is the same event */
		for (i = 0; i < E_ID; i++) {
			if (v[i])
				h = lcm_fnv1a(h, v[i], strlen(v[i]));
			h = lcm_fnv1a(h, "\x1f", 1);
		}
		lcm_buf_printf(&ext, "%016llx", (unsigned long long)h);
	}
	e.external_id = ext.data;
	rc = lcm_store_event(im->st, &e, &o, err);
	if (rc == 0)
		lcm_in_count(im, LCM_K_EVENT, o);
	lcm_buf_release(&ext);
	return rc;
}

const struct lcm_input_format lcm_fmt_lcm_events = {
	.name = "lcm-events", .platform = NULL,
	.cols = event_cols, .ncols = E_N, .row = event_row, .finish = NULL
};

/* The store id of a catalogue item, made when first referenced. */
static int
item_ref(struct lcm_import *im, const char *platform, const char *ext,
	 int64_t *id, struct lcm_err *err)
{
	struct lcm_item it = { 0 };
	enum lcm_outcome o;
	int found;

	/* an existing item keeps its details: look before writing */
	it.platform = platform;
	it.external_id = ext;
	found = lcm_store_item_find(im->st, platform, ext, id, err);
	if (found)
		return found < 0 ? -1 : 0;
	return lcm_store_item(im->st, &it, id, &o, err);
}

/* completions: person,item,state[,time,score,platform] */
enum { C_PERSON, C_ITEM, C_STATE, C_TIME, C_SCORE, C_PLATFORM, C_N };
static const struct lcm_column completion_cols[C_N] = {
	[C_PERSON] = { "person", 1 }, [C_ITEM] = { "item", 1 },
	[C_STATE] = { "state", 1 }, [C_TIME] = { "time", 0 },
	[C_SCORE] = { "score", 0 }, [C_PLATFORM] = { "platform", 0 },
};

static int
completion_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	const char *platform = lcm_in_platform(im, &lcm_fmt_lcm_completions, v[C_PLATFORM]);
	int64_t person, item, ts = 0;
	double score = 0;
	enum lcm_outcome o;

	if (lcm_in_need("person", v[C_PERSON], err) < 0 ||
	    lcm_in_need("item", v[C_ITEM], err) < 0 ||
	    lcm_in_need("state", v[C_STATE], err) < 0 ||
	    (lcm_in_opt(v[C_TIME]) && lcm_in_time(im, "time", v[C_TIME], &ts, err) < 0))
		return -1;
	if (lcm_in_opt(v[C_SCORE]) && lcm_value_score("score", v[C_SCORE], &score, err) < 0)
		return -1;
	if (person_ref(im, platform, v[C_PERSON], &person, err) < 0 ||
	    item_ref(im, platform, v[C_ITEM], &item, err) < 0 ||
	    lcm_store_completion(im->st, person, item, v[C_STATE], ts,
				 lcm_in_opt(v[C_TIME]) != NULL, score,
				 lcm_in_opt(v[C_SCORE]) != NULL, &o, err) < 0)
		return -1;
	lcm_in_count(im, LCM_K_COMPLETION, o);
	return 0;
}

const struct lcm_input_format lcm_fmt_lcm_completions = {
	.name = "lcm-completions", .platform = NULL,
	.cols = completion_cols, .ncols = C_N, .row = completion_row, .finish = NULL
};

/* catalogue: id,title,format,duration_min,level,skills,prereqs,language,url */
enum { I_ID, I_TITLE, I_FORMAT, I_DURATION, I_LEVEL, I_SKILLS, I_PREREQS,
	I_LANGUAGE, I_URL, I_PLATFORM, I_N };
static const struct lcm_column item_cols[I_N] = {
	[I_ID] = { "id|item", 1 }, [I_TITLE] = { "title", 1 },
	[I_FORMAT] = { "format", 0 }, [I_DURATION] = { "duration_min", 1 },
	[I_LEVEL] = { "level", 0 }, [I_SKILLS] = { "skills", 0 },
	[I_PREREQS] = { "prereqs", 0 }, [I_LANGUAGE] = { "language", 0 },
	[I_URL] = { "url", 0 }, [I_PLATFORM] = { "platform", 0 },
};

static int
item_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct lcm_item it = { 0 };
	enum lcm_outcome o;
	int64_t id;

	/* the ranges lcm-pathway reads back (value.h) */
	if (lcm_in_need("id", v[I_ID], err) < 0 ||
	    lcm_value_duration("duration_min", v[I_DURATION], &it.duration_min, err) < 0 ||
	    (lcm_in_opt(v[I_LEVEL]) && lcm_value_level("level", v[I_LEVEL], &it.level, err) < 0))
		return -1;
	it.platform = lcm_in_platform(im, &lcm_fmt_lcm_catalogue, v[I_PLATFORM]);
	it.external_id = v[I_ID];
	it.title = lcm_in_opt(v[I_TITLE]);
	it.format = lcm_in_opt(v[I_FORMAT]);
	it.has_duration = 1;
	it.has_level = lcm_in_opt(v[I_LEVEL]) != NULL;
	it.language = lcm_in_opt(v[I_LANGUAGE]);
	it.url = lcm_in_opt(v[I_URL]);
	if (lcm_store_item(im->st, &it, &id, &o, err) < 0 ||
	    lcm_store_item_skills(im->st, id, v[I_SKILLS], err) < 0 ||
	    lcm_store_item_prereqs(im->st, id, v[I_PREREQS], err) < 0)
		return -1;
	lcm_in_count(im, LCM_K_ITEM, o);
	return 0;
}

const struct lcm_input_format lcm_fmt_lcm_catalogue = {
	.name = "lcm-catalogue", .platform = NULL,
	.cols = item_cols, .ncols = I_N, .row = item_row, .finish = NULL
};

/* skills: person,skill,kind[,platform] */
enum { S_PERSON, S_SKILL, S_KIND, S_PLATFORM, S_N };
static const struct lcm_column skill_cols[S_N] = {
	[S_PERSON] = { "person", 1 }, [S_SKILL] = { "skill", 1 },
	[S_KIND] = { "kind", 1 }, [S_PLATFORM] = { "platform", 0 },
};

static int
skill_row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	const char *platform = lcm_in_platform(im, &lcm_fmt_lcm_skills, v[S_PLATFORM]);
	const char *kind = v[S_KIND];
	enum lcm_outcome o;
	int64_t person;
	char q[64];

	if (lcm_in_need("person", v[S_PERSON], err) < 0 ||
	    lcm_in_need("skill", v[S_SKILL], err) < 0)
		return -1;
	if (!kind || (strcmp(kind, "interest") != 0 && strcmp(kind, "goal") != 0 &&
		      strcmp(kind, "has") != 0))
		return lcm_error(err, "column 'kind': not interest, goal or has: '%s'",
				 lcm_err_quote(kind ? kind : "", q, sizeof(q)));
	if (person_ref(im, platform, v[S_PERSON], &person, err) < 0 ||
	    lcm_store_person_skill(im->st, person, v[S_SKILL], kind, &o, err) < 0)
		return -1;
	lcm_in_count(im, LCM_K_SKILL, o);
	return 0;
}

const struct lcm_input_format lcm_fmt_lcm_skills = {
	.name = "lcm-skills", .platform = NULL,
	.cols = skill_cols, .ncols = S_N, .row = skill_row, .finish = NULL
};
