# Facets on the Documents pane: F lists years, types and entities by kind
# (places, persons, organisations … most documents first) with their
# document counts, Enter toggles a value, F again shows the
# documents in the selection (OR within a kind, AND across kinds) with
# the values on in the title; the & filter combines with them and the
# counts are of the documents it lets through; X clears the facets, in
# either list.  F on the Entities pane limits it to the entities named in
# documents with search hits ("in results" in its title), F again all.
#
# At 80x24 the Documents pane fills rows 1-22; at 132x40 it is the left
# column, rows 1-19, and its title is cut at the pane's width.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

# Row N of the left column holds nothing (the screen was drawn at once,
# with the row waited for above it).
empty_row() {
	is "$(screen_row "$1" | cut -c1-38 | tr -d ' │')" "" "row $1 of the list is empty"
}

run() {
	cols=$1 rows=$2 l=$3
	screen_start "$cols" "$rows" --no-session "$top_srcdir/corpus"
	screen_wait "Documents (5)"

	screen_keys F
	screen_wait "Facets (0 on) of Documents (5 of 5)"
	screen_wait_row 2 "${l}[ ] Year 2012 (1)"
	screen_wait_row 8 "${l}[ ] Type werkbezoek (4)"
	screen_wait_row 9 "${l}[ ] Place Drenthe (3)"
	screen_wait_row 10 "${l}[ ] Place Emmen (2)"
	# werkbezoek (the 7th value), then Emmen (the 9th)
	screen_keys j j j j j j Enter
	screen_wait_row 8 "${l}[x] Type werkbezoek (4)"
	screen_wait "Facets (1 on) of Documents (4 of 5)"
	screen_keys j j Enter
	screen_wait_row 10 "${l}[x] Place Emmen (2)"
	screen_wait "Facets (2 on) of Documents (2 of 5)"

	# F: the two werkbezoek reports that name Emmen
	screen_keys F
	screen_wait "Documents (2 of 5) · werkbezoek · E"
	screen_wait_row 2 "${l}2012-11-01 De MOgroep op werkbezoek"
	screen_wait_row 3 "${l}2014-11-05 Werkbezoek MOgroep aan"
	empty_row 4

	# with the & filter too: only the 2014 one
	screen_keys '&'
	screen_type "tinten"
	screen_keys Enter
	screen_wait "Documents (1 of 5) · werkbezoek"
	screen_wait_row 2 "${l}2014-11-05 Werkbezoek MOgroep aan"
	empty_row 3
	# the counts are of the documents the & filter lets through
	screen_keys F
	screen_wait_row 2 "${l}[ ] Year 2012 (0)"
	screen_wait_row 4 "${l}[ ] Year 2014 (1)"
	screen_wait_row 8 "${l}[x] Type werkbezoek (1)"

	# X clears the facets (in the facet list too); Esc on & its filter
	screen_keys X
	screen_wait "Facets (0 on) of Documents (1 of 5)"
	screen_wait_row 8 "${l}[ ] Type werkbezoek (1)"
	screen_keys F
	screen_wait "Documents (1 of 5) &tinten"
	screen_keys '&' Escape
	screen_wait "Documents (5)"
	screen_wait_row 6 "${l}2017-05-11 Over grenzen heen"

	# F on the Entities pane: only the entities of documents with hits;
	# "Tinten" is in the 2013 and 2014 reports, neither of which names
	# Almelo
	screen_keys /
	screen_type "Tinten"
	screen_keys Enter
	# the whole search first: a key while it runs would stop it
	screen_wait "/14 hits"
	screen_keys 3
	screen_wait "Entities (122)"
	screen_wait "L Almelo "
	screen_keys F
	screen_wait "Entities (56 of 122) in results"
	screen_wait "entities: only those in documents with search hits"
	screen_wait "L Aa en Hunze "
	screen_wait "L Assen "
	screen_wait_gone "L Almelo "
	screen_keys F
	screen_wait "Entities (122)"
	screen_wait "L Almelo "

	screen_keys Q
	screen_wait_exit
	screen_check_restored "${cols}x${rows}"
}

run 80 24 ""
run 132 40 "│"
done_testing
