/*
 * csv.c - streaming CSV reader over libcsv, and writer: see csv.h.
 *
 * The reader reads 64 KiB at a time, converts it to UTF-8 into dec[],
 * and hands libcsv one physical line at a time: libcsv counts no lines,
 * so feeding it line by line is how each record learns where it began,
 * and how a runaway record is stopped before it eats the memory. libcsv
 * calls back once per field (copied into one reused buffer) and once
 * per row; lcm_csv_next() returns as soon as a row is complete, so the
 * reader never holds more than one record.
 */
#include "csv.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * libcsv's header is also named csv.h, and -Ilib makes <csv.h> find
 * ours: reach the system one by a path that lib/ cannot match.
 */
#include <csv.h>

#include "buf.h"
#include "xalloc.h"

#define CHUNK		(64 * 1024)
#define DEC_SIZE	(3 * (CHUNK + 4))	/* cp1252: 1 byte -> 3 at most */
#define ROW_NOT_BEGUN	0	/* libcsv's pstate between two rows */
#define PARSE_OPTS	(CSV_APPEND_NULL | CSV_STRICT_FINI)

struct lcm_csv_reader {
	FILE *fp;
	char *name;
	struct csv_parser csv;
	char delim;
	enum lcm_encoding enc;	/* decoding in use, never AUTO once read */
	int fallback;		/* no BOM, not forced: may turn to cp1252 */
	int seen_multibyte;	/* valid non-ASCII UTF-8 seen: no fallback */
	int guessed;		/* turned to cp1252 by itself */
	int started;		/* BOM looked for */
	int at_eof;		/* fp has given everything */
	int finished;		/* csv_fini() done: only 0 from now on */
	int failed;		/* err holds the error to give again */
	unsigned char raw[CHUNK + 4];	/* carried bytes, then a read */
	size_t carry;		/* bytes of a sequence cut by the chunk end */
	char *dec;		/* raw as UTF-8, fed to libcsv */
	size_t dec_len, dec_pos;
	size_t nl_pos;		/* next '\n' at or after dec_pos, or dec_len */
	char dec_err[160];	/* conversion error just after dec[dec_len] */
	long line;		/* line of dec[dec_pos] */
	int prev_cr;		/* the last line ended on a CR at a chunk end */
	long rec_line;		/* line the current record began on */
	size_t rec_bytes;	/* bytes fed for the current record */
	int row_done;		/* libcsv ended a row */
	int too_many;		/* more than max_fields fields: not kept */
	size_t max_field;	/* bytes of a record at most (csv.h) */
	size_t max_fields;	/* fields of a record at most: exports have
				 * tens, a big gradebook a few thousand */
	enum lcm_csv_limit limit;	/* the limit that stopped the reader */
	struct lcm_buf store;	/* the record's fields, each with its NUL */
	size_t *offs, *lens;	/* per field: offset in store, length */
	char **fields;
	size_t nfields, fcap;
	struct lcm_err err;
};

/* Windows-1252 0x80-0x9F; the five holes map to the C1 controls of the
 * same number, as WHATWG's encoding standard does (lossless). */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
	0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178
};

/* Encoding names; the first one of each encoding is its own name. */
static const struct {
	const char *name;
	enum lcm_encoding enc;
} enc_names[] = {
	{ "auto", LCM_ENC_AUTO }, { "utf-8", LCM_ENC_UTF8 },
	{ "utf8", LCM_ENC_UTF8 }, { "windows-1252", LCM_ENC_CP1252 },
	{ "cp1252", LCM_ENC_CP1252 }, { "latin1", LCM_ENC_CP1252 },
	{ "utf-16le", LCM_ENC_UTF16LE }, { "utf-16be", LCM_ENC_UTF16BE }
};
#define NENC_NAMES (sizeof(enc_names) / sizeof(enc_names[0]))

