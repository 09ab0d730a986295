/*
 * options.h - a program's options as one table, in the spirit of git's
 * parse-options: from the table come the getopt table, the usage line,
 * the --help text, the check of each value, and what shell completion
 * offers (the hidden --completion-helper, read by scripts/completions).
 *
 * A program describes each option once: its names, its argument, where
 * the value goes and how it is read. What the table cannot say (options
 * that go together, or exclude each other) the program checks after.
 */
#ifndef LCM_OPTIONS_H
#define LCM_OPTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "cli.h"

/* A list of values a repeatable option was given (NULL or n == 0: none). */
struct lcm_filter {
	const char **v;
	size_t n;
};

/* How an option's argument is read, and what its value points to. */
enum lcm_arg {
	LCM_ARG_FLAG,		/* no argument: int, set to 1 */
	LCM_ARG_STR,		/* const char *, the argument as given */
	LCM_ARG_LIST,		/* struct lcm_filter, the argument appended */
	LCM_ARG_INT,		/* int, a decimal integer in [min, max] */
	LCM_ARG_DURATION,	/* int64_t seconds ("36h"), in [min, max] when > 0 */
	LCM_ARG_TIME,		/* int64_t, a time as lcm_time_parse reads it */
	LCM_ARG_CHOICE,		/* int (or an enum), the value of the choice named */
	LCM_ARG_FUNC		/* parse(arg, value, err) reads it */
};

/* One allowed word of a CHOICE option and the value it stands for. */
struct lcm_choice {
	const char *name;	/* NULL ends the list */
	int value;
};

enum {
	LCM_OPTF_NO_USAGE = 1,	/* in --help, not in the usage line (-h, -V) */
	LCM_OPTF_HIDDEN = 2,	/* in no help (the completion helper) */
	LCM_OPTF_REQUIRED = 4,	/* the usage shows it without brackets */
	LCM_OPTF_OR = 8,	/* the usage shows it and the next as one choice:
				   "[--outbox DIR | --send]" */
	LCM_OPTF_REPEAT = 16	/* repeatable ("[--goal SKILL]..."), as LIST is */
};

struct lcm_option {
	const char *name;	/* long name, without "--" */
	int short_name;		/* 'n', or 0 */
	const char *arg;	/* the argument as --help names it ("DUR"); NULL: none */
	enum lcm_arg type;
	void *value;		/* where the value goes, as type says */
	const char *help;	/* one sentence; wrapped to the terminal's 80 columns */
	long min, max;		/* INT: the range; DURATION: at least min, at most
				   max, when > 0 */
	const struct lcm_choice *choices;	/* CHOICE */
	int (*parse)(const char *arg, void *value, struct lcm_err *err);	/* FUNC */
	/*
	 * What completion offers for the argument: "@file", "@dir", "@zone"
	 * (the tz database's names), or words ("csv json"); NULL: nothing
	 * (free text), or the choices of a CHOICE.
	 */
	const char *complete;
	const char *const *words;	/* or these words (NULL-ended), when set */
	unsigned flags;		/* LCM_OPTF_* */
};

/* Short forms of a table's rows, in the order of the fields. */
#define LCM_FLAG(l, s, v, h) \
	{ .name = (l), .short_name = (s), .type = LCM_ARG_FLAG, .value = (v), .help = (h) }
#define LCM_STR(l, s, a, v, h) \
	{ .name = (l), .short_name = (s), .arg = (a), .type = LCM_ARG_STR, .value = (v), \
	  .help = (h) }
#define LCM_FILE(l, s, a, v, h) \
	{ .name = (l), .short_name = (s), .arg = (a), .type = LCM_ARG_STR, .value = (v), \
	  .help = (h), .complete = "@file" }
#define LCM_LIST(l, a, v, h) \
	{ .name = (l), .arg = (a), .type = LCM_ARG_LIST, .value = (v), .help = (h) }
#define LCM_INT(l, a, v, lo, hi, h) \
	{ .name = (l), .arg = (a), .type = LCM_ARG_INT, .value = (v), .min = (lo), \
	  .max = (hi), .help = (h) }
#define LCM_DURATION(l, a, v, hi, h) \
	{ .name = (l), .arg = (a), .type = LCM_ARG_DURATION, .value = (v), .max = (hi), \
	  .help = (h) }
