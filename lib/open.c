/* open.c - the store or files in memory, for analysis programs. */
#include "open.h"

#include <string.h>
#include <unistd.h>

int
lcm_open_input(struct lcm_store *st, const char *db, char *const *files,
	       int nfiles, const struct lcm_import_opts *opts, int flags,
	       struct lcm_err *err)
{
	struct lcm_import_opts none;
	struct lcm_import_stats stats;
	const char *path;
	int i;

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
