# The config file, at 80x24 and at 200x60: bind, color and set lines are
# read from --config FILE, from $WERKBEZOEK_CONFIG and from
# $XDG_CONFIG_HOME/werkbezoek/config; a wrong line is reported as
# file:line in the status line and the others still count; :set changes
# an option with its indicator in the status line (the full one: a scroll
# of the reader alone leaves it lean, the position alone); :source reads a
# file while the browser runs; set width=N keeps the reader's lines that
# wide.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

cfg="$TEST_TMP/my-config"
cat >"$cfg" <<'CONF'
# werkbezoek test config
bind x move-down
color current-hit black green bold

bind y nothing
set width=60
CONF
more="$TEST_TMP/more-keys"
printf 'bind z quit-now\n' >"$more"
mkdir -p "$TEST_TMP/xdg/werkbezoek"
printf 'set fold\nset ignorecase\n' >"$TEST_TMP/xdg/werkbezoek/config"

# the widest line of the reader's text on the screen (the reader alone is
# bare: rows 1 to N-1)
widest() {
	screen_capture | sed -n "1,$(($1 - 1))p" | python3 -c '
import sys
print(max([len(l.rstrip()) for l in sys.stdin.buffer.read().decode().splitlines()] + [0]))'
}

for size in "80 24" "200 60"; do
	set -- $size
	cols=$1 rows=$2
	screen_start "$cols" "$rows" --no-session --config "$cfg" "$top_srcdir/corpus"
	screen_wait_row "$rows" "$cfg:5: no request named 'nothing'"
	screen_wait_row "$rows" "w60 · ? help"
	screen_keys 1 Enter
	screen_wait "line 1/302 · w60"
	# x is bound to move-down; at 80x24, where the reader is alone, the
	# status line is then lean, at 200x60 it is in full
	screen_keys x
	if [ "$cols" -eq 80 ]; then
		screen_wait_row "$rows" "line 2/302"
		is "$(screen_row "$rows" | sed 's/ *$//')" "line 2/302" \
			"x scrolls as j does: the status line is lean ($cols x $rows)"
	else
		screen_wait "line 2/302 · w60"
	fi
	# the reader alone on the screen, its lines from the first column
	if [ "$cols" -eq 200 ]; then
		screen_keys z
		screen_wait_gone "Documents (5)"
	fi
	w=$(widest "$rows")
	ok "$([ "$w" -le 60 ] && [ "$w" -gt 40 ]; echo $?)" "lines of at most 60 columns ($w, $cols x $rows)"
	# :set
	screen_keys :
	screen_type "set width=0"
	screen_keys Enter
	screen_wait_gone "w60"
	screen_wait "w0 · ? help"
	screen_keys :
	screen_type "set fold"
	screen_keys Enter
	screen_wait "fold · w0"
	screen_keys :
	screen_type "set nosuch"
	screen_keys Enter
	screen_wait_row "$rows" "no option 'nosuch'"
	# :source: z quits now
	screen_keys :
	screen_type "source $more"
	screen_keys Enter
	screen_wait_row "$rows" "read $more"
	screen_keys z
	screen_wait_exit
	is "$SCREEN_STATUS" 0 "z, bound by :source, quits ($cols x $rows)"
	screen_check_restored "config at $cols x $rows"
	screen_stop
done

# $WERKBEZOEK_CONFIG, and the XDG file when nothing names one
SCREEN_ENV="WERKBEZOEK_CONFIG=$more"
screen_start 80 24 --no-session "$top_srcdir/corpus"
screen_wait "Documents (5)"
screen_keys z
screen_wait_exit
is "$SCREEN_STATUS" 0 "WERKBEZOEK_CONFIG is read: z quits"
screen_stop
SCREEN_ENV="XDG_CONFIG_HOME=$TEST_TMP/xdg"
screen_start 80 24 --no-session "$top_srcdir/corpus"
screen_wait_row 24 "fold · ic · ? help"
# fold: michael finds Michaël
screen_keys /
screen_type "michael van"
screen_wait_row 24 " 1/"
screen_keys Escape
screen_wait_gone "/michael"
screen_keys Q
screen_wait_exit
screen_stop
# a named file that is not there is an error; the browser still runs
SCREEN_ENV=
screen_start 80 24 --no-session --config "$TEST_TMP/none" "$top_srcdir/corpus"
screen_wait_row 24 "$TEST_TMP/none: No such file or directory"
screen_keys Q
screen_wait_exit
is "$SCREEN_STATUS" 0 "Q exits with status 0"
done_testing
