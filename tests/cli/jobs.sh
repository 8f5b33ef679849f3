# --jobs: the corpus is the same whether files are parsed on one thread or
# on a pool (tui/lib/loadpool.c).  --list, --entities, --check and --show
# of every document, with --jobs=1 and --jobs=4, byte for byte (and their
# exit statuses) on the example corpus, on the whole tree of test
# fixtures (which has every kind of bad file: not well-formed, hostile,
# XIncludes in and out of bounds, entity references the loader refuses)
# read as one corpus, and on a corpus of 120 files made here, some not
# well-formed and some with warnings, so diagnostics of many files
# interleave (with the pool, a file's records are read while later files
# are parsed: their messages, about prefixDefs here, still come after
# every file's parse messages).  The pool's threads are asked for, not just allowed: the
# made corpus has more files than threads.
. "$top_srcdir/tests/lib/tap.sh"

wb() { "$WERKBEZOEK" "$@"; }

# outputs DIR JOBS: everything the comparison looks at, one file
outputs() {
	local dir=$1 jobs=$2 id
	{
		for what in --list --entities --check "--untagged --check" --search=e; do
			echo "== $what"
			wb --jobs="$jobs" "$what" "$dir" 2>&1
			echo "status $?"
		done
		wb --jobs="$jobs" --export-graph="$TEST_TMP/graph" "$dir" >/dev/null 2>&1
		echo "== graph $?"
		cat "$TEST_TMP/graph" 2>/dev/null
		rm -f "$TEST_TMP/graph"
		for id in $(wb --jobs=1 --list "$dir" 2>/dev/null | cut -f1); do
			echo "== --show=$id"
			wb --jobs="$jobs" --show="$id" --width=0 "$dir" 2>&1
			echo "status $?"
		done
	} >"$TEST_TMP/out.$jobs"
}

same_for() {
	outputs "$1" 1
	outputs "$1" 4
	ok "$(cmp -s "$TEST_TMP/out.1" "$TEST_TMP/out.4"; echo $?)" \
		"$2: --jobs=1 and --jobs=4 give the same bytes ($(wc -c <"$TEST_TMP/out.1" | tr -d ' ') bytes)"
	cmp "$TEST_TMP/out.1" "$TEST_TMP/out.4" >/dev/null || diff "$TEST_TMP/out.1" "$TEST_TMP/out.4" | head -20 | sed 's/^/# /'
}

same_for "$top_srcdir/corpus" "the example corpus"
same_for "$top_srcdir/tests/fixtures/corpus" "every test fixture as one corpus"

d="$TEST_TMP/made"
mkdir -p "$d"
# odd files are larger than the pool's threshold (4 KB: smaller files are
# parsed on the main thread), even ones smaller: both ways are compared
filler=""
k=1
while [ $k -le 60 ]; do
	filler="$filler<p>Vultekst $k van een langer stuk, zodat het bestand groter is dan de drempel.</p>"
	k=$((k + 1))
done
i=1
while [ $i -le 120 ]; do
	n=$(printf '%03d' $i)
	case $((i % 7)) in
	0) body="<p>kapot <hi>niet gesloten</p>" ;;              # not well-formed
	3) body="<p>naar <ref target=\"#nergens$i\">niets</ref></p>" ;;
	5) body="<prefixDef ident=\"p$i\"/><prefixDef ident=\"q$i\" matchPattern=\"([a-z\" replacementPattern=\"#\$1\"/><p>Regels.</p>" ;;   # records' messages
	*) body="<p>Alinea $i over <persName ref=\"#p$((i % 5))\">Persoon $((i % 5))</persName>.</p>" ;;
	esac
	cat >"$d/doc$n.xml" <<END
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="d$n"><teiHeader><fileDesc><titleStmt><title>Stuk $i</title></titleStmt></fileDesc>
<profileDesc><creation><date when="2020-01-$(printf '%02d' $((i % 28 + 1)))"/></creation></profileDesc></teiHeader>
<text><body>$body$([ $((i % 2)) = 1 ] && printf '%s' "$filler")</body></text></TEI>
END
	i=$((i + 1))
done
ok "$([ "$(wc -c <"$d/doc001.xml")" -gt 4096 ] && [ "$(wc -c <"$d/doc002.xml")" -lt 4096 ]; echo $?)" \
	"the made corpus has files on both sides of the pool's threshold"
same_for "$d" "a made corpus of 120 files, some bad"
like "$(cat "$TEST_TMP/out.4")" "not well-formed" "the made corpus has diagnostics to compare"
like "$(cat "$TEST_TMP/out.4")" "matchPattern is not a valid" "and messages of its records"

