# The harness itself: werkbezoek starts in a real terminal, shows its first
# screen, quits on q, and leaves the terminal as it found it.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

screen_start 80 24
screen_wait "werkbezoek"
screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "q exits with status 0"
screen_check_restored "after q"
done_testing
