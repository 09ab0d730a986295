# Real exports written by others: a Moodle log report (two users, events
# only: lurkers, but two people are too few to judge) and Open edX
# tracking logs with forum posts.
lcm-engage --now 2023-01-24T09:00:00Z -f csv "$FIXTURES/moodle/log_report_resaved.csv"
echo "rc=$?"
lcm-engage --now 2023-01-24T09:00:00Z --by week --min-group 1 -f csv "$FIXTURES/moodle/log_report_resaved.csv"
lcm-engage --now 2015-09-15T00:00:00Z -f csv --network "$FIXTURES/openedx/tracking_forum_activity.log"
lcm-engage --now 2015-09-15T00:00:00Z --graph dot "$FIXTURES/openedx/tracking_forum_activity.log"
