/*
 * template.c - parsing and merging lcm-nudge templates (see template.h).
 */
#include "template.h"

#include <ctype.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xalloc.h"

const char *const lcm_nudge_header_names[LCM_NUDGE_NHEADERS] = {
	[LCM_NUDGE_FROM] = "From", [LCM_NUDGE_TO] = "To", [LCM_NUDGE_CC] = "Cc",
	[LCM_NUDGE_REPLY_TO] = "Reply-To", [LCM_NUDGE_SUBJECT] = "Subject",
};

const char *const lcm_nudge_reason_codes[] = {
	"inactive", "declining", "isolated", "unanswered", "lurker", "behind",
	"not-enough-data", NULL
};

enum kind { N_TEXT, N_FIELD, N_SECTION, N_INVERTED };

/* A piece of a template: text, a field, or a section and its children. */
struct lcm_nudge_node {
	enum kind kind;
	char *s;			/* TEXT: the text; else the field name */
	char op;			/* sections: 0 (not empty), '>', '<', '=' */
	char *arg;			/* the value compared with, owned */
	struct lcm_nudge_node *child;	/* sections: what they show */
	struct lcm_nudge_node *next;
};

/* The parser's place in the text. */
struct parser {
	const char *path;
	const char *p, *end;	/* the rest of the text */
	const char *bol;	/* where the current line began */
	long line;
	const struct lcm_nudge_fields *f;
	struct lcm_err *err;
};

static void
nodes_free(struct lcm_nudge_node *n)
{
	struct lcm_nudge_node *next;

	for (; n; n = next) {
		next = n->next;
		nodes_free(n->child);
		free(n->s);
		free(n->arg);
		free(n);
	}
}

/* Appends a node to the list whose last link is *tail. */
static struct lcm_nudge_node *
node_add(struct lcm_nudge_node ***tail, enum kind k, char *s)
{
	struct lcm_nudge_node *n = lcm_xcalloc(1, sizeof(*n));

	n->kind = k;
	n->s = s;
	**tail = n;
	*tail = &n->next;
	return n;
}

/* A field name: letters, digits, '_', '-' and '.'. */
static int
name_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("_-.", s[i]))
			return 0;
	return 1;
}

/* Checks that a field (or reasons.CODE) is one the caller knows. */
static int
check_field(struct parser *ps, const char *name)
{
	size_t i;

	if (strncmp(name, "reasons.", 8) == 0) {
		if (!ps->f->known(ps->f->ctx, "reasons"))
			return lcm_error_at(ps->err, ps->path, ps->line,
					    "'%s': the rows have no reasons column", name);
		for (i = 0; lcm_nudge_reason_codes[i]; i++)
			if (strcmp(name + 8, lcm_nudge_reason_codes[i]) == 0)
				return 0;
		return lcm_error_at(ps->err, ps->path, ps->line,
				    "unknown reason code '%s'", name + 8);
	}
	if (!ps->f->known(ps->f->ctx, name))
		return lcm_error_at(ps->err, ps->path, ps->line, "unknown field '%s'", name);
	return 0;
}

/* Is s a whole number as strtod reads it? */
static int
strtod_ok(const char *s)
{
	char *end;

	errno = 0;
	(void)strtod(s, &end);
	return *s && !*end && errno == 0;
}

/* Only spaces and tabs in [a, b)? */
static int
blank(const char *a, const char *b)
{
	for (; a < b; a++)
		if (*a != ' ' && *a != '\t' && *a != '\r')
			return 0;
	return 1;
}

/* Moves the text buffer into a TEXT node, if it holds anything. */
static void
flush_text(struct lcm_buf *text, struct lcm_nudge_node ***tail)
{
	if (text->len)
		node_add(tail, N_TEXT, lcm_buf_detach(text));
}

/*
 * Parses nodes up to the end, or up to {{/open}} when open is not NULL
 * (the section opened at line open_line). The list is returned in *out.
 */
static int
parse_seq(struct parser *ps, const char *open, long open_line,
	  struct lcm_nudge_node **out)
{
	struct lcm_nudge_node *head = NULL, **tail = &head, *n;
	struct lcm_buf text;
	const char *t, *close, *eol, *a, *b, *opp;
	char sigil, *name;
	size_t len;
	long line, here;	/* the tag's line; the parser's after it */
	int rc = -1, r;

