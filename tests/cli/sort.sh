# --search --sort=ORDER and --count against an independent oracle
# (sort_oracle.py) that knows only the default --search output: for a
# few patterns, every order and the count agree with it, and the orders
# really reorder; then --sort in another format, a query with --sort, and
# the errors.
. "$top_srcdir/tests/lib/tap.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
CORPUS="$top_srcdir/corpus"

for p in 'Sedna' 'werk\w*' 'zorg\w*' '\bde\b' '\w*[éëï]\w*'; do
	"$WERKBEZOEK" --search="$p" "$CORPUS" >"$TEST_TMP/hits"
	for o in doc match left1 left2 left3 right1 right2 right3 count; do
		if [ "$o" = count ]; then a=--count; else a=--sort=$o; fi
		"$WERKBEZOEK" --search="$p" "$a" "$CORPUS" >"$TEST_TMP/got"
		python3 "$top_srcdir/tests/cli/sort_oracle.py" "$p" "$o" \
			<"$TEST_TMP/hits" >"$TEST_TMP/want"
		n=$(wc -l <"$TEST_TMP/want" | tr -d ' ')
		if cmp -s "$TEST_TMP/got" "$TEST_TMP/want" && [ "$n" -gt 0 ]; then
			ok 0 "$p $a: the oracle's $n lines"
		else
			ok 1 "$p $a: the oracle's lines"
			diag "$(diff "$TEST_TMP/want" "$TEST_TMP/got" | head -10)"
		fi
	done
done

# the orders are not corpus order in disguise
"$WERKBEZOEK" --search='zorg\w*' "$CORPUS" >"$TEST_TMP/doc"
for o in match left1 left2 right1 right3; do
	"$WERKBEZOEK" --search='zorg\w*' --sort=$o "$CORPUS" >"$TEST_TMP/got"
	if cmp -s "$TEST_TMP/doc" "$TEST_TMP/got"; then r=1; else r=0; fi
	ok $r "--sort=$o reorders the hits"
	is "$(sort "$TEST_TMP/got" | cksum)" "$(sort "$TEST_TMP/doc" | cksum)" \
		"--sort=$o: the same hits"
done

# in json, the same order; a query sorts too
"$WERKBEZOEK" --search='zorg\w*' --sort=right1 --format=json "$CORPUS" |
	python3 -c 'import json, sys
for l in sys.stdin: h = json.loads(l); print("%s:%s:%s" % (h["doc"], h["line"], h["column"]))' \
	>"$TEST_TMP/json"
"$WERKBEZOEK" --search='zorg\w*' --sort=right1 "$CORPUS" | cut -d: -f1-3 >"$TEST_TMP/tsv"
ok "$(cmp -s "$TEST_TMP/json" "$TEST_TMP/tsv"; echo $?)" "--format=json keeps the order of --sort"
"$WERKBEZOEK" --search='werk\w* @tinten' "$CORPUS" >"$TEST_TMP/hits"
"$WERKBEZOEK" --search='werk\w* @tinten' --sort=left1 "$CORPUS" >"$TEST_TMP/got"
python3 "$top_srcdir/tests/cli/sort_oracle.py" 'werk\w*' left1 <"$TEST_TMP/hits" >"$TEST_TMP/want"
ok "$(cmp -s "$TEST_TMP/got" "$TEST_TMP/want"; echo $?)" "a query's hits sort as the oracle says"
"$WERKBEZOEK" --search='werk\w*' --count --format=csv "$CORPUS" >"$TEST_TMP/csv"
is "$(head -2 "$TEST_TMP/csv")" "count,form
64,werk" "--count --format=csv: a header, then the most frequent form"

# errors
run "$WERKBEZOEK" --search=werk --sort=left4 "$CORPUS"
is "$status" 2 "--sort=left4 is an error"
like "$err" "--sort is doc, match, left1" "it names the orders"
run "$WERKBEZOEK" --search=werk --sort=left1 --count "$CORPUS"
is "$status" 2 "--count with --sort is an error"
run "$WERKBEZOEK" --search=xyzzy --count "$CORPUS"
is "$status" 1 "--count without hits: exit 1"
is "$out" "" "and nothing printed"

done_testing
