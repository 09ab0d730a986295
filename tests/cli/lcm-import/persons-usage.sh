# --persons takes no file, needs a store; bad --link-by and --lang values.
lcm-import --persons x.json; echo "rc=$?"
lcm-import --persons; echo "rc=$?"
lcm-import --link-by mail x.json; echo "rc=$?"
lcm-import --lang 'fr FR' x.json; echo "rc=$?"
lcm-import --persons -f xml; echo "rc=$?"
