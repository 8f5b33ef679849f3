#!/usr/bin/env python3
"""make-hostile.py DIR CASE: writes the corpus of one hostile case into DIR.

Each case is a corpus directory with good.xml (a document that must still
open) beside the attack.  Used by tests/stress/bounds.sh; the big files are
made here, at test time, never stored.  The cases are the rows of the table
in docs/robustness.md ("Bounds")."""
import os
import sys

TEI = b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude" xml:id="%s">'
HEAD = b'<teiHeader><fileDesc><titleStmt><title>%s</title></titleStmt></fileDesc></teiHeader>'


def doc(ident, body, title=b"Aanval", prolog=b""):
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n' + prolog + TEI % ident + HEAD % title +
            b"<text><body>" + body + b"</body></text></TEI>\n")


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def good(d):
    write(os.path.join(d, "good.xml"), doc(b"good", b"<p>Dit bestand is in orde.</p>", b"Goed"))


def include_fifo(d):
    os.mkfifo(os.path.join(d, "pipe"))
    write(os.path.join(d, "attack.xml"),
          doc(b"attack", b'<p><xi:include href="pipe" parse="text"/></p>'))


def include_huge_text(d):
    # 300 MB, sparse: refused on its size before a byte is read
    with open(os.path.join(d, "huge.txt"), "wb") as f:
        f.truncate(300 * 1024 * 1024)
    write(os.path.join(d, "attack.xml"),
          doc(b"attack", b'<p><xi:include href="huge.txt" parse="text"/></p>'))


def include_text_20x50(d):
    line = b"tekst " * 10 + b"\n"
    with open(os.path.join(d, "big.txt"), "wb") as f:
        chunk = line * (1024 * 1024 // len(line))
        for _ in range(50):
            f.write(chunk)
    write(os.path.join(d, "attack.xml"),
          doc(b"attack", b'<p><xi:include href="big.txt" parse="text"/></p>' * 20))


def include_fanout(d):
    # 7 levels, each fragment including the next ten times: 10^6 copies
    os.mkdir(os.path.join(d, "frag"))
    for level in range(1, 8):
        if level < 7:
            inner = b'<xi:include href="l%d.frag"/>' % (level + 1) * 10
        else:
            inner = b"blad"
        write(os.path.join(d, "frag", "l%d.frag" % level),
              b'<seg xmlns="http://www.tei-c.org/ns/1.0" '
              b'xmlns:xi="http://www.w3.org/2001/XInclude">' + inner + b"</seg>")
    write(os.path.join(d, "attack.xml"),
          doc(b"attack", b'<p><xi:include href="frag/l1.frag"/></p>'))


def include_chain(d):
    # 12 fragments, each including the next: deeper than 8
    for i in range(1, 13):
        inner = b'<xi:include href="c%d.frag"/>' % (i + 1) if i < 12 else b"eind"
        write(os.path.join(d, "c%d.frag" % i),
              b'<seg xmlns="http://www.tei-c.org/ns/1.0" '
              b'xmlns:xi="http://www.w3.org/2001/XInclude">' + inner + b"</seg>")
    write(os.path.join(d, "attack.xml"),
          doc(b"attack", b'<p><xi:include href="c1.frag"/></p>'))


def include_loop(d):
    for a, b in ((b"a", b"b"), (b"b", b"a")):
        write(os.path.join(d, "loop-%s.frag" % a.decode()),
              b'<seg xmlns="http://www.tei-c.org/ns/1.0" '
              b'xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="loop-%s.frag"/></seg>' % b)
    write(os.path.join(d, "attack.xml"),
          doc(b"attack", b'<p><xi:include href="loop-a.frag"/></p>'))


def include_xpointer(d):
    body = b"".join(b"<p>alinea %d</p>" % i for i in range(3000))
    body += (b'<p><xi:include href="attack.xml" xpointer="xpointer(//*[count(preceding::*)'
             b'&gt;count(following::*)])"/></p>')
    write(os.path.join(d, "attack.xml"), doc(b"attack", body))


def attributes(d):
    attrs = b"".join(b' a%d="x"' % i for i in range(100000))
    write(os.path.join(d, "attack.xml"), doc(b"attack", b"<p%s>x</p>" % attrs))


def entity_in_attribute(d):
    prolog = (b'<!DOCTYPE TEI [<!ENTITY big "' + b"x" * 100000 + b'">]>\n')
    value = b"&big;" * 30000
    write(os.path.join(d, "attack.xml"),
          doc(b"attack", b'<p n="' + value + b'">x</p>', prolog=prolog))


def symlinks(d):
    os.symlink(".", os.path.join(d, "a"))
    os.symlink(".", os.path.join(d, "b"))


def deep(d):
    p = d
    for _ in range(1500):
        p = os.path.join(p, "d")
        os.mkdir(p)
    write(os.path.join(p, "deep.xml"), doc(b"deep", b"<p>diep</p>"))


def unresolved(d):
    body = b"".join(b'<p><persName ref="#nergens%d">x</persName></p>' % i for i in range(32000))
    write(os.path.join(d, "attack.xml"), doc(b"attack", body))


def search_flood(d):
    """4 MB of prose in paragraphs of 4,000 characters: --search='a*' has a
    hit in every word with an a, each once printed with its whole line."""
    words = b"de kaart van Amsterdam laat alle straten aan het water zien".split()
    para = b" ".join(words[i % len(words)] for i in range(700))[:4000]
    write(os.path.join(d, "attack.xml"), doc(b"attack", b"<p>%s</p>" % para * 1000))


def search_many(d):
    """8 MB of prose in 2,000 paragraphs: "/." then Enter finds 8 million
    hits."""
    words = b"de kaart van Amsterdam laat alle straten aan het water zien".split()
    para = b" ".join(words[i % len(words)] for i in range(700))[:4000]
    write(os.path.join(d, "attack.xml"), doc(b"attack", b"<p>%s</p>" % para * 2000))


def search_slow(d):
    """One paragraph of 10 MB (words, no qqq): /.{0,300}qqq tries 300
    characters at each of its 10 million start positions."""
    words = b"de kaart van Amsterdam laat alle straten aan het water zien".split()
    n = 10 * 1024 * 1024 // 6
    para = b" ".join(words[(i * 7) % len(words)] for i in range(n))
    write(os.path.join(d, "attack.xml"), doc(b"attack", b"<p>%s</p>" % para))


CASES = {
    "include-fifo": include_fifo,
    "include-huge-text": include_huge_text,
    "include-text-20x50": include_text_20x50,
    "include-fanout": include_fanout,
    "include-chain": include_chain,
    "include-loop": include_loop,
    "include-xpointer": include_xpointer,
    "attributes": attributes,
    "entity-in-attribute": entity_in_attribute,
    "symlinks": symlinks,
    "deep": deep,
    "unresolved": unresolved,
    "search-flood": search_flood,
    "search-many": search_many,
    "search-slow": search_slow,
}

if __name__ == "__main__":
    d, case = sys.argv[1], sys.argv[2]
    os.makedirs(d, exist_ok=True)
    good(d)
    CASES[case](d)
