# csv and tsv keep every byte in a pipe or a file, but on a terminal
# (here a pseudo-terminal made by script(1)) ESC, BEL, CR, C1 controls and
# bidi overrides become U+FFFD, as in the table: nothing in a post can
# run on the manager's screen.
printf 'id,thread,parent,author,created,subject,body\n1,t1,,a,2026-11-01T10:00:00Z,"x\033]0;pwned\007y\342\200\256z",b\n' >posts.csv
lcm-unanswered --now 2026-11-10T12:00:00Z -f tsv posts.csv | cut -f10 | od -An -c | sed 's/  */ /g'
script -qec "lcm-unanswered --now 2026-11-10T12:00:00Z -f tsv posts.csv" /dev/null | tr -d '\r' |
	cut -f10 | od -An -c | sed 's/  */ /g'
script -qec "lcm-unanswered --now 2026-11-10T12:00:00Z -f csv posts.csv" /dev/null | tr -d '\r' |
	cut -d, -f10 | od -An -c | sed 's/  */ /g'
