# --jobs: the corpus is the same whether files are parsed on one thread or
# on a pool (tui/lib/loadpool.c).  --list, --entities, --check and --show
# of every document, with --jobs=1 and --jobs=4, byte for byte (and their
# exit statuses) on the example corpus, on the whole tree of test
# fixtures (which has every kind of bad file: not well-formed, hostile,
# XIncludes in and out of bounds, entity references the loader refuses)
# read as one corpus, and on a corpus of 120 files made here, some not
# well-formed and some with warnings, so diagnostics of many files
# interleave.  The pool's threads are asked for, not just allowed: the
# made corpus has more files than threads.
. "$top_srcdir/tests/lib/tap.sh"

wb() { "$WERKBEZOEK" "$@"; }

# outputs DIR JOBS: everything the comparison looks at, one file
outputs() {
	local dir=$1 jobs=$2 id
	{
		for what in --list --entities --check; do
			echo "== $what"
			wb --jobs="$jobs" "$what" "$dir" 2>&1
			echo "status $?"
		done
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

run wb --jobs=0 --list "$d"
ok "$([ "$status" != 0 ]; echo $?)" "--jobs=0 is refused"
run wb --jobs=9 --list "$d"
like "$err" "from 1 to 8" "--jobs=9 is refused with the range"
done_testing
