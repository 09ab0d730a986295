/*
 * fuzz_csv.c - the CSV reader (lib/base/csv.c) on any bytes, and the writer
 * on what it read.
 *
 * The first byte picks the options (encoding, separator, Excel mode,
 * padding); the rest is the file. The reader reads 64 KiB at a time:
 * with padding, the file starts with a record of one quoted field ending
 * a few bytes short of that, so that what follows straddles the end of
 * the first chunk (a UTF-8 sequence, a CRLF or a UTF-16 pair cut in
 * two), the second byte saying how many bytes short.
 *
 * Besides not crashing, the reader must keep its promises: every field
 * is valid UTF-8 with its length right, lines go forward, an error is
 * located and stays; and the records written back by
 * lcm_csv_write_record() read back the same (with Excel's apostrophe
 * in front of formula cells, and no formula cell left).
 */
#include <ctype.h>

#include "fuzz.h"

#include "csv.h"

static const enum lcm_encoding encodings[8] = {
	LCM_ENC_AUTO, LCM_ENC_UTF8, LCM_ENC_CP1252, LCM_ENC_UTF16LE,
	LCM_ENC_UTF16BE, LCM_ENC_AUTO, LCM_ENC_AUTO, LCM_ENC_AUTO
};
static const char delims[4] = { 0, ',', ';', '\t' };

#define CHUNK (64 * 1024)	/* csv.c's read size */

/* 1 when Excel would take s for a formula (csv.h: = + - @ TAB CR first,
 * not a signed number). */
static int
formula(const char *s)
{
	char *end;

	if (!*s || !strchr("=+-@\t\r", s[0]))
		return 0;
	if ((s[0] == '-' || s[0] == '+') &&
	    (isdigit((unsigned char)s[1]) || s[1] == '.')) {
		(void)strtod(s, &end);
		return !(end != s && *end == '\0');
	}
	return 1;
}

/*
 * The records read, written out again (out) and kept as they were
 * (orig: per record its field count, then each field's length and
 * bytes), to be read back and compared once at the end: one reader for
 * the lot, as a reader costs some 260 KiB of buffers.
 */
struct kept {
	FILE *out, *orig;
	char *outbuf, *origbuf;
	size_t outlen, origlen, n;
};

static void
keep(struct kept *k, const struct lcm_csv_record *rec, char delim, int flags)
{
	size_t i;

	lcm_csv_write_record(k->out, (const char *const *)rec->fields, rec->nfields,
			     delim, flags);
	fwrite(&rec->nfields, sizeof(rec->nfields), 1, k->orig);
	for (i = 0; i < rec->nfields; i++) {
		fwrite(&rec->lens[i], sizeof(rec->lens[i]), 1, k->orig);
		fwrite(rec->fields[i], 1, rec->lens[i], k->orig);
	}
	k->n++;
}

/* Reads back what keep() wrote: the same records, but for the apostrophe
 * Excel mode puts before formula cells, and no formula cell left. */
