/* render.c - rows of typed cells as table, csv, tsv, json or ndjson: see render.h. */
#include "render.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "csv.h"
#include "xalloc.h"

#define TABLE_MAX_WIDTH	60		/* cells; a longer value is cut */
#define REPLACEMENT	"\xef\xbf\xbd"	/* U+FFFD, for bad bytes and controls */
#define ELLIPSIS	"\xe2\x80\xa6"	/* U+2026, marks a cut value */
#define UTF8_BOM	"\xef\xbb\xbf"

/* Column kinds, for the table's alignment. */
enum {
	KIND_NONE,	/* only NULL cells so far */
	KIND_NUMBER,	/* INT, REAL or BOOL cells only: right-aligned */
	KIND_TEXT	/* at least one STR cell: left-aligned */
};

struct lcm_render {
	FILE *fp;		/* borrowed, never closed */
	enum lcm_format fmt;
	int flags;		/* LCM_RENDER_* */
	char **columns;		/* ncol names, owned */
	size_t ncol;
	size_t nrows;		/* rows given so far */
	int ended;		/* lcm_render_end done */
	int werr;		/* errno of the first failed write, else 0 */
	struct lcm_buf scratch;	/* one row's output, reused */
	size_t *offs;		/* csv: where each field starts in scratch */
	const char **fields;	/* csv: the fields, pointing into scratch */
	const char **texts;	/* csv, tsv: a row's cells as text */
	char (*nums)[32];	/* csv, tsv: texts of the non-string cells */
	char **cells;		/* table: nrows * ncol display strings, owned */
	size_t *widths;		/* table: display width of each of cells */
	size_t cap;		/* table: rows allocated in cells and widths */
	unsigned char *kind;	/* table: ncol KIND_* */
};

/*
 * Decodes the UTF-8 sequence at s (NUL-terminated) into *cp and returns
 * its length in bytes. An invalid or truncated sequence sets *cp to -1
 * and returns the length of its longest valid prefix (at least 1): each
 * such maximal part becomes one U+FFFD, as Unicode recommends. Overlong
 * forms, surrogates and values above U+10FFFF are invalid.
 */
static size_t
utf8_decode(const unsigned char *s, long *cp)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xbf;
	size_t len, i;
	long v;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
		v = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		v = c & 0x0f;
		if (c == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (c == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		v = c & 0x07;
		if (c == 0xf0)
			lo = 0x90;	/* overlong */
		else if (c == 0xf4)
			hi = 0x8f;	/* above U+10FFFF */
	} else {
		*cp = -1;
		return 1;
	}
	/* The NUL terminator is never a continuation byte: no overrun. */
	for (i = 1; i < len; i++) {
		if (s[i] < lo || s[i] > hi) {
			*cp = -1;
			return i;
		}
		v = v << 6 | (s[i] & 0x3f);
		lo = 0x80;
		hi = 0xbf;
	}
	*cp = v;
	return len;
}

/*
 * 1 for what must not reach a terminal: C0 controls (ESC among them),
 * DEL, C1 controls and the bidi embeddings, overrides and isolates that
 * can make text read differently from what it is.
 */
static int
is_control(long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

struct range {
	long lo, hi;
};

/* Combining marks and zero-width characters: no cell of their own. */
static const struct range zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x05bf, 0x05c7 }, { 0x0610, 0x061a }, { 0x064b, 0x065f },
	{ 0x0670, 0x0670 }, { 0x06d6, 0x06ed }, { 0x0900, 0x0903 },
	{ 0x093a, 0x094f }, { 0x0e31, 0x0e3a }, { 0x0e47, 0x0e4e },
	{ 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff }, { 0x200b, 0x200f },
	{ 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f },
	{ 0xfeff, 0xfeff }, { 0xe0100, 0xe01ef }
};

