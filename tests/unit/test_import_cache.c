/* test_import_cache.c - the caches of persons and threads of an import
 * are bounded (emptied when full): a file with more threads than they
 * hold still counts each thread once, and finds the old ones again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "import.h"
#include "store.h"
#include "store_write.h"
#include "timefmt.h"
#include "support.h"

/* More than the caches hold (131,072) */
#define NTHREADS 140000

static int64_t
count(struct lcm_store *st, const char *sql)
{
	return test_query_int(st, sql);
}

static void
test_import_file_more_threads_than_the_cache_counts_each_once(void **state)
{
	struct lcm_store st;
	struct lcm_import_opts opts;
	struct lcm_import_stats stats;
	struct lcm_err err;
	char path[] = "/tmp/lcm-cache-XXXXXX";
	int fd = mkstemp(path), i;
	FILE *fp;

	(void)state;
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	fputs("id,discussion,parent,userid,userfullname,created,subject,message\n", fp);
	for (i = 1; i <= NTHREADS; i++)
		fprintf(fp, "%d,%d,0,%d,User %d,%d,S,<p>M</p>\n", i, i, i, i, 1700000000 + i);
	/* replies to the first threads and by the first persons, long gone
	 * from the caches */
	for (i = 1; i <= 5; i++)
		fprintf(fp, "%d,%d,%d,%d,User %d,%d,Re: S,<p>R</p>\n", NTHREADS + i, i, i, i,
			i, 1800000000 + i);
	fclose(fp);
	memset(&opts, 0, sizeof(opts));
	lcm_err_init(&err);
	assert_int_equal(lcm_time_set_zone("UTC", &err), 0);
	assert_int_equal(lcm_store_open(&st, ":memory:", LCM_STORE_CREATE, 0, &err), 0);
	assert_int_equal(lcm_import_file(&st, path, &opts, &stats, &err), 0);
	assert_int_equal(stats.count[LCM_K_POST][LCM_NEW], NTHREADS + 5);
	assert_int_equal(stats.count[LCM_K_THREAD][LCM_NEW], NTHREADS);
	assert_int_equal(stats.count[LCM_K_THREAD][LCM_SAME], 0);
	assert_int_equal(stats.count[LCM_K_PERSON][LCM_NEW], NTHREADS);
	assert_int_equal(stats.count[LCM_K_PERSON][LCM_SAME], 0);
	assert_int_equal(count(&st, "SELECT count(*) FROM thread"), NTHREADS);
	assert_int_equal(count(&st, "SELECT count(*) FROM post WHERE thread_id = 1"), 2);
	lcm_store_close(&st);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import_file_more_threads_than_the_cache_counts_each_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
