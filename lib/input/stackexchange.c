/*
 * stackexchange.c - a StackExchange data dump (the quarterly archive of
 * a site, or "Stack Overflow for Teams"): one XML file per table, each
 * a root element (<posts>, <users>, <comments> ...) holding one
 * <row .../> per record, its columns as attributes. Streamed with
 * expat: a whole site is gigabytes.
 *
 * A question (PostTypeId 1) is a thread and its opening post; an answer
 * (PostTypeId 2) a post replying to its question (ParentId), accepted
 * when the question's AcceptedAnswerId names it; a comment a reply to
 * the post it is on. Users are persons (no e-mail in a dump). Ids are
 * per site, so every external id is "SITE/ID" ("SITE/c" + Id for
 * comments). Other post types (tag wikis, nominations) are left out.
 */
#include "input/chat.h"

#include <errno.h>
#include <expat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "reaction.h"
#include "related.h"
#include "tag.h"
#include "text.h"
#include "xalloc.h"

#define PLATFORM "stackexchange"

/* The attributes read, indexes into a row's values. */
enum {
	A_ID, A_POSTTYPE, A_PARENT, A_ACCEPTED, A_CREATED, A_TITLE, A_BODY,
	A_OWNER, A_OWNERNAME, A_EDITED, A_POSTID, A_TEXT, A_USERID,
	A_USERNAME, A_DISPLAYNAME, A_SCORE, A_TAGS, A_RELATED, A_LINKTYPE, A_MAX
};

static const char *const attr_names[A_MAX] = {
	"Id", "PostTypeId", "ParentId", "AcceptedAnswerId", "CreationDate",
	"Title", "Body", "OwnerUserId", "OwnerDisplayName", "LastEditDate",
	"PostId", "Text", "UserId", "UserDisplayName", "DisplayName",
	"Score", "Tags", "RelatedPostId", "LinkTypeId"
};

/* The tables of a dump; the first four are imported. */
enum table { T_NONE, T_POSTS, T_USERS, T_COMMENTS, T_LINKS, T_OTHER };

static const struct {
	const char *root;
	enum table t;
} tables[] = {
	{ "posts", T_POSTS }, { "users", T_USERS }, { "comments", T_COMMENTS },
	{ "votes", T_OTHER }, { "postlinks", T_LINKS }, { "tags", T_OTHER },
	{ "badges", T_OTHER }, { "posthistory", T_OTHER },
};

/* One file's reading. */
struct se {
	struct lcm_import *im;
	XML_Parser parser;
	enum table table;
	int depth;
	int failed;			/* a row or the root was refused: err is set */
	struct lcm_err *err;
	char *site;			/* owned */
	int64_t course, forum;
	/* answers named by a question's AcceptedAnswerId, one bit per id:
	 * answers come after their question in a dump */
	unsigned char *accepted;
	size_t accepted_len;
};

/* Sets or tests bit id of the accepted answers (ids are small integers). */
static void
accepted_set(struct se *s, unsigned long long id)
{
	size_t byte = (size_t)(id / 8), n;

	if (byte >= s->accepted_len) {
		n = s->accepted_len ? s->accepted_len : 4096;
		while (n <= byte)
			n *= 2;
		s->accepted = lcm_xrealloc(s->accepted, n);
		memset(s->accepted + s->accepted_len, 0, n - s->accepted_len);
		s->accepted_len = n;
	}
	s->accepted[byte] |= (unsigned char)(1u << (id % 8));
}

static int
accepted_has(const struct se *s, unsigned long long id)
{
	size_t byte = (size_t)(id / 8);

	return byte < s->accepted_len && (s->accepted[byte] & (1u << (id % 8)));
}

/* A dump id: digits (a leading '-' for the Community user, -1). */
static int
dump_id(const char *name, const char *v, int neg, long long *out,
	struct lcm_err *err)
{
	char q[64], *end;

