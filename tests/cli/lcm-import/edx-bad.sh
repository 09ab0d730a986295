# Open edX: a bad $date, an unknown _type, a comment without its thread; a broken log line.
lcm-import "$DATA"/lcm-import/edx-forum-bad.mongo; echo "rc=$?"
lcm-import "$DATA"/lcm-import/edx-tracking-bad.log; echo "rc=$?"
echo garbage > broken.log.gz
printf '\037\213\010\000\000\000\000\000\000\003garbage' > truncated.log.gz
lcm-import -f edx-tracking broken.log.gz; echo "rc=$?"
lcm-import truncated.log.gz; echo "rc=$?"