int
lcm_encoding_parse(const char *name, enum lcm_encoding *out)
{
	size_t i;

	for (i = 0; i < NENC_NAMES; i++) {
		if (strcasecmp(name, enc_names[i].name) == 0) {
			*out = enc_names[i].enc;
			return 0;
		}
	}
	return -1;
}

const char *
lcm_encoding_name(enum lcm_encoding enc)
{
	size_t i;

	for (i = 0; i < NENC_NAMES; i++)
		if (enc_names[i].enc == enc)
			return enc_names[i].name;
	return "auto";
}

static int fail(struct lcm_csv_reader *r, struct lcm_err *err, long line,
		const char *fmt, ...) LCM_PRINTF(4, 5);

/* Records the reader's error (kept, to be given again) and copies it to
 * err; returns -1. */
static int
fail(struct lcm_csv_reader *r, struct lcm_err *err, long line,
     const char *fmt, ...)
{
	va_list ap;

	r->failed = 1;
	snprintf(r->err.file, sizeof(r->err.file), "%s", r->name);
	r->err.line = line;
	va_start(ap, fmt);
	vsnprintf(r->err.msg, sizeof(r->err.msg), fmt, ap);
	va_end(ap);
	if (err)
		*err = r->err;
	return -1;
}

/* Writes code point cp as UTF-8 at o; returns the bytes written. */
static size_t
put_utf8(char *o, uint32_t cp)
{
	static const unsigned char lead[5] = { 0, 0, 0xC0, 0xE0, 0xF0 };
	size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4, i;

	if (n == 1) {
		o[0] = (char)cp;
		return 1;
	}
	for (i = n - 1; i > 0; i--, cp >>= 6)
		o[i] = (char)(0x80 | (cp & 0x3F));
	o[0] = (char)(lead[n] | cp);
	return n;
}

/* Length of the run of ASCII bytes at s, eight at a time while it can. */
static size_t
ascii_run(const unsigned char *s, size_t n)
{
	size_t i = 0;
	uint64_t w;

	while (i + 8 <= n) {
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
		i += 8;
	}
	while (i < n && s[i] < 0x80)
		i++;
	return i;
}

/*
 * Checks the UTF-8 sequence starting with the non-ASCII byte s[0] (n
 * bytes available): its length when valid, 0 when valid so far but cut
 * short by n, -1 when invalid (overlong, surrogate, above U+10FFFF).
 */
static int
utf8_len(const unsigned char *s, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	int need, i;

	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		need = 1;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		need = 2;
		if (s[0] == 0xE0)
			lo = 0xA0;
		else if (s[0] == 0xED)
			hi = 0x9F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		need = 3;
		if (s[0] == 0xF0)
			lo = 0x90;
		else if (s[0] == 0xF4)
			hi = 0x8F;
	} else {
		return -1;
	}
	for (i = 1; i <= need; i++) {
		if ((size_t)i >= n)
			return 0;
		if (s[i] < lo || s[i] > hi)
			return -1;
		lo = 0x80;
		hi = 0xBF;
	}
	return need + 1;
}

/* Appends the n bytes at s, read as Windows-1252, to dec. */
static void
decode_cp1252(struct lcm_csv_reader *r, const unsigned char *s, size_t n)
{
	char *o = r->dec + r->dec_len;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < 0x80)
			*o++ = (char)s[i];
		else if (s[i] < 0xA0)
			o += put_utf8(o, cp1252_high[s[i] - 0x80]);
		else
			o += put_utf8(o, s[i]);
	}
	r->dec_len = (size_t)(o - r->dec);
}

/*
 * Appends the valid UTF-8 at s to dec. A sequence cut by the end of the
 * chunk is carried to the next read. At an invalid byte, a file that
 * showed no valid non-ASCII UTF-8 so far is taken for Windows-1252 from
 * there on (it was ASCII before, so nothing changes meaning); otherwise
 * the error is kept for when the parser gets there.
 */
