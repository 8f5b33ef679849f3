# At 80x24 one pane is shown at a time.  Enter on a document in the
# Documents list, on an entity in the Entities pane and on a hit in the
# Results pane must show the reader with that page, and j and Space must
# then scroll the reader where it can be seen: once Enter moved the focus
# to a reader that was not on the screen, and the keys scrolled it unseen.
#
# The reader alone is a bare view, as less's text: no title bar, its text
# from the top row to the row above the status line, which names the page
# (" 2 Title") at its left.  After j or Space the status line is lean, the
# position alone ("line 2/151"); C-l brings the full one back.
#
# At 80 columns the reader's lines stop a column short of the edge and the
# Tinten report wraps to 151 lines; the reader is 23 lines high, so Space
# (a page less one line) goes from line 2 to 24.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

tinten="Werkbezoek MOgroep aan Tinten (Groningen & Drenthe) · 2014-11-05"
# the part of Tinten's title the status line keeps at 80 columns
tinten_cut="Werkbezoek MOgroep aan Tinten (Gro"

# lean N/M: the status line is the position alone, as less's prompt
lean() {
	screen_wait_row 24 "line $1"
	is "$(screen_row 24 | sed 's/ *$//')" "line $1" "the status line is lean: 'line $1'"
}

screen_start 80 24 --no-session "$top_srcdir/corpus"
screen_wait_row 1 "─ Documents (5) "

# --- Documents: Enter on the third document --------------------------------
screen_keys j j
screen_wait_row 24 " Documents "
screen_keys Enter
screen_wait_row 24 " 2 $tinten_cut"
screen_wait_row 1 "Werkbezoek MOgroep aan Tinten (Groningen & Drenthe)"
screen_wait "line 1/151 · ? help"
screen_wait_gone "Documents (5)"
screen_keys j
lean 2/151
screen_wait_row 1 "Date: 2014-11-05"
screen_keys Space
lean 24/151
screen_wait_row 2 "Hoe combineer je werk en mantelzorg?"
screen_wait_gone "in de belangenbehartiging voor onze leden.'"
screen_keys C-l
screen_wait_row 24 " 2 $tinten_cut"
screen_wait "line 24/151 · ? help"

# --- Entities: Enter on Aly van Beek (the fourth by name) -------------------
screen_keys 3
screen_wait_row 1 "─ Entities (122) "
screen_wait_row 5 "P Aly van Beek"
screen_keys j j j
screen_keys Enter
screen_wait_row 24 " 2 Aly van Beek · person "
screen_wait_row 1 "Aly van Beek"
screen_wait_row 2 "Type: person · id aly-van-beek"
screen_wait "line 1/67 · ? help"
screen_wait_gone "Entities (122)"
screen_keys j
lean 2/67
screen_wait_row 1 "Type: person · id aly-van-beek"
screen_keys Space
lean 24/67
screen_wait_gone "Type: person · id aly-van-beek"
screen_keys C-l
screen_wait_row 24 " 2 Aly van Beek · person "

# --- Results: Enter on the last hit of a search -----------------------------
# Sedna: six hits in the 2012 report, then six in Tinten; the last is in
# Tinten's block 17.  The search must be done before the next key (a key
# stops a search that is still running).
screen_keys /
screen_type "Sedna"
screen_keys Enter
screen_wait "1/12 hits · ? help"
screen_keys 4
screen_wait_row 1 "─ /Sedna · 12 hits in 2 documents "
screen_wait_row 24 " Results "
screen_keys G
screen_wait "12/12 hits · ? help"
screen_keys Enter
screen_wait_row 24 " 2 $tinten_cut"
screen_wait "De rol van Sedna is vooral het ondersteunen van mantelzorgers"
screen_wait_gone "/Sedna · 12 hits"
top=$(screen_capture | sed -n 24p | sed -n 's/.* line \([0-9]*\)\/151 .*/\1/p')
like "$top" '^[0-9]+$' "the status line says where in Tinten the reader is"
screen_wait "line $top/151 · 12/12 hits"
screen_keys j
lean "$((top + 1))/151"
screen_keys Space
lean "$((top + 23))/151"
screen_keys C-l
screen_wait "line $((top + 23))/151 · 12/12 hits"
screen_wait_row 24 " 2 $tinten_cut"

screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "q exits with status 0"
screen_check_restored "narrow-enter-shows-reader"
done_testing
