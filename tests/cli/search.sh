# --search against an independent oracle: for a set of patterns it finds
# exactly the lines and columns that Python's re finds in the --show
# --width=0 rendering; Dutch case and accents; --fold on letters that do
# not decompose (Æ, ß, Ł, Ø), where the oracle folds by the same rule;
# invalid, empty and catastrophic patterns; a pattern matching the empty
# string.
. "$top_srcdir/tests/lib/tap.sh"

command -v python3 >/dev/null 2>&1 || skip_all "python3 is not installed"
# show_all CORPUS DIR: every document of CORPUS as --show --width=0 in DIR
show_all() {
	mkdir -p "$2"
	"$WERKBEZOEK" --list "$1" | cut -f1 >"$2/order"
	while read -r id; do
		"$WERKBEZOEK" --show="$id" --width=0 "$1" >"$2/$id.txt"
	done <"$2/order"
}
CORPUS="$top_srcdir/corpus"
show="$TEST_TMP/show"
show_all "$CORPUS" "$show"

# agree PATTERN [OPTION...]: --search and the oracle find the same hits
agree() {
	pat=$1
	shift
	"$WERKBEZOEK" "$@" --search="$pat" "$CORPUS" | cut -d: -f1-3 >"$TEST_TMP/got"
	python3 "$top_srcdir/tests/cli/search_oracle.py" "$@" "$pat" "$show" >"$TEST_TMP/want"
	n=$(wc -l <"$TEST_TMP/want" | tr -d ' ')
	if cmp -s "$TEST_TMP/got" "$TEST_TMP/want" && [ "$n" -gt 0 ]; then
		ok 0 "/$pat/ $*: the oracle's $n hits"
	else
		ok 1 "/$pat/ $*: the oracle's hits"
		diag "$(diff "$TEST_TMP/want" "$TEST_TMP/got" | head -20)"
	fi
}

agree 'mantelzorg'
agree 'Sedna'
agree 'sedna'
agree '\bwerk\w*'
agree 'Marijke|Aly|Welzijn|gemeente|Tinten'
agree 'van (de|der|den) \w+'
agree '\d{4}'
agree '[A-Z]{3,}'
agree 'cliënt\w*'
agree 'één'
agree 'ÉÉN' -i
agree "'\w+"
agree '“[^”]*”'
agree 'ij'
agree 'Aly van Beek'
agree '^\w+:'
agree '\.$'
agree 'clienten' --fold
agree 'een' --fold
agree 'financiele' --fold
agree 'cliënten' --fold

# (*NO_JIT) in the pattern: the interpreter finds the same hits (it used to
# be taken for JIT code and fail as "too complex")
is "$("$WERKBEZOEK" --search='(*NO_JIT)mantelzorg' "$CORPUS" | wc -l | tr -d ' ')" \
   "$("$WERKBEZOEK" --search='mantelzorg' "$CORPUS" | wc -l | tr -d ' ')" "(*NO_JIT) finds what JIT finds"

# smart case: a capital makes it case-sensitive
run "$WERKBEZOEK" --search='MOGROEP' "$CORPUS"
is "$status" 1 "MOGROEP (smart case, a capital) finds nothing"
run "$WERKBEZOEK" --search='mogroep' "$CORPUS"
like "$out" "MOgroep" "mogroep (smart case) finds MOgroep"
run "$WERKBEZOEK" -i --search='MOGROEP' "$CORPUS"
like "$out" "MOgroep" "-i MOGROEP finds MOgroep"
run "$WERKBEZOEK" -i --smart-case --search='MOGROEP' "$CORPUS"
is "$status" 1 "--smart-case after -i: a capital is case-sensitive again"
run "$WERKBEZOEK" --ignore-case --search='MOGROEP' "$CORPUS"
like "$out" "MOgroep" "--ignore-case is -i"
run "$WERKBEZOEK" --search='ÉÉN' "$CORPUS"
is "$status" 1 "ÉÉN is case-sensitive (a capital)"
run "$WERKBEZOEK" -i --search='\bcafé\b|ÉÉN' "$CORPUS"
like "$out" "één|Eén" "-i ÉÉN finds één"

# hits inside entity names and header lines point at the text
run "$WERKBEZOEK" --search='van Beek' "$CORPUS"
like "$out" '^doc-2014-11-05-tinten:[0-9]+:[0-9]+:Delegation: Marijke Vos' "a hit in a header line"

# invalid patterns: a message with the offset, exit 2
run "$WERKBEZOEK" --search='(abc' "$CORPUS"
is "$status" 2 "an invalid pattern: exit 2"
like "$err" "offset 4" "an invalid pattern: the message gives the offset"
run "$WERKBEZOEK" --search='a{2,1}' "$CORPUS"
is "$status" 2 "a{2,1}: exit 2"

# the empty pattern and patterns that match the empty string
run timeout 10 "$WERKBEZOEK" --search='' "$CORPUS"
is "$status" 1 "the empty pattern finds nothing, and ends"
run timeout 10 "$WERKBEZOEK" --search='x*' "$CORPUS"
is "$status" 0 "x* ends"
is "$(printf '%s\n' "$out" | cut -d: -f1-3 | sort -u | wc -l | tr -d ' ')" \
   "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" "x*: no hit twice, no empty hits"
agree 'x+'
run timeout 10 "$WERKBEZOEK" --search='\b' "$CORPUS"
is "$status" 1 "\\b alone finds nothing (empty matches are not hits)"

