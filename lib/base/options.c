/* options.c - a program's options from one table: see options.h. */
#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "timefmt.h"
#include "xalloc.h"

#define WIDTH 79		/* the last column --help writes in */
#define HELP_COLUMN 25		/* where help sentences start */

int
lcm_options_zone(const char *arg, void *value, struct lcm_err *err)
{
	if (lcm_time_set_zone(arg, err) < 0)
		return -1;
	*(const char **)value = arg;
	return 0;
}

void
lcm_filter_add(struct lcm_filter *f, const char *v)
{
	f->v = lcm_xreallocarray(f->v, f->n + 1, sizeof(*f->v));
	f->v[f->n++] = v;
}

int
lcm_choice_find(const struct lcm_choice *c, const char *s, int *out)
{
	for (; c->name; c++)
		if (strcmp(c->name, s) == 0) {
			*out = c->value;
			return 0;
		}
	return -1;
}

/* "a, b or c", the choices as an error message lists them. */
static void
choice_list(const struct lcm_choice *c, struct lcm_buf *b)
{
	size_t i, n;

	for (n = 0; c[n].name; n++)
		;
	for (i = 0; i < n; i++)
		lcm_buf_printf(b, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", c[i].name);
}

/* A limit as a person says it: "a day", "2 hours", "90 s". */
static const char *
span(long secs, char *out)
{
	static const struct { long len; const char *one, *many; } unit[] = {
		{ 86400, "a day", "days" }, { 3600, "an hour", "hours" },
		{ 60, "a minute", "minutes" }
	};
	size_t i;

	for (i = 0; i < sizeof(unit) / sizeof(unit[0]); i++)
		if (secs % unit[i].len == 0) {
			if (secs == unit[i].len)
				return strcpy(out, unit[i].one);
			sprintf(out, "%ld %s", secs / unit[i].len, unit[i].many);
			return out;
		}
	sprintf(out, "%ld s", secs);
	return out;
}

/* Reads one option's argument into its value: 0, or -1 after saying why. */
static int
take(const struct lcm_cli *cli, const struct lcm_option *o, const char *arg)
{
	struct lcm_err err;
	struct lcm_buf b;
	char *end, q[32];
	long n;

	lcm_err_init(&err);
	switch (o->type) {
	case LCM_ARG_FLAG:
		*(int *)o->value = 1;
		return 0;
	case LCM_ARG_STR:
		*(const char **)o->value = arg;
		return 0;
	case LCM_ARG_LIST:
		lcm_filter_add(o->value, arg);
		return 0;
	case LCM_ARG_INT:
		errno = 0;
		n = strtol(arg, &end, 10);
		if (*end || end == arg || errno || n < o->min || n > o->max) {
			lcm_cli_usage_error(cli, "--%s: not a number from %ld to %ld: '%s'",
					    o->name, o->min, o->max, arg);
			return -1;
		}
		*(int *)o->value = (int)n;
		return 0;
	case LCM_ARG_DURATION:
		if (lcm_duration_parse(arg, o->value, &err) < 0)
			break;
		if (o->min > 0 && *(int64_t *)o->value < o->min) {
			if (o->min == 1)
				lcm_cli_usage_error(cli, "--%s: not over 0: '%s'", o->name, arg);
			else
				lcm_cli_usage_error(cli, "--%s: at least %s", o->name, span(o->min, q));
			return -1;
		}
		if (o->max > 0 && *(int64_t *)o->value > o->max) {
			lcm_cli_usage_error(cli, "--%s: at most %s", o->name, span(o->max, q));
			return -1;
		}
		return 0;
	case LCM_ARG_TIME:
		if (lcm_time_parse(arg, NULL, o->value, &err) < 0)
			break;
		return 0;
	case LCM_ARG_CHOICE:
		if (lcm_choice_find(o->choices, arg, o->value) == 0)
			return 0;
		lcm_buf_init(&b);
		choice_list(o->choices, &b);
		lcm_cli_usage_error(cli, "--%s: not %s: '%s'", o->name, b.data, arg);
		lcm_buf_release(&b);
		return -1;
	case LCM_ARG_FUNC:
		if (o->parse(arg, o->value, &err) == 0)
			return 0;
		/* a file the option names is input, not misuse: "prog: file:line: ..." */
		if (err.file[0]) {
			lcm_cli_fail(cli, &err);
			return -1;
		}
		break;
	}
	lcm_cli_usage_error(cli, "--%s: %s", o->name, err.msg);
	return -1;
}

int
lcm_options_parse(struct lcm_cli *cli, const struct lcm_program *p, int argc,
		  char **argv, int *first)
{
	const struct lcm_option *o;
	struct option *longs;
	struct lcm_buf shorts;
	size_t n;
	int c, rc = 0;

	for (n = 0; p->options[n].name; n++)
		;
	longs = lcm_xcalloc(n + 1, sizeof(*longs));
	lcm_buf_init(&shorts);
	/* getopt returns the row's index, past any char, for a long name */
	for (n = 0; (o = &p->options[n])->name; n++) {
		longs[n].name = o->name;
		longs[n].has_arg = o->arg ? required_argument : no_argument;
		longs[n].val = 0x100 + (int)n;
		if (o->short_name)
			lcm_buf_printf(&shorts, "%c%s", o->short_name, o->arg ? ":" : "");
	}
	while (rc == 0 && (c = getopt_long(argc, argv, shorts.data, longs, NULL)) != -1) {
		if (c >= 0x100) {
			o = &p->options[c - 0x100];
		} else {
			for (o = p->options; o->name && o->short_name != c; o++)
				;
			if (!o->name) {	/* getopt said what */
				fprintf(stderr, "Try '%s --help' for more information.\n", cli->prog);
				rc = -1;
				break;
			}
		}
		rc = take(cli, o, optarg);
	}
	free(longs);
	lcm_buf_release(&shorts);
	*first = optind;
	if (rc < 0)
		return -1;
	if (cli->completion) {
		lcm_options_completion(p);
		return 1;
	}
	if (cli->help) {
		lcm_options_help(cli, p);
		return 1;
	}
	if (cli->version) {
		p->version(cli);
		return 1;
	}
	return 0;
}

/* One option as the usage shows it, without brackets: "-n", "--db PATH". */
static void
usage_token(const struct lcm_option *o, struct lcm_buf *b)
{
	if (o->short_name)
		lcm_buf_printf(b, "-%c", o->short_name);
	else
		lcm_buf_printf(b, "--%s", o->name);
	if (o->arg)
		lcm_buf_printf(b, " %s", o->arg);
}

/*
 * Writes text's words to stdout from column col, wrapped at WIDTH with
 * indent: '\n' breaks the line, a space inside [...] never does (an
 * option stays with its argument).
 */
static void
wrap(const char *s, size_t col, size_t indent)
{
	const char *end;
	size_t len;
	int depth;

	while (*s) {
		if (*s == ' ') {
			s++;
			continue;
		}
		if (*s == '\n') {
			printf("\n%*s", (int)indent, "");
			col = indent;
			s++;
			continue;
		}
		for (end = s, depth = 0; *end && *end != '\n' && (*end != ' ' || depth > 0); end++)
			depth += *end == '[' ? 1 : *end == ']' ? -1 : 0;
		len = (size_t)(end - s);
		if (col > indent && col + 1 + len > WIDTH) {
			printf("\n%*s", (int)indent, "");
			col = indent;
		} else if (col > indent) {
			putchar(' ');
			col++;
		}
		printf("%.*s", (int)len, s);
		col += len;
		s = end;
	}
	putchar('\n');
}

/* The usage: "Usage: prog [--opt ARG]... OPERANDS", then the other forms. */
static void
usage_lines(const struct lcm_cli *cli, const struct lcm_program *p)
{
	const struct lcm_option *o;
	struct lcm_buf line;
	size_t indent = strlen("Usage: ") + strlen(cli->prog) + 1, i;
	unsigned first_flags = 0;
	int in_choice = 0;

	lcm_buf_init(&line);
	for (o = p->options; o->name; o++) {
		if (o->flags & (LCM_OPTF_NO_USAGE | LCM_OPTF_HIDDEN))
			continue;
		if (!in_choice) {
			first_flags = o->flags;
			lcm_buf_adds(&line, line.len ? " " : "");
			lcm_buf_adds(&line, o->flags & LCM_OPTF_REQUIRED ? "" : "[");
		} else {
			lcm_buf_adds(&line, " | ");
		}
		usage_token(o, &line);
		if ((in_choice = (o->flags & LCM_OPTF_OR) != 0))
			continue;
		lcm_buf_adds(&line, first_flags & LCM_OPTF_REQUIRED ? "" : "]");
		if (o->type == LCM_ARG_LIST || (o->flags & LCM_OPTF_REPEAT))
			lcm_buf_adds(&line, "...");
	}
	if (p->operands)
		lcm_buf_printf(&line, " %s", p->operands);
	printf("Usage: %s ", cli->prog);
	wrap(line.data, indent, indent);
	for (i = 0; p->more_usages && p->more_usages[i]; i++) {
		printf("%*s%s ", (int)(indent - 1 - strlen(cli->prog)), "", cli->prog);
		wrap(p->more_usages[i], indent, indent);
	}
	lcm_buf_release(&line);
}

void
lcm_options_help(const struct lcm_cli *cli, const struct lcm_program *p)
{
	const struct lcm_option *o;
	struct lcm_buf label;

	usage_lines(cli, p);
	if (p->purpose)
		printf("%s\n", p->purpose);
	putchar('\n');
	lcm_buf_init(&label);
	for (o = p->options; o->name; o++) {
		if (o->flags & LCM_OPTF_HIDDEN)
			continue;
		lcm_buf_reset(&label);
		if (o->short_name)
			lcm_buf_printf(&label, "  -%c, --%s", o->short_name, o->name);
		else
			lcm_buf_printf(&label, "  --%s", o->name);
		if (o->arg)
			lcm_buf_printf(&label, " %s", o->arg);
		fputs(label.data, stdout);
		if (label.len + 2 > HELP_COLUMN) {
			printf("\n%*s", HELP_COLUMN, "");
		} else {
			printf("%*s", (int)(HELP_COLUMN - label.len), "");
		}
		wrap(o->help ? o->help : "", HELP_COLUMN, HELP_COLUMN);
	}
	lcm_buf_release(&label);
	if (p->epilogue)
		printf("\n%s", p->epilogue);
}

/* What completion offers for an option's argument (see lcm_options_completion). */
static void
completion_what(const struct lcm_option *o)
{
	int i;

	if (!o->arg)
		return;
	if (o->words) {
		for (i = 0; o->words[i]; i++)
			printf("%s%s", i ? " " : "", o->words[i]);
	} else if (o->complete) {
		fputs(o->complete, stdout);
	} else if (o->type == LCM_ARG_CHOICE) {
		for (i = 0; o->choices[i].name; i++)
			printf("%s%s", i ? " " : "", o->choices[i].name);
	} else {
		fputs("any", stdout);
	}
}

void
lcm_options_completion(const struct lcm_program *p)
{
	const struct lcm_option *o;
	const char *h;

	for (o = p->options; o->name; o++) {
		if (o->flags & LCM_OPTF_HIDDEN)
			continue;
		printf("--%s\t", o->name);
		if (o->short_name)
			printf("-%c", o->short_name);
		putchar('\t');
		completion_what(o);
		putchar('\t');
		/* the help up to its first "; ": completion menus are one line */
		for (h = o->help ? o->help : ""; *h && *h != '\n' && strncmp(h, "; ", 2) != 0; h++)
			putchar(*h == '\t' ? ' ' : *h);
		putchar('\n');
	}
	printf("operands\t\t%s\t\n", p->operand_complete ? p->operand_complete : "");
}
