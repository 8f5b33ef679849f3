# faults.sh: the program survives the faults of a remote session, or ends
# cleanly on them.  Proved here:
#  (a) the terminal gone (an SSH drop): the tmux pane killed, and the whole
#      tmux server killed: the program ends within 2 s, and does not spin
#      while it goes (its CPU time over the wait stays under 0.5 s);
#  (b) SIGHUP and SIGTERM end it within 2 s with the terminal restored;
#  (c) Ctrl-Z from an interactive shell (bash --norc -i in the pane): the
#      shell's prompt comes back on the normal screen (alternate_on 0) with
#      the program stopped; fg brings it back redrawn (the pane titles, on
#      the alternate screen), and q then ends it and restores the terminal;
#  (d) a slow terminal: the program's output relayed at 2,000 bytes/s by
#      tests/stress/ptyrelay.py (its own pty, whose reader is slow, so its
#      writes block); 200 keys that each redraw the screen, then q: the
#      program ends within a few seconds (FAULTS_SLOW_LIMIT, 10 s).
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

# Under AddressSanitizer, LeakSanitizer scans the heap at exit, which
# takes a second or two of CPU: that is not the program spinning on a dead
# terminal, which is what these timings are for.  Leaks are checked by
# every other test.
if grep -qa '__asan_init' "$WERKBEZOEK" 2>/dev/null; then
	ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
	export ASAN_OPTIONS
fi

PYTHON3=${PYTHON3:-$(command -v python3 || true)}
[ -n "$PYTHON3" ] || skip_all "python3 is needed for the slow-terminal relay"
BASH_BIN=$(command -v bash || true)
[ -n "$BASH_BIN" ] || skip_all "bash is needed for the job-control test"
CORPUS="$top_srcdir/corpus"
FAULTS_SLOW_LIMIT=${FAULTS_SLOW_LIMIT:-10}
FAULTS_SLOW_ROUNDS=${FAULTS_SLOW_ROUNDS:-40}   # 5 keys a round
TICKS=$(getconf CLK_TCK 2>/dev/null || echo 100)

now_ms() {
	echo $(($(date +%s%N) / 1000000))
}

cpu_ticks() {  # PID: utime + stime
	sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }'
}

# gone_within PID MS: polls until PID is gone; leaves $gone_ms, $spin_ticks
# (CPU ticks the process used while we waited).
gone_within() {
	local pid=$1 limit=$2 t0 c0 c
	t0=$(now_ms)
	c0=$(cpu_ticks "$pid")
	c0=${c0:-0}
	spin_ticks=0
	while kill -0 "$pid" 2>/dev/null; do
		# a zombie has ended: its parent has not reaped it yet
		case $(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -c1) in
		Z | X | '') break ;;
		esac
		c=$(cpu_ticks "$pid")
		[ -n "$c" ] && spin_ticks=$((c - c0))
		gone_ms=$(($(now_ms) - t0))
		[ "$gone_ms" -ge "$limit" ] && return 1
		sleep 0.02
	done
	gone_ms=$(($(now_ms) - t0))
	return 0
}

# ---- (a) the terminal gone -------------------------------------------------
for how in kill-pane kill-server; do
	screen_start 100 30 --no-session "$CORPUS"
	screen_wait "Documents (5)"
	pid=$SCREEN_PID
	if [ "$how" = kill-pane ]; then
		stmux kill-pane -t "$SCREEN_TARGET"
	else
		stmux kill-server
	fi
	gone_within "$pid" 2000
	ok $? "$how: the program ended within 2 s (took ${gone_ms} ms)"
	ok "$([ "$spin_ticks" -lt $((TICKS / 2)) ]; echo $?)" \
		"$how: no spinning while it went ($spin_ticks CPU ticks of $TICKS/s)"
	diag "$how: ended after $gone_ms ms, CPU $spin_ticks ticks"
	kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
	screen_check_sanitizers "$how"
	touch "$TEST_TMP/release"
	stmux kill-server >/dev/null 2>&1
done

# ---- (b) SIGHUP and SIGTERM --------------------------------------------------
for sig in HUP TERM; do
	screen_start 100 30 --no-session "$CORPUS"
	screen_wait "Documents (5)"
	t0=$(now_ms)
	screen_signal "$sig"
	screen_wait_exit 2
	diag "SIG$sig: exit status ${SCREEN_STATUS:-none} after $(($(now_ms) - t0)) ms"
	screen_check_restored "SIG$sig"
	screen_stop
done

# ---- (c) Ctrl-Z and fg from an interactive shell -----------------------------
rm -f "$TEST_TMP"/asan.* "$TEST_TMP"/ubsan.*
stmux new-session -d -s job -x 100 -y 30 \
	"env -i PATH='$PATH' HOME='$TEST_TMP' TERM=tmux-256color LANG=C.UTF-8 TZ=UTC \
	XDG_STATE_HOME='$TEST_TMP/state' PS1='wbshell\$ ' \
	ASAN_OPTIONS='log_path=$TEST_TMP/asan' UBSAN_OPTIONS='log_path=$TEST_TMP/ubsan' \
	LSAN_OPTIONS='${LSAN_OPTIONS:-}' '$BASH_BIN' --norc --noprofile -i"
