# A ladder file replaces the default one; bad files are refused at file:line.
lcm-import -q "$FIXTURES/stackexchange/alcohol.meta"
cat > ladder.txt <<'END'
# name          count        threshold
third-answer    answers      3
site-200-posts  course_posts 200   # the 200th post of the site
streak-3        weeks_in_a_row 3
END
lcm-engage --now 2020-01-01 --since 2014-01-01 --until 2014-03-01 --milestones \
	--ladder ladder.txt --all -f csv
echo "rc=$?"
printf 'ok posts 1\nbad nosuch 3\n' > bad1.txt
lcm-engage --now 2020-01-01 --milestones --ladder bad1.txt
echo "rc=$?"
printf '\n\nthree posts three\n' > bad2.txt
lcm-engage --now 2020-01-01 --milestones --ladder bad2.txt
echo "rc=$?"
printf 'lonely\n' > bad3.txt
lcm-engage --now 2020-01-01 --milestones --ladder bad3.txt
echo "rc=$?"
printf 'a posts 1\na posts 2\n' > bad4.txt
lcm-engage --now 2020-01-01 --milestones --ladder bad4.txt
echo "rc=$?"
printf '# nothing\n' > bad5.txt
lcm-engage --now 2020-01-01 --milestones --ladder bad5.txt
echo "rc=$?"
lcm-engage --now 2020-01-01 --milestones --ladder nosuch.txt
echo "rc=$?"
# Misuse: options that go together only.
lcm-engage --now 2020-01-01 --ladder ladder.txt
echo "rc=$?"
lcm-engage --now 2020-01-01 --milestones --contributions
echo "rc=$?"
lcm-engage --now 2020-01-01 --include-staff
echo "rc=$?"
