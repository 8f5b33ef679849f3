# Queries of text and entities after / and the :path page, at 80x24 and
# wide: a query's hits in the results pane, a query's error with its
# column, the chains between two entities with their evidence, a name on
# the page leading to the entity's page and back.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

for size in "80 24" "132 40"; do
	set -- $size
	screen_start "$1" "$2" "$top_srcdir/corpus"
	screen_wait "Documents (5)"
	# a query: werk… in the paragraphs that mention Tinten (11 hits, as
	# tests/cli/query.sh's oracle finds)
	screen_keys / ; screen_type 'werk\w* @tinten'; screen_keys Enter
	screen_wait "11 hits"
	screen_wait "samenwerkingsconstructies"
	screen_keys Escape
	# a query that cannot be read says where, as you type
	screen_keys / ; screen_type 'werk @tintin'
	screen_wait "column 6: no entity 'tintin'"
	screen_keys Escape Escape

	# :path: the chains from Aly van Beek to I-Kracht
	screen_keys : ; screen_type "path Aly van Beek, I-Kracht"; screen_keys Enter
	screen_wait "Path Aly van Beek"
	screen_wait "3 chains, the shortest first"
	screen_wait "Chain 1: 2 steps, cost 4"
	screen_wait "Aly van Beek — affiliation (directeur) → MOgroep"
	screen_wait "Chain 2: 3 steps, cost 5"
	# the first link is Aly van Beek's name: her page, and back
	screen_keys 2 Tab Enter
	screen_wait "Type: person"
	screen_keys BSpace
	screen_wait "Chain 1: 2 steps, cost 4"
	screen_keys : ; screen_type "path Aly van Beek Tintin"; screen_keys Enter
	screen_wait ":path: no entity 'Tintin'"
	screen_keys : ; screen_type quit; screen_keys Enter
	screen_wait_exit
	screen_check_restored "$1x$2"
done

done_testing
