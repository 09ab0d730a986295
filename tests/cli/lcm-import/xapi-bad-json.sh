# A JSON path in one document; a trailing comma; a bad time; a wrong type; an unknown document.
lcm-import "$DATA"/lcm-import/xapi-bad-verb.json; echo "rc=$?"
lcm-import "$DATA"/lcm-import/xapi-trailing-comma.json; echo "rc=$?"
lcm-import "$DATA"/lcm-import/xapi-bad-time.json; echo "rc=$?"
lcm-import "$DATA"/lcm-import/xapi-bad-types.json; echo "rc=$?"
lcm-import "$DATA"/lcm-import/unknown.json; echo "rc=$?"
lcm-import -f xapi "$DATA"/lcm-import/canvas-view.json; echo "rc=$?"
echo '[]' > empty.json
lcm-import empty.json; echo "rc=$?"
printf '# only a comment\n\n' > comments.log
lcm-import -f edx-tracking comments.log; echo "rc=$?"