/* East Asian wide and fullwidth blocks, and emoji: two cells each. */
static const struct range double_width[] = {
	{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
	{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
	{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
	{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
	{ 0x1f900, 0x1f9ff }, { 0x20000, 0x2fffd }, { 0x30000, 0x3fffd }
};

/* 1 when cp lies in one of the n ranges of t. */
static int
in_ranges(long cp, const struct range *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cp >= t[i].lo && cp <= t[i].hi)
			return 1;
	return 0;
}

/* Terminal cells taken by the printable code point cp: 0, 1 or 2. */
static size_t
cp_width(long cp)
{
	if (cp < 0x300)
		return 1;
	if (in_ranges(cp, zero_width, sizeof(zero_width) / sizeof(zero_width[0])))
		return 0;
	if (in_ranges(cp, double_width,
	    sizeof(double_width) / sizeof(double_width[0])))
		return 2;
	return 1;
}

/* 1 for TAB, CR and LF, which tsv cannot hold. */
static int
is_break(long cp)
{
	return cp == '\t' || cp == '\r' || cp == '\n';
}

/*
 * 1 for a control that must not reach a terminal from csv or tsv: every
 * is_control but TAB and LF, which only move the cursor on (a quoted csv
 * field may hold them). CR is replaced: it can write over a line.
 */
static int
is_term_unsafe(long cp)
{
	return is_control(cp) && cp != '\t' && cp != '\n';
}

/*
 * Appends s to b as valid UTF-8, each bad part replaced by U+FFFD. With
 * flatten, TAB CR and LF become one space each (tsv has no quoting).
 * With term (standard output is a terminal), the controls of
 * is_term_unsafe become U+FFFD too, as in a table.
 */
static void
add_utf8(struct lcm_buf *b, const char *s, int flatten, int term)
{
	const unsigned char *p = (const unsigned char *)s, *run;
	size_t n;
	long cp;

	while (*p) {
		/* a run of ASCII in one copy, not a call a character: most
		 * text is ASCII, and a listing can be megabytes */
		for (run = p; *p && *p < 0x80 && !(flatten && is_break(*p)) &&
		     !(term && is_term_unsafe(*p)); p++)
			;
		if (p > run) {
			lcm_buf_add(b, run, (size_t)(p - run));
			continue;
		}
		n = utf8_decode(p, &cp);
		if (cp < 0)
			lcm_buf_adds(b, REPLACEMENT);
		else if (flatten && is_break(cp))
			lcm_buf_addc(b, ' ');
		else if (term && is_term_unsafe(cp))
			lcm_buf_adds(b, REPLACEMENT);
		else
			lcm_buf_add(b, p, n);
		p += n;
	}
}

/*
 * Appends s to b as a JSON string (RFC 8259): quotes, backslash and
 * controls escaped; U+2028 and U+2029 too, as JavaScript chokes on them
 * raw, and the C1 controls and bidi overrides of is_control (DEL is
 * inert), so that json on a terminal runs nothing (the value read back
 * is the same);
 * '/' never. Bad UTF-8 becomes U+FFFD.
 */
static void
add_json_string(struct lcm_buf *b, const char *s)
{
	static const char from[] = "\"\\\n\r\t\b\f", to[] = "\"\\nrtbf";
	const unsigned char *p = (const unsigned char *)s;
	const char *e;
	size_t n;
	long cp;

	lcm_buf_addc(b, '"');
	while (*p) {
		n = utf8_decode(p, &cp);
		if (cp < 0)
			lcm_buf_adds(b, REPLACEMENT);
		else if (cp > 0 && cp < 0x80 && (e = strchr(from, (int)cp)))
			lcm_buf_printf(b, "\\%c", to[e - from]);
		else if ((is_control(cp) && cp != 0x7f) || cp == 0x2028 || cp == 0x2029)
			lcm_buf_printf(b, "\\u%04lx", cp);
		else
			lcm_buf_add(b, p, n);
		p += n;
	}
	lcm_buf_addc(b, '"');
}

/*
 * Writes d into out (size >= 32) the same way on every machine: %.4f
 * with trailing zeros and '.' stripped for magnitudes in [1e-4, 1e15),
 * where people read plain decimals; %.6g elsewhere. Never "-0".
 */
static void
real_text(double d, char *out, size_t size)
{
	double a = fabs(d);
	char *end;

	if (d == 0) {
		snprintf(out, size, "0");
		return;
	}
	if (a < 1e-4 || a >= 1e15) {
		snprintf(out, size, "%.6g", d);
		return;
	}
	snprintf(out, size, "%.4f", d);
	end = out + strlen(out);
	while (end[-1] == '0')
		*--end = '\0';
	if (end[-1] == '.')
		*--end = '\0';
}

/*
 * The text of a cell that is not a string, in out (size >= 32): empty
 * for NULL and for a REAL that is NaN or infinite; 0/1 for BOOL.
 * Returns out.
 */
static char *
number_text(const struct lcm_cell *c, char *out, size_t size)
{
	out[0] = '\0';
	if (c->type == LCM_CELL_INT)
		snprintf(out, size, "%" PRId64, c->i);
	else if (c->type == LCM_CELL_REAL && isfinite(c->d))
		real_text(c->d, out, size);
	else if (c->type == LCM_CELL_BOOL)
		snprintf(out, size, "%d", c->i != 0);
	return out;
}

/*
 * Makes s safe and one line for a terminal: controls and bidi overrides
 * (is_control) and bad UTF-8 become U+FFFD, so no escape sequence gets
 * through; a run of TAB CR LF becomes one space (a CRLF is one break);
 * beyond TABLE_MAX_WIDTH cells the value is cut and ends with "…".
 * Returns an owned string (free()), its width in cells in *width.
 */
static char *
table_text(const char *s, size_t *width)
{
	const unsigned char *p = (const unsigned char *)s;
	const void *bytes;
	struct lcm_buf b;
	size_t w = 0, n, cw, cut_len = 0, cut_w = 0;
	long cp;

	lcm_buf_init(&b);
	while (*p) {
		n = utf8_decode(p, &cp);
		if (cp == '\t' || cp == '\r' || cp == '\n') {
			while (*p == '\t' || *p == '\r' || *p == '\n')
				p++;
			bytes = " ";
			n = 1;
			cw = 1;
		} else if (cp < 0 || is_control(cp)) {
			p += n;
			bytes = REPLACEMENT;
			n = sizeof(REPLACEMENT) - 1;
			cw = 1;
		} else {
			bytes = p;
			cw = cp_width(cp);
			p += n;
		}
		if (w + cw > TABLE_MAX_WIDTH) {
			/* Back to the last point with room for the "…". */
			b.len = cut_len;
			b.data[cut_len] = '\0';
			lcm_buf_adds(&b, ELLIPSIS);
			w = cut_w + 1;
			break;
		}
		lcm_buf_add(&b, bytes, n);
		w += cw;
		if (w < TABLE_MAX_WIDTH) {
			cut_len = b.len;
			cut_w = w;
		}
	}
	*width = w;
	return lcm_buf_detach(&b);
}

int
lcm_format_parse(const char *name, enum lcm_format *out)
{
	static const struct {
		const char *name;
		enum lcm_format fmt;
	} names[] = {
		{ "table", LCM_FMT_TABLE }, { "csv", LCM_FMT_CSV },
		{ "tsv", LCM_FMT_TSV }, { "json", LCM_FMT_JSON },
		{ "ndjson", LCM_FMT_NDJSON }
	};
	size_t i;

	if (!name)
		return -1;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(name, names[i].name) == 0) {
			*out = names[i].fmt;
			return 0;
		}
	}
	return -1;
}

/* Writes one csv record: fields cleaned of bad UTF-8 into r->scratch. */
static void
csv_record(struct lcm_render *r, const char *const *texts)
{
	int excel = r->flags & LCM_RENDER_EXCEL;
	size_t c;

	lcm_buf_reset(&r->scratch);
	for (c = 0; c < r->ncol; c++) {
		r->offs[c] = r->scratch.len;
		add_utf8(&r->scratch, texts[c], 0, r->flags & LCM_RENDER_TERMINAL);
		lcm_buf_addc(&r->scratch, '\0');
	}
	/* Pointers only now: scratch may have moved while growing. */
	for (c = 0; c < r->ncol; c++)
		r->fields[c] = r->scratch.data + r->offs[c];
	lcm_csv_write_record(r->fp, r->fields, r->ncol, excel ? ';' : ',',
	    excel ? LCM_CSV_EXCEL : 0);
}

/* Writes one tsv line of the ncol texts. */
static void
tsv_record(struct lcm_render *r, const char *const *texts)
{
	size_t c;

	lcm_buf_reset(&r->scratch);
	for (c = 0; c < r->ncol; c++) {
		if (c)
			lcm_buf_addc(&r->scratch, '\t');
		add_utf8(&r->scratch, texts[c], 1, r->flags & LCM_RENDER_TERMINAL);
	}
	lcm_buf_addc(&r->scratch, '\n');
	fwrite(r->scratch.data, 1, r->scratch.len, r->fp);
}

/*
 * Notes the first write error of fp, while errno still tells which: by
 * the end of the output it is long gone, and stdio keeps only a flag.
 */
static void
note_error(struct lcm_render *r)
{
	if (!r->werr && ferror(r->fp))
		r->werr = errno ? errno : EIO;
}

int
lcm_render_error(const struct lcm_render *r)
{
	return r->werr;
}

int
lcm_render_terminal_flags(int flags, FILE *fp)
{
	int fd = fp ? fileno(fp) : -1;

	return fd >= 0 && isatty(fd) ? flags | LCM_RENDER_TERMINAL : flags;
}

/*
 * Borrows fp and copies the column names. csv and tsv write their header
 * (and the Excel BOM) at once, so that an empty result still has it.
 */
struct lcm_render *
lcm_render_new(FILE *fp, enum lcm_format fmt, const char *const *columns,
	       size_t ncol, int flags)
{
	struct lcm_render *r = lcm_xcalloc(1, sizeof(*r));
	size_t c;

	r->fp = fp;
	r->fmt = fmt;
	r->flags = lcm_render_terminal_flags(flags, fp);
	r->ncol = ncol;
	r->columns = lcm_xreallocarray(NULL, ncol + 1, sizeof(*r->columns));
	for (c = 0; c < ncol; c++)
		r->columns[c] = lcm_xstrdup(columns[c]);
	lcm_buf_init(&r->scratch);
	if (fmt == LCM_FMT_CSV) {
		r->offs = lcm_xreallocarray(NULL, ncol + 1, sizeof(*r->offs));
		r->fields = lcm_xreallocarray(NULL, ncol + 1,
		    sizeof(*r->fields));
		if (flags & LCM_RENDER_EXCEL)
			fputs(UTF8_BOM, fp);
		if (!(flags & LCM_RENDER_NO_HEADER))
			csv_record(r, (const char *const *)r->columns);
	}
	if (fmt == LCM_FMT_CSV || fmt == LCM_FMT_TSV) {
		r->texts = lcm_xreallocarray(NULL, ncol + 1, sizeof(*r->texts));
		r->nums = lcm_xreallocarray(NULL, ncol + 1, sizeof(*r->nums));
	}
	if (fmt == LCM_FMT_TSV) {
		if (!(flags & LCM_RENDER_NO_HEADER))
			tsv_record(r, (const char *const *)r->columns);
	} else if (fmt == LCM_FMT_TABLE) {
		r->kind = lcm_xcalloc(ncol + 1, 1);
	}
	note_error(r);
	return r;
}

/* Keeps a table row: display strings and widths, and column kinds. */
static void
table_row(struct lcm_render *r, const struct lcm_cell *cells)
{
	char num[32];
	size_t c, k;

	if (r->nrows == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->cells = lcm_xreallocarray(r->cells, r->cap * r->ncol + 1,
		    sizeof(*r->cells));
		r->widths = lcm_xreallocarray(r->widths, r->cap * r->ncol + 1,
		    sizeof(*r->widths));
	}
	for (c = 0; c < r->ncol; c++) {
		k = r->nrows * r->ncol + c;
		if (cells[c].type == LCM_CELL_STR) {
			r->cells[k] = table_text(cells[c].s, &r->widths[k]);
			r->kind[c] = KIND_TEXT;
			continue;
		}
		/* Numbers are ASCII: bytes are cells. */
		number_text(&cells[c], num, sizeof(num));
		r->cells[k] = lcm_xstrdup(num);
		r->widths[k] = strlen(num);
		if (cells[c].type != LCM_CELL_NULL && r->kind[c] == KIND_NONE)
			r->kind[c] = KIND_NUMBER;
	}
}

/* Writes one json object for the row, then "\n" for ndjson. */
static void
json_row(struct lcm_render *r, const struct lcm_cell *cells)
{
	const struct lcm_cell *cell;
	char num[32];
	size_t c;

	lcm_buf_reset(&r->scratch);
	if (r->fmt == LCM_FMT_JSON)
		lcm_buf_adds(&r->scratch, r->nrows ? ",\n" : "[\n");
	lcm_buf_addc(&r->scratch, '{');
	for (c = 0; c < r->ncol; c++) {
		cell = &cells[c];
		if (c)
			lcm_buf_addc(&r->scratch, ',');
		add_json_string(&r->scratch, r->columns[c]);
		lcm_buf_addc(&r->scratch, ':');
		if (cell->type == LCM_CELL_STR)
			add_json_string(&r->scratch, cell->s);
		else if (cell->type == LCM_CELL_BOOL)
			lcm_buf_adds(&r->scratch, cell->i ? "true" : "false");
		else if (cell->type == LCM_CELL_INT ||
		    (cell->type == LCM_CELL_REAL && isfinite(cell->d)))
			lcm_buf_adds(&r->scratch,
			    number_text(cell, num, sizeof(num)));
		else
			lcm_buf_adds(&r->scratch, "null");
	}
	lcm_buf_addc(&r->scratch, '}');
	if (r->fmt == LCM_FMT_NDJSON)
		lcm_buf_addc(&r->scratch, '\n');
	fwrite(r->scratch.data, 1, r->scratch.len, r->fp);
}

/*
 * Borrows cells (ncol of them) for the call only: csv, tsv, json and
 * ndjson write the row at once; table keeps a copy until the end.
 */
void
lcm_render_row(struct lcm_render *r, const struct lcm_cell *cells)
{
	size_t c;

	if (r->ended)
		return;
	switch (r->fmt) {
	case LCM_FMT_TABLE:
		table_row(r, cells);
		break;
	case LCM_FMT_JSON:
	case LCM_FMT_NDJSON:
		json_row(r, cells);
		break;
	case LCM_FMT_CSV:
	case LCM_FMT_TSV:
		for (c = 0; c < r->ncol; c++)
			r->texts[c] = cells[c].type == LCM_CELL_STR ?
			    cells[c].s : number_text(&cells[c], r->nums[c],
			    sizeof(r->nums[c]));
		if (r->fmt == LCM_FMT_CSV)
			csv_record(r, r->texts);
		else
			tsv_record(r, r->texts);
		break;
	}
	note_error(r);
	r->nrows++;
}

/*
 * Writes one table line into r->scratch and out: cells padded to the
 * column widths in wid, two spaces apart, numbers to the right; the
 * spaces at the end of the line dropped.
 */
static void
table_line(struct lcm_render *r, char *const *texts, const size_t *w,
	   const size_t *wid)
{
	struct lcm_buf *b = &r->scratch;
	size_t c, pad;

	lcm_buf_reset(b);
	for (c = 0; c < r->ncol; c++) {
		if (c)
			lcm_buf_adds(b, "  ");
		pad = wid[c] - w[c];
		if (r->kind[c] == KIND_NUMBER)
			for (; pad; pad--)
				lcm_buf_addc(b, ' ');
		lcm_buf_adds(b, texts[c]);
		for (; pad; pad--)
			lcm_buf_addc(b, ' ');
	}
	while (b->len && b->data[b->len - 1] == ' ')
		b->len--;
	lcm_buf_addc(b, '\n');
	fwrite(b->data, 1, b->len, r->fp);
}

/* Writes the whole table: widths first, then header and rows. */
static void
table_end(struct lcm_render *r)
{
	char **head = lcm_xreallocarray(NULL, r->ncol + 1, sizeof(*head));
	size_t *hw = lcm_xreallocarray(NULL, r->ncol + 1, sizeof(*hw));
	size_t *wid = lcm_xcalloc(r->ncol + 1, sizeof(*wid));
	int header = !(r->flags & LCM_RENDER_NO_HEADER);
	size_t c, i;

	for (c = 0; c < r->ncol; c++) {
		head[c] = table_text(r->columns[c], &hw[c]);
		if (header)
			wid[c] = hw[c];
		for (i = 0; i < r->nrows; i++)
			if (r->widths[i * r->ncol + c] > wid[c])
				wid[c] = r->widths[i * r->ncol + c];
	}
	if (header)
		table_line(r, head, hw, wid);
	for (i = 0; i < r->nrows; i++)
		table_line(r, r->cells + i * r->ncol, r->widths + i * r->ncol,
		    wid);
	for (c = 0; c < r->ncol; c++)
		free(head[c]);
	free(head);
	free(hw);
	free(wid);
}

/* Finishes the output once; later calls, and later rows, do nothing. */
void
lcm_render_end(struct lcm_render *r)
{
	if (r->ended)
		return;
	r->ended = 1;
	if (r->fmt == LCM_FMT_TABLE)
		table_end(r);
	else if (r->fmt == LCM_FMT_JSON)
		fputs(r->nrows ? "\n]\n" : "[]\n", r->fp);
	note_error(r);
}

/* Frees r and all it owns (not the FILE*); r may be NULL. */
void
lcm_render_free(struct lcm_render *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < r->ncol; i++)
		free(r->columns[i]);
	free(r->columns);
	if (r->cells)
		for (i = 0; i < r->nrows * r->ncol; i++)
			free(r->cells[i]);
	free(r->cells);
	free(r->widths);
	free(r->kind);
	free(r->offs);
	free(r->fields);
	free(r->texts);
	free(r->nums);
	lcm_buf_release(&r->scratch);
	free(r);
}

