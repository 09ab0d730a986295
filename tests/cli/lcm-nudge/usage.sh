# --help, --version, misuse, and cron's empty stdin: said, exit 2.
lcm-nudge --help | head -3
echo "rc=$?"
lcm-nudge -V > version.txt
# the libraries' versions vary by machine: their names kept, numbers as N
sed -E '2s/[0-9]+(\.[0-9]+)*/N/g' version.txt
lcm-nudge --bogus
echo "bogus: rc=$?"
lcm-nudge -t x.txt --send --outbox out
echo "two outputs: rc=$?"
lcm-nudge -t x.txt --send --pseudonymize
echo "pseudonymize: rc=$?"
lcm-nudge --outbox out
echo "no template: rc=$?"
lcm-nudge --cooldown 3x -t x.txt
echo "cooldown: rc=$?"
lcm-nudge --max 0 -t x.txt
echo "max: rc=$?"
: | lcm-nudge -t "$SCRIPTS/nudge/nudge.txt" --send
echo "empty pipe: rc=$?"
lcm-nudge -t "$SCRIPTS/nudge/nudge.txt" --send </dev/null
echo "dev null: rc=$?"
printf 'person,reasons\n1,"lurker\n' | lcm-nudge -t "$SCRIPTS/nudge/nudge.txt" -
echo "bad csv: rc=$?"
printf '[{"person":"1"},\n' | lcm-nudge -t "$SCRIPTS/nudge/nudge.txt" -
echo "bad json: rc=$?"
printf '{"person":"1"}\n{"person":[1]}\n' | lcm-nudge -t "$SCRIPTS/nudge/nudge.txt" -
echo "bad ndjson: rc=$?"
