# The CLI runner itself on a fresh clone (no ../shared): a case that reads
# the fixtures is skipped and counted, rc 0; under CI=true the run fails.
runner=$SCRIPTS/../tests/cli/run.sh
bindir=$(dirname "$(command -v lcm-engage)")
unset LCM_VALGRIND
{
	LCM_FIXTURES=$PWD/no-shared CI= sh "$runner" "$bindir" lcm-engage/fixtures scripts/help
	echo "rc=$?"
	LCM_FIXTURES=$PWD/no-shared CI=true sh "$runner" "$bindir" lcm-engage/fixtures 2>&1
	echo "rc=$?"
} | sed "s|$PWD|\$PWD|"
