/*
 * floor.c - the SQLite floor for lcm-import, a row of scripts/bench:
 * the least a loader must do to put a Moodle forum or log export into
 * tables shaped like lcm's (integers, time to epoch, person and thread
 * ids from memory, term ids, secondary indexes after the load), in one
 * transaction, WAL, synchronous=NORMAL, as lcm-import writes.
 * No HTML to text, no question or word detection, no identity linking,
 * no re-import check, no error wording: what lcm-import costs beyond
 * this is the price of those.
 *
 *   floor forum DB FILE     forum.csv (post ids as the rowid)
 *   floor logs DB FILE      logs.csv ("D/M/YY, H:M:S" in UTC)
 *
 * Build: cc -O2 -o floor floor.c -lsqlite3 -lcsv (scripts/bench does).
 */
#include <csv.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXF 24

struct row {
	char *f[MAXF];
	size_t len[MAXF], cap[MAXF];
	int n, logs, header;
	long rows;
	sqlite3 *db;
	sqlite3_stmt *ins, *person, *thread, *term_find, *term_add;
	long long *thread_of;	/* discussion id -> thread row, 0: none */
	size_t nthread;
	unsigned char *person_seen;
	size_t nperson;
};

static void
die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "floor: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
	exit(2);
}

static void
exec(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(db, sql);
}

static sqlite3_stmt *
prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;

	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK)
		die(db, sql);
	return s;
}

static void
step(sqlite3 *db, sqlite3_stmt *s)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		die(db, "step");
	sqlite3_reset(s);
}

static void
field(void *s, size_t len, void *data)
{
	struct row *r = data;

	if (r->n >= MAXF)
		return;
	if (len + 1 > r->cap[r->n]) {
		r->cap[r->n] = 2 * len + 16;
		if (!(r->f[r->n] = realloc(r->f[r->n], r->cap[r->n])))
			exit(2);
	}
	memcpy(r->f[r->n], s, len);
	r->f[r->n][len] = '\0';
	r->len[r->n++] = len;
}

/* Grows a table of ids so that index i exists. */
static void *
grow(void *p, size_t *n, size_t i, size_t size)
{
	size_t m = *n;

	if (i < m)
		return p;
	while (m <= i)
		m = m ? 2 * m : 1024;
	if (!(p = realloc(p, m * size)))
		exit(2);
	memset((char *)p + *n * size, 0, (m - *n) * size);
	*n = m;
	return p;
}

static void
person(struct row *r, long long id, const char *name)
{
	r->person_seen = grow(r->person_seen, &r->nperson, (size_t)id, 1);
	if (r->person_seen[id])
		return;
	r->person_seen[id] = 1;
	sqlite3_bind_int64(r->person, 1, id);
	sqlite3_bind_text(r->person, 2, name, -1, SQLITE_STATIC);
	step(r->db, r->person);
}

