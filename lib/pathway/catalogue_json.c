/*
 * catalogue_json.c - a catalogue as JSON: an array of objects whose keys
 * are the CSV's column names; skills, prereqs and remedial may be
 * arrays of strings. See catalogue.h.
 */
#include "catalogue.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "buf.h"
#include "xalloc.h"

/*
 * The line on which each element of the top-level array begins, as
 * Jansson keeps no positions: a scan of the text that skips strings.
 * Returns an owned array of (at least) the elements' count.
 */
static long *
element_lines(const char *s, size_t len, size_t count)
{
	long *lines = lcm_xcalloc(count + 1, sizeof(*lines));
	long line = 1;
	size_t i, k = 0;
	int depth = 0, in_str = 0, esc = 0, want = 1;

	for (i = 0; i < len && k < count; i++) {
		char ch = s[i];

		if (ch == '\n')
			line++;
		if (in_str) {
			if (esc)
				esc = 0;
			else if (ch == '\\')
				esc = 1;
			else if (ch == '"')
				in_str = 0;
			continue;
		}
		/* an element starts at the first non-blank after '[' or ',' */
		if (depth == 1 && want && ch != ' ' && ch != '\t' && ch != '\n' &&
		    ch != '\r' && ch != ',' && ch != ']') {
			lines[k++] = line;
			want = 0;
		}
		if (ch == '"')
			in_str = 1;
		else if (ch == '[' || ch == '{')
			depth++;
		else if (ch == ']' || ch == '}')
			depth--;
		else if (ch == ',' && depth == 1)
			want = 1;
	}
	return lines;
}

/* A JSON value as column text into b: scalars, or arrays joined by sep. */
static int
json_text(json_t *j, char sep, struct lcm_buf *b)
{
	size_t i;
	json_t *e;

	if (json_is_string(j)) {
		lcm_buf_add(b, json_string_value(j), json_string_length(j));
	} else if (json_is_integer(j)) {
		lcm_buf_printf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
	} else if (json_is_real(j)) {
		lcm_buf_printf(b, "%.17g", json_real_value(j));
	} else if (json_is_array(j) && sep) {
		json_array_foreach(j, i, e) {
			if (i)
				lcm_buf_addc(b, sep);
			if (json_text(e, 0, b) < 0)
				return -1;
		}
	} else if (!json_is_null(j)) {
		return -1;
	}
	return 0;
}

/* One brick from a JSON object. */
static int
json_brick(struct lcm_catalogue *c, json_t *obj, long line, struct lcm_err *err)
{
	struct lcm_buf bufs[LCM_CAT_NCOL];
	const char *v[LCM_CAT_NCOL], *key;
	json_t *val;
	char col[32];
	int k, rc = -1;

	for (k = 0; k < LCM_CAT_NCOL; k++) {
		lcm_buf_init(&bufs[k]);
		v[k] = NULL;
	}
	json_object_foreach(obj, key, val) {
		if ((k = lcm_catalogue_column(key)) < 0 || v[k])
			continue;
		if (json_text(val, k == LCM_CAT_SKILLS || k == LCM_CAT_PREREQS ||
			      k == LCM_CAT_REMEDIAL ? ';' : 0, &bufs[k]) < 0) {
			lcm_error(err, "key '%s': not a string or a number",
				  lcm_catalogue_column_name(k, col, sizeof(col)));
			goto out;
		}
		v[k] = bufs[k].data;
	}
	for (k = 0; k < LCM_CAT_NCOL; k++)
		if (lcm_catalogue_column_required(k) && !v[k]) {
			lcm_error(err, "no key '%s'", lcm_catalogue_column_name(k, col, sizeof(col)));
			goto out;
		}
	rc = lcm_catalogue_add(c, v, line, err);
out:
	for (k = 0; k < LCM_CAT_NCOL; k++)
		lcm_buf_release(&bufs[k]);
	return rc;
}

int
lcm_catalogue_read_json(struct lcm_catalogue *c, const char *buf, size_t len,
	  const char *name, struct lcm_err *err)
{
	json_error_t jerr;
	json_t *doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr), *e;
	long *lines = NULL;
	size_t i;
	int rc = -1;

	if (!doc)
		return lcm_error_at(err, name, jerr.line, "invalid JSON: %s", jerr.text);
	if (!json_is_array(doc)) {
		lcm_error_at(err, name, 1, "expected an array of bricks");
		goto out;
	}
	lines = element_lines(buf, len, json_array_size(doc));
	json_array_foreach(doc, i, e) {
		if (!json_is_object(e)) {
			lcm_error_at(err, name, lines[i], "brick %zu: not an object", i + 1);
			goto out;
		}
		if (json_brick(c, e, lines[i], err) < 0) {
			lcm_err_locate(err, name, lines[i]);
			goto out;
		}
	}
	rc = 0;
out:
	free(lines);
	json_decref(doc);
	return rc;
}