static void
decode_utf8(struct lcm_csv_reader *r, unsigned char *s, size_t n)
{
	size_t i = 0;
	int k = 1;

	while (i < n) {
		i += ascii_run(s + i, n - i);
		if (i == n)
			break;
		k = utf8_len(s + i, n - i);
		if (k <= 0)
			break;
		r->seen_multibyte = 1;
		i += (size_t)k;
	}
	memcpy(r->dec + r->dec_len, s, i);
	r->dec_len += i;
	if (i == n)
		return;
	if (k == 0 && !r->at_eof) {
		memmove(r->raw, s + i, n - i);
		r->carry = n - i;
	} else if (r->fallback && !r->seen_multibyte) {
		r->enc = LCM_ENC_CP1252;
		r->guessed = 1;
		decode_cp1252(r, s + i, n - i);
	} else {
		snprintf(r->dec_err, sizeof(r->dec_err), "invalid UTF-8 "
			 "(byte 0x%02X); give --encoding windows-1252 if the "
			 "file is not UTF-8", s[i]);
	}
}

/* Appends the UTF-16 (big-endian when be) at s to dec as UTF-8; an odd
 * byte or a high surrogate cut by the chunk end is carried. */
static void
decode_utf16(struct lcm_csv_reader *r, unsigned char *s, size_t n, int be)
{
	char *o = r->dec + r->dec_len;
	size_t i = 0;
	uint32_t u = 0, u2;

	while (i + 1 < n) {
		u = be ? (uint32_t)s[i] << 8 | s[i + 1] :
		    (uint32_t)s[i + 1] << 8 | s[i];
		if (u < 0xD800 || u > 0xDFFF) {
			o += put_utf8(o, u);
			i += 2;
			continue;
		}
		if (u >= 0xDC00)
			goto bad;
		if (i + 3 >= n)
			break;
		u2 = be ? (uint32_t)s[i + 2] << 8 | s[i + 3] :
		    (uint32_t)s[i + 3] << 8 | s[i + 2];
		if (u2 < 0xDC00 || u2 > 0xDFFF)
			goto bad;
		o += put_utf8(o, 0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
		i += 4;
	}
	if (i < n && !r->at_eof) {
		memmove(r->raw, s + i, n - i);
		r->carry = n - i;
	} else if (i + 1 < n) {
		goto bad;	/* a high surrogate cut by the end */
	} else if (i < n) {
		snprintf(r->dec_err, sizeof(r->dec_err),
			 "invalid UTF-16 (odd number of bytes)");
	}
	r->dec_len = (size_t)(o - r->dec);
	return;
bad:
	r->dec_len = (size_t)(o - r->dec);
	snprintf(r->dec_err, sizeof(r->dec_err),
		 "invalid UTF-16 (unpaired surrogate 0x%04X)", (unsigned)u);
}

/* Settles the encoding from the first bytes; returns the BOM's length
 * to skip. A forced encoding skips its own BOM only. */
static size_t
read_bom(struct lcm_csv_reader *r, size_t n)
{
	const unsigned char *b = r->raw;
	int utf8 = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;
	int le = n >= 2 && b[0] == 0xFF && b[1] == 0xFE;
	int be = n >= 2 && b[0] == 0xFE && b[1] == 0xFF;

	switch (r->enc) {
	case LCM_ENC_AUTO:
		if (le || be) {
			r->enc = le ? LCM_ENC_UTF16LE : LCM_ENC_UTF16BE;
			return 2;
		}
		r->enc = LCM_ENC_UTF8;
		r->fallback = !utf8;	/* a BOM says UTF-8 for sure */
		return utf8 ? 3 : 0;
	case LCM_ENC_UTF8:
		return utf8 ? 3 : 0;
	case LCM_ENC_UTF16LE:
		return le ? 2 : 0;
	case LCM_ENC_UTF16BE:
		return be ? 2 : 0;
	default:
		return 0;
	}
}

/* Picks the separator of the first line: the most frequent of ',' ';'
 * and TAB outside quotes; ',' on a tie or when there is none. */
static char
sniff(const char *s, size_t n)
{
	size_t i, comma = 0, semi = 0, tab = 0;
	int inq = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			inq = !inq;
		else if (inq)
			continue;
		else if (s[i] == '\n' || s[i] == '\r')
			break;
		else if (s[i] == ',')
			comma++;
		else if (s[i] == ';')
			semi++;
		else if (s[i] == '\t')
			tab++;
	}
	if (semi > comma && semi > tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

/* Reads and converts the next chunk into dec (which must be used up).
 * Returns -1 on a read error; a conversion error waits in dec_err. */
static int
fill(struct lcm_csv_reader *r, struct lcm_err *err)
{
	size_t got, n, skip = 0;
	unsigned char *s;
	const char *nl, *nul;

	got = fread(r->raw + r->carry, 1, CHUNK, r->fp);
	if (got < CHUNK) {
		if (ferror(r->fp))
			return fail(r, err, r->line, "cannot read: %s",
				    strerror(errno));
		r->at_eof = 1;
	}
	n = r->carry + got;
	r->carry = 0;
	r->dec_len = r->dec_pos = 0;
	if (!r->started) {
		r->started = 1;
		skip = read_bom(r, n);
	}
	s = r->raw + skip;
	n -= skip;
	if (r->enc == LCM_ENC_UTF8)
		decode_utf8(r, s, n);
	else if (r->enc == LCM_ENC_CP1252)
		decode_cp1252(r, s, n);
	else
		decode_utf16(r, s, n, r->enc == LCM_ENC_UTF16BE);
	/* a NUL would cut a field short as a C string: an error once reached */
	if ((nul = memchr(r->dec, '\0', r->dec_len))) {
		r->dec_len = (size_t)(nul - r->dec);
		snprintf(r->dec_err, sizeof(r->dec_err), "NUL byte in the text: not"
			 " a text file, or UTF-16 without a byte order mark (see"
			 " --encoding)");
	}
	nl = memchr(r->dec, '\n', r->dec_len);
	r->nl_pos = nl ? (size_t)(nl - r->dec) : r->dec_len;
	return 0;
}

/* Starts field nfields at the end of the record's store; its length is
 * set by the caller. */
static void
new_field(struct lcm_csv_reader *r)
{
	if (r->nfields == r->fcap) {
		r->fcap = r->fcap ? 2 * r->fcap : 32;
		r->offs = lcm_xreallocarray(r->offs, r->fcap, sizeof(*r->offs));
		r->lens = lcm_xreallocarray(r->lens, r->fcap, sizeof(*r->lens));
		r->fields = lcm_xreallocarray(r->fields, r->fcap,
					      sizeof(*r->fields));
	}
	r->offs[r->nfields++] = r->store.len;
}

/* libcsv's field callback: copies the field (NUL included, thanks to
 * CSV_APPEND_NULL) into the record's store. */
static void
on_field(void *s, size_t len, void *data)
{
	struct lcm_csv_reader *r = data;

	if (r->nfields == r->max_fields) {
		r->too_many = 1;	/* emit() says so */
		return;
	}
	new_field(r);
	r->lens[r->nfields - 1] = len;
	lcm_buf_grow(&r->store, len + 1);
	memcpy(r->store.data + r->store.len, s, len + 1);
	r->store.len += len + 1;
}

/* libcsv's row callback. */
static void
on_row(int c, void *data)
{
	struct lcm_csv_reader *r = data;

	(void)c;
	r->row_done = 1;
}

/*
 * Feeds libcsv the rest of the current physical line: up to and with
 * its LF, CRLF or lone CR, or to the end of dec when the line goes on
 * in the next chunk. Checks the size of the record being built.
 */
static int
feed(struct lcm_csv_reader *r, struct lcm_err *err)
{
	const char *p = r->dec + r->dec_pos, *cr, *nl;
	size_t avail = r->dec_len - r->dec_pos, lim, n;
	int has_nl, ends = 1, cr_at_end = 0;

	if (r->nl_pos < r->dec_pos) {
		nl = memchr(p, '\n', avail);
		r->nl_pos = nl ? (size_t)(nl - r->dec) : r->dec_len;
	}
	has_nl = r->nl_pos < r->dec_len;
	lim = r->nl_pos - r->dec_pos;
	cr = memchr(p, '\r', lim);
	if (cr && !(has_nl && (size_t)(cr - p) == lim - 1)) {
		/* a lone CR ends the line (unless an LF opens the next chunk) */
		n = (size_t)(cr - p) + 1;
		cr_at_end = n == avail;
	} else if (has_nl) {
		n = lim + 1;
		ends = !(lim == 0 && r->prev_cr);	/* LF of a cut CRLF */
	} else {
		n = avail;
		ends = 0;
	}
	if (r->csv.pstate == ROW_NOT_BEGUN) {
		r->rec_line = r->line;
		r->rec_bytes = 0;
	}
	if (csv_parse(&r->csv, p, n, on_field, on_row, r) != n)
		return fail(r, err, r->line, "cannot parse: %s",
			    csv_strerror(csv_error(&r->csv)));
	r->dec_pos += n;
	r->line += ends;
	r->prev_cr = cr_at_end;
	r->rec_bytes += n;
	if (r->rec_bytes > r->max_field &&
	    (r->row_done || r->csv.pstate != ROW_NOT_BEGUN)) {
		r->limit = LCM_CSV_LIMIT_FIELD;
		return fail(r, err, r->rec_line, "field longer than %zu bytes",
			    r->max_field);
	}
	return 0;
}

/*
 * The common line read without libcsv, which takes a call per byte: a
 * whole line in dec, starting a record, whose fields are plain text or
 * quoted ("" for a quote inside), with nothing around them to trim and
 * no CR but its CRLF end. Anything else (a field going on over the next
 * line, spaces around a field, a stray quote, a blank line) returns 0
 * with nothing consumed, and libcsv reads the line as before: the two
 * agree on every line this one takes.
 */
static int
fast_line(struct lcm_csv_reader *r)
{
	const char *p = r->dec + r->dec_pos, *end, *q, *f;
	char d = r->delim;

	if (r->csv.pstate != ROW_NOT_BEGUN || r->prev_cr)
		return 0;
	if (r->nl_pos < r->dec_pos) {
		q = memchr(p, '\n', r->dec_len - r->dec_pos);
		r->nl_pos = q ? (size_t)(q - r->dec) : r->dec_len;
	}
	if (r->nl_pos >= r->dec_len)
		return 0;
	/* a line over the size limit: feed() says so */
	if (r->nl_pos + 1 - r->dec_pos > r->max_field)
		return 0;
	end = r->dec + r->nl_pos;
	if (end > p && end[-1] == '\r')
		end--;
	if (end == p || memchr(p, '\r', (size_t)(end - p)))
		return 0;
	for (;;) {
		if (p < end && *p == '"') {
			/* quoted: runs up to a quote not doubled */
			size_t start = r->store.len;

			new_field(r);
			f = p + 1;
			for (;;) {
				q = memchr(f, '"', (size_t)(end - f));
				if (!q)
					goto slow;
				lcm_buf_add(&r->store, f, (size_t)(q - f));
				if (q + 1 < end && q[1] == '"') {
					lcm_buf_addc(&r->store, '"');
					f = q + 2;
					continue;
				}
				break;
			}
			p = q + 1;
			if (p < end && *p != d)
				goto slow;
			r->lens[r->nfields - 1] = r->store.len - start;
			lcm_buf_addc(&r->store, '\0');
		} else {
			q = p < end && *p != d ? memchr(p, d, (size_t)(end - p)) : p;
			if (!q)
				q = end;
			if (q > p && (*p == ' ' || *p == '\t' || q[-1] == ' ' ||
				      q[-1] == '\t' || memchr(p, '"', (size_t)(q - p))))
				goto slow;
			new_field(r);
			r->lens[r->nfields - 1] = (size_t)(q - p);
			lcm_buf_add(&r->store, p, (size_t)(q - p));
			lcm_buf_addc(&r->store, '\0');
			p = q;
		}
		if (p == end)
			break;
		p++;	/* the separator: a field follows, if empty */
	}
	r->rec_line = r->line++;
	r->dec_pos = r->nl_pos + 1;
	return 1;
slow:
	r->nfields = 0;
	lcm_buf_reset(&r->store);
	return 0;
}

/* Points rec at the record just completed; returns 1, or -1 when it has
 * too many fields. */
static int
emit(struct lcm_csv_reader *r, struct lcm_csv_record *rec, struct lcm_err *err)
{
	size_t i;

	if (r->too_many || r->nfields > r->max_fields) {
		r->limit = LCM_CSV_LIMIT_FIELDS;
		return fail(r, err, r->rec_line, "more than %zu fields in a record",
			    r->max_fields);
	}
	for (i = 0; i < r->nfields; i++)
		r->fields[i] = r->store.data + r->offs[i];
	rec->fields = r->fields;
	rec->lens = r->lens;
	rec->nfields = r->nfields;
	rec->line = r->rec_line;
	return 1;
}

struct lcm_csv_reader *
lcm_csv_open(FILE *fp, const char *name, const struct lcm_csv_opts *opts,
	     struct lcm_err *err)
{
	struct lcm_csv_reader *r;
	enum lcm_encoding enc = opts ? opts->encoding : LCM_ENC_AUTO;
	char delim = opts ? opts->delim : 0;

	if (delim == '"' || delim == '\r' || delim == '\n') {
		lcm_error_at(err, name, 0,
			     "the separator cannot be a quote or a line end");
		return NULL;
	}
	if ((unsigned)enc > LCM_ENC_UTF16BE) {
		lcm_error_at(err, name, 0, "unknown encoding");
		return NULL;
	}
	r = lcm_xcalloc(1, sizeof(*r));
	r->fp = fp;
	r->name = lcm_xstrdup(name ? name : "");
	r->enc = enc;
	lcm_csv_set_limits(r, 0, 0);
	r->line = 1;
	r->dec = lcm_xmalloc(DEC_SIZE);
	lcm_buf_init(&r->store);
	lcm_err_init(&r->err);
	csv_init(&r->csv, PARSE_OPTS);
	/* out of memory aborts like everywhere else; grow by 64 KiB, not
	 * libcsv's 128 bytes, for long fields */
	csv_set_realloc_func(&r->csv, lcm_xrealloc);
	csv_set_blk_size(&r->csv, CHUNK);
	if (fill(r, err) < 0) {
		lcm_csv_close(r);
		return NULL;
	}
	r->delim = delim ? delim : sniff(r->dec, r->dec_len);
	csv_set_delim(&r->csv, (unsigned char)r->delim);
	return r;
}

/* At the end of the input: lets libcsv hand over a last record with no
 * line end; an open quoted field there is an error. */
static int
finish(struct lcm_csv_reader *r, struct lcm_csv_record *rec,
       struct lcm_err *err)
{
	r->finished = 1;
	/* libcsv honours CSV_STRICT_FINI only with CSV_STRICT, which we
	 * want nowhere else: turn it on only now that all is parsed */
	csv_set_opts(&r->csv, PARSE_OPTS | CSV_STRICT);
	if (csv_fini(&r->csv, on_field, on_row, r) != 0)
		return fail(r, err, r->rec_line, "unterminated quoted field");
	return r->row_done ? emit(r, rec, err) : 0;
}

int
lcm_csv_next(struct lcm_csv_reader *r, struct lcm_csv_record *rec,
	     struct lcm_err *err)
{
	if (r->failed) {
		if (err)
			*err = r->err;
		return -1;
	}
	if (r->finished)
		return 0;
	r->nfields = 0;
	r->row_done = 0;
	lcm_buf_reset(&r->store);
	for (;;) {
		if (r->dec_pos < r->dec_len) {
			if (fast_line(r))
				return emit(r, rec, err);
			if (feed(r, err) < 0)
				return -1;
			if (r->row_done)
				return emit(r, rec, err);
		} else if (r->dec_err[0]) {
			return fail(r, err, r->line, "%s", r->dec_err);
		} else if (!r->at_eof) {
			if (fill(r, err) < 0)
				return -1;
		} else {
			return finish(r, rec, err);
		}
	}
}

char
lcm_csv_delim(const struct lcm_csv_reader *r)
{
	return r->delim;
}

enum lcm_encoding
lcm_csv_encoding(const struct lcm_csv_reader *r)
{
	return r->enc;
}

int
lcm_csv_guessed_cp1252(const struct lcm_csv_reader *r)
{
	return r->guessed;
}

void
lcm_csv_set_limits(struct lcm_csv_reader *r, size_t max_field, size_t max_fields)
{
	r->max_field = max_field ? max_field : LCM_CSV_MAX_FIELD;
	r->max_fields = max_fields ? max_fields : LCM_CSV_MAX_FIELDS;
}

enum lcm_csv_limit
lcm_csv_limit_hit(const struct lcm_csv_reader *r)
{
	return r->limit;
}

void
lcm_csv_close(struct lcm_csv_reader *r)
{
	if (!r)
		return;
	csv_free(&r->csv);
	lcm_buf_release(&r->store);
	free(r->offs);
	free(r->lens);
	free(r->fields);
	free(r->dec);
	free(r->name);
	free(r);
}

/* 1 when s is a signed number ("-3", "+1.5e3"), which Excel reads as a
 * number, not a formula, so it needs no apostrophe. */
static int
is_signed_number(const char *s)
{
	char *end;

	if ((s[0] != '-' && s[0] != '+') ||
	    !(isdigit((unsigned char)s[1]) || s[1] == '.'))
		return 0;
	(void)strtod(s, &end);
	return end != s && *end == '\0';
}

/* 1 when the field must be quoted to read back the same: it holds the
 * separator, a quote or a line end, or starts or ends with a space or a
 * tab (libcsv trims those off unquoted fields), or starts with U+FEFF
 * (which, first in a file, readers take for a byte order mark). */
static int
needs_quotes(const char *s, size_t len, char delim)
{
	char set[5] = { delim, '"', '\r', '\n', '\0' };

	if (len && (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' ||
		    s[len - 1] == '\t'))
		return 1;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		return 1;
	return strpbrk(s, set) != NULL;
}

void
lcm_csv_write_field(FILE *fp, const char *s, char delim, int flags)
{
	size_t len = strlen(s), k;
	int apos, quote;
	const char *q;

	if (!delim)
		delim = ',';
	apos = (flags & LCM_CSV_EXCEL) && len && strchr("=+-@\t\r", s[0]) &&
	    !is_signed_number(s);
	quote = (flags & LCM_CSV_QUOTE_ALL) || needs_quotes(s, len, delim);
	if (quote)
		putc('"', fp);
	if (apos)
		putc('\'', fp);
	if (quote) {
		while ((q = memchr(s, '"', len))) {
			k = (size_t)(q - s) + 1;
			fwrite(s, 1, k, fp);
			putc('"', fp);
			s += k;
			len -= k;
		}
	}
	fwrite(s, 1, len, fp);
	if (quote)
		putc('"', fp);
}

void
lcm_csv_write_record(FILE *fp, const char *const *fields, size_t n,
		     char delim, int flags)
{
	size_t i;

	if (!delim)
		delim = ',';
	/* a lone empty field would be a blank line, which readers skip */
	if (n == 1 && (!fields[0] || !fields[0][0]))
		flags |= LCM_CSV_QUOTE_ALL;
	for (i = 0; i < n; i++) {
		if (i)
			putc(delim, fp);
		lcm_csv_write_field(fp, fields[i] ? fields[i] : "", delim, flags);
	}
	putc('\n', fp);
}
