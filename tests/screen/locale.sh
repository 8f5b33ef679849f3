# A terminal whose locale is not UTF-8: text shows with its accents
# dropped to ASCII and a one-time notice says why, instead of garbage;
# searches ignore accents, so the "Michael" shown finds Michaël; no
# byte above 0x7F is sent to the terminal.  TERM unset or dumb: a one-line
# message pointing at the batch options, exit 2, no escape sequences.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

SCREEN_ENV="LANG=C LC_ALL=C"
screen_start 120 40 "$top_srcdir/corpus"
stmux pipe-pane -t "$SCREEN_TARGET" -o "cat >>'$TEST_TMP/out'"
screen_wait "the locale is not UTF-8"
screen_keys 3 / Micha Enter
screen_wait "Michael van Straalen"
screen_keys Escape 1 j j
screen_wait "2014-11-05 Werkbezoek MOgroep aan"
screen_wait "Werkbezoek MOgroep aan Tinten (Groningen & Drenthe) . 2014-11-05"
like "$(screen_capture)" "Infohuus Nieuw Schoonebeek|Michael" "accented names show without their accents"
# what is shown can be found: /michael finds Michaël (searches fold)
screen_keys /
screen_type "michael van"
screen_wait_row 40 "/michael van"
screen_wait_row 40 " 1/"
screen_keys Enter
screen_wait "fold . "
screen_wait " hits . ? help"
screen_keys Escape
screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "q exits with status 0"
screen_check_restored "C locale"
ok "$([ -s "$TEST_TMP/out" ]; echo $?)" "the terminal's input was recorded"
is "$(LC_ALL=C tr -d '\000-\177' <"$TEST_TMP/out" | wc -c | tr -d ' ')" 0 \
	"no byte above 0x7F reached the terminal"

# no usable terminal: a message, exit 2, no escape sequence
for t in dumb ""; do
	run env TERM="$t" "$WERKBEZOEK" "$top_srcdir/corpus" </dev/null
	is "$status" 2 "TERM='$t': exit 2"
	like "$err" "use the batch options" "TERM='$t': the message points at the batch options"
	unlike "$out$err" "$(printf '\033')" "TERM='$t': no escape sequence"
done
done_testing
