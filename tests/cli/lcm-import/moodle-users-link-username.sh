# --link-by username: a Moodle user export (admin download: id, username;
# or a participants download with the Username identity field) and xAPI
# statements of another platform whose account names are the same logins
# (case and blanks aside) make one person each; the e-mail addresses
# differ, so linking by e-mail joins nobody.
cat > users.csv <<'END'
id,username,email,firstname,lastname,idnumber,institution,department,city,country
58,alice_m,alice@uni.example.org,Alice,Martin,,,,Lyon,FR
59,bruno.p,bruno@uni.example.org,Bruno,Petit,,,,Lyon,FR
60,chloe,chloe@uni.example.org,Chloé,Durand,,,,Lyon,FR
END
cat > lxp.ndjson <<'END'
{"id":"7e000000-0000-4000-8000-000000000001","actor":{"name":"Alice M.","account":{"homePage":"https://lxp.example.org","name":"Alice_M"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"object":{"id":"http://lxp.example.org/video/1"},"timestamp":"2026-11-09T09:00:00Z"}
{"id":"7e000000-0000-4000-8000-000000000002","actor":{"name":"Bruno","mbox":"mailto:bruno.petit@home.example.net","account":{"homePage":"https://lxp.example.org","name":" bruno.p "}},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"object":{"id":"http://lxp.example.org/video/1"},"timestamp":"2026-11-09T10:00:00Z"}
{"id":"7e000000-0000-4000-8000-000000000003","actor":{"name":"Dan","account":{"homePage":"https://lxp.example.org","name":"dan"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},"object":{"id":"http://lxp.example.org/video/1"},"timestamp":"2026-11-09T11:00:00Z"}
END
cat > participants.csv <<'END'
First name,Last name,Username,Email address
Dan,Kim,DAN,dan.kim@uni.example.org
END
lcm-import --now 2026-12-01T00:00:00Z --link-by username users.csv lxp.ndjson participants.csv
lcm-import --persons -f csv
# the same files linked by e-mail (the default): six persons
lcm-import --db email.db --now 2026-12-01T00:00:00Z users.csv lxp.ndjson
lcm-import --db email.db --persons -f csv
# the other order, xAPI first: the same persons
lcm-import --db other.db --now 2026-12-01T00:00:00Z --link-by username lxp.ndjson users.csv
lcm-import --db other.db --persons -f csv
