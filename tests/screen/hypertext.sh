# Hypertext: a reader follows a name to the person, from the person to
# their organisation, from there to someone else there, to a report at the
# spot where she is mentioned, and finds the way back (Backspace, L, '').
# Links are followed by their f label and with Tab / Shift-Tab and Enter;
# Tab goes on past the bottom of the screen, scrolling.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

screen_start 120 40 "$top_srcdir/corpus"
screen_wait "Documents (5)"

# a person's page, by command
screen_keys : ; screen_type "entity aly-van-beek"; screen_keys Enter
screen_wait "Aly van Beek · person"
screen_wait "Affiliated with: MOgroep (directeur)"

# person -> organisation, by the f label of the fourth link on the screen
# (after the timeline's three years): with more than 26 links on the
# screen labels have two letters, "aa", "as", "ad", "af" (home row first)
screen_keys f
screen_wait "type a link's label"
screen_wait "Affiliated with: afgroep (directeur)"
screen_keys a f
screen_wait "MOgroep · org"
# the organisation's page lists its people with their roles
screen_wait "People: Aly van Beek (directeur), Marijke Vos (voorzitter)"

# organisation -> another person: after three years and Aly van Beek, the
# fifth link is Marijke Vos
screen_keys f
screen_wait "type a link's label"
screen_keys a g
screen_wait "Marijke Vos · person"

# person -> a report, at the mention: the last mention is the last link
screen_keys G
screen_wait "Mentions ("
screen_keys BTab
screen_keys Enter
screen_wait "Over grenzen heen · 2017-05-11"
screen_wait "[1] Marijke Vos (voorzitter Sociaal Werk Nederland)"
# the mention we came for is the selected link: shown in reverse video
like "$(screen_capture_attrs)" $'\e\\[([0-9]*;)*7m(\e\\[[0-9;]*m)*Marijke Vos' "the mention arrived at is highlighted"

# back, back, forward
screen_keys BSpace
screen_wait "Marijke Vos · person"
screen_keys BSpace
screen_wait "MOgroep · org"
screen_keys L
screen_wait "Marijke Vos · person"
# '' returns to where we were before the last jump: the MOgroep
screen_keys "'" "'"
screen_wait "MOgroep · org"

# the history list has the pages, the current one marked
screen_keys : ; screen_type history; screen_keys Enter
screen_wait "┌ History "
screen_wait "Aly van Beek"
screen_wait "> MOgroep"

# Tab past the bottom of the screen scrolls the page (a long entity page)
screen_keys : ; screen_type "entity aly-van-beek"; screen_keys Enter
screen_wait "Aly van Beek · person"
screen_wait "line 1/"
i=0
while [ $i -lt 40 ]; do
	screen_keys Tab
	i=$((i + 1))
done
screen_wait_gone "line 1/"
# the selected link is still a link: Enter opens a report
screen_keys Enter
screen_wait "· 20"

screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "q exits with status 0"
screen_check_restored "hypertext"
done_testing
