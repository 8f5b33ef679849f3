# werkbezoek import: each seed text imported with the bundled register,
# its tagged names compared with the bundled corpus's own encoding of the
# same text (tests/cli/import_oracle.py, Python's XML parser: the names
# under <text>, entity id and surface text, as a multiset), precision and
# recall at least 95%; every output valid against the corpus schema.  Then
# a fixture report (tests/fixtures/import/) for what the seeds do not show:
# Markdown headings, lists, links and emphasis, an ambiguous name, the
# summary, the editor's TODOs, hostile bytes.
. "$top_srcdir/tests/lib/tap.sh"

cd "$top_srcdir" || exit 2
PY=${PYTHON3:-python3}
ORACLE=tests/cli/import_oracle.py
RNG=corpus/schema/werkbezoek.rng
FIX=tests/fixtures/import
command -v "$PY" >/dev/null 2>&1 || skip_all "python3 is not installed"
command -v xmllint >/dev/null 2>&1 || skip_all "xmllint is not installed"
wb() { "$WERKBEZOEK" "$@"; }

# The seed texts, found as tests/corpus-text.sh finds them; under CI they
# must be there.
seeds=${WERKBEZOEK_SEEDS:-$top_srcdir/../shared/seeds}
if [ -d "$seeds" ]; then
	tp=0 got=0 want=0
	"$PY" "$ORACLE" seed corpus/documents/*.xml >"$TEST_TMP/map"
	is "$(wc -l <"$TEST_TMP/map" | tr -d ' ')" "$(ls "$seeds"/*.txt | wc -l | tr -d ' ')" \
		"every seed text has its document"
	while IFS="$(printf '\t')" read -r seed doc; do
		x="$TEST_TMP/$seed.xml"
		run wb import --register corpus/register.xml "$seeds/$seed"
		printf '%s\n' "$out" >"$x"
		is "$status" 0 "import $seed: exit 0"
		like "$err" "^werkbezoek import: .*: [0-9]+ names of [0-9]+ records tagged" \
			"import $seed: the summary on stderr"
		xmllint --noout --relaxng "$RNG" "$x" 2>"$TEST_TMP/rng"
		ok $? "import $seed: valid against $RNG"
		[ -s "$TEST_TMP/rng" ] && grep -v validates "$TEST_TMP/rng" | head -5 | sed 's/^/# /'
		counts=$("$PY" "$ORACLE" compare "$x" "$doc" 2>"$TEST_TMP/diff")
		set -- $counts
		diag "$seed: $1 of $2 tagged names right, $1 of $3 encoded names found" \
			"$(cat "$TEST_TMP/diff")"
		tp=$((tp + $1)) got=$((got + $2)) want=$((want + $3))
	done <"$TEST_TMP/map"
	precision=$((tp * 1000 / got)) recall=$((tp * 1000 / want))
	echo "# precision $tp/$got = $((precision / 10)).$((precision % 10))%," \
		"recall $tp/$want = $((recall / 10)).$((recall % 10))%"
	ok $([ "$precision" -ge 950 ]; echo $?) "the seeds: precision >= 95%"
	ok $([ "$recall" -ge 950 ]; echo $?) "the seeds: recall >= 95%"
elif [ -n "${CI:-}" ]; then
	ok 1 "the seed texts are at $seeds (CI is set: nothing may be skipped)"
else
	echo "# the seed texts are not at $seeds: their comparison is skipped"
fi

# A Markdown report against a register of its own.
run wb import --register "$FIX/register.xml" "$FIX/report.md"
is "$status" 0 "import report.md: exit 0"
printf '%s\n' "$out" >"$TEST_TMP/report.xml"
xmllint --noout --relaxng "$RNG" "$TEST_TMP/report.xml" 2>/dev/null
ok $? "import report.md: valid against the schema"
like "$out" '<title type="main">Werkbezoek aan <orgName ref="#stichting-zon">Stichting Zon</orgName>, 3 maart 2016</title>' \
	"the title from the first heading, names tagged"
like "$out" '<creation><date when="2016-03-03">3 maart 2016</date></creation>' "the date it states"
like "$out" '<term type="texttype">werkbezoek</term>' "the kind of text it names"
like "$out" '<persName ref="#ana-de-vries">Ana de Vries</persName> leidde' "the longest name first"
like "$out" '; <persName ref="#ana-de-vries">De Vries</persName> sprak met de <orgName ref="#gemeente-ede">gemeente Ede</orgName>\.' \
	"a variant; 'gemeente Ede' before 'Ede'"
like "$out" 'rond in <placeName ref="#ede" cert="low">Ede</placeName>' \
	"a name two records bear: the one whose own name it is, cert=low"
unlike "$out" 'Zonnebloem</' "a name inside a longer word is no name"
like "$out" '<ref target="https://zon.example/"><orgName ref="#stichting-zon">Stichting Zon</orgName></ref>' \
	"a Markdown link holds the name"
like "$out" '<div type="section">' "a ## heading opens a section"
like "$out" '<head>Wat <orgName ref="#stichting-zon"><hi rend="bold">Stichting Zon</hi></orgName> doet</head>' \
	"bold as hi, the name around it"
like "$out" '<list rend="bulleted">' "a bulleted list"
like "$out" '<item n="2">dan</item>' "a numbered list"
like "$err" ': 9 names of 5 records tagged, 1 ambiguous, 2 candidates for new records' "the summary's counts"
like "$err" "$(printf 'tagged\tstichting-zon\t4\tStichting Zon')" "names tagged per record"
like "$err" "$(printf 'ambiguous\tEde\t1\tede gemeente-ede')" "an ambiguous name and the records that bear it"
like "$err" "$(printf 'candidate\tZonnebloem\t1')" "a capitalised word no record names is a candidate"
unlike "$err" "$(printf 'candidate\tEen')" "the first word of a sentence is no candidate"

# Hostile bytes, no title or date: XML a validator accepts, TODOs.
run wb import --register "$FIX/register.xml" -o "$TEST_TMP/hostile.xml" "$FIX/hostile.txt"
is "$status" 0 "import hostile.txt -o FILE: exit 0"
is "$out" "" "with -o nothing on stdout"
xmllint --noout --relaxng "$RNG" "$TEST_TMP/hostile.xml" 2>/dev/null
ok $? "control characters, invalid UTF-8 and markup in the text: still valid"
unlike "$(cat "$TEST_TMP/hostile.xml")" "$(printf '[\001\033]')" "no control character is written"
like "$(cat "$TEST_TMP/hostile.xml")" '<title type="main">TODO: title</title>' "no title: TODO"
like "$(cat "$TEST_TMP/hostile.xml")" '<date cert="unknown">TODO: date</date>' "no date: TODO"
like "$err" 'not stated, TODO in the header: title date type' "the summary says what is missing"

run wb import --register "$FIX/register.xml" "$TEST_TMP/absent.txt"
is "$status" 2 "a report that cannot be read: exit 2"
run wb import
is "$status" 2 "no report: exit 2"

done_testing
