# Search as you type on a corpus of a few megabytes (made here): /gemeente
# typed one key at a time, each key searched in slices while the next is
# read, a longer literal only where the shorter one had hits; the final
# counts must be those of a one-shot --search of the same pattern (hits and
# documents), at 80x24 and wide, and Enter must keep them as they are.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

dir="$TEST_TMP/corpus"
mkdir -p "$dir"
# 150 documents of 200 paragraphs; every ninth has no gemeente at all
awk -v dir="$dir" 'BEGIN {
	split("gemeente gemeenten Gemeente gemak gebouw wijk genoeg gemeentehuis zorg geméénte werk de het een van", w, " ")
	srand(7)
	for (d = 1; d <= 150; d++) {
		f = sprintf("%s/d%03d.xml", dir, d)
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:id=\"d%03d\">\n<teiHeader><fileDesc><titleStmt><title>Verslag %d</title></titleStmt><publicationStmt><p>T</p></publicationStmt><sourceDesc><p>T</p></sourceDesc></fileDesc></teiHeader>\n<text><body>\n", d, d > f
		for (p = 0; p < 200; p++) {
			s = "<p>"
			for (k = 0; k < 12; k++) {
				i = 1 + int(rand() * 15)
				if (d % 9 == 0 && (i <= 3 || i == 8 || i == 10))
					i = 7
				s = s w[i] " "
			}
			print s "eind.</p>" > f
		}
		print "</body></text>\n</TEI>" > f
		close(f)
	}
}'

# the oracle: the batch search, run once
"$WERKBEZOEK" --search=gemeente "$dir" >"$TEST_TMP/hits"
hits=$(wc -l <"$TEST_TMP/hits" | tr -d ' ')
docs=$(cut -d: -f1 "$TEST_TMP/hits" | sort -u | wc -l | tr -d ' ')
"$WERKBEZOEK" --search=gem "$dir" >"$TEST_TMP/gem"
gem=$(wc -l <"$TEST_TMP/gem" | tr -d ' ')
ok "$(test "$hits" -gt 10000 && test "$docs" -lt 150; echo $?)" \
	"the oracle: $hits hits of gemeente in $docs documents, $gem of gem"

for size in "80 24" "132 40"; do
	set -- $size
	screen_start "$1" "$2" --no-session "$dir"
	screen_wait "Documents (150)"
	screen_keys /
	screen_wait_row "$2" "/"
	for key in g e m; do
		screen_keys "$key"
	done
	screen_wait_row "$2" "/gem"
	# a count that ends in + is partial: wait for the whole of it
	screen_wait_row "$2" "/$gem hits"
	for key in e e n t e; do
		screen_keys "$key"
	done
	screen_wait_row "$2" "/gemeente"
	screen_wait_row "$2" "/$hits hits"
	if [ "$1" -gt 80 ]; then
		screen_wait "/gemeente · $hits hits in $docs documents"
	fi
	screen_keys Enter
	screen_wait " 1/$hits hits · ? help"
	if [ "$1" -gt 80 ]; then
		screen_wait "/gemeente · $hits hits in $docs documents"
	fi
	# the results kept: n goes on from them
	screen_keys n
	screen_wait " 2/$hits hits · ? help"
	screen_keys q
	screen_wait_exit
	is "$SCREEN_STATUS" 0 "$1x$2: q exits with status 0"
	screen_stop
done

done_testing
