/*
 * recognition_community.h - the small community test_contributions.c and
 * test_milestones.c share, in SQL (independent of the importers).
 *
 * Persons: 1 t (staff), 2 a, 3 b. Course C1, forum 1. Mondays: 2 Nov,
 * 9 Nov, 16 Nov 2026.
 *   p1 T1 root, question, by b      Mon  2 Nov 10:00
 *   p2 T1 reply to p1 by a, accepted Tue  3 Nov 10:00  (the first peer answer)
 *   p7 T3 root by t (staff)          Wed  4 Nov 10:00
 *   p8 T3 reply to p7 by b           Thu  5 Nov 10:00
 *   p3 T2 root by a (no question)    Tue 10 Nov 10:00
 *   p4 T2 reply to p3 by b           Tue 17 Nov 09:00
 *   p5 T1 reply to p1 by a           Tue 17 Nov 12:00
 *   p6 T2 reply to p4 by a           Sun 20 Dec 12:00  (33 days after p5)
 * Post ids follow the names; p3 has 3 likes in post_reaction (the table
 * is made by the tests that need it).
 */
#ifndef RECOGNITION_COMMUNITY_H
#define RECOGNITION_COMMUNITY_H

#define RT(s) "CAST(strftime('%s', '" s "') AS INTEGER)"

static const char recognition_community[] =
	"INSERT INTO person(id, platform, external_id, name, role) VALUES"
	" (1, 'lcm', 't', 'Tess', 'staff'), (2, 'lcm', 'a', 'Ana', 'learner'),"
	" (3, 'lcm', 'b', 'Ben', 'learner');"
	"INSERT INTO course(id, platform, external_id, name) VALUES (1, 'lcm', 'C1', 'C1');"
	"INSERT INTO forum(id, course_id, platform, external_id, name)"
	" VALUES (1, 1, 'lcm', 'f', 'f');"
	"INSERT INTO thread(id, forum_id, platform, external_id) VALUES"
	" (1, 1, 'lcm', 'T1'), (2, 1, 'lcm', 'T2'), (3, 1, 'lcm', 'T3');"
	"INSERT INTO post(id, thread_id, parent_id, parent_ext, author_id, platform,"
	" external_id, created, body, words, is_question, accepted) VALUES"
	" (1, 1, NULL, NULL, 3, 'lcm', 'p1', " RT("2026-11-02 10:00") ", 'How?', 1, 1, 0),"
	" (2, 1, 1, 'p1', 2, 'lcm', 'p2', " RT("2026-11-03 10:00") ", 'Like so.', 2, 0, 1),"
	" (7, 3, NULL, NULL, 1, 'lcm', 'p7', " RT("2026-11-04 10:00") ", 'News', 1, 0, 0),"
	" (8, 3, 7, 'p7', 3, 'lcm', 'p8', " RT("2026-11-05 10:00") ", 'Thanks', 1, 0, 0),"
	" (3, 2, NULL, NULL, 2, 'lcm', 'p3', " RT("2026-11-10 10:00") ", 'My notes', 2, 0, 0),"
	" (4, 2, 3, 'p3', 3, 'lcm', 'p4', " RT("2026-11-17 09:00") ", 'Great', 1, 0, 0),"
	" (5, 1, 1, 'p1', 2, 'lcm', 'p5', " RT("2026-11-17 12:00") ", 'Also', 1, 0, 0),"
	" (6, 2, 4, 'p4', 2, 'lcm', 'p6', " RT("2026-12-20 12:00") ", 'Back', 1, 0, 0);";

#define R_P2 1793700000		/* 2026-11-03T10:00:00Z */
#define R_P5 1794916800		/* 2026-11-17T12:00:00Z */
#define R_END 1798761600	/* 2027-01-01T00:00:00Z */

#endif