# the catastrophic pattern over a long run of a's ends, quickly, saying why
mkdir -p "$TEST_TMP/aaa"
{
	printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>'
	head -c 200000 /dev/zero | tr '\0' a
	printf 'b</p></body></text></TEI>\n'
} >"$TEST_TMP/aaa/a.xml"
start=$(date +%s%N)
run timeout 20 "$WERKBEZOEK" --search='(a+)+$' "$TEST_TMP/aaa"
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
is "$status" 2 "(a+)+\$ over 200,000 a's: exit 2"
like "$err" "pattern too complex" "(a+)+\$: 'pattern too complex'"
ok "$([ "$elapsed" -lt 5000 ]; echo $?)" "(a+)+\$ ends within 5 s (took ${elapsed} ms)"
run timeout 20 "$WERKBEZOEK" --search='(*LIMIT_MATCH=1000000000)(a+)+$' "$TEST_TMP/aaa"
is "$status" 2 "a limit in the pattern cannot raise ours"

# one fold: letters that do not decompose fold under --fold as in the
# & filter (Ștefan, Æsop, Straße, Łódź, Øresund), and columns count the
# characters as written
mkdir -p "$TEST_TMP/names"
cat >"$TEST_TMP/names/names.xml" <<'EOF'
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="names"><text><body>
<p>Ștefan las Æsop in de Straße, van Łódź tot de Øresund.</p>
<p>ÆSOP en STRASSE, æsop en strasse; Ά en ΐ, Ёлка.</p>
</body></text></TEI>
EOF
CORPUS="$TEST_TMP/names"
show="$TEST_TMP/names-show"
show_all "$CORPUS" "$show"
agree 'stefan' --fold
agree 'aesop' --fold
agree 'Æsop' --fold
agree 'strasse' --fold
agree 'STRASSE' --fold
agree 'lodz' --fold
agree 'oresund' --fold
agree 'Øresund' --fold
agree 'sop|ss|ß' --fold
agree '\w+' --fold
agree 'α|ι|елка' --fold
run "$WERKBEZOEK" --fold --search='stras' "$CORPUS"
like "$out" "^names:[0-9]+:23:" "--fold stras: the hit's column is that of S in Straße"

# one paragraph of 150 KB: it is searched in windows (search.c), and a
# match that needs text past a window is tried again in a longer one; the
# oracle sees the paragraph whole
mkdir -p "$TEST_TMP/para"
python3 - "$TEST_TMP/para/para.xml" <<'PY'
import random, sys
random.seed(7)
w = 'de het een kaart van Amsterdam laat alle straten aan water zien café één qqq Æsop'.split()
t = ' '.join(random.choice(w) for _ in range(30000))
open(sys.argv[1], 'w', encoding='utf-8').write(
    '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="para"><text><body><p>' + t +
    '</p><p>kort qqq</p></body></text></TEI>\n')
PY
CORPUS="$TEST_TMP/para"
show="$TEST_TMP/para-show"
show_all "$CORPUS" "$show"
agree 'straten aan'
agree '.{0,300}qqq'
agree 'e.{10,3000}q'
agree '(?<=qqq )\w+'
agree '\bwater\b'
agree 'qqq$'
agree 'één|Æsop'
agree 'cafe' --fold

# a hit far into a long line: the match with 100 characters either side
# (or --context=N), "…" where the line goes on; --max-count cuts and says
mkdir -p "$TEST_TMP/long"
{
	printf '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="long"><text><body><p>'
	i=0
	while [ $i -lt 60 ]; do printf 'woord%02d ' $i; i=$((i + 1)); done
	printf 'midden'
	while [ $i -lt 120 ]; do printf ' woord%02d' $i; i=$((i + 1)); done
	printf '</p><p>kort midden.</p></body></text></TEI>\n'
} >"$TEST_TMP/long/long.xml"
left=$(i=0; while [ $i -lt 60 ]; do printf 'woord%02d ' $i; i=$((i + 1)); done)
right=$(i=60; while [ $i -lt 120 ]; do printf ' woord%02d' $i; i=$((i + 1)); done)
run "$WERKBEZOEK" --search='midden' "$TEST_TMP/long"
is "$out" "$(printf 'long:2:481:\342\200\246%s%s%s\342\200\246\nlong:3:6:kort midden.' \
	"$(printf '%s' "$left" | tail -c 100)" midden "$(printf '%s' "$right" | head -c 100)")" \
	"a hit in a long line: 100 characters either side, cut with …; a short line whole"
run "$WERKBEZOEK" --search='midden' --context=8 "$TEST_TMP/long"
is "$out" "$(printf 'long:2:481:\342\200\246woord59 midden woord60\342\200\246\nlong:3:6:kort midden.')" \
	"--context=8: 8 characters either side"
run "$WERKBEZOEK" --search='midden' --max-count=1 "$TEST_TMP/long"
is "$(printf '%s\n' "$out" | cut -d: -f1-3)" "long:2:481" "--max-count=1: the first hit only"
is "$err" "werkbezoek: 1 of 2 hits printed (--max-count=1)" "--max-count=1: how many there were, on stderr"
is "$status" 0 "--max-count=1: exit 0"
run "$WERKBEZOEK" --search='midden' --max-count=2 "$TEST_TMP/long"
is "$err" "" "--max-count=2 of 2: nothing said"
run "$WERKBEZOEK" --search='midden' --max-count=0 "$TEST_TMP/long"
is "$status" 2 "--max-count=0: refused"
run "$WERKBEZOEK" --search='midden' --max-count=1 --sort=right1 --format=json "$TEST_TMP/long"
like "$err" "1 of 2 hits printed" "--max-count with --sort and --format: cut too"
done_testing
