# --search with queries of text and entities against an independent
# oracle (query_oracle.py) that knows only the program's plain-text
# output: --show --width=0, --list and the --entity pages.  Then the
# errors and their columns, --context, and --format json and csv (parsed
# back by Python's json and csv modules).
. "$top_srcdir/tests/lib/tap.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
CORPUS="$top_srcdir/corpus"
dir="$TEST_TMP/plain"
mkdir -p "$dir"
"$WERKBEZOEK" --list "$CORPUS" >"$dir/list"
cut -f1 "$dir/list" >"$dir/order"
while read -r id; do
	"$WERKBEZOEK" --show="$id" --width=0 "$CORPUS" >"$dir/$id.txt"
done <"$dir/order"
"$WERKBEZOEK" --entities=place "$CORPUS" | cut -f1 >"$dir/places"
for id in tinten aly-van-beek marijke-vos i-kracht mogroep $(cat "$dir/places"); do
	"$WERKBEZOEK" --entity="$id" "$CORPUS" >"$dir/entity-$id.txt"
done

# agree QUERY: --search and the oracle find the same hits, and some
agree() {
	"$WERKBEZOEK" --search="$1" "$CORPUS" | cut -d: -f1-3 >"$TEST_TMP/got"
	python3 "$top_srcdir/tests/cli/query_oracle.py" "$dir" "$1" >"$TEST_TMP/want"
	n=$(wc -l <"$TEST_TMP/want" | tr -d ' ')
	if cmp -s "$TEST_TMP/got" "$TEST_TMP/want" && [ "$n" -gt 0 ]; then
		ok 0 "$1: the oracle's $n hits"
	else
		ok 1 "$1: the oracle's hits"
		diag "$(diff "$TEST_TMP/want" "$TEST_TMP/got" | head -20)"
	fi
}

agree 'werk\w* @tinten'
agree 'mantelzorg -@tinten'
agree '@aly-van-beek @marijke-vos'
agree '@"Aly van Beek" | @i-kracht'
agree 'gemeente\w* (@aly-van-beek | @marijke-vos)'
agree 'werk\w* date:2014..2015'
agree 'zorg\w* date:..2014-06 -kind:interview'
agree 'Beek kind:interview'
agree 'wijk\w* type:place'
agree '\w+ @aly-van-beek near:2'
agree 'zorg\w* @mogroep near:6'
agree 'within:document @aly-van-beek @i-kracht'
agree 'date:2013..2014'

# a query narrows the regex: its hits are a subset of the plain search's
"$WERKBEZOEK" --search='werk\w*' "$CORPUS" >"$TEST_TMP/all"
"$WERKBEZOEK" --search='werk\w* @tinten' "$CORPUS" >"$TEST_TMP/some"
is "$(grep -cvxFf "$TEST_TMP/all" "$TEST_TMP/some")" 0 "a query's text hits are lines of the plain search"

# errors name their column, with a caret under it
run "$WERKBEZOEK" --search='mantelzorg @tintin' "$CORPUS"
is "$status" 2 "an unknown entity is an error (exit 2)"
like "$err" "column 12: no entity 'tintin'" "the error names the column"
is "$(printf '%s\n' "$err" | sed -n 3p)" "             ^" "a caret under column 12"
run "$WERKBEZOEK" --search='(@tinten mantelzorg' "$CORPUS"
like "$err" "column 1: missing \\)" "an unclosed ( is named at its column"
run "$WERKBEZOEK" --search='@tinten date:2014-1' "$CORPUS"
like "$err" "column 14: a date is" "a bad date at its column"
run "$WERKBEZOEK" --search='werk\w* @tinten' /dev/null/nothing
is "$status" 2 "no corpus: exit 2"

# an email-like regex is a query; re:"…" keeps it a regex
run "$WERKBEZOEK" --search='re:"Tinten (in|en)"' "$CORPUS"
is "$status" 0 "re:\"…\" with a space is one pattern"
is "$out" "$("$WERKBEZOEK" --search='Tinten (in|en)' "$CORPUS")" "re:\"PAT\" finds what the plain PAT finds"

