# The mouse, with xterm's SGR (1006) reports sent through tmux, at 80x24
# and at 200x60: a click on a list selects the line under it and focuses
# the pane, a click on a name in the reader follows the link, the wheel
# scrolls the pane under the pointer three lines a notch.  The program
# turns reporting on (tmux's mouse flags) and off again on the way out;
# set nomouse leaves it off.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

tinten="Werkbezoek MOgroep aan Tinten (Groningen & Drenthe)"

# click X Y, wheel up|down X Y: 1-based cells, as the terminal reports them
click() { screen_type "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$1" "$2" "$1" "$2")"; }
wheel() { screen_type "$(printf '\033[<%d;%d;%dM' "$([ "$1" = up ] && echo 64 || echo 65)" "$2" "$3")"; }
flags() { stmux display-message -p -t "$SCREEN_TARGET" 'sgr=#{mouse_sgr_flag} button=#{mouse_standard_flag}'; }
flags_are() { [ "$(flags)" = "$1" ]; }

# --- 80x24: one pane at a time ----------------------------------------------
screen_start 80 24 --no-session "$top_srcdir/corpus"
screen_wait "Documents (5)"
_screen_poll 5 flags_are "sgr=1 button=1"
is "$(flags)" "sgr=1 button=1" "80x24: mouse reporting is on, SGR encoded"
# the third document is on row 4
click 5 4
screen_wait_row 24 " Documents "
screen_keys Enter
# the reader alone is bare: its text from row 1, its title in the status line
screen_wait_row 24 " 2 Werkbezoek MOgroep aan Tinten"
screen_wait_row 1 "$tinten"
screen_wait "line 1/151"
wheel down 10 10
screen_wait "line 4/151"
wheel down 10 10
screen_wait "line 7/151"
wheel up 10 10
screen_wait "line 4/151"
wheel up 10 10
screen_wait "line 1/151"
# row 4 is "Places: Emmen, Stadskanaal": a click on Stadskanaal
click 20 4
screen_wait_row 24 " 2 Stadskanaal · place"
screen_wait_row 1 "Stadskanaal"
screen_keys BSpace
screen_wait_row 24 " 2 Werkbezoek MOgroep aan Tinten"
screen_wait_row 1 "$tinten"
# a click beside the text follows nothing: the j after it still scrolls
# Tinten (its status line lean, the position alone)
click 79 7
screen_keys j
screen_wait_row 24 "line 2/151"
screen_wait_row 1 "Date: 2014-11-05"
screen_keys Q
screen_wait_exit
is "$SCREEN_STATUS" 0 "Q exits with status 0"
screen_check_restored "mouse at 80x24"
_screen_poll 5 flags_are "sgr=0 button=0"
is "$(flags)" "sgr=0 button=0" "80x24: mouse reporting is off again after the program"
screen_stop

# --- 200x60: the panes side by side ------------------------------------------
screen_start 200 60 --no-session "$top_srcdir/corpus"
screen_wait "┌ Documents (5)"
# a click on Tinten in the Documents list previews it in the reader
click 5 4
screen_wait "┌ $tinten"
# the wheel over the reader scrolls it, whatever pane has the focus
row=$(screen_row 2 | cut -c60-)
wheel down 100 10
screen_wait_gone "$row"
# a click in the reader focuses it
click 150 3
screen_wait_row 60 "$tinten"
screen_wait_row 60 "line 4/"
# a click on Entities focuses that pane and selects the entity
name=$(screen_row 33 | sed 's/^│[A-Z] //; s/ *[0-9]*│.*//')
click 5 33
screen_wait_row 60 " Entities "
screen_keys Enter
screen_wait "┌ $name · "
screen_keys Q
screen_wait_exit
screen_check_restored "mouse at 200x60"
screen_stop

# --- set nomouse ------------------------------------------------------------------
printf 'set nomouse\n' >"$TEST_TMP/config"
screen_start 80 24 --no-session --config "$TEST_TMP/config" "$top_srcdir/corpus"
screen_wait "Documents (5)"
is "$(flags)" "sgr=0 button=0" "set nomouse: no mouse reporting"
screen_keys :
screen_type "set mouse"
screen_keys Enter
_screen_poll 5 flags_are "sgr=1 button=1"
is "$(flags)" "sgr=1 button=1" ":set mouse turns it on"
screen_keys Q
screen_wait_exit
screen_check_restored "set nomouse"
done_testing
