# --needs on a real Q&A forum: StackExchange's alcohol.meta (questions
# from 2014 to 2022-01-12; every question a thread, answers its replies),
# the last two years of the dump against the periods of two years before
# that hold any history (three: from 2014).
lcm-import -q "$FIXTURES/stackexchange/alcohol.meta"
lcm-report --now 2022-01-13T00:00:00Z --period 730d --needs -f csv --top 8
echo "rc=$?"
echo "== one year against one before"
lcm-report --now 2022-01-13T00:00:00Z --period 365d --needs-periods 1 --needs -f csv
echo "rc=$?"
