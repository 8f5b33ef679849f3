# Resizing keeps your place: at 120x40 the Tinten report is scrolled so that
# a paragraph ("Sedna werkt heel gebiedsgericht…") starts at the top of the
# reader; at 60x20 (below 90x18: one pane at a time, the focused one) the
# reader alone shows the same text at its top; 20x5 (below 24x6) says
# "Terminal too small"; back at 120x40 the same text is at the top again.
# z maximises the focused pane and gives the layout back.  The reader alone
# (at 60x20, or maximised) is bare, as less's text: no title bar, its text
# from the top row, its title in the status line.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

tinten="Werkbezoek MOgroep aan Tinten (Groningen & Drenthe) · 2014-11-05"
para="Sedna werkt heel gebiedsgericht, ook in de omliggende"

screen_start 120 40 --no-session "$top_srcdir/corpus"
screen_wait "Documents (5)"
screen_keys Down Down Enter
screen_wait "$tinten"
screen_wait "line 1/147"
screen_keys Space j
screen_wait "$tinten"
screen_wait "line 38/147"
screen_wait_row 2 "││$para dorpen. Vandaar ook de zes"

# one pane at a time: the reader alone, bare, rewrapped to 60 columns,
# same place
screen_resize 60 20
screen_wait_gone "Documents (5)"
screen_wait_row 1 "$para"
# the status line still says where you are (checked on the settled screen:
# it is drawn with the pane)
like "$(screen_row 20)" "line [0-9]+/[0-9]+" "at 60 columns the status line shows 'line N/M'"
# a new layout names the page again, though the last key (j) only
# scrolled: the status line is whole, not the position alone
screen_wait_row 20 " 2 Werkbezoek MOgroep aan Tint"
# the other panes are there one at a time too
screen_keys 1
screen_wait_row 1 "─ Documents (5) "
screen_wait_row 4 "2014-11-05 Werkbezoek MOgroep aan Tinten"
screen_keys 2
screen_wait_row 20 " 2 Werkbezoek MOgroep aan Tint"
screen_wait_row 1 "$para"

# too small for anything
screen_resize 20 5
screen_wait "Terminal too small"
# a key while too small does no harm
screen_keys j
screen_wait "Terminal too small"

# back to the wide layout: the same text at the top of the reader
screen_resize 120 40
screen_wait "Documents (5)"
screen_wait_gone "Terminal too small"
screen_wait_row 2 "││$para dorpen. Vandaar ook de zes"
screen_wait_row 1 "┌ $tinten "

# z: the focused pane (the reader) fills the screen, bare, its title in the
# status line, and back
screen_keys z
screen_wait_gone "Documents (5)"
screen_wait_row 40 " $tinten "
screen_wait_row 1 "$para dorpen. Vandaar ook de zes"
screen_keys z
screen_wait "Documents (5)"
screen_wait "Entities (122)"
screen_wait_row 2 "││$para dorpen. Vandaar ook de zes"

screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "q exits with status 0"
screen_check_restored "after q"
done_testing
