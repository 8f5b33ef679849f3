#!/usr/bin/env python3
"""Word-for-word comparison of the encoded documents with their seed texts.

Usage: corpus_text.py CORPUS_DIR SEEDS_DIR
Prints TAP (one test per document, plus one that every seed is encoded) and
exits 1 if any test fails.

What is compared
----------------
Document side ("the reading with sic"): every text node under <text> (front,
body, back: heads, paragraphs, list items, figure heads, notes, bylines, the
<fw> running head), with
  * <choice>: only the <sic> branch is read (the seed's scanned reading);
    <corr>, <expan>, <reg> are skipped;
  * list items prefixed by their marker, as in the seed's markdown:
    "-" for an item of <list rend="bulleted">, "N." (item/@n) for an item
    of <list rend="numbered">;
  * tags dropped; block elements (p, head, item, ...) separated by a space;
  * displaced blocks (a <note place="foot"> and a <quote rend="pull">) taken
    out of the running text and compared separately, see below;
  * whitespace collapsed, Unicode NFC.

Seed side: the seed file's words, with
  * markdown links "[text](#)" read as "text", "**x**" and "*x*" as "x";
  * superscript digits (footnote markers and the footnote's own number,
    "¹") removed;
  * a token "|" dropped (the magazine's separator after a run-in heading,
    encoded as <head> of a div);
  * displaced blocks: the word sequence of each footnote and pull quote of
    the document must occur exactly once in the seed; it is cut out there
    (in the seed a footnote stands at the foot of its page and a pull quote
    in the middle of a column, in the document a note stands at its marker
    and a pull quote between paragraphs) and the cut-out words are compared
    with the note/quote;
  * hyphenation at line ends undone: a word that ends in "-" at the end of a
    seed line is joined to the next word (after the cuts above, so a word
    broken around a pull quote joins too); the joined word matches the
    encoded word with the hyphen kept ("SPW-opleiding") or dropped
    ("MOgroep" from "MO-" + "groep");
  * whitespace collapsed, Unicode NFC.

The first differing position is reported with the words around it and the
seed line number.
"""
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

TEI = '{http://www.tei-c.org/ns/1.0}'
BLOCKS = {'p', 'head', 'item', 'list', 'figure', 'note', 'quote', 'fw',
          'byline', 'docAuthor', 'docTitle', 'titlePart', 'argument', 'div',
          'front', 'body', 'back', 'cit', 'label', 'lg', 'l', 'table', 'row',
          'cell', 'figDesc', 'trailer', 'closer', 'opener', 'salute',
          'signed', 'dateline'}
SKIP = {'corr', 'expan', 'reg'}
SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹'


def local(tag):
    return tag[len(TEI):] if tag.startswith(TEI) else tag


def is_displaced(el):
    name = local(el.tag)
    return ((name == 'note' and el.get('place') == 'foot') or
            (name == 'quote' and el.get('rend') == 'pull'))


def flatten(el, out, displaced, parent_list=None):
    """Append the text of el (sic reading) to the list of strings out."""
    name = local(el.tag)
    block = name in BLOCKS
    if block:
        out.append(' ')
    if name == 'item' and parent_list is not None:
        rend = parent_list.get('rend', '')
        if rend == 'numbered':
            out.append((el.get('n') or '?') + '. ')
        elif rend == 'bulleted':
            out.append('- ')
    if el.text:
        out.append(el.text)
    for child in el:
        cname = local(child.tag)
        if cname in SKIP:
            pass
        elif is_displaced(child):
            buf = []
            flatten(child, buf, displaced)
            displaced.append((local(child.tag), words(''.join(buf))))
        else:
            flatten(child, out, displaced, el if name == 'list' else None)
        if child.tail:
            out.append(child.tail)
    if block:
        out.append(' ')


def words(s):
    return unicodedata.normalize('NFC', s).split()


def document_words(path):
    root = ET.parse(path).getroot()
    text = root.find(TEI + 'text')
    out, displaced = [], []
    flatten(text, out, displaced)
    return words(''.join(out)), displaced


def seed_idno(path):
    root = ET.parse(path).getroot()
    for idno in root.iter(TEI + 'idno'):
        if idno.get('type') == 'seed':
            return (idno.text or '').strip()
    return None


