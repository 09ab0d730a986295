# Damaged OULAD rows: file:line, exit 2, store unchanged.
printf 'id_assessment,id_student,date_submitted,is_banked,score\n1752,11391,18,0,78\n' > sa.csv
lcm-import sa.csv
echo "rc=$?"
printf '"code_module","code_presentation","id_assessment","assessment_type","date","weight"\n"AAA","2013J","1752","TMA","19","10"\n"AAA","2013X","1753","TMA","54","20"\n' > as.csv
lcm-import as.csv
echo "rc=$?"
printf '"code_module","code_presentation","id_student","id_site","date","sum_click"\n"AAA","2013J","1","2","3","-4"\n' > vle.csv
lcm-import vle.csv
echo "rc=$?"
sqlite3 "$LCM_DB" 'SELECT count(*) FROM item; SELECT count(*) FROM event' 2>&1
