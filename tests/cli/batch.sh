# The batch interface against the bundled corpus: every option, its output
# format and its exit status.
. "$top_srcdir/tests/lib/tap.sh"

CORPUS="$top_srcdir/corpus"
wb() { "$WERKBEZOEK" "$@"; }

# --list: one line per document, four fields, oldest first
run wb --list "$CORPUS"
is "$status" 0 "--list exits 0"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 5 "--list shows the five documents"
is "$(printf '%s\n' "$out" | awk -F'\t' 'NF != 4' | wc -l | tr -d ' ')" 0 "--list: four tab-separated fields on every line"
is "$(printf '%s\n' "$out" | cut -f2 | tr '\n' ' ')" "2012-11-01 2013-11-24 2014-11-05 2015 2017-05-11 " "--list: oldest first, ISO dates"
like "$out" "$(printf 'doc-2014-11-05-tinten\t2014-11-05\twerkbezoek\tWerkbezoek MOgroep aan Tinten')" "--list: id, date, type, title"
like "$out" "$(printf '\tinterview\t')" "--list: the interview's type"
unlike "$out" "register" "--list: the register is not a document"

# the corpus from the environment, and the default in the build tree
run env WERKBEZOEK_CORPUS="$CORPUS" "$WERKBEZOEK" --list
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 5 "WERKBEZOEK_CORPUS names the corpus"
run wb --list
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 5 "the build-tree binary finds the source tree's corpus"
run wb --list "$CORPUS/documents/2014-11-05-tinten.xml"
is "$(printf '%s\n' "$out" | cut -f1)" "doc-2014-11-05-tinten" "a single file as the corpus"
run wb --list /nonexistent/corpus
is "$status" 2 "a corpus that does not exist: exit 2"
like "$err" "cannot open corpus /nonexistent/corpus" "a corpus that does not exist: a message"

# --entities
run wb --entities "$CORPUS"
is "$status" 0 "--entities exits 0"
is "$(printf '%s\n' "$out" | awk -F'\t' 'NF != 5' | wc -l | tr -d ' ')" 0 "--entities: five tab-separated fields"
like "$out" "$(printf 'aly-van-beek\tperson\tAly van Beek\t[0-9]+\t3')" "--entities: Aly van Beek, in three documents"
like "$out" "$(printf 'mogroep\torg\tMOgroep\t')" "--entities: the MOgroep"
run wb --entities=place "$CORPUS"
is "$(printf '%s\n' "$out" | cut -f2 | sort -u)" "place" "--entities=place lists only places"
like "$out" "$(printf 'musselkanaal\tplace\tMusselkanaal')" "--entities=place: Musselkanaal"
run wb --entities=spaceship "$CORPUS"
is "$status" 1 "--entities of a type nobody has: exit 1"

