# tap.sh: Test Anything Protocol helpers for the shell tests.
#
# Source it, call the checks, end with done_testing.  Each check prints
# "ok N - name" or "not ok N - name" and, on failure, what was expected as
# "# " lines.  Tests run under automake's tap-driver.sh.

: "${WERKBEZOEK:?WERKBEZOEK must name the binary under test (make check sets it)}"
: "${top_srcdir:?top_srcdir must be set (make check sets it)}"

tap_n=0
tap_failed=0

# A scratch directory of the test's own, removed on exit.
TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/wb-test.XXXXXX")
trap 'rm -rf "$TEST_TMP"' EXIT

ok() {  # ok CONDITION-STATUS NAME
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

# is GOT WANT NAME: string equality.
is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag "got:  $1" "want: $2"
	fi
}

# like GOT EXTENDED-REGEX NAME: the text matches the pattern.
like() {
	if printf '%s' "$1" | grep -Eq -- "$2"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag "want match for: $2" "got:" "$1"
	fi
}

# unlike GOT EXTENDED-REGEX NAME: the text does not match the pattern.
unlike() {
	if printf '%s' "$1" | grep -Eq -- "$2"; then
		ok 1 "$3"
		diag "unwanted match for: $2" "got:" "$1"
	else
		ok 0 "$3"
	fi
}

# run CMD...: runs a command, leaving $out, $err and $status.
run() {
	"$@" >"$TEST_TMP/out" 2>"$TEST_TMP/err"
	status=$?
	out=$(cat "$TEST_TMP/out")
	err=$(cat "$TEST_TMP/err")
}

# skip_all REASON: the whole test cannot run here.  Under CI nothing may be
# skipped, so there it fails instead.
skip_all() {
	if [ -n "${CI:-}" ]; then
		echo "1..1"
		echo "not ok 1 - cannot run under CI: $1"
		exit 1
	fi
	echo "1..0 # SKIP $1"
	exit 0
}

done_testing() {
	echo "1..$tap_n"
	[ "$tap_failed" -eq 0 ]
	exit $?
}