static void
compare(struct kept *k, char delim, int flags)
{
	struct lcm_csv_opts o;
	struct lcm_csv_reader *r;
	struct lcm_csv_record back;
	struct lcm_err err;
	const char *p;
	size_t i, j, nf, len;
	FILE *fp;

	/* the defaults for whatever else the options hold (limits...) */
	memset(&o, 0, sizeof(o));
	o.encoding = LCM_ENC_UTF8;
	o.delim = delim;
	fclose(k->out);
	fclose(k->orig);
	fp = fmemopen(k->outbuf, k->outlen, "r");
	FUZZ_CHECK(fp);
	lcm_err_init(&err);
	r = lcm_csv_open(fp, "back", &o, &err);
	FUZZ_CHECK(r);
	p = k->origbuf;
	for (i = 0; i < k->n; i++) {
		FUZZ_CHECK(lcm_csv_next(r, &back, &err) == 1);
		memcpy(&nf, p, sizeof(nf));
		p += sizeof(nf);
		FUZZ_CHECK(back.nfields == nf);
		for (j = 0; j < nf; j++) {
			const char *f = back.fields[j];
			char *was;

			memcpy(&len, p, sizeof(len));
			p += sizeof(len);
			was = fuzz_strndup((const uint8_t *)p, len);
			p += len;
			if (flags & LCM_CSV_EXCEL) {
				FUZZ_CHECK(!formula(f));
				if (formula(was)) {
					FUZZ_CHECK(f[0] == '\'');
					f++;
				}
			}
			FUZZ_CHECK(strcmp(f, was) == 0);
			free(was);
		}
	}
	FUZZ_CHECK(lcm_csv_next(r, &back, &err) == 0);
	lcm_csv_close(r);
	fclose(fp);
	free(k->outbuf);
	free(k->origbuf);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lcm_csv_opts o;
	struct lcm_csv_reader *r;
	struct lcm_csv_record rec;
	struct lcm_err err;
	long last = 0;
	size_t i;
	int got, flags;
	struct kept kp = { 0 };
	unsigned char *padded = NULL;
	size_t pad, k, unit;
	FILE *fp;

	if (size < 1)
		return 0;
	memset(&o, 0, sizeof(o));
	o.encoding = encodings[data[0] & 7];
	o.delim = delims[(data[0] >> 3) & 3];
	flags = data[0] & 0x20 ? LCM_CSV_EXCEL : 0;
	if ((data[0] & 0x40) && size >= 2) {
		/* "xxx...x"\n, in UTF-16 when the file is */
		pad = CHUNK - (data[1] & 63);
		padded = malloc(pad + size - 2);
		FUZZ_CHECK(padded);
		unit = o.encoding == LCM_ENC_UTF16LE ||
		    o.encoding == LCM_ENC_UTF16BE ? 2 : 1;
		pad -= pad % unit;
		memset(padded, unit == 1 ? 'x' : 0, pad);
		for (k = o.encoding == LCM_ENC_UTF16BE; unit == 2 && k < pad; k += 2)
			padded[k] = 'x';
		k = o.encoding == LCM_ENC_UTF16BE;
		padded[k] = padded[pad - 2 * unit + k] = '"';
		padded[pad - unit + k] = '\n';
		memcpy(padded + pad, data + 2, size - 2);
		fp = fmemopen(padded, pad + size - 2, "r");
	} else {
		fp = fmemopen((void *)(data + 1), size - 1, "r");
	}
	FUZZ_CHECK(fp);
	lcm_err_init(&err);
	r = lcm_csv_open(fp, "fuzz.csv", &o, &err);
	FUZZ_CHECK(r);
	kp.out = open_memstream(&kp.outbuf, &kp.outlen);
	kp.orig = open_memstream(&kp.origbuf, &kp.origlen);
	FUZZ_CHECK(kp.out && kp.orig);
	while ((got = lcm_csv_next(r, &rec, &err)) == 1) {
		FUZZ_CHECK(rec.line >= 1 && rec.line >= last);
		last = rec.line;
		FUZZ_CHECK(rec.nfields >= 1);
		for (i = 0; i < rec.nfields; i++) {
			FUZZ_CHECK(strlen(rec.fields[i]) == rec.lens[i]);
			FUZZ_CHECK(fuzz_utf8_ok((const unsigned char *)rec.fields[i],
						rec.lens[i]));
		}
		keep(&kp, &rec, lcm_csv_delim(r), flags);
	}
	compare(&kp, lcm_csv_delim(r), flags);
	if (got < 0) {
		/* an error is located and says something */
		FUZZ_CHECK(err.msg[0] != '\0');
		FUZZ_CHECK(strcmp(err.file, "fuzz.csv") == 0 && err.line >= 1);
		/* and it stays: the reader does not go on after it */
		FUZZ_CHECK(lcm_csv_next(r, &rec, &err) == -1);
	}
	lcm_csv_close(r);
	fclose(fp);
	free(padded);
	return 0;
}
