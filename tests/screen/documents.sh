# The Documents pane and reading a document: the pane lists the five
# documents of the bundled corpus oldest first; moving the selection (j, k,
# Down) shows the selected document in the reader; Enter moves the focus to
# the reader; j, Space, b, G and g scroll it to the expected text, and the
# status line says "line N/M".
#
# At 120x40 the reader is 82 columns wide inside its frame and 37 lines
# high: the Tinten report wraps to 147 lines (--show --width=82 gives one
# more: a blank line under the title), a page is 36 lines, the last top line is
# 111.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

tinten="Werkbezoek MOgroep aan Tinten (Groningen & Drenthe) · 2014-11-05"

screen_start 120 40 --no-session "$top_srcdir/corpus"
screen_wait "Documents (5)"

# oldest first, one per line from the top of the pane
screen_wait_row 2 "│2012-11-01 De MOgroep op werkbezoe"
screen_wait_row 3 "│2013-11-24 Verslag werkbezoek Noor"
screen_wait_row 4 "│2014-11-05 Werkbezoek MOgroep aan "
screen_wait_row 5 "│2015 Innovatie begint klein"
screen_wait_row 6 "│2017-05-11 Over grenzen heen"
# the first document is in the reader from the start
screen_wait_row 1 "┌ De MOgroep op werkbezoek · 2012-11-01 "

# the selection previews the document in the reader
screen_keys j
screen_wait_row 1 "┌ Verslag werkbezoek Noordermaat Assen · 2013-11-24 "
screen_wait_row 2 "││Verslag werkbezoek Noordermaat Assen"
screen_keys Down
screen_wait_row 1 "┌ $tinten "
screen_keys k
screen_wait_row 1 "┌ Verslag werkbezoek Noordermaat Assen · 2013-11-24 "
screen_keys j
screen_wait_row 1 "┌ $tinten "
# the focus stayed on the Documents pane, the selection is on Tinten
screen_wait_row 40 " Documents "
like "$(screen_capture_attrs | sed -n 4p)" \
	"$(printf '│\033\\[([0-9]*;)*7m(\033\\[[0-9;]*m)*2014-11-05')" \
	"the selected document is shown in reverse video"

# Enter: the reader has the focus, at the top of the document
screen_keys Enter
screen_wait "$tinten"
screen_wait "line 1/147"
screen_wait_row 2 "││Werkbezoek MOgroep aan Tinten (Groningen & Drenthe)"

screen_keys j
screen_wait "$tinten"
screen_wait "line 2/147"
screen_wait_row 2 "││Date: 2014-11-05"

# Space: a page (the height less one line of context)
screen_keys Space
screen_wait "$tinten"
screen_wait "line 38/147"
screen_wait_row 2 "││Sedna werkt heel gebiedsgericht, ook in de omliggende dorpen."
# the line that was at the bottom of the pane is now at the top
screen_wait_row 3 "││gebiedsteams van Sedna, die wederkerigheid hoog in het vaandel"

# b: a page back
screen_keys b
screen_wait "$tinten"
screen_wait "line 2/147"
screen_wait_row 2 "││Date: 2014-11-05"

# G: the end; the last line of the document is on the last line of the pane
screen_keys G
screen_wait "$tinten"
screen_wait "line 111/147"
screen_wait_row 38 "││Zie ook: MKB-top loopt mee bij Tinten Welzijnsgroep"
screen_wait "100%──┐"

# g: the start again
screen_keys g
screen_wait "$tinten"
screen_wait "line 1/147"
screen_wait_row 2 "││Werkbezoek MOgroep aan Tinten (Groningen & Drenthe)"

screen_keys q
screen_wait_exit
is "$SCREEN_STATUS" 0 "q exits with status 0"
screen_check_restored "after q"
done_testing
