# screen.sh: drive the real werkbezoek binary in a real terminal (tmux).
#
# Source after tap.sh.  Each test gets its own tmux server socket in its
# scratch directory, so screen tests run in parallel.  The program runs with
# TERM=tmux-256color, LANG=C.UTF-8 and TZ=UTC unless the test overrides
# them (SCREEN_ENV="NO_COLOR=1 ..."), inside a small wrapper shell that
# records the terminal settings before and after, and the exit status.
#
# Nothing here sleeps a fixed time: screen_wait polls capture-pane until
# the expected text is on the screen or the timeout passes.
#
#   screen_start COLS ROWS [ARG...]   start werkbezoek ARG... in a new pane
#   screen_keys KEY...                tmux send-keys (key names: Enter, Up, C-c …)
#   screen_type TEXT                  send TEXT literally
#   screen_wait TEXT [SECONDS]        poll until TEXT (fixed string) is shown
#   screen_wait_gone TEXT [SECONDS]   poll until TEXT is no longer shown
#   screen_capture                    print the screen now
#   screen_resize COLS ROWS           resize the window
#   screen_wait_exit [SECONDS]        poll until the program has exited
#   screen_check_restored NAME        the terminal is as before (TAP checks)
#   screen_signal SIG                 send a signal to the program
#
# The session file goes to $TEST_TMP/state (XDG_STATE_HOME), or to
# $SCREEN_STATE when the test sets it.

SCREEN_TIMEOUT=${SCREEN_TIMEOUT:-15}
# Each test has its own session state, never the user's.
XDG_STATE_HOME=${SCREEN_STATE:-$TEST_TMP/state}
export XDG_STATE_HOME
SCREEN_SOCK="$TEST_TMP/tmux.sock"
SCREEN_TARGET=wb0

if [ -z "${TMUX_BIN:-}" ]; then
	TMUX_BIN=$(command -v tmux || true)
fi
if [ -z "$TMUX_BIN" ] || [ ! -x "$TMUX_BIN" ]; then
	skip_all "tmux is not installed (apt-get install tmux)"
fi

stmux() {
	"$TMUX_BIN" -S "$SCREEN_SOCK" -f /dev/null "$@"
}

screen_cleanup() {
	stmux kill-server >/dev/null 2>&1
	rm -rf "$TEST_TMP"
}
trap screen_cleanup EXIT

screen_start() {
	local cols=$1 rows=$2 q arg
	shift 2
	q=""
	for arg in "$@"; do
		q="$q '$(printf '%s' "$arg" | sed "s/'/'\\\\''/g")'"
	done
	rm -f "$TEST_TMP/rc" "$TEST_TMP/stty.before" "$TEST_TMP/stty.after" \
		"$TEST_TMP/pid" "$TEST_TMP/release"
	# Sanitizer reports go to files the test can look at; the pane is
	# not a place to read them.  v runs "true" unless a test names an
	# editor in SCREEN_ENV: random keys must never start a real editor on
	# the corpus.
	cat >"$TEST_TMP/run.sh" <<SCRIPT
stty -g >"$TEST_TMP/stty.before"
echo \$\$ >"$TEST_TMP/pid"
exec env TERM=tmux-256color LANG=C.UTF-8 TZ=UTC LC_ALL= VISUAL= EDITOR=true \
	ASAN_OPTIONS="log_path=$TEST_TMP/asan:\${ASAN_OPTIONS:-}" \
	UBSAN_OPTIONS="log_path=$TEST_TMP/ubsan:\${UBSAN_OPTIONS:-}" \
	${SCREEN_ENV:-} "$WERKBEZOEK" $q
SCRIPT
	# Ctrl-C and Ctrl-\ typed in the pane signal its whole process group,
	# this wrapper too: it catches them (and so waits for the program, as
	# a shell with job control would) to record the program's exit.  A
	# caught signal is reset to the default in the program it starts.
	cat >"$TEST_TMP/wrap.sh" <<SCRIPT
trap : INT QUIT
sh "$TEST_TMP/run.sh"
echo \$? >"$TEST_TMP/rc.tmp"
stty -g >"$TEST_TMP/stty.after"
mv "$TEST_TMP/rc.tmp" "$TEST_TMP/rc"
# Keep the pane alive until the test has looked at the terminal's state:
# tmux reports a dead pane's cursor as hidden.
i=0
while [ ! -e "$TEST_TMP/release" ] && [ \$i -lt 1000 ]; do
	sleep 0.02
	i=\$((i + 1))
done
SCRIPT
	# A test may run the program several times: each run gets a session
	# of its own, and the last run's goes once the new one is there (the
	# server would exit with its last session, racing the next start).
	local old_target=$SCREEN_TARGET
	SCREEN_RUN=$((${SCREEN_RUN:-0} + 1))
	SCREEN_TARGET=wb$SCREEN_RUN
	stmux new-session -d -s "$SCREEN_TARGET" -x "$cols" -y "$rows" \
		"sh '$TEST_TMP/wrap.sh'" || return 1
	if [ "$SCREEN_RUN" -gt 1 ]; then
		stmux kill-session -t "$old_target" >/dev/null 2>&1
	fi
	stmux set-option -t "$SCREEN_TARGET" remain-on-exit on >/dev/null
	# The pid file appears once the shell that becomes werkbezoek runs.
	local i=0
	while [ ! -s "$TEST_TMP/pid" ]; do
		i=$((i + 1))
		[ $i -gt 1000 ] && return 1
		sleep 0.01
	done
	SCREEN_PID=$(cat "$TEST_TMP/pid")
}

screen_capture() {
	stmux capture-pane -p -t "$SCREEN_TARGET"
}

screen_keys() {
	stmux send-keys -t "$SCREEN_TARGET" "$@"
}

