/*
 * deliver.c - outbox, mbox and sendmail delivery (see deliver.h).
 */
#include "deliver.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"
#include "timefmt.h"

/* Writes all of p to fd; 0, or -1 with errno. */
static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n) {
		if ((w = write(fd, p, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
lcm_nudge_outbox(const char *dir, const char *name, const char *msg,
		 size_t len, struct lcm_err *err)
{
	struct lcm_buf tmp, dst;
	int fd = -1, dfd = -1, rc = -1;

	lcm_buf_init(&tmp);
	lcm_buf_init(&dst);
	lcm_buf_printf(&tmp, "%s/.%s.tmp", dir, name);
	lcm_buf_printf(&dst, "%s/%s", dir, name);
	if ((fd = open(tmp.data, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0) {
		lcm_error(err, "cannot write '%s': %s", tmp.data, strerror(errno));
		goto out;
	}
	if (write_all(fd, msg, len) < 0 || fsync(fd) < 0) {
		lcm_error(err, "cannot write '%s': %s", tmp.data, strerror(errno));
		goto out;
	}
	if (close(fd) < 0) {
		fd = -1;
		lcm_error(err, "cannot write '%s': %s", tmp.data, strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp.data, dst.data) < 0) {
		lcm_error(err, "cannot rename '%s' to '%s': %s", tmp.data, dst.data,
			  strerror(errno));
		goto out;
	}
	/* the new name is durable once the directory is synced */
	if ((dfd = open(dir, O_RDONLY)) >= 0 && fsync(dfd) < 0 && errno != EINVAL) {
		lcm_error(err, "cannot sync '%s': %s", dir, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (fd >= 0) {
		close(fd);
		unlink(tmp.data);
	}
	if (dfd >= 0)
		close(dfd);
	lcm_buf_release(&tmp);
	lcm_buf_release(&dst);
	return rc;
}

int
lcm_nudge_mbox(const char *path, const char *sender, long long date,
	       const char *msg, size_t len, struct lcm_err *err)
{
	static const char *const day[] = { "Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct lcm_buf b;
	const char *p = msg, *end = msg + len, *eol, *q;
	char iso[32];
	int y, m, d, hh, mi, ss, fd, rc = -1;
	long long days = date >= 0 ? date / 86400 : -((-date + 86399) / 86400);

	lcm_time_format_utc(date, iso);
	if (sscanf(iso, "%d-%d-%dT%d:%d:%d", &y, &m, &d, &hh, &mi, &ss) != 6)
		return lcm_error(err, "cannot write '%s': bad date", path);
	lcm_buf_init(&b);
	lcm_buf_printf(&b, "From %s %s %s %2d %02d:%02d:%02d %d\n",
		       sender && *sender ? sender : "MAILER-DAEMON",
		       day[((days % 7) + 7) % 7], mon[m - 1], d, hh, mi, ss, y);
	for (; p < end; p = eol) {
		eol = memchr(p, '\n', (size_t)(end - p));
		eol = eol ? eol + 1 : end;
		for (q = p; q < eol && *q == '>'; q++)
			;
		if ((size_t)(eol - q) >= 5 && memcmp(q, "From ", 5) == 0)
			lcm_buf_addc(&b, '>');
		lcm_buf_add(&b, p, (size_t)(eol - p));
	}
	if (!b.len || b.data[b.len - 1] != '\n')
		lcm_buf_addc(&b, '\n');
	lcm_buf_addc(&b, '\n');
	if ((fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0600)) < 0) {
		lcm_error(err, "cannot open mbox '%s': %s", path, strerror(errno));
		goto out;
	}
	if (write_all(fd, b.data, b.len) < 0 || fsync(fd) < 0) {
		lcm_error(err, "cannot write mbox '%s': %s", path, strerror(errno));
		close(fd);
		goto out;
	}
	if (close(fd) < 0) {
		lcm_error(err, "cannot write mbox '%s': %s", path, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	lcm_buf_release(&b);
	return rc;
}

int
lcm_nudge_sendmail(const char *cmd, const char *msg, size_t len,
		   struct lcm_err *err)
{
	FILE *fp;
	int st, werr = 0;

	fflush(NULL);	/* the child must not write our buffers again */
	if (!(fp = popen(cmd, "w")))
		return lcm_error(err, "cannot run '%s': %s", cmd, strerror(errno));
	if (fwrite(msg, 1, len, fp) != len || fflush(fp) != 0)
		werr = errno;
	st = pclose(fp);
	if (st == -1)
		return lcm_error(err, "cannot run '%s': %s", cmd, strerror(errno));
	if (WIFSIGNALED(st))
		return lcm_error(err, "'%s' was killed by signal %d", cmd, WTERMSIG(st));
	if (WEXITSTATUS(st) != 0)
		return lcm_error(err, "'%s' exited with status %d", cmd, WEXITSTATUS(st));
	if (werr)
		return lcm_error(err, "cannot write to '%s': %s", cmd, strerror(werr));
	return 0;
}
