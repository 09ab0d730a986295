# One JSON document over 64 MiB is not read whole: NDJSON is suggested.
{ echo '['; yes '{"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://x.org/v"},"object":{"id":"http://x.org/o"}},' | head -c 70000000; echo '{}]'; } > big.json
lcm-import big.json; echo "rc=$?"
