#!/bin/sh
# bench-scroll.sh: the bytes werkbezoek sends to the terminal for the first
# screen of a document, a one-line scroll (j) and a page scroll (Space),
# against less on the same text in a window of the same size.
#
#   sh tests/bench/bench-scroll.sh [COLSxROWS[:max|:side]...]
#                                         (make bench runs it: 80x24:max,
#                                         200x50:max and 200x50:side)
#
# The bytes are what a tmux pane receives (pipe-pane), counted once the
# screen has settled, under TERM=tmux-256color (or $BENCH_TERM).  "max" is
# the reader maximised (z): the text the width of the terminal on every
# row but the status line, as in less; "side" is the wide layout with the lists on
# the left and the reader boxed on the right (at 80 columns there is only
# one pane at a time, as wide as the terminal, so side is the same as max).
# less gets a terminal of the reader's text size, one line taller for its
# prompt (set to show the line and the last line's number, as the
# reader's status line does while it scrolls: "line 12/240").
# The first screen is a repaint (C-l) of the document's first lines.  A
# line is the mean of ten j; "plain" is the count without attribute
# changes (SGR and SI/SO): less shows the text plain, werkbezoek colours
# the names.  Needs tmux and less; prints nothing but the figures.
top=$(cd "$(dirname "$0")/../.." && pwd)
WERKBEZOEK=${WERKBEZOEK:-$top/tui/werkbezoek}
top_srcdir=${top_srcdir:-$top}
export WERKBEZOEK top_srcdir
. "$top_srcdir/tests/lib/tap.sh" >/dev/null
. "$top_srcdir/tests/lib/screen.sh" >/dev/null
LESS_BIN=${LESS_BIN:-$(command -v less || true)}
if [ -z "$LESS_BIN" ]; then
	echo "bench-scroll: less is not installed"
	exit 1
fi
term=${BENCH_TERM:-tmux-256color}
doc=doc-2012-11-01-sedna-wmd
lines=10
out="$TEST_TMP/out.bytes"

# plain: the bytes on stdin less the attribute changes
plain() {
	LC_ALL=C sed "s/$(printf '\033')\\[[0-9;]*m//g; s/$(printf '\033')([B0]//g; s/[$(printf '\016\017')]//g" |
		wc -c | tr -d ' '
}

# since BEFORE AFTER: "raw plain" for the recording's bytes between them
since() {
	echo "$(($2 - $1)) $(tail -c +$(($1 + 1)) "$out" | head -c $(($2 - $1)) | plain)"
}

# keys_until TEXT KEY...: sends the keys, waits for TEXT and for quiet;
# prints "raw plain" of what came
keys_until() {
	local text=$1 before after
	shift
	before=$(screen_wait_quiet "$out")
	screen_keys "$@"
	screen_wait "$text" >/dev/null
	after=$(screen_wait_quiet "$out")
	since "$before" "$after"
}

# js PREFIX: ten j, one at a time, until "PREFIX N" shows line N; prints
# "raw plain" for all ten
js() {
	local before after i
	before=$(screen_wait_quiet "$out")
	i=2
	while [ $i -le $((lines + 1)) ]; do
		screen_keys j
		screen_wait "$1$i" >/dev/null
		i=$((i + 1))
	done
	after=$(screen_wait_quiet "$out")
	[ -z "${BENCH_KEEP:-}" ] || tail -c +$((before + 1)) "$out" | head -c $((after - before)) >>"$BENCH_KEEP"
	since "$before" "$after"
}

# per_line "RAW PLAIN": the mean per j, one decimal
per_line() {
	set -- $1
	echo "$(($1 / lines)).$(($1 * 10 / lines % 10)) $(($2 / lines)).$(($2 * 10 / lines % 10))"
}

measure() {
	local cols=$1 rows=$2 layout=$3 width less_cols height first line page l_first l_line l_page
	if [ "$layout" = side ] && [ "$cols" -ge 90 ] && [ "$rows" -ge 18 ]; then
		width=$((cols * 3 / 10))
		[ $width -lt 28 ] && width=28
		[ $width -gt 48 ] && width=48
		width=$((cols - width - 2))
		height=$((rows - 3))
		less_cols=$width
	else
		layout=max
		width=$((cols - 1))     # the reader's last column stays blank
		height=$((rows - 1))
		less_cols=$cols
	fi
	rm -f "$out"
	SCREEN_ENV="TERM=$term" screen_start "$cols" "$rows" --no-session "$top_srcdir/corpus"
	screen_wait "Documents (5)" >/dev/null
	screen_record "$out"
	if [ "$layout" = max ]; then
		keys_until "line 1/" 2 z >/dev/null
	else
		keys_until "line 1/" 2 >/dev/null
	fi
	# the first key replaces the hint on the status line: not counted
	keys_until "line 2/" j >/dev/null
	keys_until "line 1/" k >/dev/null
	first=$(keys_until "line 1/" C-l)
	line=$(js "line ")
	page=$(keys_until "line $((lines + 1 + height - 1))/" Space)
	screen_record_stop
	screen_keys q
	screen_wait_exit >/dev/null
	screen_stop

	"$WERKBEZOEK" --show="$doc" --width="$width" "$top_srcdir/corpus" >"$TEST_TMP/doc.txt"
	rm -f "$out"
	SCREEN_ENV="TERM=$term LESS= LESSOPEN= LESSCLOSE= LESSHISTFILE=- LESSKEY=/dev/null" \
		WERKBEZOEK=$LESS_BIN screen_start "$less_cols" $((height + 1)) \
		-z-2 -Pline\ %lt/%L "$TEST_TMP/doc.txt"
	screen_record "$out"
	screen_wait "line 1" >/dev/null
	l_first=$(keys_until "line 1" C-l)
	l_line=$(js "line ")
	l_page=$(keys_until "line $((lines + 1 + height - 1))" Space)
	screen_record_stop
	screen_keys q
	screen_wait_exit >/dev/null
	screen_stop

	printf '%-14s %-18s %-18s %-18s\n' "${cols}x${rows} $layout" \
		"$(echo $first $l_first | awk '{printf "%d/%d (%d/%d)", $1, $3, $2, $4}')" \
		"$(echo $(per_line "$line") $(per_line "$l_line") | awk '{printf "%s/%s (%s/%s)", $1, $3, $2, $4}')" \
		"$(echo $page $l_page | awk '{printf "%d/%d (%d/%d)", $1, $3, $2, $4}')"
}

echo "bytes sent, werkbezoek/less (without attributes), TERM=$term, reader text WxH:"
printf '%-14s %-18s %-18s %-18s\n' "size" "first screen" "a line (j)" "a page (Space)"
[ $# -gt 0 ] || set -- 80x24:max 200x50:max 200x50:side
for spec in "$@"; do
	size=${spec%%:*}
	layout=max
	case $spec in *:*) layout=${spec#*:} ;; esac
	measure "${size%x*}" "${size#*x}" "$layout"
done
