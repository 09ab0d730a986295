# The store: the catalogue and the learners imported with lcm-import
# (goals, interests and skills held; completions and their scores). With
# no file at all everything comes from the store (but the remedial bands,
# which only a catalogue file has); a learners file is completed from it,
# scores included; --goal brings in the learners without a goal.
cd "$DATA/lcm-pathway"
lcm-import -q catalogue.csv persons.csv skills.csv completions.csv
lcm-pathway -f csv
echo "rc=$?"
printf 'person\nf02\nf03\nf04\n' > "$OLDPWD/some.csv"
lcm-pathway --catalogue catalogue.csv --learners "$OLDPWD/some.csv" --goal moodle -f csv
echo "rc=$?"
lcm-pathway --learner f04 --goal communaute -f csv
echo "rc=$?"
lcm-pathway --check --db "$LCM_DB" --goal blockchain
echo "rc=$?"
