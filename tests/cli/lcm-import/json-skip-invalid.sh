# --skip-invalid on JSON: the good records go in, the bad ones to --rejects with their line or path.
lcm-import --now 2026-12-01T00:00:00Z --skip-invalid --rejects rejects.csv "$DATA"/lcm-import/xapi-bad-actor.ndjson "$DATA"/lcm-import/edx-forum-bad.mongo "$DATA"/lcm-import/edx-tracking-bad.log "$DATA"/lcm-import/canvas-bad-entry.json; echo "rc=$?"
cat rejects.csv
