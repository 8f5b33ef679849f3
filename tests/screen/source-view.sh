# The TEI source under the text (\) and :xpath in the browser, at 80x24
# and wide: \ shows the XML of the block at the top with its file's line
# numbers, \ again the text where it was; :xpath lists matches as links
# that open the document at the block; an invalid expression is reported
# with its column and opens nothing.  The source's title ("Source · ...")
# is in its title bar in the wide layout and, where the reader is alone
# and bare (80x24), in the status line once the notice that \ gives
# ("TEI source of FILE") has gone with the next key.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

f="$top_srcdir/corpus/documents/2014-11-05-tinten.xml"
# the line of the paragraph that begins "Emmen was de eerste stop"
line=$(grep -n '>Emmen</placeName> was de eerste stop' "$f" | cut -d: -f1)

for size in "80 24" "132 40"; do
	set -- $size
	screen_start "$1" "$2" "$top_srcdir/corpus"
	screen_wait "Documents (5)"
	screen_keys : ; screen_type "open doc-2014-11-05-tinten"; screen_keys Enter
	screen_wait "Werkbezoek MOgroep aan Tinten"
	# the paragraph at the top, then its source
	screen_keys / ; screen_type "Emmen was de eerste"; screen_keys Enter
	screen_wait "Emmen was de eerste stop"
	# the search kept and the reader at its hit, not at one typed on the way
	screen_wait "1/1 hits"
	screen_keys 2 '\'
	screen_wait "$line           <p><placeName ref=\"#emmen\">Emmen</placeName> was de eerste stop."
	screen_wait "TEI source of"
	screen_keys C-l
	screen_wait_gone "TEI source of"
	if [ "$1" -eq 80 ]; then
		screen_wait_row "$2" " 2 Source · Werkbezoek MOgroep"
	else
		screen_wait_row 1 "┌ Source · Werkbezoek MOgroep"
	fi
	screen_keys '\'
	screen_wait_gone "Source · "
	screen_wait "Emmen was de eerste stop"
	screen_keys Escape

	# :xpath: the matches, a link each, to the document at the block
	screen_keys : ; screen_type "xpath //tei:p[tei:persName[@ref='#bouke-arends']]"; screen_keys Enter
	screen_wait "XPath //tei:p[tei:persName"
	screen_wait "1 match."
	screen_wait "doc-2014-11-05-tinten:$line Emmen was de eerste stop"
	screen_keys Tab Enter
	screen_wait "Werkbezoek MOgroep aan Tinten"
	screen_wait "Emmen was de eerste stop"
	# back to the list of matches
	screen_keys BSpace
	screen_wait "1 match."
	screen_keys : ; screen_type "xpath //tei:p["; screen_keys Enter
	screen_wait "XPath: at column 9: invalid expression"
	screen_keys : ; screen_type quit; screen_keys Enter
	screen_wait_exit
	screen_check_restored "$1x$2"
done

done_testing
