/*
 * test_options.c - a program's options from one table (lib/base/options.c):
 * each kind of value read and checked, the usage line and --help laid
 * out from the table, and the completion helper's lines.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "options.h"

/* What a test program's table writes into. */
static struct lcm_cli cli;
static struct {
	int flag, n, choice, dest;
	const char *str;
	struct lcm_filter list;
	int64_t dur, when;
} v;

enum { RED = 7, GREEN = 9 };
static const struct lcm_choice colours[] = { { "red", RED }, { "green", GREEN }, { NULL, 0 } };

/* A FUNC reader: "ok" is fine, "file" an error in a file, else misuse. */
static int
reader(const char *arg, void *value, struct lcm_err *err)
{
	if (strcmp(arg, "ok") == 0) {
		*(int *)value = 1;
		return 0;
	}
	if (strcmp(arg, "file") == 0)
		return lcm_error_at(err, "names.txt", 3, "bad name");
	return lcm_error(err, "not ok: '%s'", arg);
}

static const struct lcm_option table[] = {
	LCM_OPTION_DB(cli, "store file"),
	LCM_FLAG("flag", 'n', &v.flag, "a flag"),
	LCM_STR("str", 's', "TEXT", &v.str, "a string"),
	LCM_LIST("item", "NAME", &v.list, "an item (repeatable)"),
	LCM_INT("count", "N", &v.n, 1, 100, "a count"),
	{ .name = "wait", .arg = "DUR", .type = LCM_ARG_DURATION, .value = &v.dur, .min = 1,
	  .max = 86400, .help = "a duration" },
	LCM_TIME("at", "TIME", &v.when, "a time"),
	LCM_CHOICE("colour", "red|green", &v.choice, colours, "a colour"),
	{ .name = "check", .arg = "X", .type = LCM_ARG_FUNC, .value = &v.dest, .parse = reader,
	  .flags = LCM_OPTF_OR, .help = "checked by a reader" },
	{ .name = "other", .type = LCM_ARG_FLAG, .value = &v.dest, .flags = LCM_OPTF_REQUIRED,
	  .help = "the other of a choice, which the usage shows as needed" },
	{ .name = "long-option-name", .arg = "SOMETHING", .type = LCM_ARG_STR, .value = &v.str,
	  .flags = LCM_OPTF_NO_USAGE,
	  .help = "a label too long for its column puts the help under it, wrapped at the"
		  " 79th column" },
	LCM_OPTION_QUIET(cli, "no messages"),
	LCM_OPTIONS_END(cli)
};

static const struct lcm_program program = {
	.options = table, .operands = "[FILE...]", .operand_complete = "@file",
	.purpose = "A test program.", .epilogue = "Exit status: 0 or 2.\n",
};

/* Runs lcm_options_parse on the words (NULL-ended) from a fresh state. */
static int
parse(int *first, ...)
{
	static char words[32][64];
	char *argv[33];
	const char *w;
	va_list ap;
	int argc = 0;

	memset(&v, 0, sizeof(v));
	lcm_cli_init(&cli, "prog");
	strcpy(words[argc], "prog");
	argv[argc] = words[argc];
	argc++;
	va_start(ap, first);
	while ((w = va_arg(ap, const char *)) != NULL) {
		snprintf(words[argc], sizeof(words[argc]), "%s", w);
		argv[argc] = words[argc];
		argc++;
	}
	va_end(ap);
	argv[argc] = NULL;
	optind = 0;	/* glibc: getopt from the start */
	opterr = 0;	/* getopt's own messages are not under test */
	return lcm_options_parse(&cli, &program, argc, argv, first);
}

/* What fn wrote on fd 1 or 2 while it ran, as one string (freed by the caller). */
static char *
captured(int fd, void (*fn)(void))
{
	FILE *tmp = tmpfile(), *stream = fd == 1 ? stdout : stderr;
	int saved;
	long len;
	char *text;

	assert_non_null(tmp);
	fflush(stream);
	saved = dup(fd);
	dup2(fileno(tmp), fd);
	fn();
	fflush(stream);
	dup2(saved, fd);
	close(saved);
	len = ftell(tmp);
	text = calloc(1, (size_t)len + 1);
	rewind(tmp);
	assert_int_equal(fread(text, 1, (size_t)len, tmp), (size_t)len);
	fclose(tmp);
	return text;
}

static int last_rc;
static const char *bad_words[4];

static void
parse_bad(void)
{
	int first;

	last_rc = parse(&first, bad_words[0], bad_words[1], bad_words[2], (const char *)NULL);
}

/* The stderr of a parse of up to three words, which must fail. */
static char *
misuse(const char *a, const char *b, const char *c)
{
	char *text;

	bad_words[0] = a;
	bad_words[1] = b;
	bad_words[2] = c;
	text = captured(2, parse_bad);
	assert_int_equal(last_rc, -1);
	return text;
}

static void
test_options_each_kind(void **state)
{
	int first;

	(void)state;
	assert_int_equal(parse(&first, "-n", "--str", "hello", "--item", "a", "--item=b",
			       "--count", "42", "--wait", "12h", "--at", "2026-12-01T10:00:00Z",
			       "--colour", "green", "--check", "ok", "--db", "x.db", "-q",
			       "rest", (const char *)NULL), 0);
	assert_int_equal(v.flag, 1);
	assert_string_equal(v.str, "hello");
	assert_int_equal(v.list.n, 2);
	assert_string_equal(v.list.v[0], "a");
	assert_string_equal(v.list.v[1], "b");
	assert_int_equal(v.n, 42);
	assert_int_equal(v.dur, 12 * 3600);
	assert_int_equal(v.when, 1796119200);	/* date -d 2026-12-01T10:00:00Z +%s */
	assert_int_equal(v.choice, GREEN);
	assert_int_equal(v.dest, 1);
	assert_string_equal(cli.db, "x.db");
	assert_int_equal(cli.quiet, 1);
	assert_int_equal(first, 20);	/* "rest", the first operand */
	free(v.list.v);
}

