# --path: the chains between two entities, checked by path_check.py
# against --show and the --entity pages (relations named on a page, shared
# paragraphs among the mentions' context lines, each chain from A to B,
# cheapest first); names and ids; TSV, JSON and CSV agree; exit statuses.
. "$top_srcdir/tests/lib/tap.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
CORPUS="$top_srcdir/corpus"
dir="$TEST_TMP/plain"
mkdir -p "$dir"
for id in $("$WERKBEZOEK" --list "$CORPUS" | cut -f1); do
	"$WERKBEZOEK" --show="$id" --width=0 "$CORPUS" >"$dir/$id.txt"
done

# check A B: the chains from A to B pass path_check.py
check() {
	"$WERKBEZOEK" --path="$1,$2" --format=json "$CORPUS" >"$TEST_TMP/path.json"
	for id in $(python3 -c '
import json, sys
for l in open(sys.argv[1]):
    o = json.loads(l)
    print(o["from"]); print(o["to"])' "$TEST_TMP/path.json" | sort -u); do
		"$WERKBEZOEK" --entity="$id" "$CORPUS" >"$dir/entity-$id.txt"
	done
	python3 "$top_srcdir/tests/cli/path_check.py" "$1" "$2" "$TEST_TMP/path.json" "$dir" \
		>"$TEST_TMP/problems"
	n=$(python3 -c '
import json, sys
print(len({json.loads(l)["path"] for l in open(sys.argv[1])}))' "$TEST_TMP/path.json")
	if [ ! -s "$TEST_TMP/problems" ]; then
		ok 0 "--path=$1,$2: $n chains, each step borne out"
	else
		ok 1 "--path=$1,$2: each step borne out"
		diag "$(head -10 "$TEST_TMP/problems")"
	fi
}

check aly-van-beek i-kracht
check marijke-vos welzijn-midden-drenthe
check michael-van-straalen noordermaat
check tinten sedna

# names as well as ids, and "A B" split where both are entities
is "$("$WERKBEZOEK" --path='Aly van Beek,I-Kracht' "$CORPUS")" \
   "$("$WERKBEZOEK" --path='aly-van-beek,i-kracht' "$CORPUS")" "names find what ids find"
is "$("$WERKBEZOEK" --path='Aly van Beek I-Kracht' "$CORPUS")" \
   "$("$WERKBEZOEK" --path='aly-van-beek,i-kracht' "$CORPUS")" "A B without a comma"
# the first chain of a stated relation: one step, the relation
run "$WERKBEZOEK" --path=aly-van-beek,mogroep "$CORPUS"
is "$(printf '%s\n' "$out" | head -1 | cut -f1-8)" \
   "$(printf '1\t1\taly-van-beek\tAly van Beek\tmogroep\tMOgroep\trelation\taffiliation (directeur)')" \
   "a stated relation is the first chain"
run "$WERKBEZOEK" --path=mogroep,aly-van-beek "$CORPUS"
like "$(printf '%s\n' "$out" | head -1)" "	relation-of	affiliation \\(directeur\\)" \
   "the other way round: relation-of"

# TSV, JSON and CSV say the same
"$WERKBEZOEK" --path=tinten,sedna "$CORPUS" >"$TEST_TMP/tsv"
"$WERKBEZOEK" --path=tinten,sedna --format=csv "$CORPUS" | python3 -c '
import csv, sys
for r in list(csv.reader(sys.stdin))[1:]:
    print("\t".join(r))' >"$TEST_TMP/from-csv"
"$WERKBEZOEK" --path=tinten,sedna --format=json "$CORPUS" | python3 -c '
import json, sys
for l in sys.stdin:
    print("\t".join(str(v) for v in json.loads(l).values()))' >"$TEST_TMP/from-json"
ok "$(cmp -s "$TEST_TMP/tsv" "$TEST_TMP/from-csv"; echo $?)" "--path as CSV has the TSV's values"
ok "$(cmp -s "$TEST_TMP/tsv" "$TEST_TMP/from-json"; echo $?)" "--path as JSON has the TSV's values"
is "$("$WERKBEZOEK" --path=tinten,sedna --format=csv "$CORPUS" | head -1)" \
   "path,step,from,from_name,to,to_name,link,evidence,doc,line" "CSV header: the documented keys"

# exit statuses
run "$WERKBEZOEK" --path=aly-van-beek,nobody "$CORPUS"
is "$status" 2 "an unknown entity: exit 2"
like "$err" "no entity 'nobody'" "and says which"
run "$WERKBEZOEK" --path=aly-van-beek "$CORPUS"
is "$status" 2 "one entity: exit 2"
run "$WERKBEZOEK" --path=aly-van-beek,aly-van-beek "$CORPUS"
is "$status" 1 "from an entity to itself: no chain, exit 1"

# --export-graph: GraphML parsed back with xml.etree; DOT the same links
run "$WERKBEZOEK" --export-graph="$TEST_TMP/g.graphml" "$CORPUS"
is "$status" 0 "--export-graph=FILE.graphml"
"$WERKBEZOEK" --entities "$CORPUS" | cut -f1,3 | sort >"$TEST_TMP/entities"
python3 - "$TEST_TMP/g.graphml" >"$TEST_TMP/nodes" 2>"$TEST_TMP/graph-err" <<'PY'
import sys
import xml.etree.ElementTree as ET
ns = {'g': 'http://graphml.graphdrawing.org/xmlns'}
root = ET.parse(sys.argv[1]).getroot()
keys = {k.get('id') for k in root.findall('g:key', ns)}
nodes = {}
for n in root.findall('.//g:node', ns):
    data = {d.get('key'): d.text or '' for d in n.findall('g:data', ns)}
    assert set(data) <= keys
    nodes[n.get('id')] = data['name']
for e in root.findall('.//g:edge', ns):
    assert e.get('source') in nodes and e.get('target') in nodes, e.attrib
    data = {d.get('key'): d.text for d in e.findall('g:data', ns)}
    assert data['link'] in ('relation', 'paragraph') and int(data['weight']) >= 1
    print('EDGE\t%s\t%s\t%s' % (e.get('source'), e.get('target'), data['label']), file=sys.stderr)
for i, name in sorted(nodes.items()):
    print('%s\t%s' % (i, name))
PY
is "$?" 0 "the GraphML parses, every edge joins two nodes"
"$WERKBEZOEK" --entities "$CORPUS" | cut -f1,3 | LC_ALL=C sort >"$TEST_TMP/entities"
LC_ALL=C sort "$TEST_TMP/nodes" >"$TEST_TMP/nodes.sorted"
ok "$(cmp -s "$TEST_TMP/entities" "$TEST_TMP/nodes.sorted"; echo $?)" "a node for every entity of --entities, with its name"
like "$(cat "$TEST_TMP/graph-err")" "EDGE	aly-van-beek	mogroep	affiliation \(directeur\)" "a relation is an edge with its name and role"
like "$(cat "$TEST_TMP/graph-err")" "EDGE	[^	]*	[^	]*	[0-9]+ paragraphs?" "co-mentions are edges counting paragraphs"
run "$WERKBEZOEK" --export-graph="$TEST_TMP/g.dot" "$CORPUS"
is "$status" 0 "--export-graph=FILE.dot"
is "$(grep -c -- ' -- ' "$TEST_TMP/g.dot")" "$(grep -c '^EDGE' "$TEST_TMP/graph-err")" "DOT has the GraphML's edges"
like "$(head -1 "$TEST_TMP/g.dot")" "^graph werkbezoek \{" "DOT: an undirected graph"
run "$WERKBEZOEK" --export-graph="$TEST_TMP/g.txt" "$CORPUS"
is "$status" 2 "--export-graph wants .graphml or .dot"
run "$WERKBEZOEK" --export-graph="$TEST_TMP/no/such/dir/g.dot" "$CORPUS"
is "$status" 2 "an unwritable file: exit 2"

done_testing
