# --check --untagged: register names left untagged in the text.  The
# bundled corpus tags every name, so nothing is printed there; a fixture
# with untagged names (tests/fixtures/corpus/lint/untagged.xml) shows
# what is reported and what is not: a tagged occurrence, the title, a
# short form ("GGZ" of "GGZ Drenthe"), a name inside a longer word; then
# the records never mentioned and a likely duplicate (records.xml).
. "$top_srcdir/tests/lib/tap.sh"

cd "$top_srcdir" || exit 2
wb() { "$WERKBEZOEK" "$@"; }

run wb --check --untagged corpus
is "$out" "" "the bundled corpus: every register name in the text is tagged"
is "$status" 0 "the bundled corpus: exit 0"

f=tests/fixtures/corpus/lint/untagged.xml
run wb --check --untagged "$f"
is "$status" 1 "untagged names: exit 1"
is "$out" "$f:10:31: untagged 'Aly van Beek' (u-aly)
$f:11:1: untagged 'Van Beek' (u-aly)
$f:11:41: untagged 'Émmen' (u-emmen)
$f:6:1: never mentioned 'GGZ Drenthe' (u-ggz)
$f:7:1: never mentioned 'Émmen' (u-emmen)" "untagged names: where, which name, whose; then the records never mentioned"
# the column counts characters in the block as --show --width=0 prints it
text=$(wb --show=untagged --width=0 "$f" | grep '^Aly van Beek sprak')
is "$(printf '%s' "$text" | cut -c31-42)" "Aly van Beek" "the column is the name's in --show --width=0"

# records: never mentioned; the same name once normalised (spaces, case,
# accents) under two ids; a variant alike is no duplicate
f=tests/fixtures/corpus/lint/records.xml
run wb --check --untagged "$f"
is "$status" 1 "records to look at again: exit 1"
is "$out" "$f:8:1: never mentioned 'Stichting Maan' (r-maan)
$f:7:1: likely duplicate 'stichting Zón' (r-zon-2) of 'Stichting Zon' (r-zon) at $f:6" \
	"a record never mentioned, a likely duplicate and the record it repeats"

f=tests/fixtures/corpus/lint/untagged.xml
run wb --check "$f"
is "$out" "" "--check alone does not look for untagged names"

done_testing
