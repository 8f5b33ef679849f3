# Every kind of link in a text, followed in the reader at 80x24 and at
# 160x50: a note marker leads to its note, a ref to a person to their
# page, a ref to an element of the text to its line, a link out of the
# corpus and one that names nothing say so and stay.  (The link records
# live in a table of the document's, apart from the spans: this is where
# a span would pick up a wrong one.)
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

corpus="$top_srcdir/tests/fixtures/screen/follow"

for size in "80 24" "160 50"; do
	set -- $size
	cols=$1 rows=$2
	rm -rf "$TEST_TMP/state"
	screen_start "$cols" "$rows" --no-session "$corpus"
	screen_wait "Documents (1)"
	screen_keys : ; screen_type "open volgen"; screen_keys Enter
	screen_wait "line 1/"

	# the note marker: to the note's line, on the same page ('' back)
	screen_keys Tab Enter
	screen_wait "line 4/"
	screen_wait "[1] De noot over het volgen."
	screen_keys "'" "'"
	screen_wait "line 1/"

	# a ref to a person: their page
	screen_keys Tab Enter
	screen_wait "Ans Volger · person"
	screen_keys BSpace
	screen_wait "line 1/"

	# a ref to an element of the text: its line at the top
	screen_keys Tab Enter
	screen_wait "Het slot van de tekst."
	screen_wait_gone "line 1/"
	screen_keys "'" "'"
	screen_wait "line 1/"

	# out of the corpus, and nowhere: a message, the page stays
	screen_keys Tab Enter
	screen_wait "a link out of the corpus: https://example.org/x (not opened)"
	screen_keys Tab Enter
	screen_wait "nothing in the corpus for the link #nergens"
	screen_wait "Een noot[1] en Ans, het slot, buiten, niets."

	screen_keys Q
	screen_wait_exit
	is "$SCREEN_STATUS" 0 "Q exits with status 0 ($cols x $rows)"
	screen_check_restored "follow-links $cols x $rows"
done
done_testing