	if (!v || !*v)
		return lcm_error(err, "attribute '%s' missing", name);
	errno = 0;
	*out = strtoll(v, &end, 10);
	if (errno || *end || end == v || (!neg && *out < 0) ||
	    !((*v >= '0' && *v <= '9') || *v == '-'))
		return lcm_error(err, "attribute '%s': not an id: '%s'", name,
				 lcm_err_quote(v, q, sizeof(q)));
	return 0;
}

/* A dump time: ISO 8601 without a zone, which is UTC. */
static int
dump_time(const char *name, const char *v, int64_t *out, struct lcm_err *err)
{
	struct lcm_err e;
	char buf[64], q[64];

	if (!v || !*v)
		return lcm_error(err, "attribute '%s' missing", name);
	lcm_err_init(&e);
	snprintf(buf, sizeof(buf), "%sZ", v);
	if (strlen(v) > 40 || strchr(v, 'Z') || strchr(v + 10, '+') ||
	    lcm_time_parse_iso(buf, out, &e) < 0)
		return lcm_error(err, "attribute '%s': not a time: '%s'", name,
				 lcm_err_quote(v, q, sizeof(q)));
	return 0;
}

/*
 * The person of a user id (or, for a deleted account, the display name
 * the row keeps) into *id; 0 when the row has neither.
 */
static int
author(struct se *s, const char *uid, const char *name, int64_t *id,
       struct lcm_err *err)
{
	struct lcm_person p = { 0 };
	struct lcm_buf ext;
	long long n;
	int rc = 0;

	*id = 0;
	if (!lcm_in_opt(uid) && !lcm_in_opt(name))
		return 0;
	lcm_buf_init(&ext);
	if (lcm_in_opt(uid)) {
		if (dump_id(attr_names[A_OWNER], uid, 1, &n, err) < 0) {
			rc = -1;
			goto out;
		}
		lcm_buf_printf(&ext, "%s/%lld", s->site, n);
	} else {
		lcm_buf_printf(&ext, "%s/name:%s", s->site, name);
		p.name = name;
	}
	p.platform = PLATFORM;
	p.external_id = ext.data;
	rc = lcm_in_person(s->im, &p, id, err);
out:
	lcm_buf_release(&ext);
	return rc;
}

/* The site's course and forum, made on the first row that needs them. */
static int
site(struct se *s, struct lcm_err *err)
{
	if (s->forum)
		return 0;
	if (lcm_store_course(s->im->st, PLATFORM, s->site, s->site, &s->course, err) < 0)
		return -1;
	return lcm_in_forum(s->im, PLATFORM, NULL, s->course, s->site, &s->forum, err);
}

