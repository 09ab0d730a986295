# --link-by none: the same e-mail on two platforms stays two persons.
lcm-import --now 2026-12-01T00:00:00Z --link-by none "$DATA"/lcm-import/moodle-users.csv "$DATA"/lcm-import/xapi-page.json
lcm-import --persons -f csv
