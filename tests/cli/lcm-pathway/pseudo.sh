# --pseudonymize: learners shown by the pseudonym lcm-engage --pseudonymize
# gives them (HMAC-SHA-256 of "platform:id"), without names, in every format.
cd "$DATA/lcm-pathway"
lcm-import -q catalogue.csv persons.csv skills.csv completions.csv
export LCM_PSEUDO_KEY=0123456789abcdef
# f02's pseudonym as openssl computes it, lcm-engage's, then lcm-pathway's
printf 'lcm:f02' | openssl dgst -sha256 -hmac "$LCM_PSEUDO_KEY" | sed 's/.*= //' | cut -c1-16
lcm-engage --now 2026-12-01T00:00:00Z --pseudonymize -f csv | cut -d, -f1-3 | sort
lcm-pathway --pseudonymize -f csv
echo "rc=$?"
# every format: no name anywhere; --learner takes the id or the pseudonym
lcm-pathway --pseudonymize --learner f02 -f json
lcm-pathway --pseudonymize --learner 50b3fd97ee4707c0 -f md
lcm-pathway --pseudonymize --learner f03 -f ndjson
lcm-pathway --pseudonymize --learner f03 -f table --explain
# pseudonyms piped from lcm-engage stay as they are, and the store still
# completes them (goals, completions, scores)
lcm-engage --now 2026-12-01T00:00:00Z --pseudonymize -f csv |
	lcm-pathway --catalogue catalogue.csv --learners - --pseudonymize -q -f csv
echo "rc=$?"
# real ids from a file: hashed as the store's persons, names dropped
printf 'learner,name\nf02,Hugo Bernard\nf03,Inès Moreau\n' |
	lcm-pathway --catalogue catalogue.csv --learners - --pseudonymize -f md
# unknown to the store: hashed as written; one that looks like a
# pseudonym is hashed again, with a warning, never shown as given
printf 'learner,name,goals\nx99,Zoé,moodle\n0123456789abcdef,,moodle\n' |
	lcm-pathway --catalogue catalogue.csv --learners - --pseudonymize -f csv
echo "rc=$?"
# a store of two platforms: lcm-engage writes ids as platform:id; piped
# with their names, they get lcm-engage's pseudonyms, with the store or
# without it (hashed as written)
cp "$FIXTURES"/xapi/lrs_moodle_statement_A1.json "$OLDPWD"/a1.json
lcm-import -q --now 2026-12-01T00:00:00Z "$OLDPWD"/a1.json
lcm-engage --now 2026-12-01T00:00:00Z -f csv | cut -d, -f1,2 | grep -e f02 -e xapi
lcm-engage --now 2026-12-01T00:00:00Z --pseudonymize -f csv | cut -d, -f1 | grep -e 50b3fd97ee4707c0 -e 97ce8101d6504cc5
lcm-engage --now 2026-12-01T00:00:00Z -f csv | grep -e ^person -e lcm:f02 -e xapi: |
	lcm-pathway --catalogue catalogue.csv --learners - --goal moodle --pseudonymize -f csv | cut -d, -f1-4
lcm-engage --now 2026-12-01T00:00:00Z -f csv | grep -e ^person -e lcm:f02 -e xapi: > "$OLDPWD"/two.csv
LCM_DB="$OLDPWD"/none.db lcm-pathway --catalogue catalogue.csv --learners "$OLDPWD"/two.csv \
	--goal moodle --pseudonymize -f csv | cut -d, -f1-4
# messages name learners by pseudonym too
printf 'learner,goals\nf02,blockchain\n' |
	lcm-pathway --check --catalogue catalogue.csv --learners - --pseudonymize
echo "rc=$?"
# no key, or a short one: refused
env -u LCM_PSEUDO_KEY lcm-pathway --pseudonymize -f csv
echo "rc=$?"
LCM_PSEUDO_KEY=short lcm-pathway --catalogue catalogue.csv --pseudonymize -f csv
echo "rc=$?"
