# An entity's page is complete: the record's role and note, its relations,
# a timeline of years each of which opens the documents of that year, and
# "and N more" in Appears with opening everyone it appears with; q goes
# back from those lists to the page.  At 80x24 and again at 200x60.
# Oracles: --list (the documents of a year) and --entity (the page as
# text, its first twenty co-mentions and how many more).
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

fixtures="$top_srcdir/tests/fixtures/corpus"
corpus="$top_srcdir/corpus"
esc=$(printf '\033')

# The reader's title is $1: at 80x24, where the reader is alone and has no
# title bar, at the left of the status line after its pane number
# (" 2 $1"); beside the lists on a wide screen, in its top border ("┌ $1─").
title() {
	if [ "$cols" -lt 90 ]; then
		screen_wait_row "$rows" " 2 $1"
	else
		screen_wait "$1─"
	fi
}
# Whether the selected link (reverse video) begins with $1.
selected() {
	screen_capture_attrs | grep -q "$esc\\[\\([0-9]*;\\)*7m\\($esc\\[[0-9;]*m\\)*$1"
}
# Tab until the link $1 is the selected one (at most 60 Tabs).
tab_to() {
	local i=0 before
	while ! selected "$1" && [ $i -lt 60 ]; do
		before=$(screen_capture_attrs)
		screen_keys Tab
		_screen_poll 5 eval '[ "$(screen_capture_attrs)" != "$before" ]'
		i=$((i + 1))
	done
	ok "$(selected "$1" && echo 0 || echo 1)" "Tab reaches '$1' ($i Tabs, $cols x $rows)"
}

# the documents of 1890, by --list (id TAB date TAB type TAB title)
year_titles=$("$WERKBEZOEK" --list "$fixtures" 2>/dev/null | awk -F'\t' '$2 ~ /^1890/ { print $4 }')
year_n=$(printf '%s\n' "$year_titles" | grep -c .)
# Aly van Beek's co-mentions: the page's "and N more" and the total
aly=$("$WERKBEZOEK" --entity=aly-van-beek "$corpus" 2>/dev/null)
more=$(printf '%s\n' "$aly" | sed -n 's/.*, and \([0-9]*\) more$/\1/p')
first=$(printf '%s\n' "$aly" | grep -A1 '^Appears with$' | tail -1)
ok "$([ -n "$more" ] && [ "$year_n" -ge 2 ] && echo 0 || echo 1)" \
	"the oracles: $year_n documents of 1890, $more more co-mentions"

for size in "80 24" "200 60"; do
	set -- $size
	cols=$1 rows=$2

	# --- a timeline year: the documents of that year ------------------------
	screen_start "$cols" "$rows" --no-session "$fixtures"
	screen_wait "Documents ("
	screen_keys : ; screen_type "entity p-schnitzler"; screen_keys Enter
	title "Arthur Schnitzler · person "
	screen_wait "Timeline: 1890 (3)"
	tab_to 1890
	screen_keys Enter
	title "Documents of 1890 "
	screen_wait "$year_n documents dated 1890."
	# each title (its start, and its last word, which a narrow screen may
	# wrap to the next line)
	old_ifs=$IFS
	IFS='
'
	for t in $year_titles; do
		IFS=$old_ifs
		screen_wait "$(printf '%s' "$t" | cut -c1-40)"
		screen_wait "${t##* }"
	done
	IFS=$old_ifs
	# a line of it opens its document; Backspace comes back, q goes on back
	tab_to "Range"
	screen_keys Enter
	title "Range · 1890-01 "
	screen_keys BSpace
	title "Documents of 1890 "
	screen_keys q
	title "Arthur Schnitzler · person "
	# the year's page is a place in the history
	screen_keys : ; screen_type history; screen_keys Enter
	title "History "
	screen_wait "Documents of 1890"
	screen_keys Q
	screen_wait_exit
	screen_stop

	# --- the note, the relations, and everyone it appears with --------------
	screen_start "$cols" "$rows" --no-session "$corpus"
	screen_wait "Documents (5)"
	screen_keys : ; screen_type "entity aly-van-beek"; screen_keys Enter
	title "Aly van Beek · person "
	screen_wait "Role: directeur"
	screen_wait "Note: Directeur van de MOgroep; leidt de werkbezoeken"
	screen_wait "Timeline: 2013 (1) ─ 2014 (1) ─ 2015 (1)"
	screen_wait "Affiliated with: MOgroep (directeur)"
	screen_wait "and $more more"
	tab_to "and $more more"
	screen_keys Enter
	title "Appears with Aly van Beek "
	screen_wait "$((20 + more)) entities share a paragraph"
	# the list begins as the page's line does, and goes on past it
	screen_wait "${first%%,*}"
	screen_keys G
	screen_wait_gone "entities share a paragraph"
	# the last "Name (N)" in the reader's pane (other panes have no (N))
	last=$(screen_capture | awk -F'│' '{
		for (i = 1; i <= NF; i++)
			if ($i ~ /^ *[^ ].* \([0-9]+\) *$/) l = $i
	} END { sub(/^ */, "", l); sub(/ \([0-9]+\) *$/, "", l); print l }')
	case ", $first, " in
	*", $last ("*) ok 1 "the last co-mention '$last' is past the page's twenty" ;;
	*) ok 0 "the last co-mention '$last' is past the page's twenty" ;;
	esac
	screen_keys BTab
	screen_keys Enter
	screen_wait " $last · "
	screen_keys BSpace
	title "Appears with Aly van Beek "
	screen_keys q
	title "Aly van Beek · person "
	screen_keys Q
	screen_wait_exit
	is "$SCREEN_STATUS" 0 "Q exits with status 0 ($cols x $rows)"
	screen_stop
done
done_testing
