# Restricted mode on the command line: werkbezoek import -o is refused
# (--restricted, or WERKBEZOEK_RESTRICTED set to anything but "" or "0"),
# with a message and status 2, and no file is written; standard output is
# still allowed.  --help names the option.
. "$top_srcdir/tests/lib/tap.sh"

cd "$top_srcdir" || exit 2
report=tests/fixtures/import/report.md
out_file="$TEST_TMP/out.xml"
unset WERKBEZOEK_RESTRICTED

for how in "--restricted" "WERKBEZOEK_RESTRICTED=1" "WERKBEZOEK_RESTRICTED=yes"; do
	rm -f "$out_file"
	case $how in
	--*) run "$WERKBEZOEK" import --restricted --register=tests/fixtures/import/register.xml -o "$out_file" "$report" ;;
	*) run env "$how" "$WERKBEZOEK" import --register=tests/fixtures/import/register.xml -o "$out_file" "$report" ;;
	esac
	is "$status" 2 "$how: import -o exits 2"
	like "$err" "restricted mode: no writing to files" "$how: import -o says why"
	ok "$([ ! -e "$out_file" ]; echo $?)" "$how: import -o wrote nothing"
done

run env WERKBEZOEK_RESTRICTED=1 "$WERKBEZOEK" import --register=tests/fixtures/import/register.xml "$report"
is "$status" 0 "restricted: import to standard output is allowed"
like "$out" "<TEI" "restricted: the document on standard output"

for v in 0 ""; do
	rm -f "$out_file"
	run env WERKBEZOEK_RESTRICTED="$v" "$WERKBEZOEK" import --register=tests/fixtures/import/register.xml -o "$out_file" "$report"
	is "$status" 0 "WERKBEZOEK_RESTRICTED='$v' is not restricted: -o writes"
	ok "$([ -s "$out_file" ]; echo $?)" "WERKBEZOEK_RESTRICTED='$v': the file is there"
done

run "$WERKBEZOEK" --help
like "$out" "--restricted" "--help names --restricted"
run "$WERKBEZOEK" import --help
like "$out" "--restricted" "import --help names --restricted"

done_testing
