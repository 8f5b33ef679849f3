# Restricted mode in the browser, at 80x24 and wide: --restricted or
# WERKBEZOEK_RESTRICTED=1, v runs no editor (the status line says so, and
# the editor never ran); the browser goes on, and R (which only reads the
# corpus) still loads it again.
. "$top_srcdir/tests/lib/tap.sh"
. "$top_srcdir/tests/lib/screen.sh"

cat >"$TEST_TMP/ed.sh" <<SCRIPT
#!/bin/sh
echo ran >"$TEST_TMP/ran"
SCRIPT
chmod +x "$TEST_TMP/ed.sh"

run_restricted() {
	local cols=$1 rows=$2 how=$3
	rm -f "$TEST_TMP/ran"
	if [ "$how" = --restricted ]; then
		SCREEN_ENV="VISUAL=$TEST_TMP/ed.sh EDITOR=$TEST_TMP/ed.sh" \
			screen_start "$cols" "$rows" --no-session --restricted "$top_srcdir/corpus"
	else
		SCREEN_ENV="VISUAL=$TEST_TMP/ed.sh EDITOR=$TEST_TMP/ed.sh WERKBEZOEK_RESTRICTED=1" \
			screen_start "$cols" "$rows" --no-session "$top_srcdir/corpus"
	fi
	screen_wait "Documents (5)"
	screen_keys 2 v
	screen_wait "restricted mode: no editor"
	ok "$([ ! -e "$TEST_TMP/ran" ]; echo $?)" "$cols x$rows $how: the editor did not run"
	screen_keys R
	screen_wait "loaded again"
	# a config file the reader names is a path outside the corpus
	screen_keys :
	screen_type "source /etc/passwd"
	screen_keys Enter
	screen_wait "restricted mode: no :source"
	screen_keys q
	screen_wait_exit
	is "$SCREEN_STATUS" 0 "$cols x$rows $how: exits 0"
	screen_check_restored "$cols x$rows $how"
}

run_restricted 80 24 --restricted
run_restricted 132 40 WERKBEZOEK_RESTRICTED=1

# not restricted: the same editor runs (the check above can fail)
rm -f "$TEST_TMP/ran"
SCREEN_ENV="VISUAL=$TEST_TMP/ed.sh WERKBEZOEK_RESTRICTED=0" \
	screen_start 80 24 --no-session "$top_srcdir/corpus"
screen_wait "Documents (5)"
screen_keys 2 v
screen_wait "not changed"
ok "$([ -e "$TEST_TMP/ran" ]; echo $?)" "WERKBEZOEK_RESTRICTED=0: the editor ran"
screen_keys q
screen_wait_exit
screen_check_restored "not restricted"

done_testing
