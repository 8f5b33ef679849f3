# soak.sh: 20,000 random keys and ~100 random resizes do not crash, hang
# or leak: after them the program is alive, no sanitizer report was
# written, the screen still answers ? with the help page, the RSS grew by
# less than 10% between the middle of the run and the end, and q still ends it
# with the terminal restored.
#
#   sh tests/stress/soak.sh [SEED...]      (make check-stress: seeds 1 2 3)
#
# Environment:
#   SOAK_SEED="1 2 3"   the seeds, one run (one program) per seed
#   SOAK_KEYS=20000     keys per run
#   SOAK_SECONDS=N      instead: keys until N seconds are up (make soak: 3600);
#                       the stream is replayed from seeds SEED, SEED+1000, ...
#   SOAK_SYNC_TIMEOUT=5 seconds to wait for one batch to be read (per try)
#   SOAK_RSS_PCT=10     the allowed RSS growth, in percent (checked in the
#                       sanitizer build, or anywhere with SOAK_RSS_CHECK=1)
#   SOAK_BAD_BYTES=1    0: no stray non-UTF-8 bytes in the stream
#
# The keys: tests/stress/soak-keys.awk draws the whole stream up front from
# srand(SEED): every bound key (arrows, PgUp/PgDn, Home/End, Tab/BTab, Enter,
# BSpace, Escape, F1, the letters and digits of keys.c), unbound control
# keys, printable junk, UTF-8 (accents, CJK, emoji, a flag, bidi controls,
# a combining mark), escape sequences whole and cut in half (\e[1;5A, \e[5~,
# bracketed-paste start and end, \e[M, an OSC title, \e[), pastes of 200
# characters, and the prompts / & : with junk or plausible text typed in
# them (one key per character, with edits), closed by Enter or Escape, m and
# ' with a letter, f with labels.  Stripped from the stream, because they
# would end or stop the program: q and Q (so :q and :quit cannot be typed), C-c,
# C-\, C-z, and C-s / C-q (flow control: C-s stops the program's output).
# The first resize is to the largest size, 200x60; after it, every ~200 keys
# (100..300), a random size from 10x3 to 200x60.
#
# Stray bytes that are not UTF-8 are sent too (a Latin-1 e-acute, a lone
# continuation byte, 0xFF, ...): a terminal in the wrong encoding, a Meta
# key that sets the 8th bit.  SOAK_BAD_BYTES=0 leaves them out.
#
# Sending: 50 keys a batch, as one tmux command line (send-keys for named
# keys, send-keys -H with the bytes in hex for everything else: neither the
# shell's read nor tmux's ';' separator can change them).  After each batch the test waits until the
# program has read and handled the whole batch, with a sentinel: it sends
# Escape Escape (which closes any prompt, a pending mark or the link
# labels) and then ":" and a token unique to the batch, "soakNxT", and polls
# the screen until the command line shows ":soakNxT"; then Escape closes the
# prompt.  Keys are handled in order, so the token on screen means every
# key before it was read and handled and the screen redrawn.  If the token
# does not come (an escape sequence cut in half can swallow the Escape or
# the ':'), it tries again with a new token, up to 5 times.  A terminal too
# small for the status line (under 30x8) is resized to 80x24 for the
# sentinel and back afterwards (the batch itself was read at the small size).
#
# RSS: VmRSS from /proc/PID/status, both times at 120x40 after a sentinel,
# half way and at the end.  The first half fills what the program keeps on
# purpose, all of it bounded: the back/forward list (500 pages), each
# prompt's history (200 entries), the marks; from there on a leak is all
# that can grow.
# Under AddressSanitizer the quarantine is turned off and freed pages go
# back to the system at once, so RSS follows the program's memory there too.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

SEEDS=${*:-${SOAK_SEED:-1 2 3}}
SOAK_KEYS=${SOAK_KEYS:-20000}
SOAK_SECONDS=${SOAK_SECONDS:-}
SOAK_SYNC_TIMEOUT=${SOAK_SYNC_TIMEOUT:-5}
SOAK_RSS_PCT=${SOAK_RSS_PCT:-10}
SOAK_BAD_BYTES=${SOAK_BAD_BYTES:-1}
AWK=${AWK:-awk}
GEN="$top_srcdir/tests/stress/soak-keys.awk"

