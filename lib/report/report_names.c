/*
 * report_names.c - the names a report goes by: split keys, formats and
 * their file name extensions, and the file name of a group (its slug).
 * See report.h.
 */
#include <string.h>

#include "buf.h"
#include "report.h"

const struct lcm_choice lcm_report_splits[] = {
	{ "cohort", LCM_SPLIT_COHORT }, { "course", LCM_SPLIT_COURSE },
	{ "manager", LCM_SPLIT_MANAGER }, { NULL, 0 }
};

int
lcm_report_split_parse(const char *s, enum lcm_report_split *out)
{
	int v;

	if (lcm_choice_find(lcm_report_splits, s, &v) < 0)
		return -1;
	*out = (enum lcm_report_split)v;
	return 0;
}

static const char *const format_names[] = { "text", "md", "html", "json" };

int
lcm_report_format_parse(const char *s, enum lcm_report_format *out)
{
	size_t i;

	for (i = 0; i < 4; i++) {
		if (strcmp(s, format_names[i]) == 0) {
			*out = (enum lcm_report_format)i;
			return 0;
		}
	}
	return -1;
}

int
lcm_report_format_of_path(const char *path, enum lcm_report_format *out)
{
	static const struct { const char *ext; enum lcm_report_format f; } exts[] = {
		{ ".html", LCM_REPORT_HTML }, { ".htm", LCM_REPORT_HTML },
		{ ".md", LCM_REPORT_MD }, { ".markdown", LCM_REPORT_MD },
		{ ".json", LCM_REPORT_JSON }, { ".txt", LCM_REPORT_TEXT },
	};
	size_t i, n = strlen(path), k;

	for (i = 0; i < sizeof(exts) / sizeof(*exts); i++) {
		k = strlen(exts[i].ext);
		if (n > k && strcmp(path + n - k, exts[i].ext) == 0) {
			*out = exts[i].f;
			return 0;
		}
	}
	return -1;
}

const char *
lcm_report_format_ext(enum lcm_report_format f)
{
	static const char *const ext[] = { "txt", "md", "html", "json" };

	return ext[f];
}

char *
lcm_report_slug(const char *key)
{
	/* U+00C0..U+00FF without their accents ('-': not a letter) */
	static const char latin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
		"aaaaaaaceeeeiiiidnooooo-ouuuuyty";
	const unsigned char *p = (const unsigned char *)(key ? key : "");
	struct lcm_buf b;
	char c;

	lcm_buf_init(&b);
	while (*p && b.len < 60) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			c = (char)*p;
		else if (*p >= 'A' && *p <= 'Z')
			c = (char)(*p + 32);
		else if (*p == 0xc3 && p[1] >= 0x80 && p[1] <= 0xbf)
			c = latin1[*++p - 0x80];
		else
			c = '-';
		p++;
		if (c == '-' && (b.len == 0 || b.data[b.len - 1] == '-'))
			continue;
		lcm_buf_addc(&b, c);
	}
	while (b.len && b.data[b.len - 1] == '-')
		b.data[--b.len] = '\0';
	if (!b.len)
		lcm_buf_adds(&b, "none");
	return lcm_buf_detach(&b);
}
