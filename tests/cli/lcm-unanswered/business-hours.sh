# Working time: at Tuesday noon, t3 (Tuesday 10:00 a week before) has
# 47 working hours, t1 and t2 more. Windows are half-open: t3 is not older
# than 47h (exactly 47h old), but older than 46h59m59s.
lcm-import -q "$DATA/lcm-unanswered/persons.csv" "$DATA/lcm-unanswered/posts.csv"
lcm-unanswered --now 2026-11-10T12:00:00Z --tz UTC --business-hours 'Mon-Fri 09:00-18:00' --older-than 47h -f tsv | cut -f1,7
lcm-unanswered --now 2026-11-10T12:00:00Z --tz UTC --business-hours 'Mon-Fri 09:00-18:00' --older-than 48h -f tsv | cut -f1,7
lcm-unanswered --now 2026-11-10T12:00:00Z --tz UTC --business-hours 'Mon-Fri 09:00-18:00' --older-than 46h59m59s -f tsv | cut -f1,7
