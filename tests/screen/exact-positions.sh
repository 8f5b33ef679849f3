# Places come back exactly: a mark (m a, g, ' a), the last jump ('' both
# ways, ten times over), back and forward, a resize to a wider terminal
# and back, and a restart with the saved session all return to the same
# top line, a blank line at the top included.  Once ' a landed one line
# off, each '' round trip moved two lines up and each restart one.  The
# search active on quit comes back with the session, its current hit too.
# At 80x24 and again at 200x60.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

tinten="Werkbezoek MOgroep aan Tinten (Groningen"

row_is() {
	[ "$(screen_row "$1")" = "$2" ]
}

# goto N: :N, and the status line says so
goto() {
	screen_keys :
	screen_type "$1"
	screen_keys Enter
	screen_wait "line $1/"
}

for size in "80 24 9 11 21" "200 60 6 9 14"; do
	set -- $size
	cols=$1 rows=$2
	shift 2
	rm -rf "$TEST_TMP/state"
	screen_start "$cols" "$rows" "$top_srcdir/corpus"
	screen_wait "Documents (5)"
	screen_keys :
	screen_type "open tinten"
	screen_keys Enter
	screen_wait "$tinten"
	for n in "$@"; do
		goto "$n"
		row2=$(screen_row 2)
		screen_keys m a g
		screen_wait "line 1/"
		screen_keys "'" a
		screen_wait "line $n/"
		_screen_poll 5 row_is 2 "$row2"
		is "$(screen_row 2)" "$row2" "' a: the same top line as m a ($n, $cols x $rows)"
		moved=
		for i in 1 2 3 4 5 6 7 8 9 10; do
			screen_keys "'" "'"
			_screen_poll 5 _screen_has "line 1/" || moved="$moved $i:there"
			screen_keys "'" "'"
			_screen_poll 5 _screen_has "line $n/" || moved="$moved $i:back"
		done
		is "$moved" "" "'' ten times there and back: no drift ($n, $cols x $rows)"
		is "$(screen_row 2)" "$row2" "and the same top line"
	done
	# back and forward
	n=$1
	goto "$n"
	screen_keys : ; screen_type "open almelo"; screen_keys Enter
	screen_wait "Over grenzen heen"
	screen_keys BSpace
	screen_wait "line $n/"
	screen_keys L
	screen_wait "Over grenzen heen"
	screen_keys BSpace
	screen_wait "line $n/"
	# a resize there and back
	row2=$(screen_row 2)
	status=$(screen_row "$rows" | grep -o "line $n/[0-9]*")
	screen_resize 120 40
	screen_wait_gone "$status"
	screen_resize "$cols" "$rows"
	screen_wait "$status"
	_screen_poll 5 row_is 2 "$row2"
	is "$(screen_row 2)" "$row2" "a resize there and back: the same top line ($cols x $rows)"
	# a search, kept, then quit: the session has the place and the search
	screen_keys /
	screen_type "Sedna"
	screen_keys Enter
	screen_wait "/12 hits · ? help"
	hit=$(screen_row "$rows" | sed -n 's|.* \([0-9]*\)/12 hits.*|\1|p')
	screen_keys n
	hit=$((hit + 1))
	screen_wait "$hit/12 hits"
	goto "$n"
	screen_keys q
	screen_wait_exit
	screen_stop
	for restart in 1 2 3; do
		screen_start "$cols" "$rows" "$top_srcdir/corpus"
		screen_wait "line $n/"
		_screen_poll 5 row_is 2 "$row2"
		is "$(screen_row 2)" "$row2" "restart $restart: the same top line ($cols x $rows)"
		screen_wait " $hit/12 hits"
		screen_keys n
		screen_wait " $((hit + 1))/12 hits"
		screen_keys N
		screen_wait " $hit/12 hits"
		# n and N moved the reader: back to the line for the next run
		goto "$n"
		screen_keys q
		screen_wait_exit
		is "$SCREEN_STATUS" 0 "q exits with status 0"
		screen_stop
	done
done
done_testing