	lcm_buf_init(&text);
	while (ps->p < ps->end) {
		if (*ps->p == '\n') {
			lcm_buf_addc(&text, '\n');
			ps->p++;
			ps->line++;
			ps->bol = ps->p;
			continue;
		}
		if (ps->p[0] != '{' || ps->p + 1 >= ps->end || ps->p[1] != '{') {
			lcm_buf_addc(&text, *ps->p++);
			continue;
		}
		t = ps->p;
		line = ps->line;
		for (close = t + 2; close + 1 < ps->end && *close != '\n' &&
		     !(close[0] == '}' && close[1] == '}'); close++)
			;
		if (close + 1 >= ps->end || *close == '\n') {
			lcm_error_at(ps->err, ps->path, ps->line, "'{{' without '}}' on its line");
			goto out;
		}
		a = t + 2;
		b = close;
		sigil = strchr("#^/!", *a) ? *a++ : 0;
		while (a < b && isspace((unsigned char)*a))
			a++;
		while (b > a && isspace((unsigned char)b[-1]))
			b--;
		ps->p = close + 2;
		if (sigil) {
			/* a tag alone on its line takes the line with it */
			for (eol = ps->p; eol < ps->end && *eol != '\n'; eol++)
				;
			if (blank(ps->bol, t) && blank(ps->p, eol)) {
				text.len -= (size_t)(t - ps->bol);
				text.data[text.len] = '\0';
				if (eol < ps->end) {
					ps->p = eol + 1;
					ps->line++;
					ps->bol = ps->p;
				} else {
					ps->p = eol;
				}
			}
		}
		here = ps->line;
		if (sigil == '!')
			continue;
		/* sections compare: name>3, name<0.5, name=value */
		for (opp = a; opp < b && !strchr("<>=", *opp); opp++)
			;
		len = (size_t)(opp - a);
		if (!name_ok(a, len) || ((opp < b) && (sigil != '#' && sigil != '^'))) {
			char q[64], *raw = lcm_xstrndup(t, (size_t)(close + 2 - t));

			lcm_error_at(ps->err, ps->path, line, "malformed tag '%s'",
				     lcm_err_quote(raw, q, sizeof(q)));
			free(raw);
			goto out;
		}
		name = lcm_xstrndup(a, len);
		if (sigil == '/') {
			if (!open || strcmp(name, open) != 0) {
				if (open)
					lcm_error_at(ps->err, ps->path, line,
						     "'{{/%s}}' closes '%s' opened at line %ld",
						     name, open, open_line);
				else
					lcm_error_at(ps->err, ps->path, line,
						     "'{{/%s}}' closes no section", name);
				free(name);
				goto out;
			}
			free(name);
			flush_text(&text, &tail);
			*out = head;
			head = NULL;
			rc = 0;
			goto out;
		}
		ps->line = line;	/* for check_field's message */
		r = check_field(ps, name);
		ps->line = here;
		if (r < 0) {
			free(name);
			goto out;
		}
		flush_text(&text, &tail);
		n = node_add(&tail, sigil == '#' ? N_SECTION : sigil == '^' ? N_INVERTED :
			     N_FIELD, name);
		if (opp < b) {
			n->op = *opp;
			n->arg = lcm_xstrndup(opp + 1, (size_t)(b - opp - 1));
			if (n->op != '=' && (!*n->arg || !strtod_ok(n->arg))) {
				lcm_error_at(ps->err, ps->path, line,
					     "'%s%c': not a number: '%s'", name, n->op, n->arg);
				goto out;
			}
		}
		if (sigil == '#' || sigil == '^') {
			long at = line;

			if (parse_seq(ps, name, at, &n->child) < 0)
				goto out;
		}
	}
	if (open) {
		lcm_error_at(ps->err, ps->path, open_line, "section '%s' not closed", open);
		goto out;
	}
	flush_text(&text, &tail);
	*out = head;
	head = NULL;
	rc = 0;
out:
	nodes_free(head);
	lcm_buf_release(&text);
	return rc;
}

/*
 * The value of field name in f: for reasons.CODE the code's detail ("39d")
 * or "" when the code is there without one, NULL when it is not there.
 */
