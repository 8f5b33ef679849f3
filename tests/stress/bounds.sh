# bounds.sh: inputs made to hang, balloon or flood, each ending within a
# bound.  One corpus per row of the table in docs/robustness.md ("Bounds"),
# made at run time by make-hostile.py: the attack beside good.xml.  For
# each: --check (and --list) end within BOUNDS_SECS seconds and
# BOUNDS_KB kB of peak memory (/usr/bin/time), say what was skipped as
# file:line:column naming the bound, and good.xml is still listed.
. "$top_srcdir/tests/lib/tap.sh"

TIME=/usr/bin/time
[ -x "$TIME" ] || skip_all "GNU time (/usr/bin/time) is needed for the bounds"
PYTHON3=${PYTHON3:-$(command -v python3 || true)}
[ -n "$PYTHON3" ] || skip_all "python3 is needed to make the inputs"
command -v timeout >/dev/null || skip_all "timeout (coreutils) is needed"
command -v mkfifo >/dev/null || skip_all "mkfifo is needed"

W=$WERKBEZOEK
MAKE_CASE="$top_srcdir/tests/stress/make-hostile.py"
scale=1
grep -qa '__asan_init' "$W" 2>/dev/null && scale=4
BOUNDS_SECS=$((${BOUNDS_SECS:-5} * scale))
BOUNDS_KB=$((${BOUNDS_KB:-200000} * scale))
# a small quarantine: freed memory ASan holds back is not the program's
export ASAN_OPTIONS="log_path=$TEST_TMP/asan:quarantine_size_mb=16:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="log_path=$TEST_TMP/ubsan:${UBSAN_OPTIONS:-}"

# measure NAME CMD...: CMD under time and timeout; stdout to $TEST_TMP/out,
# stderr to $TEST_TMP/err; checks the bounds.
measure() {
	local name=$1 secs kb
	shift
	timeout -s KILL "$((BOUNDS_SECS * 3))" "$TIME" -o "$TEST_TMP/time" -f '%e %M' "$@" \
		</dev/null >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	status=$?
	set -- $(tail -1 "$TEST_TMP/time" 2>/dev/null)
	secs=${1:-killed} kb=${2:-?}
	diag "$name: status $status, $secs s, $kb kB"
	ok "$([ "$status" -ne 137 ] && awk -v s="$secs" -v l="$BOUNDS_SECS" 'BEGIN { exit !(s + 0 <= l) }'; echo $?)" \
		"$name: within $BOUNDS_SECS s ($secs s)"
	ok "$([ "$kb" != "?" ] && [ "$kb" -le "$BOUNDS_KB" ]; echo $?)" \
		"$name: within $((BOUNDS_KB / 1000)) MB ($kb kB)"
}

# attack CASE MESSAGE-REGEX [OPTION...]: the case's corpus through --check
# and --list: the bounds, the message, good.xml still listed.
attack() {
	local case=$1 msg=$2 d="$TEST_TMP/$1"
	shift 2
	"$PYTHON3" "$MAKE_CASE" "$d" "$case" || { ok 1 "$case: made"; return; }
	measure "$case --check" "$W" --check "$@" "$d"
	[ -z "$msg" ] || like "$(cat "$TEST_TMP/out" "$TEST_TMP/err")" "$msg" "$case: the message"
	measure "$case --list" "$W" --list "$@" "$d"
	like "$(cat "$TEST_TMP/out")" '^good	' "$case: good.xml is still listed"
	rm -rf "$d"
}

# the corpus argument a FIFO: refused, not waited on
mkdir -p "$TEST_TMP/fifo"
mkfifo "$TEST_TMP/fifo/x.xml"
measure "a FIFO as the corpus" "$W" --list "$TEST_TMP/fifo/x.xml"
like "$(cat "$TEST_TMP/err")" 'x\.xml:[0-9]+:[0-9]+: error: .*not a regular file' "a FIFO as the corpus: not a regular file"
rm -rf "$TEST_TMP/fifo"

