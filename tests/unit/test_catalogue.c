/* test_catalogue.c - unit tests for lib/catalogue*.c: reading, indexing, checks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "catalogue.h"
#include "store.h"

#define HEAD "id,title,format,duration_min,level,skills,prereqs,language,url,remedial\n"

/* Each test gets a catalogue, an error and faults in *state, freed after. */
struct fx {
	struct lcm_catalogue c;
	struct lcm_faults f;
	struct lcm_err err;
};

static int
setup(void **state)
{
	struct fx *x = calloc(1, sizeof(*x));

	if (!x)
		return -1;
	lcm_catalogue_init(&x->c);
	lcm_err_init(&x->err);
	*state = x;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *x = *state;

	lcm_catalogue_release(&x->c);
	lcm_faults_release(&x->f);
	free(x);
	return 0;
}

/* Reads text as the catalogue "t.csv"; returns the reader's result. */
static int
rd(struct fx *x, const char *text)
{
	return lcm_catalogue_read_mem(&x->c, text, strlen(text), "t.csv", &x->err);
}

/* Reads text, which must be fine, and checks it. */
static size_t
rd_check(struct fx *x, const char *text)
{
	assert_int_equal(rd(x, text), 0);
	return lcm_catalogue_check(&x->c, &x->f);
}

static void
test_strlist_split_trims_skips_empty_and_duplicates(void **state)
{
	struct lcm_strlist l = { 0 };

	(void)state;
	lcm_strlist_split(&l, " a ;; b;a;\tc\t;", ';');
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0], "a");
	assert_string_equal(l.v[1], "b");
	assert_string_equal(l.v[2], "c");
	assert_int_equal(lcm_strlist_find(&l, "c"), 2);
	assert_true(lcm_strlist_find(&l, "d") == LCM_CAT_NONE);
	lcm_strlist_split(&l, NULL, ';');
	assert_int_equal(l.n, 3);
	lcm_strlist_release(&l);
	assert_int_equal(l.n, 0);
}

static void
test_catalogue_read_csv_all_columns(void **state)
{
	struct fx *x = *state;
	const struct lcm_brick *b;

	assert_int_equal(rd(x, HEAD
		"B1,Les bases,video,30,1,scrum;agile,,fr,https://x/b1,\n"
		"B2,Animer,atelier,90,2,retro,B1; B9 ,fr,,\"0-0.5:B1,B3;0.5-1:B1\"\n"), 0);
	assert_int_equal(x->c.n, 2);
	b = &x->c.b[1];
	assert_string_equal(b->id, "B2");
	assert_string_equal(b->title, "Animer");
	assert_string_equal(b->format, "atelier");
	assert_int_equal(b->duration, 90);
	assert_int_equal(b->level, 2);
	assert_null(b->url);
	assert_int_equal(b->line, 3);
	assert_int_equal(b->prereqs.n, 2);
	assert_string_equal(b->prereqs.v[1], "B9");
	/* only the known prerequisite is resolved */
	assert_int_equal(b->npre, 1);
	assert_int_equal(b->pre[0], 0);
	assert_int_equal(b->nbands, 2);
	assert_int_equal(b->bands[0].ids.n, 2);
	assert_string_equal(b->bands[0].ids.v[1], "B3");
	assert_string_equal(x->c.b[0].url, "https://x/b1");
}

static void
test_catalogue_read_csv_aliases_and_missing_optional(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, "\xef\xbb\xbfItem;Title;Duration;Platform\nX;Un titre;5;lcm\n"), 0);
	assert_int_equal(x->c.n, 1);
	assert_string_equal(x->c.b[0].id, "X");
	assert_int_equal(x->c.b[0].duration, 5);
	assert_int_equal(x->c.b[0].level, 0);
	assert_null(x->c.b[0].format);
	assert_int_equal(x->c.b[0].skills.n, 0);
}

static void
test_catalogue_read_csv_missing_column(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, "id,title\nB1,x\n"), -1);
	assert_string_equal(x->err.msg, "no column 'duration_min' in the header");
	assert_string_equal(x->err.file, "t.csv");
	assert_int_equal(x->err.line, 1);
}

static void
test_catalogue_read_csv_bad_duration_located(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, HEAD "B1,a,video,30,1,s,,fr,,\nB2,b,video,3O,1,s,,fr,,\n"), -1);
	assert_string_equal(x->err.msg, "column 'duration_min': not a number: '3O'");
	assert_int_equal(x->err.line, 3);
}

