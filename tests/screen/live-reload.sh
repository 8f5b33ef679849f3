# The corpus loaded again while the browser shows it (--watch, the
# default; R by hand), at 80x24 and wide: a paragraph edited on disk shows
# its new text at the same place; a file broken on disk is reported as
# file:line:column in the status line and the text as it was stays; mended,
# it loads again.  An entity's page stays an entity's page.  With
# --no-watch only R loads it again.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

cp -R "$top_srcdir/corpus" "$TEST_TMP/corpus"
f="$TEST_TMP/corpus/documents/2014-11-05-tinten.xml"
orig="$top_srcdir/corpus/documents/2014-11-05-tinten.xml"

for size in "80 24" "132 40"; do
	set -- $size
	cp "$orig" "$f"
	screen_start "$1" "$2" --no-session "$TEST_TMP/corpus"
	screen_wait "Documents (5)"
	screen_keys : ; screen_type "open doc-2014-11-05-tinten"; screen_keys Enter
	screen_wait "Werkbezoek MOgroep aan Tinten"
	screen_keys / ; screen_type "Emmen was de eerste"; screen_keys Enter
	screen_wait "Emmen was de eerste stop"
	# edited on disk: the new text, in the same place (the reader still
	# starts two lines above the paragraph)
	sed -i 's/was de eerste stop/was de allereerste stop/' "$f"
	screen_wait "Emmen was de allereerste stop"
	screen_wait "the corpus changed: loaded again"
	screen_wait "Hoe combineer je werk en mantelzorg"
	# the keys still work
	screen_keys j
	screen_wait_gone "Hoe combineer je werk en mantelzorg"
	screen_keys k
	# broken on disk: where, and the text as it was
	sed -i 's|was de allereerste stop.|was de <b>kapotte stop.|' "$f"
	bad=$(grep -n 'kapotte stop' "$f" | cut -d: -f1)
	screen_wait "2014-11-05-tinten.xml:$bad:"
	screen_wait "Emmen was de allereerste stop"
	# mended
	sed -i 's|was de <b>kapotte stop.|was de gemaakte stop.|' "$f"
	screen_wait "Emmen was de gemaakte stop"
	# an entity's page stays when the corpus loads again
	screen_keys : ; screen_type "entity aly-van-beek"; screen_keys Enter
	screen_wait "Aly van Beek"
	screen_keys 2
	cp "$orig" "$f"
	screen_wait "the corpus changed: loaded again"
	screen_wait "Aly van Beek"
	# back to the document, as it is now
	screen_keys BSpace
	screen_wait "Emmen was de eerste stop"
	screen_keys q
	screen_wait_exit
	screen_check_restored "$1x$2"
done

# --no-watch: R loads it again
cp "$orig" "$f"
screen_start 80 24 --no-session --no-watch "$TEST_TMP/corpus"
screen_wait "Documents (5)"
screen_keys : ; screen_type "open doc-2014-11-05-tinten"; screen_keys Enter
screen_wait "Werkbezoek MOgroep aan Tinten"
screen_keys / ; screen_type "Emmen was de eerste"; screen_keys Enter
screen_wait "Emmen was de eerste stop"
sed -i 's/was de eerste stop/was de laatste stop/' "$f"
screen_keys R
screen_wait "Emmen was de laatste stop"
screen_keys q
screen_wait_exit
screen_check_restored "--no-watch and R"

done_testing
