#!/usr/bin/env python3
"""query_oracle.py: what --search should find for the queries of
tests/cli/query.sh, found independently of the program's query code.

Usage: query_oracle.py DIR CASE

DIR holds what the program prints as plain text and nothing else:
  order          the document ids, one a line (--list | cut -f1)
  list           --list (id TAB date TAB type TAB title)
  ID.txt         --show=ID --width=0 of each document
  entity-ID.txt  --entity=ID of each entity a case uses
  places         the ids of --entities=place

Which lines mention an entity comes from its page: each context line
under "Mentions" is found in its document's lines ("…" cut off; a line
equal to it wins, else every line that contains it).  Where in a line a
mention is (for near:) is where its name or a variant ("Also:") occurs.

Prints docid:line:column for each hit, as `--search ... | cut -d: -f1-3`.
"""
import os
import re
import sys

DIR = sys.argv[1]


def read(name):
    with open(os.path.join(DIR, name), encoding='utf-8') as f:
        return f.read().split('\n')[:-1]


ORDER = read('order')
LIST = {}
for row in read('list'):
    i, date, kind, title = row.split('\t')
    LIST[i] = (date, kind, title)
LINES = {d: read(d + '.txt') for d in ORDER}


def entity(eid, _cache={}):
    """(names, {(doc, line index)}) of the entity, from its page."""
    if eid in _cache:
        return _cache[eid]
    page = read('entity-' + eid + '.txt')
    names = [page[0]]
    for row in page:
        if row.startswith('Also: '):
            names += row[len('Also: '):].split(', ')
    heads = {'%s  %s' % (LIST[d][0], LIST[d][2]): d for d in ORDER}
    start = next(i for i, row in enumerate(page) if row.startswith('Mentions ('))
    result = set()
    doc = None
    for row in page[start + 1:]:
        if row in heads:
            doc = heads[row]
            continue
        ctx = row.strip('…')
        lines = LINES[doc]
        # the whole line, else a header line "Label: " + it, else any
        # line that has it
        exact = [i for i, text in enumerate(lines) if text == ctx]
        exact = exact or [i for i, text in enumerate(lines)
                          if re.fullmatch(r'[A-Z]\w*: ' + re.escape(ctx), text)]
        for i in exact or [i for i, text in enumerate(lines) if ctx in text]:
            result.add((doc, i))
    _cache[eid] = (names, result)
    return _cache[eid]


def mentions(eid, doc, i):
    return (doc, i) in entity(eid)[1]


def spans(eid, doc, i):
    """Where the entity's names are in a line that mentions it."""
    if not mentions(eid, doc, i):
        return []
    out = []
    for name in entity(eid)[0]:
        for m in re.finditer(re.escape(name), LINES[doc][i], re.I):
            out.append((m.start(), m.end()))
    return out


def regex(pat):
    caseless = not re.search(r'(?<!\\)[A-Z]', pat)
    return re.compile(pat, re.I if caseless else 0)


def hits(pat, doc, i):
    return [(m.start(), m.end()) for m in regex(pat).finditer(LINES[doc][i])
            if m.end() > m.start()]


def words_between(text, a, b):
    return len(re.findall(r'\w+', text[a:b]))


def near(doc, i, hit, ents, n):
    text = LINES[doc][i]
    for e in ents:
        for s, t in spans(e, doc, i):
            if t <= hit[0] and words_between(text, t, hit[0]) <= n:
                return True
            if hit[1] <= s and words_between(text, hit[1], s) <= n:
                return True
            if s < hit[1] and hit[0] < t:
                return True
    return False


def date_in(doc, lo, hi):
    d = LIST[doc][0]
    if not d:
        return False
    return (not lo or d[:len(lo)] >= lo[:len(d)]) and (not hi or d[:len(hi)] <= hi[:len(d)])


PLACES = None


def any_place(doc, i):
    global PLACES
    if PLACES is None:
        PLACES = read('places')
    return any(mentions(p, doc, i) for p in PLACES)


# Each case: (pattern or None, line predicate, near (entities, N) or None,
# document predicate).  A case with a pattern gives its hits in the lines
# where the predicates hold; one without gives each such line (column 1).
CASES = {
    r'werk\w* @tinten':
        (r'werk\w*', lambda d, i: mentions('tinten', d, i), None, None),
    'mantelzorg -@tinten':
        ('mantelzorg', lambda d, i: not mentions('tinten', d, i), None, None),
    '@aly-van-beek @marijke-vos':
        (None, lambda d, i: mentions('aly-van-beek', d, i) and
         mentions('marijke-vos', d, i), None, None),
    '@"Aly van Beek" | @i-kracht':
        (None, lambda d, i: mentions('aly-van-beek', d, i) or
         mentions('i-kracht', d, i), None, None),
    r'gemeente\w* (@aly-van-beek | @marijke-vos)':
        (r'gemeente\w*', lambda d, i: mentions('aly-van-beek', d, i) or
         mentions('marijke-vos', d, i), None, None),
    r'werk\w* date:2014..2015':
        (r'werk\w*', None, None, lambda d: date_in(d, '2014', '2015')),
    r'zorg\w* date:..2014-06 -kind:interview':
        (r'zorg\w*', None, None, lambda d: date_in(d, '', '2014-06') and
         LIST[d][1].lower() != 'interview'),
    'Beek kind:interview':
        ('Beek', None, None, lambda d: LIST[d][1].lower() == 'interview'),
    r'wijk\w* type:place':
        (r'wijk\w*', any_place, None, None),
    r'\w+ @aly-van-beek near:2':
        (r'\w+', lambda d, i: mentions('aly-van-beek', d, i), (['aly-van-beek'], 2), None),
    r'zorg\w* @mogroep near:6':
        (r'zorg\w*', lambda d, i: mentions('mogroep', d, i), (['mogroep'], 6), None),
}

# Documents, not lines: each document where the predicate holds over its
# lines, as its title line.
DOC_CASES = {
    'within:document @aly-van-beek @i-kracht':
        lambda d: any(mentions('aly-van-beek', d, i) for i in range(len(LINES[d]))) and
        any(mentions('i-kracht', d, i) for i in range(len(LINES[d]))),
    'date:2013..2014': lambda d: date_in(d, '2013', '2014'),
}


def main():
    case = sys.argv[2]
    if case in DOC_CASES:
        for d in ORDER:
            if DOC_CASES[case](d):
                print('%s:1:1' % d)
        return
    pat, line_ok, near_spec, doc_ok = CASES[case]
    for d in ORDER:
        if doc_ok and not doc_ok(d):
            continue
        for i in range(len(LINES[d])):
            if line_ok and not line_ok(d, i):
                continue
            if pat is None:
                print('%s:%d:1' % (d, i + 1))
                continue
            for h in hits(pat, d, i):
                if near_spec and not near(d, i, h, near_spec[0], near_spec[1]):
                    continue
                print('%s:%d:%d' % (d, i + 1, h[0] + 1))


main()