static const char *
value(const struct lcm_nudge_fields *f, const char *name, char *tmp, size_t size)
{
	const char *r, *p, *end;
	size_t n;

	if (strncmp(name, "reasons.", 8) != 0)
		return f->get(f->ctx, name);
	if (!(r = f->get(f->ctx, "reasons")))
		return NULL;
	n = strlen(name + 8);
	for (p = r; *p; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ";");
		if ((size_t)(end - p) >= n && strncmp(p, name + 8, n) == 0 &&
		    (p + n == end || p[n] == ':')) {
			if (p + n == end)
				return "";
			snprintf(tmp, size, "%.*s", (int)(end - p - n - 1), p + n + 1);
			return tmp;
		}
	}
	return NULL;
}

/* Does a section's condition hold? */
static int
holds(const struct lcm_nudge_node *n, const struct lcm_nudge_fields *f)
{
	char tmp[256], *end;
	const char *v = value(f, n->s, tmp, sizeof(tmp));
	double x;

	if (strncmp(n->s, "reasons.", 8) == 0 && !n->op)
		return v != NULL;
	if (!v)
		v = "";
	if (n->op == '=')
		return strcmp(v, n->arg) == 0;
	if (n->op) {
		x = strtod(v, &end);
		if (!*v || *end)
			return 0;	/* not a number: neither above nor below */
		return n->op == '>' ? x > strtod(n->arg, NULL) : x < strtod(n->arg, NULL);
	}
	return *v && strcmp(v, "0") != 0 && strcasecmp(v, "false") != 0;
}

/*
 * Appends a merged value with its control characters (CR and LF first)
 * as spaces: a value never adds a line, to a header or to the body.
 */
static void
add_value(struct lcm_buf *out, const char *v)
{
	for (; *v; v++)
		lcm_buf_addc(out, (unsigned char)*v < 0x20 || *v == 0x7f ? ' ' : *v);
}

static void merge(const struct lcm_nudge_node *n, const struct lcm_nudge_fields *f,
		  struct lcm_buf *out);

/* {{#rows}}: the section once per row of the group; {{^rows}} never. */
static void
rows(const struct lcm_nudge_node *n, const struct lcm_nudge_fields *f,
     struct lcm_buf *out)
{
	size_t i, k = f->nrows(f->ctx);

	for (i = 0; n->kind == N_SECTION && i < k; i++) {
		f->select(f->ctx, i);
		merge(n->child, f, out);
	}
	f->select(f->ctx, SIZE_MAX);
}

/* Appends the merge of nodes n to out. */
static void
merge(const struct lcm_nudge_node *n, const struct lcm_nudge_fields *f,
      struct lcm_buf *out)
{
	char tmp[256];
	const char *v;

	for (; n; n = n->next) {
		switch (n->kind) {
		case N_TEXT:
			lcm_buf_adds(out, n->s);
			break;
		case N_FIELD:
			if ((v = value(f, n->s, tmp, sizeof(tmp))))
				add_value(out, v);
			break;
		case N_SECTION:
		case N_INVERTED:
			if (f->nrows && strcmp(n->s, "rows") == 0 && !n->op) {
				rows(n, f, out);
				break;
			}
			if (holds(n, f) == (n->kind == N_SECTION))
				merge(n->child, f, out);
			break;
		}
	}
}

