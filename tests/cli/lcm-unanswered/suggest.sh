# --suggest: the people best placed to answer; never the author.
lcm-import -q "$DATA/lcm-unanswered/persons.csv" "$DATA/lcm-unanswered/posts.csv"
lcm-unanswered --now 2026-11-10T12:00:00Z --by staff --older-than 0 --suggest 2 -f tsv | cut -f1,4,5,12