# --context cuts the line around the hit
run "$WERKBEZOEK" --search='werk\w* @tinten' --context=10 "$CORPUS"
is "$status" 0 "--context with a query"
is "$(printf '%s\n' "$out" | sed -n 1p | cut -d: -f4-)" \
   "…euwe samenwerkingsconstructies, zowel me…" "--context=10: ten characters either side, … where cut" 
run "$WERKBEZOEK" --search='Emmen' --context=3 "$CORPUS"
like "$out" "^doc-[^:]*:[0-9]*:[0-9]*:(…)?.{0,3}Emmen.{0,3}(…)?$" "--context with a plain regex"
run "$WERKBEZOEK" --search='Emmen' --context=0 "$CORPUS"
is "$status" 2 "--context=0 is refused"

# --format=json: one valid object per line, the stable keys
run "$WERKBEZOEK" --search='werk\w* @tinten' --format=json "$CORPUS"
is "$status" 0 "--format=json --search"
printf '%s\n' "$out" | while IFS= read -r line; do
	printf '%s\n' "$line" | python3 -m json.tool >/dev/null || echo bad
done >"$TEST_TMP/bad"
is "$(wc -l <"$TEST_TMP/bad" | tr -d ' ')" 0 "every line is JSON (python3 -m json.tool)"
keys=$(printf '%s\n' "$out" | python3 -c '
import json, sys
print(" ".join(sorted({",".join(json.loads(l).keys()) for l in sys.stdin})))')
is "$keys" "doc,date,line,column,left,match,right" "every object has the documented keys, in order"
is "$(printf '%s\n' "$out" | python3 -c '
import json, sys
for l in sys.stdin:
    o = json.loads(l)
    print("%s:%d:%d" % (o["doc"], o["line"], o["column"]))')" \
   "$("$WERKBEZOEK" --search='werk\w* @tinten' "$CORPUS" | cut -d: -f1-3)" "JSON positions are the TSV's"
is "$(printf '%s\n' "$out" | python3 -c '
import json, sys
import re
print(all(re.fullmatch(r"\w*werk\w*", json.loads(l)["match"], re.I) for l in sys.stdin))')" "True" "match is the matched text"

# --format for --list and --entities: JSON and CSV say what TSV says
for opt in --list --entities; do
	"$WERKBEZOEK" $opt "$CORPUS" >"$TEST_TMP/tsv"
	"$WERKBEZOEK" $opt --format=json "$CORPUS" >"$TEST_TMP/json"
	"$WERKBEZOEK" $opt --format=csv "$CORPUS" >"$TEST_TMP/csv"
	python3 -c '
import json, sys
for l in open(sys.argv[1], encoding="utf-8"):
    print("\t".join(str(v) for v in json.loads(l).values()))' "$TEST_TMP/json" >"$TEST_TMP/from-json"
	python3 -c '
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
for r in rows[1:]:
    print("\t".join(r))' "$TEST_TMP/csv" >"$TEST_TMP/from-csv"
	ok "$(cmp -s "$TEST_TMP/tsv" "$TEST_TMP/from-json"; echo $?)" "$opt --format=json has the TSV's values"
	ok "$(cmp -s "$TEST_TMP/tsv" "$TEST_TMP/from-csv"; echo $?)" "$opt --format=csv has the TSV's values"
done
is "$("$WERKBEZOEK" --list --format=csv "$CORPUS" | head -1)" "id,date,type,title" "CSV starts with the keys"
is "$("$WERKBEZOEK" --entities=person --format=json "$CORPUS" | head -1 | python3 -c '
import json, sys
o = json.loads(sys.stdin.read())
print(type(o["mentions"]).__name__, type(o["documents"]).__name__)')" "int int" "counts are JSON numbers"
run "$WERKBEZOEK" --list --format=xml "$CORPUS"
is "$status" 2 "--format=xml is refused"
like "$err" "tsv, json or csv" "and says what is known"

done_testing
