/* open.c - the store or files in memory, for analysis programs. */
#include "open.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * Does standard input hold data? A non-empty regular file does; a pipe
 * does once something was written to it (poll waits for the writer and
 * reads nothing). A terminal, /dev/null and cron's pipe, closed at once,
 * do not.
 */
static int
stdin_has_data(void)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	struct stat sb;

	if (fstat(STDIN_FILENO, &sb) != 0)
		return 0;
	if (S_ISREG(sb.st_mode))
		return sb.st_size > 0;
	if (!S_ISFIFO(sb.st_mode) && !S_ISSOCK(sb.st_mode))
		return 0;
	while (poll(&pfd, 1, -1) < 0)
		;	/* EINTR */
	return (pfd.revents & POLLIN) != 0;
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

	/*
	 * With no file, the store. Standard input only when no store is named
	 * or found and it holds data ("lcm-unanswered < forum.csv" in a fresh
	 * directory): cron's empty pipe never hides ./lcm.db.
	 */
	env = getenv("LCM_DB");
	path = lcm_store_default_path(db);
	if (nfiles == 0 && !db && !(env && *env) && access(path, F_OK) != 0 &&
	    errno == ENOENT && stdin_has_data()) {
		files = stdin_only;
		nfiles = 1;
	}
	if (nfiles == 0) {
		/* SQLite would make an empty file: say what is wrong instead */
		if (access(path, F_OK) != 0 && errno == ENOENT)
			return lcm_error(err, "no store '%s': import exports first with lcm-import,"
					 " or give files ('-' for standard input)", path);
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