static void
test_catalogue_read_csv_empty_duration(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, HEAD "B1,a,video,,1,s,,fr,,\n"), -1);
	assert_string_equal(x->err.msg, "column 'duration_min' is empty");
}

static void
test_catalogue_read_csv_level_out_of_range(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, HEAD "B1,a,video,3,-1,s,,fr,,\n"), -1);
	assert_string_equal(x->err.msg, "column 'level': not from 0 to 1000: '-1'");
}

static void
test_catalogue_read_csv_empty_id(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, HEAD ",a,video,3,1,s,,fr,,\n"), -1);
	assert_string_equal(x->err.msg, "column 'id' is empty");
	assert_int_equal(x->err.line, 2);
}

static void
test_catalogue_read_csv_wrong_field_count(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, HEAD "B1,a,video,3\n"), -1);
	assert_string_equal(x->err.msg, "expected 10 fields as in the header, found 4");
}

static void
test_catalogue_read_empty_input(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, " \n\n"), -1);
	assert_string_equal(x->err.msg, "no header line: empty catalogue");
}

static void
test_catalogue_read_bad_band(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, HEAD "B1,a,quiz,3,1,s,,fr,,0-0.5B2\n"), -1);
	assert_string_equal(x->err.msg,
			    "column 'remedial': not LOW-HIGH:ID with scores from 0 to 1: '0-0.5B2'");
}

static void
test_catalogue_read_band_above_one(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, HEAD "B1,a,quiz,3,1,s,,fr,,0.5-1.5:B2\n"), -1);
	assert_non_null(strstr(x->err.msg, "not LOW-HIGH:ID"));
}

static void
test_catalogue_read_empty_band(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, HEAD "B1,a,quiz,3,1,s,,fr,,0.7-0.4:B2\n"), -1);
	assert_string_equal(x->err.msg, "column 'remedial': empty band: '0.7-0.4:B2'");
}

static void
test_catalogue_read_overlapping_bands(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, HEAD "B1,a,quiz,3,1,s,,fr,,0-0.5:B2;0.4-0.7:B3\n"), -1);
	assert_string_equal(x->err.msg, "column 'remedial': bands overlap: '0.4-0.7:B3'");
}

static void
test_catalogue_read_band_without_brick(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, HEAD "B1,a,quiz,3,1,s,,fr,,\"0-0.5: ,\"\n"), -1);
	assert_string_equal(x->err.msg, "column 'remedial': band without a brick: '0-0.5: ,'");
}

static void
test_brick_band_bounds(void **state)
{
	struct fx *x = *state;
	const struct lcm_brick *b;

	assert_int_equal(rd(x, HEAD "Q,a,quiz,3,1,s,,fr,,0-0.4:R1;0.4-0.7:R2;0.8-1:R3\n"), 0);
	b = &x->c.b[0];
	assert_string_equal(lcm_brick_band(b, 0)->ids.v[0], "R1");
	assert_string_equal(lcm_brick_band(b, 0.39)->ids.v[0], "R1");
	/* a bound belongs to the band it starts */
	assert_string_equal(lcm_brick_band(b, 0.4)->ids.v[0], "R2");
	assert_null(lcm_brick_band(b, 0.75));
	/* the top band takes a perfect score */
	assert_string_equal(lcm_brick_band(b, 1)->ids.v[0], "R3");
}

static void
test_catalogue_read_json(void **state)
{
	struct fx *x = *state;
	const char *j =
		"[\n"
		"  {\"id\": \"B1\", \"title\": \"Un\", \"duration_min\": 30,\n"
		"   \"skills\": [\"a\", \"b\"], \"level\": 1},\n"
		"  {\"ID\": \"B2\", \"title\": \"Deux \\\"[x]\\\"\", \"duration\": 5,\n"
		"   \"prereqs\": \"B1\", \"remedial\": [\"0-0.5:B1\"], \"extra\": {\"k\": 1}}\n"
		"]\n";

	assert_int_equal(rd(x, j), 0);
	assert_int_equal(x->c.n, 2);
	assert_int_equal(x->c.b[0].skills.n, 2);
	assert_string_equal(x->c.b[0].skills.v[1], "b");
	assert_int_equal(x->c.b[0].line, 2);
	assert_string_equal(x->c.b[1].title, "Deux \"[x]\"");
	assert_int_equal(x->c.b[1].line, 4);
	assert_int_equal(x->c.b[1].npre, 1);
	assert_int_equal(x->c.b[1].nbands, 1);
}

