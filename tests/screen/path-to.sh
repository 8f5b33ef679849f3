# p on an entity's page begins ":path ID " in the : prompt, Tab completes
# the other entity's name and Enter opens the chains; elsewhere p says
# where it works.  At 80x24 and wide.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

for size in "80 24" "132 40"; do
	set -- $size
	screen_start "$1" "$2" --no-session "$top_srcdir/corpus"
	screen_wait "Documents (5)"
	screen_keys p
	screen_wait "p finds paths from an entity: open its page first"
	screen_keys : ; screen_type "entity Aly van Beek"; screen_keys Enter
	screen_wait "Type: person"
	screen_keys p
	screen_wait ":path aly-van-beek"
	screen_type "I-Kr"; screen_keys Tab
	screen_wait ":path aly-van-beek I-Kracht"
	screen_keys Enter
	screen_wait "Path Aly van Beek"
	screen_wait "Chain 1: 2 steps, cost 4"
	# Tab after a comma completes the second name too
	screen_keys : ; screen_type "path Marijke Vos, Aly van B"; screen_keys Tab
	screen_wait ":path Marijke Vos, Aly van Beek"
	screen_keys Escape
	# a first name of several words, without quotes or comma yet, is
	# completed whole; in an open quote too
	screen_keys : ; screen_type "path Aly van B"; screen_keys Tab
	screen_wait ":path Aly van Beek"
	screen_type ", I-Kr"; screen_keys Tab
	screen_wait ":path Aly van Beek, I-Kracht"
	screen_keys Escape
	screen_keys : ; screen_type 'path "Marijke V'; screen_keys Tab
	screen_wait ':path "Marijke Vos'
	screen_type '" Aly van B'; screen_keys Tab
	screen_wait ':path "Marijke Vos" Aly van Beek'
	screen_keys Enter
	screen_wait "Path Marijke Vos"
	screen_keys : ; screen_type quit; screen_keys Enter
	screen_wait_exit
	screen_check_restored "$1x$2"
done

done_testing
