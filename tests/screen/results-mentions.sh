# The Results pane paints the entity mentions in a hit's context in their
# entity's colour (as the reader does), right and left of the match; a
# mention the context cuts keeps its colour up to the "…"; the selected
# line stays one bar.  At 80x24 and wide.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

E=$(printf '\033')
# row TEXT: the line of the attribute capture that has TEXT
row() {
	screen_capture_attrs | grep -F -- "$1" | head -1
}

for size in "80 24" "132 40"; do
	set -- $size
	screen_start "$1" "$2" --no-session "$top_srcdir/corpus"
	screen_wait "Documents (5)"
	screen_keys / ; screen_type 'wethouder'; screen_keys Enter
	screen_wait " 1/6 hits"
	screen_keys 4
	screen_wait "6 hits in 3 documents"
	screen_wait "zei"
	# right of the match: a person, and a place in another colour
	r=$(row "zei ")
	like "$r" "${E}\\[3[0-9]mChristien van Wijk${E}" "$1x$2: a person right of the match is painted"
	p=$(printf '%s' "$r" | sed -n "s/.*\\(${E}\\[3[0-9]m\\)Christien.*/\\1/p")
	r=$(row "in debat met")
	like "$r" "${E}\\[3[0-9]mAa en" "$1x$2: a place right of the match is painted"
	q=$(printf '%s' "$r" | sed -n "s/.*\\(${E}\\[3[0-9]m\\)Aa en.*/\\1/p")
	ok "$([ -n "$p" ] && [ "$p" != "$q" ]; echo $?)" "$1x$2: person and place in their own colours"
	# the selected line is one bar: no mention painted on it
	r=$(screen_capture_attrs | grep -F "Twee " | grep -F 2013-11-24)
	unlike "$r" "${E}\\[3[0-9]mgemeente" "$1x$2: the selected line keeps its bar"
	# left of the match
	screen_keys / ; screen_type 'twee wethouders|bij de ontvangst'; screen_keys Enter
	screen_wait " 1/2 hits"
	screen_keys 4
	screen_wait "2 hits in 2 documents"
	like "$(screen_capture_attrs | grep -F "ontvangst" | grep -F 2017-05-11)" \
		"${E}\\[3[0-9]mChristien van Wijk${E}.* ${E}[[0-9;]*m(${E}[[0-9;]*m)*bij de ontvangst" \
		"$1x$2: a person left of the match is painted"
	screen_keys : ; screen_type quit; screen_keys Enter
	screen_wait_exit
	screen_check_restored "$1x$2"
done

done_testing
