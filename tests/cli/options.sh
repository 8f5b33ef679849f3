# --help and --version, and what happens without a terminal.
. "$top_srcdir/tests/lib/tap.sh"

run "$WERKBEZOEK" --help
is "$status" 0 "--help exits 0"
like "$out" '^Usage: werkbezoek \[OPTION\]\.\.\. \[CORPUS\]' "--help starts with the usage line"
like "$out" '--version' "--help lists --version"

run "$WERKBEZOEK" --version
is "$status" 0 "--version exits 0"
like "$out" '^werkbezoek [0-9]+\.[0-9]+' "--version prints the version"

run "$WERKBEZOEK" --no-such-option
is "$status" 2 "an unknown option exits 2"
like "$err" "Try 'werkbezoek --help'" "an unknown option points at --help"

# stdout not a terminal: one line pointing at the batch options, no escapes.
run env TERM=xterm "$WERKBEZOEK" </dev/null
is "$status" 2 "no terminal: exit 2"
like "$err" 'batch options' "no terminal: the message points at the batch options"
unlike "$out$err" "$(printf '\033')" "no terminal: no escape sequences"
done_testing
