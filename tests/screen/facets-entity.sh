# Facets over every entity kind: in the facet list (F) & filters the
# values by kind and label, so "&aly" finds the person Aly van Beek among
# the 122 entities; Enter selects her and the documents narrow to the
# three that name her; a second person widens them (OR within a kind), an
# organisation narrows them again (AND across kinds), and the document
# list's & filter combines with the facets.  R (the corpus loaded again)
# keeps the selection; it is saved in the session on quit and selected
# again on the next start; X clears it, which the next start keeps too.
#
# Aly van Beek is named in the 2013, 2014 and 2015 reports, Marijke Vos in
# 2013, 2014 and 2017, the organisation Welzijn Midden-Drenthe in 2012
# only, Tinten in 2013 and 2014.
#
# At 80x24 the Documents pane fills rows 1-22; at 132x40 it is the left
# column, rows 1-19, and its title is cut at the pane's width.  The reader
# alone (80x24) has no title bar: its page is named at the left of the
# status line, after the pane number, cut to leave room for the position.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

noordermaat="Verslag werkbezoek Noordermaat Assen · 2013-11-24"

# The reader shows the Noordermaat report: its title in the status line
# at 80x24 (as much as fits), in the reader's title bar beside the lists.
noordermaat() {
	if [ "$cols" -lt 90 ]; then
		screen_wait_row "$rows" " 2 ${noordermaat%-*}"
	else
		screen_wait "┌ $noordermaat ─"
	fi
}

# Types text into the & filter of the focused list.
filter() {
	screen_keys '&'
	screen_type "$1"
	screen_keys Enter
}

run() {
	cols=$1 rows=$2 l=$3
	rm -rf "$XDG_STATE_HOME"
	screen_start "$cols" "$rows" "$top_srcdir/corpus"
	screen_wait "Documents (5)"

	screen_keys F
	screen_wait "Facets (0 on) of Documents (5 of 5)"
	filter aly
	screen_wait_row 2 "${l}[ ] Person Aly van Beek (3)"
	screen_keys Enter
	screen_wait_row 2 "${l}[x] Person Aly van Beek (3)"
	screen_wait "Facets (1 on) of Documents (3 of 5)"
	# the kind's name finds all its values, most documents first
	filter person
	screen_wait_row 2 "${l}[x] Person Aly van Beek (3)"
	screen_wait_row 3 "${l}[ ] Person Marijke Vos (3)"
	screen_keys j Enter
	screen_wait_row 3 "${l}[x] Person Marijke Vos (3)"
	screen_wait "Facets (2 on) of Documents (4 of 5)"

	screen_keys F
	screen_wait "Documents (4 of 5) · Aly van"
	screen_wait_row 2 "${l}2013-11-24 Verslag werkbezoek"
	screen_wait_row 3 "${l}2014-11-05 Werkbezoek MOgroep"
	screen_wait_row 4 "${l}2015 Innovatie begint klein"
	screen_wait_row 5 "${l}2017-05-11 Over grenzen heen"
	# the document list's & filter on top of the facets
	filter grenzen
	screen_wait "Documents (1 of 5)"
	screen_wait_row 2 "${l}2017-05-11 Over grenzen heen"
	screen_keys '&' Escape
	screen_wait "Documents (4 of 5)"

	# an organisation: AND across kinds
	screen_keys F
	filter tinten
	screen_wait_row 2 "${l}[ ] Org Tinten (2)"
	screen_keys Enter
	screen_wait "Facets (3 on) of Documents (2 of 5)"
	screen_keys Enter
	screen_wait "Facets (2 on) of Documents (4 of 5)"
	screen_keys F
	screen_wait "Documents (4 of 5) · Aly van"
	# R loads the corpus again: the panes are made anew, the facets kept
	screen_keys R
	screen_wait "loaded again (5 documents)"
	screen_wait "Documents (4 of 5) · Aly van"
	screen_wait_row 5 "${l}2017-05-11 Over grenzen heen"

	# quit: the session keeps the two persons
	screen_keys Q
	screen_wait_exit
	screen_check_restored "${cols}x${rows} first run"
	grep -q '^facet entity aly-van-beek$' "$XDG_STATE_HOME/werkbezoek/session"
	ok $? "${cols}x${rows}: the session file names the facet by entity id"

	# the reader shows the page it showed (at 80x24 alone): 1 for the list
	screen_start "$cols" "$rows" "$top_srcdir/corpus"
	noordermaat
	screen_keys 1
	screen_wait "Documents (4 of 5) · Aly van"
	screen_keys F
	screen_wait "Facets (2 on) of Documents (4 of 5)"
	screen_keys X
	screen_wait "Facets (0 on) of Documents (5 of 5)"
	screen_keys Q
	screen_wait_exit

	screen_start "$cols" "$rows" "$top_srcdir/corpus"
	noordermaat
	screen_keys 1
	screen_wait "Documents (5)"
	screen_keys Q
	screen_wait_exit
	screen_check_restored "${cols}x${rows}"
}

run 80 24 ""
run 132 40 "│"
done_testing
