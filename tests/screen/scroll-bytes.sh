# Scrolling is cheap on the wire: the bytes werkbezoek writes to the
# terminal for a one-line scroll (j) and a page scroll (Space) in the
# maximised reader (z) are no more than less writes for the same scroll of
# the same text at the same terminal size (80x24), attribute changes aside
# (less shows the text plain, werkbezoek colours the names), within a
# small margin
# for the position shown on the status line and frame (werkbezoek updates
# "line N/M" and a percentage; less's prompt is set to show its line
# number too; see the margin below).  Both counts are printed as
# diagnostics.
#
# The bytes are what the pane receives (tmux pipe-pane -o), counted after
# the screen has settled: send the key, wait for the expected screen, wait
# until the recording stops growing, take the difference.
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
# The margin: werkbezoek updates two position indicators (the status
# line's "line N/M" and the title bar's percentage) where less updates one,
# and scrolls a region between its title bar and status line rather than
# the whole screen (setting and resetting the region): a fixed
# SCROLL_BYTES_FIXED.  Lines come in full width as less's do, but curses
# goes to each new line with a carriage return and a line address (5 or 6
# bytes) where less writes a newline: SCROLL_BYTES_PER_LINE for each line
# that comes in.  Both margins are small against a repaint: a page of this
# text is about 1,700 bytes, a repaint of the screen twice that.
# Measured (issue 13): one line 31 bytes against less's 15, attributes
# aside (42 against 24 with them); a page 1,328 against 1,215 (1,503
# against 1,224): 16 bytes more for a line, 113 for a page of 21 lines.
# The bounds are set just above that.
fixed=${SCROLL_BYTES_FIXED:-32}
per_line=${SCROLL_BYTES_PER_LINE:-5}

"$WERKBEZOEK" --show="$doc" --width="$width" "$top_srcdir/corpus" >"$TEST_TMP/doc.txt"
total=$(wc -l <"$TEST_TMP/doc.txt" | tr -d ' ')
ok $([ "$total" -gt 100 ]; echo $?) "the document is long ($total lines at $width columns)"

# measure NAME KEY TEXT: the bytes written for KEY, until TEXT is shown,
# in NAME; and in NAME_plain the same less the attribute changes (SGR
# sequences and the SI/SO that come with them): less shows the text plain,
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
		LC_ALL=C sed "s/$(printf '\033')\\[[0-9;]*m//g; s/[$(printf '\016\017')]//g" |
		wc -c | tr -d ' ')"
}

# --- werkbezoek ------------------------------------------------------------
screen_start "$cols" "$rows" --no-session "$top_srcdir/corpus"
screen_wait "Documents (5)"
screen_keys 2 z
screen_wait_gone "Documents (5)"
screen_wait "line 1/"
screen_record "$TEST_TMP/out.bytes"
measure wb_line j "line 2/"
bottom=$(screen_row $((rows - 1)) | sed 's/ *$//')
measure wb_page Space "line 23/"
# a page keeps one line of context: the bottom line is now at the top
screen_wait_row 2 "$bottom"
screen_record_stop
screen_keys q
screen_wait_exit
screen_check_restored "werkbezoek"
screen_stop
rm -f "$TEST_TMP/out.bytes"

# --- less, on the same text ------------------------------------------------
# The same lines come in on both sides: less gets a terminal one line taller
# than the reader's text (its prompt takes the last line), scrolls a page
# of the window less one line (-z-2: the window is the screen less
# the prompt line), as the reader does; --show puts blank lines where the
# reader does (layout_blank_between), so the lines are numbered alike.
SCREEN_ENV="LESS= LESSOPEN= LESSCLOSE= LESSHISTFILE=- LESSKEY=/dev/null"
WERKBEZOEK=$LESS_BIN screen_start "$cols" $((rows - 2 + 1)) -z-2 -Pline\ %lt "$TEST_TMP/doc.txt"
screen_wait "line 1"
screen_record "$TEST_TMP/out.bytes"
measure less_line j "line 2"
is "$(screen_row $((rows - 2)) | sed 's/ *$//')" "$bottom" "less shows the same line at its bottom"
measure less_page Space "line 23"
screen_wait_row 1 "$bottom"
screen_record_stop
screen_keys q
screen_wait_exit
screen_stop

diag "one line (j):  werkbezoek $wb_line bytes ($wb_line_plain without attributes), less $less_line ($less_line_plain)" \
	"a page (Space): werkbezoek $wb_page bytes ($wb_page_plain without attributes), less $less_page ($less_page_plain)"
margin=$((fixed + per_line))
ok $([ "$wb_line_plain" -gt 0 ] && [ "$wb_line_plain" -le $((less_line_plain + margin)) ]; echo $?) \
	"a one-line scroll costs no more than less's ($wb_line_plain <= $less_line_plain + $margin)"
margin=$((fixed + 21 * per_line))
ok $([ "$wb_page_plain" -gt 0 ] && [ "$wb_page_plain" -le $((less_page_plain + margin)) ]; echo $?) \
	"a page scroll costs no more than less's ($wb_page_plain <= $less_page_plain + $margin)"
done_testing