/* A row of Posts.xml: a question or an answer; other types are left. */
static int
post_row(struct se *s, const char *const *v, struct lcm_err *err)
{
	struct lcm_thread t = { 0 };
	struct lcm_post p = { 0 };
	struct lcm_buf ext, thread, parent;
	long long id, type, parent_id = 0, acc = 0;
	int64_t created, modified = 0, post;
	enum lcm_outcome o;
	char *body = NULL;
	int rc = -1;

	lcm_buf_init(&ext);
	lcm_buf_init(&thread);
	lcm_buf_init(&parent);
	/* everything checked before anything is written */
	if (dump_id("Id", v[A_ID], 0, &id, err) < 0 ||
	    dump_id("PostTypeId", v[A_POSTTYPE], 0, &type, err) < 0)
		goto out;
	if (type != 1 && type != 2) {
		rc = 0;
		goto out;
	}
	if (dump_time("CreationDate", v[A_CREATED], &created, err) < 0 ||
	    (lcm_in_opt(v[A_EDITED]) &&
	     dump_time("LastEditDate", v[A_EDITED], &modified, err) < 0) ||
	    (type == 2 && dump_id("ParentId", v[A_PARENT], 0, &parent_id, err) < 0) ||
	    (type == 1 && lcm_in_opt(v[A_ACCEPTED]) &&
	     dump_id("AcceptedAnswerId", v[A_ACCEPTED], 0, &acc, err) < 0))
		goto out;
	if (site(s, err) < 0 || author(s, v[A_OWNER], v[A_OWNERNAME], &p.author_id, err) < 0)
		goto out;
	lcm_buf_printf(&ext, "%s/%lld", s->site, id);
	lcm_buf_printf(&thread, "%s/%lld", s->site, type == 1 ? id : parent_id);
	t.platform = PLATFORM;
	t.external_id = thread.data;
	if (type == 1) {
		t.forum_id = s->forum;
		t.title = v[A_TITLE] ? v[A_TITLE] : "";
		t.author_id = p.author_id;
		t.created = created;
		t.has_created = 1;
		if (acc)
			accepted_set(s, (unsigned long long)acc);
	}
	if (lcm_in_thread(s->im, &t, type == 1, &p.thread_id, err) < 0)
		goto out;
	body = lcm_in_body(v[A_BODY], 1);
	p.platform = PLATFORM;
	p.external_id = ext.data;
	p.parent_ext = type == 2 ? thread.data : NULL;
	p.created = created;
	p.modified = modified;
	p.has_modified = modified != 0;
	p.subject = type == 1 ? v[A_TITLE] : NULL;
	p.body = body;
	p.words = lcm_text_words(body);
	/* a question is one whatever its punctuation */
	p.is_question = type == 1;
	p.accepted = type == 2 && accepted_has(s, (unsigned long long)id);
	if (lcm_store_post(s->im->st, &p, &post, &o, err) < 0)
		goto out;
	/* the net votes (up less down) the dump gives each post */
	if (lcm_in_opt(v[A_SCORE])) {
		char *end;
		long long score = strtoll(v[A_SCORE], &end, 10);

		if (!*end && lcm_reaction_put(s->im->st, post, "score", score,
					      "stackexchange:Score", err) < 0)
			goto out;
	}
	/* a question's tags, the thread's: "<a><b>" or "|a|b|" */
	if (type == 1) {
		const char *tags[64];
		char *buf;
		size_t n = lcm_tags_split_se(v[A_TAGS], &buf, tags, 64);
		int k = lcm_tags_put(s->im->st, p.thread_id, tags, n, "stackexchange:Tags", err);

		free(buf);
		if (k < 0)
			goto out;
	}
	lcm_in_count(s->im, LCM_K_POST, o);
	rc = 0;
out:
	free(body);
	lcm_buf_release(&ext);
	lcm_buf_release(&thread);
	lcm_buf_release(&parent);
	return rc;
}

/* A row of Users.xml: a person, by id, with the display name. */
static int
user_row(struct se *s, const char *const *v, struct lcm_err *err)
{
	struct lcm_person p = { 0 };
	struct lcm_buf ext;
	long long id;
	int64_t pid;
	int rc = -1;

	lcm_buf_init(&ext);
	if (dump_id("Id", v[A_ID], 1, &id, err) < 0)
		goto out;
	lcm_buf_printf(&ext, "%s/%lld", s->site, id);
	p.platform = PLATFORM;
	p.external_id = ext.data;
	p.name = lcm_in_opt(v[A_DISPLAYNAME]);
	rc = lcm_in_person(s->im, &p, &pid, err);
out:
	lcm_buf_release(&ext);
	return rc;
}

/*
 * A row of Comments.xml: a reply to its post, in that post's thread.
 * A comment on a post the store does not hold (a tag wiki, a post
 * deleted before the dump, Posts.xml not imported yet) is left out.
 */