static void
test_catalogue_read_json_error_at_brick_line(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, "\n[\n{\"id\":\"B1\",\"title\":\"a\",\"duration_min\":1},\n"
			 "{\"id\":\"B2\",\"title\":\"b\"}\n]"), -1);
	assert_string_equal(x->err.msg, "no key 'duration_min'");
	assert_int_equal(x->err.line, 4);
}

static void
test_catalogue_read_json_not_object(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, "[{\"id\":\"B1\",\"title\":\"a\",\"duration_min\":1}, 3]"), -1);
	assert_string_equal(x->err.msg, "brick 2: not an object");
}

static void
test_catalogue_read_json_bad_value(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, "[{\"id\":\"B1\",\"title\":{\"fr\":\"a\"},\"duration_min\":1}]"), -1);
	assert_string_equal(x->err.msg, "key 'title': not a string or a number");
}

static void
test_catalogue_read_json_invalid(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, "[\n{\"id\": \"B1\",,}\n]"), -1);
	assert_non_null(strstr(x->err.msg, "invalid JSON"));
	assert_int_equal(x->err.line, 2);
}

static void
test_catalogue_read_json_not_array(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, "{\"bricks\": []}"), -1);
	assert_string_equal(x->err.msg, "expected an array of bricks");
}

static void
test_catalogue_index_skills(void **state)
{
	struct fx *x = *state;
	const struct lcm_skill *s;

	assert_int_equal(rd(x, HEAD "B1,a,v,1,1,x;y,,,,\nB2,b,v,1,1,y,,,,\n"), 0);
	s = lcm_catalogue_skill(&x->c, "y");
	assert_non_null(s);
	assert_int_equal(s->n, 2);
	assert_int_equal(s->bricks[0], 0);
	assert_int_equal(s->bricks[1], 1);
	assert_null(lcm_catalogue_skill(&x->c, "z"));
	assert_int_equal(lcm_catalogue_find(&x->c, "B2"), 1);
	assert_true(lcm_catalogue_find(&x->c, "B3") == LCM_CAT_NONE);
}

static void
test_catalogue_check_clean(void **state)
{
	struct fx *x = *state;

	/* a diamond is no cycle */
	assert_int_equal(rd_check(x, HEAD "A,a,v,1,1,s,,,,\nB,b,v,1,1,s,A,,,\n"
				  "C,c,v,1,1,s,A,,,\nD,d,v,1,1,s,B;C,,,\n"), 0);
}

static void
test_catalogue_check_duplicate(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd_check(x, HEAD "A,a,v,1,1,s,,,,\nB,b,v,1,1,s,,,,\nA,c,v,1,1,s,,,,\n"), 1);
	assert_int_equal(x->f.v[0].kind, LCM_FAULT_DUPLICATE);
	assert_int_equal(x->f.v[0].line, 4);
	assert_string_equal(x->f.v[0].msg, "duplicate id 'A' (first on line 2)");
}

static void
test_catalogue_check_unknown_prereq(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd_check(x, HEAD "A,a,v,1,1,s,,,,\nB,b,v,1,1,s,A;Z,,,\n"), 1);
	assert_int_equal(x->f.v[0].kind, LCM_FAULT_PREREQ);
	assert_int_equal(x->f.v[0].line, 3);
	assert_string_equal(x->f.v[0].msg, "brick 'B': unknown prerequisite 'Z'");
}

static void
test_catalogue_check_unknown_remedial(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd_check(x, HEAD "A,a,v,1,1,s,,,,\"0-0.5:A,Y\"\n"), 1);
	assert_int_equal(x->f.v[0].kind, LCM_FAULT_REMEDIAL);
	assert_string_equal(x->f.v[0].msg, "brick 'A': unknown remedial brick 'Y'");
}

static void
test_catalogue_check_cycle_path(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd_check(x, HEAD "B3,a,v,1,1,s,B7,,,\nB7,b,v,1,1,s,B3,,,\n"), 1);
	assert_int_equal(x->f.v[0].kind, LCM_FAULT_CYCLE);
	assert_int_equal(x->f.v[0].line, 2);
	assert_string_equal(x->f.v[0].msg, "prerequisite cycle: B3 -> B7 -> B3");
}

