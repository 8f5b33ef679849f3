# Scrolling is cheap on the wire: the bytes werkbezoek writes to the
# terminal for a one-line scroll (j) and a page scroll (Space) in the
# maximised reader (z) are what less writes for the same scroll of the same
# text at the same terminal size (80x24), attribute changes aside (less
# shows the text plain, werkbezoek colours the names), plus only what comes
# from werkbezoek's title bar above the text (issue 13):
#
# - a line: the scroll region set around the text and reset after it, and
#   the move to the region's last line (less scrolls the whole screen,
#   prompt and all, with a newline, and writes its prompt again;
#   werkbezoek keeps its title bar and scrolls the lines between it and the
#   status line).  The bound is those three strings of the terminal's own
#   description (change_scroll_region twice, cursor_address): 21 bytes at
#   80x24.  Measured: 31 against less's 15 (16 more), for every TERM below.
# - a page: each of the 21 lines that come in costs at most
#   SCROLL_BYTES_PER_LINE (6) more than less's: curses goes to a line with
#   a carriage return and a line address (ESC [ N d, 4 or 5 bytes) where
#   less writes a newline (curses never moves down with a newline), and
#   clears the rest of a line that was longer (ESC [ K) where less,
#   scrolling, finds the line blank.  Measured at 80x24: 1,328 against
#   1,215 (113 for 21 lines, 5.4 a line).
#
# Both counts are printed as diagnostics, for TERM=tmux-256color (the
# screen tests' terminal), xterm-256color and vt100 (no colour, no
# insert/delete line: the same scroll region).  The bytes are what the pane
# receives (tmux pipe-pane -o), counted after the screen has settled: send
# the key, wait for the expected screen, wait until the recording stops
# growing, take the difference.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

LESS_BIN=${LESS_BIN:-$(command -v less || true)}
[ -n "$LESS_BIN" ] || skip_all "less is not installed"

doc=doc-2012-11-01-sedna-wmd
cols=80
rows=24
# the maximised reader: a title bar, 80 columns by 22 lines of text, the
# status line
width=$cols
per_line=${SCROLL_BYTES_PER_LINE:-6}

"$WERKBEZOEK" --show="$doc" --width="$width" "$top_srcdir/corpus" >"$TEST_TMP/doc.txt"
total=$(wc -l <"$TEST_TMP/doc.txt" | tr -d ' ')
ok $([ "$total" -gt 100 ]; echo $?) "the document is long ($total lines at $width columns)"

# measure NAME KEY TEXT: the bytes written for KEY, until TEXT is shown,
# in NAME; and in NAME_plain the same less the attribute changes (SGR
# sequences, and the SI/SO or ESC ( B that come with them): less shows the text plain,
# werkbezoek colours every name, and a colour costs bytes that have
# nothing to do with how the scroll is done.
measure() {
	local before after
	before=$(screen_wait_quiet "$TEST_TMP/out.bytes")
	screen_keys "$2"
	screen_wait "$3"
	after=$(screen_wait_quiet "$TEST_TMP/out.bytes")
	eval "$1=\$((after - before))"
	eval "$1_plain=$(tail -c +$((before + 1)) "$TEST_TMP/out.bytes" | head -c $((after - before)) |
		LC_ALL=C sed "s/$(printf '\033')\\[[0-9;]*m//g; s/$(printf '\033')(B//g; s/[$(printf '\016\017')]//g" |
		wc -c | tr -d ' ')"
}

# scroll TERM: werkbezoek and then less in a terminal described by TERM
scroll() {
	local term=$1 bottom csr margin
	# --- werkbezoek ----------------------------------------------------
	SCREEN_ENV="TERM=$term" screen_start "$cols" "$rows" --no-session "$top_srcdir/corpus"
	screen_wait "Documents (5)"
	screen_keys 2 z
	screen_wait_gone "Documents (5)"
	screen_wait "line 1/"
	rm -f "$TEST_TMP/out.bytes"
	screen_record "$TEST_TMP/out.bytes"
	measure wb_line j "line 2/"
	bottom=$(screen_row $((rows - 1)) | sed 's/ *$//')
	measure wb_page Space "line 23/"
	# a page keeps one line of context: the bottom line is now at the top
	screen_wait_row 2 "$bottom"
	screen_record_stop
	screen_keys q
	screen_wait_exit
	screen_check_restored "werkbezoek ($term)"
	screen_stop

	# --- less, on the same text ----------------------------------------
	# The same lines come in on both sides: less gets a terminal one line
	# taller than the reader's text (its prompt takes the last line),
	# scrolls a page of the window less one line (-z-2: the window is the
	# screen less the prompt line), as the reader does; --show puts blank
	# lines where the reader does (layout_blank_between), so the lines are
	# numbered alike.
	SCREEN_ENV="TERM=$term LESS= LESSOPEN= LESSCLOSE= LESSHISTFILE=- LESSKEY=/dev/null"
	WERKBEZOEK=$LESS_BIN screen_start "$cols" $((rows - 2 + 1)) -z-2 -Pline\ %lt "$TEST_TMP/doc.txt"
	screen_wait "line 1"
	rm -f "$TEST_TMP/out.bytes"
	screen_record "$TEST_TMP/out.bytes"
	measure less_line j "line 2"
	is "$(screen_row $((rows - 2)) | sed 's/ *$//')" "$bottom" "less shows the same line at its bottom"
	measure less_page Space "line 23"
	screen_wait_row 1 "$bottom"
	screen_record_stop
	screen_keys q
	screen_wait_exit
	screen_stop
	rm -f "$TEST_TMP/out.bytes"

	diag "TERM=$term" \
		"one line (j):  werkbezoek $wb_line bytes ($wb_line_plain without attributes), less $less_line ($less_line_plain)" \
		"a page (Space): werkbezoek $wb_page bytes ($wb_page_plain without attributes), less $less_page ($less_page_plain)"
	# the region around the text (rows 2 to 23 of 24), its last line, and
	# the whole screen again
	csr=$(($(tput -T "$term" csr 1 $((rows - 2)) | wc -c) +
		$(tput -T "$term" cup $((rows - 2)) 0 | wc -c) +
		$(tput -T "$term" csr 0 $((rows - 1)) | wc -c)))
	ok $([ "$csr" -gt 0 ]; echo $?) "$term: the terminal has a scroll region ($csr bytes to set, use and reset)"
	ok $([ "$wb_line_plain" -gt 0 ] && [ "$wb_line_plain" -le $((less_line_plain + csr)) ]; echo $?) \
		"$term: a one-line scroll costs what less's does and the scroll region ($wb_line_plain <= $less_line_plain + $csr)"
	margin=$((21 * per_line))
	ok $([ "$wb_page_plain" -gt 0 ] && [ "$wb_page_plain" -le $((less_page_plain + margin)) ]; echo $?) \
		"$term: a page scroll costs no more than less's and $per_line a line ($wb_page_plain <= $less_page_plain + $margin)"
}

for term in tmux-256color xterm-256color vt100; do
	scroll "$term"
done
done_testing
