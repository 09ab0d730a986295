# A file that matches no format says what it looks like, its keys, and
# what lcm reads: Slack (users, channels, a day of messages), Discord,
# Discourse, XML (StackExchange), an array of numbers, unknown keys.
lcm-import "$FIXTURES"/slack/slackdump_export/users.json; echo "rc=$?"
lcm-import "$FIXTURES"/slack/slackdump_export/channels.json; echo "rc=$?"
lcm-import "$FIXTURES"/slack/slackdump_export/B75B4C7/2025-01-10.json; echo "rc=$?"
lcm-import "$FIXTURES"/discord/GC_3A_5M.json; echo "rc=$?"
lcm-import "$FIXTURES"/discourse/topic.json; echo "rc=$?"
lcm-import "$FIXTURES"/stackexchange/conlang.meta/Posts.xml; echo "rc=$?"
echo '[1, 2]' > numbers.json
lcm-import numbers.json; echo "rc=$?"
echo '[{"name": "x", "size": 3}]' > objects.json
lcm-import objects.json; echo "rc=$?"
