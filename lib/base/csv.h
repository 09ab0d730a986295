/*
 * csv.h - streaming CSV reader (over libcsv) and writer.
 *
 * Reader: one record at a time, whatever the file's size; records carry
 * the line they start on, for "file:line:" messages. Handles a UTF-8
 * BOM, UTF-16LE/BE with a BOM (converted to UTF-8), Windows-1252 files
 * (no BOM, and not valid UTF-8 before any valid non-ASCII UTF-8 was
 * seen: converted, and lcm_csv_guessed_cp1252() true so the program can
 * say so once; 0x81 0x8D 0x8F 0x90 0x9D become the C1 controls U+0081
 * etc.), CRLF or LF or CR line ends, quoted fields with newlines, and
 * ',' ';' or TAB found from the first line (the most frequent outside
 * quotes; ',' on a tie or when there is none). As libcsv does, spaces
 * and tabs around an unquoted field are dropped, and a stray quote in
 * an unquoted field is kept as text.
 */
#ifndef LCM_CSV_H
#define LCM_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "err.h"

enum lcm_encoding {
	LCM_ENC_AUTO = 0,	/* BOM, else UTF-8, else Windows-1252 */
	LCM_ENC_UTF8,
	LCM_ENC_CP1252,
	LCM_ENC_UTF16LE,
	LCM_ENC_UTF16BE
};

/* Parses "utf-8" (or "utf8"), "windows-1252" (or "cp1252", "latin1"),
 * "utf-16le", "utf-16be", "auto"; case-insensitive. -1 when unknown.
 * lcm_encoding_name() gives "utf-8", "windows-1252", "utf-16le",
 * "utf-16be" or "auto" (static strings). */
int lcm_encoding_parse(const char *name, enum lcm_encoding *out);
const char *lcm_encoding_name(enum lcm_encoding enc);

/*
 * Limits. Each is an error at the record's first line, found without
 * holding more of the input than the limit in memory:
 *  - a record (a field, and the whole row it is in) over max_field bytes,
 *    by default LCM_CSV_MAX_FIELD (4 MiB): most often a quote never
 *    closed, which would otherwise swallow the rest of the file;
 *  - a record of more than max_fields fields, by default
 *    LCM_CSV_MAX_FIELDS (10,000): 4 MiB of commas would be 4 million
 *    fields, some 100 MB of field tables;
 *  - a NUL byte, refused whatever the limits: it would cut a field short
 *    as a C string (it is also the sign of UTF-16 without a byte order
 *    mark, or of a file that is not text).
 * lcm_csv_set_limits() changes the first two; lcm_csv_limit_hit() says
 * which limit stopped a reader, so that a program can name its option
 * to raise it. Times in fields are read by
 * timefmt.h, which takes the years 0 to 9999 only (epoch seconds
 * -62167219200 to 253402300799), what ISO 8601 and SQLite can write.
 * On output, a field starting with U+FEFF is quoted (see the writer).
 */
#define LCM_CSV_MAX_FIELD (4u * 1024 * 1024)
#define LCM_CSV_MAX_FIELDS 10000

struct lcm_csv_opts {
	enum lcm_encoding encoding;	/* LCM_ENC_AUTO by default */
	char delim;			/* 0 = sniff from the first line */
};

/* Which limit a reader's error was (lcm_csv_limit_hit). */
enum lcm_csv_limit {
	LCM_CSV_LIMIT_NONE = 0,
	LCM_CSV_LIMIT_FIELD,	/* a record over max_field bytes */
	LCM_CSV_LIMIT_FIELDS	/* a record of more than max_fields fields */
};

/* One record: nfields NUL-terminated UTF-8 strings. Borrowed from the
 * reader, valid until the next call. */
struct lcm_csv_record {
	char **fields;
	size_t *lens;
	size_t nfields;
	long line;		/* line the record starts on, 1-based */
};

struct lcm_csv_reader;

/*
 * Starts reading fp (borrowed; not closed). name is used in messages.
 * opts may be NULL. Returns NULL with err filled on failure.
 * Freed with lcm_csv_close().
 */
struct lcm_csv_reader *lcm_csv_open(FILE *fp, const char *name,
				    const struct lcm_csv_opts *opts,
				    struct lcm_err *err);

/*
 * Reads the next record into *rec. Returns 1 for a record, 0 at the end
 * of the input, -1 on error with err filled, located at file:line
 * ("unterminated quoted field", "field longer than 4194304 bytes",
 * "more than 10000 fields in a record", "invalid UTF-8", "NUL byte in
 * the text", a read error). A blank line is skipped.
 */
int lcm_csv_next(struct lcm_csv_reader *r, struct lcm_csv_record *rec,
		 struct lcm_err *err);

/* The separator in use (known once lcm_csv_open() returns), and the
 * encoding found (UTF-8 for AUTO until a guess turns it to cp1252). */
char lcm_csv_delim(const struct lcm_csv_reader *r);
enum lcm_encoding lcm_csv_encoding(const struct lcm_csv_reader *r);
/* 1 once the reader has converted from Windows-1252 without being told. */
int lcm_csv_guessed_cp1252(const struct lcm_csv_reader *r);
/*
 * Sets the most bytes (max_field) and fields (max_fields) of a record,
 * 0 for the default; call before the first lcm_csv_next().
 */
void lcm_csv_set_limits(struct lcm_csv_reader *r, size_t max_field, size_t max_fields);
/* The limit that made lcm_csv_next() fail, or LCM_CSV_LIMIT_NONE. */
enum lcm_csv_limit lcm_csv_limit_hit(const struct lcm_csv_reader *r);

void lcm_csv_close(struct lcm_csv_reader *r);

/*
 * Writer: RFC 4180, fields quoted when they hold the separator, a quote,
 * CR or LF, or start or end with a space or TAB (so that they read back
 * the same), or start with U+FEFF (which a reader would take for a byte
 * order mark at the start of a file, and drop), or always, with
 * LCM_CSV_QUOTE_ALL. Excel mode neutralises
 * formula cells: a field starting with = + - @ TAB or CR gets a leading
 * apostrophe (OWASP's advice), except a signed number such as "-3".
 */
enum {
	LCM_CSV_EXCEL = 1 << 0,
	LCM_CSV_QUOTE_ALL = 1 << 1
};

/* Writes one field (no separator) to fp. */
void lcm_csv_write_field(FILE *fp, const char *s, char delim, int flags);

/* Writes a whole record and its "\n" (RFC 4180 says CRLF; we write LF
 * like every Unix tool, and the reader takes both). A NULL field is
 * written empty; a record of one empty field is written as "" so that
 * it is not a blank line. */
void lcm_csv_write_record(FILE *fp, const char *const *fields, size_t n,
			  char delim, int flags);

#endif
