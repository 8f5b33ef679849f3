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

# Without CORPUS and $WERKBEZOEK_CORPUS: the installed corpus, else ./corpus
# in the current directory.  No path of the build tree is compiled in.
mkdir "$TEST_TMP/here" "$TEST_TMP/here/corpus"
cp "$top_srcdir/tests/fixtures/corpus/entities/"*.xml "$TEST_TMP/here/corpus/"
installed=$(printf '%s\n' "$(env -u WERKBEZOEK_CORPUS "$WERKBEZOEK" --help)" |
	sed -n 's/^The installed corpus: //p')
like "$installed" '^/.*/corpus$' "--help names the installed corpus"
if [ -e "$installed" ]; then
	ok 0 "the installed corpus $installed comes first"
else
	run sh -c 'cd "$1" && env -u WERKBEZOEK_CORPUS "$2" --list' sh "$TEST_TMP/here" "$WERKBEZOEK"
	is "$status" 0 "no corpus named: ./corpus is opened"
	is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 2 "no corpus named: ./corpus's two documents"
fi
run sh -c 'cd "$1" && env -u WERKBEZOEK_CORPUS "$2" --list' sh "$TEST_TMP" "$WERKBEZOEK"
if [ -e "$installed" ]; then
	ok 0 "the installed corpus $installed comes first"
else
	is "$status" 2 "no corpus anywhere: exit 2"
fi

# --check prints what --help says it prints.
run "$WERKBEZOEK" --help
like "$out" '--check +problems in the corpus, a line each:' "--help: --check prints a line a problem"
like "$out" ' +file:line:column: error\|warning: message; exit 1 if any' "--help: the fields of a --check line"
run "$WERKBEZOEK" --check "$top_srcdir/tests/fixtures/corpus/hostile"
is "$status" 1 "--check on the hostile fixtures exits 1"
is "$(printf '%s\n' "$out" | grep -cvE '^[^:]+:[0-9]+:[0-9]+: (error|warning): .')" 0 \
	"every --check line is file:line:column: error|warning: message"
like "$out" ': warning: ' "--check reports warnings"
like "$out" ': error: ' "--check reports errors"
done_testing
