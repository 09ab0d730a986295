# A real browser opens the demo report: headless Chromium (Debian's
# chromium, installed by find-chromium when missing) dumps the DOM it
# built and takes a screenshot. The charts must be in the DOM and the
# screenshot must not be blank. No pixel is compared: only facts.
# Without a browser this test fails, it never passes silently.
here=$(cd "$(dirname "$0")" && pwd)
browser=$(sh "$here/find-chromium" 2>>chromium.log) || { echo "browser: none, test failed"; tail -n 3 chromium.log; exit 1; }
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv"
for f in "Annonces:annonces" "Questions sur le cours:questions" "Café des apprenants:cafe"; do
	lcm-import -q --course AGILE-2026 --tz Europe/Paris --forum "${f%%:*}" \
		"$SAMPLE/forum_${f##*:}.csv"
done
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/logs.csv"
lcm-report --now 2026-11-23T09:00:00+01:00 --tz Europe/Paris --period 30d -o report.html
echo "rc=$?"
run() {
	timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-quic \
		--no-first-run --disable-background-networking --disable-component-update \
		--disable-sync --user-data-dir="$(mktemp -d "$PWD/profile.XXXXXX")" "$@" \
		"file://$PWD/report.html" 2>>chromium.log
}
run --dump-dom >dom.html
run --hide-scrollbars --window-size=1200,2000 --screenshot="$PWD/shot.png" >/dev/null
test -s dom.html || { echo "browser: no DOM"; tail -n 5 chromium.log; }
test -s shot.png || { echo "browser: no screenshot"; tail -n 5 chromium.log; }
# what the browser made of the page: every chart, with its parts
python3 - dom.html <<'EOF'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
print("dom: %d svg, %d chart titles, %d bars, %d tables, %d script" % (
    len(re.findall(r"<svg\b", dom)), len(re.findall(r'<title id="chart-', dom)),
    len(re.findall(r"<rect\b", dom)), len(re.findall(r"<table\b", dom)),
    len(re.findall(r"<script\b", dom))))
for t in re.findall(r'<title id="chart-[a-z]+-title">([^<]*)</title>', dom):
    print("chart:", t)
EOF
python3 "$here/check-png.py" shot.png 64
# the checker itself tells a blank page from a page
python3 - <<'EOF'
import struct, zlib
def chunk(t, c):
    return struct.pack(">I", len(c)) + t + c + struct.pack(">I", zlib.crc32(t + c) & 0xffffffff)
rows = b"".join(b"\0" + b"\xff" * 3 * 64 for _ in range(64))
open("blank.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
EOF
python3 "$here/check-png.py" blank.png 64
