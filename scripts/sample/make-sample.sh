#!/bin/sh
# make-sample.sh [DIR] - write lcm's sample community as real Moodle exports.
#
# The community is a blended course "Management de projet agile / Agile
# project management" (AGILE-2026, course id 4), 5 October - 20 November
# 2026, Europe/Paris. The posts are hand-written in posts.txt beside this
# script; the people are below; the log noise comes from a fixed-seed
# generator, so every run writes the same bytes (no clock, no $RANDOM).
#
# Writes into DIR (default: this script's folder):
#   forum_annonces.csv forum_questions.csv forum_cafe.csv
#                        mod/forum/export.php, CSV, epoch dates, UTF-8 BOM
#   forum_cafe_human.csv the cafe forum again, "Human-readable dates" ticked,
#                        then opened and saved by Excel: Windows-1252, no
#                        BOM, CRLF, Excel's quoting
#   forum_questions.json the questions forum in Moodle's JSON dataformat
#   logs.csv             the standard log report (site level) downloaded
#   users.csv            the participants with roles and groups
# See README.md for what is in them.
set -eu
LC_ALL=C
export LC_ALL

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lcm-sample.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
tab=$(printf '\t')

# id|username|first name|last name|roles|groups|random sessions per
# weekday (probability)|weight as a reader of discussions|last active day
cat >"$tmp/people" <<'EOF'
9|smarchand|Sophie|Marchand|Manager||0.03|0|2026-11-23
12|cdumont|Claire|Dumont|Teacher|Groupe A, Groupe B|0.12|6|2026-11-22
15|kbenhamou|Karim|Benhamou|Non-editing teacher|Groupe A, Groupe B|0.09|5|2026-11-22
31|pnatarajan|Priya|Natarajan|Invited expert||0.03|1|2026-11-22
40|cbernard|Camille|Bernard|Student|Groupe A|0.08|4|2026-11-22
41|lmartin|Lucas|Martin|Student|Groupe A|0.08|4|2026-11-22
42|ihaddad|Inès|Haddad|Student|Groupe A|0.07|3|2026-11-22
43|tpetit|Thomas|Petit|Student|Groupe A|0.05|2|2026-11-22
44|ejohnson|Emma|Johnson|Student|Groupe A|0.05|2|2026-11-22
45|jmoreau|Julien|Moreau|Student|Groupe A|0.12|2|2026-10-15
46|lfontaine|Léa|Fontaine|Student|Groupe A|0.09|4|2026-11-22
47|hlambert|Hugo|Lambert|Student|Groupe A|0.07|3|2026-11-22
48|cgirard|Chloé|Girard|Student|Groupe A|0.04|2|2026-11-22
49|nwilliams|Noah|Williams|Student|Groupe A|0.05|2|2026-11-22
50|mrousseau|Manon|Rousseau|Student|Groupe A|0.04|2|2026-11-22
51|sbenali|Sarah|Benali|Student|Groupe B|0.08|4|2026-11-22
52|adubois|Antoine|Dubois|Student|Groupe B|0.06|3|2026-11-22
53|zmercier|Zoé|Mercier|Student|Groupe B|0.05|2|2026-11-22
54|mgarnier|Maxime|Garnier|Student|Groupe B|0.03|1|2026-11-22
55|obrown|Olivia|Brown|Student|Groupe B|0.04|2|2026-11-22
56|nfaure|Nathan|Faure|Student|Groupe B|0.08|3|2026-11-22
57|jlefebvre|Jade|Lefebvre|Student|Groupe B|0.04|1|2026-11-22
58|rchevalier|Raphaël|Chevalier|Student|Groupe B|0.04|2|2026-11-22
59|lperrin|Louise|Perrin|Student|Groupe B|0.07|3|2026-11-22
60|groux|Gabriel|Roux|Student|Groupe B|0.04|1|2026-11-22
61|atraore|Aïcha|Traoré|Student|Groupe B|0.05|1|2026-11-13
EOF