loc='attack\.xml:[0-9]+:[0-9]+: warning: xi:include skipped: '
attack include-fifo "${loc}'pipe': not a regular file"
attack include-huge-text "${loc}'huge\\.txt': 314572800 bytes, more than the limit of 268435456 \\(--max-file-size"
attack include-text-20x50 "${loc}it would add 52[0-9]{6} bytes, over .* inclusion budget of 16777216 bytes \\(--max-include"
attack include-fanout "${loc}'frag/l1\\.frag': it would add more than the inclusion budget .*--max-include"
attack include-chain "${loc}'c8\\.frag': includes nested deeper than 8 \\(--max-include-depth"
attack include-loop "${loc}'loop-a\\.frag': an inclusion loop"
attack include-xpointer "${loc}xpointer 'xpointer\\(//\\*.*': only an id or element\\(\\) is allowed"
attack attributes 'attack\.xml:2:[0-9]+: error: skipped: 100000 attributes on one element \(limit 10000, --max-attributes\)'
attack entity-in-attribute 'attack\.xml:3:[0-9]+: error: skipped: entities would add 3000000000 bytes to attribute values \(limit 16 MiB, --max-entity-expansion\)'
attack symlinks ''
# a -> . and b -> .: each directory read once, each file listed once
"$PYTHON3" "$MAKE_CASE" "$TEST_TMP/links" symlinks
is "$("$W" --list "$TEST_TMP/links" | cut -f1)" "good" "symlinks: good.xml listed once"
rm -rf "$TEST_TMP/links"
attack deep '\(corpus\):1:1: error: .*/d/d: skipped: directories nested deeper than 64 levels \(--max-depth'
attack unresolved "attack\\.xml:2:[0-9]+: warning: reference to unknown id '#nergens"

# a budget that allows the fan-out's first levels: the options work
"$PYTHON3" "$MAKE_CASE" "$TEST_TMP/fan" include-fanout
"$W" --check --max-include=64 --max-include-depth=3 "$TEST_TMP/fan" >"$TEST_TMP/out" 2>&1
like "$(cat "$TEST_TMP/out")" "nested deeper than 3 \\(--max-include-depth" "--max-include-depth=3: named in the message"
rm -rf "$TEST_TMP/fan"

# --search='a*' over 4 MB of 4,000-character paragraphs: each hit with
# 100 characters either side, not its whole line; --max-count cuts and
# says how many there were
"$PYTHON3" "$MAKE_CASE" "$TEST_TMP/flood" search-flood
in_bytes=$(cat "$TEST_TMP/flood"/*.xml | wc -c)
measure "search-flood --search='a*'" "$W" --search='a*' "$TEST_TMP/flood"
hits=$(wc -l <"$TEST_TMP/out" | tr -d ' ')
out_bytes=$(wc -c <"$TEST_TMP/out" | tr -d ' ')
diag "search-flood: $hits hits, $out_bytes bytes of output for $in_bytes bytes of input"
ok "$([ "$hits" -gt 500000 ]; echo $?)" "search-flood: every run of a's a hit ($hits)"
ok "$([ "$out_bytes" -lt $((in_bytes * 40)) ]; echo $?)" "search-flood: output under 40x the input"
long=$(cut -d: -f4- "$TEST_TMP/out" | awk 'length($0) > 2 * 100 + 2 + 2 * 3 { n++ } END { print n + 0 }')
is "$long" 0 "search-flood: no hit line longer than the match and 100 characters either side"
measure "search-flood --max-count=1000" "$W" --search='a*' --max-count=1000 "$TEST_TMP/flood"
is "$(wc -l <"$TEST_TMP/out" | tr -d ' ')" 1000 "--max-count=1000: 1000 hits printed"
like "$(cat "$TEST_TMP/err")" "^werkbezoek: 1000 of $hits hits printed \\(--max-count=1000\\)" \
	"--max-count: the count of all hits on stderr"
rm -rf "$TEST_TMP/flood" "$TEST_TMP/out"

is "$(cat "$TEST_TMP"/asan.* "$TEST_TMP"/ubsan.* 2>/dev/null)" "" "no sanitizer report"
done_testing