static void
test_options_short_forms_bundle(void **state)
{
	int first;

	(void)state;
	assert_int_equal(parse(&first, "-nq", "-sword", (const char *)NULL), 0);
	assert_int_equal(v.flag, 1);
	assert_int_equal(cli.quiet, 1);
	assert_string_equal(v.str, "word");
	assert_int_equal(first, 3);
}

static void
test_options_bad_values_said(void **state)
{
	char *e;

	(void)state;
	e = misuse("--count", "0", NULL);
	assert_non_null(strstr(e, "prog: --count: not a number from 1 to 100: '0'\n"));
	assert_non_null(strstr(e, "Try 'prog --help' for more information.\n"));
	free(e);
	e = misuse("--count", "12x", NULL);
	assert_non_null(strstr(e, "--count: not a number from 1 to 100: '12x'"));
	free(e);
	e = misuse("--colour", "blue", NULL);
	assert_non_null(strstr(e, "prog: --colour: not red or green: 'blue'\n"));
	free(e);
	e = misuse("--wait", "2d", NULL);
	assert_non_null(strstr(e, "prog: --wait: at most a day\n"));
	free(e);
	e = misuse("--wait", "0s", NULL);
	assert_non_null(strstr(e, "prog: --wait: not over 0: '0s'\n"));
	free(e);
	e = misuse("--wait", "soon", NULL);
	assert_non_null(strstr(e, "prog: --wait: "));
	free(e);
	e = misuse("--at", "yesterday", NULL);
	assert_non_null(strstr(e, "prog: --at: "));
	free(e);
	e = misuse("--check", "no", NULL);
	assert_non_null(strstr(e, "prog: --check: not ok: 'no'\n"));
	free(e);
	e = misuse("--bogus", NULL, NULL);
	assert_non_null(strstr(e, "Try 'prog --help' for more information.\n"));
	free(e);
	e = misuse("--count", NULL, NULL);	/* its argument missing */
	assert_non_null(strstr(e, "Try 'prog --help'"));
	free(e);
}

static void
test_options_file_error_is_input(void **state)
{
	char *e = misuse("--check", "file", NULL);

	(void)state;
	/* where the file went wrong, and no "Try --help": not misuse */
	assert_string_equal(e, "prog: names.txt:3: bad name\n");
	free(e);
}

static void
help_run(void)
{
	int first;

	last_rc = parse(&first, "--count", "3", "--help", (const char *)NULL);
}

static void
test_options_help_from_table(void **state)
{
	char *out = captured(1, help_run);

	(void)state;
	assert_int_equal(last_rc, 1);
	/* the usage: options in table order, wrapped at 79 columns, never
	 * inside [...]; OR joins two, REQUIRED drops the brackets */
	assert_string_equal(strstr(out, "Usage:"),
		"Usage: prog [--db PATH] [-n] [-s TEXT] [--item NAME]... [--count N]\n"
		"            [--wait DUR] [--at TIME] [--colour red|green] [--check X | --other]\n"
		"            [-q] [FILE...]\n"
		"A test program.\n"
		"\n"
		"  --db PATH              store file\n"
		"  -n, --flag             a flag\n"
		"  -s, --str TEXT         a string\n"
		"  --item NAME            an item (repeatable)\n"
		"  --count N              a count\n"
		"  --wait DUR             a duration\n"
		"  --at TIME              a time\n"
		"  --colour red|green     a colour\n"
		"  --check X              checked by a reader\n"
		"  --other                the other of a choice, which the usage shows as needed\n"
		"  --long-option-name SOMETHING\n"
		"                         a label too long for its column puts the help under\n"
		"                         it, wrapped at the 79th column\n"
		"  -q, --quiet            no messages\n"
		"  -h, --help             show this help and exit\n"
		"  -V, --version          show the version and exit\n"
		"\n"
		"Exit status: 0 or 2.\n");
	free(out);
}

static void
completion_run(void)
{
	int first;

	last_rc = parse(&first, "--completion-helper", (const char *)NULL);
}

static void
test_options_completion_lines(void **state)
{
	char *out = captured(1, completion_run);

	(void)state;
	assert_int_equal(last_rc, 1);
	assert_non_null(strstr(out, "--db\t\t@file\tstore file\n"));
	assert_non_null(strstr(out, "--flag\t-n\t\ta flag\n"));
	assert_non_null(strstr(out, "--colour\t\tred green\ta colour\n"));
	assert_non_null(strstr(out, "--count\t\tany\ta count\n"));
	assert_non_null(strstr(out, "--help\t-h\t\tshow this help and exit\n"));
	assert_null(strstr(out, "completion-helper"));	/* hidden */
	assert_non_null(strstr(out, "operands\t\t@file\t\n"));
	free(out);
}

static void
test_options_choice_find(void **state)
{
	int x = -1;

	(void)state;
	assert_int_equal(lcm_choice_find(colours, "red", &x), 0);
	assert_int_equal(x, RED);
	assert_int_equal(lcm_choice_find(colours, "Red", &x), -1);
	assert_int_equal(x, RED);	/* untouched */
	assert_int_equal(lcm_choice_find(colours, "", &x), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_options_each_kind),
		cmocka_unit_test(test_options_short_forms_bundle),
		cmocka_unit_test(test_options_bad_values_said),
		cmocka_unit_test(test_options_file_error_is_input),
		cmocka_unit_test(test_options_help_from_table),
		cmocka_unit_test(test_options_completion_lines),
		cmocka_unit_test(test_options_choice_find),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
