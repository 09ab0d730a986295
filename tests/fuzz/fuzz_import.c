/*
 * fuzz_import.c - every import format through lcm_import_file(), the
 * entry point lcm-import and the analysis programs use, on a real file.
 *
 * The first two bytes pick the options: the format (detected, or one of
 * lcm_import_formats forced), a ".gz" name (read through zlib, which
 * passes plain data through), --skip-invalid with rejects, --dry-run,
 * the date order, --year, --encoding, --link-by, --course, --forum and
 * --lang. The rest is the file, written to a temporary directory.
 *
 * Besides not crashing: a failed import says why, and leaves the store
 * exactly as it was (every table counted before and after), as a dry
 * run does; a successful one read at least one row.
 */
#include <unistd.h>

#include "fuzz.h"

#include "err.h"
#include "import.h"
#include "store.h"

#define MAXTABLES 64

static char dir[4096];
static struct lcm_store st;
static int ntables;
static char tables[MAXTABLES][64];
static long long before[MAXTABLES];

/* Row counts of every table of the store into counts. */
static void
count_rows(long long *counts)
{
	char sql[128];
	sqlite3_stmt *s;
	int i;

	for (i = 0; i < ntables; i++) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM \"%s\"", tables[i]);
		FUZZ_CHECK(sqlite3_prepare_v2(st.db, sql, -1, &s, NULL) == SQLITE_OK);
		FUZZ_CHECK(sqlite3_step(s) == SQLITE_ROW);
		counts[i] = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
}

/* A fresh store in memory; its tables' names and row counts noted. */
static void
open_store(void)
{
	struct lcm_err err;
	sqlite3_stmt *s;

	lcm_err_init(&err);
	FUZZ_CHECK(lcm_store_open(&st, ":memory:", LCM_STORE_CREATE, 0, &err) == 0);
	FUZZ_CHECK(sqlite3_prepare_v2(st.db, "SELECT name FROM sqlite_master"
				      " WHERE type = 'table'", -1, &s, NULL) == SQLITE_OK);
	ntables = 0;
	while (sqlite3_step(s) == SQLITE_ROW && ntables < MAXTABLES)
		snprintf(tables[ntables++], sizeof(tables[0]), "%s",
			 (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	count_rows(before);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	(void)argc;
	(void)argv;
	snprintf(dir, sizeof(dir), "%s/lcm-fuzz-import.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		perror(dir);
		abort();
	}
	setenv("TZ", "UTC", 1);
	open_store();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum lcm_encoding enc[4] = {
		LCM_ENC_AUTO, LCM_ENC_UTF8, LCM_ENC_CP1252, LCM_ENC_UTF16LE
	};
	struct lcm_import_opts o;
	struct lcm_import_stats stats;
	struct lcm_err err;
	long long after[MAXTABLES];
	char path[4200], *rej = NULL;
	size_t rejlen = 0, nformats = 0;
	int a, b, rc, i;
	FILE *fp;

	if (size < 2)
		return 0;
	a = data[0];
	b = data[1];
	while (lcm_import_formats[nformats])
		nformats++;
	memset(&o, 0, sizeof(o));
	if ((a & 15) >= 1 && (size_t)(a & 15) <= nformats)
		o.format = lcm_import_formats[(a & 15) - 1];
	o.skip_invalid = (a >> 5) & 1;
	if (o.skip_invalid)
		o.rejects = open_memstream(&rej, &rejlen);
	o.dry_run = (a >> 6) & 1;
	o.time.order = b & 1 ? LCM_MDY : LCM_DMY;
	o.time.year = b & 2 ? 2024 : 0;
	o.encoding = enc[(b >> 2) & 3];
	o.link_by = (b >> 4) & 1 ? LCM_LINK_USERNAME : LCM_LINK_EMAIL;
	o.course = b & 0x20 ? "C1" : NULL;
	o.forum = b & 0x40 ? "Forum" : NULL;
	o.lang = b & 0x80 ? "fr" : NULL;
	o.platform = (a >> 7) & 1 ? "moodle" : NULL;
	o.now = 1700000000;

	snprintf(path, sizeof(path), "%s/in%s", dir, (a >> 4) & 1 ? ".log.gz" : ".csv");
	fp = fopen(path, "wb");
	FUZZ_CHECK(fp);
	FUZZ_CHECK(fwrite(data + 2, 1, size - 2, fp) == size - 2);
	FUZZ_CHECK(fclose(fp) == 0);

	lcm_err_init(&err);
	rc = lcm_import_file(&st, path, &o, &stats, &err);
	if (o.rejects)
		fclose(o.rejects);
	free(rej);
	unlink(path);
	if (rc < 0)
		FUZZ_CHECK(err.msg[0] != '\0');
	else
		FUZZ_CHECK(stats.rows > 0 || stats.rejected > 0);
	if (rc < 0 || o.dry_run) {
		/* all or nothing: the store is as it was */
		count_rows(after);
		for (i = 0; i < ntables; i++)
			FUZZ_CHECK(after[i] == before[i]);
	} else {
		/* start the next input on an empty store again */
		lcm_store_close(&st);
		open_store();
	}
	return 0;
}
