/*
 * json_input.c - JSON inputs: one document, read whole with Jansson, its
 * rows fed to the format as for CSV (keys matched like header cells).
 */
#include "input/input.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

/* A JSON scalar as text in buf; NULL for null/absent. */
static const char *
json_text(json_t *j, struct lcm_buf *buf)
{
	lcm_buf_reset(buf);
	if (!j || json_is_null(j))
		return NULL;
	if (json_is_string(j))
		lcm_buf_add(buf, json_string_value(j), json_string_length(j));
	else if (json_is_integer(j))
		lcm_buf_printf(buf, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
	else if (json_is_real(j))
		lcm_buf_printf(buf, "%.17g", json_real_value(j));
	else if (json_is_true(j))
		lcm_buf_addc(buf, '1');
	else if (json_is_false(j))
		lcm_buf_addc(buf, '0');
	else
		return NULL;
	return buf->data;
}

/* Value of the object's key matching any alias of names. */
static json_t *
json_column(json_t *obj, const char *names)
{
	const char *a = names, *end, *key;
	json_t *val;

	while (*a) {
		end = strchr(a, '|');
		if (!end)
			end = a + strlen(a);
		json_object_foreach(obj, key, val)
			if (lcm_input_header_is(key, a, (size_t)(end - a)))
				return val;
		a = *end ? end + 1 : end;
	}
	return NULL;
}

/* One JSON object as a row of f. */
static int
json_row(struct lcm_import *im, const struct lcm_input_format *f, json_t *obj,
	 size_t sheet, size_t index, struct lcm_err *err)
{
	struct lcm_buf *bufs = lcm_xcalloc((size_t)f->ncols, sizeof(*bufs));
	const char **v = lcm_xcalloc((size_t)f->ncols, sizeof(*v));
	char name[64];
	int i, rc = -1;

	for (i = 0; i < f->ncols; i++)
		lcm_buf_init(&bufs[i]);
	if (!json_is_object(obj)) {
		lcm_error_at(err, im->file, 0, "sheet %zu, record %zu: not an object",
			     sheet, index);
		goto out;
	}
	for (i = 0; i < f->ncols; i++) {
		v[i] = json_text(json_column(obj, f->cols[i].names), &bufs[i]);
		if (!v[i] && f->cols[i].required) {
			lcm_input_first_name(f->cols[i].names, name, sizeof(name));
			lcm_error_at(err, im->file, 0, "sheet %zu, record %zu: no key '%s'",
				     sheet, index, name);
			goto out;
		}
	}
	rc = lcm_input_feed(im, f, v, 0, NULL, err);
	if (rc < 0 && err->msg[0] && !err->line) {
		char msg[sizeof(err->msg)];

		snprintf(msg, sizeof(msg), "%s", err->msg);
		snprintf(err->msg, sizeof(err->msg), "sheet %zu, record %zu: %.900s",
			 sheet, index, msg);
	}
out:
	for (i = 0; i < f->ncols; i++)
		lcm_buf_release(&bufs[i]);
	free(bufs);
	free(v);
	return rc;
}

/*
 * JSON input. This one JSON format is Moodle's dataformat JSON:
 * an array of sheets, each an array of row objects ([[{...}]]); a plain
 * array of row objects is taken too.
 */
int
lcm_import_json(struct lcm_import *im, FILE *fp, const struct lcm_input_format **fp_out,
	    struct lcm_err *err)
{
	json_error_t jerr;
	json_t *doc = json_loadf(fp, JSON_REJECT_DUPLICATES, &jerr), *sheet, *row;
	const struct lcm_input_format *f;
	size_t i, j;
	int rc = -1;

	if (!doc)
		return lcm_error_at(err, im->file, jerr.line, "invalid JSON: %s", jerr.text);
	f = im->opts->format ? lcm_input_format_by_name(im->opts->format) : &lcm_fmt_moodle_forum;
	if (f != &lcm_fmt_moodle_forum) {
		lcm_error_at(err, im->file, 0, "format %s is read from CSV only", f->name);
		goto out;
	}
	if (!json_is_array(doc)) {
		lcm_error_at(err, im->file, 0,
			     "unknown JSON format: expected Moodle's [[{...}]] export");
		goto out;
	}
	*fp_out = f;
	im->stats->format = f->name;
	/* A plain array of rows is one sheet. */
	if (json_array_size(doc) && json_is_object(json_array_get(doc, 0))) {
		json_array_foreach(doc, j, row)
			if (json_row(im, f, row, 1, j + 1, err) < 0)
				goto out;
		rc = 0;
		goto out;
	}
	json_array_foreach(doc, i, sheet) {
		if (!json_is_array(sheet)) {
			lcm_error_at(err, im->file, 0, "sheet %zu: not an array", i + 1);
			goto out;
		}
		json_array_foreach(sheet, j, row)
			if (json_row(im, f, row, i + 1, j + 1, err) < 0)
				goto out;
	}
	rc = 0;
out:
	json_decref(doc);
	return rc;
}

