#!/usr/bin/env python3
"""Consistency checks of the werkbezoek TEI corpus (standard library only).

Usage: corpus_check.py CORPUS_DIR SEEDS_DIR FIRST_TEST_NUMBER

Prints TAP test lines (no plan; corpus-check.sh prints the plan) for:
  b. every pointer that starts with "#" in @ref, @sameAs, @active,
     @passive, @mutual, @who (affiliation/@ref included) resolves to exactly
     one xml:id in the corpus;
  c. every xml:id is unique across all files;
  d. every person, org and place record of the register is mentioned
     (persName/orgName/placeName @ref) at least once in the documents;
  e. each document has a date (profileDesc/creation/date/@when, ISO 8601),
     a text type (keywords/term[@type="texttype"] and text/@type), and a
     seed idno (sourceDesc//idno[@type="seed"]) naming an existing file in
     SEEDS_DIR; when SEEDS_DIR does not exist only that last sub-check is
     skipped ("ok N - # SKIP seeds not present").
Exit status: 0 if every test passed, 1 otherwise.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

TEI = '{http://www.tei-c.org/ns/1.0}'
XML_ID = '{http://www.w3.org/XML/1998/namespace}id'
POINTER_ATTRS = ('ref', 'sameAs', 'active', 'passive', 'mutual', 'who')
ISO_DATE = re.compile(r'^-?\d{4}(-\d{2}(-\d{2})?)?$')

failures = 0
number = 0


def tap(ok, desc, diag=()):
    global failures, number
    number += 1
    print('%s %d - %s' % ('ok' if ok else 'not ok', number, desc))
    if not ok:
        failures += 1
        diag = list(diag)
        for line in diag[:40]:
            print('# ' + line)
        if len(diag) > 40:
            print('# ... and %d more' % (len(diag) - 40))


def local(tag):
    return tag[len(TEI):] if tag.startswith(TEI) else tag


def main():
    global number
    corpus, seeds, first = sys.argv[1], sys.argv[2], int(sys.argv[3])
    number = first - 1
    ddir = os.path.join(corpus, 'documents')
    docs = sorted(os.path.join(ddir, f) for f in os.listdir(ddir)
                  if f.endswith('.xml'))
    register = os.path.join(corpus, 'register.xml')
    files = docs + [register]
    trees = {}
    parse_errors = []
    for f in files:
        try:
            trees[f] = ET.parse(f).getroot()
        except (ET.ParseError, OSError) as e:
            parse_errors.append('%s: %s' % (f, e))
    tap(not parse_errors, 'all corpus files parse', parse_errors)

    # c. xml:id unique across the corpus
    where = {}
    for f, root in trees.items():
        for el in root.iter():
            i = el.get(XML_ID)
            if i is not None:
                where.setdefault(i, []).append(os.path.basename(f))
    dups = ['%s defined %d times (%s)' % (i, len(fs), ', '.join(fs))
            for i, fs in sorted(where.items()) if len(fs) > 1]
    tap(not dups, 'every xml:id is unique across the corpus', dups)

    # b. pointers resolve to exactly one xml:id
    bad = []
    count = 0
    for f, root in trees.items():
        for el in root.iter():
            for a in POINTER_ATTRS:
                v = el.get(a)
                if v is None:
                    continue
                for p in v.split():
                    if not p.startswith('#'):
                        continue
                    count += 1
                    n = len(where.get(p[1:], []))
                    if n != 1:
                        bad.append('%s: <%s %s="%s">: %s matches %d xml:id'
                                   % (os.path.basename(f), local(el.tag),
                                      a, v, p, n))
    tap(not bad and count > 0,
        'every #pointer resolves to exactly one xml:id (%d pointers)' % count,
        bad or ['no pointers found'])

    # d. every register record is mentioned in the documents
    mentioned = set()
    for f in docs:
        root = trees.get(f)
        if root is None:
            continue
        for el in root.iter():
            if local(el.tag) in ('persName', 'orgName', 'placeName'):
                for p in (el.get('ref') or '').split():
                    if p.startswith('#'):
                        mentioned.add(p[1:])
    unused = []
    records = 0
    reg = trees.get(register)
    if reg is not None:
        for el in reg.iter():
            if local(el.tag) in ('person', 'org', 'place') and el.get(XML_ID):
                records += 1
                if el.get(XML_ID) not in mentioned:
                    unused.append('%s %s is never mentioned in a document'
                                  % (local(el.tag), el.get(XML_ID)))
    tap(reg is not None and records > 0 and not unused,
        'every register record (%d) is mentioned in the documents' % records,
        unused or ['no register records'])

    # e. metadata of each document
    seeds_present = os.path.isdir(seeds)
    for f in docs:
        root = trees.get(f)
        name = os.path.basename(f)
        if root is None:
            tap(False, '%s has date, text type and seed' % name, ['unparsed'])
            continue
        problems = []
        date = root.find('./%steiHeader/%sprofileDesc/%screation/%sdate'
                         % (TEI, TEI, TEI, TEI))
        if date is None or not ISO_DATE.match(date.get('when') or ''):
            problems.append('no profileDesc/creation/date/@when (ISO 8601)')
        terms = [t for t in root.iter(TEI + 'term')
                 if t.get('type') == 'texttype' and (t.text or '').strip()]
        if not terms:
            problems.append('no keywords/term[@type="texttype"]')
        text = root.find(TEI + 'text')
        if text is None or not text.get('type'):
            problems.append('no text/@type')
        elif terms and text.get('type') != terms[0].text.strip():
            problems.append('text/@type %r differs from texttype term %r'
                            % (text.get('type'), terms[0].text.strip()))
        idnos = [i for i in root.iter(TEI + 'idno')
                 if i.get('type') == 'seed' and (i.text or '').strip()]
        if len(idnos) != 1:
            problems.append('expected one idno[@type="seed"], found %d'
                            % len(idnos))
        tap(not problems, '%s has a date, a text type and a seed idno'
            % name, problems)
        if not seeds_present:
            number_skip()
        elif len(idnos) == 1:
            seed = idnos[0].text.strip()
            tap(os.path.isfile(os.path.join(seeds, seed)),
                '%s: seed %s exists' % (name, seed),
                ['%s not found in %s' % (seed, seeds)])
        else:
            tap(False, '%s: seed exists' % name, ['no seed idno'])
    return 1 if failures else 0


def number_skip():
    global number
    number += 1
    print('ok %d - # SKIP seeds not present' % number)


if __name__ == '__main__':
    sys.exit(main())
