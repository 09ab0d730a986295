/*
 * stream.c - input streams that let the driver look at a file's first
 * bytes before choosing how to read it: a replay of bytes already read
 * (for pipes, which cannot seek back), and gzip decompression over any
 * stream (a .gz file, or gzip data on standard input), which tells a
 * truncated stream from a corrupt one. See input.h.
 */
#define _GNU_SOURCE	/* fopencookie */
#include "input/input.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "xalloc.h"

/* Bytes read ahead, given again before the rest of src. */
struct replay {
	FILE *src;
	int own;		/* close src with the stream */
	unsigned char head[LCM_INPUT_HEAD];
	size_t n, pos;
};

/* Reads the bytes kept, then src's; -1 on a read error of src. */
static ssize_t
replay_read(void *cookie, char *buf, size_t size)
{
	struct replay *r = cookie;
	size_t k;

	if (r->pos < r->n) {
		k = r->n - r->pos < size ? r->n - r->pos : size;
		memcpy(buf, r->head + r->pos, k);
		r->pos += k;
		return (ssize_t)k;
	}
	k = fread(buf, 1, size, r->src);
	if (k == 0 && ferror(r->src))
		return -1;
	return (ssize_t)k;
}

/* Frees the replay, closing src when owned; 0 or EOF. */
static int
replay_close(void *cookie)
{
	struct replay *r = cookie;
	int rc = r->own ? fclose(r->src) : 0;

	free(r);
	return rc;
}

FILE *
lcm_input_replay(FILE *src, int own, const void *head, size_t n, struct lcm_err *err)
{
	cookie_io_functions_t io = { replay_read, NULL, NULL, replay_close };
	struct replay *r = lcm_xcalloc(1, sizeof(*r));
	FILE *fp;

	r->src = src;
	r->own = own;
	r->n = n < sizeof(r->head) ? n : sizeof(r->head);
	memcpy(r->head, head, r->n);
	if (!(fp = fopencookie(r, "r", io))) {
		free(r);
		lcm_error(err, "cannot read: %s", strerror(errno));
		return NULL;
	}
	return fp;
}

struct lcm_gunzip {
	FILE *src;
	int own;		/* close src with the stream */
	z_stream z;
	int ended;		/* a member ended: more input is a new member */
	int done;		/* the data is over */
	const char *why;	/* the failure, for lcm_input_gunzip_error */
	unsigned char in[65536];
};

/* Decompresses into buf; 0 at the end, -1 (errno EIO, why set) on a fault. */
static ssize_t
gunzip_read(void *cookie, char *buf, size_t size)
{
	struct lcm_gunzip *g = cookie;
	unsigned want = size > UINT_MAX ? UINT_MAX : (unsigned)size;
	size_t n;
	int rc;

	g->z.next_out = (unsigned char *)buf;
	g->z.avail_out = want;
	while (!g->done && g->z.avail_out == want) {
		if (g->z.avail_in == 0) {
			n = fread(g->in, 1, sizeof(g->in), g->src);
			if (n == 0 && ferror(g->src)) {
				g->why = "read error";
				goto fail;
			}
			if (n == 0) {
				/* the end of the file must be the end of a member */
				if (g->ended)
					g->done = 1;
				else {
					g->why = "truncated gzip: the file ends inside"
					    " the compressed data (an incomplete copy?)";
					goto fail;
				}
				break;
			}
			g->z.next_in = g->in;
			g->z.avail_in = (unsigned)n;
		}
		if (g->ended) {
			/* another member follows (cat a.gz b.gz); anything
			 * else after a whole member is ignored, as gzip does */
			if (g->z.next_in[0] != 0x1f) {
				g->done = 1;
				break;
			}
			inflateReset(&g->z);
			g->ended = 0;
		}
		rc = inflate(&g->z, Z_NO_FLUSH);
		if (rc == Z_STREAM_END)
			g->ended = 1;
		else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			g->why = rc == Z_MEM_ERROR ? "out of memory" :
			    "corrupt gzip data (not a gzip file, or damaged)";
			goto fail;
		}
	}
	return (ssize_t)(want - g->z.avail_out);
fail:
	errno = EIO;
	return -1;
}

/* Frees the decompressor, closing src when owned; 0 or EOF. */
static int
gunzip_close(void *cookie)
{
	struct lcm_gunzip *g = cookie;
	int rc = g->own ? fclose(g->src) : 0;

	inflateEnd(&g->z);
	free(g);
	return rc;
}

FILE *
lcm_input_gunzip(FILE *src, int own, struct lcm_gunzip **gz, struct lcm_err *err)
{
	cookie_io_functions_t io = { gunzip_read, NULL, NULL, gunzip_close };
	struct lcm_gunzip *g = lcm_xcalloc(1, sizeof(*g));
	FILE *fp;

	g->src = src;
	g->own = own;
	/* 16 + MAX_WBITS: gzip's header and trailer, checked */
	if (inflateInit2(&g->z, 16 + MAX_WBITS) != Z_OK) {
		free(g);
		lcm_error(err, "cannot read: out of memory");
		return NULL;
	}
	if (!(fp = fopencookie(g, "r", io))) {
		inflateEnd(&g->z);
		free(g);
		lcm_error(err, "cannot read: %s", strerror(errno));
		return NULL;
	}
	*gz = g;
	return fp;
}

const char *
lcm_input_gunzip_error(const struct lcm_gunzip *gz)
{
	return gz ? gz->why : NULL;
}
