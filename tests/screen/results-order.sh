# The concordance's orders at 80x24: / Sedna (12 hits in two documents),
# 4 focuses the Results pane, and each o shows the next order: the
# border and the status line name it and the lines come in that order
# (by the match, ties in corpus order; by the 1st, 2nd, 3rd word left or
# right, folded, a missing word first; then one line per matched form
# with its count), and after the count o is back at corpus order.  A year
# alone takes a whole date's column, so its match stands where the others do.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

# date_column SIZE: a year alone (the interview, 2015) takes the date
# column's whole width: its match stands in the same column as that of a
# full date's line
date_column() {
	screen_keys /
	screen_type 'frictie|Sedna-directeur'
	screen_wait "/2 hits"
	screen_keys Enter 4
	screen_wait "2 hits in 2 documents"
	screen_wait "2015        "
	like "$(col_of 2015 frictie)" "^[0-9]+$" "the line of the 2015 interview is on screen ($1)"
	is "$(col_of 2015 frictie)" "$(col_of 2014-11-05 Sedna-directeur)" \
	   "the match of a year-only line in the column of a full date's ($1)"
}
# col_of DATE WORD: the column of WORD in DATE's line, from the date on
col_of() { screen_capture | grep "$1 " | grep "$2" | tail -1 | python3 -c '
import sys
l, d, w = sys.stdin.read(), sys.argv[1], sys.argv[2]
print(l.index(w) - l.index(d) if d in l and w in l else "no line")' "$1" "$2"; }

screen_start 80 24 --no-session "$top_srcdir/corpus"
screen_wait "Documents (5)"
screen_keys /
screen_type "Sedna"
screen_wait_row 24 "/Sedna"
screen_keys Enter
screen_wait " 1/12 hits · ? help"
screen_keys 4
screen_wait "/Sedna · 12 hits in 2 documents"
screen_wait_row 2 "2012-11-01                  Hosts: Sedna Welzijn Emmen, Welzij"
screen_wait_row 13 "2014-11-05              De rol van Sedna is vooral"

# order WORDS ROW2 ROW3: o, then the status line and the first two lines
order() {
	screen_keys o
	screen_wait "results $1"
	screen_wait_row 2 "$2"
	screen_wait_row 3 "$3"
}

# twelve times Sedna: the match ties everywhere, corpus order stays
order "by the match" "Hosts: Sedna Welzijn Emmen, Welzij" "Sedna Welzijn Emmen en Welz"
screen_wait "match──"
# no word before the match sorts first, then aan (de Sedna-groep)
order "by the 1st word left" "2012-11-01                         Sedna Welzijn Emmen en Welz" \
	"2012-11-01                         Sedna Welzijn Emmen"
screen_wait_row 6 "aan de Sedna-groep"
order "by the 2nd word left" "Sedna Welzijn Emmen en Welz" "Sedna Welzijn Emmen"
order "by the 3rd word left" "Sedna Welzijn Emmen en Welz" "Sedna Welzijn Emmen"
# aangesloten, die, directeur, gemeente …
order "by the 1st word right" "Welzijnsorganisatie Sedna, aangesloten bij" \
	"gebiedsteams van Sedna, die wederkerigheid"
screen_wait_row 4 "Sedna-directeur Ger Jonker"
# bij, diensten, een, emmen …
order "by the 2nd word right" "Welzijnsorganisatie Sedna, aangesloten bij" \
	"Emmen. Sedna verzorgt diensten"
screen_wait_row 4 "Welzijngroep Sedna is een brede"
screen_wait_row 5 "Sedna Welzijn Emmen"
order "by the 3rd word right" "                         Sedna Welzijn Emmen" \
	"Welzijngroep Sedna is een brede"
order "counted by matched form" "      12  Sedna" ""
screen_wait "/Sedna · 12 hits in 2 documents, 1 form"
screen_wait "count──"
order "in corpus order" "Hosts: Sedna Welzijn Emmen, Welzij" "Sedna Welzijn Emmen en Welz"
screen_wait_gone "count──"
# n still walks the hits in corpus order
screen_keys n
screen_wait " 2/12 hits · ? help"
date_column 80x24
screen_keys : ; screen_type quit; screen_keys Enter
screen_wait_exit
screen_check_restored "80x24"

# wide, the Results pane beside the others: o there too, forms counted
screen_start 132 40 --no-session "$top_srcdir/corpus"
screen_wait "Documents (5)"
screen_keys /
screen_type 'werk\w*'
screen_wait "/werk\w* · 180 hits in 5 documents"
screen_keys Enter
screen_wait " 1/180 hits · ? help"
screen_keys 4 o o
screen_wait "results by the 1st word left"
screen_wait "left1──"
screen_keys o o o o o o
screen_wait "180 hits in 5 documents, 28 forms"
screen_wait "      64  werk"
screen_keys o
screen_wait_gone "28 forms"
date_column 132x40
screen_keys : ; screen_type quit; screen_keys Enter
screen_wait_exit
screen_check_restored "132x40"
done_testing
