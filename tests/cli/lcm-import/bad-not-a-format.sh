# A file that matches no format says what it looks like, its keys, and
# what lcm reads: Slack's files alone (users, channels, a day of messages:
# the export is read whole), Discourse's topic list, XML that is not a
# StackExchange dump, an array of numbers, unknown keys.
lcm-import "$FIXTURES"/slack/slackdump_export/users.json; echo "rc=$?"
lcm-import "$FIXTURES"/slack/slackdump_export/channels.json; echo "rc=$?"
lcm-import "$FIXTURES"/slack/slackdump_export/B75B4C7/2025-01-10.json; echo "rc=$?"
lcm-import "$FIXTURES"/discourse/latest.json; echo "rc=$?"
lcm-import "$DATA"/lcm-import/not-stackexchange.xml; echo "rc=$?"
echo '[1, 2]' > numbers.json
lcm-import numbers.json; echo "rc=$?"
echo '[{"name": "x", "size": 3}]' > objects.json
lcm-import objects.json; echo "rc=$?"
