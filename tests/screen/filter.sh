# Filtering lists by typing, and the Entities pane: & on the Documents pane
# filters as you type (before Enter) and counts "(N of 5)" in the title;
# Esc gives the whole list back.  On the Entities pane (3) o toggles the
# sort ("by mentions" / "by name" in the pane's top border), & filters it
# ("beek" leaves Aly van Beek and Nieuw Schoonebeek), and Enter on an
# entity opens its page in the reader.
#
# At 120x40 the Documents pane holds rows 1-19, the Entities pane rows
# 20-39 (its first entry on row 21), the status or prompt line is row 40.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

empty_left="│                                  ││"

screen_start 120 40 --no-session "$top_srcdir/corpus"
screen_wait "Documents (5)"

# & opens the filter prompt on the status line
screen_keys '&'
screen_wait_row 40 "&"
# as you type: "werk" leaves the four werkbezoek reports
screen_type "werk"
screen_wait "Documents (4 of 5) &werk"
screen_wait_row 2 "│2012-11-01 De MOgroep op werkbezoe"
screen_wait_row 5 "│2017-05-11 Over grenzen heen"
screen_wait_row 6 "$empty_left"
screen_keys BSpace BSpace BSpace BSpace
screen_wait "Documents (5) "
screen_type "tinten"
screen_wait "Documents (1 of 5) &tinten"
screen_wait_row 2 "│2014-11-05 Werkbezoek MOgroep aan "
screen_wait_row 3 "$empty_left"
screen_wait_row 40 "&tinten"

# Esc: the filter and the prompt are gone, the list is whole again
screen_keys Escape
screen_wait "Documents (5) "
screen_wait_row 3 "│2013-11-24 Verslag werkbezoek Noor"
screen_wait_row 6 "│2017-05-11 Over grenzen heen"
screen_wait_row 40 " Documents "

# the Entities pane: sorted by name, o sorts by mentions and back
screen_keys 3
screen_wait_row 40 " Entities "
screen_wait_row 20 "by name──┐"
screen_wait_row 21 "│L Aa en Hunze"
screen_keys o
screen_wait_row 20 "by mentions──┐"
screen_wait "entities sorted by mentions"
screen_keys g
screen_wait_row 21 "│O MOgroep                       23│"
screen_wait_row 22 "│P Aly van Beek                  20│"
screen_keys o
screen_wait_row 20 "by name──┐"
screen_wait "entities sorted by name"
screen_keys g
screen_wait_row 21 "│L Aa en Hunze                    2│"

# & on the Entities pane filters it (names and their variants)
screen_keys '&'
screen_wait_row 40 "&"
screen_type "beek"
screen_wait "Entities (2 of 122) &beek"
screen_wait_row 21 "│P Aly van Beek                  20│"
screen_wait_row 22 "│L Nieuw Schoonebeek              1│"
screen_wait_row 23 "$empty_left"
# Enter keeps the filter and closes the prompt
screen_keys Enter
screen_wait_row 40 " Entities "
screen_wait "Entities (2 of 122) &beek"

# Enter on the entity: its page in the reader, which has the focus
screen_keys Enter
screen_wait_row 1 "┌ Aly van Beek · person "
screen_wait "Affiliated with: MOgroep"
screen_wait_row 40 " Aly van Beek · person"
screen_wait_row 40 "line 1/"

# q on an entity's page closes it (back to the page before), as tig's q
# closes a view; q again, on a document, quits
screen_keys q
screen_wait_gone "Aly van Beek · person"
screen_wait_gone "Affiliated with: MOgroep"
screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "q exits with status 0"
screen_check_restored "after q"
done_testing