# --entity: a person, an organisation, a place
run wb --entity=aly-van-beek "$CORPUS"
is "$status" 0 "--entity exits 0"
is "$(printf '%s\n' "$out" | head -1)" "Aly van Beek" "--entity: the name first"
like "$out" "Affiliated with: MOgroep \(directeur\)" "--entity: a person's organisation with role"
like "$out" "Mentions \([0-9]+ in 3 documents\)" "--entity: mentions counted"
like "$out" "Timeline: 2013 \(1\) ─ 2014 \(1\) ─ 2015 \(1\)" "--entity: a timeline of years, documents in each"
# the record's note, as the register has it (read by xml.etree, not by us)
note=$(python3 -c '
import sys, xml.etree.ElementTree as ET
T = "{http://www.tei-c.org/ns/1.0}"
for p in ET.parse(sys.argv[1]).iter(T + "person"):
    if p.get("{http://www.w3.org/XML/1998/namespace}id") == sys.argv[2]:
        for n in p.findall(T + "note"):
            print(" ".join("".join(n.itertext()).split()))
' "$CORPUS/register.xml" aly-van-beek)
is "$(printf '%s\n' "$out" | grep '^Note: ')" "Note: $note" "--entity: the record's note, whole"
run wb --entity=herman-idema "$CORPUS"
like "$out" "Note: Aanwezig namens de VPB in Emmen \(2014\)\." "--entity: a note of a record with no role"
unlike "$out" "Role: Aanwezig" "--entity: a note is not taken for the role"
run wb --entity=mogroep "$CORPUS"
like "$out" "People: .*Aly van Beek \(directeur\)" "--entity: an organisation's people with roles"
like "$out" "Succeeded by: Sociaal Werk Nederland" "--entity: an organisation's successor"
run wb --entity=musselkanaal "$CORPUS"
like "$out" "Part of: Stadskanaal" "--entity: a place inside a place"
run wb --entity=no-such-id "$CORPUS"
is "$status" 1 "--entity of an unknown id: exit 1"
like "$err" "no entity 'no-such-id'" "--entity of an unknown id: a message"

# --show: the scan errors read corrected, one block per line at width 0
run wb --show=doc-2012-11-01-sedna-wmd --width=0 "$CORPUS"
is "$status" 0 "--show exits 0"
like "$out" "Er is geen budget meer" "--show: a scan error reads corrected (Eris)"
unlike "$out" "Eris geen" "--show: the scan error itself is not shown"
like "$out" "^De MOgroep op werkbezoek" "--show: the title first"
like "$out" "Date: 2012-11-01" "--show: the date in the header"
run wb --show=doc-2017-05-11-almelo --width=0 "$CORPUS"
like "$out" "delegatie\[1\] van Sociaal Werk Nederland" "--show: the note's marker where it stands"
like "$out" "$(printf '\n')\[1\] " "--show: the note is a block of its own"
run wb --show=doc-2014-11-05-tinten --width=40 "$CORPUS"
is "$(printf '%s\n' "$out" | LC_ALL=C.UTF-8 wc -L | tr -d ' ')" 40 "--show --width=40: the widest line is 40 columns"
like "$out" "^Werkbezoek MOgroep aan Tinten" "--show --width=40: the title"
run wb --show=doc-2014-11-05-tinten "$CORPUS"
is "$(printf '%s\n' "$out" | grep -c 'Emmen was de eerste stop')" 1 "--show on a pipe: one block per line"
run wb --show=nope "$CORPUS"
is "$status" 1 "--show of an unknown document: exit 1"
run wb --show=doc-2014-11-05-tinten --width=abc "$CORPUS"
is "$status" 2 "--width that is not a number: exit 2"

# --check: the bundled corpus is clean; a broken file is reported and
# the rest still opens
run wb --check "$CORPUS"
is "$status" 0 "--check of the bundled corpus: exit 0"
is "$out" "" "--check of the bundled corpus: no problems"
mkdir -p "$TEST_TMP/c"
cp "$CORPUS"/documents/*.xml "$CORPUS/register.xml" "$TEST_TMP/c/"
printf '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<text><body><p>open\n</body></TEI>\n' >"$TEST_TMP/c/broken.xml"
run wb --check "$TEST_TMP/c"
is "$status" 1 "--check with a malformed file: exit 1"
like "$out" "broken.xml:[0-9]+:[0-9]+: error: " "--check: file:line:column: message"
run wb --list "$TEST_TMP/c"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 5 "a malformed file is skipped, the rest opens"
like "$err" "broken.xml:[0-9]+:[0-9]+: error: " "the other modes report the skipped file on stderr"

# --max-file-size: a file over the limit is reported and skipped
mkdir -p "$TEST_TMP/big"
cp "$CORPUS/documents/2014-11-05-tinten.xml" "$TEST_TMP/big/"
{
	printf '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="groot"><text><body><p>'
	head -c 1200000 /dev/zero | tr '\0' a
	printf '</p></body></text></TEI>\n'
} >"$TEST_TMP/big/groot.xml"
run wb --list --max-file-size=1 "$TEST_TMP/big"
is "$(printf '%s\n' "$out" | cut -f1)" "doc-2014-11-05-tinten" "--max-file-size=1: the 1.2 MB file is skipped, the rest opens"
like "$err" "groot.xml:[0-9]+:[0-9]+: error: .*--max-file-size" "--max-file-size: the skipped file is reported"
run wb --list --max-file-size=2 "$TEST_TMP/big"
is "$(printf '%s\n' "$out" | wc -l | tr -d ' ')" 2 "--max-file-size=2: both files open"
run wb --list --max-file-size=0 "$TEST_TMP/big"
is "$status" 2 "--max-file-size=0: exit 2"

# real TEI read right (issue 11): letters told apart, every record kind,
# no false alarm for an id that exists
FIX="$top_srcdir/tests/fixtures/corpus"
run wb --list "$FIX/letters"
is "$out" "$(printf 'letter-1\t1890-01-31\t\tBriefwechsel (Joachim, Jaques \342\206\222 Schnitzler, Arthur, 1890-01-31) [letter-1]\nletter-3\t1890-01-31\t\tBriefwechsel (Joachim, Jaques \342\206\222 Schnitzler, Arthur, 1890-01-31) [letter-3]\nletter-2\t1890-02-10\t\tBriefwechsel (Schnitzler, Arthur \342\206\222 Joachim, Jaques, 1890-02-10)')" "--list: letters under one series title are told apart"
run wb --show=letter-2 --width=0 "$FIX/letters"
is "$out" "$(printf 'Briefwechsel\nDate: 1890-02-10\nFrom: Schnitzler, Arthur, Wien, 1890-02-10\nTo: Joachim, Jaques, 1890-02-10 to 1890-02-12 (approximate)\nAntwort.')" "--show: a letter's header lines"
run wb --entities "$FIX/works"
is "$out" "$(printf 'w-brief\tobject\tBriefpapier\t1\t1\nw-maerchen\twork\tDas M\303\244rchen\t1\t1\nw-bild\tartwork\tDer Kuss\t1\t1\nw-kafka\tperson\tEduard Michael Kafka\t0\t0\nw-lessing\torg\tLessing-Theater\t1\t1\nw-moderne\twork\tModerne Dichtung\t1\t1\nw-premiere\tevent\tPremiere von Das M\303\244rchen\t1\t1\nwork:die fackel\twork (no record)\tDie Fackel\t1\t1\nplace:stelle\tplace (no record)\tStelle\t1\t1')" "--entities: works, objects, foreign records; unlinked names last"
run wb --entity=w-premiere "$FIX/works"
like "$out" "$(printf 'Relations\norganisedBy: Lessing-Theater\nattendedBy: Eduard Michael Kafka\nrelated: Das M\303\244rchen')" "--entity: an event's pointer records are its relations"
run wb --check "$FIX/works"
is "$status$out" "0" "--check: an id that exists (an anchor's) is no unknown id"
mkdir -p "$TEST_TMP/many"
{
	printf '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="many"><text><body>\n'
	i=0
	while [ $i -lt 150 ]; do printf '<p><persName ref="#nobody-%d">X</persName></p>\n' $i; i=$((i + 1)); done
	printf '</body></text></TEI>\n'
} >"$TEST_TMP/many/many.xml"
run wb --check "$TEST_TMP/many"
is "$(printf '%s\n' "$out" | grep -c "unknown id")" 150 "--check: every problem of a file, not the first 100"
is "$(printf '%s\n' "$out" | tail -n 1)" "$TEST_TMP/many/many.xml:1:1: warning: 150 problems in this file" "--check: a summary line for a file with more than 100"

run wb --list "$FIX/xinclude"
is "$out" "$(printf 'xi-a\t2001-01-01\t\tDeel a\nxi-b\t2001-02-01\t\tDeel b')" "--list: a file XIncluded by a teiCorpus beside it loads once"
run wb --entity=xi-p-a "$FIX/xinclude"
like "$out" "Mentions \(1 in 1 document\)" "--entity: a mention in an XIncluded file counts once"

run wb --show=ln-a --width=0 "$FIX/links"
is "$out" "$(printf 'Verwijzingen\nDate: 2002-01-01\nParticipants: Piet\nZie de noot[#so-1] en de achternoot.\nHet anker hier, hoofdstuk twee, leeg [#so-1].\nTekst met een anker.\n[1] Achternoot over Piet.\n[2] Een noot in standOff over Piet.')" "--show: a standOff note after the text; an empty ref shows its target"
run wb --entity=lp-piet "$FIX/links"
like "$out" "Mentions \(2 in 1 document\)" "--entity: a standOff note's mention counts"

run wb --show=dr-play --width=0 "$FIX/drama"
is "$out" "$(printf 'Het spel\nDate: 1900\nParticipants: Anna, Bert, Cees\nAnna, een zuster\nBert\nEerste bedrijf\nAnna en Bert op.\nsamen\nANNA EN BERT: Goedemorgen!\nCees: Daar ben ik lachend weer.\nHij gaat af.')" "--show: stage directions inside a speech are blocks of their own"
run wb --entities "$FIX/drama"
is "$out" "$(printf 'dr-anna\tperson\tAnna\t2\t1\ndr-bert\tperson\tBert\t2\t1\ndr-cees\tperson\tCees\t1\t1')" "--entities: both speakers of a speech and the cast items count"

run wb --search=werkbezoek "$FIX/chars"
is "$out" "ch-text:3:5:Een werkbezoek aan Emmen." "--search: a word with a soft hyphen inside is found"
run wb --search='Emmen\.' "$FIX/chars"
is "$out" "ch-text:3:20:Een werkbezoek aan Emmen." "--search: a word with a zero-width space inside is found"
run wb --show=ch-text --width=0 "$FIX/chars"
is "$out" "$(printf 'Tekens\nDate: 2003\nEen werkbezoek aan Emmen.\nGoede morgen, zei hij.\nHij zei (zacht): \342\200\236Goed\342\200\234, \342\200\234fine\342\200\235\n\342\200\242 a) eerste')" "--show: tokens joined before closing and after opening punctuation, spaced between words; a space after an item label"

run wb --show=ap-ed --width=0 "$FIX/apparatus"
is "$out" "$(printf 'Editie\nDate: 2004\n3. Het begin\nIn den beginne\302\260 was het woord.\n\302\260 beginne (A) ] aanvang (B); om. (C)\nverse 4\nEn het woord was\302\260\302\260 bij God.\n\302\260 was ] is (C)\n\302\260 woord was ] was woord (B C)\n\302\247 5 Slot\nAmen.\302\260\n\302\260 . (A) ] ! (B) \342\200\224 B heeft een uitroep.')" "--show: an app's lemma with a marker, its readings in a note; div numbers with the headings"
run wb --search='verse 4|3\. Het' "$FIX/apparatus"
is "$out" "$(printf 'ap-ed:3:1:3. Het begin\nap-ed:6:1:verse 4')" "--search: a division's number is part of its heading"
run wb --search=aanvang "$FIX/apparatus"
is "$out" "$(printf 'ap-ed:5:17:\302\260 beginne (A) ] aanvang (B); om. (C)')" "--search: a variant reading is found in its apparatus note"

run wb --entity=p-schnitzler "$FIX/letters"
is "$(printf '%s\n' "$out" | sed -n '/^Letters written/,/^Appears with/p')" "$(printf 'Letters written (1)\n1890-02-10  Briefwechsel (Schnitzler, Arthur \342\206\222 Joachim, Jaques, 1890-02-10)\nLetters received (2)\n1890-01-31  Briefwechsel (Joachim, Jaques \342\206\222 Schnitzler, Arthur, 1890-01-31) [letter-1]\n1890-01-31  Briefwechsel (Joachim, Jaques \342\206\222 Schnitzler, Arthur, 1890-01-31) [letter-3]\nAppears with')" "--entity: a correspondent's letters written and received, before the mentions"
run wb --entity='place:stelle' "$FIX/works"
like "$out" "Record: \(no record\), known from its mentions only" "--entity: a name without a record says so"

run wb --show=so-text --width=0 "$FIX/standoff"
is "$out" "$(printf 'Tekst met losse noten\nDate: 2005\nEerste[so-notes.xml#sn-1] en tweede, nog eens[so-notes.xml#sn-1].\n[1] Een losse noot over Jan.\n[2] Nog een losse noot.')" "--show: standOff notes of a file with no text, in the document that points at them"

# only one mode at a time
run wb --list --check "$CORPUS"
is "$status" 2 "two modes at once: exit 2"
# messages that repeat a path, an id or a register name are sanitised: an
# ESC in a corpus path shows as ^[, never raw
esc=$(printf '\033')
run wb --list "$TEST_TMP/a${esc}[2Jb"
is "$status" 2 "a missing corpus with ESC in its path: exit 2"
like "$err" "cannot open corpus .*/a\\^\\[\\[2Jb" "the path's ESC shows as ^["
ok "$(printf '%s' "$err" | LC_ALL=C grep -q "$esc"; [ $? -ne 0 ]; echo $?)" "no raw ESC in the message"
run wb --show="x${esc}]0;owned$(printf '\007')" "$FIX/chars"
ok "$(printf '%s%s' "$out" "$err" | LC_ALL=C grep -q "[$esc$(printf '\007')]"; [ $? -ne 0 ]; echo $?)" \
	"--show of an id with ESC and BEL: no raw control character in the message"
# ids that are not printable (from file names with ESC and U+009B) are
# listed escaped, and --show takes the escaped form back
mkdir -p "$TEST_TMP/ids"
for name in "x${esc}y" "c$(printf '\302\233')d"; do
	printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Tekst %s.</p></body></text></TEI>\n' \
		"$(printf '%s' "$name" | od -An -tx1 | tr -d ' \n')" >"$TEST_TMP/ids/$name.xml"
done
run wb --list "$TEST_TMP/ids"
is "$(printf '%s\n' "$out" | cut -f1 | sort | tr '\n' ' ')" "c<U+009B>d x^[y " "--list: the ids escaped"
run wb --show='x^[y' "$TEST_TMP/ids"
is "$out" "$(printf 'x^[y\nTekst 781b79.')" "--show='x^[y': the escaped id is taken back"
run wb --show='c<U+009B>d' "$TEST_TMP/ids"
is "$out" "$(printf 'c<U+009B>d\nTekst 63c29b64.')" "--show='c<U+009B>d': the escaped id is taken back"
run wb --show='c<U+009C>d' "$TEST_TMP/ids"
is "$status" 1 "--show of an escaped form no id has: not found"
# the pre-scan: attributes on one element and entities in attribute
# values, each bound an option named in the message
mkdir -p "$TEST_TMP/bomb"
cat >"$TEST_TMP/bomb/a.xml" <<'XML'
<!DOCTYPE TEI [<!ENTITY e "0123456789"><!-- <p a="1" b="2" c="3" d="4"> -->]>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="bomb"><text><body>
<p n="&e;&e;&e;" rend="x" xml:lang="nl">drie attributen</p></body></text></TEI>
XML
run wb --list "$TEST_TMP/bomb"
is "$(printf '%s' "$out" | cut -f1)" "bomb" "three attributes, 30 bytes of entities: listed"
run wb --list --max-attributes=2 "$TEST_TMP/bomb"
like "$err" 'a\.xml:3:1: error: skipped: 3 attributes on one element \(limit 2, --max-attributes\)' \
	"--max-attributes=2: skipped at the element, the option named (the comment's four not counted)"
is "$out" "" "--max-attributes=2: not listed"
mkdir -p "$TEST_TMP/bomb2"
{
	printf '<!DOCTYPE TEI [<!ENTITY e "%s">]>\n' "$(head -c 100000 /dev/zero | tr '\0' x)"
	printf '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="bomb2"><text><body><p n="'
	i=0; while [ $i -lt 20 ]; do printf '&e;'; i=$((i + 1)); done
	printf '">x</p></body></text></TEI>\n'
} >"$TEST_TMP/bomb2/b.xml"
run wb --list --max-entity-expansion=1 "$TEST_TMP/bomb2"
like "$err" 'b\.xml:2:69: error: skipped: entities would add 2000000 bytes to attribute values \(limit 1 MiB, --max-entity-expansion\)' \
	"--max-entity-expansion=1: 20 x 100 KB skipped, the option named"
run wb --list --max-entity-expansion=2 "$TEST_TMP/bomb2"
is "$(printf '%s' "$out" | cut -f1)" "bomb2" "--max-entity-expansion=2: listed"
# without an entity declaration and with no more '=' in the file than
# the limit, the pre-scan reads no tag: at the limit listed, one over
# (all on one element) skipped
mkdir -p "$TEST_TMP/bomb3"
cat >"$TEST_TMP/bomb3/c.xml" <<'XML'
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<p xml:id="c" n="1" rend="x" xml:lang="nl">vier</p></body></text></TEI>
XML
run wb --list --max-attributes=4 "$TEST_TMP/bomb3"
is "$(printf '%s' "$out" | cut -f1)" "c" "four '=' in the file, limit 4: listed"
run wb --list --max-attributes=3 "$TEST_TMP/bomb3"
like "$err" 'c\.xml:2:1: error: skipped: 4 attributes on one element \(limit 3, --max-attributes\)' \
	"four attributes on one element, limit 3: skipped"
done_testing
