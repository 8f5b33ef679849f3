# A real SSH login: OpenSSH's sshd (Debian's openssh-server) started on
# 127.0.0.1 on a free port with a throwaway host key and user key in the
# test's directory, and `ssh -tt` in a tmux window driving the browser over
# the real connection at 80x24:
# - start, search as you type (the count in the prompt), Enter, open a
#   document by its title;
# - resize the client's window: the change reaches the program over SSH
#   (at 100x30 the panes are side by side in frames);
# - kill the client (SIGKILL, as a dropped connection): the server-side
#   werkbezoek exits within a second and has saved the session;
# - a login whose sshd_config says ForceCommand werkbezoek: the browser
#   starts without a command, and q ends the login.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

SSHD=${SSHD:-/usr/sbin/sshd}
if [ ! -x "$SSHD" ] || ! command -v ssh >/dev/null || ! command -v ssh-keygen >/dev/null; then
	skip_all "OpenSSH is not installed (apt-get install openssh-server openssh-client)"
fi

d="$TEST_TMP/ssh"
mkdir -p "$d" "$TEST_TMP/state"
chmod 700 "$d"
ssh-keygen -q -t ed25519 -N '' -f "$d/host_key" || exit 1
ssh-keygen -q -t ed25519 -N '' -f "$d/user_key" || exit 1
cp "$d/user_key.pub" "$d/authorized_keys"
# sshd run by root wants its privilege separation directory, which Debian
# makes at boot
if [ "$(id -u)" -eq 0 ] && [ ! -d /run/sshd ]; then
	mkdir -p /run/sshd && chmod 755 /run/sshd
fi

# Two free ports: a normal login on the first, ForceCommand on the second.
ports=$(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')
set -- $ports
port=$1 forced_port=$2
me=$(id -un)
abs_corpus=$(cd "$top_srcdir/corpus" && pwd)
case $WERKBEZOEK in /*) bin=$WERKBEZOEK ;; *) bin=$PWD/$WERKBEZOEK ;; esac
# What the login runs: the program's pid goes to a file first, so the test
# can see the server side end; the session goes to the test's state.
cat >"$d/run.sh" <<SCRIPT
echo \$\$ >"$d/remote.pid"
exec env TERM=tmux-256color LANG=C.UTF-8 TZ=UTC XDG_STATE_HOME="$TEST_TMP/state" \
	"$bin" "\$@" "$abs_corpus"
SCRIPT
cat >"$d/sshd_config" <<CONF
ListenAddress 127.0.0.1
Port $port
Port $forced_port
HostKey $d/host_key
PidFile $d/sshd.pid
AuthorizedKeysFile $d/authorized_keys
AllowUsers $me
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
PrintMotd no
PrintLastLog no
Banner none
ClientAliveInterval 0
Match LocalPort $forced_port
	ForceCommand sh $d/run.sh
CONF
"$SSHD" -D -e -f "$d/sshd_config" -E "$d/sshd.log" &
sshd_pid=$!
stop_sshd() {
	kill "$sshd_pid" 2>/dev/null
	wait "$sshd_pid" 2>/dev/null
	screen_cleanup
}
trap stop_sshd EXIT

_listening() {
	python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 1)' \
		"$1" 2>/dev/null
}
if _screen_poll 10 _listening "$port"; then
	ok 0 "sshd listens on 127.0.0.1:$port"
else
	ok 1 "sshd listens on 127.0.0.1:$port"
	diag "$(cat "$d/sshd.log")"
	done_testing
	exit 1
fi

# ssh_start COLS ROWS PORT [COMMAND]: ssh -tt in a new tmux window
ssh_start() {
	local cols=$1 rows=$2 p=$3
	shift 3
	rm -f "$d/remote.pid"
	SCREEN_RUN=$((${SCREEN_RUN:-0} + 1))
	SCREEN_TARGET=ssh$SCREEN_RUN
	stmux new-session -d -s "$SCREEN_TARGET" -x "$cols" -y "$rows" \
		"ssh -tt -F /dev/null -i '$d/user_key' -p $p -o BatchMode=yes \
		 -o StrictHostKeyChecking=no -o UserKnownHostsFile='$d/known_hosts' \
		 -o LogLevel=ERROR $me@127.0.0.1 $*; echo ssh-ended \$?; sleep 30"
	stmux set-option -t "$SCREEN_TARGET" remain-on-exit on >/dev/null
}

# running: there, and not a zombie its parent has yet to reap
_remote_running() {
	local st
	[ -s "$d/remote.pid" ] || return 1
	st=$(ps -o stat= -p "$(cat "$d/remote.pid")" 2>/dev/null) || return 1
	case $st in Z*) return 1 ;; esac
	return 0
}
_remote_gone() {
	! _remote_running
}

# --- a login with a command -------------------------------------------------
ssh_start 80 24 "$port" "sh $d/run.sh"
screen_wait "Documents (5)" 20 || diag "$(cat "$d/sshd.log")"
ok "$(_screen_poll 5 _remote_running; echo $?)" "werkbezoek runs on the server side"
screen_keys /
screen_type "Sedna"
screen_wait_row 24 "/Sedna"
screen_wait_row 24 "1/12 hits"
screen_keys Enter
screen_wait "1/12 hits · ? help"
screen_keys :
screen_type "open tinten"
screen_keys Enter
# the reader alone is bare: its text from row 1, its title in the status line
screen_wait_row 24 " 2 Werkbezoek MOgroep aan Tinten"
screen_wait_row 1 "Werkbezoek MOgroep aan Tinten (Groningen & Drenthe)"

# the window grows: sshd passes the new size on, the layout changes
screen_resize 100 30
screen_wait "┌ Documents (5) "
screen_wait "┌ Werkbezoek MOgroep aan Tinten"
screen_resize 80 24
screen_wait_gone "┌ Documents (5) "
screen_wait_row 24 " 2 Werkbezoek MOgroep aan Tinten"

# the client dies: the server side ends within a second, session saved
client=$(stmux display-message -p -t "$SCREEN_TARGET" '#{pane_pid}')
ssh_pid=$(pgrep -P "$client" -x ssh)
ok "$([ -n "$ssh_pid" ]; echo $?)" "the ssh client runs (pid $ssh_pid)"
kill -KILL "$ssh_pid"
t0=$(date +%s%N)
if _screen_poll 1 _remote_gone; then
	ok 0 "the server-side werkbezoek exited within a second"
	diag "gone after $((($(date +%s%N) - t0) / 1000000)) ms"
else
	ok 1 "the server-side werkbezoek exited within a second"
	_screen_poll 10 _remote_gone
	diag "gone after $((($(date +%s%N) - t0) / 1000000)) ms" "$(cat "$d/sshd.log")"
	kill -KILL "$(cat "$d/remote.pid")" 2>/dev/null
fi
session="$TEST_TMP/state/werkbezoek/session"
_saved() { grep -q '^page doc doc-2014-11-05-tinten ' "$session" 2>/dev/null; }
ok "$(_screen_poll 2 _saved; echo $?)" "the session was saved with the page open"
like "$(cat "$session" 2>/dev/null)" "active Sedna " "and the active search"

# --- ForceCommand -----------------------------------------------------------
ssh_start 80 24 "$forced_port"
# the saved session brings the reader back to Tinten
screen_wait "Werkbezoek MOgroep aan Tinten" 20 || diag "$(cat "$d/sshd.log")"
screen_wait "/12 hits · ? help"
screen_keys Q
screen_wait "ssh-ended 0"
ok "$(_screen_poll 2 _remote_gone; echo $?)" "the program ended with the login"
done_testing