static int
comment_row(struct se *s, const char *const *v, struct lcm_err *err)
{
	struct lcm_post p = { 0 };
	struct lcm_buf ext, parent;
	long long id, post_id;
	int64_t created, post;
	enum lcm_outcome o;
	char *body = NULL;
	int rc = -1, found;

	lcm_buf_init(&ext);
	lcm_buf_init(&parent);
	if (dump_id("Id", v[A_ID], 0, &id, err) < 0 ||
	    dump_id("PostId", v[A_POSTID], 0, &post_id, err) < 0 ||
	    dump_time("CreationDate", v[A_CREATED], &created, err) < 0)
		goto out;
	lcm_buf_printf(&parent, "%s/%lld", s->site, post_id);
	found = lcm_store_post_find(s->im->st, PLATFORM, parent.data, NULL,
				    &p.thread_id, err);
	if (found <= 0) {
		rc = found;
		goto out;
	}
	if (author(s, v[A_USERID], v[A_USERNAME], &p.author_id, err) < 0)
		goto out;
	lcm_buf_printf(&ext, "%s/c%lld", s->site, id);
	/* comments are Markdown-lite, read as plain text */
	body = lcm_in_body(v[A_TEXT], 0);
	p.platform = PLATFORM;
	p.external_id = ext.data;
	p.parent_ext = parent.data;
	p.created = created;
	p.body = body;
	p.words = lcm_text_words(body);
	p.is_question = lcm_text_is_question(body);
	if (lcm_store_post(s->im->st, &p, &post, &o, err) < 0)
		goto out;
	lcm_in_count(s->im, LCM_K_POST, o);
	rc = 0;
out:
	free(body);
	lcm_buf_release(&ext);
	lcm_buf_release(&parent);
	return rc;
}

/*
 * A row of PostLinks.xml: question PostId is a duplicate of (LinkTypeId
 * 3) or linked to (1) question RelatedPostId, kept between their
 * threads. A link to a post the store does not hold, or of another
 * type, is left out.
 */
static int
link_row(struct se *s, const char *const *v, struct lcm_err *err)
{
	struct lcm_buf a, b;
	long long from, to, type;
	int64_t ta = 0, tb = 0;
	int rc = -1, k;

	if (dump_id("PostId", v[A_POSTID], 0, &from, err) < 0 ||
	    dump_id("RelatedPostId", v[A_RELATED], 0, &to, err) < 0 ||
	    dump_id("LinkTypeId", v[A_LINKTYPE], 0, &type, err) < 0)
		return -1;
	if (type != 1 && type != 3)
		return 0;
	lcm_buf_init(&a);
	lcm_buf_init(&b);
	lcm_buf_printf(&a, "%s/%lld", s->site, from);
	lcm_buf_printf(&b, "%s/%lld", s->site, to);
	if ((k = lcm_store_post_find(s->im->st, PLATFORM, a.data, NULL, &ta, err)) > 0)
		k = lcm_store_post_find(s->im->st, PLATFORM, b.data, NULL, &tb, err);
	if (k <= 0)
		rc = k;
	else if (ta == tb)
		rc = 0;		/* an answer linking its own question */
	else
		rc = lcm_related_put(s->im->st, ta, tb, type == 3 ? "duplicate" : "linked",
				     "stackexchange:PostLinks", err);
	lcm_buf_release(&a);
	lcm_buf_release(&b);
	return rc;
}

/* The row callback lcm_input_feed calls: the table is in im->state. */
static int
row(struct lcm_import *im, const char *const *v, struct lcm_err *err)
{
	struct se *s = im->state;

	switch (s->table) {
	case T_POSTS: return post_row(s, v, err);
	case T_USERS: return user_row(s, v, err);
	case T_COMMENTS: return comment_row(s, v, err);
	case T_LINKS: return link_row(s, v, err);
	default: return 0;
	}
}

const struct lcm_input_format lcm_fmt_stackexchange = {
	"stackexchange", PLATFORM, NULL, 0, row, NULL, NULL
};

/* Stops the parse on a refused row or root: err says why. */
static void
stop(struct se *s)
{
	s->failed = 1;
	XML_StopParser(s->parser, XML_FALSE);
}

/* The row as the rejects file shows it: its Id, for finding it. */
static char *
raw_row(const char *const *v)
{
	struct lcm_buf b;

	lcm_buf_init(&b);
	lcm_buf_printf(&b, "<row Id=\"%s\" />", v[A_ID] ? v[A_ID] : "");
	return lcm_buf_detach(&b);
}

