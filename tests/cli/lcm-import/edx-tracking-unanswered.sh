# Unanswered threads from a tracking log alone (the staff's own posts left out).
lcm-unanswered --now 2015-09-20T00:00:00Z -f csv "$FIXTURES"/openedx/tracking_forum_activity.log
