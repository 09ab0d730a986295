# The man page's loop: one Markdown pathway file per learner of a cohort.
cp "$DATA"/lcm-pathway/catalogue.csv "$DATA"/lcm-pathway/learners.csv .
mkdir parcours
for id in $(cut -d, -f1 learners.csv | tail -n +2); do
	lcm-pathway --catalogue catalogue.csv --learners learners.csv \
		--learner "$id" -f md -q > "parcours/$id.md"
done
ls parcours
cat parcours/f06.md parcours/f08.md