def seed_tokens(path):
    """[(word, line_number, ends_line)] of the seed, markdown stripped."""
    with open(path, encoding='utf-8') as f:
        src = unicodedata.normalize('NFC', f.read())
    toks = []
    for n, line in enumerate(src.split('\n'), 1):
        line = re.sub(r'\[([^\]]*)\]\(#\)', r'\1', line)
        line = re.sub(r'\*\*([^*]+)\*\*', r'\1', line)
        line = re.sub(r'\*([^*]+)\*', r'\1', line)
        line = line.translate({ord(c): None for c in SUPERSCRIPTS})
        ws = [w for w in line.split() if w != '|']
        for i, w in enumerate(ws):
            toks.append([w, n, i == len(ws) - 1])
    return toks


def cut(tokens, seq):
    """Remove the one occurrence of the word list seq from tokens."""
    k = len(seq)
    hits = [i for i in range(len(tokens) - k + 1)
            if [t[0] for t in tokens[i:i + k]] == seq]
    if len(hits) != 1:
        return None, len(hits)
    i = hits[0]
    return tokens[:i] + tokens[i + k:], 1


def join_hyphens(tokens):
    """[(alternatives, line)] with line-end hyphenation undone."""
    res = []
    i = 0
    while i < len(tokens):
        w, n, eol = tokens[i]
        if eol and w.endswith('-') and len(w) > 1 and i + 1 < len(tokens):
            nxt = tokens[i + 1][0]
            res.append(((w + nxt, w[:-1] + nxt), n))
            i += 2
        else:
            res.append(((w,), n))
            i += 1
    return res


def compare(doc, seed):
    """None if equal, else a message about the first difference."""
    for i in range(max(len(doc), len(seed))):
        d = doc[i] if i < len(doc) else '<end of document>'
        s = seed[i] if i < len(seed) else (('<end of seed>',), 0)
        if d not in s[0]:
            ctx_d = ' '.join(doc[max(0, i - 6):i + 6])
            ctx_s = ' '.join(a[0][0] for a in seed[max(0, i - 6):i + 6])
            return ('word %d differs (seed line %d): document %r, seed %r\n'
                    'document: ... %s ...\nseed:     ... %s ...'
                    % (i + 1, s[1], d, '|'.join(s[0]), ctx_d, ctx_s))
    return None


def check(doc_path, seed_path):
    doc, displaced = document_words(doc_path)
    tokens = seed_tokens(seed_path)
    for kind, seq in displaced:
        tokens, hits = cut(tokens, seq)
        if tokens is None:
            return ('%s (%s...) found %d times in the seed, expected once'
                    % (kind, ' '.join(seq[:6]), hits))
    return compare(doc, join_hyphens(tokens))


def main():
    if len(sys.argv) != 3:
        sys.stderr.write('usage: corpus_text.py CORPUS_DIR SEEDS_DIR\n')
        return 2
    corpus, seeds = sys.argv[1], sys.argv[2]
    ddir = os.path.join(corpus, 'documents')
    docs = sorted(f for f in os.listdir(ddir) if f.endswith('.xml'))
    print('1..%d' % (len(docs) + 1))
    failed = 0
    used = set()
    for n, name in enumerate(docs, 1):
        path = os.path.join(ddir, name)
        try:
            seed = seed_idno(path)
            if not seed:
                msg = 'no <idno type="seed">'
            elif not os.path.isfile(os.path.join(seeds, seed)):
                msg = 'seed %s not found in %s' % (seed, seeds)
            else:
                used.add(seed)
                msg = check(path, os.path.join(seeds, seed))
        except ET.ParseError as e:
            msg = 'not well-formed: %s' % e
        if msg is None:
            print('ok %d - %s reads word for word as %s' % (n, name, seed))
        else:
            failed += 1
            print('not ok %d - %s reads word for word as its seed' % (n, name))
            for line in msg.split('\n'):
                print('# ' + line)
    missing = sorted(f for f in os.listdir(seeds)
                     if f.endswith('.txt') and f not in used)
    n = len(docs) + 1
    if missing:
        failed += 1
        print('not ok %d - every seed has a document' % n)
        print('# not encoded: ' + ', '.join(missing))
    else:
        print('ok %d - every seed has a document' % n)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
