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

# the hostile inputs of tests/stress/make-hostile.py, small, each in one
# file (the target's in.xml, beside good.xml): what is spread over files
# there includes in.xml itself or good.xml here
h="$out/load/hostile"
tei() {  # tei PROLOG BODY: a one-document TEI file on stdout
	printf '<?xml version="1.0" encoding="UTF-8"?>\n%s<TEI xmlns="http://www.tei-c.org/ns/1.0"' "$1"
	printf ' xmlns:xi="http://www.w3.org/2001/XInclude" xml:id="attack"><teiHeader><fileDesc>'
	printf '<titleStmt><title>Aanval</title></titleStmt></fileDesc></teiHeader>'
	printf '<text><body>%s</body></text></TEI>\n' "$2"
}
rep() {  # rep N STRING: STRING N times, %d replaced by the count
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 1; i <= n; i++) { t = s; gsub(/%d/, i, t); printf "%s", t } }'
}
tei '' '<p><xi:include href="in.xml"/></p>' > "$h-include-self"
tei '' '<p><xi:include href="in.xml" parse="text"/></p>' > "$h-include-self-text"
tei '' "<p>$(rep 20 '<xi:include href="good.xml" parse="text"/>')</p>" > "$h-include-text-20"
tei '' "<p>$(rep 10 '<xi:include href="good.xml" xpointer="p1"/>')</p>" > "$h-include-fanout"
tei '' '<p><xi:include href="nowhere.xml"><xi:fallback>weg</xi:fallback></xi:include></p>' \
	> "$h-include-missing"
tei '' '<p><xi:include href="/etc/passwd" parse="text"/><xi:include href="../../x.xml"/></p>' \
	> "$h-include-outside"
tei '' "$(rep 30 '<p>alinea %d</p>')<p><xi:include href=\"in.xml\" xpointer=\"xpointer(//*[count(preceding::*)&gt;count(following::*)])\"/></p>" \
	> "$h-include-xpointer"
tei '' "<p$(rep 2000 ' a%d="x"')>x</p>" > "$h-attributes"
tei "<!DOCTYPE TEI [<!ENTITY big \"$(rep 1000 x)\">]>
" "<p n=\"$(rep 300 '&big;')\">x</p>" > "$h-entity-in-attribute"
tei '<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
' '<p>&d;&d;</p>' > "$h-entity-laughs"
tei '<!DOCTYPE TEI [<!ENTITY ext SYSTEM "good.xml"><!ENTITY pw SYSTEM "file:///etc/passwd">]>
' '<p>&ext;&pw;</p>' > "$h-entity-external"
tei '' "$(rep 300 '<p><persName ref="#nergens%d">x</persName></p>')" > "$h-unresolved"
tei '' "$(rep 200 '<div><p>')diep$(rep 200 '</p></div>')" > "$h-deep-elements"

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
# the corpus uses, and the structures the loader treats specially:
# identifiers and references, XInclude, entity declarations, the prolog
{
	find "$src/corpus" "$src/tests/fixtures" -name '*.xml' -type f -exec cat {} + |
		grep -o '<[A-Za-z:][A-Za-z0-9:]*\|[A-Za-z:][A-Za-z0-9:]*="' | sort -u |
		sed 's/"/\\"/g; s/.*/"&"/'
	# the TEI elements the loader knows by name (TEI_ELEMENTS, tui/lib/tei.h),
	# as start and end tags
	sed -n 's/^[[:space:]]*X(\([A-Za-z][A-Za-z0-9]*\),.*/\1/p' "$src/tui/lib/tei.h" |
		sort -u | while IFS= read -r el; do
			printf '"<%s"\n"</%s>"\n' "$el" "$el"
		done
	cat <<'DICT'
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
"<!DOCTYPE TEI ["
"]>"
"<!ENTITY "
"<!ENTITY % "
" SYSTEM \""
" PUBLIC \""
"%pe;"
"&a;"
"<!ELEMENT "
"<!ATTLIST "
"<![CDATA["
"]]>"
"<!--"
"-->"
"<?pi ?>"
"&#x"
"&#"
"&amp;"
"&lt;"
"&gt;"
"&quot;"
"&apos;"
"/>"
"</"
"xmlns=\"http://www.tei-c.org/ns/1.0\""
"xmlns:xi=\"http://www.w3.org/2001/XInclude\""
"xml:id=\""
"xml:lang=\""
"xml:base=\""
"xml:space=\"preserve\""
"<xi:include href=\""
"<xi:fallback>"
"</xi:fallback>"
"</xi:include>"
"parse=\"text\""
"parse=\"xml\""
"xpointer=\""
"xpointer(//"
"element(/1/2)"
"encoding=\""
"href=\""
"ref=\"#"
"target=\"#"
"sameAs=\"#"
"corresp=\"#"
"active=\"#"
"passive=\"#"
"mutual=\"#"
"when=\""
"type=\""
"role=\""
"n=\""
"place=\"foot\""
"good.xml"
"in.xml"
"good.xml#p1"
"#p1"
"#p2"
"#o1"
"#o2"
"#l1"
"#good"
"psn:"
"psn:p1"
"#p1 #p2"
DICT
} | awk '!seen[$0]++' > "$out/tei.dict"

rm -f "$subjects" "$patterns"
echo "seeds: $(ls "$out/load" | wc -l) load, $(ls "$out/search" | wc -l) search, $(ls "$out/text" | wc -l) text in $out"