#define LCM_TIME(l, a, v, h) \
	{ .name = (l), .arg = (a), .type = LCM_ARG_TIME, .value = (v), .help = (h) }
#define LCM_CHOICE(l, a, v, c, h) \
	{ .name = (l), .arg = (a), .type = LCM_ARG_CHOICE, .value = (v), .choices = (c), \
	  .help = (h) }
#define LCM_FUNC(l, s, a, v, f, h) \
	{ .name = (l), .short_name = (s), .arg = (a), .type = LCM_ARG_FUNC, .value = (v), \
	  .parse = (f), .help = (h) }

/*
 * The options every program has, pointing into its struct lcm_cli:
 * --db, --tz, --now, -q, with a help sentence of the program's own, and
 * -h and -V, always last (listed in --help, not in the usage line).
 */
#define LCM_OPTION_DB(cli, h)  LCM_FILE("db", 0, "PATH", &(cli).db, h)
#define LCM_OPTION_TZ(cli, h) \
	{ .name = "tz", .arg = "ZONE", .type = LCM_ARG_FUNC, .value = &(cli).tz, \
	  .parse = lcm_options_zone, .help = (h), .complete = "@zone" }
#define LCM_OPTION_NOW(cli, h)  LCM_TIME("now", "TIME", &(cli).now, h)
#define LCM_OPTION_QUIET(cli, h)  LCM_FLAG("quiet", 'q', &(cli).quiet, h)
#define LCM_OPTION_FORMAT(v, h) \
	{ .name = "format", .short_name = 'f', .arg = "FORMAT", .type = LCM_ARG_STR, \
	  .value = (v), .help = (h), .complete = "table csv tsv json ndjson" }
#define LCM_OPTIONS_END(cli) \
	{ .name = "help", .short_name = 'h', .type = LCM_ARG_FLAG, .value = &(cli).help, \
	  .help = "show this help and exit", .flags = LCM_OPTF_NO_USAGE }, \
	{ .name = "version", .short_name = 'V', .type = LCM_ARG_FLAG, \
	  .value = &(cli).version, .help = "show the version and exit", \
	  .flags = LCM_OPTF_NO_USAGE }, \
	{ .name = "completion-helper", .type = LCM_ARG_FLAG, .value = &(cli).completion, \
	  .flags = LCM_OPTF_HIDDEN }, \
	{ .name = NULL }

/* A program: its options and the words around them in --help. */
struct lcm_program {
	const struct lcm_option *options;	/* ends with LCM_OPTIONS_END */
	const char *operands;	/* after the options in the usage: "[FILE...]" */
	const char *operand_complete;	/* as lcm_option.complete, for operands */
	const char *const *more_usages;	/* other forms, after "prog ": NULL-ended */
	const char *purpose;	/* the line under the usage */
	const char *epilogue;	/* after the options: notes, exit status */
	int (*version)(const struct lcm_cli *cli);	/* prints -V's text */
};

/*
 * Reads argv by p's table into the values it points to. 0: go on, with
 * *first the index of the first operand; 1: --help, --version or the
 * completion helper was printed, exit 0; -1: a bad option or value was
 * said on stderr, exit 2.
 */
int lcm_options_parse(struct lcm_cli *cli, const struct lcm_program *p, int argc,
		      char **argv, int *first);

/* The usage and --help text, on stdout. */
void lcm_options_help(const struct lcm_cli *cli, const struct lcm_program *p);

/*
 * The completion helper's lines: "--long<TAB>-s<TAB>what<TAB>help",
 * what being "" (no argument), "@file" and the like, "any", or the
 * words; then "operands<TAB><TAB>what".
 */
void lcm_options_completion(const struct lcm_program *p);

/* --tz's reader: a zone name, applied at once (lcm_time_set_zone). */
int lcm_options_zone(const char *arg, void *value, struct lcm_err *err);

/* The value of the choice named s into *out: 0, or -1 when none is. */
int lcm_choice_find(const struct lcm_choice *c, const char *s, int *out);

/* Appends v to a filter (owned by the caller, freed with free(f->v)). */
void lcm_filter_add(struct lcm_filter *f, const char *v);

#endif
