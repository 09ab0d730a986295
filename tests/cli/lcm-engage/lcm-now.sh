# LCM_NOW is --now from the environment (replays, tests of cron lines);
# --now wins over it; a value that is not a time is said, and the clock used.
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/users.csv"
lcm-import -q --course AGILE-2026 --tz Europe/Paris "$SAMPLE/logs.csv"
lcm-engage --now 2026-11-23T09:00:00+01:00 -f csv >now.csv
LCM_NOW=2026-11-23T09:00:00+01:00 lcm-engage -f csv >env.csv
cmp now.csv env.csv && echo "LCM_NOW = --now"
LCM_NOW=2020-01-01 lcm-engage --now 2026-11-23T09:00:00+01:00 -f csv >both.csv
cmp now.csv both.csv && echo "--now wins"
LCM_NOW=yesterday lcm-engage -f csv >/dev/null
echo "rc=$?"
