#!/bin/bash
# corpus-check.sh: validate and cross-check the werkbezoek TEI corpus.
#
# Run from anywhere: $top_srcdir is the source tree (default: the parent
# of this script's directory). Prints TAP and exits non-zero on any failure:
#   a. every corpus/documents/*.xml and corpus/register.xml validates against
#      corpus/schema/werkbezoek.rng (xmllint --noout --relaxng);
#   b-e. pointers resolve, xml:ids are unique, every register record is
#      mentioned, every document has a date, a text type and a seed idno that
#      names a file in ../shared/seeds (see corpus_check.py).
# Without xmllint or python3 the script skips (1..0 # SKIP), unless $CI is
# set: then it fails.
set -u

# make check exports top_srcdir; run by hand, the script finds it itself.
top=$(cd "${top_srcdir:-$(dirname "$0")/..}" && pwd)
srcdir=$top/tests
corpus=$top/corpus
schema=$corpus/schema/werkbezoek.rng
# The seed texts beside the project (.ci/run exports WERKBEZOEK_SEEDS so
# that distcheck's copy finds them too).  Under CI they must be there.
seeds=${WERKBEZOEK_SEEDS:-$top/../shared/seeds}
if [ ! -d "$seeds" ] && [ -n "${CI:-}" ]; then
	echo "1..1"
	echo "not ok 1 - the seed texts are at $seeds (CI is set: nothing may be skipped)"
	exit 1
fi

missing=
command -v xmllint >/dev/null 2>&1 || missing="$missing xmllint"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
if [ -n "$missing" ]; then
	if [ -n "${CI:-}" ]; then
		echo "1..1"
		echo "not ok 1 - tools needed by the corpus check are installed"
		echo "# missing:$missing (CI is set, so this is a failure)"
		exit 1
	fi
	echo "1..0 # SKIP missing:$missing"
	exit 0
fi

shopt -s nullglob
docs=("$corpus"/documents/*.xml)
files=("${docs[@]}" "$corpus/register.xml")
ndocs=${#docs[@]}
# schema tests + parse/ids/pointers/register + 2 per document
echo "1..$(( ${#files[@]} + 4 + 2 * ndocs ))"

failed=0
n=0
for f in "${files[@]}"; do
	n=$((n + 1))
	name=${f#"$top"/}
	if out=$(xmllint --noout --nonet --relaxng "$schema" "$f" 2>&1); then
		echo "ok $n - $name validates against werkbezoek.rng"
	else
		failed=1
		echo "not ok $n - $name validates against werkbezoek.rng"
		printf '%s\n' "$out" | sed 's/^/# /'
	fi
done

python3 "$srcdir/corpus_check.py" "$corpus" "$seeds" $((n + 1)) || failed=1
exit $failed
