#!/bin/sh
# run-unit.sh - run each cmocka test program given; fail if any fails.
# LCM_VALGRIND=1 runs them under valgrind, failing on any leak or error.
# Tests that read ../shared/fixtures (LCM_FIXTURES) skip themselves when
# it is missing, and fail under CI=true; the skipped ones are counted.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
LCM_FIXTURES=${LCM_FIXTURES:-$root/../shared/fixtures}
export LCM_FIXTURES
out=$(mktemp "${TMPDIR:-/tmp}/lcm-unit.XXXXXX")
trap 'rm -f "$out"' EXIT INT TERM
fail=0
passed=0
skipped=0
for t in "$@"; do
	if [ "${LCM_VALGRIND:-}" = 1 ]; then
		valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect "$t" >"$out" 2>"$t.vg" ||
			{ echo "FAIL (valgrind): $t"; cat "$t.vg"; fail=$((fail + 1)); continue; }
	else
		"$t" >"$out" 2>&1 || { cat "$out"; fail=$((fail + 1)); continue; }
	fi
	n=$(grep -c '^\[  SKIPPED \] test_' "$out")
	skipped=$((skipped + n))
	passed=$((passed + 1))
done
[ "$skipped" -eq 0 ] || echo "unit: $skipped test(s) skipped: no fixtures at $LCM_FIXTURES"
echo "unit: $passed passed, $fail failed"
[ "$fail" -eq 0 ]