int
lcm_nudge_tpl_parse(struct lcm_nudge_tpl *t, const char *path,
		    const char *text, size_t len,
		    const struct lcm_nudge_fields *f, struct lcm_err *err)
{
	struct parser ps = { .path = path, .f = f, .err = err, .line = 1 };
	const char *p = text, *end = text + len, *eol, *colon, *v;
	size_t h, n;

	memset(t, 0, sizeof(*t));
	t->path = lcm_xstrdup(path);
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	if (memchr(text, '\0', len)) {
		lcm_error_at(err, path, 0, "NUL byte in the template");
		goto fail;
	}
	for (;; p = eol + 1, ps.line++) {
		if (p >= end || !(eol = memchr(p, '\n', (size_t)(end - p)))) {
			lcm_error_at(err, path, ps.line, "no blank line after the headers");
			goto fail;
		}
		n = (size_t)(eol - p);
		if (n && p[n - 1] == '\r')
			n--;
		if (n == 0)
			break;
		if (!(colon = memchr(p, ':', n))) {
			lcm_error_at(err, path, ps.line, "not a header line (Subject: ...)");
			goto fail;
		}
		for (h = 0; h < LCM_NUDGE_NHEADERS; h++)
			if (strlen(lcm_nudge_header_names[h]) == (size_t)(colon - p) &&
			    strncasecmp(p, lcm_nudge_header_names[h], (size_t)(colon - p)) == 0)
				break;
		if (h == LCM_NUDGE_NHEADERS) {
			char q[64], *raw = lcm_xstrndup(p, (size_t)(colon - p));

			lcm_error_at(err, path, ps.line, "header '%s': not Subject, From, To, Cc or Reply-To",
				     lcm_err_quote(raw, q, sizeof(q)));
			free(raw);
			goto fail;
		}
		if (t->hdr[h]) {
			lcm_error_at(err, path, ps.line, "header '%s' twice", lcm_nudge_header_names[h]);
			goto fail;
		}
		for (v = colon + 1; v < p + n && (*v == ' ' || *v == '\t'); v++)
			;
		ps.p = ps.bol = v;
		ps.end = p + n;
		if (parse_seq(&ps, NULL, 0, &t->hdr[h]) < 0)
			goto fail;
		if (!t->hdr[h]) {	/* an empty value: a node all the same */
			t->hdr[h] = lcm_xcalloc(1, sizeof(*t->hdr[h]));
			t->hdr[h]->s = lcm_xstrdup("");
		}
	}
	if (!t->hdr[LCM_NUDGE_SUBJECT]) {
		lcm_error_at(err, path, ps.line, "no Subject header");
		goto fail;
	}
	ps.line++;
	ps.p = ps.bol = eol + 1;
	ps.end = end;
	if (parse_seq(&ps, NULL, 0, &t->body) < 0)
		goto fail;
	return 0;
fail:
	lcm_nudge_tpl_release(t);
	return -1;
}

int
lcm_nudge_tpl_load(struct lcm_nudge_tpl *t, const char *path,
		   const struct lcm_nudge_fields *f, struct lcm_err *err)
{
	struct lcm_buf b;
	char chunk[8192];
	FILE *fp;
	size_t n;
	int rc;

	memset(t, 0, sizeof(*t));
	if (!(fp = fopen(path, "r")))
		return lcm_error(err, "cannot open template '%s': %s", path, strerror(errno));
	lcm_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		lcm_buf_add(&b, chunk, n);
	if (ferror(fp))
		rc = lcm_error(err, "cannot read template '%s': %s", path, strerror(errno));
	else
		rc = lcm_nudge_tpl_parse(t, path, b.data, b.len, f, err);
	fclose(fp);
	lcm_buf_release(&b);
	return rc;
}

void
lcm_nudge_tpl_release(struct lcm_nudge_tpl *t)
{
	size_t h;

	for (h = 0; h < LCM_NUDGE_NHEADERS; h++)
		nodes_free(t->hdr[h]);
	nodes_free(t->body);
	free(t->path);
	memset(t, 0, sizeof(*t));
}

void
lcm_nudge_tpl_header(const struct lcm_nudge_tpl *t, enum lcm_nudge_header h,
		     const struct lcm_nudge_fields *f, struct lcm_buf *out)
{
	merge(t->hdr[h], f, out);
}

void
lcm_nudge_tpl_body(const struct lcm_nudge_tpl *t,
		   const struct lcm_nudge_fields *f, struct lcm_buf *out)
{
	merge(t->body, f, out);
}

char *
lcm_nudge_tpl_variant(const char *path, const char *lang)
{
	struct lcm_buf b;
	const char *slash = strrchr(path, '/'), *dot;
	char code[4];
	size_t n = 0;

	if (!lang)
		return NULL;
	while (n < 4 && isalpha((unsigned char)lang[n]))
		n++;
	if (n < 2 || n > 3 || (lang[n] && lang[n] != '-' && lang[n] != '_'))
		return NULL;
	for (size_t i = 0; i < n; i++)
		code[i] = (char)tolower((unsigned char)lang[i]);
	code[n] = '\0';
	dot = strrchr(slash ? slash + 1 : path, '.');
	lcm_buf_init(&b);
	if (dot) {
		lcm_buf_add(&b, path, (size_t)(dot - path));
		lcm_buf_printf(&b, ".%s%s", code, dot);
	} else {
		lcm_buf_printf(&b, "%s.%s", path, code);
	}
	return lcm_buf_detach(&b);
}
