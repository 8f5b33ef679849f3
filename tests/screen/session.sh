# The session: quit and start again restores the page and the marks; a
# corrupt state file is reported and ignored; a state that names documents
# no longer in the corpus is dropped quietly; a state directory that
# cannot be written does not stop the program from quitting cleanly.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

state="$XDG_STATE_HOME/werkbezoek/session"

# 1. a session: an entity page with a mark, then a report; quit
screen_start 120 40 "$top_srcdir/corpus"
screen_wait "Documents (5)"
screen_keys : ; screen_type "entity aly-van-beek"; screen_keys Enter
screen_wait "Aly van Beek · person"
screen_keys m a
screen_wait "mark a set"
screen_keys : ; screen_type "open doc-2017-05-11-almelo"; screen_keys Enter
screen_wait "Over grenzen heen · 2017-05-11"
screen_keys j j j
screen_wait "Over grenzen heen · 2017-05-11"
screen_wait "line 4/"
screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "quit: exit 0"
screen_check_restored "first session"
ok "$([ -s "$state" ]; echo $?)" "the session was saved in \$XDG_STATE_HOME/werkbezoek/session"
like "$(head -1 "$state")" '^werkbezoek-session 1$' "the session file says what it is"
is "$(ls "$XDG_STATE_HOME/werkbezoek")" "session" "no temporary file is left behind"

# 2. start again: the same page at the same line, and the mark still works
screen_start 120 40 "$top_srcdir/corpus"
screen_wait "Over grenzen heen · 2017-05-11"
screen_wait "line 4/"
screen_keys "'" a
screen_wait "Aly van Beek · person"
screen_keys BSpace
screen_wait "Over grenzen heen · 2017-05-11"
screen_keys q
screen_wait_exit
screen_check_restored "second session"

# 3. a corrupt state file: reported, ignored, the program works
printf 'this is not a session\n\001\002 garbage\n' >"$state"
screen_start 120 40 "$top_srcdir/corpus"
screen_wait "not a werkbezoek session file; ignored"
screen_wait "De MOgroep op werkbezoek · 2012-11-01"
screen_keys 2 j
screen_wait "De MOgroep op werkbezoek · 2012-11-01"
screen_wait "line 2/"
screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "a corrupt session: exit 0"
like "$(head -1 "$state")" '^werkbezoek-session 1$' "a corrupt session is replaced on quit"

# 4. a session naming a document that is gone: dropped quietly
mkdir -p "$TEST_TMP/small"
cp "$top_srcdir/corpus/register.xml" "$top_srcdir/corpus/documents/2014-11-05-tinten.xml" "$TEST_TMP/small/"
cat >"$state" <<'SESSION'
werkbezoek-session 1
page doc doc-2017-05-11-almelo 3 0
history doc doc-2017-05-11-almelo 3 0
position 0
mark-b doc doc-2017-05-11-almelo 0 0
search mantelzorg
SESSION
screen_start 120 40 "$TEST_TMP/small"
screen_wait "Documents (1)"
screen_wait "Werkbezoek MOgroep aan Tinten"
unlike "$(screen_capture)" "session|not in this corpus" "no message about the missing document"
screen_keys "'" b
screen_wait "mark b is not set"
# the search history survives: Up in the prompt recalls it
screen_keys /
screen_keys Up
screen_wait "/mantelzorg"
screen_keys Escape q
screen_wait_exit
is "$SCREEN_STATUS" 0 "a session with a missing document: exit 0"

# 5. a state directory that cannot be made (its parent is a file, which
# stops root too): the program still quits cleanly and says so
: >"$TEST_TMP/not-a-dir"
SCREEN_ENV="XDG_STATE_HOME=$TEST_TMP/not-a-dir"
screen_start 120 40 "$top_srcdir/corpus"
screen_wait "Documents (5)"
screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 1 "an unwritable state directory: exit 1"
screen_wait "the session was not saved"
screen_check_restored "unwritable state"

# 6. a FIFO as the session file: not waited on (a blank screen and q
# ignored, before), said, and replaced by the saved session on q
mkdir -p "$TEST_TMP/fifo/werkbezoek"
chmod 700 "$TEST_TMP/fifo" "$TEST_TMP/fifo/werkbezoek"
mkfifo "$TEST_TMP/fifo/werkbezoek/session"
SCREEN_ENV="XDG_STATE_HOME=$TEST_TMP/fifo"
screen_start 120 40 "$top_srcdir/corpus"
screen_wait "not a regular file; ignored"
screen_wait "Documents (5)"
screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "a FIFO as the session file: exit 0"
ok "$([ -f "$TEST_TMP/fifo/werkbezoek/session" ]; echo $?)" "the FIFO replaced by a saved session"

# 7. a state directory others can write: not saved, said after the
# terminal is restored, exit 1, no file made there
mkdir -p "$TEST_TMP/open/werkbezoek"
chmod 777 "$TEST_TMP/open/werkbezoek"
SCREEN_ENV="XDG_STATE_HOME=$TEST_TMP/open"
screen_start 120 40 "$top_srcdir/corpus"
screen_wait "Documents (5)"
screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 1 "a state directory others can write: exit 1"
screen_wait "writable by others"
is "$(ls -A "$TEST_TMP/open/werkbezoek")" "" "nothing written there"
screen_check_restored "open state directory"
done_testing
