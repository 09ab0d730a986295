#!/bin/sh
# screenshot.sh [BINDIR [PNG]] - the README's picture of lcm-report: the
# demo community (scripts/sample) reported over 30 days as a web page,
# rendered by headless Chromium to PNG (default scripts/report-demo.png).
# Chromium is Debian's chromium package, installed when missing as the
# browser test does (tests/cli/lcm-report/find-chromium).
#
#   make && sh scripts/screenshot.sh
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(cd "${1:-$root/build/bin}" && pwd)
png=${2:-$root/scripts/report-demo.png}
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
timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--user-data-dir="$tmp/profile" --hide-scrollbars --window-size=1200,1640 \
	--screenshot="$png" "file://$tmp/report.html" >"$tmp/chromium.log" 2>&1 ||
	{ cat "$tmp/chromium.log" >&2; exit 1; }
test -s "$png"
echo "$png"