static void XMLCALL
on_start(void *data, const XML_Char *name, const XML_Char **attrs)
{
	struct se *s = data;
	const char *v[A_MAX] = { 0 };
	char q[64];
	size_t i;
	int a;

	if (s->failed)
		return;
	s->depth++;
	if (s->depth == 1) {
		for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
			if (strcmp(name, tables[i].root) == 0)
				s->table = tables[i].t;
		if (s->table == T_NONE) {
			lcm_error_at(s->err, s->im->file, (long)XML_GetCurrentLineNumber(s->parser),
				     "not a format lcm reads: XML with root element '%s';"
				     " lcm reads the XML of a StackExchange data dump"
				     " (Posts.xml, Users.xml, Comments.xml ...) and the"
				     " CSV and JSON formats of lcm-import(1)",
				     lcm_err_quote(name, q, sizeof(q)));
			stop(s);
		}
		return;
	}
	if (s->depth != 2 || strcmp(name, "row") != 0)
		return;
	for (i = 0; attrs[i]; i += 2)
		for (a = 0; a < A_MAX; a++)
			if (strcmp(attrs[i], attr_names[a]) == 0)
				v[a] = attrs[i + 1];
	if (s->im->opts->progress && s->im->stats->rows % LCM_PROGRESS_ROWS == 0 &&
	    s->im->stats->rows)
		s->im->opts->progress(s->im->file, s->im->stats->rows,
				      s->im->opts->progress_arg);
	if (lcm_input_feed(s->im, &lcm_fmt_stackexchange, v,
			   (long)XML_GetCurrentLineNumber(s->parser),
			   s->im->opts->skip_invalid ? raw_row(v) : NULL, s->err) < 0)
		stop(s);
}

static void XMLCALL
on_end(void *data, const XML_Char *name)
{
	struct se *s = data;

	(void)name;
	s->depth--;
}

/* The site of im's file: --course, else its directory's name. */
static char *
site_name(const struct lcm_import *im)
{
	const char *f = im->file, *slash, *start;
	char *cwd = NULL, *r;

	if (im->opts->course)
		return lcm_xstrdup(im->opts->course);
	slash = strrchr(f, '/');
	if (slash) {
		for (start = slash; start > f && start[-1] != '/'; start--)
			;
		if (slash > start && !(slash - start == 1 && *start == '.'))
			return lcm_xstrndup(start, (size_t)(slash - start));
		if (slash == f)
			return lcm_xstrdup(PLATFORM);
	}
	/* a file of the current directory: that directory's name */
	if (strcmp(f, "(stdin)") != 0 && (cwd = getcwd(NULL, 0)) &&
	    (slash = strrchr(cwd, '/')) && slash[1]) {
		r = lcm_xstrdup(slash + 1);
		free(cwd);
		return r;
	}
	free(cwd);
	return lcm_xstrdup(PLATFORM);
}

int
lcm_import_stackexchange(struct lcm_import *im, FILE *fp, struct lcm_err *err)
{
	struct se s;
	char *buf = lcm_xmalloc(65536);
	size_t n;
	int rc = -1, last;

	memset(&s, 0, sizeof(s));
	s.im = im;
	s.err = err;
	s.site = site_name(im);
	im->stats->format = lcm_fmt_stackexchange.name;
	im->state = &s;
	if (!(s.parser = XML_ParserCreate("UTF-8"))) {
		lcm_error_at(err, im->file, 0, "out of memory for the XML parser");
		goto out;
	}
	XML_SetUserData(s.parser, &s);
	XML_SetElementHandler(s.parser, on_start, on_end);
	do {
		n = fread(buf, 1, 65536, fp);
		if (n == 0 && ferror(fp)) {
			lcm_error_at(err, im->file, 0, "read error: %s", strerror(errno));
			goto out;
		}
		last = n == 0;
		if (XML_Parse(s.parser, buf, (int)n, last) != XML_STATUS_OK) {
			if (!s.failed)
				lcm_error_at(err, im->file,
					     (long)XML_GetCurrentLineNumber(s.parser),
					     "invalid XML: %s (column %lu)",
					     XML_ErrorString(XML_GetErrorCode(s.parser)),
					     (unsigned long)XML_GetCurrentColumnNumber(s.parser) + 1);
			goto out;
		}
	} while (!last);
	rc = 0;
out:
	if (s.parser)
		XML_ParserFree(s.parser);
	im->state = NULL;
	free(s.site);
	free(s.accepted);
	free(buf);
	return rc;
}
