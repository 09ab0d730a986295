#!/bin/sh
# run-unit.sh - run each cmocka test program given; fail if any fails.
# LCM_VALGRIND=1 runs them under valgrind, failing on any leak or error.
set -u
fail=0
passed=0
for t in "$@"; do
	if [ "${LCM_VALGRIND:-}" = 1 ]; then
		valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect "$t" >/dev/null 2>"$t.vg" ||
			{ echo "FAIL (valgrind): $t"; cat "$t.vg"; fail=$((fail + 1)); continue; }
	else
		"$t" || { fail=$((fail + 1)); continue; }
	fi
	passed=$((passed + 1))
done
echo "unit: $passed passed, $fail failed"
[ "$fail" -eq 0 ]
