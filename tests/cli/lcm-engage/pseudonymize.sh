# Pseudonyms: 16 hex digits of HMAC-SHA-256("platform:id") under the key;
# names and managers (e-mails) hidden; the same key gives the same names.
d=$DATA/lcm-engage
lcm-import -q "$d/persons.csv" "$d/posts.csv" "$d/events.csv" "$d/completions.csv"
LCM_PSEUDO_KEY=0123456789abcdef lcm-engage --now 2026-11-23T09:00:00Z --pseudonymize -f tsv | cut -f1-4,21
# a1's pseudonym, as openssl computes it
printf 'lcm:a1' | openssl dgst -sha256 -hmac 0123456789abcdef | sed 's/.*= //' | cut -c1-16
LCM_PSEUDO_KEY=0123456789abcdef lcm-engage --now 2026-11-23T09:00:00Z --pseudonymize --by manager --min-group 1 -f tsv | cut -f1,2
LCM_PSEUDO_KEY=0123456789abcdef lcm-engage --now 2026-11-23T09:00:00Z --pseudonymize --graph dot | head -n 3
# no key, or a short one: refused
env -u LCM_PSEUDO_KEY lcm-engage --now 2026-11-23T09:00:00Z --pseudonymize
echo "rc=$?"
LCM_PSEUDO_KEY=short lcm-engage --now 2026-11-23T09:00:00Z --pseudonymize
echo "rc=$?"
