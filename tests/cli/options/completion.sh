# The bash completions, generated from the option tables (scripts/completions),
# offer every option each program's --help lists, and known values.
bin=$(dirname "$(command -v lcm-import)")
sh "$SCRIPTS/completions" "$bin" comp || echo "completions: failed"
# what Tab offers after "prog word..." (the last word being completed)
complete_words() {
	bash -c '. "$1"; shift; fn=_$(echo "$1" | tr - _); COMP_WORDS=("$@");
		COMP_CWORD=$(($# - 1)); "$fn"; [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}"' sh "comp/bash/$1" "$@" | sort
}
for p in lcm-import lcm-unanswered lcm-engage lcm-report lcm-pathway lcm-nudge; do
	# the options --help lists, on the lines that start with one
	"$p" --help | grep -oE '^  (-[a-zA-Z], )?--[a-z-]+' | tr -d ' ' | tr , '\n' | sort -u >help.txt
	complete_words "$p" - >offered.txt
	missing=$(comm -23 help.txt offered.txt | tr '\n' ' ')
	echo "$p: $(wc -l <help.txt) options in --help, ${missing:-all} offered${missing:+ missing}"
done
echo "-- values"
complete_words lcm-import -f moodle | tr '\n' ' '; echo
complete_words lcm-engage --by m | tr '\n' ' '; echo
complete_words lcm-unanswered --similar-by b | tr '\n' ' '; echo
complete_words lcm-report -f h | tr '\n' ' '; echo
complete_words lcm-import --encoding utf-16 | tr '\n' ' '; echo
mkdir -p zones/Europe && : >zones/Europe/Paris && : >zones/Europe/Berlin
TZDIR=$PWD/zones complete_words lcm-engage --tz Europe/P | tr '\n' ' '; echo
: >welcome.txt
complete_words lcm-nudge -t wel | tr '\n' ' '; echo
complete_words lcm-nudge --outbox zo | tr '\n' ' '; echo
# free text completes to nothing, not to file names
complete_words lcm-unanswered --course w | wc -l
