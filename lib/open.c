/* open.c - the store or files in memory, for analysis programs. */
#include "open.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Is standard input data piped or redirected to us? A pipe or a regular
 * file is; a terminal or /dev/null (cron's) is not.
 */
static int
stdin_has_data(void)
{
	struct stat sb;

	if (fstat(STDIN_FILENO, &sb) != 0)
		return 0;
	return S_ISFIFO(sb.st_mode) || (S_ISREG(sb.st_mode) && sb.st_size > 0);
}

int
lcm_open_input(struct lcm_store *st, const char *db, char *const *files,
	       int nfiles, const struct lcm_import_opts *opts, int flags,
	       struct lcm_err *err)
{
	struct lcm_import_opts none;
	struct lcm_import_stats stats;
	static char dash[] = "-";
	static char *const stdin_only[] = { dash };
	const char *path, *env;
	int i;

	/* "lcm-unanswered < forum.csv" reads the file, not the store */
	env = getenv("LCM_DB");
	if (nfiles == 0 && !db && !(env && *env) && stdin_has_data()) {
		files = stdin_only;
		nfiles = 1;
	}
	if (nfiles == 0) {
		path = lcm_store_default_path(db);
		/* SQLite would make an empty file: say what is wrong instead */
		if (access(path, F_OK) != 0)
			return lcm_error(err, "no store '%s': import exports first with lcm-import,"
					 " or give files", path);
		return lcm_store_open(st, path, (flags & LCM_OPEN_WRITE) ? 0 : LCM_STORE_READONLY,
				      5000, err);
	}
	if (!opts) {
		memset(&none, 0, sizeof(none));
		opts = &none;
	}
	if (lcm_store_open(st, ":memory:", LCM_STORE_CREATE, 0, err) < 0)
		return -1;
	for (i = 0; i < nfiles; i++) {
		if (lcm_import_file(st, files[i], opts, &stats, err) < 0) {
			lcm_store_close(st);
			return -1;
		}
	}
	return 0;
}
