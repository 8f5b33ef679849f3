# Signals end the program cleanly: for SIGTERM, SIGINT, SIGHUP and SIGQUIT
# sent to the running program, for Ctrl-\ typed at it, and for
# SIGTERM while the / prompt is open (the cursor is on then), it exits
# within the timeout and leaves the terminal as it found it (stty settings,
# normal screen, cursor shown, keypad off).  The exit status is reported as
# a diagnostic, not checked: the manual page does not fix it.
#
# Not tested here: Ctrl-Z (SIGTSTP) and fg.  Suspending needs a shell with
# job control in the pane to resume the program; the program runs under a
# plain wrapper here.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

start() {
	screen_start 100 30 --no-session "$top_srcdir/corpus"
	screen_wait "Documents (5)"
}

finish() {  # finish NAME
	screen_wait_exit
	diag "$1: exit status $SCREEN_STATUS"
	screen_check_restored "$1"
	screen_stop
}

for sig in TERM INT HUP QUIT; do
	start
	screen_signal "$sig"
	finish "SIG$sig"
done

# Ctrl-C typed is a key, not SIGINT: as in less it quits nothing; in the
# / prompt it cancels the prompt
start
screen_keys C-c
screen_wait "nothing to cancel (q quits)"
screen_keys /
screen_type "Sedna"
screen_wait "/Sedna · 12 hits"
screen_keys C-c
screen_wait_gone "/Sedna · 12 hits"
screen_wait "? help"
screen_keys q
finish "Ctrl-C, then q"

start
screen_keys 'C-\'
finish 'Ctrl-\'

# a signal while the prompt shows the cursor
start
screen_keys /
screen_type "Sedna"
screen_wait "/Sedna · 12 hits"
screen_signal TERM
finish "SIGTERM at the / prompt"

# a signal while a document is scrolled and the layout is maximised
start
screen_keys 2 z Space
screen_wait_gone "Documents (5)"
screen_signal HUP
finish "SIGHUP, reader maximised"
done_testing