static void
test_catalogue_check_self_cycle(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd_check(x, HEAD "A,a,v,1,1,s,,,,\nB,b,v,1,1,s,B,,,\n"), 1);
	assert_string_equal(x->f.v[0].msg, "prerequisite cycle: B -> B");
}

static void
test_catalogue_check_knot_reports_every_brick(void **state)
{
	struct fx *x = *state;

	/* A <-> B and B <-> C: one knot, two cycles */
	assert_int_equal(rd_check(x, HEAD "A,a,v,1,1,s,B,,,\nB,b,v,1,1,s,A;C,,,\n"
				  "C,c,v,1,1,s,B,,,\n"), 2);
	assert_string_equal(x->f.v[0].msg, "prerequisite cycle: A -> B -> A");
	assert_string_equal(x->f.v[1].msg, "prerequisite cycle: C -> B -> C");
}

static void
test_catalogue_check_shortest_cycle(void **state)
{
	struct fx *x = *state;

	/* A -> B -> C -> A, and the shortcut B -> A */
	assert_int_equal(rd_check(x, HEAD "A,a,v,1,1,s,B,,,\nB,b,v,1,1,s,C;A,,,\n"
				  "C,c,v,1,1,s,A,,,\n"), 2);
	assert_string_equal(x->f.v[0].msg, "prerequisite cycle: A -> B -> A");
	assert_string_equal(x->f.v[1].msg, "prerequisite cycle: C -> A -> B -> C");
}

static void
test_catalogue_check_unreachable(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd_check(x, HEAD "D,d,v,1,1,s,C,,,\nA,a,v,1,1,s,B,,,\n"
				  "B,b,v,1,1,s,A,,,\nC,c,v,1,1,s,A,,,\nE,e,v,1,1,s,,,,\n"), 3);
	assert_int_equal(x->f.v[0].kind, LCM_FAULT_UNREACHABLE);
	assert_int_equal(x->f.v[0].line, 2);
	assert_string_equal(x->f.v[0].msg, "brick 'D' cannot be reached: it requires a "
			    "brick of a cycle (D -> C -> A)");
	assert_int_equal(x->f.v[1].kind, LCM_FAULT_CYCLE);
	assert_int_equal(x->f.v[2].kind, LCM_FAULT_UNREACHABLE);
	assert_int_equal(x->f.v[2].line, 5);
}

static void
test_catalogue_check_sorted_by_line(void **state)
{
	struct fx *x = *state;
	size_t i;

	assert_int_equal(rd_check(x, HEAD "A,a,v,1,1,s,Z,,,\nB,b,v,1,1,s,B,,,\n"
				  "A,c,v,1,1,s,,,,0-1:Q\n"), 4);
	for (i = 1; i < x->f.n; i++)
		assert_true(x->f.v[i - 1].line <= x->f.v[i].line);
	assert_int_equal(x->f.v[2].kind, LCM_FAULT_DUPLICATE);
	assert_int_equal(x->f.v[3].kind, LCM_FAULT_REMEDIAL);
}

static void
test_catalogue_check_long_chain(void **state)
{
	struct fx *x = *state;
	struct lcm_buf b;
	int i;

	/* 5,000 bricks in a chain closing on itself: no recursion to overflow */
	lcm_buf_init(&b);
	lcm_buf_adds(&b, HEAD);
	for (i = 0; i < 5000; i++)
		lcm_buf_printf(&b, "K%d,t,v,1,1,s,K%d,,,\n", i, (i + 1) % 5000);
	assert_int_equal(rd_check(x, b.data), 1);
	assert_int_equal(x->f.v[0].kind, LCM_FAULT_CYCLE);
	assert_non_null(strstr(x->f.v[0].msg, "K0 -> K1 -> K2"));
	lcm_buf_release(&b);
}

static void
test_catalogue_check_goal(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, HEAD "A,a,v,1,1,s,,,,\n"), 0);
	assert_int_equal(lcm_catalogue_check_goal(&x->c, "s", "x", &x->f), 0);
	assert_int_equal(lcm_catalogue_check_goal(&x->c, "t", "learner 'u1'", &x->f), 1);
	assert_int_equal(x->f.v[0].kind, LCM_FAULT_UNTAUGHT);
	assert_string_equal(x->f.v[0].msg, "no brick teaches goal 't' (learner 'u1')");
}

