# --xpath, --source and --source-entity against an independent reading of
# the same files (tests/cli/xpath_oracle.py, with Python's expat).
. "$top_srcdir/tests/lib/tap.sh"

CORPUS="$top_srcdir/corpus"
ORACLE="$top_srcdir/tests/cli/xpath_oracle.py"
PY=${PYTHON3:-python3}
wb() { "$WERKBEZOEK" "$@"; }
cd "$top_srcdir" || exit 2

# every element that names Aly van Beek, file and line, as expat sees them
run wb --xpath="//tei:*[@ref='#aly-van-beek']" corpus
is "$status" 0 "--xpath with matches exits 0"
got=$(printf '%s\n' "$out" | sed 's/^\([^:]*:[0-9]*\): .*/\1/' | sort)
want=$("$PY" "$ORACLE" mentions aly-van-beek corpus/register.xml corpus/documents/*.xml |
	cut -d: -f1,2 | sort)
is "$got" "$want" "--xpath: the same elements at the same lines as expat finds"
like "$out" "^corpus/documents/2013-11-24-noordermaat.xml:[0-9]+: Aly van Beek" \
	"--xpath: file:line: text"

# values, the namespace, the limit on matches
run wb --xpath="count(//tei:TEI[tei:text])" corpus
is "$out" "5" "--xpath: a number is printed as its value"
run wb --xpath="//persName" corpus
is "$status" 1 "--xpath: an unprefixed name is in no namespace: no match, exit 1"
run wb --xpath="//tei:persName/@ref" corpus
like "$(printf '%s\n' "$out" | head -1)" "^corpus/[^:]+:[0-9]+: #[a-z-]+$" "--xpath: an attribute's value, at its element's line"
run wb --xpath="string(//tei:TEI[@xml:id='doc-2014-11-05-tinten']/@xml:id)" corpus
is "$out" "doc-2014-11-05-tinten" "--xpath: xml: is bound"

# --xml: the node itself
run wb --xpath="(//tei:persName[@ref='#aly-van-beek'])[1]" --xml corpus
is "$(printf '%s\n' "$out" | sed -n 2p)" '<persName ref="#aly-van-beek">Aly van Beek</persName>' \
	"--xml: the node as XML on the line after file:line:"

# errors point at the expression
run wb --xpath="//tei:p[@n=" corpus
is "$status" 2 "--xpath: a syntax error exits 2"
is "$(printf '%s\n' "$err" | sed -n 3p)" "           ^ invalid expression" \
	"--xpath: a caret under where the expression went wrong"
run wb --xpath="//foo:p" corpus
like "$err" "undefined namespace prefix" "--xpath: an unknown prefix is named"

# --source: every numbered line that starts an element is that element's
# line in the file
f=corpus/documents/2014-11-05-tinten.xml
run wb --source=doc-2014-11-05-tinten corpus
is "$status" 0 "--source exits 0"
is "$(printf '%s\n' "$out" | head -1)" "# $f" "--source: the file first"
got=$(printf '%s\n' "$out" | sed -n 's/^ *\([0-9][0-9]*\)  *<\([A-Za-z][A-Za-z0-9]*\).*/\1 \2/p')
want=$("$PY" "$ORACLE" starts "$f")
bad=$(printf '%s\n' "$got" | while read -r n name; do
	printf '%s\n' "$want" | grep -qx "$n $name" || echo "$n $name"
done)
is "$bad" "" "--source: lines starting with a tag carry that element's line in the file"
is "$(printf '%s\n' "$got" | wc -l | tr -d ' ')" "$(printf '%s\n' "$out" | grep -c '^ *[0-9][0-9]*  *<[A-Za-z]')" \
	"--source: (the check saw every such line)"
like "$out" '<persName ref="#aly-van-beek">Aly van Beek</persName>' "--source: the markup as written"

# --source=DOC#N: the element of block N (its line in --show --width=0)
n=$(wb --show=doc-2014-11-05-tinten --width=0 corpus | grep -n "^Hoe combineer" | head -1 | cut -d: -f1)
run wb --source="doc-2014-11-05-tinten#$n" corpus
line=$(printf '%s\n' "$out" | sed -n 2p | sed 's/^ *\([0-9]*\).*/\1/')
like "$(printf '%s\n' "$out" | sed -n 2p)" "<head[ >].*Hoe combineer" "--source=DOC#N: the block's element"
like "$(sed -n "${line}p" "$f")" "<head[ >]" "--source=DOC#N: at its line in the file"
run wb --source="doc-2014-11-05-tinten#9999" corpus
is "$status" 1 "--source: a block that is not there: exit 1"
run wb --source=no-such-doc corpus
is "$status" 1 "--source: a document that is not there: exit 1"

# --source-entity: the record
run wb --source-entity=aly-van-beek corpus
want=$(grep -n 'xml:id="aly-van-beek"' corpus/register.xml | cut -d: -f1)
like "$(printf '%s\n' "$out" | sed -n 2p)" "^ *$want  <person xml:id=\"aly-van-beek\">" \
	"--source-entity: the record at its line in the register"
like "$out" "</person>" "--source-entity: the whole record"

# hostile text is sanitised here too
run wb --source=hostile-text "$top_srcdir/tests/fixtures/screen/hostile/hostile.xml"
unlike "$out" "$(printf '\302\233|\342\200\256|\r')" "--source: no C1 control, override or CR reaches the output"
like "$out" "<U\+202E>" "--source: the override is shown as a placeholder"
run wb --xpath="//tei:p" "$top_srcdir/tests/fixtures/screen/hostile/hostile.xml"
unlike "$out" "$(printf '\302\233|\342\200\256|\r')" "--xpath: the same"

done_testing
