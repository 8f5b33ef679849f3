# Following a mention link from an entity page into the document, and back.
# This path once read freed memory (heap-use-after-free): the link's
# location was borrowed from the entity page, which the reader freed when
# it opened the document.  The sanitizer build catches a regression: the
# program writes its ASan and UBSan reports to $TEST_TMP, and
# screen_check_restored fails when there is one.
#
# Bouke Arends has one mention, in the Tinten report; his page ends with
# it, a snippet whose name is the link.  At 80x24 the reader is alone and
# has no title bar: the page's title is at the left of the status line
# (row 24), after the pane number, cut to leave room for the position.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

# the Tinten report's title, as much of it as the status line has room for
tinten="Werkbezoek MOgroep aan Tinten (Groningen"
mention="aanwezigen waren wethouder economische zaken Bouke Arends, en"

screen_start 80 24 --no-session "$top_srcdir/corpus"
screen_wait_row 1 "─ Documents (5) "

screen_keys : ; screen_type "entity bouke-arends"; screen_keys Enter
screen_wait_row 24 " 2 Bouke Arends · person "
screen_wait "Note: Aanwezig bij de ontvangst door Sedna in Emmen (2014)."

# Tab from link to link until the mention is the selected one (reverse
# video); the page has some twenty links before it.  After each Tab, the
# screen changes (another link is selected) before the next.
mention_selected() {
	screen_capture_attrs | grep -q "zaken $(printf '\033')\\[\\([0-9]*;\\)*7m\\($(printf '\033')\\[[0-9;]*m\\)*Bouke Arends"
}
screen_changed() {
	[ "$(screen_capture_attrs)" != "$before" ]
}
i=0
while ! mention_selected && [ $i -lt 40 ]; do
	before=$(screen_capture_attrs)
	screen_keys Tab
	_screen_poll 5 screen_changed
	i=$((i + 1))
done
ok "$(mention_selected && echo 0 || echo 1)" "Tab reaches the mention link ($i Tabs)"

# Enter: the document, at the mention, which stays selected
screen_keys Enter
screen_wait_row 24 " 2 $tinten"
screen_wait "$mention"
screen_wait_gone "Bouke Arends · person"
like "$(screen_capture_attrs)" $'\e\\[([0-9]*;)*7m(\e\\[[0-9;]*m)*Bouke Arends' \
	"the mention arrived at is highlighted"
screen_check_sanitizers "after following the link"

# Backspace: the entity page again
screen_keys BSpace
screen_wait_row 24 " 2 Bouke Arends · person "
screen_check_sanitizers "after going back"

# and once more, with the page freed and made again
screen_keys L
screen_wait_row 24 " 2 $tinten"
screen_keys BSpace
screen_wait_row 24 " 2 Bouke Arends · person "

# q on an entity's page goes back (to the document read before it), not
# out; Q quits from anywhere
screen_keys q
screen_wait_row 24 " 2 De MOgroep op werkbezoek · 2012-11-01 "
screen_keys L
screen_wait_row 24 " 2 Bouke Arends · person "
screen_keys Q
screen_wait_exit
is "$SCREEN_STATUS" 0 "Q exits with status 0"
screen_check_restored "link-from-entity-page"
done_testing
