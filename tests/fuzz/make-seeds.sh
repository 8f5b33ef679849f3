#!/bin/sh
# make-seeds.sh: seed corpora for the fuzz targets.
#
# Usage: tests/fuzz/make-seeds.sh OUTDIR [SRCDIR]
# Makes OUTDIR/load (every TEI file of the bundled corpus and of the test
# fixtures, as they are), OUTDIR/search (flag byte, pattern, NUL, subject:
# the layout fuzz_search.c reads) and OUTDIR/text (lines of corpus text
# and hostile strings, after fuzz_text.c's two parameter bytes).
# SRCDIR is the source tree, by default the one this script is in.
set -eu

out=${1:?usage: make-seeds.sh OUTDIR [SRCDIR]}
src=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
mkdir -p "$out/load" "$out/search" "$out/text"

n=0
find "$src/corpus" "$src/tests/fixtures" -name '*.xml' -type f | sort |
while IFS= read -r f; do
	n=$((n + 1))
	cp "$f" "$out/load/$(printf '%03d' "$n")-$(basename "$f" | tr ' ' _)"
done
# the regression inputs are seeds too
for f in "$src"/tests/fuzz/regressions/load-*; do
	[ -f "$f" ] && cp "$f" "$out/load/"
done

# Subjects: some lines of real text (with accents, quotes, dashes), and
# text made to be awkward: controls, bidi, combining marks, wide
# characters, invalid bytes.
subjects="$out/.subjects"
{
	# the text of <p> elements, tags dropped, one per line
	for f in "$src"/corpus/documents/*.xml; do
		sed -n 's/.*<p[ >]\(.*\)<\/p>.*/\1/p' "$f" | sed 's/<[^>]*>//g' | head -n 6
	done
	printf 'Caf\303\251 na\303\257ef \303\251\303\251n co\303\266peratie\n'
	printf 'e\314\201e\314\201n (combining) en A\314\212\n'
	printf 'abc\342\200\256def\342\200\254 bidi\n'
	printf 'wide \344\270\255\346\226\207 \357\274\241\n'
	printf 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n'
	printf 'tab\there bell\007 del\177 c1\302\205 esc\033[31m\n'
	printf 'bad \377\376 bytes \300\257 \355\240\200 surrogate\n'
	printf '\342\200\234quote\342\200\235 \342\200\223 dash \342\200\246\n'
} > "$subjects"

# pattern list: one per line; flags 0..7 cycle over them
patterns="$out/.patterns"
cat > "$patterns" <<'PAT'
een
Een
\bde\b
(?i)MOGROEP
\w+
^\S+
\p{Lu}\w*
.$
é
e\x{301}
[a-zé]+
(a+)+$
(a|aa)+b
(?<=\s)\w{3}
\s
[^x]+
x*
\Qa.b\E
(*NO_JIT)een
(*CR)een
(?=a)
a\Kb
(?|(a)|(b))\1
\N{U+E9}
[[:alpha:]]+
(?(DEFINE)(?<w>\w+))(?&w)
PAT

i=0
while IFS= read -r pat; do
	j=0
	while IFS= read -r subj; do
		j=$((j + 1))
		[ $((j % 5)) -eq $((i % 5)) ] || continue
		flags=$((i % 8))
		{
			printf "\\$(printf '%03o' "$flags")"
			printf '%s' "$pat"
			printf '\000'
			printf '%s\n' "$subj"
		} > "$out/search/$(printf '%03d-%03d' "$i" "$j")"
	done < "$subjects"
	i=$((i + 1))
done < "$patterns"
for f in "$src"/tests/fuzz/regressions/search-*; do
	[ -f "$f" ] && cp "$f" "$out/search/"
done

# text: two parameter bytes (width, label length) and a line
j=0
while IFS= read -r subj; do
	j=$((j + 1))
	{
		printf "\\$(printf '%03o' $((j * 7 % 200 + 1)))"
		printf "\\$(printf '%03o' $((j % 5)))"
		printf '%s' "$subj"
	} > "$out/text/$(printf '%03d' "$j")"
done < "$subjects"
for f in "$src"/tests/fuzz/regressions/text-*; do
	[ -f "$f" ] && cp "$f" "$out/text/"
done

# a libFuzzer dictionary for fuzz_load: the element and attribute names
# the corpus uses, and the XML that reaches the loader
{
	find "$src/corpus" "$src/tests/fixtures" -name '*.xml' -type f -exec cat {} + |
		grep -o '<[A-Za-z:][A-Za-z0-9:]*\|[A-Za-z:][A-Za-z0-9:]*="' | sort -u |
		sed 's/"/\\"/g; s/.*/"&"/'
	for w in '<!DOCTYPE' '<!ENTITY' 'SYSTEM' '<![CDATA[' '&#x' '&amp;' '/>' '</' \
		'xmlns:xi=\"http://www.w3.org/2001/XInclude\"' '<xi:include href=\"' \
		'good.xml' 'in.xml' '#p1' '#o1' '#l1' 'psn:'; do
		printf '"%s"\n' "$w"
	done
} > "$out/tei.dict"

rm -f "$subjects" "$patterns"
echo "seeds: $(ls "$out/load" | wc -l) load, $(ls "$out/search" | wc -l) search, $(ls "$out/text" | wc -l) text in $out"
