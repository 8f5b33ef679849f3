# hostile.sh: a hostile corpus through the batch interface, each case with
# its expected outcome and a time and memory bound (/usr/bin/time -f
# '%e %M': seconds, peak RSS in kB).  Proved here:
#  1. control and bidi characters (tests/fixtures/stress/controls.xml, and
#     ESC [2J BEL in a file name): no output of --list, --show, --entities,
#     --search or --check holds a raw ESC, BEL, C1 control or bidi control;
#     the placeholders <U+009B> <U+202E> ^[ are there;
#  2. one <p> of 100 MB of words (made at run time): --list, --show
#     --width=80 and --search for a rare word work within HOSTILE_BIG_SECS
#     (20 s) and HOSTILE_BIG_KB (800 MB) each; a search for a common word
#     (1.1 million hits in the one paragraph) writes at most 4x the input;
#  3. 100,000 tiny files in a tree of 100 directories (made at run time):
#     --list lists every one within HOSTILE_MANY_SECS (30 s) and
#     HOSTILE_MANY_KB (800 MB);
#  4. a file rewritten in a loop while --list runs 40 times: never a crash
#     (status 0 or 1 only), and every run either lists the file or reports
#     it as file:line:column (--list exits 0 when it found documents, even
#     with a file skipped: status 1 is "nothing found", werkbezoek(1));
#  5. the attack files of tests/fixtures/corpus/hostile/ (XXE, XInclude of
#     /etc/passwd and http:, billion laughs, bad UTF-8, truncated, an html
#     root): messages as file:line:column (--list shows the errors, --check
#     the warnings too: refused XIncludes, unloaded entities), the good
#     document still listed,
#     and no line of /etc/passwd in any output.
# Measured on 2 cores (normal build): 100 MB paragraph: --list 0.9 s,
# --show 2.3 s, --search 2.1 s, 310-345 MB each; 10,000 tiny files: 0.7 s,
# 157 MB.  Under a sanitizer build the bounds are multiplied by 4.
# Big inputs go to $TEST_TMP and are deleted as soon as they are done with.
. "$top_srcdir/tests/lib/tap.sh"

TIME=/usr/bin/time
[ -x "$TIME" ] || skip_all "GNU time (/usr/bin/time) is needed for the bounds"
PYTHON3=${PYTHON3:-$(command -v python3 || true)}
[ -n "$PYTHON3" ] || skip_all "python3 is needed to make the big inputs"
command -v timeout >/dev/null || skip_all "timeout (coreutils) is needed"

W=$WERKBEZOEK
FIX="$top_srcdir/tests/fixtures"
scale=1
grep -qa '__asan_init' "$W" 2>/dev/null && scale=4
HOSTILE_BIG_SECS=$((${HOSTILE_BIG_SECS:-20} * scale))
HOSTILE_BIG_KB=$((${HOSTILE_BIG_KB:-800000} * scale))
HOSTILE_MANY_SECS=$((${HOSTILE_MANY_SECS:-30} * scale))
HOSTILE_MANY_KB=$((${HOSTILE_MANY_KB:-800000} * scale))
export ASAN_OPTIONS="log_path=$TEST_TMP/asan:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="log_path=$TEST_TMP/ubsan:${UBSAN_OPTIONS:-}"

# measure LIMIT-SECS NAME CMD...: runs CMD under time and timeout; stdout to
# $TEST_TMP/out, stderr to $TEST_TMP/err; leaves $status $secs $kb.
measure() {
	local limit=$1 name=$2
	shift 2
	timeout -s KILL "$limit" "$TIME" -o "$TEST_TMP/time" -f '%e %M' "$@" \
		>"$TEST_TMP/out" 2>"$TEST_TMP/err"
	status=$?
	set -- $(tail -1 "$TEST_TMP/time" 2>/dev/null)
	secs=${1:-"$limit+"} kb=${2:-?}
	diag "$name: status $status, $secs s, $kb kB"
}

