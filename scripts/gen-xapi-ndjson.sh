#!/bin/sh
# gen-xapi-ndjson.sh N - write N xAPI statements as NDJSON on standard
# output, for measuring lcm-import's time and memory on a large log:
#
#   sh scripts/gen-xapi-ndjson.sh 1000000 > /tmp/x.ndjson
#   /usr/bin/time -v build/bin/lcm-import --db /tmp/x.db /tmp/x.ndjson
#
# 2,000 learners, 500 activities in 20 courses; one statement in 50 is a
# completion, one in 100 a question or an answer (a post). Deterministic.
set -eu
n=${1:?usage: gen-xapi-ndjson.sh N}
awk -v n="$n" 'BEGIN {
	srand(42)
	split("experienced attempted completed passed failed launched", vs, " ")
	for (i = 1; i <= n; i++) {
		p = int(rand() * 2000); a = int(rand() * 500); c = a % 20
		t = 1793959200 + i * 3
		ts = strftime("%Y-%m-%dT%H:%M:%SZ", t, 1)
		id = sprintf("%08x-0000-4000-8000-%012x", i, i)
		actor = sprintf("{\"name\":\"Learner %d\",\"mbox\":\"mailto:learner%d@example.org\"}", p, p)
		ctx = sprintf("\"context\":{\"contextActivities\":{\"grouping\":[{\"id\":\"http://lxp.example.org/course/%d\",\"definition\":{\"name\":{\"en-US\":\"Course %d\"},\"type\":\"http://adlnet.gov/expapi/activities/course\"}}]}}", c, c)
		obj = sprintf("{\"id\":\"http://lxp.example.org/activity/%d\",\"definition\":{\"name\":{\"en-US\":\"Activity %d\",\"fr-FR\":\"Activité %d\"}}}", a, a, a)
		if (i % 100 == 0) {
			v = (i % 200 == 0) ? "asked" : "answered"
			res = sprintf(",\"result\":{\"response\":\"Message %d about activity %d: how does it work?\"}", i, a)
		} else if (i % 50 == 0) {
			v = vs[3 + int(rand() * 3)]
			res = sprintf(",\"result\":{\"score\":{\"scaled\":%.2f}}", rand())
		} else {
			v = (rand() < 0.5) ? vs[1] : vs[2]
			res = ""
		}
		printf "{\"id\":\"%s\",\"actor\":%s,\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/%s\",\"display\":{\"en-US\":\"%s\"}},\"object\":%s%s,%s,\"timestamp\":\"%s\",\"stored\":\"%s\"}\n", id, actor, v, v, obj, res, ctx, ts, ts
	}
}'
