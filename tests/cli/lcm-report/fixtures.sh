# Real exports written by others, read as files (no store): Open edX
# tracking logs with forum posts (Markdown), a Moodle log report, events
# only (text), xAPI statements from Moodle (JSON), Open edX comments
# whose threads are not in the file (JSON).
env -u LCM_DB lcm-report --now 2015-09-15T00:00:00Z -f md "$FIXTURES/openedx/tracking_forum_activity.log"
echo "rc=$?"
env -u LCM_DB lcm-report --now 2023-01-24T09:00:00Z "$FIXTURES/moodle/log_report_resaved.csv"
echo "rc=$?"
env -u LCM_DB lcm-report --now 2016-01-20T00:00:00Z --period 30d -f json "$FIXTURES"/xapi/lrs_moodle_statement_A*.json
echo "rc=$?"
env -u LCM_DB lcm-report --now 2014-01-01T00:00:00Z --period 1000d -f json "$FIXTURES/openedx/forum_comments.mongo" | head -n 40
