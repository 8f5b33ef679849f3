# --search --collocates against an independent oracle (collocates_oracle.py)
# that knows only --show --width=0 and the default --search output: for a
# few patterns and a query, the same words, counts and log-likelihoods in
# the same order; then the other formats, the errors and no hits.
. "$top_srcdir/tests/lib/tap.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
CORPUS="$top_srcdir/corpus"

show="$TEST_TMP/show"
mkdir -p "$show"
"$WERKBEZOEK" --list "$CORPUS" | cut -f1 >"$show/order"
while read -r id; do
	"$WERKBEZOEK" --show="$id" --width=0 "$CORPUS" >"$show/$id.txt"
done <"$show/order"

# check QUERY REGEX: the collocates of QUERY's hits, REGEX finding each
# hit's match again for the oracle
check() {
	"$WERKBEZOEK" --search="$1" "$CORPUS" >"$TEST_TMP/hits"
	"$WERKBEZOEK" --search="$1" --collocates "$CORPUS" >"$TEST_TMP/got"
	python3 "$top_srcdir/tests/cli/collocates_oracle.py" "$2" "$show" \
		<"$TEST_TMP/hits" >"$TEST_TMP/want"
	n=$(wc -l <"$TEST_TMP/want" | tr -d ' ')
	if cmp -s "$TEST_TMP/got" "$TEST_TMP/want" && [ "$n" -gt 0 ]; then
		ok 0 "$1 --collocates: the oracle's $n words"
	else
		ok 1 "$1 --collocates: the oracle's words"
		diag "$(diff "$TEST_TMP/want" "$TEST_TMP/got" | head -10)"
	fi
}

for p in 'Sedna' 'zorg\w*' 'werk\w*' '\bde\b' '\w*[éëï]\w*' 'gemeente'; do
	check "$p" "$p"
done
check 'werk\w* @tinten' 'werk\w*'

# the figures'
# shape: ll with three decimals, near <= total
"$WERKBEZOEK" --search='zorg\w*' --collocates "$CORPUS" >"$TEST_TMP/tsv"
bad=$(awk -F'\t' '$1 !~ /^[0-9]+\.[0-9][0-9][0-9]$/ || $2 < 2 || $2 > $3' "$TEST_TMP/tsv" | head -1)
is "$bad" "" "every line: ll.ddd TAB near (>= 2) TAB total (>= near) TAB word"

# json and csv carry the same records
"$WERKBEZOEK" --search='zorg\w*' --collocates --format=json "$CORPUS" |
	python3 -c 'import json, sys
for l in sys.stdin:
    r = json.loads(l)
    assert isinstance(r["ll"], float), "ll is a number"
    print("%.3f\t%d\t%d\t%s" % (r["ll"], r["near"], r["total"], r["word"]))' \
	>"$TEST_TMP/json"
ok "$(cmp -s "$TEST_TMP/json" "$TEST_TMP/tsv"; echo $?)" "--format=json: the same records"
"$WERKBEZOEK" --search='zorg\w*' --collocates --format=csv "$CORPUS" >"$TEST_TMP/csv"
is "$(head -1 "$TEST_TMP/csv")" "ll,near,total,word" "--format=csv: a header line"
is "$(sed 1d "$TEST_TMP/csv" | tr ',' '\t')" "$(cat "$TEST_TMP/tsv")" "--format=csv: the same records"

# errors and no hits
run "$WERKBEZOEK" --search=werk --collocates --count "$CORPUS"
is "$status" 2 "--collocates with --count is an error"
like "$err" "--collocates lists words by log-likelihood" "it says why"
run "$WERKBEZOEK" --search=werk --collocates --sort=left1 "$CORPUS"
is "$status" 2 "--collocates with --sort is an error"
run "$WERKBEZOEK" --search=xyzzy --collocates "$CORPUS"
is "$status" 1 "--collocates without hits: exit 1"
is "$out" "" "and nothing printed"

done_testing
