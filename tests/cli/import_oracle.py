#!/usr/bin/env python3
"""The names tagged in a TEI document's text, read with Python's own XML
parser, for tests/cli/import.sh.

Usage:
  import_oracle.py seed DOCUMENT...
      prints "SEED<TAB>DOCUMENT" for each document whose header names its
      seed text (sourceDesc//idno[@type='seed'])
  import_oracle.py compare IMPORTED ENCODED
      compares the names tagged under <text> in the two documents as a
      multiset of (entity id, surface text): prints
      "TP<TAB>IMPORTED-COUNT<TAB>ENCODED-COUNT" and, on stderr, what
      differs.  The surface text is the seed's reading: a <choice> is read
      by its <sic>; whitespace is collapsed, Unicode NFC.
"""
import collections
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

TEI = '{http://www.tei-c.org/ns/1.0}'
NAMES = {'persName', 'orgName', 'placeName'}
SKIP = {'corr', 'expan', 'reg'}


def local(tag):
    return tag[len(TEI):] if tag.startswith(TEI) else tag


def text_of(el):
    out = [el.text or '']
    for ch in el:
        if local(ch.tag) not in SKIP:
            out.append(text_of(ch))
        out.append(ch.tail or '')
    return ''.join(out)


def walk(el, res):
    if local(el.tag) in SKIP:
        return
    if local(el.tag) in NAMES and el.get('ref', '').startswith('#'):
        s = re.sub(r'\s+', ' ', text_of(el)).strip()
        res[(el.get('ref')[1:], unicodedata.normalize('NFC', s))] += 1
        return
    for ch in el:
        walk(ch, res)


def mentions(path):
    res = collections.Counter()
    for t in ET.parse(path).getroot().iter(TEI + 'text'):
        walk(t, res)
    return res


def main():
    if sys.argv[1] == 'seed':
        for path in sys.argv[2:]:
            for idno in ET.parse(path).getroot().iter(TEI + 'idno'):
                if idno.get('type') == 'seed':
                    print(idno.text.strip() + '\t' + path)
        return 0
    got, want = mentions(sys.argv[2]), mentions(sys.argv[3])
    tp = sum((got & want).values())
    for k, v in sorted((got - want).items()):
        print('extra %s %r x%d' % (k[0], k[1], v), file=sys.stderr)
    for k, v in sorted((want - got).items()):
        print('missed %s %r x%d' % (k[0], k[1], v), file=sys.stderr)
    print('%d\t%d\t%d' % (tp, sum(got.values()), sum(want.values())))
    return 0


sys.exit(main())