# Pass 2 (flattening, tui/lib/flatpool.c) of each file runs as a job on
# the pool, and what a file's text makes depends on earlier files: an
# entity an earlier mention without a record made ("person:jansen"), which
# a later "#person:jansen" then finds; an external identifier's entity,
# whose type is the first mention's; a document id taken before ("x"
# becomes "x-2"), and one a reference names (no "unknown id" then);
# anchors in the text that links of other files lead to.  Every file is
# over the pool's threshold and there are more files than threads.
d2="$TEST_TMP/order"
mkdir -p "$d2"
i=1
while [ $i -le 40 ]; do
	n=$(printf '%02d' $i)
	case $((i % 8)) in
	1) body="<p>Over <persName>Jansen</persName> en <persName>Naam$((i % 3))</persName>.</p>" ;;
	2) body="<p>Weer <persName ref=\"#person:jansen\">J.</persName>, <rs ref=\"#person:naam$((i % 3))\">hij</rs>.</p>" ;;
	3) body="<p><persName ref=\"http://viaf.org/viaf/$((i % 2))\">Ext</persName></p><p xml:id=\"anker$i\">Hier.</p>" ;;
	4) body="<p><placeName ref=\"http://viaf.org/viaf/$((i % 2))\">Ext</placeName> <ref target=\"#anker$((i - 1))\">daar</ref> <persName ref=\"#gedeeld\">doc</persName></p>" ;;
	5) body="<sp who=\"#person:jansen #nergens\"><p>Ja.</p></sp><p><persName ref=\"#nergens$i\">niemand</persName></p>" ;;
	*) body="<p>Alleen <orgName>Raad $((i % 4))</orgName>.</p>" ;;
	esac
	id=$([ $((i % 5)) = 0 ] && echo gedeeld || echo "o$n")
	cat >"$d2/o$n.xml" <<END
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="$id"><teiHeader><fileDesc><titleStmt><title>Orde $i</title></titleStmt></fileDesc></teiHeader>
<text><body>$body$filler</body></text></TEI>
END
	i=$((i + 1))
done
same_for "$d2" "40 files whose texts depend on earlier ones"
like "$(cat "$TEST_TMP/out.1")" "gedeeld-2" "a document id taken by an earlier file was made unique"
like "$(cat "$TEST_TMP/out.1")" "nergens5" "the made corpus has unknown ids to report"

# A worker keeps its dictionary for its next files (tui/lib/loadpool.c),
# and starts a fresh one after a file whose tree the main thread changes
# or frees: XIncludes (of XML, of text, with a fallback, of a corpus
# file), a root that is not TEI, no root, a file not well-formed.  Every
# file is over the pool's threshold, has xml:ids (their table is freed on
# the main thread) and names of its own, so the dictionary each next file
# is parsed into has grown; the kinds of file interleave, so the files
# parsed into a dictionary kept or retired follow every kind.
d3="$TEST_TMP/dicts"
mkdir -p "$d3"
printf '%s\n' "Tekst uit een bestand, ingevoegd." >"$d3/noot.txt"
printf '%s\n' "<p xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"ingevoegd\">Een ingevoegde alinea.</p>" >"$d3/stuk.inc"
xi='xmlns:xi="http://www.w3.org/2001/XInclude"'
i=1
while [ $i -le 36 ]; do
	n=$(printf '%02d' $i)
	root=TEI
	case $((i % 9)) in
	1) body="<p>Tekst: <xi:include $xi href=\"noot.txt\" parse=\"text\"/></p>" ;;
	2) body="<xi:include $xi href=\"stuk.inc\"/>" ;;
	3) body="<p><xi:include $xi href=\"weg.inc\"><xi:fallback>Vervangen $i.</xi:fallback></xi:include></p>" ;;
	4) body="<xi:include $xi href=\"d$(printf '%02d' $((i + 1))).xml\"/>" ;;
	5) root=notTei ;;
	6) body="<p>kapot <hi>open</p>" ;;
	*) body="<p>Gewoon <persName ref=\"#p$((i % 4))\">iemand</persName>.</p>" ;;
	esac
	{
		printf '<%s xmlns="http://www.tei-c.org/ns/1.0" xml:id="d%s"><teiHeader><fileDesc><titleStmt><title>Woordenboek %s</title></titleStmt></fileDesc></teiHeader>\n' "$root" "$n" "$i"
		printf '<text><body>%s' "$body"
		k=1
		while [ $k -le 90 ]; do
			printf '<p xml:id="a%s-%s" n%s="%s"><eigen%s>Vultekst %s.</eigen%s></p>' "$n" "$k" "$n" "$k" "$n" "$k" "$n"
			k=$((k + 1))
		done
		printf '</body></text></%s>\n' "$root"
	} >"$d3/d$n.xml"
	i=$((i + 1))
done
: >"$d3/d37.xml"   # no root at all
ok "$([ "$(wc -c <"$d3/d07.xml")" -gt 4096 ]; echo $?)" "the dictionary corpus's files are over the pool's threshold"
same_for "$d3" "36 files that keep or retire a worker's dictionary"
like "$(cat "$TEST_TMP/out.4")" "Vervangen 3" "an XInclude fallback was taken"
like "$(cat "$TEST_TMP/out.4")" "notTei" "a root that is not TEI was skipped"

run wb --jobs=0 --list "$d"
ok "$([ "$status" != 0 ]; echo $?)" "--jobs=0 is refused"
run wb --jobs=9 --list "$d"
like "$err" "from 1 to 8" "--jobs=9 is refused with the range"
done_testing
