#!/bin/sh
# run.sh BINDIR [CASE...] - run the CLI golden tests (all, or the cases
# named like lcm-import/usage or a whole tool like lcm-import).
#
# Each tests/cli/<tool>/<case>.sh runs in a fresh temporary directory with
# LC_ALL=C TZ=UTC, the programs of BINDIR first on PATH, LCM_DB pointing
# into that directory, and these variables:
#   FIXTURES  ../shared/fixtures (real samples, read in place)
#   DATA      tests/data        SAMPLE  scripts/sample    SCRIPTS  scripts
# Its stdout, stderr and exit status are compared with <case>.out,
# <case>.err and <case>.rc. Timings in messages (" in 0.3 s") read " in X s",
# and the paths of DATA, FIXTURES, SAMPLE and the temporary directory read
# as the variable names ($DATA ...), so golden files hold no machine's paths;
# getopt's messages name the program without its directory (valgrind runs
# it by its full path).
# A case that names $FIXTURES needs the shared fixtures: without them it
# is skipped and counted (a fresh clone), unless CI=true, where a missing
# fixture fails the run.
# LCM_UPDATE=1 rewrites the golden files instead; LCM_VALGRIND=1 runs every
# program under valgrind and fails on a leak or memory error.
set -u
bindir=$(cd "$1" && pwd)
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
FIXTURES=${LCM_FIXTURES:-$root/../shared/fixtures}
if [ -d "$FIXTURES" ]; then
	FIXTURES=$(cd "$FIXTURES" && pwd)
	have_fixtures=1
elif [ "${CI:-}" = true ]; then
	echo "cli: no fixtures at $FIXTURES, and CI=true needs them (set LCM_FIXTURES)" >&2
	exit 2
else
	have_fixtures=0
fi
DATA=$root/tests/data
SAMPLE=$root/scripts/sample
SCRIPTS=$root/scripts
export FIXTURES DATA SAMPLE SCRIPTS

tmproot=$(mktemp -d "${TMPDIR:-/tmp}/lcm-cli.XXXXXX")
trap 'rm -rf "$tmproot"' EXIT INT TERM

path=$bindir
if [ "${LCM_VALGRIND:-}" = 1 ]; then
	mkdir "$tmproot/vg"
	for p in "$bindir"/lcm-*; do
		n=${p##*/}
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect "%s" "$@"\n' "$p" >"$tmproot/vg/$n"
		chmod +x "$tmproot/vg/$n"
	done
	path=$tmproot/vg
fi

pass=0
fail=0
skip=0
for t in "$root"/tests/cli/*/*.sh; do
	[ -f "$t" ] || continue
	case=${t%.sh}
	name=${case#"$root"/tests/cli/}
	if [ $# -gt 0 ]; then
		want=0
		for c in "$@"; do
			[ "$c" = "$name" ] || [ "$c" = "${name%%/*}" ] && want=1
		done
		[ $want = 1 ] || continue
	fi
	if [ $have_fixtures = 0 ] && grep -q '\$FIXTURES\|\${FIXTURES' "$t"; then
		skip=$((skip + 1))
		continue
	fi
	dir=$tmproot/$(echo "$name" | tr / _)
	mkdir -p "$dir"
	(cd "$dir" && LC_ALL=C TZ=UTC PATH="$path:$PATH" LCM_DB="$dir/lcm.db" \
		sh "$t" >"$dir/.out.raw" 2>"$dir/.err.raw" </dev/null)
	echo $? >"$dir/.rc"
	# paths differ from machine to machine: show them as the variables
	for k in out err; do
		sed -e "s|$DATA|\$DATA|g" -e "s|$FIXTURES|\$FIXTURES|g" -e "s|$SAMPLE|\$SAMPLE|g" -e "s|$SCRIPTS|\$SCRIPTS|g" \
			-e "s|$dir|\$TMP|g" -E -e 's/ in [0-9]+\.[0-9] s$/ in X s/' \
			-e 's|^[^ :]*/(lcm-[a-z]+): |\1: |' \
			"$dir/.$k.raw" >"$dir/.$k"
	done
	if [ "${LCM_UPDATE:-}" = 1 ]; then
		cp "$dir/.out" "$case.out"
		cp "$dir/.err" "$case.err"
		cp "$dir/.rc" "$case.rc"
		pass=$((pass + 1))
		continue
	fi
	ok=1
	for k in out err rc; do
		if [ ! -f "$case.$k" ]; then
			echo "FAIL $name: no $name.$k (run make check-update)"
			ok=0
		elif ! cmp -s "$case.$k" "$dir/.$k"; then
			echo "FAIL $name: $k differs:"
			diff -u "$case.$k" "$dir/.$k" | head -n 40
			ok=0
		fi
	done
	if [ $ok = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
	fi
done
[ $skip = 0 ] || echo "cli: $skip fixture case(s) skipped: no fixtures at $FIXTURES (set LCM_FIXTURES)"
echo "cli: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
