# XInclude and the directory walk within their bounds, on small corpora
# made here: what is allowed is included, what is not is skipped with its
# file:line:column and the bound it broke (tests/stress/bounds.sh has the
# big inputs).
. "$top_srcdir/tests/lib/tap.sh"

PYTHON3=${PYTHON3:-$(command -v python3 || true)}
[ -n "$PYTHON3" ] || skip_all "python3 is needed to make the inputs"
MAKE_CASE="$top_srcdir/tests/stress/make-hostile.py"
wb() { "$WERKBEZOEK" "$@"; }
XI='xmlns:xi="http://www.w3.org/2001/XInclude"'
TEI='xmlns="http://www.tei-c.org/ns/1.0"'

# allowed: a bare id, element(), a text file, a fragment; each once
d="$TEST_TMP/ok"
mkdir -p "$d"
printf 'platte tekst\n' >"$d/note.txt"
printf '<seg %s>uit het fragment</seg>' "$TEI" >"$d/part.frag"
cat >"$d/doc.xml" <<END
<TEI $TEI $XI xml:id="doc"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt></fileDesc></teiHeader>
<text><body><p xml:id="bron">gedeelde zin</p>
<p>A <xi:include xpointer="bron"/></p>
<p>B <xi:include href="part.frag" xpointer="element(/1)"/></p>
<p>C <xi:include href="note.txt" parse="text"/></p>
<p>D <xi:include href="part.frag"/></p></body></text></TEI>
END
run wb --show=doc --width=0 "$d"
is "$status" 0 "allowed includes: --show exits 0"
is "$(printf '%s\n' "$out" | grep -c 'gedeelde zin')" 2 "a bare id is included"
like "$out" "B uit het fragment" "element() is included"
like "$out" "C platte tekst" "a text file is included"
like "$out" "D uit het fragment" "a fragment is included"
run wb --check "$d"
is "$err$out" "" "allowed includes: nothing to report"
run wb --show=doc --width=0 --max-include-depth=1 "$d"
like "$out" "D uit het fragment" "--max-include-depth=1 allows one level"

# XInclude runs on a file whose parse met an element named include or
# fallback (load.c): a stray xi:fallback is still reported, in a file
# with no include, and a file of two corpus files with none is untouched
d="$TEST_TMP/fallback"
mkdir -p "$d"
cat >"$d/fb.xml" <<END
<TEI $TEI $XI xml:id="fb"><teiHeader><fileDesc><titleStmt><title>F</title></titleStmt></fileDesc></teiHeader>
<text><body><p>Een <xi:fallback>los</xi:fallback> terugval.</p></body></text></TEI>
END
cp "$d/fb.xml" "$d/fb2.xml"
sed -i 's/xml:id="fb"/xml:id="fb2"/; s/<xi:fallback>los<.xi:fallback>/<hi>los<\/hi>/' "$d/fb2.xml"
run wb --check "$d"
is "$out" "$d/fb.xml:2:1: warning: fallback is not the child of an 'include'" \
	"a stray xi:fallback without an include: reported, the other file not"
run wb --show=fb --width=0 "$d"
like "$out" "Een terugval\." "a stray xi:fallback: its content is not shown"
run wb --show=fb2 --width=0 "$d"
like "$out" "Een los terugval\." "a file without include or fallback: its text whole"

# refused: each with its reason
for c in include-fifo include-xpointer include-loop include-chain; do
	"$PYTHON3" "$MAKE_CASE" "$TEST_TMP/$c" "$c"
done
loc='attack\.xml:[0-9]+:[0-9]+: warning: xi:include skipped: '
run wb --check "$TEST_TMP/include-fifo"
like "$out" "${loc}'pipe': not a regular file" "a FIFO is not included (nor waited on)"
run wb --check "$TEST_TMP/include-xpointer"
like "$out" "${loc}xpointer 'xpointer\\(" "the xpointer() scheme is refused"
run wb --check "$TEST_TMP/include-loop"
like "$out" "${loc}'loop-a\\.frag': an inclusion loop" "a loop is refused"
run wb --check "$TEST_TMP/include-chain"
like "$out" "${loc}'c8\\.frag': includes nested deeper than 8 \\(--max-include-depth" "12 levels: over the default depth"
run wb --check --max-include-depth=12 "$TEST_TMP/include-chain"
is "$out" "" "--max-include-depth=12 allows 12 levels"
run wb --list "$TEST_TMP/include-chain"
like "$out" "^attack	" "the file with a refused include still opens"

# the budget: 4 includes of a 6 MB text; 16 MiB by default takes two
d="$TEST_TMP/budget"
mkdir -p "$d"
head -c 6000000 /dev/zero | tr '\0' a >"$d/big.txt"
printf '<TEI %s %s xml:id="b"><text><body><p>%s</p></body></text></TEI>\n' "$TEI" "$XI" \
	"$(printf '<xi:include href="big.txt" parse="text"/>\n%.0s' 1 2 3 4)" >"$d/b.xml"
run wb --check "$d"
like "$out" "b\\.xml:[34]:[0-9]+: warning: xi:include skipped: it would add 6000000 bytes, over what is left \\(4777216\\) of the inclusion budget of 16777216 bytes \\(--max-include" \
	"the default budget (16 MiB): the third 6 MB include is skipped"
is "$(wb --show=b --width=0 "$d" | tr -cd a | wc -c | tr -d ' ')" 12000000 "the default budget: two 6 MB includes are carried out"
run wb --check --max-include=30 "$d"
is "$out" "" "--max-include=30: all four included"

# the walk: a -> . and b -> . read once; a link out of the corpus not at all
"$PYTHON3" "$MAKE_CASE" "$TEST_TMP/links" symlinks
ln -s "$top_srcdir/corpus" "$TEST_TMP/links/out"
run wb --list "$TEST_TMP/links"
is "$(printf '%s\n' "$out" | cut -f1)" "good" "symlinks to . and out of the corpus: good.xml once"
# depth: 3 levels allowed, the file at 4 skipped with a message
mkdir -p "$TEST_TMP/deep/a/b/c/d"
cp "$TEST_TMP/links/good.xml" "$TEST_TMP/deep/a/b/c/d/"
run wb --list --max-depth=3 "$TEST_TMP/deep"
like "$err" "/a/b/c/d: skipped: directories nested deeper than 3 levels \\(--max-depth" "--max-depth=3: the 4th level named"
run wb --list --max-depth=4 "$TEST_TMP/deep"
is "$(printf '%s\n' "$out" | cut -f1)" "good" "--max-depth=4: the file at level 4 is read"
run wb --list --max-depth=0 "$TEST_TMP/deep"
is "$status" 2 "--max-depth=0: exit 2"
done_testing
