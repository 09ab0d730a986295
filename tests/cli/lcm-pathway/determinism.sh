# Same input, same output: twice, and with the catalogue's lines shuffled
# (every tie has a rule, none depends on the file's order).
cp "$DATA"/lcm-pathway/catalogue.csv "$DATA"/lcm-pathway/learners.csv \
	"$DATA"/lcm-pathway/scores.csv .
{ head -n 1 catalogue.csv; tail -n +2 catalogue.csv | sort -r; } > shuffled.csv
lcm-pathway --catalogue catalogue.csv --learners learners.csv --scores scores.csv -f csv -q > a.csv
lcm-pathway --catalogue catalogue.csv --learners learners.csv --scores scores.csv -f csv -q > b.csv
lcm-pathway --catalogue shuffled.csv --learners learners.csv --scores scores.csv -f csv -q > c.csv
cmp a.csv b.csv && cmp a.csv c.csv && echo identical
wc -l < a.csv
