# Each man page names the options its program's table has: the SYNOPSIS
# those of the usage line(s), the OPTIONS list those of --help.
man=$SCRIPTS/../man
for p in lcm-import lcm-unanswered lcm-engage lcm-report lcm-pathway lcm-nudge; do
	# the usage: the lines before the purpose line (which starts unindented)
	"$p" --help | awk 'NR == 1 || /^ / { print; next } { exit }' |
		grep -oE '(^|[[ |])--?[a-zA-Z][-a-zA-Z]*' | sed 's/^[[ |]//' | sort -u >usage.txt
	awk '/^\.Sh SYNOPSIS/ { f = 1; next } /^\.Sh/ { f = 0 } f' "$man/$p.1" |
		grep -oE 'Fl [-a-zA-Z]+' | sed 's/^Fl /-/' | sort -u >synopsis.txt
	"$p" --help | grep -oE '^  (-[a-zA-Z], )?--[a-z-]+' | tr -d ' ' | tr , '\n' | sort -u >help.txt
	awk '/^\.Sh OPTIONS/ { f = 1; next } /^\.Sh/ { f = 0 } f' "$man/$p.1" |
		grep -E '^\.It Fl' | grep -oE 'Fl [-a-zA-Z]+' | sed 's/^Fl /-/' | sort -u >options.txt
	d1=$(diff usage.txt synopsis.txt | grep '^[<>]' | tr '\n' ' ')
	d2=$(diff help.txt options.txt | grep '^[<>]' | tr '\n' ' ')
	echo "$p: SYNOPSIS ${d1:-as the usage} ($(wc -l <usage.txt) options); OPTIONS ${d2:-as --help} ($(wc -l <help.txt))"
done
