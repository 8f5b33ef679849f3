# Hostile text from the corpus cannot reach the terminal as it is.  The
# fixture (tests/fixtures/screen/hostile/, see the comments in its files)
# holds C1 controls (CSI U+009B, NEL, OSC), a carriage return, a tab, a
# right-to-left override U+202E and mark U+200F, wide CJK characters,
# stacked combining marks and a 2001-character word; ESC [2J and BEL come
# in through a file name (XML cannot carry them: see hostile.xml).
#
# Proved here: the screen shows visible placeholders (^[ ^G <U+009B>
# <U+202E>); the frame stays whole on every line (each line is exactly as
# wide as the terminal and has its borders at the same columns) in the
# wide layout, and a list pane alone keeps its title bar with no line
# wider than the terminal; the reader alone (maximised, and in one narrow
# pane at an odd width that splits the CJK text) is bare, as less's text,
# and keeps its shape: no line of text wider than the terminal less a
# column, the status line under it whole (the page's title, placeholders
# and all, then the hints; or the position alone after a scroll); the
# ESC [2J does not clear the screen (the pane titles are still there); and
# the bytes the program writes (recorded with pipe-pane over a full
# redraw) hold no ESC [2J, BEL, C1 control, U+202E or U+200F.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

PYTHON3=${PYTHON3:-$(command -v python3 || true)}
[ -n "$PYTHON3" ] || skip_all "python3 is needed to measure display columns"
fixture="$top_srcdir/tests/fixtures/screen/hostile"
corpus="$TEST_TMP/corpus"
mkdir -p "$corpus"
cp "$fixture/hostile.xml" "$corpus/"
cp "$fixture/untitled.xml" "$corpus/$(printf '\033[2J\007ESC-naam.xml')"

frame_ok() {  # frame_ok NAME COLS ROWS BORDER-COLUMN...
	local name=$1 out
	shift
	out=$(screen_capture | "$PYTHON3" "$top_srcdir/tests/fixtures/screen/frame_check.py" "$@")
	ok $? "$name: the frame is whole on every line"
	[ -z "$out" ] || diag "$out"
}

bare_ok() {  # bare_ok NAME COLS ROWS: the reader alone keeps its shape
	local name=$1 out
	out=$(screen_capture | "$PYTHON3" "$top_srcdir/tests/fixtures/screen/frame_check.py" "$2" "$3" bare)
	ok $? "$name: no line wider than the text, the status line whole"
	[ -z "$out" ] || diag "$out"
}

screen_start 100 30 --no-session "$corpus"
screen_wait "Documents (2)"
title=$(stmux display-message -p -t "$SCREEN_TARGET" '#{pane_title}')

# record a full redraw of the first screen
screen_record "$TEST_TMP/out.bytes"
screen_keys C-l

# placeholders instead of the characters
screen_wait "│2001-01-01 Vijandige  "
screen_wait "---------- ^[[2J^GESC-naam"
screen_wait "┌ Vijandige <U+202E>tekst · 2001-01-01 "
screen_wait "CSI[<U+009B>31m]ROOD NEL[<U+0085>] OSC[<U+009D>0;titel<U+009C>]"
screen_wait "RLO[<U+202E>tekst achterstevoren] RLM[<U+200F>] einde."
screen_wait "P Mal<U+202E>ory Vijand"
screen_wait "CJK[日本語の文章を表示する"
screen_wait "Woord[aaaaaaaaaa"
# the wide layout: the left column is 30 wide (borders at 0, 29; the
# reader's at 30, 99)
frame_ok "100x30, the top" 100 29 0 29 30 99

# scrolled into the CJK and the long word
screen_keys 2 j j j j j j j j
screen_wait "line 9/"
frame_ok "100x30, scrolled" 100 29 0 29 30 99
screen_keys Space
screen_wait "aaaa!]"
frame_ok "100x30, the end" 100 29 0 29 30 99

# maximised: the reader alone, bare, 99 columns of text, its title in the
# status line
screen_keys g z
screen_wait_gone "Documents (2)"
screen_wait "] klaar."
screen_wait_row 30 " Vijandige <U+202E>tekst · 2001-01-01 "
bare_ok "100x30, maximised" 100 29
screen_keys Space
screen_wait "aaaa!]"
screen_wait_row 30 "line "
bare_ok "100x30, maximised, the end" 100 29
screen_keys z
screen_wait "Documents (2)"

# one narrow pane, 43 columns of text: wide characters do not fit evenly
screen_resize 43 20
screen_wait_gone "Documents (2)"
screen_wait "CJK[日本語"
# the title is cut for the position and the hints: a placeholder that does
# not fit goes whole
screen_wait_row 20 " 2 Vijandige "
bare_ok "43x20, the reader alone" 43 19
screen_keys Space
screen_wait "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
bare_ok "43x20, the long word" 43 19
screen_keys 3
screen_wait "P Mal<U+202E>ory Vijand"
frame_ok "43x20, the Entities pane" 43 19
screen_keys 1
screen_wait "---------- ^[[2J^GESC-naam"
frame_ok "43x20, the Documents pane" 43 19

# the document named with ESC [2J BEL: in the reader's title and the status
screen_resize 100 30
screen_wait "Documents (2)"
screen_keys j
screen_wait "┌ ^[[2J^GESC-naam "
screen_wait "Zonder titel."
screen_keys Enter
screen_wait "^[[2J^GESC-naam"
screen_wait "line 1/"
frame_ok "100x30, the ESC document" 100 29 0 29 30 99
# nothing was cleared: the frames and their titles are all there
screen_wait "┌ Documents (2) "
screen_wait "┌ Entities (1) "
is "$(stmux display-message -p -t "$SCREEN_TARGET" '#{pane_title}')" "$title" \
	"the pane's title was not set by the OSC in the text"

screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "q exits with status 0"
screen_check_restored "after q"
screen_record_stop

# what the program wrote
size=$(screen_wait_quiet "$TEST_TMP/out.bytes")
ok $([ "${size:-0}" -gt 1000 ]; echo $?) "the output was recorded ($size bytes)"
bad() {  # bad NAME BYTES: the recording lacks BYTES
	if LC_ALL=C grep -qF -- "$2" "$TEST_TMP/out.bytes"; then
		ok 1 "the program wrote no $1"
	else
		ok 0 "the program wrote no $1"
	fi
}
bad "ESC [2J" "$(printf '\033[2J')"
bad "BEL" "$(printf '\007')"
bad "U+202E (RIGHT-TO-LEFT OVERRIDE)" "$(printf '\342\200\256')"
bad "U+200F (RIGHT-TO-LEFT MARK)" "$(printf '\342\200\217')"
if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$TEST_TMP/out.bytes"; then
	ok 1 "the program wrote no C1 control (U+0080-U+009F)"
else
	ok 0 "the program wrote no C1 control (U+0080-U+009F)"
fi
done_testing