job_has() {
	stmux capture-pane -p -t job | grep -qF -- "$1"
}
job_state() {
	stmux display-message -p -t job '#{alternate_on}'
}
_screen_poll 10 job_has 'wbshell$'
ok $? "job control: the shell's prompt"
stmux send-keys -t job -l -- "'$WERKBEZOEK' --no-session '$CORPUS'"
stmux send-keys -t job Enter
_screen_poll 15 job_has "Documents (5)"
ok $? "job control: the program started from the shell"
shell_pid=$(stmux display-message -p -t job '#{pane_pid}')
job_pid=$(pgrep -P "$shell_pid" | head -1)
stmux send-keys -t job C-z
_screen_poll 5 job_has "Stopped"
ok $? "C-z: the shell says the job stopped"
_screen_poll 5 job_has 'wbshell$'
ok $? "C-z: the shell's prompt came back"
_screen_poll 5 sh -c "[ \"\$('$TMUX_BIN' -S '$SCREEN_SOCK' display-message -p -t job '#{alternate_on}')\" = 0 ]"
is "$(job_state)" 0 "C-z: the normal screen is back (alternate_on 0)"
is "$(sed 's/^.*) //' "/proc/$job_pid/stat" 2>/dev/null | cut -c1)" T "C-z: the program is stopped"
unlike "$(stmux capture-pane -p -t job)" "Documents \(5\)" "C-z: the program's screen is gone"
stmux send-keys -t job -l fg
stmux send-keys -t job Enter
_screen_poll 10 job_has "Documents (5)"
ok $? "fg: the screen is redrawn (the pane titles are back)"
is "$(job_state)" 1 "fg: on the alternate screen again"
stmux send-keys -t job 2 j
_screen_poll 5 job_has "line 2/"
ok $? "fg: the program answers keys"
stmux send-keys -t job q
gone_within "$job_pid" 5000
ok $? "after fg, q ends the program"
_screen_poll 5 sh -c "[ \"\$('$TMUX_BIN' -S '$SCREEN_SOCK' display-message -p -t job '#{alternate_on}#{cursor_flag}')\" = 01 ]"
is "$(stmux display-message -p -t job '#{alternate_on} #{cursor_flag}')" "0 1" \
	"after q: normal screen, cursor shown"
screen_check_sanitizers "job control"
stmux kill-session -t job >/dev/null 2>&1

# ---- (d) a slow terminal ---------------------------------------------------
rm -f "$TEST_TMP/relay.pid"
real=$WERKBEZOEK
WERKBEZOEK=$PYTHON3
screen_start 120 40 "$top_srcdir/tests/stress/ptyrelay.py" --rate 2000 \
	--pidfile "$TEST_TMP/relay.pid" -- "$real" --no-session "$CORPUS"
WERKBEZOEK=$real
_screen_poll 5 test -s "$TEST_TMP/relay.pid"
slow_pid=$(cat "$TEST_TMP/relay.pid" 2>/dev/null)
screen_wait "Documents (5)" 60
# 200 keys that each change the screen (down a page, up a page, to the
# reader and back, the help, back): far more output than 2,000 bytes/s
keys=""
i=0
while [ $i -lt "$FAULTS_SLOW_ROUNDS" ]; do
	keys="$keys 2 NPage NPage 1 ?"
	i=$((i + 1))
done
# shellcheck disable=SC2086
[ -n "$keys" ] && screen_keys $keys
t0=$(now_ms)
# Q: the keys end on the help page, where q goes back
screen_keys Q
if gone_within "$slow_pid" $((FAULTS_SLOW_LIMIT * 1000)); then
	ok 0 "slow terminal: Q ended the program within $FAULTS_SLOW_LIMIT s (took $gone_ms ms)"
	diag "slow terminal (2000 B/s): q to exit $gone_ms ms, CPU $spin_ticks ticks while waiting"
	screen_wait_exit 120
	is "$SCREEN_STATUS" 0 "slow terminal: exit status 0"
	diag "slow terminal: the relay delivered the rest and ended $(($(now_ms) - t0)) ms after q"
	screen_check_restored "slow terminal"
else
	ok 1 "slow terminal: Q ended the program within $FAULTS_SLOW_LIMIT s"
	diag "still running after $gone_ms ms (CPU $spin_ticks ticks): killed;" \
		"each queued key is drawn before the next is read (see tests/stress/README.md)"
	kill -KILL "$slow_pid" 2>/dev/null
	screen_check_sanitizers "slow terminal"
	screen_stop
fi
done_testing