# within NAME SECS-LIMIT KB-LIMIT: TAP checks of the last measure
within() {
	ok "$([ "$status" -ne 137 ] && awk -v s="$secs" -v l="$2" 'BEGIN { exit !(s + 0 <= l) }'; echo $?)" \
		"$1: within $2 s (took $secs s)"
	ok "$([ "$kb" != "?" ] && [ "$kb" -le "$3" ]; echo $?)" "$1: within $(($3 / 1000)) MB (peak $kb kB)"
}

# raw_free FILE: no ESC, BEL, C1 (UTF-8 C2 80..C2 9F) or bidi control
# (U+200E U+200F U+202A..U+202E U+2066..U+2069) in FILE
raw_free() {
	! LC_ALL=C grep -qaP '\x1b|\x07|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1"
}

# ---- 1. control and bidi characters -----------------------------------------
c="$TEST_TMP/controls"
mkdir -p "$c"
cp "$FIX/stress/controls.xml" "$c/"
printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>x</p></body></text>\n' \
	>"$c/"$'\e[2J\a'"naam.xml"
all="$TEST_TMP/controls.all"
: >"$all"
for args in --list --entities --show=controls "--show=controls --width=30" \
	--search=Controle --search=e --check; do
	# shellcheck disable=SC2086
	"$W" $args "$c" >>"$all" 2>&1
	st=$?
	ok "$([ $st -le 1 ]; echo $?)" "controls: $args: status $st (0 or 1)"
done
ok "$(raw_free "$all"; echo $?)" "controls: no raw ESC, BEL, C1 or bidi control in any output"
raw_free "$all" || diag "$(LC_ALL=C grep -naP '\x1b|\x07|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$all" | cat -v | head -5)"
like "$(cat "$all")" '<U\+009B>31m' "controls: C1 CSI shown as <U+009B>"
like "$(cat "$all")" 'Mal<U\+202E>ory' "controls: the override shown as <U+202E>"
like "$(cat "$all")" '<U\+2066>isolaat<U\+2069>' "controls: isolates shown as placeholders"
like "$(cat "$all")" '\^\[\[2J\^Gnaam' "controls: ESC and BEL in a file name shown as ^[ ^G"

