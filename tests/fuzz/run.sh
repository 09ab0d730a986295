#!/bin/sh
# run.sh - build the libFuzzer harnesses (tests/fuzz/fuzz_*.c) with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer, and run each for
# FUZZ_SECONDS seconds.
#
#   sh tests/fuzz/run.sh [TARGET...]
#
# Targets: csv import time html catalogue, and options-PROG for each
# cmd/PROG.c (the program's real option parsing); all by default.
# Seeds: the inputs of tests/data/fuzz/TARGET/ (crashes found before:
# each must stay fixed, so they run first), the project's test files
# (tests/data, scripts/sample), the shared fixtures read in place, and
# the command lines of the CLI tests; copied into a temporary directory
# removed at the end (FUZZ_KEEP=DIR keeps the corpora there instead).
#
# Environment:
#   FUZZ_SECONDS  run time of each harness (default 30)
#   FUZZ_SEED     libFuzzer's random seed (default 1): with the same seeds
#                 and sources, a run makes the same mutations in the same
#                 order (how far it gets in the time depends on the machine)
#   FUZZ_JOBS     harnesses run at once (default: the number of CPUs)
#   FUZZ_KEEP     directory where the corpora grow and stay (default: the
#                 corpus starts from the seeds alone, every run)
#   CLANG         the compiler (default: clang, else clang-14; missing,
#                 it is installed with apt-get, as scripts/deps.sh does)
#   LCM_FIXTURES  the shared fixtures (default: ../shared/fixtures)
#
# Objects go to build/fuzz/. Each harness ends with one line: its runs,
# seeds and corpus and "ok", or "FAILED (crash|leak|timeout|oom|broken
# promise|sanitizer|hung)" with the input that did it, saved in
# build/fuzz/crashes/ (shown in base64 too when small, for a CI log), and
# the report (whole in build/fuzz/crashes/TARGET.log). run.sh exits 1 when
# a harness failed, 2 when the build fails. A harness that does not stop
# within FUZZ_SECONDS + 300 s is killed and counts as hung.
set -u

root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 2
secs=${FUZZ_SECONDS:-30}
fseed=${FUZZ_SEED:-1}
jobs=${FUZZ_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
out=$root/build/fuzz
fixtures=${LCM_FIXTURES:-$root/../shared/fixtures}
[ -d "$fixtures" ] || fixtures=
case $secs in
''|*[!0-9]*) echo "fuzz: FUZZ_SECONDS is not a number: '$secs'" >&2; exit 2 ;;
esac
case $fseed in
''|*[!0-9]*|0) echo "fuzz: FUZZ_SEED is not a number above 0: '$fseed'" >&2; exit 2 ;;
esac

# clang with libFuzzer's runtime; install it like scripts/deps.sh when missing.
can_fuzz() {
	printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\n{ (void)d; return (int)n * 0; }\n' \
		>"$out/probe.c" &&
	"$1" -fsanitize=fuzzer,address,undefined -o "$out/probe" "$out/probe.c" 2>/dev/null
}
mkdir -p "$out" || exit 2
sh scripts/deps.sh || exit 2
cc=
for c in ${CLANG:-} clang clang-14; do
	if command -v "$c" >/dev/null 2>&1 && can_fuzz "$c"; then
		cc=$c
		break
	fi
done
if [ -z "$cc" ]; then
	if [ "$(id -u)" = 0 ]; then
		sudo=
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		sudo=sudo
	else
		echo "fuzz: no clang with libFuzzer; run:" \
			"sudo apt-get install -y clang-14 libclang-rt-14-dev" >&2
		exit 2
	fi
	export DEBIAN_FRONTEND=noninteractive
	# a bare system has no package lists yet
	$sudo apt-get update -qq >/dev/null ||
		echo "fuzz: apt-get update failed: trying the install anyway" >&2
	# libFuzzer's runtime is only recommended by clang: ask for it
	pkgs=clang
	apt-cache show libclang-rt-14-dev >/dev/null 2>&1 && pkgs="clang-14 libclang-rt-14-dev"
	echo "fuzz: installing $pkgs" >&2
	$sudo apt-get install -y -qq $pkgs >/dev/null || {
		echo "fuzz: apt-get install failed: $pkgs" >&2
		exit 2
	}
	for c in clang-14 clang; do
		if command -v "$c" >/dev/null 2>&1 && can_fuzz "$c"; then
			cc=$c
			break
		fi
	done
	[ -n "$cc" ] || { echo "fuzz: clang still cannot build a fuzzer" >&2; exit 2; }
fi

