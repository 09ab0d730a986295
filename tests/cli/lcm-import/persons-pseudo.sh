# --persons --pseudonymize: every person by their pseudonym, no name,
# e-mail or account id, in the pseudonyms' order; the same pseudonym as
# lcm-engage --pseudonymize gives them (HMAC of the first account).
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv" \
	"$SAMPLE/forum_questions.csv" "$SAMPLE/logs.csv"
printf 'id,name,email,role\nsb,Sarah B.,sarah.benali@example.org,learner\n' >lxp.csv
lcm-import -q --platform lxp lxp.csv
export LCM_PSEUDO_KEY=0123456789abcdef
lcm-import --persons --pseudonymize -f csv | head -n 6
lcm-import --persons --pseudonymize -f csv | grep -c -i -e sarah -e benali -e example -e 'moodle:'
# Sarah (moodle:51, also lxp:sb): her pseudonym, as openssl computes it
printf 'moodle:51' | openssl dgst -sha256 -hmac "$LCM_PSEUDO_KEY" | sed 's/.*= //' | cut -c1-16
lcm-import --persons --pseudonymize -f tsv | grep 'lxp,moodle'
# the same 26 pseudonyms as lcm-engage's
lcm-import --persons --pseudonymize -f csv | sed 1d | cut -d, -f1 | sort >import.txt
lcm-engage --now 2026-11-23T09:00:00+01:00 --pseudonymize -f csv | sed 1d | cut -d, -f1 | sort >engage.txt
wc -l <import.txt
cmp import.txt engage.txt && echo "same pseudonyms"
# no key, a short key, or without --persons: refused
env -u LCM_PSEUDO_KEY lcm-import --persons --pseudonymize; echo "rc=$?"
LCM_PSEUDO_KEY=short lcm-import --persons --pseudonymize; echo "rc=$?"
lcm-import --pseudonymize x.csv; echo "rc=$?"
