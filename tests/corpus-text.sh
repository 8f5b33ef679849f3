#!/bin/bash
# corpus-text.sh: check that every encoded document reads word for word as
# its seed text in ../shared/seeds (with the sic readings of the scan errors).
#
# Run from anywhere: $top_srcdir is the source tree (default: the parent
# of this script's directory). Prints TAP; skips when ../shared/seeds is absent (e.g. in
# a dist tarball). The normalisations (markdown links and emphasis, line-end
# hyphenation, footnotes and pull quotes moved, "|" after run-in headings,
# list markers) are described in corpus_text.py.
# Without python3 the script skips (1..0 # SKIP), unless $CI is set: then it
# fails.
set -u

# make check exports top_srcdir; run by hand, the script finds it itself.
top=$(cd "${top_srcdir:-$(dirname "$0")/..}" && pwd)
srcdir=$top/tests
# The seed texts beside the project (.ci/run exports WERKBEZOEK_SEEDS so
# that distcheck's copy finds them too).  Under CI they must be there.
seeds=${WERKBEZOEK_SEEDS:-$top/../shared/seeds}
if [ ! -d "$seeds" ] && [ -n "${CI:-}" ]; then
	echo "1..1"
	echo "not ok 1 - the seed texts are at $seeds (CI is set: nothing may be skipped)"
	exit 1
fi

if ! command -v python3 >/dev/null 2>&1; then
	if [ -n "${CI:-}" ]; then
		echo "1..1"
		echo "not ok 1 - python3 is installed"
		echo "# python3 missing (CI is set, so this is a failure)"
		exit 1
	fi
	echo "1..0 # SKIP python3 missing"
	exit 0
fi

if [ ! -d "$seeds" ]; then
	echo "1..1"
	echo "ok 1 - # SKIP seeds not present"
	exit 0
fi

exec python3 "$srcdir/corpus_text.py" "$top/corpus" "$seeds"
