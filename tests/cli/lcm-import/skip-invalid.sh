# --skip-invalid imports the good rows and writes the bad ones, with
# their reason, to --rejects.
printf 'person,time,verb,object\np1,2026-11-02T10:00:00Z,viewed,Course\np2,yesterday,viewed,Course\np3,2026-11-02T11:00:00Z,posted,Forum,extra\np4,2026-11-03T09:00:00+01:00,viewed,Course\n' > ev.csv
lcm-import --skip-invalid --rejects rejects.csv ev.csv; echo "rc=$?"
cat rejects.csv
sqlite3 "$LCM_DB" "SELECT p.external_id, datetime(e.ts, 'unixepoch'), e.verb, e.object FROM event_text e JOIN person p ON p.id = e.person_id ORDER BY 1;"
