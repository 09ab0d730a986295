#!/bin/sh
# screenshot.sh [BINDIR [PNG [EXPERTS_PNG]]] - the README's pictures of
# lcm-report: the demo community (scripts/sample) reported over 30 days as
# a web page, rendered by headless Chromium to PNG (default
# scripts/report-demo.png: the top of the page), and the same page's "who
# knows what" section under its title band (default
# scripts/report-experts.png: the page cut to those two, since headless
# Chromium does not scroll to a #fragment before its screenshot).
# Chromium is Debian's chromium package, installed when missing as the
# browser test does (tests/cli/lcm-report/find-chromium).
#
#   make && sh scripts/screenshot.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "${1:-$root/build/bin}" && pwd)
png=${2:-$root/scripts/report-demo.png}
experts_png=${3:-$root/scripts/report-experts.png}
sample=$root/scripts/sample
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lcm-shot.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
browser=$(sh "$root/tests/cli/lcm-report/find-chromium")
LCM_DB=$tmp/demo.db
PATH=$bin:$PATH
export LCM_DB PATH

opts="--course AGILE-2026 --tz Europe/Paris"
lcm-import -q $opts "$sample/users.csv"
lcm-import -q $opts --forum "Annonces" "$sample/forum_annonces.csv"
lcm-import -q $opts --forum "Questions sur le cours" "$sample/forum_questions.csv"
lcm-import -q $opts --forum "Café des apprenants" "$sample/forum_cafe.csv"
lcm-import -q $opts "$sample/logs.csv"
lcm-report --now 2026-11-23T09:00:00+01:00 --tz Europe/Paris --period 30d \
	--title "AGILE-2026 community report" -o "$tmp/report.html"
# shot PAGE PNG HEIGHT: PAGE rendered 1200 pixels wide into PNG
shot() {
	timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$tmp/profile" --hide-scrollbars --window-size=1200,"$3" \
		--screenshot="$2" "file://$1" >"$tmp/chromium.log" 2>&1 ||
		{ cat "$tmp/chromium.log" >&2; exit 1; }
	test -s "$2"
	echo "$2"
}
shot "$tmp/report.html" "$png" 1640
# the head and title band, the experts section, the page's end
{ sed -n '1,/^<main>$/p' "$tmp/report.html"
  sed -n '/^<section id="experts"/,/^<\/section>$/p' "$tmp/report.html"
  printf '</main>\n</body>\n</html>\n'; } >"$tmp/experts.html"
grep -q '<section id="experts"' "$tmp/experts.html" ||
	{ echo "screenshot.sh: no experts section in the report" >&2; exit 1; }
shot "$tmp/experts.html" "$experts_png" 1000
