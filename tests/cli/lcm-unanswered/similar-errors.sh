# --similar: bad counts and methods are usage errors (2), nothing printed.
for n in 0 abc 101 99999999999999999999 -3 ''; do
	lcm-unanswered --now 2026-11-23T09:00:00Z --similar "$n"; echo "rc=$?"
done
lcm-unanswered --now 2026-11-23T09:00:00Z --similar 3 --similar-by fts; echo "rc=$?"
