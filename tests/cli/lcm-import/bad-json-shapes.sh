# A key of the wrong type says so (not "no key"); an empty Moodle export
# ([[]]) speaks of records, not of a CSV header.
echo '[[{"id": [1], "discussion": 1, "userid": 2}]]' > id-array.json
lcm-import id-array.json; echo "rc=$?"
echo '[{"id": {"n": 1}, "user_id": 3, "message": "x"}]' > canvas-id-object.json
lcm-import canvas-id-object.json; echo "rc=$?"
echo '[[]]' > empty-sheets.json
lcm-import empty-sheets.json; echo "rc=$?"