/* The builders borrow s: it must live until lcm_render_row returns. */
struct lcm_cell
lcm_cell_str(const char *s)
{
	return (struct lcm_cell){ s ? LCM_CELL_STR : LCM_CELL_NULL, s, 0, 0 };
}

struct lcm_cell
lcm_cell_int(int64_t i)
{
	return (struct lcm_cell){ LCM_CELL_INT, NULL, i, 0 };
}

struct lcm_cell
lcm_cell_real(double d)
{
	return (struct lcm_cell){ LCM_CELL_REAL, NULL, 0, d };
}

struct lcm_cell
lcm_cell_bool(int b)
{
	return (struct lcm_cell){ LCM_CELL_BOOL, NULL, b != 0, 0 };
}

struct lcm_cell
lcm_cell_null(void)
{
	return (struct lcm_cell){ LCM_CELL_NULL, NULL, 0, 0 };
}

/* Appends v percent-encoded: RFC 3986's unreserved characters as they are. */
static void
url_value(struct lcm_buf *b, const char *v)
{
	const unsigned char *p = (const unsigned char *)(v ? v : "");

	for (; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p))
			lcm_buf_addc(b, (char)*p);
		else
			lcm_buf_printf(b, "%%%02X", *p);
	}
}

/* One pass over tpl: a value holding "{post}" is not expanded again. */
char *
lcm_url_expand(const char *tpl, const char *thread, const char *post,
	       const char *course, const char *forum)
{
	static const char *const keys[] = { "{thread}", "{post}", "{course}", "{forum}" };
	const char *vals[4];
	struct lcm_buf b;
	size_t i, n;
	int hit;

	vals[0] = thread;
	vals[1] = post;
	vals[2] = course;
	vals[3] = forum;
	lcm_buf_init(&b);
	while (*tpl) {
		for (i = 0, hit = 0; i < 4 && !hit; i++) {
			n = strlen(keys[i]);
			if (strncmp(tpl, keys[i], n) == 0) {
				url_value(&b, vals[i]);
				tpl += n;
				hit = 1;
			}
		}
		if (!hit)
			lcm_buf_addc(&b, *tpl++);
	}
	return lcm_buf_detach(&b);
}
