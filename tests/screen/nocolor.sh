# NO_COLOR: with NO_COLOR=1 in the environment the program runs, shows its
# text, and uses no colour at all (the pane's cells carry no foreground or
# background colour: capture-pane -e shows no 3x/4x/38;5/48;5 SGR code);
# emphasis is still there as bold and reverse video (the focused frame,
# the selection, search hits).  Without NO_COLOR the same screen does use
# colour, so the check above can fail.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

# an SGR sequence that sets a foreground or background colour (39 and 49,
# the default colours, do not count)
colour_re=$(printf '\033\\[([0-9]+;)*(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;[25]|48;[25])(;[0-9]+)*m')
reverse_re=$(printf '\033\\[([0-9]+;)*7(;[0-9]+)*m')
bold_re=$(printf '\033\\[([0-9]+;)*1(;[0-9]+)*m')

look() {  # look NAME: a screen with entities, a selection, search hits
	screen_start 120 40 --no-session "$top_srcdir/corpus"
	screen_wait "Documents (5)"
	screen_wait "De MOgroep op werkbezoek"
	screen_wait "P Aly van Beek"
	screen_keys /
	screen_type "Sedna"
	screen_wait "┌ /Sedna · 12 hits in 2 documents "
	screen_keys Enter
	screen_wait " 1/12 hits · ? help"
	screen_capture_attrs >"$TEST_TMP/attrs.$1"
	screen_keys q
	screen_wait_exit
	is "$SCREEN_STATUS" 0 "$1: q exits with status 0"
	screen_check_restored "$1: after q"
	screen_stop
}

SCREEN_ENV="NO_COLOR=1"
look "NO_COLOR=1"
attrs=$(cat "$TEST_TMP/attrs.NO_COLOR=1")
unlike "$attrs" "$colour_re" "NO_COLOR=1: no colour on the screen"
like "$attrs" "$reverse_re" "NO_COLOR=1: reverse video is used (selection, hits, status)"
like "$attrs" "$bold_re" "NO_COLOR=1: bold is used (the focused frame, headings)"
# the current hit differs from the other hits (it once looked the same:
# the link selected at the hit drew over it)
like "$attrs" "$(printf '\033\\[([0-9]+;)*4;7m')Sedna" \
	"NO_COLOR=1: the current hit is underlined reverse video"
like "$attrs" "$(printf '\033\\[(0;)?7m')Sedna" "NO_COLOR=1: the other hits are reverse video"

SCREEN_ENV=
look "colour"
attrs=$(cat "$TEST_TMP/attrs.colour")
like "$attrs" "$colour_re" "without NO_COLOR: colour is used"

# NO_COLOR set but empty means colour (no-color.org)
SCREEN_ENV="NO_COLOR="
look "NO_COLOR empty"
attrs=$(cat "$TEST_TMP/attrs.NO_COLOR empty")
like "$attrs" "$colour_re" "NO_COLOR set and empty: colour is used"
done_testing
