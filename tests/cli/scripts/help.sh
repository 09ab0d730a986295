# Each script's --help prints its usage, exits 0 and makes nothing (gen-data
# once made a directory named --help); an unknown option is refused.
for s in gen-data gen-engage-data gen-catalogue bench; do
	sh "$SCRIPTS/$s" --help
	echo "$s --help: rc=$?"
done
sh "$SCRIPTS/gen-data" --bogus out
echo "gen-data --bogus: rc=$?"
ls
