# --link-by username: an Open edX username and an xAPI account name.
cat > lxp.ndjson <<'END'
{"id":"7d000000-0000-4000-8000-000000000001","actor":{"name":"Alice M.","account":{"homePage":"https://lxp.example.org","name":"Alice_M"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"object":{"id":"http://lxp.example.org/video/1"},"timestamp":"2026-11-09T09:00:00Z"}
END
lcm-import --now 2026-12-01T00:00:00Z --link-by username "$DATA"/lcm-import/edx-forum.mongo lxp.ndjson
lcm-import --persons -f csv