sanitized=0
if grep -qa '__asan_init' "$WERKBEZOEK" 2>/dev/null; then
	sanitized=1
	# AddressSanitizer keeps freed memory in a quarantine and holds on to
	# pages: without both, its RSS follows the program's own memory (plus
	# the shadow), and the growth check means the same thing
	ASAN_OPTIONS="quarantine_size_mb=0:thread_local_quarantine_size_kb=0:allocator_release_to_os_interval_ms=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
	export ASAN_OPTIONS
fi

cur_cols=120
cur_rows=40

rss_kb() {
	sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\).*/\1/p' "/proc/$SCREEN_PID/status" 2>/dev/null
}

cpu_ticks() {  # utime + stime of the program, in clock ticks
	sed 's/^.*) //' "/proc/$SCREEN_PID/stat" 2>/dev/null | awk '{ print $12 + $13 }'
}

alive() {
	kill -0 "$SCREEN_PID" 2>/dev/null && [ ! -e "$TEST_TMP/rc" ]
}

# soak_sync N: waits until the program has read everything sent so far
# (see the header); fails if it does not answer 5 tokens in a row.
soak_sync() {
	local try=0 tok small=0
	if [ "$cur_cols" -lt 30 ] || [ "$cur_rows" -lt 8 ]; then
		small=1
		screen_resize 80 24
	fi
	while [ $try -lt 5 ]; do
		alive || return 1
		tok="soak${1}x$try"
		stmux send-keys -t "$SCREEN_TARGET" Escape Escape : \; \
			send-keys -t "$SCREEN_TARGET" -l -- "$tok"
		if _screen_poll "$SOAK_SYNC_TIMEOUT" _screen_has ":$tok"; then
			stmux send-keys -t "$SCREEN_TARGET" Escape
			[ $small -eq 1 ] && screen_resize "$cur_cols" "$cur_rows"
			sync_retries=$((sync_retries + try))
			return 0
		fi
		try=$((try + 1))
	done
	return 1
}

# measure: RSS at 120x40, with the first document in the reader (the page
# shown is the same both times: an entity page of hundreds of lines is not
# a leak), after a sentinel; prints the kB.
measure() {
	local c=$cur_cols r=$cur_rows
	cur_cols=120 cur_rows=40
	screen_resize 120 40
	stmux send-keys -t "$SCREEN_TARGET" Escape Escape : \; \
		send-keys -t "$SCREEN_TARGET" -l -- "open $first_doc" \; \
		send-keys -t "$SCREEN_TARGET" Enter
	soak_sync "m$1" || return 1
	rss_kb
	cur_cols=$c cur_rows=$r
	screen_resize "$c" "$r"
}

# replay FILE: sends the stream; stops early when SOAK_SECONDS are up.
# Leaves keys_sent, batches, and rss_start.
replay() {
	local kind a b lit="" file=$1
	set --
	while IFS='	' read -r kind a b <&3; do
		case $kind in
		K)
			if [ -n "$lit" ]; then
				set -- "$@" send-keys -t "$SCREEN_TARGET" -H $lit ';'
				lit=""
			fi
			set -- "$@" send-keys -t "$SCREEN_TARGET" "$a" ';'
			keys_sent=$((keys_sent + 1))
			;;
		L)
			lit="$lit $a"
			keys_sent=$((keys_sent + 1))
			;;
		E)
			if [ -n "$lit" ]; then
				set -- "$@" send-keys -t "$SCREEN_TARGET" -H $lit ';'
				lit=""
			fi
			[ $# -gt 0 ] && stmux "$@"
			set --
			batches=$((batches + 1))
			if ! soak_sync "$a"; then
				fail_at="batch $a (key $keys_sent)"
				return 1
			fi
			if [ -n "$SOAK_SECONDS" ] && [ "$(date +%s)" -ge "$deadline" ]; then
				return 0
			fi
			;;
		R)
			cur_cols=$a cur_rows=$b
			screen_resize "$a" "$b"
			resizes=$((resizes + 1))
			;;
		M)
			if [ -z "$rss_start" ]; then
				rss_start=$(measure start) || { fail_at="the first measurement"; return 1; }
				keys_at_start=$keys_sent
			fi
			;;
		esac
	done 3<"$file"
	return 0
}

