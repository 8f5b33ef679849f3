# The prompts edit as readline does, at 80x24 and at 200x60: Left and
# Backspace delete mid-line (/zorXg, Left, Backspace once deleted the g,
# not the X); C-a, M-f, C-e, C-w, C-k, C-y; Up recalls the searches that
# begin with what is typed; Tab completes : commands, document titles and
# entity names, ignoring case; :open and :entity take a title or a name,
# with a trailing space, and list the candidates when it names several;
# :N goes to line N, and '' comes back; = and :info say the document's
# id, date and the line.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

almelo="Over grenzen heen · 2017-05-11"

for size in "80 24" "200 60"; do
	set -- $size
	cols=$1 rows=$2
	screen_start "$cols" "$rows" --no-session "$top_srcdir/corpus"
	screen_wait "Documents (5)"

	# mid-line editing: the X goes, the search is for zorg
	screen_keys /
	screen_type "zorXg"
	screen_wait_row "$rows" "/zorXg"
	screen_keys Left BSpace
	screen_wait_row "$rows" "/zorg "
	screen_wait_row "$rows" "1/34 hits"
	# C-a, then M-f over the word, then a character typed there
	screen_keys C-a
	screen_type "mantel"
	screen_wait_row "$rows" "/mantelzorg "
	screen_keys C-a M-f C-k
	screen_wait_row "$rows" "/mantelzorg "
	screen_keys C-a C-k
	screen_wait_gone "/mantelzorg"
	screen_keys C-y
	screen_wait_row "$rows" "/mantelzorg "
	screen_keys Left Left Left Left C-w
	screen_wait_row "$rows" "/zorg "
	screen_keys C-e Home Delete End
	screen_wait_row "$rows" "/org "
	screen_keys Enter
	screen_wait "hits · ? help"

	# Up recalls what begins with the text before the cursor
	screen_keys /
	screen_type "Sedna"
	screen_keys Enter
	screen_wait "1/12 hits · ? help"
	screen_keys /
	screen_type "o"
	screen_keys Up
	screen_wait_row "$rows" "/org "
	screen_keys Escape
	screen_keys /
	screen_type "S"
	screen_keys Up
	screen_wait_row "$rows" "/Sedna "
	screen_keys Down
	screen_wait_row "$rows" "/S "
	screen_keys Escape
	screen_wait_gone "/S "

	# Tab: command names, titles, names
	screen_keys :
	screen_type "op"
	screen_keys Tab
	screen_type "innov"
	screen_keys Tab
	screen_wait_row "$rows" ":open Innovatie begint klein"
	screen_keys Enter
	screen_wait "Innovatie begint klein · 2015"
	screen_keys :
	screen_type "entity aly"
	screen_keys Tab
	screen_wait_row "$rows" ":entity Aly van Beek"
	screen_keys Enter
	screen_wait "Aly van Beek · person"
	screen_wait "Type: person · id aly-van-beek"
	# several candidates: listed
	screen_keys :
	screen_type "entity beek"
	screen_keys Tab
	screen_wait_row "$rows" "2: Aly van Beek, Nieuw Schoonebeek"
	screen_keys Enter
	screen_wait_row "$rows" "2 entities match 'beek': Aly van Beek, Nieuw"
	# a part of a title, any case, a trailing space
	screen_keys :
	screen_type "open GRENZEN "
	screen_keys Enter
	screen_wait "$almelo"
	screen_wait "line 1/"
	# :N, and '' back
	screen_keys :
	screen_type "40"
	screen_keys Enter
	screen_wait "line 40/"
	screen_keys "'" "'"
	screen_wait "line 1/"
	# = and :info: the id, the date, where
	screen_keys =
	screen_wait_row "$rows" "doc-2017-05-11-almelo · 2017-05-11 · line 1/"
	screen_keys :
	screen_type "40"
	screen_keys Enter
	screen_keys :
	screen_type "info"
	screen_keys Enter
	screen_wait_row "$rows" "doc-2017-05-11-almelo · 2017-05-11 · line 40/"
	screen_keys :
	screen_type "open nothing-like-this"
	screen_keys Enter
	screen_wait_row "$rows" "no document 'nothing-like-this'"

	screen_keys Q
	screen_wait_exit
	is "$SCREEN_STATUS" 0 "Q exits with status 0 ($cols x $rows)"
	screen_check_restored "prompt editing at $cols x $rows"
	screen_stop
done
done_testing
