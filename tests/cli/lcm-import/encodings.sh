# Encodings: UTF-16LE with a BOM and tabs (Moodle's "Excel" CSV), UTF-8
# with a BOM and ';' (European Excel), Windows-1252 guessed and said once,
# and --encoding forcing it.
printf 'id\tname\trole\tcohort\nu1\tZoé Martin\tlearner\tGroupe B\n' | iconv -f UTF-8 -t UTF-16LE > u16.body
{ printf '\377\376'; cat u16.body; } > utf16.csv
printf '\357\273\277id;name;role;cohort\nu2;Élodie Roux;staff;\n' > semicolon.csv
printf 'id,name,role,cohort\nu3,Fran\347ois Dupr\351,learner,Groupe A\n' > latin.csv
lcm-import utf16.csv semicolon.csv latin.csv
lcm-import -q --encoding windows-1252 latin.csv; echo "rc=$?"
lcm-import -q --encoding utf-8 latin.csv; echo "rc=$?"
sqlite3 "$LCM_DB" "SELECT external_id, name, role, cohort FROM person ORDER BY 1;"