static long long
term(struct row *r, const char *text)
{
	long long id;

	sqlite3_bind_text(r->term_find, 1, text, -1, SQLITE_STATIC);
	if (sqlite3_step(r->term_find) == SQLITE_ROW) {
		id = sqlite3_column_int64(r->term_find, 0);
		sqlite3_reset(r->term_find);
		return id;
	}
	sqlite3_reset(r->term_find);
	sqlite3_bind_text(r->term_add, 1, text, -1, SQLITE_STATIC);
	step(r->db, r->term_add);
	return sqlite3_last_insert_rowid(r->db);
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static long long
days(long long y, int m, int d)
{
	long long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

static void
forum_row(struct row *r)
{
	long long id = atoll(r->f[0]), disc = atoll(r->f[1]), parent = atoll(r->f[2]);
	long long user = atoll(r->f[3]);
	sqlite3_stmt *s = r->ins;

	person(r, user, r->f[4]);
	r->thread_of = grow(r->thread_of, &r->nthread, (size_t)disc, sizeof(long long));
	if (!r->thread_of[disc]) {
		sqlite3_bind_int64(r->thread, 1, disc);
		sqlite3_bind_text(r->thread, 2, r->f[8], -1, SQLITE_STATIC);
		sqlite3_bind_int64(r->thread, 3, user);
		sqlite3_bind_int64(r->thread, 4, atoll(r->f[5]));
		step(r->db, r->thread);
		r->thread_of[disc] = disc;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, disc);
	if (parent)
		sqlite3_bind_int64(s, 3, parent);
	else
		sqlite3_bind_null(s, 3);
	sqlite3_bind_int64(s, 4, user);
	sqlite3_bind_int64(s, 5, atoll(r->f[5]));
	sqlite3_bind_int64(s, 6, atoll(r->f[6]));
	sqlite3_bind_text(s, 7, r->f[8], (int)r->len[8], SQLITE_STATIC);
	sqlite3_bind_text(s, 8, r->f[9], (int)r->len[9], SQLITE_STATIC);
	sqlite3_bind_int64(s, 9, atoll(r->f[15]));
	sqlite3_bind_int64(s, 10, atoll(r->f[16]) != 0);
	step(r->db, s);
}

static void
logs_row(struct row *r)
{
	const char *t = r->f[0], *d = strstr(r->f[6], "id '");
	int dd, mo, y, h, mi, sec = 0;
	long long ts, user = d ? atoll(d + 4) : 0;
	sqlite3_stmt *s = r->ins;

	if (sscanf(t, "%d/%d/%d, %d:%d:%d", &dd, &mo, &y, &h, &mi, &sec) < 5)
		return;
	ts = days(y + (y < 70 ? 2000 : y < 100 ? 1900 : 0), mo, dd) * 86400 +
	    h * 3600 + mi * 60 + sec;
	if (user)
		person(r, user, r->f[1]);
	if (user)
		sqlite3_bind_int64(s, 1, user);
	else
		sqlite3_bind_null(s, 1);
	sqlite3_bind_int64(s, 2, ts);
	sqlite3_bind_int64(s, 3, term(r, r->f[5]));
	sqlite3_bind_int64(s, 4, term(r, r->f[3]));
	step(r->db, s);
}

static void
end_row(int c, void *data)
{
	struct row *r = data;

	(void)c;
	if (r->header) {
		r->header = 0;
	} else if (r->n >= (r->logs ? 7 : 17)) {
		if (r->logs)
			logs_row(r);
		else
			forum_row(r);
		r->rows++;
	}
	r->n = 0;
}

int
main(int argc, char **argv)
{
	static char buf[1 << 16];
	struct csv_parser p;
	struct row r;
	FILE *fp;
	size_t n;

	if (argc != 4 || (strcmp(argv[1], "forum") && strcmp(argv[1], "logs"))) {
		fprintf(stderr, "usage: floor forum|logs DB FILE\n");
		return 2;
	}
	memset(&r, 0, sizeof(r));
	r.logs = strcmp(argv[1], "logs") == 0;
	r.header = 1;
	if (sqlite3_open(argv[2], &r.db) != SQLITE_OK)
		die(r.db, argv[2]);
	if (!(fp = fopen(argv[3], "rb")))
		die(NULL, argv[3]);
	exec(r.db, "PRAGMA page_size=8192; PRAGMA journal_mode=WAL;"
	    " PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32768;"
	    "CREATE TABLE person(id INTEGER PRIMARY KEY, name TEXT);"
	    "CREATE TABLE thread(id INTEGER PRIMARY KEY, title TEXT,"
	    " author_id INTEGER, created INTEGER);"
	    "CREATE TABLE post(id INTEGER PRIMARY KEY, thread_id INTEGER NOT NULL,"
	    " parent_id INTEGER, author_id INTEGER, created INTEGER, modified INTEGER,"
	    " subject TEXT, body TEXT, deleted INTEGER, private INTEGER);"
	    "CREATE TABLE term(id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);"
	    "CREATE TABLE event(id INTEGER PRIMARY KEY, person_id INTEGER,"
	    " ts INTEGER NOT NULL, verb INTEGER NOT NULL, object INTEGER);"
	    "BEGIN;");
	r.person = prep(r.db, "INSERT INTO person VALUES(?1, ?2)");
	r.thread = prep(r.db, "INSERT INTO thread VALUES(?1, ?2, ?3, ?4)");
	r.term_find = prep(r.db, "SELECT id FROM term WHERE text = ?1");
	r.term_add = prep(r.db, "INSERT INTO term(text) VALUES(?1)");
	r.ins = prep(r.db, r.logs ?
	    "INSERT INTO event(person_id, ts, verb, object) VALUES(?1, ?2, ?3, ?4)" :
	    "INSERT INTO post VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	csv_init(&p, CSV_APPEND_NULL);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (csv_parse(&p, buf, n, field, end_row, &r) != n)
			die(NULL, "bad CSV");
	csv_fini(&p, field, end_row, &r);
	csv_free(&p);
	fclose(fp);
	exec(r.db, r.logs ? "CREATE INDEX event_person ON event(person_id, ts);" :
	    "CREATE INDEX post_thread ON post(thread_id, created);"
	    "CREATE INDEX post_author ON post(author_id, created);"
	    "CREATE INDEX post_parent ON post(parent_id);"
	    "CREATE INDEX post_root ON post(created) WHERE parent_id IS NULL;");
	exec(r.db, "COMMIT;");
	sqlite3_finalize(r.ins);
	sqlite3_finalize(r.person);
	sqlite3_finalize(r.thread);
	sqlite3_finalize(r.term_find);
	sqlite3_finalize(r.term_add);
	if (sqlite3_close(r.db) != SQLITE_OK)
		die(r.db, "close");
	printf("%ld\n", r.rows);
	for (n = 0; n < MAXF; n++)
		free(r.f[n]);
	free(r.thread_of);
	free(r.person_seen);
	return 0;
}
