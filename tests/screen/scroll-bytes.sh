# Scrolling is cheap on the wire: at 80x24 the bytes werkbezoek writes to
# the terminal for a one-line scroll (j) and a page scroll (Space) in the
# reader are no more than less writes for the same scroll of the same text
# in a terminal of the same size, attribute changes aside (less shows the
# text plain, werkbezoek colours the names), and what the terminal shows
# afterwards is what a repaint shows (issue 13).
#
# How: the reader alone on the screen is laid out as less is (text on every
# row but the status line, no title bar), after a scroll its status line is
# as short as less's prompt ("line 12/240"; less is given the same prompt,
# -P"line %lt/%L"), and the scroll goes out one line at a time as the whole
# screen scrolling (view_stream): a carriage return and newline and the
# new line, as less sends it, where curses would otherwise set a scrolling
# region around the text and reset it (16 more bytes a line).  Going back
# (k, b) is held to the same: the whole screen scrolled the other way.
# After each, the screen is what a repaint (C-l) shows.
#
# For TERM=tmux-256color (the screen tests' terminal), xterm-256color and
# vt100 (no colour, no insert/delete line).  The bytes are what the pane
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
# the reader alone: 23 rows of text, wrapped at 79 columns (the last one
# stays blank), the status line
width=$((cols - 1))
text_rows=$((rows - 1))

"$WERKBEZOEK" --show="$doc" --width="$width" "$top_srcdir/corpus" >"$TEST_TMP/doc.txt"
total=$(wc -l <"$TEST_TMP/doc.txt" | tr -d ' ')
ok $([ "$total" -gt 100 ]; echo $?) "the document is long ($total lines at $width columns)"

# measure NAME KEY TEXT: the bytes written for KEY, until TEXT is shown,
# in NAME; and in NAME_plain the same less the attribute changes (SGR
# sequences, and the SI/SO or ESC ( B that come with them).
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

# text NAME: the rows of text (not the status line) into $TEST_TMP/NAME
text() {
	screen_capture | head -n "$text_rows" | sed 's/ *$//' >"$TEST_TMP/$1"
}

# repainted WHAT: the text shown now is what C-l paints
repainted() {
	text streamed
	screen_keys C-l
	screen_wait "? help"
	text painted
	is "$(cat "$TEST_TMP/streamed")" "$(cat "$TEST_TMP/painted")" "$term: after $1 the screen is what a repaint shows"
}

# scroll TERM: werkbezoek and then less in a terminal described by TERM
scroll() {
	local term=$1 bottom first
	# --- werkbezoek ----------------------------------------------------
	SCREEN_ENV="TERM=$term" screen_start "$cols" "$rows" --no-session "$top_srcdir/corpus"
	screen_wait "Documents (5)"
	screen_keys 2
	screen_wait_gone "Documents (5)"
	screen_wait "line 1/"
	first=$(screen_row 1 | sed 's/ *$//')
	ok $([ -n "$first" ] && [ "$first" = "$(head -n 1 "$TEST_TMP/doc.txt")" ]; echo $?) \
		"$term: the text starts on the first row, no title bar above it"
	rm -f "$TEST_TMP/out.bytes"
	screen_record "$TEST_TMP/out.bytes"
	# the first key replaces the full status line: not counted
	screen_keys j
	screen_wait "line 2/$total"
	screen_keys k
	screen_wait "line 1/$total"
	measure wb_line j "line 2/$total"
	is "$(screen_row $rows | sed 's/ *$//')" "line 2/$total" \
		"$term: after a scroll the status line is the position alone"
	bottom=$(screen_row $text_rows | sed 's/ *$//')
	measure wb_page Space "line 24/"
	# a page keeps one line of context: the bottom line is now at the top
	screen_wait_row 1 "$bottom"
	repainted "j and Space"
	screen_keys j
	screen_wait "line 25/$total"
	measure wb_back k "line 24/"
	measure wb_page_back b "line 2/"
	screen_record_stop
	repainted "k and b"
	screen_keys q
	screen_wait_exit
	screen_check_restored "werkbezoek ($term)"
	screen_stop

	# --- less, on the same text ----------------------------------------
	# The same lines come in on both sides: less gets the same terminal
	# (its prompt takes the last line), scrolls a page of the window less
	# one line (-z-2: the window is the screen less the prompt line), as
	# the reader does; --show puts blank lines where the reader does
	# (layout_blank_between), so the lines are numbered alike.
	SCREEN_ENV="TERM=$term LESS= LESSOPEN= LESSCLOSE= LESSHISTFILE=- LESSKEY=/dev/null"
	WERKBEZOEK=$LESS_BIN screen_start "$cols" "$rows" -z-2 -Pline\ %lt/%L "$TEST_TMP/doc.txt"
	screen_wait "line 1/"
	rm -f "$TEST_TMP/out.bytes"
	screen_record "$TEST_TMP/out.bytes"
	measure less_line j "line 2/"
	is "$(screen_row $text_rows | sed 's/ *$//')" "$bottom" "less shows the same line at its bottom"
	measure less_page Space "line 24/"
	screen_wait_row 1 "$bottom"
	screen_keys j
	screen_wait "line 25/"
	measure less_back k "line 24/"
	measure less_page_back b "line 2/"
	screen_record_stop
	screen_keys q
	screen_wait_exit
	screen_stop
	rm -f "$TEST_TMP/out.bytes"

	diag "TERM=$term, bytes without attributes (with them):" \
		"a line (j):  werkbezoek $wb_line_plain ($wb_line), less $less_line_plain ($less_line)" \
		"a page (Space): werkbezoek $wb_page_plain ($wb_page), less $less_page_plain ($less_page)" \
		"a line back (k): werkbezoek $wb_back_plain ($wb_back), less $less_back_plain ($less_back)" \
		"a page back (b): werkbezoek $wb_page_back_plain ($wb_page_back), less $less_page_back_plain ($less_page_back)"
	ok $([ "$wb_line_plain" -gt 0 ] && [ "$wb_line_plain" -le "$less_line_plain" ]; echo $?) \
		"$term: a one-line scroll costs no more than less's ($wb_line_plain <= $less_line_plain)"
	ok $([ "$wb_page_plain" -gt 0 ] && [ "$wb_page_plain" -le "$less_page_plain" ]; echo $?) \
		"$term: a page scroll costs no more than less's ($wb_page_plain <= $less_page_plain)"
	ok $([ "$wb_back_plain" -gt 0 ] && [ "$wb_back_plain" -le "$less_back_plain" ]; echo $?) \
		"$term: a line back costs no more than less's ($wb_back_plain <= $less_back_plain)"
	ok $([ "$wb_page_back_plain" -gt 0 ] && [ "$wb_page_back_plain" -le "$less_page_back_plain" ]; echo $?) \
		"$term: a page back costs no more than less's ($wb_page_back_plain <= $less_page_back_plain)"
}

for term in tmux-256color xterm-256color vt100; do
	scroll "$term"
done
done_testing
