# An entity page with more mentions than the reader builds before its
# first screen (200 lines): the first screen comes, then the rest is built
# before the next key, so the end of the page (G) is the last mention, the
# mention count is whole, and showing the page again (the same page) keeps
# it whole.  The corpus is written here: one document of 300
# paragraphs, each naming Mira Lazarus once, numbered.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

dir="$TEST_TMP/long-page"
mkdir -p "$dir"
{
	echo '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="lang">'
	echo '<teiHeader><fileDesc><titleStmt><title>Lang verslag</title></titleStmt>'
	echo '<publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc>'
	echo '</fileDesc><profileDesc><creation><date when="2020-01-02"/></creation></profileDesc>'
	echo '</teiHeader><standOff><listPerson><person xml:id="p-mira">'
	echo '<persName>Mira Lazarus</persName></person></listPerson></standOff><text><body>'
	i=1
	while [ $i -le 300 ]; do
		echo "<p>Alinea nummer$i noemt <persName ref=\"#p-mira\">Mira Lazarus</persName> eenmaal.</p>"
		i=$((i + 1))
	done
	echo '</body></text></TEI>'
} >"$dir/lang.xml"

screen_start 80 24 --no-session "$dir"
screen_wait_row 1 "─ Documents (1) "
screen_keys : ; screen_type "entity p-mira"; screen_keys Enter
# the reader alone (80x24) names the page at the left of the status line
screen_wait_row 24 " 2 Mira Lazarus · person "
screen_wait "Mentions (300 in 1 document)"
screen_wait "nummer1 noemt Mira Lazarus"

# the end of the page: the last mention, built after the first screen
screen_keys G
screen_wait "nummer300 noemt Mira Lazarus"
screen_check_sanitizers "after the end of a page built in two parts"

# back to the top; the same page asked for again stays whole
screen_keys g
screen_wait "Mentions (300 in 1 document)"
screen_keys : ; screen_type "entity p-mira"; screen_keys Enter
screen_wait "nummer1 noemt Mira Lazarus"

screen_keys Q
screen_wait_exit
is "$SCREEN_STATUS" 0 "Q exits with status 0"
screen_check_restored "long-entity-page"
done_testing