# ---- 2. a 100 MB paragraph -----------------------------------------------------
big="$TEST_TMP/big.xml"
"$PYTHON3" - "$big" <<'EOF'
import sys
words = b"de mogroep bezocht welzijnsorganisatie tinten en sprak over mantelzorg vrijwilligers wijkteams "
with open(sys.argv[1], "wb") as f:
    f.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="big"><teiHeader><fileDesc><titleStmt><title>Groot</title></titleStmt></fileDesc></teiHeader><text><body><p>')
    chunk = words * (1024 * 1024 // len(words))
    for _ in range(100):
        f.write(chunk)
    f.write(b"zeldzaamwoord</p></body></text></TEI>\n")
EOF
size=$(wc -c <"$big")
diag "the paragraph file: $size bytes"
measure "$HOSTILE_BIG_SECS" "100 MB --list" "$W" --list "$big"
is "$status" 0 "100 MB: --list exit 0"
like "$(cat "$TEST_TMP/out")" '^big' "100 MB: --list lists it"
within "100 MB --list" "$HOSTILE_BIG_SECS" "$HOSTILE_BIG_KB"
measure "$HOSTILE_BIG_SECS" "100 MB --show --width=80" "$W" --show=big --width=80 "$big"
is "$status" 0 "100 MB: --show --width=80 exit 0"
n=$(wc -l <"$TEST_TMP/out")
long=$(awk 'length($0) > 80' "$TEST_TMP/out" | wc -l)
ok "$([ "$n" -gt 1000000 ] && [ "$long" -eq 0 ]; echo $?)" \
	"100 MB: --show wraps it into $n lines of at most 80 columns ($long longer)"
within "100 MB --show" "$HOSTILE_BIG_SECS" "$HOSTILE_BIG_KB"
measure "$HOSTILE_BIG_SECS" "100 MB --search=zeldzaamwoord" "$W" --search=zeldzaamwoord "$big"
is "$status" 0 "100 MB: --search exit 0"
is "$(wc -l <"$TEST_TMP/out" | tr -d ' ')" 1 "100 MB: --search finds the one rare word"
within "100 MB --search" "$HOSTILE_BIG_SECS" "$HOSTILE_BIG_KB"
# a common word: 1.1 million hits in one 100 MB line; the output is capped
# at 4x the input (each hit with the whole line would be 100 TB)
cap=$((size * 4))
timeout -s KILL "$HOSTILE_BIG_SECS" "$W" --search=mantelzorg "$big" 2>/dev/null |
	head -c "$((cap + 1))" | wc -c >"$TEST_TMP/n"
st=${PIPESTATUS[0]}
out_bytes=$(tr -d ' ' <"$TEST_TMP/n")
diag "100 MB --search=mantelzorg: status $st, $out_bytes bytes (cap $cap)"
ok "$([ "$st" -le 1 ] && [ "$out_bytes" -le "$cap" ]; echo $?)" \
	"100 MB: --search for a common word ends within $HOSTILE_BIG_SECS s writing at most 4x the input (status $st, $out_bytes bytes)"
rm -f "$big" "$TEST_TMP/out"

# ---- 3. 100,000 tiny files -------------------------------------------------------
tree="$TEST_TMP/tree"
"$PYTHON3" - "$tree" <<'EOF'
import os, sys
root = sys.argv[1]
for d in range(100):
    p = os.path.join(root, "d%02d" % (d // 10), "e%03d" % d)
    os.makedirs(p)
    for i in range(1000):
        n = d * 1000 + i
        with open(os.path.join(p, "f%05d.xml" % n), "w") as f:
            f.write('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="t%05d"><teiHeader><fileDesc><titleStmt><title>T %d</title></titleStmt></fileDesc></teiHeader><text><body><p>x %d</p></body></text></TEI>\n' % (n, n, n))
EOF
measure "$HOSTILE_MANY_SECS" "100,000 files --list" "$W" --list "$tree"
is "$status" 0 "100,000 files: --list exit 0"
is "$(wc -l <"$TEST_TMP/out" | tr -d ' ')" 100000 "100,000 files: --list lists them all"
is "$(cut -f1 "$TEST_TMP/out" | sort -u | wc -l | tr -d ' ')" 100000 "100,000 files: 100,000 different ids"
within "100,000 files --list" "$HOSTILE_MANY_SECS" "$HOSTILE_MANY_KB"
rm -rf "$tree" "$TEST_TMP/out"

# ---- 4. a file that changes while it is read -----------------------------------
w="$TEST_TMP/changing"
mkdir -p "$w"
cp "$FIX/corpus/hostile/good.xml" "$w/"
# the writer: a whole document, then half of one, then nothing, rewritten
# in place (not renamed), as an editor without safe saves does
"$PYTHON3" - "$w/moving.xml" "$TEST_TMP/writer.stop" <<'EOF' &
import os, sys, time
path, stop = sys.argv[1], sys.argv[2]
doc = ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="moving"><teiHeader><fileDesc><titleStmt>'
       '<title>Beweeglijk</title></titleStmt></fileDesc></teiHeader><text><body>'
       + '<p>woord woord woord</p>' * 2000 + '</body></text></TEI>\n').encode()
i = 0
while not os.path.exists(stop):
    with open(path, "wb") as f:
        f.write(doc[: (len(doc), len(doc) // 2, 0, len(doc) - 7)[i % 4]])
        f.flush()
    i += 1
EOF
writer=$!
i=0
while [ ! -e "$w/moving.xml" ] && [ $i -lt 500 ]; do
	sleep 0.01
	i=$((i + 1))
done
runs=0 listed=0 reported=0 bad=0
while [ $runs -lt 40 ]; do
	"$W" --list "$w" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	st=$?
	runs=$((runs + 1))
	if [ $st -gt 1 ]; then
		bad=$((bad + 1))
		diag "run $runs: status $st" "$(head -3 "$TEST_TMP/err")"
	elif grep -q '^moving	' "$TEST_TMP/out"; then
		listed=$((listed + 1))
	elif grep -q 'moving\.xml:[0-9]*:[0-9]*: ' "$TEST_TMP/err"; then
		reported=$((reported + 1))
	else
		bad=$((bad + 1))
		diag "run $runs: status $st, neither listed nor reported:" "$(head -3 "$TEST_TMP/err")"
	fi
	grep -q '^hostile-good	' "$TEST_TMP/out" || { bad=$((bad + 1)); diag "run $runs: good.xml not listed"; }
done
touch "$TEST_TMP/writer.stop"
wait "$writer"
diag "a changing file: $runs runs, $listed listed it, $reported reported it, $bad other"
is "$bad" 0 "a changing file: every run lists it or reports it (status 0 or 1), good.xml always listed"

# ---- 5. the attack files ---------------------------------------------------------
h="$FIX/corpus/hostile"
outs="$TEST_TMP/attack.all"
: >"$outs"
"$W" --list "$h" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
st=$?
cat "$TEST_TMP/out" "$TEST_TMP/err" >>"$outs"
is "$st" 0 "attack files: --list exits 0 (documents found; the bad files reported)"
like "$(cat "$TEST_TMP/out")" '^hostile-good	' "attack files: the good document is listed"
like "$(cat "$TEST_TMP/err")" 'billion-laughs\.xml:[0-9]+:[0-9]+: ' "attack files: --list reports billion laughs at file:line:column"
"$W" --check "$h" >"$TEST_TMP/check" 2>&1
st=$?
cat "$TEST_TMP/check" >>"$outs"
is "$st" 1 "attack files: --check exits 1"
unlike "$(cat "$TEST_TMP/err" "$TEST_TMP/check")" '^[^:]+\.xml: ' "attack files: no message without line:column"
for f in billion-laughs html-root invalid-utf8 truncated xxe-passwd xinclude-absolute-path \
	xinclude-http-url xinclude-parent-dir; do
	like "$(cat "$TEST_TMP/check")" "$f\\.xml:[0-9]+:[0-9]+: " "attack files: --check reports $f.xml at file:line:column"
done
for id in $(cut -f1 "$TEST_TMP/out"); do
	"$W" --show="$id" "$h" >>"$outs" 2>&1
done
for args in --entities --check --search=root --search=: --search=bin; do
	measure 10 "attack files $args" "$W" $args "$h"
	cat "$TEST_TMP/out" "$TEST_TMP/err" >>"$outs"
	ok "$([ "$status" -le 1 ]; echo $?)" "attack files: $args exits 0 or 1 ($status)"
done
for f in "$h"/*.xml; do
	measure 10 "$(basename "$f")" "$W" --list "$f"
	cat "$TEST_TMP/out" "$TEST_TMP/err" >>"$outs"
	within "attack file $(basename "$f")" 10 200000
done
leak=0
if [ -r /etc/passwd ]; then
	while IFS= read -r line; do
		[ -n "$line" ] || continue
		if grep -qF -- "$line" "$outs"; then
			leak=$((leak + 1))
			diag "leaked: $line"
		fi
	done </etc/passwd
	is "$leak" 0 "attack files: no line of /etc/passwd in any output"
	unlike "$(cat "$outs")" 'root:x?:0:0' "attack files: no passwd entry for root anywhere"
fi

is "$(cat "$TEST_TMP"/asan.* "$TEST_TMP"/ubsan.* 2>/dev/null)" "" "no sanitizer report"
done_testing
