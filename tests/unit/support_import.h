/*
 * support_import.h - what the reader tests share: a store in memory, a
 * temporary directory, a file written there and imported as lcm-import
 * does, and a JSON text read through one format in a transaction of its
 * own. Include it after <cmocka.h>, "import.h" and "store.h".
 *
 * A test file uses struct test_import as its fixture (state), with
 * test_import_setup and test_import_teardown as cmocka's setup and
 * teardown.
 */
#ifndef LCM_TEST_SUPPORT_IMPORT_H
#define LCM_TEST_SUPPORT_IMPORT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "store_write.h"
#include "support.h"

#define TEST_IMPORT_NOW 1800000000	/* 2027-01-15T08:00:00Z: --now of the tests */

struct test_import {
	struct lcm_store st;
	struct lcm_import_opts opts;	/* opts.now is TEST_IMPORT_NOW */
	struct lcm_import_stats stats;	/* of the last import */
	struct lcm_err err;		/* of the last import */
	char dir[64];			/* the temporary directory */
	char path[192];			/* the last file written, "" for none */
};

static inline int
test_import_setup(void **state)
{
	struct test_import *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/lcm-test-XXXXXX");
	if (!mkdtemp(f->dir) ||
	    lcm_store_open(&f->st, ":memory:", LCM_STORE_CREATE, 0, NULL) < 0) {
		free(f);
		return -1;
	}
	f->opts.now = TEST_IMPORT_NOW;
	lcm_err_init(&f->err);
	*state = f;
	return 0;
}

static inline int
test_import_teardown(void **state)
{
	struct test_import *f = *state;

	lcm_store_close(&f->st);
	if (f->path[0])
		unlink(f->path);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Writes text to DIR/name (the previous file removed); returns its path. */
static inline const char *
test_import_write(struct test_import *f, const char *name, const char *text)
{
	FILE *fp;

	if (f->path[0])
		unlink(f->path);
	snprintf(f->path, sizeof(f->path), "%s/%s", f->dir, name);
	fp = fopen(f->path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	return f->path;
}

/* Writes text to DIR/name and imports it; returns lcm_import_file's rc. */
static inline int
test_import_text(struct test_import *f, const char *name, const char *text)
{
	test_import_write(f, name, text);
	lcm_err_init(&f->err);
	memset(&f->stats, 0, sizeof(f->stats));
	return lcm_import_file(&f->st, f->path, &f->opts, &f->stats, &f->err);
}

/*
 * Reads a JSON text through fmt's JSON reader, as the file "page.json",
 * in a transaction committed when the reader and the parent links
 * succeed, rolled back otherwise; returns the reader's rc.
 */
static inline int
test_import_json(struct test_import *f, const struct lcm_input_format *fmt,
		 const char *text)
{
	struct lcm_json_at at = { 0, "", NULL, 0 };
	struct lcm_import im;
	json_t *doc = json_loads(text, 0, NULL);
	int rc;

	assert_non_null(doc);
	memset(&im, 0, sizeof(im));
	memset(&f->stats, 0, sizeof(f->stats));
	lcm_err_init(&f->err);
	im.st = &f->st;
	im.opts = &f->opts;
	im.stats = &f->stats;
	im.file = "page.json";
	lcm_strmap_init(&im.persons);
	lcm_strmap_init(&im.threads);
	assert_int_equal(lcm_store_begin(&f->st, NULL), 0);
	rc = fmt->json(&im, doc, &at, &f->err);
	if (rc == 0 && lcm_store_link_parents(&f->st, &f->err) == 0)
		assert_int_equal(lcm_store_commit(&f->st, NULL), 0);
	else
		lcm_store_rollback(&f->st);
	json_decref(doc);
	lcm_strmap_release(&im.persons);
	lcm_strmap_release(&im.threads);
	free(im.persons_counted.bits);
	free(im.threads_counted.bits);
	return rc;
}

/* The integer, or the text, of a query's first cell on the fixture's store. */
static inline long long
test_import_q(struct test_import *f, const char *sql)
{
	return test_query_int(&f->st, sql);
}

static inline const char *
test_import_qs(struct test_import *f, const char *sql)
{
	return test_query_text(&f->st, sql);
}

#endif
