# v opens the file and line of what the reader shows in $EDITOR, as less
# does, at 80x24 and wide: the editor gets the terminal in its own modes
# (the stty settings from before the browser started), "+LINE FILE" as
# its arguments; it changes a word, and the reader shows the changed word
# at the same place.  VISUAL comes before EDITOR; an editor that cannot
# run is said in the status line; a page that is no file's says so.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

cp -R "$top_srcdir/corpus" "$TEST_TMP/corpus"
f="$TEST_TMP/corpus/documents/2014-11-05-tinten.xml"
line=$(grep -n '>Emmen</placeName> was de eerste stop' "$f" | cut -d: -f1)

# The editor: records its arguments and the terminal's modes, and edits
# the file it was given (its last argument), unless asked only to look.
cat >"$TEST_TMP/ed.sh" <<SCRIPT
#!/bin/sh
printf '%s\n' "\$@" >"$TEST_TMP/args"
stty -g >"$TEST_TMP/stty.editor"
[ "\$1" = --look ] && exit 0
for last; do :; done
sed -i 's/was de eerste stop/was de allereerste stop/' "\$last"
SCRIPT
chmod +x "$TEST_TMP/ed.sh"

n=0
for size in "80 24" "132 40"; do
	set -- $size
	n=$((n + 1))
	cp "$top_srcdir/corpus/documents/2014-11-05-tinten.xml" "$f"
	rm -f "$TEST_TMP/args"
	SCREEN_ENV="VISUAL= EDITOR=$TEST_TMP/ed.sh" screen_start "$1" "$2" --no-watch --no-session "$TEST_TMP/corpus"
	screen_wait "Documents (5)"
	# the help page is no file's
	screen_keys '?' v
	screen_wait "this page is no file's"
	screen_keys : ; screen_type "open doc-2014-11-05-tinten"; screen_keys Enter
	screen_wait "Werkbezoek MOgroep aan Tinten"
	screen_keys / ; screen_type "Emmen was de eerste"; screen_keys Enter
	screen_wait "Emmen was de eerste stop"
	screen_keys v
	screen_wait "Emmen was de allereerste stop"
	screen_wait "loaded again"
	is "$(cat "$TEST_TMP/args" 2>/dev/null | tr '\n' ' ')" "+$line $f " \
		"$1x$2: the editor got +LINE and the file"
	is "$(cat "$TEST_TMP/stty.editor")" "$(cat "$TEST_TMP/stty.before")" \
		"$1x$2: the editor ran in the terminal's own modes"
	# the browser is back: its keys work
	screen_keys 1
	screen_wait "Documents (5)"
	screen_keys q
	screen_wait_exit
	screen_check_restored "$1x$2"
done

# VISUAL before EDITOR; a VISUAL that cannot run is said, the text stays
SCREEN_ENV="VISUAL=$TEST_TMP/no-such-editor EDITOR=$TEST_TMP/ed.sh" \
	screen_start 80 24 --no-watch --no-session "$TEST_TMP/corpus"
screen_wait "Documents (5)"
screen_keys 2 v
screen_wait "cannot run the editor $TEST_TMP/no-such-editor"
screen_keys q
screen_wait_exit
screen_check_restored "missing editor"

# an editor named with its arguments runs through sh -c: the file is one
# argument whatever it is
rm -f "$TEST_TMP/args"
SCREEN_ENV="VISUAL= EDITOR='$TEST_TMP/ed.sh --look'" screen_start 80 24 --no-watch --no-session "$TEST_TMP/corpus"
screen_wait "Documents (5)"
screen_keys 2 v
screen_wait "not changed"
is "$(head -1 "$TEST_TMP/args" 2>/dev/null)" "--look" "an editor with arguments gets them first"
screen_keys q
screen_wait_exit
screen_check_restored "editor with arguments"

done_testing
