/*
 * test_names.c - the names a person types (lib/base/names.c): --staff's
 * list and --staff-file's lines.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "names.h"

static void
test_names_list_trimmed(void **state)
{
	struct lcm_names n = { 0 };

	(void)state;
	assert_int_equal(lcm_names_add_list(&n, " Ana Lopez ,bob@x.org,, \t,moodle:7"), 3);
	assert_int_equal(n.n, 3);
	assert_string_equal(n.v[0], "Ana Lopez");
	assert_string_equal(n.v[1], "bob@x.org");
	assert_string_equal(n.v[2], "moodle:7");
	assert_int_equal(lcm_names_add_list(&n, " , "), 0);
	assert_int_equal(n.n, 3);
	lcm_names_release(&n);
	assert_int_equal(n.n, 0);
	assert_null(n.v);
}

static void
test_names_file(void **state)
{
	char path[] = "/tmp/test_names.XXXXXX";
	struct lcm_names n = { 0 };
	struct lcm_err err;
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");

	(void)state;
	fputs("# the trainers\nAna Lopez\r\n\n   # not this one\n\tbob@x.org  \nlast", fp);
	fclose(fp);
	assert_int_equal(lcm_names_add_file(&n, path, &err), 0);
	assert_int_equal(n.n, 3);
	assert_string_equal(n.v[0], "Ana Lopez");
	assert_string_equal(n.v[1], "bob@x.org");
	assert_string_equal(n.v[2], "last");
	unlink(path);
	assert_int_equal(lcm_names_add_file(&n, path, &err), -1);
	assert_string_equal(err.file, path);
	assert_non_null(strstr(err.msg, "cannot open"));
	lcm_names_release(&n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_list_trimmed),
		cmocka_unit_test(test_names_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
