# A learner in a Moodle user list and in xAPI statements with the same e-mail is one person.
lcm-import --now 2026-12-01T00:00:00Z "$DATA"/lcm-import/moodle-users.csv "$DATA"/lcm-import/xapi-statements.json "$DATA"/lcm-import/xapi-page.json
lcm-import --persons -f csv