static void
test_catalogue_load_store(void **state)
{
	struct fx *x = *state;
	struct lcm_store st;

	assert_int_equal(lcm_store_open(&st, ":memory:", LCM_STORE_CREATE, 0, &x->err), 0);
	assert_int_equal(lcm_store_exec(&st,
		"INSERT INTO item VALUES(1,'lcm','B2','Deux','atelier',90,2,'fr',NULL);"
		"INSERT INTO item VALUES(2,'lcm','B1','Un','video',30,1,'fr','https://x');"
		"INSERT INTO item VALUES(3,'lcm','Q9',NULL,NULL,NULL,NULL,NULL,NULL);"
		"INSERT INTO item_skill VALUES(1,'retro'),(1,'facilitation'),(2,'scrum');"
		"INSERT INTO item_prereq VALUES(1,'B1');", &x->err), 0);
	assert_int_equal(lcm_catalogue_load_store(&x->c, &st, &x->err), 0);
	lcm_store_close(&st);
	/* ordered by id; the item only a completion named is left out */
	assert_int_equal(x->c.n, 2);
	assert_string_equal(x->c.b[0].id, "B1");
	assert_string_equal(x->c.b[1].skills.v[0], "retro");
	assert_string_equal(x->c.b[1].skills.v[1], "facilitation");
	assert_int_equal(x->c.b[1].npre, 1);
	assert_int_equal(x->c.b[1].pre[0], 0);
	assert_int_equal(x->c.b[0].line, 0);
}

static void
test_catalogue_read_csv_duration_over_range(void **state)
{
	struct fx *x = *state;

	/* what lcm-import refuses, lcm-pathway refuses the same way (value.h) */
	assert_int_equal(rd(x, HEAD "B1,a,video,9223372036854775807,1,s,,fr,,\n"), -1);
	assert_string_equal(x->err.msg, "column 'duration_min': not from 0 to 1000000:"
			    " '9223372036854775807'");
	assert_int_equal(x->err.line, 2);
}

static void
test_catalogue_read_csv_remedial_hex_bound_refused(void **state)
{
	struct fx *x = *state;

	assert_int_equal(rd(x, HEAD "B1,a,video,30,1,s,,fr,,0x0-0.5:B2\n"), -1);
	assert_string_equal(x->err.msg, "column 'remedial': not LOW-HIGH:ID with scores"
			    " from 0 to 1: '0x0-0.5:B2'");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strlist_split_trims_skips_empty_and_duplicates),
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_catalogue_read_csv_all_columns),
		T(test_catalogue_read_csv_aliases_and_missing_optional),
		T(test_catalogue_read_csv_missing_column),
		T(test_catalogue_read_csv_bad_duration_located),
		T(test_catalogue_read_csv_duration_over_range),
		T(test_catalogue_read_csv_remedial_hex_bound_refused),
		T(test_catalogue_read_csv_empty_duration),
		T(test_catalogue_read_csv_level_out_of_range),
		T(test_catalogue_read_csv_empty_id),
		T(test_catalogue_read_csv_wrong_field_count),
		T(test_catalogue_read_empty_input),
		T(test_catalogue_read_bad_band),
		T(test_catalogue_read_band_above_one),
		T(test_catalogue_read_empty_band),
		T(test_catalogue_read_overlapping_bands),
		T(test_catalogue_read_band_without_brick),
		T(test_brick_band_bounds),
		T(test_catalogue_read_json),
		T(test_catalogue_read_json_error_at_brick_line),
		T(test_catalogue_read_json_not_object),
		T(test_catalogue_read_json_bad_value),
		T(test_catalogue_read_json_invalid),
		T(test_catalogue_read_json_not_array),
		T(test_catalogue_index_skills),
		T(test_catalogue_check_clean),
		T(test_catalogue_check_duplicate),
		T(test_catalogue_check_unknown_prereq),
		T(test_catalogue_check_unknown_remedial),
		T(test_catalogue_check_cycle_path),
		T(test_catalogue_check_self_cycle),
		T(test_catalogue_check_knot_reports_every_brick),
		T(test_catalogue_check_shortest_cycle),
		T(test_catalogue_check_unreachable),
		T(test_catalogue_check_sorted_by_line),
		T(test_catalogue_check_long_chain),
		T(test_catalogue_check_goal),
		T(test_catalogue_load_store),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