# Shared awk helpers: Europe/Paris time without a tz database (EU rule:
# summer time from the last Sunday of March to the last Sunday of October,
# 01:00 UTC), Moodle's date forms, fputcsv quoting, a portable PRNG.
lib='
function dfc(y, m, d,   era, yoe, doy) {	# days since 1970-01-01
	y -= (m <= 2)
	era = int(y / 400)
	yoe = y - era * 400
	doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
	return era * 146097 + yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy - 719468
}
function civil(z,   era, doe, yoe, doy, mp) {	# sets CY CM CD
	z += 719468
	era = int(z / 146097)
	doe = z - era * 146097
	yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
	mp = int((5 * doy + 2) / 153)
	CD = doy - int((153 * mp + 2) / 5) + 1
	CM = mp + (mp < 10 ? 3 : -9)
	CY = yoe + era * 400 + (CM <= 2)
}
function lastsun(y, m,   z) { z = dfc(y, m, 31); return z - (z + 4) % 7 }
function paris_off(u) {
	civil(int(u / 86400))
	if (u >= lastsun(CY, 3) * 86400 + 3600 && u < lastsun(CY, 10) * 86400 + 3600)
		return 7200
	return 3600
}
function l2u(y, m, d, H, M, S,   lt) {	# Paris local time to epoch
	lt = dfc(y, m, d) * 86400 + H * 3600 + M * 60 + S
	return paris_off(lt - 7200) == 7200 ? lt - 7200 : lt - 3600
}
function lparts(u,   lt, z, s) {	# sets CY CM CD LH LM LS LWD
	lt = u + paris_off(u)
	z = int(lt / 86400)
	civil(z)
	s = lt - z * 86400
	LH = int(s / 3600); LM = int(s % 3600 / 60); LS = s % 60
	LWD = (z + 4) % 7
}
# strftimedatetimeshortaccurate through userdate(): day without its zero
function fmt_log(u) {
	lparts(u)
	return sprintf("%d/%02d/%02d, %02d:%02d:%02d", CD, CM, CY % 100, LH, LM, LS)
}
# strftimedaydatetime through userdate(): no zero on the day nor on %I
function fmt_human(u,   h) {
	lparts(u)
	h = LH % 12
	if (h == 0)
		h = 12
	return sprintf("%s, %d %s %d, %d:%02d %s", WD[LWD], CD, MON[CM], CY, h, LM,
	    LH < 12 ? "AM" : "PM")
}
function rnd() { SEED = (SEED * 16807) % 2147483647; return SEED / 2147483647 }
function repl(s, c, r,   n, a, i, o) {	# every c (one char) in s by r
	n = split(s, a, c)
	o = a[1]
	for (i = 2; i <= n; i++)
		o = o r a[i]
	return o
}
function csvq(s) {	# PHP fputcsv
	if (s ~ /[,"\t\r\n ]/)
		return "\"" repl(s, "\"", "\"\"") "\""
	return s
}
function xlq(s) {	# Excel "CSV (Comma delimited)"
	if (s ~ /[,"\r\n]/)
		return "\"" repl(s, "\"", "\"\"") "\""
	return s
}
function n2s(x) { return sprintf("%.0f", x) }
function setup(   i, n, a) {
	split("Sunday Monday Tuesday Wednesday Thursday Friday Saturday", a, " ")
	for (i = 1; i <= 7; i++)
		WD[i - 1] = a[i]
	split("January February March April May June July August September October November December", MON, " ")
}
'

# 1. posts.txt -> one line per post, in time order:
# created key forum parent userid edit flags subject message words chars
# (a newline inside a plain-text message travels as \001)
awk -F"$tab" "$lib"'
function die(m) { printf "make-sample: posts.txt:%d: %s\n", NR, m >"/dev/stderr"; bad = 1; exit 1 }
function html(   i, o, inp, inl, line) {
	o = ""; inp = 0; inl = 0
	for (i = 1; i <= nl; i++) {
		line = L[i]
		if (line == "") {
			if (inp) o = o "</p>"
			if (inl) o = o "</ul>"
			inp = inl = 0
		} else if (substr(line, 1, 2) == "* ") {
			if (inp) o = o "</p>"
			if (!inl) o = o "<ul>"
			inp = 0; inl = 1
			o = o "<li>" substr(line, 3) "</li>"
		} else {
			if (inl) o = o "</ul>"
			inl = 0
			o = o (inp ? "<br>" : "<p dir=\"ltr\" style=\"text-align: left;\">") line
			inp = 1
		}
	}
	if (inp) o = o "</p>"
	if (inl) o = o "</ul>"
	return o
}
function flush(   msg, t, i, w, n) {
	if (key == "")
		return
	while (nl > 0 && L[nl] == "")
		nl--
	if (nl == 0) die("post " key " has no text")
	if (parent == "-" && subject == "") die("post " key " has no subject")
	if (flags ~ /plain/) {
		msg = L[1]
		for (i = 2; i <= nl; i++)
			msg = msg "\n" L[i]
	} else
		msg = html()
	# count like Moodle: tags and entities out, then words and letters
	t = msg
	gsub(/<[^>]*>/, " ", t)
	gsub(/&nbsp;/, " ", t); gsub(/&amp;/, "\\&", t); gsub(/&lt;/, "<", t); gsub(/&gt;/, ">", t)
	n = split(t, w, /[ \n]+/)
	words = 0
	for (i = 1; i <= n; i++)
		if (w[i] != "")
			words++
	gsub(/[ \n]/, "", t)
	gsub(/[\200-\277]/, "", t)	# UTF-8 continuation bytes
	print created "\t" key "\t" forum "\t" parent "\t" uid "\t" edit "\t" flags "\t" subject "\t" repl(msg, "\n", "\001") "\t" words "\t" length(t)
	key = ""
}
BEGIN { setup() }
/^%#/ { next }
/\\|\t|\001/ { die("no backslash, tab or \\001 please") }
/^%forum / { flush(); forum = $0; sub(/^%forum /, "", forum); next }
/^%post / {
	flush()
	n = split($0, f, " ")
	if (n < 6 || forum == "") die("bad %post line")
	key = f[2]; parent = f[3]; uid = f[4]
	if (key in seen) die("duplicate key " key)
	seen[key] = 1
	split(f[5], d, "-"); split(f[6], h, ":")
	created = l2u(d[1] + 0, d[2] + 0, d[3] + 0, h[1] + 0, h[2] + 0, h[3] + 0)
	edit = 0; flags = ""
	for (i = 7; i <= n; i++) {
		if (f[i] ~ /^edit=[0-9]+$/) edit = substr(f[i], 6) + 0
		else if (f[i] ~ /^(private=[0-9]+|deleted|plain|attach|mailnow)$/) flags = flags " " f[i]
		else die("unknown option " f[i])
	}
	subject = ""; nl = 0
	next
}
/^%subject / { subject = $0; sub(/^%subject /, "", subject); next }
/^%/ { die("unknown directive") }
key == "" { if ($0 != "") die("text outside a post"); next }
{ if (nl > 0 || $0 != "") L[++nl] = $0 }
END { if (!bad) flush() }
' "$here/posts.txt" >"$tmp/posts.raw"
sort -t "$tab" -k1,1n -k2,2 "$tmp/posts.raw" >"$tmp/posts.sorted"

# 2. Number posts and discussions as Moodle would (ids are site-wide, so
# other courses leave gaps) and write the forum exports.
awk -F"$tab" -v out="$out" -v tmp="$tmp" "$lib"'
BEGIN {
	setup()
	SEED = 20261005
	pid = 1040; did = 210
	FCM["annonces"] = 41; FCM["questions"] = 42; FCM["cafe"] = 43
	H = "id,discussion,parent,userid,userfullname,created,modified,mailed,subject,message,messageformat,messagetrust,attachment,totalscore,mailnow,deleted,privatereplyto,privatereplytofullname,wordcount,charcount"
}
function die(m) { print "make-sample: " m >"/dev/stderr"; bad = 1; exit 1 }
FILENAME ~ /people$/ { split($0, p, "|"); NAME[p[1]] = p[3] " " p[4]; next }
{
	created = $1; key = $2; forum = $3; parent = $4; uid = $5; flags = $7
	if (!(forum in FCM)) die("unknown forum " forum)
	if (!(uid in NAME)) die("unknown user " uid)
	pid += 1 + (rnd() < 0.3 ? int(rnd() * 4) : 0)
	ID[key] = pid
	if (parent == "-") {
		did += 1 + (rnd() < 0.4 ? int(rnd() * 3) : 0)
		DISC[key] = did; ROOTSUBJ[key] = $8; ROOT[key] = key; FORUM[key] = forum
		subject = $8; parentid = 0
	} else {
		if (!(parent in ID) || FORUM[parent] != forum)
			die("post " key ": parent " parent " is not an earlier post of its forum")
		ROOT[key] = ROOT[parent]; DISC[key] = DISC[parent]; FORUM[key] = forum
		subject = $8 != "" ? $8 : "Re: " ROOTSUBJ[ROOT[key]]
		parentid = ID[parent]
	}
	msg = repl($9, "\001", "\n")
	fmt = flags ~ /plain/ ? 2 : 1
	deleted = flags ~ /deleted/ ? 1 : 0
	if (deleted) { subject = ""; msg = ""; fmt = 2 }
	priv = 0; privname = ""
	if (match(flags, /private=[0-9]+/)) {
		priv = substr(flags, RSTART + 8, RLENGTH - 8)
		privname = NAME[priv]
	}
	n = ++NP[forum]
	R = forum SUBSEP n
	V[R, 1] = pid; V[R, 2] = DISC[key]; V[R, 3] = parentid; V[R, 4] = uid
	V[R, 5] = NAME[uid]; V[R, 6] = created; V[R, 7] = n2s(created + $6); V[R, 8] = 1
	V[R, 9] = subject; V[R, 10] = msg; V[R, 11] = fmt; V[R, 12] = 0
	V[R, 13] = flags ~ /attach/ ? 1 : 0; V[R, 14] = 0
	V[R, 15] = flags ~ /mailnow/ ? 1 : 0; V[R, 16] = deleted; V[R, 17] = priv
	V[R, 18] = privname; V[R, 19] = $10; V[R, 20] = $11
	print created "\t" FCM[forum] "\t" pid "\t" DISC[key] "\t" uid "\t" (parent == "-") "\t" n2s(created + $6) "\t" forum >(tmp "/posts.tsv")
}
function csvfile(forum, file, human,   i, j, line, v, eol) {
	eol = human ? "\r\n" : "\n"
	if (!human)
		printf "\357\273\277" >file
	printf "%s%s", H, eol >file
	for (i = 1; i <= NP[forum]; i++) {
		line = ""
		for (j = 1; j <= 20; j++) {
			v = V[forum, i, j]
			if (human && (j == 6 || j == 7))
				v = fmt_human(v)
			line = line (j > 1 ? "," : "") (human ? xlq(v) : csvq(v))
		}
		printf "%s%s", line, eol >file
	}
	close(file)
}
function js(s) {	# json_encode(JSON_UNESCAPED_UNICODE): / is escaped
	s = repl(s, "\"", "\\\"")
	s = repl(s, "/", "\\/")
	s = repl(s, "\n", "\\n")
	return "\"" s "\""
}
function jsonfile(forum, file,   i, j, f, v, nf) {
	nf = split(H, f, ",")
	printf "[[" >file
	for (i = 1; i <= NP[forum]; i++) {
		printf "%s{\n", (i > 1 ? "," : "") >file
		for (j = 1; j <= nf; j++) {
			v = V[forum, i, j]
			if (j == 5 || j == 9 || j == 10)
				v = js(v)
			else if (j == 18)
				v = v == "" ? "null" : js(v)
			printf "    \"%s\": %s%s\n", f[j], v, (j < nf ? "," : "") >file
		}
		printf "}" >file
	}
	printf "]]" >file
	close(file)
}
END {
	if (bad)
		exit 1
	csvfile("annonces", out "/forum_annonces.csv", 0)
	csvfile("questions", out "/forum_questions.csv", 0)
	csvfile("cafe", out "/forum_cafe.csv", 0)
	csvfile("cafe", tmp "/cafe_human.utf8", 1)
	jsonfile("questions", out "/forum_questions.json")
}
' "$tmp/people" "$tmp/posts.sorted"
iconv -f UTF-8 -t WINDOWS-1252 "$tmp/cafe_human.utf8" >"$out/forum_cafe_human.csv"

# 3. users.csv: the participants, UTF-8 with a BOM like any dataformat CSV.
awk -F'|' "$lib"'
BEGIN { printf "\357\273\277%s\n", csvq("id") "," csvq("username") "," csvq("First name") "," csvq("Last name") "," csvq("Email address") "," csvq("Roles") "," csvq("Groups") }
{
	mail = tolower($3 "." $4)
	gsub(/\303[\250-\253]/, "e", mail); gsub(/\303[\256\257]/, "i", mail)	# è é ê ë î ï
	printf "%s,%s,%s,%s,%s,%s,%s\n", $1, csvq($2), csvq($3), csvq($4), csvq(mail "@example.org"), csvq($5), csvq($6)
}' "$tmp/people" >"$out/users.csv"

# 4. logs.csv: what these people did, as the site-level standard log report
# shows it (report/log/index.php?id=1), newest first.
awk -F"$tab" -v tmp="$tmp" "$lib"'
function ev(t, u, aff, ctx, comp, name, desc) {
	if (t >= END_T && !FINAL)
		return
	print n2s(t) "\t" sprintf("%07d", ++NEV) "\t" (u > 0 ? NAME[u] : "-") "\t" (aff > 0 ? NAME[aff] : "-") "\t" ctx "\t" comp "\t" name "\t" desc "\t" IP >OUT
}
function login(t, u) {
	ev(t, u, 0, "System", "System", "User has logged in", "The user with id '\''" u "'\'' has logged in.")
}
function dashboard(t, u) {
	ev(t, u, u, "User: " NAME[u], "System", "Dashboard viewed", "The user with id '\''" u "'\'' has viewed their dashboard")
}
function course(t, u) {
	ev(t, u, 0, COURSE, "System", "Course viewed", "The user with id '\''" u "'\'' viewed the course with id '\''4'\''.")
}
function cmview(t, u, cm) {
	ev(t, u, 0, CTX[cm], COMP[cm], "Course module viewed", "The user with id '\''" u "'\'' viewed the '\''" MOD[cm] "'\'' activity with course module id '\''" cm "'\''.")
}
function discview(t, u, cm, d) {
	ev(t, u, 0, CTX[cm], "Forum", "Discussion viewed", "The user with id '\''" u "'\'' has viewed the discussion with id '\''" d "'\'' in the forum with course module id '\''" cm "'\''.")
}
function uploaded(t, u, cm, d, p) {
	ev(t, u, 0, CTX[cm], "Forum", "Some content has been posted.", "The user with id '\''" u "'\'' has posted content in the forum post with id '\''" p "'\'' in the discussion '\''" d "'\'' located in the forum with course module id '\''" cm "'\''.")
}
function setip(u) { IP = "192.0.2." u; if (u % 2 == 0 && rnd() < 0.25) IP = "192.0.2." (100 + u) }
function recent(cm, t,   n, i) {	# one of the 6 latest discussions of cm at t, or 0
	for (n = ND[cm]; n >= 1 && DT[cm, n] >= t; n--)
		;
	i = n - int(rnd() * 6)
	return i >= 1 ? DD[cm, i] : 0
}
function quiz(u, cm, first, days,   t, a) {	# one attempt in an evening session
	t = first + int(rnd() * days) * 86400 + 18 * 3600 + int(rnd() * 4 * 3600)
	if (t > UNTIL[u])
		return
	setip(u)
	if (rnd() < 0.6) login(t, u)
	course(t + 9 + int(rnd() * 20), u)
	t += 60 + int(rnd() * 120)
	cmview(t, u, cm)
	a = ++ATT
	t += 10 + int(rnd() * 30)
	ev(t, u, u, CTX[cm], "Quiz", "Quiz attempt started", "The user with id '\''" u "'\'' has started the attempt with id '\''" a "'\'' for the quiz with course module id '\''" cm "'\''.")
	t += 420 + int(rnd() * 700)
	ev(t, u, u, CTX[cm], "Quiz", "Quiz attempt submitted", "The user with id '\''" u "'\'' has submitted the attempt with id '\''" a "'\'' for the quiz with course module id '\''" cm "'\''.")
}
BEGIN {
	setup()
	SEED = 4242
	OUT = tmp "/events"
	ATT = 870
	COURSE = "Course: Management de projet agile / Agile project management"
	n = split("41|forum|Forum|Annonces;42|forum|Forum|Questions sur le cours;43|forum|Forum|Café des apprenants;44|page|Page|Plan du cours / Syllabus;45|page|Page|Séance 1 - Valeurs et principes agiles;46|page|Page|Séance 2 - Scrum en pratique;47|page|Page|Séance 3 - Kanban et flux;48|page|Page|Séance 4 - Estimer et planifier;49|page|Page|Séance 5 - Agilité à grande échelle;50|page|Page|Séance 6 - Rétrospectives et amélioration continue;51|quiz|Quiz|Quiz 1 - Scrum;52|quiz|Quiz|Quiz final", M, ";")
	for (i = 1; i <= n; i++) {
		split(M[i], f, "|")
		MOD[f[1]] = f[2]; COMP[f[1]] = f[3]; CTX[f[1]] = f[3] ": " f[4]
	}
	DAY0 = l2u(2026, 10, 5, 0, 0, 0)
	END_T = l2u(2026, 11, 23, 8, 0, 0)
}
FILENAME ~ /people$/ {
	split($0, pp, "|")
	u = pp[1]; NAME[u] = pp[3] " " pp[4]; USERS[++NU] = u
	PROB[u] = pp[7]; READW[u] = pp[8]; STAFF[u] = pp[5] != "Student"
	split(pp[9], dd, "-"); UNTIL[u] = l2u(dd[1], dd[2], dd[3], 23, 59, 59)
	TOTW += pp[8]
	next
}
{ P[++NPOST] = $0 }
END {
	# the posts themselves, with the browsing around each
	for (i = 1; i <= NPOST; i++) {
		split(P[i], f, "\t")
		t = f[1] + 0; cm = f[2]; p = f[3]; d = f[4]; u = f[5]; root = f[6]; mod = f[7] + 0
		setip(u)
		if (!(u in LASTPOST) || t - LASTPOST[u] > 3 * 3600) {
			s = t - 420 - int(rnd() * 900)
			login(s, u)
			if (rnd() < 0.5) dashboard(s + 4 + int(rnd() * 8), u)
			course(s + 15 + int(rnd() * 25), u)
			if (u == 61 && cm == 42) cmview(s + 50, u, 52)	# the closed final quiz
			cmview(s + 70 + int(rnd() * 60), u, cm)
		} else
			cmview(t - 90 - int(rnd() * 150), u, cm)
		LASTPOST[u] = t
		if (root) {
			uploaded(t, u, cm, d, p)
			ev(t, u, 0, CTX[cm], "Forum", "Discussion created", "The user with id '\''" u "'\'' has created the discussion with id '\''" d "'\'' in the forum with course module id '\''" cm "'\''.")
			ND[cm]++; DD[cm, ND[cm]] = d; DT[cm, ND[cm]] = t; DA[cm, ND[cm]] = u
		} else {
			discview(t - 40 - int(rnd() * 260), u, cm, d)
			uploaded(t, u, cm, d, p)
			ev(t, u, 0, CTX[cm], "Forum", "Post created", "The user with id '\''" u "'\'' has created the post with id '\''" p "'\'' in the discussion with id '\''" d "'\'' in the forum with course module id '\''" cm "'\''.")
		}
		discview(t + 1 + int(rnd() * 3), u, cm, d)
		if (mod > t) {
			uploaded(mod, u, cm, d, p)
			ev(mod, u, 0, CTX[cm], "Forum", "Post updated", "The user with id '\''" u "'\'' has updated the post with id '\''" p "'\'' in the discussion with id '\''" d "'\'' in the forum with course module id '\''" cm "'\''.")
			discview(mod + 2, u, cm, d)
		}
	}
	# readers: announcements reach everybody, the rest a few
	for (cm = 41; cm <= 43; cm++)
		for (i = 1; i <= ND[cm]; i++) {
			k = cm == 41 ? 5 + int(rnd() * 6) : 1 + int(rnd() * 4)
			for (j = 0; j < k; j++) {
				x = rnd() * TOTW
				for (r = 1; r < NU && x >= READW[USERS[r]]; r++)
					x -= READW[USERS[r]]
				u = USERS[r]
				if (u == DA[cm, i] || READW[u] == 0)
					continue
				t = DT[cm, i] + 600 + int(rnd() * rnd() * 4 * 86400)
				lparts(t)
				if (LH < 7)	# people sleep
					t += (7 - LH) * 3600 + int(rnd() * 5400)
				if (t > UNTIL[u])
					continue
				setip(u)
				if (rnd() < 0.3) course(t - 40, u)
				cmview(t - 15, u, cm)
				discview(t, u, cm, DD[cm, i])
			}
		}
	# everyday browsing sessions
	for (day = 0; day < 49; day++) {
		z = dfc(2026, 10, 5) + day
		wd = (z + 4) % 7
		civil(z)
		mid = l2u(CY, CM, CD, 0, 0, 0)
		week = int(day / 7) + 1
		for (k = 1; k <= NU; k++) {
			u = USERS[k]
			pr = PROB[u] * (wd == 0 || wd == 6 ? 0.35 : 1) * (day >= 47 ? 0.3 : 1)
			if (rnd() >= pr)
				continue
			if (STAFF[u])
				h = 8 + rnd() * 10
			else {
				x = rnd()
				h = x < 0.2 ? 7 + rnd() * 2 : x < 0.45 ? 12 + rnd() * 2 : x < 0.55 ? 9 + rnd() * 9 : 18 + rnd() * 5
			}
			t = mid + int(h * 3600)
			if (t > UNTIL[u])
				continue
			setip(u)
			if (rnd() < 0.9) {
				login(t, u); t += 3 + int(rnd() * 8)
				if (rnd() < 0.75) dashboard(t, u)
				t += 5 + int(rnd() * 20)
			}
			course(t, u)
			n = 1 + int(rnd() * 4)
			for (j = 0; j < n; j++) {
				t += 20 + int(rnd() * 240)
				x = rnd()
				if (x < 0.35) {
					w = week > 6 ? 6 : week
					cmview(t, u, rnd() < 0.75 ? 44 + w : 44 + int(rnd() * (w + 1)))
				} else if (x < 0.75) {
					y = rnd(); cm = y < 0.5 ? 42 : y < 0.8 ? 43 : 41
					cmview(t, u, cm)
					m = int(rnd() * 3)
					while (m-- > 0) {
						d = recent(cm, t)
						if (d) { t += 15 + int(rnd() * 120); discview(t, u, cm, d) }
					}
				} else if (x < 0.85)
					course(t, u)
				else
					cmview(t, u, 44)
			}
		}
	}
	# quizzes: Quiz 1 open 19-30 October, the final one 13-20 November
	for (k = 1; k <= NU; k++) {
		u = USERS[k]
		if (STAFF[u])
			continue
		quiz(u, 51, l2u(2026, 10, 19, 0, 0, 0), 12)
		if (u != 54 && u != 61)	# Maxime skips it, Aïcha was ill
			quiz(u, 52, l2u(2026, 11, 13, 0, 0, 0), 8)
	}
	# a trainer checks on the quiet ones; anonymous visitors; the manager
	IP = "192.0.2.12"
	split("54 2026-10-28 18:05:12;45 2026-10-26 09:40:33;57 2026-11-21 10:12:09", M, ";")
	for (i = 1; i <= 3; i++) {
		split(M[i], f, " "); split(f[2], dd, "-"); split(f[3], hh, ":")
		ev(l2u(dd[1], dd[2], dd[3], hh[1], hh[2], hh[3]), 12, f[1], COURSE, "System", "User profile viewed", "The user with id '\''12'\'' viewed the profile for the user with id '\''" f[1] "'\'' in the course with id '\''4'\''.")
	}
	for (i = 0; i < 18; i++) {
		IP = "192.0.2." (200 + int(rnd() * 50))
		ev(DAY0 + int(rnd() * 48 * 86400), 0, 0, "Front page", "System", "Course viewed", "The user with id '\''0'\'' viewed the course with id '\''1'\''.")
	}
	IP = "192.0.2.9"; FINAL = 1
	t = l2u(2026, 11, 23, 8, 51, 7)
	login(t, 9); dashboard(t + 6, 9); course(t + 41, 9)
	ev(l2u(2026, 11, 23, 8, 56, 41), 9, 0, "Front page", "Logs", "Log report viewed", "The user with id '\''9'\'' viewed the log report for the course with id '\''1'\''.")
}
' "$tmp/people" "$tmp/posts.tsv"
sort -t "$tab" -k1,1nr -k2,2nr "$tmp/events" | awk -F"$tab" "$lib"'
BEGIN {
	setup()
	printf "\357\273\277%s\n", csvq("Time") "," csvq("User full name") "," csvq("Affected user") "," csvq("Event context") "," csvq("Component") "," csvq("Event name") "," csvq("Description") "," csvq("Origin") "," csvq("IP address")
}
{ print csvq(fmt_log($1)) "," csvq($3) "," csvq($4) "," csvq($5) "," csvq($6) "," csvq($7) "," csvq($8) ",web," csvq($9) }
' >"$out/logs.csv"