san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
# every wing's folder, as the Makefile gives them
wings=$(for d in lib/*/; do printf ' -iquote %s' "${d%/}"; done)
cflags="-std=c11 -g -O1 $san -D_POSIX_C_SOURCE=200809L -DLCM_VERSION=\"fuzz\" -iquote lib $wings
	$(pkg-config --cflags sqlite3 jansson zlib expat libzip)"
libs="$(pkg-config --libs sqlite3 jansson zlib expat libzip) -lcsv -lstemmer -lm"
# the harnesses themselves: warnings are errors (not so for the library
# and programs, whose warnings are gcc's business in the normal build)
hwarn="-Wall -Wextra -Wshadow -Wstrict-prototypes -Wvla -Wwrite-strings -Wformat=2 -Werror"

# The library, instrumented for coverage; rebuilt when a source changed.
lib=$out/liblcm.a
if [ ! -f "$lib" ] || [ -n "$(find lib tests/fuzz/run.sh -newer "$lib" 2>/dev/null | head -n 1)" ]; then
	echo "fuzz: building the library with $cc" >&2
	rm -rf "$out/obj" && mkdir -p "$out/obj" || exit 2
	for f in lib/*/*.c; do echo "$f"; done |
		CC=$cc CFLAGS="$cflags -fsanitize=fuzzer-no-link" OBJ=$out/obj \
		xargs -P "$jobs" -n 1 sh -c \
		'o=$OBJ/$(echo "$1" | tr / _ | sed "s/\.c$/.o/"); $CC $CFLAGS -c -o "$o" "$1" || { echo "fuzz: cannot compile $1" >&2; exit 255; }' sh ||
		exit 2
	rm -f "$lib"
	ar rcs "$lib" "$out"/obj/*.o || exit 2
fi

progs=$(for f in cmd/*.c; do p=${f#cmd/}; echo "${p%.c}"; done)
all="csv import time html catalogue"
for p in $progs; do all="$all options-$p"; done
targets=${*:-$all}

# Builds the harness of target t into $out/fuzz_$t (when out of date).
build() {
	t=$1
	bin=$out/fuzz_$t
	case $t in
	options-*)
		p=${t#options-}
		src=tests/fuzz/fuzz_options.c
		[ -f "cmd/$p.c" ] || { echo "fuzz: no program cmd/$p.c" >&2; return 1; }
		if [ -f "$bin" ] && [ -z "$(find "$src" tests/fuzz/fuzz.h "cmd/$p.c" "$lib" -newer "$bin" | head -n 1)" ]; then
			return 0
		fi
		# the program's main under another name, and no data past its options
		$cc $cflags -fsanitize=fuzzer-no-link -Dmain=lcm_fuzz_main -c \
			-o "$out/cmd_$p.o" "cmd/$p.c" &&
		$cc $cflags $hwarn -fsanitize=fuzzer -DLCM_FUZZ_PROG="\"$p\"" -o "$bin" "$src" \
			"$out/cmd_$p.o" "$lib" $libs \
			-Wl,--wrap=lcm_open_input,--wrap=lcm_store_open,--wrap=fopen
		;;
	*)
		src=tests/fuzz/fuzz_$t.c
		[ -f "$src" ] || { echo "fuzz: no harness $src" >&2; return 1; }
		if [ -f "$bin" ] && [ -z "$(find "$src" tests/fuzz/fuzz.h "$lib" -newer "$bin" | head -n 1)" ]; then
			return 0
		fi
		$cc $cflags $hwarn -fsanitize=fuzzer -o "$bin" "$src" "$lib" $libs
		;;
	esac
}

for t in $targets; do
	build "$t" || { echo "fuzz: cannot build $t" >&2; exit 2; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/lcm-fuzz.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
trap 'exit 2' INT TERM
crashes=$out/crashes
mkdir -p "$crashes"

# Copies each file given into seed dir d, after the option bytes of prefix
# (printf octal escapes), cut to 64 KiB: the fuzzer grows from there.
seed() {
	d=$1
	prefix=$2
	shift 2
	mkdir -p "$d"
	for f in "$@"; do
		[ -f "$f" ] || continue
		n=$(echo "$f" | tr / _)
		{ printf "$prefix"; head -c 65536 "$f"; } >"$d/$n"
	done
}

# The files of the project and the fixtures, for the readers.
datafiles() {
	find tests/data scripts/sample ${fixtures:+"$fixtures"} -type f \
		! -path 'tests/data/fuzz/*' ! -name '*.sh' ! -name '*.md' | sort
}

# Seeds and dictionary of target t into $work/seeds/$t and $work/$t.dict.
prepare() {
	t=$1
	s=$work/seeds/$t
	dict=$work/$t.dict
	mkdir -p "$s"
	: >"$dict"
	case $t in
	csv)
		seed "$s" '\000' $(datafiles | grep -E '\.(csv|txt)$')
		printf '"\\x22"\n","\n";"\n"\\x09"\n"\\x0d\\x0a"\n"\\xef\\xbb\\xbf"\n"\\xff\\xfe"\n"\\xfe\\xff"\n"\\x22\\x22"\n"\\xe9"\n"\\xc3\\xa9"\n"=HYPERLINK("\n' >"$dict"
		;;
	import)
		seed "$s" '\000\000' $(datafiles)
		# the column names and JSON keys the formats know
		grep -ho '"[a-z_$|.]*"' lib/input/*.c | tr -d '"' | tr '|' '\n' |
			grep -E '^[a-z_$.]{2,}$' | sort -u | sed 's/.*/"&"/' >"$dict"
		;;
	time)
		mkdir -p "$s"
		i=0
		for v in "2026-11-23" "2026-11-23T14:05:00Z" "2024-03-31T02:30:00+01:00" \
			"2024-02-29 23:59:60.123-0930" "1700000000" "-86400" \
			"23/01/23, 12:09" "01/13/23, 10:00:05" "9 Mar, 14:05" \
			"Thursday, 17 October 2024, 12:13 PM" "17 October 2024, 12:13:05 PM" \
			"jeudi 17 octobre 2024, 12:13" "17 févr. 2024, 09:00" "October 17, 2024, 1:05 AM" \
			"90m" "1d12h" "2w" "48h" "Mon-Fri 09:00-18:00" "lun,mer,ven 08:30-12:00" \
			"Europe/Paris" "CET-1CEST,M3.5.0,M10.5.0/3" "America/St_Johns"; do
			i=$((i + 1))
			printf '\000%s' "$v" >"$s/hand$i"
			printf '\004%s' "$v" >"$s/paris$i"
		done
		# the times of the test files and fixtures, as they are written there
		datafiles | xargs cat 2>/dev/null |
			grep -aEo '[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+(Z|[+-][0-9:]+)?|[0-9]{1,2}/[0-9]{2}/[0-9]{2,4}, [0-9:]+( [AP]M)?' |
			sort -u | head -n 200 | while IFS= read -r v; do
				i=$((i + 1))
				printf '\000%s' "$v" >"$s/data$i"
			done
		printf '"T"\n"Z"\n"+01:00"\n"-"\n":"\n", "\n"/"\n" PM"\n" AM"\n"janvier"\n"October"\n"Thursday"\n"\\xc2\\xa0"\n"\\xe2\\x80\\xaf"\n"Mon-Fri"\n"d"\n"h"\n"w"\n' >"$dict"
		;;
	html)
		seed "$s" '' $(datafiles | grep -E '\.(csv|json|txt)$')
		printf '"<p>"\n"</p>"\n"<br/>"\n"<script>"\n"</script>"\n"<style>"\n"<pre>"\n"</pre>"\n"<li>"\n"<!--"\n"-->"\n"<![CDATA["\n"]]>"\n"&amp;"\n"&nbsp;"\n"&#x"\n"&#"\n";"\n"<img onerror="\n"\\xe2\\x80\\xae"\n"\\xc2\\xa0"\n"?"\n"pourquoi"\n"how"\n' >"$dict"
		;;
	catalogue)
		seed "$s" '' $(datafiles | grep -Ei 'catalogue|broken|bricks')
		printf '"id"\n"title"\n"duration_min"\n"skills"\n"prereqs"\n"remedial"\n"level"\n";"\n","\n"0-0.4:"\n"["\n"{"\n"}"\n"]"\n"\\x22"\n' >"$dict"
		;;
	options-*)
		p=${t#options-}
		# the command lines of the program's CLI tests, one argument a NUL
		i=0
		for f in tests/cli/"$p"/*.sh tests/cli/*/*.sh; do
			[ -f "$f" ] || continue
			grep -Eo "(^|[|;&(] *)$p( [^|;&>)]*)?" "$f" | sed -E "s/^[|;&( ]*$p ?//" |
			while IFS= read -r line; do
				i=$((i + 1))
				printf '%s' "$line" | tr -d "'\"" | tr ' ' '\000' >"$s/$i.$(echo "$f" | tr / _)"
			done
		done
		# its long options, from its option table, and the shared ones
		grep -ho '{ "[a-z-]*"' "cmd/$p.c" | sed 's/{ "\(.*\)"/"--\1"/' >"$dict"
		printf '"--db"\n"--tz"\n"--now"\n"-f"\n"csv"\n"json"\n"table"\n"-"\n"--"\n"="\n"\\x00"\n' >>"$dict"
		;;
	esac
	# inputs that crashed once: run first, so a regression shows at once
	if [ -d "tests/data/fuzz/$t" ]; then
		mkdir -p "$s/regress"
		cp tests/data/fuzz/"$t"/* "$s/regress/" 2>/dev/null
	fi
}

# What went wrong in libFuzzer log $1, as one word or two.
verdict() {
	if grep -q 'ERROR: LeakSanitizer' "$1"; then echo leak
	elif grep -q 'ERROR: libFuzzer: timeout' "$1"; then echo timeout
	elif grep -qE 'ERROR: libFuzzer: (out-of-memory|malloc)' "$1"; then echo oom
	elif grep -q ': broken: ' "$1"; then echo "broken promise"
	elif grep -q 'runtime error: ' "$1"; then echo "undefined behaviour"
	elif grep -q 'ERROR: AddressSanitizer' "$1"; then echo "memory error"
	elif grep -q 'ERROR: libFuzzer: deadly signal' "$1"; then echo crash
	else echo "exit $2"
	fi
}

# Runs target t; its summary line (and the report of a failure) into
# $work/$t.result.
run() {
	t=$1
	bin=$out/fuzz_$t
	corpus=${FUZZ_KEEP:+$FUZZ_KEEP/$t}
	corpus=${corpus:-$work/corpus/$t}
	log=$work/$t.log
	mkdir -p "$corpus"
	extra=
	case $t in
	options-*) extra="-close_fd_mask=3" ;;	# the programs' messages
	esac
	[ -s "$work/$t.dict" ] && extra="$extra -dict=$work/$t.dict"
	# -reload=0: nothing else writes the corpus; the outer timeout only
	# catches a harness that hangs where libFuzzer's -timeout cannot see
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0} \
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
	TMPDIR=$work timeout -k 30 $((secs + 300)) \
		"$bin" -seed="$fseed" -max_total_time="$secs" -timeout=25 -rss_limit_mb=2048 \
		-max_len=65536 -reload=0 -print_final_stats=1 -artifact_prefix="$crashes/$t-" \
		$extra "$corpus" "$work/seeds/$t" >"$log" 2>&1 </dev/null
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	units=$(find "$corpus" -type f | wc -l)
	seeds=$(find "$work/seeds/$t" -type f | wc -l)
	if [ $rc = 0 ]; then
		echo "fuzz_$t: ${runs:-?} runs in $secs s (seed $fseed), $seeds seeds, corpus $units inputs: ok" >"$work/$t.result"
		return 0
	fi
	if [ $rc = 124 ] || [ $rc = 137 ]; then
		why="hung: killed after $((secs + 300)) s"
	else
		why=$(verdict "$log" $rc)
	fi
	input=$(sed -n 's/.*Test unit written to //p' "$log" | tail -n 1)
	cp "$log" "$crashes/$t.log" 2>/dev/null
	{
		echo "fuzz_$t: FAILED ($why) after ${runs:-?} runs (seed $fseed)"
		if [ -n "$input" ] && [ -f "$input" ]; then
			echo "  input: $input ($(wc -c <"$input") bytes)"
			echo "  replay: $bin $input"
			if [ "$(wc -c <"$input")" -le 4096 ]; then
				echo "  input in base64 (base64 -d >input):"
				base64 "$input" | sed 's/^/    /'
			fi
		else
			echo "  no input saved (see the report)"
		fi
		echo "  report: $crashes/$t.log"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*broken:|==[0-9]+== ERROR: libFuzzer)' \
			"$log" | head -n 12 | sed 's/^/  /'
		grep -E '^ *#[0-9]+ ' "$log" | head -n 15 | sed 's/^/  /'
	} >"$work/$t.result"
	return 1
}

for t in $targets; do
	prepare "$t"
done
echo "fuzz: $(echo $targets | wc -w) harnesses, $secs s each, $jobs at a time, seed $fseed" >&2
fail=0
n=0
for t in $targets; do
	run "$t" &
	n=$((n + 1))
	if [ $n -ge "$jobs" ]; then
		wait
		n=0
	fi
done
wait
for t in $targets; do
	if [ ! -s "$work/$t.result" ]; then
		echo "fuzz_$t: FAILED (no result: the run was interrupted)"
		fail=1
		continue
	fi
	cat "$work/$t.result"
	case $(head -n 1 "$work/$t.result") in
	*FAILED*) fail=1 ;;
	esac
done
if [ $fail = 1 ]; then
	echo "fuzz: FAILED: inputs in $crashes (replay: build/fuzz/fuzz_TARGET FILE)" >&2
	exit 1
fi
exit 0
