#!/bin/sh
# deps.sh - install the Debian packages lcm needs to build and test
# (libstemmer-dev: the Snowball stemmers of lcm-report's themes;
# libexpat1-dev: StackExchange dumps streamed as XML; libzip-dev: a Slack
# export read from its .zip; zip: the tests make such a .zip).
#
#   sh scripts/deps.sh          install what is missing (apt-get as root, else sudo)
#   sh scripts/deps.sh --check  only say whether something is missing (exit 1 if so)
#
# Without root or sudo it prints the exact command to run and exits 1.
set -u

PKGS="gcc make libsqlite3-dev libcsv-dev libjansson-dev libcmocka-dev libstemmer-dev libexpat1-dev libzip-dev pkg-config mandoc sqlite3 tzdata zip zlib1g-dev"

missing=""
for p in $PKGS; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) || st=""
	case "$st" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done

if [ -z "$missing" ]; then
	exit 0
fi
if [ "${1:-}" = "--check" ]; then
	echo "lcm: missing packages:$missing" >&2
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "lcm: missing packages:$missing; install them with your system's package manager" >&2
	exit 1
fi

if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo"
else
	echo "lcm: missing packages:$missing" >&2
	echo "lcm: run: sudo apt-get update && sudo apt-get install -y$missing" >&2
	exit 1
fi

echo "lcm: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq $missing >/dev/null || {
	echo "lcm: apt-get install failed:$missing" >&2
	exit 1
}
