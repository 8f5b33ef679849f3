# The :collocates page at 80x24 and wide: of the current search (the
# figures --collocates prints, tests/cli/collocates.sh checks them against
# an oracle), of a query given to it, back to the first, its errors, and
# the page coming back with the session.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

for size in "80 24" "132 40"; do
	set -- $size
	screen_start "$1" "$2" "$top_srcdir/corpus"
	screen_wait "Documents (5)"
	if [ "$1" = 80 ]; then
		# nothing to be the collocates of yet
		screen_keys : ; screen_type collocates; screen_keys Enter
		screen_wait ":collocates wants a search first"
	else
		# the session brought back the page the first run ended on
		screen_wait "Collocates: zorg"
		screen_wait "24.9      4      4  beleidsadviseur"
	fi
	# the current search's
	screen_keys / ; screen_type 'zorg\w*'; screen_keys Enter
	screen_wait "34 hits"
	screen_keys : ; screen_type collocates; screen_keys Enter
	screen_wait "Collocates: zorg"
	screen_wait "34 hits. The words most over-represented"
	screen_wait "G2   near  total  word"
	screen_wait "24.9      4      4  beleidsadviseur"
	screen_wait "23.3      9     27  nederland"
	# a query of its own, then back
	screen_keys : ; screen_type 'collocates Sedna'; screen_keys Enter
	screen_wait "Collocates: Sedna"
	screen_wait "28.1      5     12  emmen"
	screen_keys BSpace
	screen_wait "Collocates: zorg"
	# an invalid query says where
	screen_keys : ; screen_type 'collocates werk @tintin'; screen_keys Enter
	screen_wait ":collocates: at column 6: no entity 'tintin'"
	screen_keys : ; screen_type quit; screen_keys Enter
	screen_wait_exit
	screen_check_restored "$1x$2"
done

done_testing
