# The selected link comes back exactly: after a mark (m a, elsewhere, ' a),
# '' both ways, following it and coming back (Backspace), and a restart
# with the saved session, the same link on the same line is selected.
# At 80x24 and again at 200x60.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

tinten="Werkbezoek MOgroep aan Tinten (Groningen"
esc=$(printf '\033')

# The selected link (reverse video) as "ROW:TEXT", the first one on screen;
# a list's current line (reverse video from its left border on) is not.
selected() {
	screen_capture_attrs | sed "s/│\\($esc\\[[0-9;]*m\\)*$esc\\[\\([0-9]*;\\)*7m[^$esc]*//g" |
		grep -n "$esc\\[\\([0-9]*;\\)*7m" |
		sed "s/^\\([0-9]*\\):.*$esc\\[\\([0-9]*;\\)*7m\\($esc\\[[0-9;]*m\\)*\\([^$esc]*\\).*/\\1:\\4/" |
		grep -v ':$' | head -1
}
selected_is() {
	[ "$(selected)" = "$1" ]
}
# waits until the selected link is $1, then says so
expect_selected() {
	_screen_poll 5 selected_is "$1"
	is "$(selected)" "$1" "$2 ($cols x $rows)"
}

for size in "80 24" "200 60"; do
	set -- $size
	cols=$1 rows=$2
	rm -rf "$TEST_TMP/state"
	screen_start "$cols" "$rows" "$top_srcdir/corpus"
	screen_wait "Documents (5)"
	screen_keys : ; screen_type "open tinten"; screen_keys Enter
	screen_wait "$tinten"
	screen_keys : ; screen_type 12; screen_keys Enter
	screen_wait "line 12/"
	# three Tabs, each waited for (a capture taken while the second or
	# third is still on its way would see an earlier link)
	want=
	for tab in 1 2 3; do
		screen_keys Tab
		_screen_poll 5 eval '[ -n "$(selected)" ] && [ "$(selected)" != "$want" ]'
		want=$(selected)
	done
	ok "$([ -n "$want" ] && echo 0 || echo 1)" "Tab selects a link: '$want' ($cols x $rows)"

	# a mark keeps it
	screen_keys m a
	screen_keys g
	screen_wait "line 1/"
	screen_keys Tab
	screen_keys "'" a
	screen_wait "line 12/"
	expect_selected "$want" "' a: the link selected at m a"

	# '' there and back
	screen_keys "'" "'"
	screen_wait "line 1/"
	screen_keys "'" "'"
	screen_wait "line 12/"
	expect_selected "$want" "'' twice: the same link"

	# follow it, then back
	screen_keys Enter
	screen_wait_gone "line 12/"
	screen_keys BSpace
	screen_wait "line 12/"
	expect_selected "$want" "Backspace: the link followed is selected"

	# a restart with the saved session
	screen_keys Q
	screen_wait_exit
	screen_stop
	screen_start "$cols" "$rows" "$top_srcdir/corpus"
	screen_wait "line 12/"
	expect_selected "$want" "the session: the link selected on quit"
	screen_keys Q
	screen_wait_exit
	screen_stop
done
done_testing
