#!/bin/sh
# run-unit.sh - run each cmocka test program given; fail if any fails.
# LCM_VALGRIND=1 runs them under valgrind, failing on any leak or error.
# Tests that read ../shared/fixtures (LCM_FIXTURES) skip themselves when
# it is missing, and fail under CI=true. The closing line counts tests.
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
		valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect "$t" >"$out" 2>"$t.vg"
		rc=$?
		[ $rc = 0 ] || { echo "FAIL (valgrind): $t"; cat "$t.vg"; }
	else
		"$t" >"$out" 2>&1
		rc=$?
	fi
	[ $rc = 0 ] || cat "$out"
	passed=$((passed + $(grep -c '^\[       OK \] ' "$out")))
	# cmocka names a failed or skipped test twice: at its run and at the end
	n=$(grep '^\[  FAILED  \] test_' "$out" | sort -u | wc -l)
	[ $rc = 0 ] || [ "$n" -gt 0 ] || n=1	# a crash, or valgrind's error
	fail=$((fail + n))
	skipped=$((skipped + $(grep '^\[  SKIPPED \] test_' "$out" | sort -u | wc -l)))
	grep '^\[  SKIPPED \] test_' "$out" | sort -u | sed "s|^\[  SKIPPED \] |unit: skipped: ${t##*/}: |"
done
[ -d "$LCM_FIXTURES" ] || echo "unit: no fixtures at $LCM_FIXTURES: the tests that read them skip"
echo "unit: $passed passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