screen_type() {
	stmux send-keys -t "$SCREEN_TARGET" -l -- "$1"
}

screen_resize() {
	stmux resize-window -t "$SCREEN_TARGET" -x "$1" -y "$2"
}

screen_signal() {
	kill -s "$1" "$SCREEN_PID"
}

# _screen_poll SECONDS COMMAND...: runs COMMAND until it succeeds.
_screen_poll() {
	local limit=$1 start now
	shift
	start=$(date +%s%N)
	while :; do
		"$@" && return 0
		now=$(date +%s%N)
		[ $(((now - start) / 1000000)) -ge $((limit * 1000)) ] && return 1
		sleep 0.02
	done
}

_screen_has() {
	screen_capture | grep -qF -- "$1"
}

_screen_lacks() {
	! _screen_has "$1"
}

# screen_wait TEXT [SECONDS]: a TAP check that TEXT appears.
screen_wait() {
	if _screen_poll "${2:-$SCREEN_TIMEOUT}" _screen_has "$1"; then
		ok 0 "screen shows '$1'"
	else
		ok 1 "screen shows '$1'"
		diag "screen was:" "$(screen_capture)"
		return 1
	fi
}

screen_wait_gone() {
	if _screen_poll "${2:-$SCREEN_TIMEOUT}" _screen_lacks "$1"; then
		ok 0 "screen no longer shows '$1'"
	else
		ok 1 "screen no longer shows '$1'"
		diag "screen was:" "$(screen_capture)"
		return 1
	fi
}

_screen_exited() {
	[ -f "$TEST_TMP/rc" ]
}

# screen_wait_exit [SECONDS]: a TAP check that the program ended; leaves
# its exit status in $SCREEN_STATUS.
screen_wait_exit() {
	if _screen_poll "${1:-$SCREEN_TIMEOUT}" _screen_exited; then
		SCREEN_STATUS=$(cat "$TEST_TMP/rc")
		ok 0 "program exited (status $SCREEN_STATUS)"
	else
		SCREEN_STATUS=
		ok 1 "program exited"
		diag "screen was:" "$(screen_capture)"
		return 1
	fi
}

# screen_check_restored NAME: after exit, the terminal is as it was: the
# same stty settings, the normal screen (not the alternate one), the
# cursor visible, and no sanitizer report written.
screen_check_restored() {
	local state
	is "$(cat "$TEST_TMP/stty.after" 2>/dev/null)" \
		"$(cat "$TEST_TMP/stty.before" 2>/dev/null)" "$1: stty settings restored"
	# tmux reads the pane's last output asynchronously: poll for the state.
	_screen_poll 5 _screen_state_is "alternate=0 cursor=1 keypad=0"
	is "$(_screen_state)" "alternate=0 cursor=1 keypad=0" \
		"$1: normal screen, cursor shown, keypad off"
	touch "$TEST_TMP/release"
	screen_check_sanitizers "$1"
}

_screen_state() {
	stmux display-message -p -t "$SCREEN_TARGET" \
		'alternate=#{alternate_on} cursor=#{cursor_flag} keypad=#{keypad_flag}'
}

_screen_state_is() {
	[ "$(_screen_state)" = "$1" ]
}

screen_check_sanitizers() {
	local reports
	reports=$(cat "$TEST_TMP"/asan.* "$TEST_TMP"/ubsan.* 2>/dev/null)
	is "$reports" "" "$1: no sanitizer report"
}

# ---- additions for the screen tests (tests/screen/*.sh) -------------------
#
#   screen_row N                      print line N (1-based) of the screen
#   screen_wait_row N TEXT [SECONDS]  poll until line N contains TEXT
#   screen_capture_attrs              print the screen with its attributes
#                                     (capture-pane -e: SGR escapes)
#   screen_record FILE                append what the pane receives to FILE
#   screen_record_stop                stop recording
#   screen_wait_quiet FILE [SECONDS]  poll until FILE stops growing; prints
#                                     its size
#   screen_stop                       done with this run (after it exited):
#                                     let its wrapper end before the next
#                                     screen_start

screen_row() {
	screen_capture | sed -n "${1}p"
}

_screen_row_has() {
	screen_row "$1" | grep -qF -- "$2"
}

screen_wait_row() {
	if _screen_poll "${3:-$SCREEN_TIMEOUT}" _screen_row_has "$1" "$2"; then
		ok 0 "screen line $1 shows '$2'"
	else
		ok 1 "screen line $1 shows '$2'"
		diag "line $1 was: $(screen_row "$1")" "screen was:" "$(screen_capture)"
		return 1
	fi
}

screen_capture_attrs() {
	stmux capture-pane -p -e -t "$SCREEN_TARGET"
}

screen_record() {
	: >>"$1"
	stmux pipe-pane -o -t "$SCREEN_TARGET" "cat >>'$1'"
}

screen_record_stop() {
	stmux pipe-pane -t "$SCREEN_TARGET"
}

_screen_size() {
	wc -c <"$1" | tr -d ' '
}

# The file is quiet once its size has not changed over ten polls in a row
# (about 0.2 s): tmux passes output on as it reads it.
_screen_quiet() {
	local now
	now=$(_screen_size "$1")
	if [ "$now" = "$_screen_last_size" ]; then
		_screen_same=$((_screen_same + 1))
	else
		_screen_same=0
		_screen_last_size=$now
	fi
	[ "$_screen_same" -ge 10 ]
}

screen_wait_quiet() {
	_screen_last_size=-1
	_screen_same=0
	_screen_poll "${2:-$SCREEN_TIMEOUT}" _screen_quiet "$1"
	_screen_size "$1"
}

# The session itself stays: the next screen_start removes it once its own
# is there (the server would exit with its last session).
screen_stop() {
	touch "$TEST_TMP/release"
}
