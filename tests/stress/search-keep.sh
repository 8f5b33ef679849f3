# search-keep.sh: the browser's search keeps at most --max-hits hits and
# counts the rest.  "/." then Enter on 8 MB of prose (8 million hits, 256 MB
# and more at 32 bytes a hit before) must grow the program by less than
# SEARCH_KEEP_KB (the 1,000,000 kept hits at 16 bytes, and the rest of the
# search); the status line gives the whole count and says how many were
# kept, the Results pane says "in 2 documents" (every hit counts, listed
# or not) and "the first N listed"; with --max-hits=1000
# the growth is smaller still.  Memory is the kernel's high-water mark
# (VmHWM), before and after the search.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

PYTHON3=${PYTHON3:-$(command -v python3 || true)}
[ -n "$PYTHON3" ] || skip_all "python3 is needed to make the input"
[ -r /proc/self/status ] || skip_all "/proc is needed for the memory figures"
scale=1
grep -qa '__asan_init' "$WERKBEZOEK" 2>/dev/null && scale=4
SEARCH_KEEP_KB=$((${SEARCH_KEEP_KB:-48000} * scale))
SCREEN_TIMEOUT=$((60 * scale))

"$PYTHON3" "$top_srcdir/tests/stress/make-hostile.py" "$TEST_TMP/many" search-many
hwm() { awk '/^VmHWM:/ { print $2 }' "/proc/$SCREEN_PID/status"; }

# keep_case NAME WANT-COUNT WANT-KEPT [OPTION...]
keep_case() {
	local name=$1 total=$2 kept=$3 before after
	shift 3
	screen_start 132 40 --no-session "$@" "$TEST_TMP/many"
	screen_wait "Documents (2)"
	before=$(hwm)
	screen_keys /
	screen_type "."
	screen_keys Enter
	screen_wait "$total hits: the first $kept kept (--max-hits)"
	after=$(hwm)
	diag "$name: VmHWM $before kB before the search, $after kB after"
	ok "$([ $((after - before)) -lt "$SEARCH_KEEP_KB" ]; echo $?)" \
		"$name: the search grew the program by $((after - before)) kB (< $SEARCH_KEEP_KB)"
	screen_keys 4
	screen_wait "hits in 2 documents, the first $kept listed"
	screen_keys q
	screen_wait_exit
	is "$SCREEN_STATUS" 0 "$name: q exits 0"
}

# the hits: every character but the paragraph separators
n=$("$WERKBEZOEK" --search=. --max-count=1 "$TEST_TMP/many" 2>&1 >/dev/null |
	sed -n 's/.* of \([0-9]*\) hits printed.*/\1/p')
ok "$([ "${n:-0}" -gt 7000000 ]; echo $?)" "the corpus has $n hits of ."
keep_case "default" "$n" 1000000
keep_case "--max-hits=1000" "$n" 1000 --max-hits=1000
done_testing