for seed in $SEEDS; do
	rm -f "$TEST_TMP"/asan.* "$TEST_TMP"/ubsan.*
	keys_sent=0 batches=0 resizes=0 sync_retries=0 rss_start="" keys_at_start=0 fail_at=""
	cur_cols=120 cur_rows=40
	first_doc=$("$WERKBEZOEK" --list "$top_srcdir/corpus" | head -1 | cut -f1)
	screen_start 120 40 --no-session "$top_srcdir/corpus"
	if ! screen_wait "Documents (" 30; then
		screen_stop
		continue
	fi
	t0=$(date +%s)
	deadline=$((t0 + ${SOAK_SECONDS:-0}))
	round=0
	while :; do
		s=$((seed + 1000 * round))
		"$AWK" -v seed="$s" -v keys="$SOAK_KEYS" -v bad="$SOAK_BAD_BYTES" -f "$GEN" >"$TEST_TMP/keys.$seed" || break
		replay "$TEST_TMP/keys.$seed" || break
		round=$((round + 1))
		[ -n "$SOAK_SECONDS" ] && [ "$(date +%s)" -lt "$deadline" ] || break
	done
	t1=$(date +%s)
	ok "$([ -z "$fail_at" ]; echo $?)" "seed $seed: every batch was read (sentinel answered)"
	[ -n "$fail_at" ] && diag "stopped at $fail_at" "screen was:" "$(screen_capture)"
	ok "$(alive; echo $?)" "seed $seed: the program is still running after $keys_sent keys"
	diag "seed $seed: $keys_sent keys in $batches batches, $resizes resizes, $((t1 - t0)) s, $sync_retries sentinel retries, CPU $(cpu_ticks) ticks"
	reports=$(cat "$TEST_TMP"/asan.* "$TEST_TMP"/ubsan.* 2>/dev/null)
	is "$reports" "" "seed $seed: no sanitizer report during the run"
	if ! alive; then
		diag "exit status: $(cat "$TEST_TMP/rc" 2>/dev/null)"
		screen_stop
		continue
	fi

	# memory: the end against the middle, both at 120x40
	cur_cols=120 cur_rows=40
	screen_resize 120 40
	rss_end=$(measure end)
	diag "seed $seed: VmRSS ${rss_start:-?} kB after $keys_at_start keys, ${rss_end:-?} kB at the end"
	if [ -n "$rss_start" ] && [ -n "$rss_end" ]; then
		growth=$(( (rss_end - rss_start) * 1000 / rss_start ))
		diag "seed $seed: RSS growth $((growth / 10)).$((growth < 0 ? -growth % 10 : growth % 10))%"
		# The bound is checked in the sanitizer build, where the soak is
		# specified; a plain build's 8 MB moved by a megabyte from run to
		# run under a loaded make -j2 (what the allocator keeps), so
		# there the figure is reported only.
		if [ $sanitized -eq 1 ] || [ -n "${SOAK_RSS_CHECK:-}" ]; then
			ok "$([ "$growth" -lt $((SOAK_RSS_PCT * 10)) ]; echo $?)" \
				"seed $seed: RSS grew by less than $SOAK_RSS_PCT%"
		fi
	else
		ok 1 "seed $seed: RSS measured half way and at the end"
	fi

	# the screen still answers: Escape a few times, then ? shows the help
	screen_keys Escape Escape Escape
	screen_keys '?'
	if _screen_poll "$SCREEN_TIMEOUT" sh -c "'$TMUX_BIN' -S '$SCREEN_SOCK' capture-pane -p -t '$SCREEN_TARGET' | grep -Eq 'werkbezoek .*keys'"; then
		ok 0 "seed $seed: ? shows the help page (werkbezoek ... keys)"
	else
		ok 1 "seed $seed: ? shows the help page (werkbezoek ... keys)"
		diag "screen was:" "$(screen_capture)"
	fi
	# Q: q on the help page would go back to the page before it
	screen_keys Q
	screen_wait_exit 30
	is "$SCREEN_STATUS" 0 "seed $seed: Q exits with status 0"
	screen_check_restored "seed $seed"
	screen_stop
done
done_testing
