# Keys that forgive, at 80x24 (one pane at a time, an SSH login's
# terminal, where the status line names the pane and the keys to the
# others) and again at 200x60:
# - C-c at the top level quits nothing; in the / prompt it cancels the
#   prompt and the search typed (it once killed the program, status 130);
#   C-g does the same; Esc leaves the prompt too;
# - while / is typed, the prompt counts the hits and the reader shows the
#   first one, also where the reader is not the pane on the screen;
# - Esc after a search hides the highlighting and the Results pane, and n
#   brings them back at the next hit (it once threw the search away);
# - q on the help or an entity page goes back to the page before, Esc
#   leaves the help, q on a document quits; Q quits from anywhere;
# - a count begins with 0: 010j, 050G.
# The reader alone (80x24) has no title bar: the page it shows is named at
# the left of the status line, after its pane number (" 2 Help "); side
# by side (200x60) its title bar names it (" Help ─").
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

sedna="De MOgroep op werkbezoek · 2012-11-01"

# The reader shows the page titled $1 (at 80x24, where the status line
# may cut the title to leave room for the position and the hits, $2 if
# given: the part of the title that fits); and it no longer does.
page() {
	if [ "$cols" -lt 90 ]; then
		screen_wait_row "$rows" " 2 ${2:-$1 }"
	else
		screen_wait " $1 ─"
	fi
}
page_gone() {
	if [ "$cols" -lt 90 ]; then
		screen_wait_gone " 2 $1 "
	else
		screen_wait_gone " $1 ─"
	fi
}

for size in "80 24" "200 60"; do
	set -- $size
	cols=$1 rows=$2
	screen_start "$cols" "$rows" --no-session "$top_srcdir/corpus"
	screen_wait "Documents (5)"
	# one pane at a time: the status line names it and the keys to the
	# others; side by side it need not
	if [ "$cols" -eq 80 ]; then
		screen_wait_row "$rows" " 1 Documents "
		screen_wait_row "$rows" "? help · 1-4 w"
	else
		screen_wait_row "$rows" " Documents "
		unlike "$(screen_row "$rows")" "1-4 w" "the panes side by side: no pane keys in the status line"
	fi

	# C-c at the top level
	screen_keys C-c
	screen_wait_row "$rows" "nothing to cancel (q quits)"
	screen_wait "Documents (5)"

	# typing a search: count and the hit in the reader, also at 80x24
	screen_keys /
	screen_type "sedna"
	screen_wait_row "$rows" "/sedna"
	screen_wait_row "$rows" "1/12 hits"
	screen_wait "Hosts: Sedna Welzijn Emmen"
	# in the Sedna report: the prompt takes the status line of a reader
	# alone, so there its heading names it; side by side its title bar
	if [ "$cols" -lt 90 ]; then
		screen_wait "${sedna% · *}"
	else
		screen_wait " $sedna "
	fi
	# C-c cancels the prompt and the search, the program goes on
	screen_keys C-c
	screen_wait_gone "/sedna"
	screen_wait_gone "1/12 hits"
	screen_wait "Documents (5)"
	[ -f "$TEST_TMP/rc" ] && ok 1 "C-c in the prompt ended the program" ||
		ok 0 "C-c in the prompt did not end the program"
	# C-g and Esc cancel too
	screen_keys /
	screen_type "zorg"
	screen_wait_row "$rows" "/zorg"
	screen_keys C-g
	screen_wait_gone "/zorg"
	screen_keys /
	screen_type "zorg"
	screen_wait_row "$rows" "/zorg"
	screen_keys Escape
	screen_wait_gone "/zorg"

	# Esc hides the search; n shows it again at the next hit
	screen_keys /
	screen_type "Sedna"
	screen_keys Enter
	screen_wait "1/12 hits · ? help"
	screen_keys Escape
	screen_wait_gone "hits · ? help"
	screen_wait_gone "/Sedna · 12 hits"
	screen_keys n
	screen_wait "2/12 hits · ? help"
	screen_keys N
	screen_wait "1/12 hits · ? help"

	# q on the help goes back; so does Esc
	screen_keys '?'
	page Help
	screen_keys q
	page_gone Help
	page "$sedna" "${sedna%-*}"
	screen_keys '?'
	page Help
	screen_keys Escape
	page_gone Help
	page "$sedna" "${sedna%-*}"

	# q on an entity's page goes back
	screen_keys :
	screen_type "entity Aly van Beek"
	screen_keys Enter
	page "Aly van Beek · person"
	screen_keys q
	page_gone "Aly van Beek · person"
	page "$sedna" "${sedna%-*}"

	# counts begin with 0 (1-4 are the panes): 010j, 050G, 03k
	screen_keys g
	screen_wait "line 1/"
	screen_keys 0 1 0 j
	screen_wait "line 11/"
	screen_keys 0 5 0 G
	screen_wait "line 50/"
	screen_keys 0 3 k
	screen_wait "line 47/"

	# Q quits from anywhere: here from the help
	screen_keys '?'
	page Help
	screen_keys Q
	screen_wait_exit
	is "$SCREEN_STATUS" 0 "Q exits with status 0 ($cols x $rows)"
	screen_check_restored "Q from the help at $cols x $rows"
	screen_stop
done

# q on a document quits
cols=80 rows=24
screen_start "$cols" "$rows" --no-session "$top_srcdir/corpus"
screen_wait "Documents (5)"
screen_keys Enter
page "$sedna"
screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "q on a document exits with status 0"
screen_check_restored "q on a document"
done_testing
