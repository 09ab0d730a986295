# A cohort of new trainers, each with goals, completions, a weekly budget,
# formats and a language; quiz scores add remedial bricks. f06 has no goal,
# f07 wants a skill no brick teaches.
cp "$DATA"/lcm-pathway/catalogue.csv "$DATA"/lcm-pathway/learners.csv \
	"$DATA"/lcm-pathway/scores.csv .
lcm-pathway --catalogue catalogue.csv --learners learners.csv --scores scores.csv -f csv
