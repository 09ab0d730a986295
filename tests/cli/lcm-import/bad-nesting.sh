# Deep nesting is refused by the parser, not by the stack.
awk 'BEGIN { s = "{\"view\": "; for (i = 0; i < 3000; i++) s = s "["; for (i = 0; i < 3000; i++) s = s "]"; print s "}" }' > deep.json
lcm-import deep.json; echo "rc=$?"
